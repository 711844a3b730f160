//! /mediations — the caller's mediations; /mediations/:id — one mediation with what the caller may do now (answer,
//! move, cancel, record the outcome, sign, apply for confirmation, go to court), the agreement as the paper
//! document looks (printable), the confirmation and every step; /mediations/:id/invitation — the page the invited
//! party's link opens, no login needed. Plain forms: everything works without scripts.

use super::data::{load_invitation, load_mediation, load_mine, MediationData};
use super::meeting_page::MeetingSection;
use super::roster_page::{cause_name, error_view};
use crate::components::field::{field_id, yuan};
use crate::page_data::use_page;
use crate::texts::{Label, Message};
use domain::mediation::{MediationMode, MediationRole, MediationStatus};
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn when(ms: i64, l: Lang) -> String {
    domain::date::format_shanghai(ms, tr!(l, account_beijing_time))
}

#[component]
pub fn MyMediationsPage() -> impl IntoView {
    let l = use_page().lang;
    let data = Resource::new_blocking(|| (), |_| load_mine());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(list) if list.is_empty() => view! {
                    <p>{tr!(l, mp_none_yet)}</p>
                    <p><a class="button" href="/mediation">{tr!(l, mp_title)}</a></p>
                }
                .into_any(),
                Ok(list) => view! {
                    <p><a class="button" href="/mediation">{tr!(l, mp_title)}</a></p>
                    <ul class="matter-list">
                        {list.into_iter().map(|m| view! {
                            <li class="matter">
                                <a href=format!("/mediations/{}", m.id)>{cause_name(&m.cause, l)}</a>
                                " · "<span class="status">{m.status.label(l)}</span>
                                " · "<time>{when(m.start_ms, l)}</time>
                                {m.priority.then(|| view! { " "<span class="badge">{tr!(l, mp_priority)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_my_mediations)/>
        <section class="panel">
            <h1>{tr!(l, mp_my_mediations)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

#[component]
pub fn MediationPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let params = use_params_map();
    let q = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_mediation);
    let body = move || {
        let page = page.clone();
        Suspend::new(async move {
            let error = q.read_untracked().get("error").unwrap_or_default();
            let booked = q.read_untracked().get("booked").is_some();
            match data.await {
                Ok(d) => mediation_view(d, &error, booked, &page, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_mediation)/>
        <section class="panel mediation">
            <Suspense fallback=|| ()>{body}</Suspense>
            <MeetingSection id=params.read_untracked().get("id").unwrap_or_default()/>
        </section>
    }
}

pub(super) fn refusal(code: &str, l: Lang) -> &'static str {
    match code {
        "slot_taken" => tr!(l, mediation_slot_taken),
        "within_notice" => tr!(l, mp_within_notice_short),
        "confirmation_too_late" => tr!(l, mp_confirmation_too_late_short),
        "extended_once" => tr!(l, mediation_extended_once),
        "rate_limited" => tr!(l, mediation_too_many),
        "hold_expired" => tr!(l, mediation_hold_expired),
        "validation" => tr!(l, filing_that_was_not_done_give_the),
        "forbidden" => tr!(l, error_this_account_may_not_do_this),
        _ => tr!(l, filing_that_was_not_done_not_possible),
    }
}

fn mediation_view(
    d: MediationData,
    error: &str,
    booked: bool,
    page: &crate::PageData,
    l: Lang,
) -> AnyView {
    let id = d.id.clone();
    let has = |a: &str| d.actions.iter().any(|x| x == a);
    let action = |p: &str| format!("/mediations/{id}/{p}");
    let outcome = page.outcome("outcome").cloned();
    let value = |f: &str| outcome.as_ref().map(|o| o.value(f)).unwrap_or_default();
    let err = |f: &str| {
        outcome
            .as_ref()
            .and_then(|o| o.error(f))
            .map(|e| view! { <p class="error-message">{e.message(l)}</p> })
    };
    let refused = (!error.is_empty())
        .then(|| view! { <p class="error-summary" role="alert">{refusal(error, l)}</p> });
    let continue_booking = has("submit").then(|| {
        view! { <p><a class="button" href=format!("/mediations/{}/book", d.id)>{tr!(l, mp_continue_booking)}</a></p> }
    });
    let invitation = d.invitation_link.clone().map(|link| {
        view! {
            <div class="notice invitation-link">
                {booked.then(|| view! { <p><strong>{tr!(l, mp_booked)}</strong></p> })}
                <p>{tr!(l, mp_waiting_for_consent)}</p>
                <p>{tr!(l, mp_link_hint)}" "<a class="invite-link" href=link.clone()>{link.clone()}</a></p>
                {d.invite_expires_at.map(|e| view! { <p class="hint">{tr!(l, mp_link_valid_until)}" "{when(e, l)}</p> })}
            </div>
        }
    });
    let respond = has("accept").then(|| {
        view! {
            <h2>{tr!(l, mp_do_you_agree)}</h2>
            <p class="hint">{tr!(l, mp_voluntary)}</p>
            <form method="post" action=action("response")>
                <input type="hidden" name="accept" value="1"/>
                <button type="submit" class="button">{tr!(l, mp_accept)}</button>
            </form>
            <form method="post" action=action("response")>
                <input type="hidden" name="accept" value="0"/>
                <div class="field">
                    <label for="f-decline-reason">{tr!(l, mp_decline_reason)}</label>
                    <textarea id="f-decline-reason" name="reason" rows="2" maxlength="500"></textarea>
                </div>
                <button type="submit" class="button secondary">{tr!(l, mp_decline)}</button>
            </form>
        }
    });
    let reschedule = (has("reschedule") && !d.slots.is_empty()).then(|| {
        view! {
            <details class="action">
                <summary>{tr!(l, mp_move)}</summary>
                <form method="post" action=action("reschedule")>
                    <div class="field">
                        <label for="f-new-start">{tr!(l, mp_new_time)}</label>
                        <select id="f-new-start" name="start">
                            {d.slots.iter().map(|s| view! { <option value=s.start.clone()>{format!("{} {}", s.day, s.time)}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button secondary">{tr!(l, mp_move_button)}</button>
                </form>
            </details>
        }
    });
    let cancel = has("cancel").then(|| {
        view! {
            <details class="action">
                <summary>{tr!(l, mp_cancel)}</summary>
                <form method="post" action=action("cancel")>
                    <div class="field">
                        <label for="f-cancel-reason">{tr!(l, mp_cancel_reason)}</label>
                        <textarea id="f-cancel-reason" name="reason" rows="2" maxlength="500" required=true></textarea>
                    </div>
                    <button type="submit" class="button secondary">{tr!(l, mp_cancel_button)}</button>
                </form>
            </details>
        }
    });
    let extend = has("extend").then(|| {
        view! {
            <details class="action">
                <summary>{tr!(l, mp_extend)}</summary>
                <form method="post" action=action("extension")>
                    <div class="field">
                        <label for="f-ext-days">{tr!(l, mp_extend_days)}</label>
                        <input id="f-ext-days" name="days" type="number" min="1" max="30" value="15" inputmode="numeric"/>
                    </div>
                    <div class="field">
                        <label for="f-ext-reason">{tr!(l, mp_extend_reason)}</label>
                        <textarea id="f-ext-reason" name="reason" rows="2" maxlength="500"></textarea>
                    </div>
                    <button type="submit" class="button secondary">{tr!(l, mp_extend_button)}</button>
                </form>
            </details>
        }
    });
    let record = has("record_success").then(|| {
        let result = value("result");
        view! {
            <h2 id="outcome">{tr!(l, mp_record_outcome)}</h2>
            <form method="post" action=action("outcome") class="outcome-form" novalidate=true>
                <fieldset class="field">
                    <legend>{tr!(l, mp_result)}</legend>
                    {err("result")}
                    {[("success", MediationStatus::Settled), ("partial", MediationStatus::PartlySettled), ("failure", MediationStatus::Failed)]
                        .into_iter()
                        .map(|(code, s)| {
                            let id = format!("result-{code}");
                            view! { <p><input type="radio" name="result" id=id.clone() value=code checked=result == code/><label for=id>{s.label(l)}</label></p> }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="field terms">
                    <legend>{tr!(l, mp_terms)}</legend>
                    <p class="hint">{tr!(l, mp_terms_hint)}</p>
                    {err("terms")}
                    {(0..3).map(|i| {
                        let t = format!("terms[{i}].text");
                        let a = format!("terms[{i}].amount");
                        let due = format!("terms[{i}].due_on");
                        let (t_id, a_id, due_id) = (format!("f-term-{i}-text"), format!("f-term-{i}-amount"), format!("f-term-{i}-due"));
                        view! {
                            <div class="term-row">
                                <div class="field"><label for=t_id.clone()>{format!("{} {}", tr!(l, mp_term), i + 1)}</label>{err(&t)}
                                    <textarea id=t_id name=t.clone() rows="2" maxlength="500">{value(&t)}</textarea></div>
                                <div class="field"><label for=a_id.clone()>{tr!(l, mp_term_amount)}</label>{err(&a)}
                                    <input id=a_id name=a.clone() type="text" inputmode="decimal" maxlength="20" value=value(&a)/></div>
                                <div class="field"><label for=due_id.clone()>{tr!(l, mp_term_due)}</label>{err(&due)}
                                    <input id=due_id name=due.clone() type="date" value=value(&due)/></div>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="f-unsettled">{tr!(l, mp_unsettled)}</label>
                    {err("unsettled")}
                    <textarea id="f-unsettled" name="unsettled" rows="2" maxlength="2000">{value("unsettled")}</textarea>
                </div>
                <div class="field">
                    <label for="f-note">{tr!(l, mp_note)}</label>
                    <textarea id="f-note" name="note" rows="2" maxlength="2000">{value("note")}</textarea>
                </div>
                <button type="submit" class="button">{tr!(l, mp_record_button)}</button>
            </form>
        }
    });
    let sign = has("sign").then(|| {
        view! {
            <form method="post" action=action("signature" ) class="no-print">
                <p>{tr!(l, mp_sign_hint)}</p>
                <button type="submit" class="button">{tr!(l, mp_sign)}</button>
            </form>
        }
    });
    let apply = has("apply_confirmation").then(|| {
        view! {
            <form method="post" action=action("confirmation") class="no-print">
                <p>{tr!(l, mp_apply_hint)}</p>
                {d.confirmation_deadline.clone().map(|dl| view! { <p>{tr!(l, mp_apply_by)}" "<strong class="confirmation-deadline">{dl}</strong></p> })}
                <button type="submit" class="button">{tr!(l, mp_apply)}</button>
            </form>
        }
    });
    let file = has("file").then(|| {
        let hint = if d.filing_id.is_some() {
            tr!(l, mp_back_to_registration)
        } else {
            tr!(l, mp_to_filing_hint)
        };
        view! {
            <form method="post" action=action("filing") class="no-print">
                <p>{hint}</p>
                <button type="submit" class="button">{tr!(l, mp_to_filing)}</button>
            </form>
        }
    });
    // Declined, expired or cancelled: another mediator or another time, or the way to court (below).
    let again = (d.role == MediationRole::Requester
        && matches!(
            d.status,
            MediationStatus::Declined | MediationStatus::Expired | MediationStatus::Cancelled
        ))
    .then(|| {
        let href = format!(
            "/mediation?cause={}&court={}",
            d.cause,
            super::roster_page::urlencode(&d.court_code)
        );
        view! { <p class="no-print"><a class="button secondary" href=href>{tr!(l, mp_try_again)}</a></p> }
    });
    // A diverted filing's papers: its parties, claims, facts and evidence (the mediator reads them too).
    let papers = d.filing_id.clone().filter(|_| d.result_filing_id.is_none()).map(|f| {
        view! { <p class="no-print"><a href=format!("/filings/{f}")>{tr!(l, mp_filing_papers)}</a></p> }
    });
    let result_filing = d.result_filing_id.clone().map(|f| {
        view! { <p><a class="button secondary" href=format!("/filings/{f}")>{tr!(l, mp_open_filing)}</a></p> }
    });
    let agreement = (!d.terms.is_empty()).then(|| agreement_view(&d, l));
    let confirmation = d.confirmation.clone().map(|c| {
        let refused = (c.status == domain::mediation::ConfirmationStatus::Refused).then(|| {
            view! {
                <p>{tr!(l, mp_refused_reasons)}": "{c.reasons.clone().unwrap_or_default()}</p>
                <p class="notice">{tr!(l, mp_refused_options)}</p>
            }
        });
        view! {
            <h2>{tr!(l, mp_confirmation)}</h2>
            <dl class="summary-list">
                <div><dt>{tr!(l, mp_status)}</dt><dd class="confirmation-status">{c.status.label(l)}</dd></div>
                <div><dt>{tr!(l, mp_court)}</dt><dd>{c.court_name.clone()}</dd></div>
                <div><dt>{tr!(l, mp_apply_by)}</dt><dd>{c.deadline.clone()}</dd></div>
                {c.case_number.clone().map(|n| view! { <div><dt>{tr!(l, mp_ruling_number)}</dt><dd><strong class="confirmation-number">{n}</strong></dd></div> })}
            </dl>
            {(c.status == domain::mediation::ConfirmationStatus::Confirmed).then(|| view! { <p class="notice">{tr!(l, mp_confirmed_effect)}</p> })}
            {refused}
            <p class="hint" lang="zh">{domain::mediation::CONFIRMATION_BASIS}</p>
        }
    });
    let parties = d.parties.iter().map(|p| {
        let mut states: Vec<&'static str> = Vec::new();
        if p.role == MediationRole::Respondent {
            states.push(if p.answered {
                tr!(l, mp_answered)
            } else {
                tr!(l, mp_not_answered)
            });
        }
        if p.signed_at.is_some() {
            states.push(tr!(l, mp_signed));
        }
        if p.applied_at.is_some() {
            states.push(tr!(l, mp_applied));
        }
        view! {
            <div><dt>{p.role.label(l)}</dt><dd>{p.name.clone()}{p.mobile.clone().map(|m| format!(" · {m}"))}
                {(!states.is_empty()).then(|| format!(" · {}", states.join(" · ")))}
                {p.answer_reason.clone().filter(|r| !r.is_empty()).map(|r| view! { <span class="hint">{format!(" （{r}）")}</span> })}
            </dd></div>
        }
    }).collect_view();
    let place = match d.mode {
        MediationMode::InPerson => format!("{} — {}", d.mode.label(l), d.place),
        MediationMode::Video => d.mode.label(l).to_string(),
    };
    view! {
        <h1>{cause_name(&d.cause, l)}" · "<span class="mediation-status">{d.status.label(l)}</span></h1>
        {refused}
        {continue_booking}
        {invitation}
        <dl class="summary-list">
            <div><dt>{tr!(l, mp_time)}</dt><dd class="mediation-time">{when(d.start_ms, l)}</dd></div>
            <div><dt>{tr!(l, mp_how)}</dt><dd>{place}</dd></div>
            <div><dt>{tr!(l, med_role_mediator)}</dt><dd>{d.mediator_name.clone()}" · "{d.organisation.clone()}</dd></div>
            <div><dt>{tr!(l, mp_court)}</dt><dd>{d.court_name.clone()}</dd></div>
            {parties}
            <div><dt>{tr!(l, mp_period_end)}</dt><dd>{d.period_end.clone()}{(d.extension_days > 0).then(|| format!(" (+{})", d.extension_days))}</dd></div>
            {d.priority.then(|| view! { <div><dt>{tr!(l, mp_priority)}</dt><dd>{tr!(l, mp_priority_text)}</dd></div> })}
        </dl>
        <h2>{tr!(l, mp_summary)}</h2>
        <p class="summary-text">{d.summary.clone()}</p>
        {papers}
        {respond}
        {record}
        {agreement}
        {sign}
        {apply}
        {confirmation}
        {again}
        {file}
        {result_filing}
        <div class="no-print">{reschedule}{cancel}{extend}</div>
        <h2>{tr!(l, filing_progress)}</h2>
        <ol class="timeline">
            {d.events.iter().map(|e| view! {
                <li><time>{when(e.at, l)}</time>" · "<strong>{event_label(&e.action, l)}</strong>" · "{domain::mediation::MediationRole::from_code(&e.role).map(|r| r.label(l)).unwrap_or("")}
                {(!e.note.is_empty() && !matches!(e.action.as_str(), "sign" | "apply_confirmation")).then(|| view! { <p class="note">{e.note.clone()}</p> })}</li>
            }).collect_view()}
        </ol>
        <p class="no-print"><a href="/mediations">{tr!(l, mp_my_mediations)}</a></p>
    }
    .into_any()
}

fn event_label(action: &str, l: Lang) -> &'static str {
    match action {
        "book" => tr!(l, mp_ev_book),
        "accept" => tr!(l, mp_ev_accept),
        "decline" => tr!(l, mp_ev_decline),
        "expire" => tr!(l, mp_ev_expire),
        "reschedule" => tr!(l, mp_ev_reschedule),
        "cancel" => tr!(l, mp_ev_cancel),
        "extend" => tr!(l, mp_ev_extend),
        "record_success" => tr!(l, mp_ev_success),
        "record_partial" => tr!(l, mp_ev_partial),
        "record_failure" | "time_out" => tr!(l, mp_ev_failure),
        "file" => tr!(l, mp_ev_file),
        "sign" => tr!(l, mp_ev_sign),
        "apply_confirmation" => tr!(l, mp_ev_apply),
        "confirmation_granted" => tr!(l, mp_ev_confirmed),
        "confirmation_refused" => tr!(l, mp_ev_refused),
        other => super::meeting_texts::event_label(other, l).unwrap_or(tr!(l, mp_ev_other)),
    }
}

/// The agreement as the paper 调解协议书 reads: the parties, the dispute, each term with its amount in figures and
/// in capital letters (人民币大写) and its date, and who has signed. Printing needs no script.
fn agreement_view(d: &MediationData, l: Lang) -> AnyView {
    let party = |r: MediationRole| d.parties.iter().find(|p| p.role == r);
    let name = |r: MediationRole| party(r).map(|p| p.name.clone()).unwrap_or_default();
    let signed = |r: MediationRole| {
        party(r)
            .and_then(|p| p.signed_at)
            .map(|t| when(t, l))
            .unwrap_or_else(|| tr!(l, mp_not_signed).to_string())
    };
    view! {
        <article class="agreement" aria-labelledby="agreement-title">
            <h2 id="agreement-title" class="agreement-title">{tr!(l, mp_agreement)}</h2>
            {(d.status == MediationStatus::PartlySettled).then(|| view! { <p class="notice">{tr!(l, mp_partial_note)}</p> })}
            <p>{tr!(l, med_role_requester)}": "{name(MediationRole::Requester)}</p>
            <p>{tr!(l, med_role_respondent)}": "{name(MediationRole::Respondent)}</p>
            <p>{tr!(l, mp_mediation_org)}": "{d.organisation.clone()}" · "{tr!(l, med_role_mediator)}": "{d.mediator_name.clone()}</p>
            <h3>{tr!(l, mp_dispute)}</h3>
            <p>{d.summary.clone()}</p>
            <h3>{tr!(l, mp_terms_agreed)}</h3>
            <ol class="agreement-terms">
                {d.terms.iter().map(|t| view! {
                    <li>
                        {t.text.clone()}
                        {t.amount_fen.map(|f| view! {
                            "："<span class="amount">{yuan(f, l)}</span>
                            "（"<span class="amount-words" lang="zh">{domain::amount_words::capital_yuan(f)}</span>"）"
                        })}
                        {t.due_on.clone().map(|due| view! { "，"{tr!(l, mp_by)}" "<time>{due}</time> })}
                    </li>
                }).collect_view()}
            </ol>
            {d.unsettled.clone().map(|u| view! { <p>{tr!(l, mp_unsettled)}": "{u}</p> })}
            <p class="hint">{tr!(l, mp_agreement_basis)}</p>
            <dl class="summary-list signatures">
                <div><dt>{tr!(l, med_role_requester)}</dt><dd>{signed(MediationRole::Requester)}</dd></div>
                <div><dt>{tr!(l, med_role_respondent)}</dt><dd>{signed(MediationRole::Respondent)}</dd></div>
                {d.effective_on.clone().map(|e| view! { <div><dt>{tr!(l, mp_effective_on)}</dt><dd class="effective-on">{e}</dd></div> })}
            </dl>
            <p class="hint no-print">{tr!(l, pay_print_hint)}</p>
        </article>
    }
    .into_any()
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let params = use_params_map();
    let q = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let t = move || q.read().get("t").unwrap_or_default();
    let data = Resource::new_blocking(move || (id(), t()), |(i, t)| load_invitation(i, t));
    let logged_in = page.user.is_some();
    let body = move || {
        Suspend::new(async move {
            let error = q.read_untracked().get("error").unwrap_or_default();
            match data.await {
                Ok(d) => {
                    let action = format!("/mediations/{}/response", d.id);
                    let open = d.status == MediationStatus::Invited;
                    let place = match d.mode {
                        MediationMode::InPerson => format!("{} — {}", d.mode.label(l), d.place),
                        MediationMode::Video => d.mode.label(l).to_string(),
                    };
                    let answered = (!open).then(|| {
                        let next = if logged_in {
                            view! { <p><a class="button" href=format!("/mediations/{}", d.id)>{tr!(l, mp_open_mediation)}</a></p> }.into_any()
                        } else {
                            view! { <p class="notice">{tr!(l, mp_register_to_follow)}</p>
                                <p><a class="button" href="/register">{tr!(l, register_create_an_account)}</a>" "<a class="button secondary" href="/login">{tr!(l, account_log_in)}</a></p> }.into_any()
                        };
                        view! { {next} }
                    });
                    view! {
                        <h1>{tr!(l, mp_invitation)}</h1>
                        {(!error.is_empty()).then(|| view! { <p class="error-summary" role="alert">{refusal(&error, l)}</p> })}
                        <p class="lead">{tr!(l, mp_invitation_lead).replace("{name}", &d.requester)}</p>
                        <dl class="summary-list">
                            <div><dt>{tr!(l, mp_status)}</dt><dd class="mediation-status">{d.status.label(l)}</dd></div>
                            <div><dt>{tr!(l, mp_dispute_type)}</dt><dd>{cause_name(&d.cause, l)}</dd></div>
                            <div><dt>{tr!(l, med_role_requester)}</dt><dd>{d.requester.clone()}</dd></div>
                            <div><dt>{tr!(l, med_role_respondent)}</dt><dd>{d.respondent.clone()}</dd></div>
                            <div><dt>{tr!(l, mp_time)}</dt><dd>{when(d.start_ms, l)}</dd></div>
                            <div><dt>{tr!(l, mp_how)}</dt><dd>{place}</dd></div>
                            <div><dt>{tr!(l, med_role_mediator)}</dt><dd>{d.mediator_name.clone()}" · "{d.organisation.clone()}</dd></div>
                            {d.invite_expires_at.filter(|_| open).map(|e| view! { <div><dt>{tr!(l, mp_answer_by)}</dt><dd>{when(e, l)}</dd></div> })}
                        </dl>
                        <p class="hint">{tr!(l, mp_voluntary)}</p>
                        {open.then(|| view! {
                            <form method="post" action=action.clone()>
                                <input type="hidden" name="token" value=d.token.clone()/>
                                <input type="hidden" name="accept" value="1"/>
                                <button type="submit" class="button">{tr!(l, mp_accept)}</button>
                            </form>
                            <form method="post" action=action.clone()>
                                <input type="hidden" name="token" value=d.token.clone()/>
                                <input type="hidden" name="accept" value="0"/>
                                <div class="field">
                                    <label for="f-decline-reason">{tr!(l, mp_decline_reason)}</label>
                                    <textarea id="f-decline-reason" name="reason" rows="2" maxlength="500"></textarea>
                                </div>
                                <button type="submit" class="button secondary">{tr!(l, mp_decline)}</button>
                            </form>
                        })}
                        {answered}
                    }
                    .into_any()
                }
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_invitation)/>
        <section class="panel mediation">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

/// /mediations/:id/book — the second step of a booking: the time is held (for ten minutes) while the requester
/// says how (in person at the room, or by video), what the dispute is and who the other party is.
#[component]
pub fn BookDetailsPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let params = use_params_map();
    let q = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_mediation);
    let body = move || {
        let page = page.clone();
        Suspend::new(async move {
            let error = q.read_untracked().get("error").unwrap_or_default();
            match data.await {
                Ok(d) => details_view(d, &error, &page, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_book_title)/>
        <section class="panel mediation">
            <h1>{tr!(l, mp_book_title)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn details_view(d: MediationData, error: &str, page: &crate::PageData, l: Lang) -> AnyView {
    if d.status != MediationStatus::Held {
        // Expired (or done already): say so, and the way on.
        let again = format!(
            "/mediation/mediators/{}?cause={}&court={}",
            d.mediator_id,
            d.cause,
            super::roster_page::urlencode(&d.court_code)
        );
        return view! {
            <p class="error-summary" role="alert">{tr!(l, mediation_hold_expired)}</p>
            <p><a class="button" href=again>{tr!(l, mp_choose_time)}</a>" "<a href=format!("/mediations/{}", d.id)>{tr!(l, mp_open_mediation)}</a></p>
        }
        .into_any();
    }
    let outcome = page.outcome("book").cloned();
    let value = |f: &str| outcome.as_ref().map(|o| o.value(f)).unwrap_or_default();
    let error_of = |f: &str| outcome.as_ref().and_then(|o| o.error(f));
    let err_line = move |f: &'static str| {
        error_of(f).map(|e| view! { <p class="error-message" id=format!("{}-error", field_id(f))>{e.message(l)}</p> })
    };
    let summary = outcome.as_ref().filter(|o| !o.errors.is_empty()).map(|o| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                <h2>{tr!(l, error_check_your_answers)}</h2>
                <ul>{o.errors.iter().map(|(f, e)| view! { <li><a href=format!("#{}", field_id(f))>{e.message(l)}</a></li> }).collect_view()}</ul>
            </div>
        }
    });
    let notice = outcome
        .as_ref()
        .and_then(|o| o.notice)
        .map(|n| view! { <p class="error-summary" role="alert">{n.message(l)}</p> });
    let refused = (!error.is_empty())
        .then(|| view! { <p class="error-summary" role="alert">{refusal(error, l)}</p> });
    let mode = value("mode");
    let from_filing = d.filing_id.is_some();
    view! {
        {refused}
        {notice}
        {summary}
        <div class="notice held">
            <p><strong>{tr!(l, mp_held)}</strong>" "<span class="mediation-time">{when(d.start_ms, l)}</span></p>
            <p>{d.mediator_name.clone()}" · "{d.organisation.clone()}</p>
            {d.invite_expires_at.map(|e| view! { <p class="hint">{tr!(l, mp_held_until)}" "{when(e, l)}</p> })}
        </div>
        <form method="post" action=format!("/mediations/{}/book", d.id) class="booking-form" novalidate=true>
            <fieldset class="field" id=field_id("mode")>
                <legend>{tr!(l, mp_how)}</legend>
                {err_line("mode")}
                <p><input type="radio" name="mode" id="mode-in_person" value="in_person" checked=mode != "video"/>
                   <label for="mode-in_person">{MediationMode::InPerson.label(l)}" — "{d.org_address.clone()}</label></p>
                <p><input type="radio" name="mode" id="mode-video" value="video" checked=mode == "video"/>
                   <label for="mode-video">{MediationMode::Video.label(l)}</label></p>
            </fieldset>
            {if from_filing {
                view! { <p class="notice">{tr!(l, mp_from_filing)}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for=field_id("summary")>{tr!(l, mp_summary)}</label>
                        <p class="hint">{tr!(l, mp_summary_hint)}</p>
                        {err_line("summary")}
                        <textarea id=field_id("summary") name="summary" rows="5" maxlength="2000">{value("summary")}</textarea>
                    </div>
                    <fieldset class="field">
                        <legend>{tr!(l, mp_other_party)}</legend>
                        <p class="hint">{tr!(l, mp_other_party_hint)}</p>
                        <div class="field">
                            <label for=field_id("respondent.name")>{tr!(l, mp_other_name)}</label>
                            {err_line("respondent.name")}
                            <input id=field_id("respondent.name") name="respondent.name" type="text" maxlength="100" value=value("respondent.name")/>
                        </div>
                        <div class="field">
                            <label for=field_id("respondent.mobile")>{tr!(l, mp_other_mobile)}</label>
                            {err_line("respondent.mobile")}
                            <input id=field_id("respondent.mobile") name="respondent.mobile" type="tel" inputmode="numeric" maxlength="20" value=value("respondent.mobile")/>
                        </div>
                        <div class="field">
                            <label for=field_id("respondent.uscc")>{tr!(l, mp_other_uscc)}</label>
                            {err_line("respondent.uscc")}
                            <input id=field_id("respondent.uscc") name="respondent.uscc" type="text" maxlength="18" value=value("respondent.uscc")/>
                        </div>
                    </fieldset>
                }
                .into_any()
            }}
            <p class="hint">{tr!(l, mp_consent_note)}</p>
            <button type="submit" class="button">{tr!(l, mp_book_button)}</button>
        </form>
        <form method="post" action=format!("/mediations/{}/cancel", d.id)>
            <input type="hidden" name="reason" value="放弃预约"/>
            <button type="submit" class="link-button">{tr!(l, mp_release_hold)}</button>
        </form>
    }
    .into_any()
}
