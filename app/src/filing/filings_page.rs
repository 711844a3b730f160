//! /filings — the filer's matters and the way in to a new one.

use super::common::error_view;
use super::data::my_filings;
use crate::page_data::use_page;
use crate::texts::Label;
use leptos::prelude::*;
use leptos_meta::Title;

/// /filings — the filer's matters, newest first, and the way in to a new one.
#[component]
pub fn FilingsPage() -> impl IntoView {
    let l = use_page().lang;
    let list = Resource::new_blocking(|| (), |_| my_filings());
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(items) => view! {
                    <div class="mediation-first">
                        <h2>{tr!(l, filings_try_mediation_first)}</h2>
                        <p>{tr!(l, filings_pre_litigation_mediation_is_free_and)}</p>
                    </div>
                    <form method="post" action="/filings/new">
                        <button type="submit" class="button">{tr!(l, filings_start_a_new_filing)}</button>
                    </form>
                    <h2>{tr!(l, filings_my_matters)}</h2>
                    {if items.is_empty() {
                        view! { <p>{tr!(l, filings_nothing_yet)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="matters">
                                {items.into_iter().map(|f| {
                                    let href = format!("/filings/{}", f.id);
                                    let title = if f.cause.is_empty() { tr!(l, filings_no_case_type_yet).to_string() } else { f.cause.clone() };
                                    view! {
                                        <li>
                                            <a href=href>{title}</a>
                                            " — "<span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span>
                                            {f.case_number.map(|n| view! { " · "<strong>{n}</strong> })}
                                            {f.receipt_no.map(|n| view! { " · "{tr!(l, filings_receipt)}" "{n} })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p><a href="/track">{tr!(l, filings_track_with_a_receipt_number_and)}</a></p>
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, filings_online_filing)/>
        <section class="panel">
            <h1>{tr!(l, filings_online_filing)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
