//! The parts of the filing pages that run in the browser (islands): everything else on those pages is rendered by
//! the server and stays static. Each computes with the same `domain` code the server runs.

use crate::components::field::{checked_input, field_id, live_error, yuan, Check, InputParts};
use crate::page_data::use_page;
use domain::fees::{quote, FeeRequest, Procedure};
use domain::filing::parse_yuan;
use domain::{Date, FieldError};
use leptos::prelude::*;

/// The claims, with the court fee following the amounts as they are typed: the Art. 13 computation runs right here,
/// in WebAssembly (an island), with the fee table the server quotes with.
#[island]
pub fn ClaimsEditor(
    claims: Vec<domain::filing::ClaimDraft>,
    errors: Vec<(String, FieldError)>,
    category: Option<domain::fees::FeeCategory>,
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
        let cat = category?;
        quote(
            &FeeRequest {
                fee_category: cat,
                amount_fen: Some(total),
                procedure: Procedure::Ordinary,
                preservation_amount_fen: None,
            },
            &table,
        )
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
                    <legend>{format!("{} {}", l.pick("诉讼请求", "Claim", "청구"), i + 1)}</legend>
                    <div class="field" class:field-error=text_err.is_some()>
                        <label for=text_id.clone()>{l.pick("请求内容", "What you ask the court for", "청구 내용")}</label>
                        <p class="error-message" id=format!("{text_id}-error")>{text_err.map(|e| e.message(l))}</p>
                        <input id=text_id.clone() name=text_name autocomplete="off" value=c.text.clone()
                            aria-describedby=format!("{text_id}-error")/>
                    </div>
                    <div class="field" class:field-error=err.is_some()>
                        <label for=id.clone()>{l.pick("金额（元，可不填）", "Amount in yuan (if any)", "금액(위안, 선택)")}</label>
                        <p class="error-message" id=format!("{id}-error")>{err.map(|e| e.message(l))}</p>
                        <input id=id.clone() name=name inputmode="decimal" autocomplete="off" value=c.amount.clone()
                            aria-describedby=format!("{id}-error")
                            on:input=move |ev| { let v = event_target_value(&ev); amounts.update(|a| if let Some(x) = a.get_mut(i) { *x = v; }); }/>
                    </div>
                    <button type="submit" name="remove" value=i.to_string() class="button secondary small">{l.pick("删除此项", "Remove", "삭제")}</button>
                </fieldset>
            }
        }).collect_view()}
        <button type="submit" name="add" value="claim" class="button secondary">{l.pick("添加诉讼请求", "Add a claim", "청구 추가")}</button>
        <p class="fee-live" aria-live="polite">
            {move || fee.get().map(|(total, fee)| format!("{}{}，{}{}（《诉讼费用交纳办法》第十三条）",
                l.pick("请求金额合计 ", "Total claimed ", "청구 합계 "), yuan(total, l),
                l.pick("预计案件受理费 ", "estimated court fee ", "예상 인지대 "), yuan(fee, l)))}
        </p>
    }
}

/// The dates the limitation period runs from, with the period's end worked out as they are typed (an island): the
/// same Civil Code Arts. 188–189 computation as the check page's risk estimate and the server, in WebAssembly.
#[island]
pub fn LimitationDates(
    known_on: String,
    last_instalment_due: String,
    known_on_error: Option<FieldError>,
    last_instalment_due_error: Option<FieldError>,
    /// The public holidays the server counts with (its loaded yearly notices).
    calendar: domain::calendar::HolidayCalendar,
) -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let known = RwSignal::new(known_on);
    let due = RwSignal::new(last_instalment_due);
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
    let outlook = Memo::new(move |_| {
        let known_on = domain::filing::parse_past_date(&known.get(), today).ok()?;
        let last_instalment_due =
            domain::filing::parse_past_date(&due.get(), Date::new(9999, 12, 31).unwrap_or(today))
                .ok();
        let facts = domain::limitation::LimitationFacts {
            known_on,
            harm_on: None,
            last_instalment_due,
        };
        Some(domain::limitation::limitation(&facts, today, &calendar))
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
                inputmode: "numeric".into(),
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
            l.pick("您知道权利受损及对方是谁的日期（年-月-日）", "When you learned of the harm and who caused it (year-month-day)", "권리 침해와 상대방을 안 날짜(연-월-일)"),
            Some(l.pick("用于计算诉讼时效（《民法典》第一百八十八条）。", "Used to compute the limitation period (Civil Code Art. 188).", "소멸시효 계산에 사용됩니다(민법전 제188조).")),
            known,
            known_error,
        )}
        {field(
            "last_instalment_due",
            l.pick("分期履行的，最后一期的履行期限（可不填）", "For instalments: the last instalment's due date (optional)", "분할 이행 시 마지막 이행 기한(선택)"),
            None,
            due,
            due_error,
        )}
        <p class="limitation-live" aria-live="polite">
            {move || outlook.get().map(|lim| if lim.expired {
                format!("{}{}（{}）{}", l.pick("诉讼时效可能已于 ", "The limitation period may have ended on ", "소멸시효가 다음 날 만료되었을 수 있습니다: "), lim.expires_on,
                    lim.basis, l.pick("届满。对方可以提出时效抗辩，法院不主动适用（民法典第一百九十三条）；仍可起诉。",
                    ". The other side may raise it as a defence; the court does not raise it itself (Civil Code Art. 193). You may still file.",
                    ". 상대방이 항변할 수 있으나 법원은 직권으로 적용하지 않습니다(민법전 제193조)."))
            } else {
                format!("{}{}（{}），{} {} {}{}", l.pick("诉讼时效预计届满日：", "The limitation period ends on ", "소멸시효 만료 예정일: "), lim.expires_on,
                    lim.basis, l.pick("还有", "in", "남은 기간"), lim.days_left, l.pick("天", "days", "일"),
                    if lim.holidays_known { "" } else { super::form::holidays_unknown(l) })
            })}
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
                label: l
                    .pick("申请财产保全的金额（元，可不填）", "Property preservation amount in yuan (optional)", "재산보전 신청 금액(선택)")
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
            {move || fee.get().map(|fee| format!("{}{}{}", l.pick("财产保全申请费 ", "Preservation application fee ", "재산보전 신청비 "), yuan(fee, l),
                l.pick("（《诉讼费用交纳办法》第十四条第（二）项，最多5000元）", " (Art. 14(2), at most 5,000 yuan)", " (제14조 제2호, 최고 5,000위안)")))}
        </p>
    }
}
