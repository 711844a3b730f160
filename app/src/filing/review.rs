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
    let parties = filing
        .draft
        .parties
        .iter()
        .map(|p| {
            let role = domain::filing::PartyRole::from_code(&p.role)
                .map(|r| r.label(l))
                .unwrap_or(tr!(l, review_role_not_given));
            format!("{}（{role}）", domain::mask::name(&p.name))
        })
        .collect::<Vec<_>>()
        .join("，");
    view! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{tr!(l, review_review)}</h2>
            <p>{tr!(l, review_parties)}{parties}</p>
            <p>{tr!(l, review_claims)}{filing.draft.claims.iter().map(|c| format!("{} {}", c.text, c.amount)).collect::<Vec<_>>().join("；")}</p>
            {overdue.then(|| view! { <p class="notice" role="note">{tr!(l, review_register_first_rule)}</p> })}
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="register"/>
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
