//! /filings/:id — the task list while a filing is written, then the receipt, progress, fee and review.

use super::common::{cause_name, error_view, errors_of, events_view, refusal_message};
use super::data::{load_filing, FilingData};
use super::form::{step_state, Step, StepState};
use crate::components::field::yuan;
use crate::page_data::use_page;
use crate::texts::Label;
use domain::filing_status::FilingStatus;
use domain::{Date, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// /filings/:id — the task list while it is being written, then the receipt and the progress.
#[component]
pub fn FilingPage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let query = use_query_map();
    let data = Resource::new_blocking(id, load_filing);
    let body = move || {
        let refused = query
            .read()
            .get("review_error")
            .or_else(|| query.read().get("payment_error"))
            .or_else(|| query.read().get("code_error"));
        let reissued = query.read().get("code").as_deref() == Some("reissued");
        Suspend::new(async move {
            match data.await {
                Ok(f) => view! {
                    {refused.map(|code| view! {
                        <p class="error-summary" role="alert">{refusal_message(&code, l)}</p>
                    })}
                    {filing_overview(f, l, today, reissued)}
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, filing_filing)/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

pub(super) fn filing_overview(f: FilingData, l: Lang, today: Date, reissued: bool) -> AnyView {
    let errors = errors_of(&f.draft, today);
    let title = if f.draft.cause.is_empty() {
        tr!(l, filing_new_filing).to_string()
    } else {
        cause_name(&f.draft.cause)
    };
    let receipt = f.receipt_no.clone().map(|no| {
        // The query code, shown once (carried here in a short-lived cookie): note it, save it as text, or print the
        // receipt — printing shows the receipt alone (print CSS).
        let code = f.query_code.clone().map(|c| view! {
            <p>{tr!(l, filing_query_code_note_it_shown_only)}": "<strong class="query-code">{c}</strong></p>
            {reissued.then(|| view! {
                <p class="notice no-print" role="status" id="query-code-reissued">{tr!(l, query_code_reissued)}
                    {f.own_contact_masked.clone().map(|to| view! { " "{tr!(l, query_code_sent_to)}" "<strong class="sent-to">{to}</strong> })}
                </p>
            })}
            <div class="no-print print-actions query-code-actions">
                <p class="hint">{tr!(l, query_code_keep_hint)}</p>
                <p>
                    <a class="button secondary" id="save-query-code" href=format!("/filings/{}/query-code.txt", f.id) download="">{tr!(l, query_code_save)}</a>
                    " "
                    // Shown and wired by /boot.js when scripts run; without them the hint above is the way.
                    <button type="button" class="button secondary" data-print="" hidden=true>{tr!(l, query_code_print)}</button>
                </p>
            </div>
        });
        view! {
            <div class="receipt" role="status" id="receipt">
                <h2>{if f.own { tr!(l, filing_your_filing_has_been_received) } else { tr!(l, review_filing_received) }}</h2>
                <p>{tr!(l, filing_receipt_number)}": "<strong class="receipt-no">{no}</strong></p>
                {code}
                // The deadline that still matters: the decision while under review (with 先行立案, Art. 8), the end of
                // pre-litigation mediation while diverted; none once the court has decided.
                {f.review_deadline.clone().filter(|_| f.status == FilingStatus::Submitted).map(|d| view! {
                    <p>{tr!(l, filing_the_court_decides_whether_to_register)}" "<strong>{d}</strong>
                    " "<span class="hint">"（《民事诉讼法》第一百二十六条）"</span>
                    {(!f.review_deadline_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
                    <p class="hint">{tr!(l, filing_review_rule)}</p>
                })}
                {f.review_deadline.clone().filter(|_| f.status == FilingStatus::Diverted).map(|d| view! {
                    <p>{tr!(l, filing_mediation_deadline)}" "<strong>{d}</strong></p>
                    <p class="hint">{tr!(l, review_mediation_return_rule)}</p>
                })}
                // The filer books the mediation (a clerk of the court may assign one): its answers come along.
                {(f.status == FilingStatus::Diverted && (f.own || f.reviewer)).then(|| {
                    let court = f.draft.competent_court_code.clone();
                    let court = if court.is_empty() { f.draft.court_code.clone() } else { court };
                    let href = format!("/mediation?filing={}&cause={}&court={}", f.id, f.draft.cause, crate::mediation::roster_page::urlencode(&court));
                    view! { <p><a class="button" href=href>{tr!(l, mp_book_for_filing)}</a></p> }
                })}
            </div>
        }
    });
    // The filer who lost the query code issues a new one (the old one stops working); shown once, and sent to the
    // filer's own mobile.
    let reissue = (f.own && f.receipt_no.is_some() && f.query_code.is_none()).then(|| view! {
        <section class="query-code-lost no-print" aria-labelledby="query-code-lost-title">
            <h2 id="query-code-lost-title">{tr!(l, query_code_lost_heading)}</h2>
            <p class="hint">{tr!(l, query_code_lost_body)}
                {f.own_contact_masked.clone().map(|to| view! { "（"<span class="sent-to">{to}</span>"）" })}
                "。"
            </p>
            <form method="post" action=format!("/filings/{}/query-code", f.id) class="inline-actions">
                <button type="submit" class="button secondary" id="reissue-query-code">{tr!(l, query_code_reissue)}</button>
            </form>
        </section>
    });
    let case_number = f.case_number.clone().map(|n| {
        view! {
            <p class="case-number">{tr!(l, filing_case_number)}": "<strong>{n}</strong></p>
        }
    });
    let editable = f.own && f.status.editable();
    let tasks = editable.then(|| {
        let id = f.id.clone();
        view! {
            <h2>{tr!(l, filing_steps)}</h2>
            <p class="hint">{tr!(l, filing_every_step_is_saved_as_you)}</p>
            <ol class="task-list">
                {Step::ALL.into_iter().map(|s| {
                    let state = step_state(s, &f.draft, &errors);
                    let (tag, class) = match (s, state) {
                        (Step::Check, _) => (tr!(l, filing_last_step), "tag"),
                        (_, StepState::NotStarted) => (tr!(l, filing_not_started), "tag tag-grey"),
                        (_, StepState::NeedsAttention) => (tr!(l, filing_needs_attention), "tag tag-red"),
                        (_, StepState::Done) => (tr!(l, filing_done), "tag tag-green"),
                    };
                    view! {
                        <li>
                            <a href=format!("/filings/{id}/{}", s.code())>{s.label(l)}</a>
                            " "<span class=class>{tag}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
    });
    let corrections = (f.own && f.status == FilingStatus::CorrectionRequested).then(|| {
        let note = f
            .events
            .iter()
            .rev()
            .find(|e| e.action == "request_correction")
            .map(|e| e.note.clone())
            .unwrap_or_default();
        view! {
            <div class="notice" role="alert">
                <h2>{tr!(l, filing_the_court_asks_for_corrections)}</h2>
                <p>{note}</p>
                <p>{tr!(l, filing_make_the_changes_then_resubmit_from)}</p>
            </div>
        }
    });
    let review = f
        .reviewer
        .then(|| super::review::ReviewPanel(super::review::ReviewPanelProps { filing: f.clone() }));
    let payment = payment_panel(&f, l, today);
    let links = (f.reviewer && f.status != FilingStatus::Draft).then(|| party_links(&f, l));
    view! {
        <h1>{title}</h1>
        <p><span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span></p>
        {case_number}
        {receipt}
        {reissue}
        {corrections}
        {tasks}
        {payment}
        {review}
        {links}
        {events_view(&f.events, l)}
        {if f.reviewer {
            view! { <p><a href="/staff/queue">{tr!(l, review_back_to_queue)}</a></p> }.into_any()
        } else {
            view! { <p><a href="/filings">{tr!(l, filing_back_to_my_matters)}</a></p> }.into_any()
        }}
    }
    .into_any()
}

/// After registration: the fee, its deadline (Art. 22), and the ways to pay or to ask for relief (Art. 44).
pub(super) fn payment_panel(f: &FilingData, l: Lang, today: Date) -> Option<AnyView> {
    use domain::payment::{PaymentStatus as P, ReliefKind};
    let status = f.payment_status?;
    let action = format!("/filings/{}/payment", f.id);
    let amount = f.fee_total_fen.map(|fen| yuan(fen, l)).unwrap_or_default();
    let due = f.payment_due.clone().filter(|_| status == P::Unpaid).map(|d| view! {
        <p>{tr!(l, filing_pay_by)}" "<strong class="payment-due">{d}</strong>" "<span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
        {(!f.payment_due_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
    });
    // The printable notice: the account, the payment reference and the online address (the filer's and the court's).
    let notice = (f.own || f.reviewer).then(|| view! {
        <p><a class="button secondary payment-notice-link" href=format!("/filings/{}/payment-notice", f.id)>{tr!(l, pay_notice_link)}</a></p>
    });
    let relief = f.relief_kind.clone().and_then(|k| ReliefKind::from_code(&k)).map(|k| view! {
        <p>{tr!(l, filing_relief_applied_for)}{k.label(l)}" — "{f.relief_reason.clone().unwrap_or_default()}</p>
    });
    let apply = (f.own && status == P::Unpaid).then(|| view! {
        <form method="post" action=action.clone() class="form" id="relief">
            <input type="hidden" name="action" value="request_relief"/>
            <div class="field">
                <label for="f-relief-kind">{tr!(l, filing_if_you_truly_cannot_pay_apply)}</label>
                <select id="f-relief-kind" name="kind">
                    {[ReliefKind::Defer, ReliefKind::Reduce, ReliefKind::Waive].into_iter().map(|k| view! { <option value=k.code()>{k.label(l)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-relief-reason">{tr!(l, filing_reasons_e_g_minimum_living_allowance)}</label>
                <textarea id="f-relief-reason" name="reason" rows="3"></textarea>
            </div>
            <button type="submit" class="button secondary">{tr!(l, filing_apply_for_deferral_reduction_or_waiver)}</button>
        </form>
    });
    let clerk = f.reviewer.then(|| {
        let record = matches!(status, P::Unpaid | P::ReliefGranted).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="record_payment"/>
                <button type="submit" class="button">{tr!(l, filing_record_payment)}</button>
            </form>
        });
        let decide = (status == P::ReliefRequested).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="grant_relief"/>
                <button type="submit" class="button">{tr!(l, filing_grant_relief)}</button>
            </form>
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="deny_relief"/>
                <button type="submit" class="button secondary">{tr!(l, filing_refuse_relief)}</button>
            </form>
        });
        // Art. 22: once the time to pay has run out with no fee and no relief asked for, the case is treated as withdrawn.
        let withdraw = (status == P::Unpaid && domain::payment::overdue(f.payment_due.as_deref(), today)).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="treat_as_withdrawn"/>
                <button type="submit" class="button secondary">{tr!(l, filing_not_paid_in_time_treat_as)}</button>
                <span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
            </form>
        });
        view! { {record}{decide}{withdraw} }
    });
    Some(
        view! {
            <section class="payment" aria-labelledby="payment-title">
                <h2 id="payment-title">{tr!(l, filing_court_fee)}</h2>
                <p><span class="payment-status">{status.label(l)}</span>" · "{amount}</p>
                {due}
                {notice}
                {relief}
                {apply}
                {clerk}
            </section>
        }
        .into_any(),
    )
}

/// The reviewing clerk issues each party's link code, to serve with the court's papers; a code just issued is
/// shown once beside its party.
fn party_links(f: &FilingData, l: Lang) -> AnyView {
    let id = f.id.clone();
    view! {
        <section class="party-links" aria-labelledby="links-title">
            <h2 id="links-title">{tr!(l, party_links_heading)}</h2>
            <p class="hint">{tr!(l, party_links_intro)}</p>
            <ul class="task-list">
                {f.draft.parties.iter().enumerate().map(|(i, p)| {
                    let role = domain::filing::PartyRole::from_code(&p.role)
                        .map(|r| r.label(l))
                        .unwrap_or(tr!(l, review_role_not_given));
                    let shown = f.link_code.clone().filter(|(n, _)| *n == i).map(|(_, code)| view! {
                        <p role="status">{tr!(l, party_links_code_for)}": "<strong class="link-code">{code}</strong></p>
                    });
                    view! {
                        <li>
                            {format!("{}（{role}）", domain::mask::name(&p.name))}
                            <form method="post" action=format!("/filings/{id}/parties/{i}/link-code") class="inline-actions">
                                <button type="submit" class="button secondary">{tr!(l, party_links_issue)}</button>
                            </form>
                            {shown}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
