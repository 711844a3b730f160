//! /filings/:id — the task list while a filing is written, then the receipt, progress, fee and review.

use super::common::{cause_name, error_view, errors_of, events_view, refusal_message};
use super::data::{load_filing, FilingData};
use super::form::{step_state, Step, StepState};
use crate::components::field::yuan;
use crate::page_data::use_page;
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
            .or_else(|| query.read().get("payment_error"));
        Suspend::new(async move {
            match data.await {
                Ok(f) => view! {
                    {refused.map(|code| view! {
                        <p class="error-summary" role="alert">{refusal_message(&code, l)}</p>
                    })}
                    {filing_overview(f, l, today)}
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=l.pick("立案申请", "Filing", "입안 신청")/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

pub(super) fn filing_overview(f: FilingData, l: Lang, today: Date) -> AnyView {
    let errors = errors_of(&f.draft, today);
    let title = if f.draft.cause.is_empty() {
        l.pick("新的立案申请", "New filing", "새 입안 신청")
            .to_string()
    } else {
        cause_name(&f.draft.cause)
    };
    let receipt = f.receipt_no.clone().map(|no| {
        view! {
            <div class="receipt" role="status">
                <h2>{l.pick("已收到您的立案申请", "Your filing has been received", "입안 신청이 접수되었습니다")}</h2>
                <p>{l.pick("收件号", "Receipt number", "접수번호")}": "<strong class="receipt-no">{no}</strong></p>
                {f.query_code.clone().map(|c| view! {
                    <p>{l.pick("查询码（请记下，只显示这一次）", "Query code (note it: shown only now)", "조회 코드(지금만 표시됩니다)")}": "<strong class="query-code">{c}</strong></p>
                })}
                {f.review_deadline.clone().map(|d| view! {
                    <p>{l.pick("法院应在以下日期前作出是否立案的决定：", "The court decides whether to register it by", "법원의 입안 결정 기한:")}" "<strong>{d}</strong>
                    " "<span class="hint">"（《民事诉讼法》第一百二十六条）"</span>
                    {(!f.review_deadline_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
                })}
            </div>
        }
    });
    let case_number = f.case_number.clone().map(|n| view! {
        <p class="case-number">{l.pick("案号", "Case number", "사건번호")}": "<strong>{n}</strong></p>
    });
    let editable = f.own && f.status.editable();
    let tasks = editable.then(|| {
        let id = f.id.clone();
        view! {
            <h2>{l.pick("填写步骤", "Steps", "작성 단계")}</h2>
            <p class="hint">{l.pick("每一步都会自动保存，可随时离开，在任何设备上继续。", "Every step is saved as you go: leave at any time and carry on from any device.", "각 단계는 자동 저장됩니다. 언제든 다른 기기에서 이어서 작성할 수 있습니다.")}</p>
            <ol class="task-list">
                {Step::ALL.into_iter().map(|s| {
                    let state = step_state(s, &f.draft, &errors);
                    let (tag, class) = match (s, state) {
                        (Step::Check, _) => (l.pick("最后一步", "Last step", "마지막 단계"), "tag"),
                        (_, StepState::NotStarted) => (l.pick("未开始", "Not started", "시작 전"), "tag tag-grey"),
                        (_, StepState::NeedsAttention) => (l.pick("需修改", "Needs attention", "수정 필요"), "tag tag-red"),
                        (_, StepState::Done) => (l.pick("已完成", "Done", "완료"), "tag tag-green"),
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
        let note = f.events.iter().rev().find(|e| e.action == "request_correction").map(|e| e.note.clone()).unwrap_or_default();
        view! {
            <div class="notice" role="alert">
                <h2>{l.pick("法院要求补正", "The court asks for corrections", "법원이 보정을 요청했습니다")}</h2>
                <p>{note}</p>
                <p>{l.pick("请修改后在“核对并提交”一步重新提交；审查期限将重新计算。", "Make the changes, then resubmit from “Check and submit”; the review period starts again.", "수정 후 다시 제출하십시오. 심사 기한이 다시 계산됩니다.")}</p>
            </div>
        }
    });
    let review = f
        .reviewer
        .then(|| super::review::ReviewPanel(super::review::ReviewPanelProps { filing: f.clone() }));
    let payment = payment_panel(&f, l, today);
    view! {
        <h1>{title}</h1>
        <p><span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span></p>
        {case_number}
        {receipt}
        {corrections}
        {tasks}
        {payment}
        {review}
        {events_view(&f.events, l)}
        <p><a href="/filings">{l.pick("返回我的案件", "Back to my matters", "내 사건으로")}</a></p>
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
        <p>{l.pick("请于以下日期前交纳：", "Pay by", "납부 기한:")}" "<strong class="payment-due">{d}</strong>" "<span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
        {(!f.payment_due_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
    });
    let relief = f.relief_kind.clone().and_then(|k| ReliefKind::from_code(&k)).map(|k| view! {
        <p>{l.pick("缓减免申请：", "Relief applied for: ", "감면 신청: ")}{k.label(l)}" — "{f.relief_reason.clone().unwrap_or_default()}</p>
    });
    let apply = (f.own && status == P::Unpaid).then(|| view! {
        <form method="post" action=action.clone() class="form">
            <input type="hidden" name="action" value="request_relief"/>
            <div class="field">
                <label for="f-relief-kind">{l.pick("确有困难的，可申请", "If you truly cannot pay, apply to", "납부가 어려우면 신청")}</label>
                <select id="f-relief-kind" name="kind">
                    {[ReliefKind::Defer, ReliefKind::Reduce, ReliefKind::Waive].into_iter().map(|k| view! { <option value=k.code()>{k.label(l)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-relief-reason">{l.pick("理由（如低保、残疾、重大灾害等）", "Reasons (e.g. minimum living allowance, disability, disaster)", "사유")}</label>
                <textarea id="f-relief-reason" name="reason" rows="3"></textarea>
            </div>
            <button type="submit" class="button secondary">{l.pick("申请缓交、减交或免交", "Apply for deferral, reduction or waiver", "유예·감액·면제 신청")}</button>
        </form>
    });
    let clerk = f.reviewer.then(|| {
        let record = matches!(status, P::Unpaid | P::ReliefGranted).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="record_payment"/>
                <button type="submit" class="button">{l.pick("登记已交费", "Record payment", "납부 등록")}</button>
            </form>
        });
        let decide = (status == P::ReliefRequested).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="grant_relief"/>
                <button type="submit" class="button">{l.pick("准予缓减免", "Grant relief", "감면 승인")}</button>
            </form>
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="deny_relief"/>
                <button type="submit" class="button secondary">{l.pick("不予准许", "Refuse relief", "감면 거부")}</button>
            </form>
        });
        // Art. 22: once the time to pay has run out with no fee and no relief asked for, the case is treated as withdrawn.
        let withdraw = (status == P::Unpaid && domain::payment::overdue(f.payment_due.as_deref(), today)).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="treat_as_withdrawn"/>
                <button type="submit" class="button secondary">{l.pick("逾期未交费，按撤诉处理", "Not paid in time: treat as withdrawn", "기한 내 미납: 취하로 처리")}</button>
                <span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
            </form>
        });
        view! { {record}{decide}{withdraw} }
    });
    Some(
        view! {
            <section class="payment" aria-labelledby="payment-title">
                <h2 id="payment-title">{l.pick("诉讼费用", "Court fee", "소송비용")}</h2>
                <p><span class="payment-status">{status.label(l)}</span>" · "{amount}</p>
                {due}
                {relief}
                {apply}
                {clerk}
            </section>
        }
        .into_any(),
    )
}
