//! A labelled form field with its hint and error, and the error summary that links to every field in error.
//!
//! The first render (server and hydration alike) shows what the server said about the last submission; once the
//! person edits a field, the same `domain` rule the server runs checks it in the browser as they type.

use crate::page_data::{use_page, FormOutcome};
use crate::texts::Message;
use domain::{Date, FieldError, Lang};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A rule the browser checks while a field is typed in: the very `domain` function the server runs. An enum rather
/// than a function pointer, so it can travel to the browser as an island's property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// A person's name.
    PersonName,
    /// A name that may be an organisation's.
    Name,
    ResidentId,
    /// A credit code; a failing check character is shown as the warning it is.
    Uscc,
    Mobile,
    Licence,
    Password,
    /// Yuan, as typed.
    Amount,
    /// A date not after today.
    PastDate,
    /// A date, past or future (an instalment may still fall due).
    Date,
    /// An annual rate in percent.
    Rate,
}

impl Check {
    /// The first problem with `s`, if any. An `optional` field may be left empty.
    pub fn run(self, s: &str, today: Date, optional: bool) -> Result<(), FieldError> {
        use domain::registration::{check_password, parse_name};
        use domain::{LawyerLicence, Mobile, ResidentId, Uscc};
        if optional && s.trim().is_empty() {
            return Ok(());
        }
        match self {
            Check::PersonName => parse_name(s, false).map(|_| ()),
            Check::Name => parse_name(s, true).map(|_| ()),
            Check::ResidentId => ResidentId::parse(s, today).map(|_| ()),
            Check::Uscc => Uscc::parse_confirmed(s, false).map(|_| ()),
            Check::Mobile => Mobile::parse(s).map(|_| ()),
            Check::Licence => LawyerLicence::parse(s).map(|_| ()),
            Check::Password => check_password(s, s),
            Check::Amount => domain::filing::parse_yuan(s).map(|_| ()),
            Check::PastDate => domain::filing::parse_past_date(s, today).map(|_| ()),
            Check::Date => {
                domain::filing::parse_past_date(s, Date::new(9999, 12, 31).unwrap_or(today))
                    .map(|_| ())
            }
            Check::Rate => domain::interest::parse_rate(s).map(|_| ()),
        }
    }
}

/// A text of the catalogue in a page language, held as data (`|l| tr!(l, key)`).
pub type Text = fn(Lang) -> &'static str;

#[derive(Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label: Text,
    pub hint: Option<Text>,
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    pub inputmode: &'static str,
    pub rule: Option<Check>,
    /// Check while typing once the text is this long (an ID number at 18); otherwise when the field is left.
    pub live_at_len: Option<usize>,
}

impl FieldSpec {
    pub const fn text(name: &'static str, label: Text) -> FieldSpec {
        FieldSpec {
            name,
            label,
            hint: None,
            input_type: "text",
            autocomplete: "off",
            inputmode: "text",
            rule: None,
            live_at_len: None,
        }
    }
    pub fn label(&self, lang: Lang) -> &'static str {
        (self.label)(lang)
    }
}

/// The element id of a field: `parties.0.name` → `f-parties-0-name` (no dots, so CSS selectors and fragments work).
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

/// A field of a fixed form (registration, login): what the server said about the last submission, then the live check.
#[component]
pub fn Field(spec: FieldSpec, outcome: Option<FormOutcome>) -> impl IntoView {
    let l = use_page().lang;
    let value = if spec.input_type == "password" {
        String::new()
    } else {
        outcome
            .as_ref()
            .map(|o| o.value(spec.name))
            .unwrap_or_default()
    };
    let error = outcome.as_ref().and_then(|o| o.error(spec.name));
    view! {
        <LiveInput
            name=spec.name.to_string()
            label=spec.label(l).to_string()
            value=value
            error=error
            rule=spec.rule
            live_at_len=spec.live_at_len
            input_type=spec.input_type.to_string()
            inputmode=spec.inputmode.to_string()
            autocomplete=spec.autocomplete.to_string()
            hint=spec.hint.map(|h| h(l).to_string())
        />
    }
}

/// Lists every problem of the submitted form at the top, each a link to its field (WCAG 3.3.1).
#[component]
pub fn ErrorSummary(outcome: Option<FormOutcome>, fields: Vec<FieldSpec>) -> impl IntoView {
    let l = use_page().lang;
    let outcome = outcome.filter(|o| !o.errors.is_empty() || o.notice.is_some())?;
    let items = outcome
        .errors
        .iter()
        .map(|(name, err)| {
            let label = fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.label(l))
                .unwrap_or("");
            let href = format!("#{}", field_id(name));
            view! { <li><a href=href>{label}": "{err.message(l)}</a></li> }
        })
        .collect_view();
    let notice = outcome.notice.map(|n| view! { <p>{n.message(l)}</p> });
    Some(view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">{tr!(l, field_there_is_a_problem)}</h2>
            {notice}
            <ul>{items}</ul>
        </div>
    })
}

