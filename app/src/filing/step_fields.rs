//! The fields of each wizard step, rendered from the draft with the errors to show.

use super::common::{checkbox, error_of, select};
use crate::components::field::{field_id, Check, LiveInput};
use crate::texts::{Label, Message};
use domain::catalogue::{CauseGroup, CAUSES};
use domain::filing::FilingDraft;
use domain::{FieldError, FieldErrors, Lang};
use leptos::prelude::*;

pub(super) fn cause_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let groups = [
        CauseGroup::MoneyAndContracts,
        CauseGroup::HomeAndProperty,
        CauseGroup::WorkAndLabour,
        CauseGroup::FamilyAndInheritance,
        CauseGroup::AccidentsAndRights,
        CauseGroup::Administrative,
        CauseGroup::Applications,
    ];
    let err = error_of(errors, "cause", show);
    view! {
        <fieldset class="field" id=field_id("cause") class:field-error=err.is_some()>
            <legend>{tr!(l, fields_what_kind_of_case_is_it)}</legend>
            {err.map(|e| view! { <p class="error-message">{e.message(l)}</p> })}
            {groups.into_iter().map(|g| view! {
                <h3>{g.label(l)}</h3>
                {CAUSES.iter().filter(|c| c.group == g).map(|c| {
                    let id = format!("cause-{}", c.code);
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name="cause" value=c.code checked=d.cause == c.code/>
                            <label for=id>{super::common::cause_label(c.code, l)}</label>
                            // The statute's words stay Chinese, said in a Chinese voice.
                            {c.precondition.map(|p| view! { <p class="hint" lang="zh">{p}</p> })}
                        </div>
                    }
                }).collect_view()}
            }).collect_view()}
        </fieldset>
    }
}

pub(super) fn parties_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let mut parties = d.parties.clone();
    if parties.is_empty() {
        parties.push(domain::filing::PartyDraft {
            role: "plaintiff".into(),
            kind: "natural".into(),
            ..Default::default()
        });
        parties.push(domain::filing::PartyDraft {
            role: "defendant".into(),
            kind: "natural".into(),
            ..Default::default()
        });
    }
    let side_err = error_of(errors, "parties", show);
    let roles = [
        ("plaintiff", tr!(l, fields_claimant_applicant)),
        ("defendant", tr!(l, fields_defendant_respondent)),
        ("third_party", tr!(l, fields_third_party)),
    ];
    let kinds = [
        ("natural", tr!(l, fields_natural_person)),
        ("legal", tr!(l, fields_legal_person)),
        ("other", tr!(l, fields_other_organisation)),
    ];
    view! {
        <div id=field_id("parties")>
            {side_err.map(|e| view! { <p class="error-message">{e.message(l)}</p> })}
        </div>
        {parties.into_iter().enumerate().map(|(i, p)| {
            let n = |f: &str| format!("parties.{i}.{f}");
            let e = |f: &str| error_of(errors, &format!("parties.{i}.{f}"), show);
            view! {
                <fieldset class="party">
                    <legend>{format!("{} {}", tr!(l, fields_party), i + 1)}</legend>
                    {select(n("role"), tr!(l, fields_role), &p.role, &roles)}
                    {select(n("kind"), tr!(l, fields_type), &p.kind, &kinds)}
                    <LiveInput name=n("name") label=tr!(l, fields_name).into() value=p.name.clone() error=e("name") rule=Some(Check::Name)/>
                    <LiveInput name=n("id_number") label=tr!(l, fields_resident_id_number_people).into() value=p.id_number.clone() error=e("id_number") rule=Some(Check::ResidentId) optional=true live_at_len=Some(18)/>
                    <LiveInput name=n("uscc") label=tr!(l, fields_credit_code_organisations).into() value=p.uscc.clone() error=e("uscc") rule=Some(Check::Uscc) optional=true live_at_len=Some(18)/>
                    {checkbox(n("uscc_confirmed"), tr!(l, fields_i_have_checked_this_is_exactly), p.uscc_confirmed)}
                    <LiveInput name=n("mobile") label=tr!(l, account_mobile_number).into() value=p.mobile.clone() error=e("mobile") rule=Some(Check::Mobile) optional=true live_at_len=Some(11) input_type="tel" inputmode="numeric"/>
                    <LiveInput name=n("address") label=tr!(l, fields_address_for_service).into() value=p.address.clone() error=e("address")/>
                    {checkbox(n("address_confirmed"), tr!(l, fields_documents_may_be_served_at_this), p.address_confirmed)}
                    <LiveInput name=n("agent_name") label=tr!(l, fields_agent_or_lawyer_optional).into() value=p.agent_name.clone()/>
                    <LiveInput name=n("agent_licence") label=tr!(l, fields_lawyer_s_licence_number).into() value=p.agent_licence.clone() error=e("agent_licence") rule=Some(Check::Licence) optional=true live_at_len=Some(17) inputmode="numeric"/>
                    {checkbox(n("agent_authorised"), tr!(l, fields_a_power_of_attorney_is_provided), p.agent_authorised)}
                    <button type="submit" name="remove" value=i.to_string() class="button secondary small">{tr!(l, fields_remove_this_party)}</button>
                </fieldset>
            }
        }).collect_view()}
        <button type="submit" name="add" value="party" class="button secondary">{tr!(l, fields_add_a_party)}</button>
    }
}

