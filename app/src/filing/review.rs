//! The court's side: the review queue of the clerk's court, and the actions on one filing.

use super::data::{review_queue, FilingData};
use crate::page_data::use_page;
use crate::texts::Label;
use domain::filing_status::FilingStatus;
use leptos::prelude::*;
use leptos_meta::Title;

/// Register, ask for corrections, refuse, or divert to pre-litigation mediation — plain forms.
#[component]
pub fn ReviewPanel(filing: FilingData) -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let action = format!("/filings/{}/review", filing.id);
    if filing.status == FilingStatus::Diverted {
        // Mediation failed or its thirty days ran out: the filing returns to registration, its date kept.
        return view! {
            <section class="review" aria-labelledby="review-title">
                <h2 id="review-title">{tr!(l, review_review)}</h2>
                <p class="hint">{tr!(l, review_mediation_return_rule)}</p>
                <form method="post" action=action class="form">
                    <input type="hidden" name="action" value="return_from_mediation"/>
                    <div class="field">
                        <label for="f-return-note">{tr!(l, review_return_note)}</label>
                        <textarea id="f-return-note" name="note" rows="2" required></textarea>
                    </div>
                    <button type="submit" class="button">{tr!(l, review_return_from_mediation)}</button>
                </form>
            </section>
        }
        .into_any();
    }
    if filing.status != FilingStatus::Submitted {
        return ().into_any();
    }
    // 先行立案 (法释〔2015〕8号 第八条): past the seven days, registering is the one decision left.
    let overdue = domain::filing_status::must_register_first(
        filing
            .review_deadline
            .as_deref()
            .and_then(domain::Date::parse_iso),
        page.today,
    );
    // Corrections are asked for once (法释〔2015〕8号 第七条): after that, register or refuse.
    let corrected_once = filing
        .events
        .iter()
        .any(|e| e.action == "request_correction");
    view! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{tr!(l, review_review)}</h2>
            {whole_filing(&filing, l)}
            <form method="post" action=action.clone() class="form review-decision">
                <input type="hidden" name="action" value="register"/>
                <div class="checkbox">
                    <input type="checkbox" id="f-confirm-register" name="confirm" value="1" required/>
                    <label for="f-confirm-register">{tr!(l, review_confirm_register)}</label>
                </div>
                <button type="submit" class="button">{tr!(l, review_register)}</button>
            </form>
            {filing.draft.mediation_consent.then(|| view! {
                <form method="post" action=action.clone() class="inline-actions">
                    <input type="hidden" name="action" value="divert"/>
                    <button type="submit" class="button secondary">{tr!(l, review_send_to_pre_litigation_mediation_consented)}</button>
                </form>
            })}
            <form method="post" action=action.clone() class="form" hidden=overdue>
                <div class="field">
                    <label for="f-note">{tr!(l, review_what_to_correct_or_why_it)}</label>
                    <textarea id="f-note" name="note" rows="3"></textarea>
                </div>
                {corrected_once.then(|| view! { <p class="hint">{tr!(l, review_corrections_once)}</p> })}
                <div class="checkbox">
                    <input type="checkbox" id="f-confirm-refuse" name="confirm" value="1"/>
                    <label for="f-confirm-refuse">{tr!(l, review_confirm_refuse)}</label>
                </div>
                <div class="actions">
                    {(!corrected_once).then(|| view! {
                        <button type="submit" name="action" value="request_correction" class="button secondary">{tr!(l, review_ask_for_corrections)}</button>
                    })}
                    <button type="submit" name="action" value="refuse" class="button secondary">{tr!(l, review_refuse)}</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// /staff/queue — the clerk's court's submitted filings, oldest first, with the 7-day deadline counting down.