/// A labelled input with its hint and error, checked as it is typed; the call sites' friendly form of [`LiveField`].
#[component]
pub fn LiveInput(
    name: String,
    label: String,
    value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(default = None)] rule: Option<Check>,
    /// Empty is acceptable (the rule runs only on what is typed).
    #[prop(default = false)]
    optional: bool,
    #[prop(default = None)] live_at_len: Option<usize>,
    #[prop(into, default = "text".to_string())] input_type: String,
    #[prop(into, default = "text".to_string())] inputmode: String,
    #[prop(into, default = "off".to_string())] autocomplete: String,
    #[prop(default = None)] hint: Option<String>,
) -> impl IntoView {
    // Nothing to check as it is typed: the same markup, rendered once, without an island — so a page whose fields
    // have no rule (the login page) loads no WebAssembly at all.
    if rule.is_none() {
        let l = use_page().lang;
        let parts = InputParts {
            name,
            label,
            hint,
            input_type,
            inputmode,
            autocomplete,
            live_at_len,
        };
        return checked_input(
            parts,
            RwSignal::new(value),
            RwSignal::new(false),
            Signal::stored(error),
            l,
        )
        .into_any();
    }
    view! {
        <LiveField name label value error rule optional live_at_len input_type inputmode autocomplete hint/>
    }
    .into_any()
}

/// The one piece of the portal's fixed forms that runs in the browser (an island). It renders on the server
/// complete; in the browser it checks the text with the same `domain` rule as the person types. Its properties
/// travel in the page as JSON, so they are plain data, all given.
#[island]
#[allow(clippy::too_many_arguments)]
pub fn LiveField(
    name: String,
    label: String,
    value: String,
    error: Option<FieldError>,
    rule: Option<Check>,
    optional: bool,
    live_at_len: Option<usize>,
    input_type: String,
    inputmode: String,
    autocomplete: String,
    hint: Option<String>,
) -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let value = RwSignal::new(value);
    let touched = RwSignal::new(false);
    let shown = live_error(value, touched, error, today, move |text, today| {
        rule.and_then(|r| r.run(text, today, optional).err())
    });
    checked_input(
        InputParts {
            name,
            label,
            hint,
            input_type,
            inputmode,
            autocomplete,
            live_at_len,
        },
        value,
        touched,
        shown.into(),
        l,
    )
}

/// The error a field shows: what the server said about the last submission until the person edits the field, then
/// what `check` says of the text as it is typed.
pub fn live_error(
    value: RwSignal<String>,
    touched: RwSignal<bool>,
    from_server: Option<FieldError>,
    today: Date,
    check: impl Fn(&str, Date) -> Option<FieldError> + Send + Sync + 'static,
) -> Memo<Option<FieldError>> {
    Memo::new(move |_| {
        if touched.get() {
            value.with(|text| check(text, today))
        } else {
            from_server
        }
    })
}

/// What a checked input is, besides its live state.
pub struct InputParts {
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    pub input_type: String,
    pub inputmode: String,
    pub autocomplete: String,
    /// Check while typing once the text is this long; otherwise when the field is left.
    pub live_at_len: Option<usize>,
}

/// The markup of a field checked in the browser, shared by the islands: label, hint, the error (announced politely
/// as it changes) and the input, whose typing updates `value` and, once long enough or left, marks it `touched`.
pub fn checked_input(
    parts: InputParts,
    value: RwSignal<String>,
    touched: RwSignal<bool>,
    error: Signal<Option<FieldError>>,
    l: Lang,
) -> impl IntoView {
    let InputParts {
        name,
        label,
        hint,
        input_type,
        inputmode,
        autocomplete,
        live_at_len,
    } = parts;
    let id = field_id(&name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    // The input is not driven from the signal: what the person typed before the WebAssembly arrived (a slow network)
    // must survive hydration. Once hydrated, the signal takes whatever is in the box and checks it.
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let typed = input.value();
            if typed != value.get_untracked() {
                value.set(typed);
                touched.set(true);
            }
        }
    });
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <p class="error-message" id=error_id aria-live="polite">{move || error.get().map(|e| e.message(l))}</p>
            <input
                id=id
                name=name
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                node_ref=input_ref
                value=value.get_untracked()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if live_at_len.is_some_and(|n| text.trim().chars().count() >= n) {
                        touched.set(true);
                    }
                    value.set(text);
                }
                on:change=move |_| touched.set(true)
            />
        </div>
    }
}

/// 12,345.60 元 — amounts are integer fen everywhere but here.
pub fn yuan(fen: i64, l: Lang) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02} {}", abs % 100, tr!(l, field_yuan))
}
