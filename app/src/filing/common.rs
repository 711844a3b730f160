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
        "register_first" => tr!(l, review_register_first_rule),
        "not_confirmed" => tr!(l, review_confirm_needed),
        "validation" => tr!(l, filing_that_was_not_done_give_the),
        "rate_limited" => tr!(l, error_too_many_attempts),
        _ => tr!(l, filing_that_was_not_done_not_possible),
    }
}

pub(super) fn cause_name(code: &str) -> String {
    let l = crate::page_data::use_page().lang;
    cause_label(code, l).to_string()
}

/// A cause's name in the reader's language (民事案件案由规定's name in Chinese, the catalogue's official one).
pub fn cause_label(code: &str, l: Lang) -> &'static str {
    match code {
        "private_loan" => tr!(l, cause_private_loan),
        "financial_loan" => tr!(l, cause_financial_loan),
        "sale" => tr!(l, cause_sale),
        "labour_service" => tr!(l, cause_labour_service),
        "construction" => tr!(l, cause_construction),
        "house_lease" => tr!(l, cause_house_lease),
        "property_service" => tr!(l, cause_property_service),
        "forestry_contract" => tr!(l, cause_forestry_contract),
        "labour_dispute" => tr!(l, cause_labour_dispute),
        "labour_pay" => tr!(l, cause_labour_pay),
        "traffic_accident" => tr!(l, cause_traffic_accident),
        "personality" => tr!(l, cause_personality),
        "ip" => tr!(l, cause_ip),
        "divorce" => tr!(l, cause_divorce),
        "support" => tr!(l, cause_support),
        "elder_support" => tr!(l, cause_elder_support),
        "inheritance" => tr!(l, cause_inheritance),
        "administrative" => tr!(l, cause_administrative),
        "administrative_ip" => tr!(l, cause_administrative_ip),
        "enforcement" => tr!(l, cause_enforcement),
        "judicial_confirmation" => tr!(l, cause_judicial_confirmation),
        other => domain::catalogue::cause(other)
            .map(|c| c.name)
            .unwrap_or(""),
    }
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

/// What an error key is about, in words a filer recognises: `parties.1.id_number` → "被告 李四：居民身份证号码",
/// `claims.0.amount` → "诉讼请求 1：金额". Used by the error summaries so a message says whose field it is.
pub(super) fn field_label(key: &str, d: &domain::filing::FilingDraft, l: Lang) -> String {
    let mut parts = key.split('.');
    let (head, index, field) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    let index: Option<usize> = index.and_then(|i| i.parse().ok());
    match (head, index, field) {
        ("parties", Some(i), field) => {
            let p = d.parties.get(i);
            let role = match p.map(|p| p.role.as_str()) {
                Some("plaintiff") => tr!(l, fields_claimant_applicant),
                Some("defendant") => tr!(l, fields_defendant_respondent),
                Some("third_party") => tr!(l, fields_third_party),
                _ => tr!(l, fields_party),
            };
            let name = p.map(|p| p.name.trim()).filter(|n| !n.is_empty());
            let who = match name {
                Some(n) => format!("{role} {n}"),
                None => format!("{role} {}", i + 1),
            };
            let what = match field.unwrap_or("") {
                "name" => tr!(l, fields_name),
                "id_number" => tr!(l, fields_resident_id_number_people),
                "uscc" => tr!(l, fields_credit_code_organisations),
                "mobile" => tr!(l, account_mobile_number),
                "address" => tr!(l, fields_address_for_service),
                "agent_licence" => tr!(l, fields_lawyer_s_licence_number),
                "role" => tr!(l, fields_role),
                "kind" => tr!(l, fields_type),
                _ => "",
            };
            if what.is_empty() {
                who
            } else {
                format!("{who}：{what}")
            }
        }
        ("claims", Some(i), field) => {
            let what = match field {
                Some("amount") => tr!(l, live_amount_in_yuan_if_any),
                _ => tr!(l, live_what_you_ask_the_court_for),
            };
            format!("{} {}：{what}", tr!(l, form_claims), i + 1)
        }
        ("evidence", Some(i), _) => format!("{} {}", tr!(l, form_evidence), i + 1),
        _ => String::new(),
    }
}

/// A fee line's item in the reader's language: the Measures' own words in Chinese, a translation otherwise (an item
/// the table does not know stays as the domain wrote it).
pub fn fee_item_label(item: &str, l: Lang) -> String {
    let key = match item {
        "案件受理费（财产案件）" => tr!(l, feeitem_property),
        "案件受理费（离婚案件）" => tr!(l, feeitem_divorce),
        "案件受理费（人格权案件）" => tr!(l, feeitem_personality),
        "案件受理费（其他非财产案件）" => tr!(l, feeitem_non_property),
        "案件受理费（知识产权，按财产案件）" => tr!(l, feeitem_ip_amount),
        "案件受理费（知识产权，无争议金额）" => tr!(l, feeitem_ip_no_amount),
        "案件受理费（劳动争议）" => tr!(l, feeitem_labour),
        "案件受理费（商标、专利、海事行政案件）" => tr!(l, feeitem_admin_ip),
        "案件受理费（其他行政案件）" => tr!(l, feeitem_admin),
        "不交纳案件受理费（特别程序）" => tr!(l, feeitem_special),
        "申请保全措施费（随保全申请交纳，不计入七日内预交的受理费）" =>
        {
            tr!(l, feeitem_preservation)
        }
        "申请执行费" => tr!(l, feeitem_enforcement),
        "申请执行费（无执行金额）" => tr!(l, feeitem_enforcement_no_amount),
        "申请支付令（财产案件受理费的三分之一）" => {
            tr!(l, feeitem_payment_order)
        }
        "申请撤销仲裁裁决或者认定仲裁协议效力" => tr!(l, feeitem_arbitration),
        "申请公示催告" => tr!(l, feeitem_public_summons),
        "适用小额诉讼程序（简易程序）减半" => tr!(l, feeitem_small_claims_half),
        "适用简易程序减半" => tr!(l, feeitem_simple_half),
        other => return other.to_string(),
    };
    key.to_string()
}
