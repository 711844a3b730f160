//! /filings — the filer's matters and the way in to a new one; /filings/:id/delete — the question asked before a
//! draft is deleted (a page of its own, so the confirmation works without JavaScript).

use super::common::error_view;
use super::data::{draft_to_delete, my_filings, FilingSummary};
use crate::error::{AppError, ErrorKind};
use crate::page_data::use_page;
use crate::texts::Label;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// /filings — the filer's matters, newest first, and the way in to a new one.
#[component]
pub fn FilingsPage() -> impl IntoView {
    let l = use_page().lang;
    let deleted = use_query_map().read_untracked().get("deleted").is_some();
    let list = Resource::new_blocking(|| (), |_| my_filings());
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(items) => view! {
                    {deleted.then(|| view! { <p class="notice" role="status">{tr!(l, matters_deleted)}</p> })}
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
                                {items.into_iter().map(|f| matter_row(f, l)).collect_view()}
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

fn cause_or_none(f: &FilingSummary, l: Lang) -> String {
    if f.cause.is_empty() {
        tr!(l, filings_no_case_type_yet).to_string()
    } else {
        f.cause.clone()
    }
}

/// When it was submitted (the filing date), else when the draft was started: a date in Beijing time.
fn dated(f: &FilingSummary, l: Lang) -> (&'static str, String) {
    match f.submitted_at {
        Some(at) => (
            tr!(l, matters_submitted_on),
            domain::date::shanghai_date(at).to_string(),
        ),
        None => (
            tr!(l, matters_created_on),
            domain::date::shanghai_date(f.created_at).to_string(),
        ),
    }
}

/// The facts of one matter: what it is, with whom, where it stands, since when.
fn facts(f: &FilingSummary, l: Lang) -> impl IntoView {
    let (when_label, when) = dated(f, l);
    let other = f
        .other_party
        .clone()
        .unwrap_or_else(|| tr!(l, matters_not_named_yet).to_string());
    view! {
        <dl class="matter-facts">
            <div><dt>{tr!(l, matters_other_party)}</dt><dd class="other-party">{other}</dd></div>
            <div><dt>{tr!(l, matters_status)}</dt>
                <dd><span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span></dd></div>
            <div><dt>{when_label}</dt><dd><time datetime=when.clone()>{when.clone()}</time></dd></div>
            {f.receipt_no.clone().map(|n| view! { <div><dt>{tr!(l, filings_receipt)}</dt><dd>{n}</dd></div> })}
            {f.case_number.clone().map(|n| view! { <div><dt>{tr!(l, filing_case_number)}</dt><dd><strong>{n}</strong></dd></div> })}
        </dl>
    }
}

fn matter_row(f: FilingSummary, l: Lang) -> impl IntoView {
    let href = format!("/filings/{}", f.id);
    let delete = f.deletable.then(|| {
        view! {
            <a class="button secondary small" href=format!("/filings/{}/delete", f.id)>
                {tr!(l, matters_delete_draft)}
            </a>
        }
    });
    view! {
        <li class="matter">
            <h3><a href=href>{cause_or_none(&f, l)}</a></h3>
            {facts(&f, l)}
            {delete}
        </li>
    }
}

/// /filings/:id/delete — asks before deleting a draft, saying what goes with it; the filer's own drafts only
/// (anyone else's is 404), and a submitted filing is never offered.
#[component]
pub fn DeleteDraftPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let summary = Resource::new_blocking(id, draft_to_delete);
    let body = move || {
        let id = id();
        Suspend::new(async move {
            match summary.await {
                Ok(f) => view! {
                    <h1>{tr!(l, matters_delete_title)}</h1>
                    <h2>{cause_or_none(&f, l)}</h2>
                    {facts(&f, l)}
                    <p class="notice" role="note">{tr!(l, matters_delete_warning)}</p>
                    <form method="post" action=format!("/filings/{}/delete", f.id) class="actions">
                        <input type="hidden" name="confirm" value="yes"/>
                        <button type="submit" class="button">{tr!(l, matters_delete_confirm)}</button>
                        <a class="button secondary" href="/filings">{tr!(l, matters_delete_cancel)}</a>
                    </form>
                }
                .into_any(),
                // Submitted: the court's record now (the server function answered 409).
                Err(AppError::Refused { kind: ErrorKind::Conflict, .. }) => view! {
                    <h1>{tr!(l, matters_not_deletable)}</h1>
                    <p><a href=format!("/filings/{id}")>{tr!(l, filing_filing)}</a></p>
                    <p><a href="/filings">{tr!(l, filing_back_to_my_matters)}</a></p>
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, matters_delete_title)/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
