//! /track — progress by receipt number and query code, without logging in.
//!
//! The form posts (the code never goes into an address, a history entry or a server log); a look-up that matches is
//! kept, sealed, in a short-lived HttpOnly cookie and the browser is sent back here to see it (POST, redirect, GET),
//! so reloading the result asks nothing again. A look-up that does not match comes back on this page with the
//! receipt number kept and the same answer for an unknown receipt and a wrong code.

use super::common::{error_view, events_view};
use super::data::{track_remembered, TrackInfo};
use crate::components::field::yuan;
use crate::page_data::use_page;
use crate::texts::Label;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;

fn result_view(t: TrackInfo, l: Lang) -> AnyView {
    view! {
        <p><span class=format!("status status-{}", t.status.code())>{t.status.label(l)}</span></p>
        {t.case_number.map(|n| view! { <p class="case-number">{tr!(l, filing_case_number)}": "<strong>{n}</strong></p> })}
        {t.payment_status.map(|p| view! {
            <p class="track-fee">
                {tr!(l, filing_court_fee)}": "<span class="payment-status">{p.label(l)}</span>
                {t.fee_total_fen.filter(|fen| *fen > 0).map(|fen| view! { " · "<strong class="fee-due">{yuan(fen, l)}</strong> })}
                {t.payment_due.map(|d| view! { " · "{tr!(l, pay_deadline)}" "<strong class="payment-due">{d}</strong> })}
            </p>
        })}
        {events_view(&t.events, l)}
    }
    .into_any()
}

/// /track — progress by receipt number and query code, without logging in.
#[component]
pub fn TrackPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    // A look-up just posted that matched nothing (or was refused): its outcome, with the receipt number kept.
    let outcome = page.outcome("track").cloned();
    let posted = outcome.is_some();
    let kept_receipt = outcome
        .as_ref()
        .map(|o| o.value("receipt"))
        .unwrap_or_default();
    let notice = outcome.and_then(|o| o.notice).map(|n| {
        view! { <p class="error-message" role="alert">{n.message(l)}</p> }
    });
    let remembered = Resource::new_blocking(|| (), |_| track_remembered());
    let body = move || {
        let kept_receipt = kept_receipt.clone();
        Suspend::new(async move {
            // Just posted: the form's own outcome speaks; an older look-up is not shown under it.
            let lookup = if posted { Ok(None) } else { remembered.await };
            let receipt = match &lookup {
                Ok(Some(t)) => t.receipt_no.clone(),
                _ => kept_receipt,
            };
            let result = match lookup {
                Ok(Some(t)) => Some(match t.found {
                    Some(info) => view! {
                        <section class="track-result" aria-labelledby="track-result-title">
                            <h2 id="track-result-title">{tr!(l, filing_receipt_number)}" "<span class="receipt-no">{t.receipt_no}</span></h2>
                            {result_view(info, l)}
                        </section>
                    }
                    .into_any(),
                    None => view! { <p class="error-message" role="alert">{tr!(l, track_nothing_found_check_the_receipt_number)}</p> }.into_any(),
                }),
                Ok(None) => None,
                Err(e) => Some(error_view(&e, l)),
            };
            view! {
                {result}
                <form method="post" action="/track" class="form" id="track-form">
                    <div class="field">
                        <label for="f-receipt">{tr!(l, filing_receipt_number)}</label>
                        <p class="hint" id="f-receipt-hint">{tr!(l, track_receipt_hint)}</p>
                        <input id="f-receipt" name="receipt" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="64" aria-describedby="f-receipt-hint" value=receipt/>
                    </div>
                    <div class="field">
                        <label for="f-code">{tr!(l, track_query_code)}</label>
                        <p class="hint" id="f-code-hint">{tr!(l, track_code_private)}</p>
                        <input id="f-code" name="code" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="32" aria-describedby="f-code-hint"/>
                    </div>
                    <button type="submit" class="button">{tr!(l, track_look_up)}</button>
                </form>
            }
        })
    };
    view! {
        <Title text=tr!(l, track_track_progress)/>
        <section class="panel narrow">
            <h1>{tr!(l, track_track_progress)}</h1>
            {notice}
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
