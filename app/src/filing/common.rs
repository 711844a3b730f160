//! What the filing pages share: the error view, labels of causes and events, the timeline, small form pieces.

use crate::components::field::field_id;
use crate::error::AppError;
use domain::filing::{validate, FilingDraft};
use domain::{Date, FieldError, FieldErrors, Lang};
use leptos::prelude::*;

pub(super) fn errors_of(draft: &FilingDraft, today: Date) -> FieldErrors {
    validate(draft, today).err().unwrap_or_default()
}

pub(super) fn error_view(e: &AppError, l: Lang) -> AnyView {
    match e {
        AppError::Unauthorized => view! {
            <h1>{tr!(l, account_please_log_in)}</h1>
            <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p>
        }
        .into_any(),
        other => view! { <h1>{other.message(l)}</h1> }.into_any(),
    }
}

/// Why a clerk's or filer's action on the filing page was not done, from the refusal code the form door sends back.
pub(super) fn refusal_message(code: &str, l: Lang) -> &'static str {
    match code {
        "no_consent" => tr!(l, filing_the_filer_has_not_agreed_to),
        "correction_once" => tr!(l, review_corrections_once),
        "not_overdue" => tr!(l, filing_the_time_to_pay_has_not),
        "validation" => tr!(l, filing_that_was_not_done_give_the),
        "rate_limited" => tr!(l, error_too_many_attempts),
        _ => tr!(l, filing_that_was_not_done_not_possible),
    }
}

pub(super) fn cause_name(code: &str) -> String {
    domain::catalogue::cause(code)
        .map(|c| c.name.to_string())
        .unwrap_or_default()
}

pub(super) fn action_label(action: &str, l: Lang) -> &'static str {
    match action {
        "create" => tr!(l, filing_draft_started),
        "submit" => tr!(l, filing_submitted),
        "resubmit" => tr!(l, filing_resubmitted_after_corrections),
        "register" => tr!(l, filing_registered),
        "request_correction" => tr!(l, filing_court_asked_for_corrections),
        "refuse" => tr!(l, filing_refused),
        "divert" => tr!(l, filing_sent_to_pre_litigation_mediation),
        "return_from_mediation" => tr!(l, filing_back_from_mediation),
        "request_relief" => tr!(l, filing_fee_relief_applied_for),
        "grant_relief" => tr!(l, filing_fee_relief_granted),
        "deny_relief" => tr!(l, filing_fee_relief_refused),
        "record_payment" => tr!(l, filing_fee_paid),
        "treat_as_withdrawn" => tr!(l, filing_fee_not_paid_in_time_treated),
        _ => tr!(l, filing_other),
    }
}

pub(super) fn events_view(events: &[super::data::EventView], l: Lang) -> impl IntoView {
    let zone = tr!(l, account_beijing_time);
    view! {
        <h2>{tr!(l, filing_progress)}</h2>
        <ol class="timeline">
            {events
                .iter()
                .map(|e| view! {
                    <li>
                        <time>{domain::date::format_shanghai(e.at, zone)}</time>
                        " · "
                        <strong>{action_label(&e.action, l)}</strong>
                        {(!e.note.is_empty()).then(|| view! { <p class="note">{e.note.clone()}</p> })}
                    </li>
                })
                .collect_view()}
        </ol>
    }
}

pub(super) fn error_of(errors: &FieldErrors, key: &str, show: bool) -> Option<FieldError> {
    if show {
        errors.get(key)
    } else {
        None
    }
}

pub(super) fn select(
    name: String,
    label: &'static str,
    current: &str,
    options: &[(&'static str, &'static str)],
) -> impl IntoView {
    let id = field_id(&name);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.iter().map(|(v, t)| view! { <option value=*v selected=current == *v>{*t}</option> }).collect_view()}
            </select>
        </div>
    }
}

pub(super) fn checkbox(name: String, label: &'static str, checked: bool) -> impl IntoView {
    let id = field_id(&name);
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name value="true" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}