pub(super) fn claims_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let rate = interest_rate_field(d, errors, show, l);
    let mut claims = d.claims.clone();
    if claims.is_empty() {
        claims.push(Default::default());
    }
    let errors: Vec<(String, FieldError)> = if show {
        errors
            .0
            .iter()
            .filter(|(k, _)| k.starts_with("claims"))
            .cloned()
            .collect()
    } else {
        vec![]
    };
    let cause = d.cause.clone();
    view! {
        <super::live::ClaimsEditor claims errors cause/>
        {rate}
    }
}

/// The annual interest rate the parties agreed: asked in money cases (a private loan's rate is held against the cap
/// of four times the LPR), and wherever the draft already has one, so nothing typed is hidden.
fn interest_rate_field(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> Option<impl IntoView> {
    let money_case = domain::catalogue::cause(&d.cause).is_none_or(|c| {
        matches!(
            c.fee,
            domain::fees::FeeCategory::Property | domain::fees::FeeCategory::PaymentOrder
        )
    });
    (money_case || !d.agreed_interest_rate.is_empty()).then(|| {
        view! {
            <LiveInput name="agreed_interest_rate".into() label=tr!(l, risk_agreed_annual_interest_rate).into()
                value=d.agreed_interest_rate.clone() error=error_of(errors, "agreed_interest_rate", show)
                rule=Some(Check::Rate) optional=true inputmode="decimal"
                hint=Some(tr!(l, risk_agreed_rate_hint).to_string())/>
        }
    })
}

pub(super) fn facts_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let facts_err = error_of(errors, "facts", show);
    let cause = domain::catalogue::cause(&d.cause);
    let labour =
        cause.is_some_and(|c| c.time_limit() == domain::limitation::TimeLimit::LabourArbitration);
    let administrative =
        cause.is_some_and(|c| c.time_limit() == domain::limitation::TimeLimit::Administrative);
    view! {
        <div class="field" class:field-error=facts_err.is_some()>
            <label for=field_id("facts")>{tr!(l, form_facts_and_reasons)}</label>
            <p class="hint">{tr!(l, fields_what_happened_when_and_where_and)}</p>
            <p class="error-message">{facts_err.map(|e| e.message(l))}</p>
            <textarea id=field_id("facts") name="facts" rows="8">{d.facts.clone()}</textarea>
        </div>
        {labour.then(|| view! { <p class="notice" role="note">{tr!(l, fields_labour_arbitration_first)}</p> })}
        <super::live::LimitationDates
            known_on=d.known_on.clone()
            last_instalment_due=d.last_instalment_due.clone()
            interrupted_on=d.interrupted_on.clone()
            known_on_error=error_of(errors, "known_on", show)
            last_instalment_due_error=error_of(errors, "last_instalment_due", show)
            interrupted_on_error=error_of(errors, "interrupted_on", show)
            cause=d.cause.clone()
            rights_not_stated=d.rights_not_stated
            calendar=crate::page_data::holiday_calendar()/>
        {administrative.then(|| checkbox("rights_not_stated".into(), tr!(l, fields_rights_not_stated), d.rights_not_stated))}
        {place_field(d, l)}
    }
}

