//! /track — progress by receipt number and query code, without logging in.

use super::common::{error_view, events_view};
use super::data::track_filing;
use crate::components::field::yuan;
use crate::page_data::use_page;
use crate::texts::Label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// /track — progress by receipt number and query code, without logging in.
#[component]
pub fn TrackPage() -> impl IntoView {
    let l = use_page().lang;
    let query = use_query_map();
    let receipt = move || query.read().get("receipt").unwrap_or_default();
    let code = move || query.read().get("code").unwrap_or_default();
    let result = Resource::new_blocking(move || (receipt(), code()), |(r, c)| track_filing(r, c));
    let body = move || {
        Suspend::new(async move {
            let asked = !receipt().is_empty();
            match result.await {
                Ok(Some(t)) => view! {
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
                .into_any(),
                Ok(None) if asked => view! { <p class="error-message" role="alert">{tr!(l, track_nothing_found_check_the_receipt_number)}</p> }.into_any(),
                Ok(None) => ().into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, track_track_progress)/>
        <section class="panel narrow">
            <h1>{tr!(l, track_track_progress)}</h1>
            <form method="get" action="/track" class="form">
                <div class="field"><label for="f-receipt">{tr!(l, filing_receipt_number)}</label><input id="f-receipt" name="receipt" autocapitalize="characters" autocomplete="off" spellcheck="false" value=receipt/></div>
                <div class="field"><label for="f-code">{tr!(l, track_query_code)}</label><input id="f-code" name="code" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="32" value=code/></div>
                <button type="submit" class="button">{tr!(l, track_look_up)}</button>
            </form>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
