//! The parts of the filing pages that run in the browser (islands): everything else on those pages is rendered by
//! the server and stays static. Each computes with the same `domain` code the server runs.

use crate::components::field::{checked_input, field_id, live_error, yuan, Check, InputParts};
use crate::page_data::use_page;
use crate::texts::Message;
use domain::fees::quote;
use domain::filing::parse_yuan;
use domain::{Date, FieldError};
use leptos::prelude::*;

/// The claims, with the court fee following the amounts as they are typed: the Art. 13 computation runs right here,
/// in WebAssembly (an island), with the fee table the server quotes with.
#[island]
pub fn ClaimsEditor(
    claims: Vec<domain::filing::ClaimDraft>,
    errors: Vec<(String, FieldError)>,
    /// The cause's code: its fee category, small-claims test and prepayment rule come from the catalogue.
    cause: String,
) -> impl IntoView {
    let page = use_page();
    let (l, table) = (page.lang, page.fees);
    let error_of = move |key: &str| errors.iter().find(|(k, _)| k == key).map(|(_, e)| *e);
    let amounts = RwSignal::new(claims.iter().map(|c| c.amount.clone()).collect::<Vec<_>>());
    let fee = Memo::new(move |_| {
        let total: i64 = amounts
            .get()
            .iter()
            .filter_map(|a| parse_yuan(a).ok())
            .sum();
        let cause = domain::catalogue::cause(&cause)?;
        quote(&cause.fee_request(total, None, &table), &table)
            .ok()
            .map(|q| (total, q.acceptance_fee_fen))
    });
    let top = error_of("claims");
    view! {
        <div id=field_id("claims")>{top.map(|e| view! { <p class="error-message">{e.message(l)}</p> })}</div>
        {claims.into_iter().enumerate().map(|(i, c)| {
            let name = format!("claims.{i}.amount");
            let id = field_id(&name);
            let err = error_of(&name);
            let text_name = format!("claims.{i}.text");
            let text_id = field_id(&text_name);
            let text_err = error_of(&text_name);
            view! {
                <fieldset class="claim">
                    <legend>{format!("{} {}", tr!(l, live_claim), i + 1)}</legend>
                    <div class="field" class:field-error=text_err.is_some()>
                        <label for=text_id.clone()>{tr!(l, live_what_you_ask_the_court_for)}</label>
                        <p class="error-message" id=format!("{text_id}-error")>{text_err.map(|e| e.message(l))}</p>
                        <input id=text_id.clone() name=text_name autocomplete="off" value=c.text.clone()
                            aria-describedby=format!("{text_id}-error")/>
                    </div>
                    <div class="field" class:field-error=err.is_some()>
                        <label for=id.clone()>{tr!(l, live_amount_in_yuan_if_any)}</label>
                        <p class="error-message" id=format!("{id}-error")>{err.map(|e| e.message(l))}</p>
                        <input id=id.clone() name=name inputmode="decimal" autocomplete="off" value=c.amount.clone()
                            aria-describedby=format!("{id}-error")
                            on:input=move |ev| { let v = event_target_value(&ev); amounts.update(|a| if let Some(x) = a.get_mut(i) { *x = v; }); }/>
                    </div>
                    <button type="submit" name="remove" value=i.to_string() class="button secondary small">{tr!(l, live_remove)}</button>
                </fieldset>
            }
        }).collect_view()}
        <button type="submit" name="add" value="claim" class="button secondary">{tr!(l, live_add_a_claim)}</button>
        <p class="fee-live" aria-live="polite">
            {move || fee.get().map(|(total, fee)| format!("{}{}，{}{}（《诉讼费用交纳办法》第十三条）",
                tr!(l, live_total_claimed), yuan(total, l),
                tr!(l, live_estimated_court_fee), yuan(fee, l)))}
        </p>
    }
}