/// The place the cause's jurisdiction rule looks at (contract performance, tort, real estate); the competent court
/// is suggested from it and from the defendants' addresses.
pub(super) fn place_field(d: &FilingDraft, l: Lang) -> Option<impl IntoView> {
    use domain::jurisdiction::{place_ground, Ground};
    let rule = domain::catalogue::cause(&d.cause)?.jurisdiction;
    let label = match place_ground(rule)? {
        Ground::ContractPerformance => tr!(l, fields_where_the_contract_is_performed_county),
        Ground::TortPlace => tr!(l, fields_where_the_harm_was_done_e),
        Ground::RealEstate => tr!(l, fields_where_the_property_lies_county_or),
        Ground::Estate => tr!(l, fields_where_the_deceased_lived_or_the_estate_lies),
        Ground::SubjectMatter => tr!(l, fields_where_the_subject_matter_or_mediator_is),
        Ground::EnforcedProperty => tr!(l, fields_where_the_property_to_enforce_is),
        Ground::ReconsiderationBody => tr!(l, fields_where_the_reconsideration_body_sits),
        Ground::DefendantDomicile
        | Ground::PartyDomicile
        | Ground::AuthoritySeat
        | Ground::Agreed => return None,
    };
    Some(view! {
        <LiveInput name="place".into() label=label.into() value=d.place.clone()
            hint=Some(format!("{}{}", tr!(l, fields_used_to_find_the_competent_court), rule.basis()))/>
    })
}

pub(super) fn evidence_fields(d: &FilingDraft, l: Lang) -> impl IntoView {
    let typical = domain::catalogue::cause(&d.cause).map(|c| {
        c.typical_evidence
            .iter()
            .map(|t| t.name)
            .collect::<Vec<_>>()
            .join("、")
    });
    let mut rows = d.evidence.clone();
    rows.push(Default::default());
    view! {
        {typical.map(|t| view! { <p class="hint">{tr!(l, fields_such_cases_usually_need)}{t}</p> })}
        {rows.into_iter().enumerate().map(|(i, e)| view! {
            <fieldset class="evidence">
                <legend>{format!("{} {}", tr!(l, form_evidence), i + 1)}</legend>
                <LiveInput name=format!("evidence.{i}.name") label=tr!(l, fields_what_it_is).into() value=e.name.clone()/>
                {e.file_id.clone().map(|fid| view! {
                    <input type="hidden" name=format!("evidence.{i}.file_id") value=fid.clone()/>
                    <p><a href=format!("/files/{fid}")>{tr!(l, fields_view_the_uploaded_file)}</a></p>
                })}
                {checkbox(format!("evidence.{i}.original"), tr!(l, fields_i_have_the_original), e.original)}
            </fieldset>
        }).collect_view()}
        <p class="hint">{tr!(l, fields_save_to_get_another_row)}</p>
    }
}

