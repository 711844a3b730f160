//! The court's side: the review queue of the clerk's court, and the actions on one filing.

use super::data::{review_queue, FilingData};
use crate::page_data::use_page;
use domain::filing_status::FilingStatus;
use leptos::prelude::*;
use leptos_meta::Title;

/// Register, ask for corrections, refuse, or divert to pre-litigation mediation — plain forms.
#[component]
pub fn ReviewPanel(filing: FilingData) -> impl IntoView {
    let l = use_page().lang;
    if filing.status != FilingStatus::Submitted {
        return ().into_any();
    }
    let action = format!("/filings/{}/review", filing.id);
    let parties = filing
        .draft
        .parties
        .iter()
        .map(|p| {
            let role = domain::filing::PartyRole::from_code(&p.role)
                .map(|r| r.label(l))
                .unwrap_or(l.pick("角色未填", "Role not given", "역할 미기재"));
            format!("{}（{role}）", domain::mask::name(&p.name))
        })
        .collect::<Vec<_>>()
        .join("，");
    view! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{l.pick("立案审查", "Review", "입안 심사")}</h2>
            <p>{l.pick("当事人：", "Parties: ", "당사자: ")}{parties}</p>
            <p>{l.pick("诉讼请求：", "Claims: ", "청구: ")}{filing.draft.claims.iter().map(|c| format!("{} {}", c.text, c.amount)).collect::<Vec<_>>().join("；")}</p>
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="register"/>
                <button type="submit" class="button">{l.pick("登记立案", "Register", "입안 등록")}</button>
            </form>
            {filing.draft.mediation_consent.then(|| view! {
                <form method="post" action=action.clone() class="inline-actions">
                    <input type="hidden" name="action" value="divert"/>
                    <button type="submit" class="button secondary">{l.pick("转入诉前调解（当事人已同意）", "Send to pre-litigation mediation (consented)", "소송 전 조정 회부")}</button>
                </form>
            })}
            <form method="post" action=action.clone() class="form">
                <div class="field">
                    <label for="f-note">{l.pick("补正事项或不予受理理由（一次列明全部）", "What to correct, or why it is refused (everything at once)", "보정 사항 또는 불수리 사유")}</label>
                    <textarea id="f-note" name="note" rows="3"></textarea>
                </div>
                <div class="actions">
                    <button type="submit" name="action" value="request_correction" class="button secondary">{l.pick("要求补正", "Ask for corrections", "보정 요청")}</button>
                    <button type="submit" name="action" value="refuse" class="button secondary">{l.pick("不予受理", "Refuse", "불수리")}</button>
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
                Ok(list) if list.is_empty() => view! { <p>{l.pick("没有待审查的申请。", "Nothing waiting for review.", "심사 대기 중인 신청이 없습니다.")}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue">
                        <thead><tr>
                            <th scope="col">{l.pick("收件号", "Receipt", "접수번호")}</th>
                            <th scope="col">{l.pick("案由", "Cause", "사건 유형")}</th>
                            <th scope="col">{l.pick("原告", "Claimant", "원고")}</th>
                            <th scope="col">{l.pick("审查期限", "Deadline", "기한")}</th>
                        </tr></thead>
                        <tbody>{list.into_iter().map(|q| {
                            let urgent = q.days_left.is_some_and(|d| d <= 2);
                            view! {
                                <tr class:urgent=urgent>
                                    <td><a href=format!("/filings/{}", q.id)>{q.receipt_no.clone().unwrap_or_default()}</a></td>
                                    <td>{q.cause.clone()}{q.cross_region.then(|| view! { " "<span class="tag">{l.pick("跨域", "Cross-region", "교차")}</span> })}</td>
                                    <td>{q.plaintiff.clone()}</td>
                                    <td>{q.review_deadline.clone().unwrap_or_default()}{q.days_left.map(|d| format!("（{} {}）", l.pick("剩余", "days left:", "남은 일수"), d))}</td>
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
        <Title text=l.pick("立案审查", "Filing review", "입안 심사")/>
        <section class="panel">
            <h1>{l.pick("待审查的立案申请", "Filings waiting for review", "심사 대기 입안 신청")}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
