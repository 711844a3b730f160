//! The wizard's last step: every answer, the fee line by line, the risk estimate, mediation first, submit.

use super::common::{cause_name, checkbox, errors_of};
use super::data::FilingData;
use super::form::Step;
use crate::components::field::{field_id, yuan};
use crate::page_data::use_page;
use domain::fees::{quote, FeeRequest, Procedure};
use domain::filing::parse_yuan;
use domain::filing_status::FilingStatus;
use domain::{Date, Lang};
use leptos::prelude::*;

pub(super) fn check_view(f: FilingData, l: Lang, today: Date) -> AnyView {
    let d = &f.draft;
    let errors = errors_of(d, today);
    let fee = domain::catalogue::cause(&d.cause).and_then(|c| {
        quote(
            &FeeRequest {
                fee_category: c.fee,
                amount_fen: Some(domain::filing::claims_total(d)),
                procedure: Procedure::Ordinary,
                preservation_amount_fen: parse_yuan(&d.preservation_amount).ok(),
            },
            &use_page().fees,
        )
        .ok()
    });
    // Computed in the browser's WebAssembly and on the server from the same code and the same "today".
    let page = use_page();
    let risk = domain::risk::assess(
        d,
        l,
        today,
        &crate::page_data::holiday_calendar(),
        &page.fees,
    );
    let id = f.id.clone();
    let problems = (!errors.is_empty()).then(|| view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{l.pick("提交前请先修改", "Fix these before you submit", "제출 전에 고쳐 주십시오")}</h2>
            <ul>{errors.0.iter().map(|(k, e)| {
                let step = Step::ALL.into_iter().find(|s| s.owns(k)).unwrap_or(Step::Cause);
                view! { <li><a href=format!("/filings/{id}/{}?check=1#{}", step.code(), field_id(k))>{step.label(l)}": "{e.message(l)}</a></li> }
            }).collect_view()}</ul>
        </div>
    });
    let summary_rows = [
        (Step::Cause, cause_name(&d.cause)),
        (
            Step::Parties,
            d.parties
                .iter()
                .map(|p| {
                    format!(
                        "{}（{}）",
                        p.name,
                        match p.role.as_str() {
                            "plaintiff" => l.pick("原告", "claimant", "원고"),
                            "defendant" => l.pick("被告", "defendant", "피고"),
                            _ => l.pick("第三人", "third party", "제3자"),
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("，"),
        ),
        (
            Step::Claims,
            d.claims
                .iter()
                .map(|c| {
                    if c.amount.is_empty() {
                        c.text.clone()
                    } else {
                        format!("{}（{}元）", c.text, c.amount)
                    }
                })
                .collect::<Vec<_>>()
                .join("；"),
        ),
        (Step::Facts, d.facts.chars().take(80).collect()),
        (
            Step::Evidence,
            d.evidence
                .iter()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        (
            Step::Court,
            f.courts
                .iter()
                .find(|(c, _)| *c == d.court_code)
                .map(|(c, n)| format!("{n}（{c}）"))
                .unwrap_or_default(),
        ),
    ];
    let c = &risk.comparison;
    let submit_label = if f.status == FilingStatus::CorrectionRequested {
        l.pick("重新提交", "Resubmit", "다시 제출")
    } else {
        l.pick("提交立案申请", "Submit the filing", "입안 신청 제출")
    };
    view! {
        <h1>{Step::Check.label(l)}</h1>
        {problems}
        <dl class="summary-list">
            {summary_rows.into_iter().map(|(s, v)| view! {
                <div><dt>{s.label(l)}</dt><dd>{v}" "<a href=format!("/filings/{}/{}", f.id, s.code())>{l.pick("修改", "Change", "수정")}</a></dd></div>
            }).collect_view()}
        </dl>
        <h2>{l.pick("诉讼费用", "Court fees", "소송비용")}</h2>
        {fee.map(|q| view! {
            <table class="fee-table">
                <thead><tr><th scope="col">{l.pick("项目", "Item", "항목")}</th><th scope="col">{l.pick("金额", "Amount", "금액")}</th><th scope="col">{l.pick("依据", "Basis", "근거")}</th></tr></thead>
                <tbody>{q.lines.iter().map(|x| view! { <tr><td>{x.item.clone()}</td><td class="num">{yuan(x.amount_fen, l)}</td><td>{x.basis.clone()}</td></tr> }).collect_view()}</tbody>
                <tfoot><tr><th scope="row">{l.pick("合计", "Total", "합계")}</th><td class="num fee-total">{yuan(q.total_fen, l)}</td><td>{l.pick("收到交费通知次日起7日内交纳，可申请缓、减、免", "Pay within 7 days of the notice; deferral, reduction or waiver may be asked for", "통지 후 7일 내 납부")}</td></tr></tfoot>
            </table>
        })}
        <h2>{l.pick("诉讼风险提示", "Litigation risks", "소송 위험")}</h2>
        <p class=format!("risk-level risk-{:?}", risk.level).to_lowercase()>{l.pick("风险等级：", "Risk level: ", "위험 수준: ")}<strong>{risk.level.label(l)}</strong>{format!("（{}）", risk.score)}</p>
        {risk.limitation.map(|lim| view! {
            <p>{l.pick("诉讼时效届满日：", "Limitation period ends: ", "소멸시효 만료일: ")}<strong>{lim.expires_on.to_string()}</strong>{format!("（{}）", lim.basis)}</p>
        })}
        <ul class="risks">
            {risk.factors.iter().map(|x| view! {
                <li><strong>{x.title.clone()}</strong>{format!("（+{}）", x.weight)}<p>{x.reason.clone()}</p><p class="hint">{x.basis.clone()}</p></li>
            }).collect_view()}
        </ul>
        <h2>{l.pick("调解还是诉讼？", "Mediation or litigation?", "조정인가 소송인가?")}</h2>
        <table class="compare">
            <thead><tr><th scope="col"></th><th scope="col">{l.pick("诉前调解", "Pre-litigation mediation", "소송 전 조정")}</th><th scope="col">{l.pick("诉讼", "Litigation", "소송")}</th></tr></thead>
            <tbody>
                <tr><th scope="row">{l.pick("费用", "Cost", "비용")}</th><td>{yuan(c.pre_litigation_mediation_fee_fen, l)}{l.pick("（调解成功后可申请司法确认，免费）", " (judicial confirmation afterwards is free too)", " (사법확인 무료)")}</td><td>{yuan(c.litigation_fee_fen, l)}{format!("{}{}", l.pick("；调解结案减半为 ", "; halved to ", "; 조정 종결 시 "), yuan(c.mediated_case_fee_fen, l))}</td></tr>
                <tr><th scope="row">{l.pick("通常用时", "Usual time", "소요 기간")}</th><td>{format!("{} {}", c.mediation_days, l.pick("日内", "days", "일 이내"))}</td><td>{format!("{} {}", c.litigation_days, l.pick("日内", "days", "일 이내"))}</td></tr>
                <tr><th scope="row">{l.pick("能否强制执行", "Enforceable?", "강제집행")}</th><td>{l.pick("经司法确认后可以", "Yes, once judicially confirmed", "사법확인 후 가능")}</td><td>{l.pick("生效判决可以", "Yes, once the judgment is final", "확정 판결 후 가능")}</td></tr>
            </tbody>
        </table>
        <form method="post" action=format!("/filings/{}/submit", f.id) class="form">
            {checkbox("mediation_consent".into(), l.pick("我同意先行诉前调解（不成功的，法院依法登记立案）", "I agree to try pre-litigation mediation first (if it fails, the court registers the case)", "소송 전 조정에 먼저 동의합니다"), d.mediation_consent)}
            <button type="submit" class="button">{submit_label}</button>
        </form>
    }
    .into_any()
}