pub(super) fn court_fields(
    d: &FilingDraft,
    courts: &[(String, String)],
    suggestions: &[domain::jurisdiction::Suggestion],
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let rule = domain::catalogue::cause(&d.cause).map(|c| c.jurisdiction.basis());
    // Until the filer chooses, the competent court is the first the rules point to, and the filing goes there.
    let competent = if d.competent_court_code.is_empty() {
        suggestions
            .first()
            .map(|s| s.court_code.clone())
            .unwrap_or_default()
    } else {
        d.competent_court_code.clone()
    };
    let filed_at = if d.court_code.is_empty() {
        competent.clone()
    } else {
        d.court_code.clone()
    };
    let suggested = if suggestions.is_empty() {
        view! {
            <p class="hint" id="court-suggestions">{tr!(l, fields_no_court_was_found_for_the)}</p>
        }
        .into_any()
    } else {
        view! {
            <div class="suggestions" id="court-suggestions" role="note">
                <h2>{tr!(l, fields_courts_competent_under_the_rules)}</h2>
                <ul>
                    {suggestions.iter().map(|s| view! {
                        <li>
                            <strong>{format!("{}（{}）", s.court_name, s.court_code)}</strong>
                            {format!(" — {}：{}，{}", s.ground.label(l), s.place, s.basis)}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any()
    };
    let opts = |name: &str, current: &str| {
        let id = field_id(name);
        view! {
            <select id=id name=name.to_string()>
                <option value="">{tr!(l, fields_choose)}</option>
                {courts.iter().map(|(code, name)| view! { <option value=code.clone() selected=current == code>{format!("{name}（{code}）")}</option> }).collect_view()}
            </select>
        }
    };
    let err = error_of(errors, "court_code", show);
    let competent_err = error_of(errors, "competent_court_code", show);
    let level = domain::jurisdiction::level(d, &crate::page_data::use_page().fees.levels);
    view! {
        {rule.map(|r| view! { <p class="hint">{tr!(l, fields_jurisdiction)}{r}</p> })}
        {level.map(|n| view! {
            <p class="notice" role="note">{format!("{}（{}：{}）", tr!(l, fields_level_notice), crate::components::field::yuan(n.limit_fen, l), n.basis)}</p>
        })}
        {suggested}
        <div class="field" class:field-error=competent_err.is_some()>
            <label for=field_id("competent_court_code")>{tr!(l, fields_the_competent_court)}</label>
            <p class="error-message">{competent_err.map(|e| e.message(l))}</p>
            {opts("competent_court_code", &competent)}
        </div>
        <div class="field" class:field-error=err.is_some()>
            <label for=field_id("court_code")>{tr!(l, fields_court_you_file_at_a_nearer)}</label>
            <p class="error-message">{err.map(|e| e.message(l))}</p>
            {opts("court_code", &filed_at)}
        </div>
        {agreement_fields(d, courts, errors, show, l)}
        <super::live::PreservationAmount value=d.preservation_amount.clone() error=error_of(errors, "preservation_amount", show)/>
        {checkbox("defendant_assets_known".into(), tr!(l, fields_i_know_of_the_defendant_s), d.defendant_assets_known)}
    }
}

/// 协议管辖 (民事诉讼法第三十五条): the clause quoted, the court it names and what ties that court to the dispute.
fn agreement_fields(
    d: &FilingDraft,
    courts: &[(String, String)],
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    use domain::jurisdiction::Connection;
    let err = |name: &str| error_of(errors, name, show);
    let (clause_err, court_err, conn_err) = (
        err("agreed_clause"),
        err("agreed_court_code"),
        err("agreed_connection"),
    );
    let connection_label = |c: Connection| match c {
        Connection::DefendantDomicile => tr!(l, connection_defendant_domicile),
        Connection::PlaintiffDomicile => tr!(l, connection_plaintiff_domicile),
        Connection::ContractPerformance => tr!(l, connection_contract_performance),
        Connection::ContractSigning => tr!(l, connection_contract_signing),
        Connection::SubjectMatter => tr!(l, connection_subject_matter),
    };
    let open = !d.agreed_clause.trim().is_empty() || !d.agreed_court_code.trim().is_empty();
    view! {
        <details class="agreement" open=open>
            <summary>{tr!(l, fields_agreed_jurisdiction)}</summary>
            <p class="hint">{tr!(l, fields_agreed_hint)}</p>
            <div class="field" class:field-error=clause_err.is_some()>
                <label for=field_id("agreed_clause")>{tr!(l, fields_agreed_clause)}</label>
                <p class="error-message">{clause_err.map(|e| e.message(l))}</p>
                <textarea id=field_id("agreed_clause") name="agreed_clause" rows="3" maxlength="500">{d.agreed_clause.clone()}</textarea>
            </div>
            <div class="field" class:field-error=court_err.is_some()>
                <label for=field_id("agreed_court_code")>{tr!(l, fields_agreed_court)}</label>
                <p class="error-message">{court_err.map(|e| e.message(l))}</p>
                <select id=field_id("agreed_court_code") name="agreed_court_code">
                    <option value="">{tr!(l, fields_choose)}</option>
                    {courts.iter().map(|(code, name)| view! {
                        <option value=code.clone() selected=d.agreed_court_code == *code>{format!("{name}（{code}）")}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field" class:field-error=conn_err.is_some()>
                <label for=field_id("agreed_connection")>{tr!(l, fields_agreed_connection)}</label>
                <p class="error-message">{conn_err.map(|e| e.message(l))}</p>
                <select id=field_id("agreed_connection") name="agreed_connection">
                    <option value="">{tr!(l, fields_choose)}</option>
                    {Connection::ALL.into_iter().map(|c| view! {
                        <option value=c.code() selected=d.agreed_connection == c.code()>{connection_label(c)}</option>
                    }).collect_view()}
                </select>
            </div>
            <LiveInput name="agreed_place".into() label=tr!(l, fields_agreed_place).into() value=d.agreed_place.clone()/>
        </details>
    }
}