#[component]
pub fn QueuePage() -> impl IntoView {
    let l = use_page().lang;
    let items = Resource::new_blocking(|| (), |_| review_queue());
    let body = move || {
        Suspend::new(async move {
            match items.await {
                Ok(list) if list.is_empty() => view! { <p>{tr!(l, review_nothing_waiting_for_review)}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue">
                        <thead><tr>
                            <th scope="col">{tr!(l, filings_receipt)}</th>
                            <th scope="col">{tr!(l, review_cause)}</th>
                            <th scope="col">{tr!(l, review_claimant)}</th>
                            <th scope="col">{tr!(l, review_deadline)}</th>
                        </tr></thead>
                        <tbody>{list.into_iter().map(|q| {
                            let urgent = q.overdue || (!q.diverted && q.days_left.is_some_and(|d| d <= 2));
                            view! {
                                <tr class:urgent=urgent>
                                    <td><a href=format!("/filings/{}", q.id)>{q.receipt_no.clone().unwrap_or_default()}</a></td>
                                    <td>
                                        {q.cause.clone()}
                                        {q.cross_region.then(|| view! { " "<span class="tag">{tr!(l, review_cross_region)}</span> })}
                                        {match (q.diverted, q.overdue) {
                                            (true, false) => Some(view! { " "<span class="tag">{tr!(l, review_in_mediation_tag)}</span> }.into_any()),
                                            (true, true) => Some(view! { " "<span class="tag urgent">{tr!(l, review_mediation_over_tag)}</span> }.into_any()),
                                            (false, true) => Some(view! { " "<span class="tag urgent">{tr!(l, review_overdue_tag)}</span> }.into_any()),
                                            (false, false) => None,
                                        }}
                                    </td>
                                    <td>{q.plaintiff.clone()}</td>
                                    <td>{q.review_deadline.clone().unwrap_or_default()}{q.days_left.map(|d| format!("（{} {}）", tr!(l, review_days_left), d))}</td>
                                </tr>
                            }
                        }).collect_view()}</tbody>
                    </table>
                }
                .into_any(),
                Err(e) => view! { <p>{e.message(l)}</p> }.into_any(),
            }
        })
    };
    view! {
        <Title text=tr!(l, review_filing_review)/>
        <section class="panel">
            <h1>{tr!(l, review_filings_waiting_for_review)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

/// The whole filing as the court reviews it: every party with full identity (the clerk's own court's case), the
/// claims in 元, the facts, each piece of evidence with its file, the chosen and the competent court, the fee.
fn whole_filing(f: &FilingData, l: domain::Lang) -> impl IntoView {
    use crate::components::field::yuan;
    let d = &f.draft;
    let court_name = |code: &str| {
        f.courts
            .iter()
            .find(|(c, _)| c == code)
            .map(|(c, n)| format!("{n}（{c}）"))
            .unwrap_or_else(|| code.to_string())
    };
    let kind = |k: &str| match k {
        "legal" => tr!(l, fields_legal_person),
        "other" => tr!(l, fields_other_organisation),
        _ => tr!(l, fields_natural_person),
    };
    let fee = f.fee_total_fen.or_else(|| {
        let table = use_page().fees;
        domain::filing::fee_request(d, &table)
            .and_then(|r| domain::fees::quote(&r, &table).ok())
            .map(|q| q.due_on_filing_fen)
    });
    view! {
        <div class="review-filing">
            <h3>{tr!(l, review_the_filing)}": "{super::common::cause_name(&d.cause)}</h3>
            <h4>{tr!(l, review_parties)}</h4>
            <ul class="review-parties">
                {d.parties.iter().map(|p| {
                    let role = domain::filing::PartyRole::from_code(&p.role)
                        .map(|r| r.label(l))
                        .unwrap_or(tr!(l, review_role_not_given));
                    let id = if p.id_number.trim().is_empty() { p.uscc.clone() } else { p.id_number.clone() };
                    let agent = (!p.agent_name.trim().is_empty()).then(|| format!("；{} {} {}", tr!(l, review_agent), p.agent_name, p.agent_licence));
                    view! {
                        <li>
                            <strong>{role}</strong>" "{p.name.clone()}"（"{kind(&p.kind)}"）"
                            <br/>{id}" "{p.mobile.clone()}
                            <br/>{p.address.clone()}{agent}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h4>{tr!(l, review_claims)}</h4>
            <ol>
                {d.claims.iter().map(|c| {
                    let amount = domain::filing::parse_yuan(&c.amount).ok().map(|fen| format!("（{}）", yuan(fen, l)));
                    view! { <li>{c.text.clone()}{amount}</li> }
                }).collect_view()}
            </ol>
            <h4>{tr!(l, review_facts)}</h4>
            <p class="review-facts">{d.facts.clone()}</p>
            {(!d.known_on.is_empty()).then(|| view! { <p>{tr!(l, review_known_on)}": "{d.known_on.clone()}</p> })}
            {(!d.interrupted_on.is_empty()).then(|| view! { <p>{tr!(l, review_interrupted_on)}": "{d.interrupted_on.clone()}</p> })}
            <h4>{tr!(l, review_evidence)}</h4>
            {if d.evidence.is_empty() {
                view! { <p>{tr!(l, review_no_evidence)}</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {d.evidence.iter().map(|e| view! {
                            <li>
                                {e.name.clone()}" — "
                                {if e.original { tr!(l, review_original) } else { tr!(l, review_copy_only) }}
                                {e.file_id.clone().map(|fid| view! { " "<a href=format!("/files/{fid}")>{tr!(l, review_open_file)}</a> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <p>{tr!(l, review_court_filed_at)}": "{court_name(&d.court_code)}</p>
            <p>{tr!(l, review_court_competent)}": "{court_name(&d.competent_court_code)}</p>
            {(!d.agreed_clause.trim().is_empty()).then(|| view! {
                <p>{tr!(l, review_agreed_court)}": "{court_name(&d.agreed_court_code)}" — 「"{d.agreed_clause.clone()}"」"</p>
            })}
            {fee.map(|fen| view! { <p>{tr!(l, review_fee)}": "{yuan(fen, l)}</p> })}
        </div>
    }
}
