//! The wizard's last step: every answer, the fee line by line, the risk estimate, mediation first, submit.

use super::common::{cause_name, checkbox, errors_of};
use super::data::FilingData;
use super::form::Step;
use crate::components::field::{field_id, yuan};
use crate::page_data::use_page;
use crate::texts::{Label, Message};
use domain::fees::quote;
use domain::filing_status::FilingStatus;
use domain::risk::{EvidenceCheck, EvidenceStatus, RiskInput, RiskReport};
use domain::{Date, Lang};
use leptos::prelude::*;

pub(super) fn check_view(f: FilingData, l: Lang, today: Date) -> AnyView {
    let d = &f.draft;
    let errors = errors_of(d, today);
    let table = use_page().fees;
    let request = domain::filing::fee_request(d, &table);
    let small_claim = request
        .as_ref()
        .is_some_and(|r| r.procedure == domain::fees::Procedure::SmallClaims);
    let fee = request.and_then(|r| quote(&r, &table).ok());
    // Computed in the browser's WebAssembly and on the server from the same code and the same "today".
    let page = use_page();
    let risk = domain::risk::assess(
        d,
        &crate::texts::risk_words(l),
        today,
        &crate::page_data::holiday_calendar(),
        &page.fees,
    );
    let id = f.id.clone();
    let problems = (!errors.is_empty()).then(|| view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{tr!(l, check_fix_these_before_you_submit)}</h2>
            <ul>{errors.0.iter().map(|(k, e)| {
                let step = Step::ALL.into_iter().find(|s| s.owns(k)).unwrap_or(Step::Cause);
                let whose = super::common::field_label(k, d, l);
                let whose = if whose.is_empty() { String::new() } else { format!("{whose}：") };
                view! { <li><a href=format!("/filings/{id}/{}?check=1#{}", step.code(), field_id(k))>{step.label(l)}" — "{whose}{e.message(l)}</a></li> }
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
                            "plaintiff" => tr!(l, check_claimant),
                            "defendant" => tr!(l, check_defendant),
                            _ => tr!(l, check_third_party),
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
                .chain((!d.agreed_interest_rate.trim().is_empty()).then(|| {
                    format!(
                        "{}{}",
                        tr!(l, risk_agreed_annual_rate_summary),
                        d.agreed_interest_rate.trim()
                    )
                }))
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
        tr!(l, check_resubmit)
    } else {
        tr!(l, check_submit_the_filing)
    };
    view! {
        <h1>{Step::Check.label(l)}</h1>
        {problems}
        <dl class="summary-list">
            {summary_rows.into_iter().map(|(s, v)| view! {
                <div><dt>{s.label(l)}</dt><dd>{v}" "<a href=format!("/filings/{}/{}", f.id, s.code())>{tr!(l, check_change)}</a></dd></div>
            }).collect_view()}
        </dl>
        <h2>{tr!(l, check_court_fees)}</h2>
        {fee.map(|q| view! {
            <table class="fee-table">
                <thead><tr><th scope="col">{tr!(l, check_item)}</th><th scope="col">{tr!(l, check_amount)}</th><th scope="col">{tr!(l, check_basis)}</th></tr></thead>
                <tbody>{q.lines.iter().map(|x| view! { <tr><td>{super::common::fee_item_label(&x.item, l)}</td><td class="num">{yuan(x.amount_fen, l)}</td><td lang="zh">{x.basis.clone()}</td></tr> }).collect_view()}</tbody>
                <tfoot>
                    <tr><th scope="row">{tr!(l, check_total)}</th><td class="num fee-total">{yuan(q.total_fen, l)}</td><td></td></tr>
                    <tr><th scope="row">{tr!(l, fee_due_within_7_days)}</th><td class="num fee-due">{yuan(q.due_on_filing_fen, l)}</td><td>{pay_when_text(q.pay_when, l)}</td></tr>
                </tfoot>
            </table>
        })}
        {small_claim.then(|| view! { <p class="notice small-claims">{tr!(l, fee_small_claims)}</p> })}
        <h2>{tr!(l, check_litigation_risks)}</h2>
        {risk_level_view(&risk, &f.id, l)}
        {risk.limitation.map(|lim| view! {
            <p>{tr!(l, check_limitation_period_ends)}<strong>{lim.expires_on.to_string()}</strong><span lang="zh">{format!("（{}）", lim.basis)}</span></p>
        })}
        <ul class="risks">
            {risk.factors.iter().map(|x| view! {
                <li><strong>{x.title.clone()}</strong>{format!("（+{}）", x.weight)}<p>{x.reason.clone()}</p><p class="hint" lang="zh">{x.basis.clone()}</p></li>
            }).collect_view()}
        </ul>
        {evidence_check_view(&risk.evidence, l)}
        <h2>{tr!(l, check_mediation_or_litigation)}</h2>
        <table class="compare">
            <thead><tr><th scope="col"></th><th scope="col">{tr!(l, check_pre_litigation_mediation)}</th><th scope="col">{tr!(l, check_litigation)}</th></tr></thead>
            <tbody>
                <tr><th scope="row">{tr!(l, check_cost)}</th><td>{yuan(c.pre_litigation_mediation_fee_fen, l)}{tr!(l, check_judicial_confirmation_afterwards_is_free_too)}</td><td>{yuan(c.litigation_fee_fen, l)}{format!("{}{}", tr!(l, check_halved_to), yuan(c.mediated_case_fee_fen, l))}</td></tr>
                <tr><th scope="row">{tr!(l, check_usual_time)}</th><td>{format!("{} {}", c.mediation_days, tr!(l, check_days))}</td><td>{format!("{} {}", c.litigation_days, tr!(l, check_days))}</td></tr>
                <tr><th scope="row">{tr!(l, check_enforceable)}</th><td>{tr!(l, check_yes_once_judicially_confirmed)}</td><td>{tr!(l, check_yes_once_the_judgment_is_final)}</td></tr>
            </tbody>
        </table>
        <form method="post" action=format!("/filings/{}/submit", f.id) class="form">
            {checkbox("mediation_consent".into(), tr!(l, check_i_agree_to_try_pre_litigation), d.mediation_consent)}
            <button type="submit" class="button">{submit_label}</button>
        </form>
    }
    .into_any()
}

/// The level and score, or — for a draft that does not yet say who sues whom for what and why — that it is not
/// assessed yet, with links to the steps to fill in first.
fn risk_level_view(risk: &RiskReport, id: &str, l: Lang) -> AnyView {
    match risk.level {
        Some(level) => view! {
            <p class=format!("risk-level risk-{level:?}").to_lowercase()>{tr!(l, check_risk_level)}<strong>{level.label(l)}</strong>{format!("（{}）", risk.score)}</p>
        }
        .into_any(),
        None => {
            let steps = risk.missing.iter().map(|m| match m {
                RiskInput::Cause => Step::Cause,
                RiskInput::Parties => Step::Parties,
                RiskInput::Claims => Step::Claims,
                RiskInput::Facts => Step::Facts,
            });
            view! {
                <p class="risk-level risk-unassessed">{tr!(l, check_risk_level)}<strong>{tr!(l, risk_not_enough_information_yet)}</strong></p>
                <p class="hint">{tr!(l, risk_fill_in_first)}{steps.enumerate().map(|(i, s)| view! {
                    {(i > 0).then_some("、")}<a href=format!("/filings/{id}/{}", s.code())>{s.label(l)}</a>
                }).collect_view()}</p>
            }
            .into_any()
        }
    }
}

/// The cause's typical evidence, item by item: uploaded, listed only, or not provided.
fn evidence_check_view(items: &[EvidenceCheck], l: Lang) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        view! {
            <h3>{tr!(l, risk_typical_evidence)}</h3>
            <ul class="evidence-check">
                {items.iter().map(|e| {
                    let (class, status) = match e.status {
                        EvidenceStatus::Uploaded => ("evidence-uploaded", tr!(l, risk_evidence_uploaded)),
                        EvidenceStatus::Listed => ("evidence-listed", tr!(l, risk_evidence_listed)),
                        EvidenceStatus::Missing => ("evidence-missing", tr!(l, risk_evidence_missing)),
                    };
                    view! { <li class=class>{e.item.clone()}" — "{status}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

/// When the acceptance fee is paid, in words, with its article.
pub(super) fn pay_when_text(when: domain::fees::PayWhen, l: Lang) -> &'static str {
    use domain::fees::PayWhen;
    match when {
        PayWhen::Prepaid => tr!(l, check_pay_within_7_days_of_the),
        PayWhen::AfterEnforcement => tr!(l, fee_pay_after_enforcement),
        PayWhen::NotPrepaidWages => tr!(l, fee_not_prepaid_wages),
        PayWhen::Free => tr!(l, fee_free),
    }
}