/// The dates the limitation period runs from, with the period's end worked out as they are typed (an island): the
/// same Civil Code Arts. 188–189 computation as the check page's risk estimate and the server, in WebAssembly.
#[island]
pub fn LimitationDates(
    known_on: String,
    last_instalment_due: String,
    interrupted_on: String,
    known_on_error: Option<FieldError>,
    last_instalment_due_error: Option<FieldError>,
    interrupted_on_error: Option<FieldError>,
    /// The cause's code: its time limit (three years, one for labour arbitration, none for support …).
    cause: String,
    rights_not_stated: bool,
    /// The public holidays the server counts with (its loaded yearly notices).
    calendar: domain::calendar::HolidayCalendar,
) -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let known = RwSignal::new(known_on);
    let due = RwSignal::new(last_instalment_due);
    let interrupted = RwSignal::new(interrupted_on);
    let touched = RwSignal::new(false);
    let known_error = live_error(known, touched, known_on_error, today, |text, today| {
        Check::PastDate.run(text, today, true).err()
    });
    let due_error = live_error(
        due,
        touched,
        last_instalment_due_error,
        today,
        |text, today| Check::Date.run(text, today, true).err(),
    );
    let interrupted_error = live_error(
        interrupted,
        touched,
        interrupted_on_error,
        today,
        |text, today| Check::PastDate.run(text, today, true).err(),
    );
    let rule = domain::catalogue::cause(&cause)
        .map(|c| c.time_limit())
        .unwrap_or(domain::limitation::TimeLimit::Civil);
    let exempt = matches!(
        rule,
        domain::limitation::TimeLimit::Exempt(_) | domain::limitation::TimeLimit::NotApplicable
    );
    let outlook = Memo::new(move |_| {
        let known_on = domain::filing::parse_past_date(&known.get(), today).ok()?;
        let last_instalment_due =
            domain::filing::parse_past_date(&due.get(), Date::new(9999, 12, 31).unwrap_or(today))
                .ok();
        let facts = domain::limitation::LimitationFacts {
            last_instalment_due,
            interrupted_on: domain::filing::parse_past_date(&interrupted.get(), today).ok(),
            rights_not_stated,
            ..domain::limitation::LimitationFacts::known(known_on)
        };
        domain::limitation::time_limit(rule, &facts, today, &calendar)
    });
    let field = move |name: &str,
                      label: &str,
                      hint: Option<&str>,
                      value: RwSignal<String>,
                      error: Memo<Option<FieldError>>| {
        checked_input(
            InputParts {
                name: name.to_string(),
                label: label.to_string(),
                hint: hint.map(str::to_string),
                input_type: "text".into(),
                inputmode: "text".into(),
                autocomplete: "off".into(),
                live_at_len: Some(10),
            },
            value,
            touched,
            error.into(),
            l,
        )
    };
    view! {
        {field(
            "known_on",
            tr!(l, live_when_you_learned_of_the_harm),
            Some(tr!(l, live_used_to_compute_the_limitation_period)),
            known,
            known_error,
        )}
        {(!exempt).then(|| view! {
            {field(
                "last_instalment_due",
                tr!(l, live_for_instalments_the_last_instalment_s),
                None,
                due,
                due_error,
            )}
            {field(
                "interrupted_on",
                tr!(l, live_last_demanded_on),
                Some(tr!(l, live_interruption_hint)),
                interrupted,
                interrupted_error,
            )}
        })}
        <p class="limitation-live" aria-live="polite">
            {move || if exempt {
                Some(format!("{}（{}）", tr!(l, live_no_time_limit), match rule {
                    domain::limitation::TimeLimit::Exempt(basis) => basis,
                    _ => "",
                }))
            } else {
                outlook.get().map(|lim| if lim.expired {
                    format!("{}{}（{}）{}", tr!(l, live_the_limitation_period_may_have_ended), lim.expires_on,
                        lim.basis, tr!(l, live_the_other_side_may_raise_it))
                } else {
                    format!("{}{}（{}），{} {} {}{}{}", tr!(l, live_the_limitation_period_ends_on), lim.expires_on,
                        lim.basis, tr!(l, live_in), lim.days_left, tr!(l, live_days),
                        if lim.holidays_known { "" } else { super::form::holidays_unknown(l) },
                        if lim.suspension_possible { tr!(l, live_suspension_note) } else { "" })
                })
            }}
        </p>
    }
}

/// The amount of property to preserve, with the application fee it costs worked out as it is typed (Art. 14(2),
/// capped at 5,000 yuan) — in WebAssembly, by the code the server's quote uses.
#[island]
pub fn PreservationAmount(value: String, error: Option<FieldError>) -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let value = RwSignal::new(value);
    let touched = RwSignal::new(false);
    let shown = live_error(value, touched, error, today, |text, today| {
        Check::Amount.run(text, today, true).err()
    });
    let fee = Memo::new(move |_| {
        parse_yuan(&value.get())
            .ok()
            .filter(|fen| *fen > 0)
            .map(domain::fees::preservation_fee)
    });
    view! {
        {checked_input(
            InputParts {
                name: "preservation_amount".into(),
                label: tr!(l, live_property_preservation_amount_in_yuan_optional)
                    .into(),
                hint: None,
                input_type: "text".into(),
                inputmode: "decimal".into(),
                autocomplete: "off".into(),
                live_at_len: None,
            },
            value,
            touched,
            shown.into(),
            l,
        )}
        <p class="preservation-live" aria-live="polite">
            {move || fee.get().map(|fee| format!("{}{}{}", tr!(l, live_preservation_application_fee), yuan(fee, l),
                tr!(l, live_art_14_2_at_most_5)))}
        </p>
    }
}
