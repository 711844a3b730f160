//! A labelled form field with its hint and error, and the error summary that links to every field in error.
//!
//! The first render (server and hydration alike) shows what the server said about the last submission; once the
//! person edits a field, the same `domain` rule the server runs checks it in the browser as they type.

use crate::page_data::{use_page, FormOutcome};
use domain::{Date, FieldError, Lang};
use leptos::prelude::*;

/// A rule for live checking: the field's text and today's date → the first problem, if any.
pub type Rule = fn(&str, Date) -> Result<(), FieldError>;

#[derive(Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label: (&'static str, &'static str, &'static str),
    pub hint: Option<(&'static str, &'static str, &'static str)>,
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    pub inputmode: &'static str,
    pub rule: Option<Rule>,
    /// Check while typing once the text is this long (an ID number at 18); otherwise when the field is left.
    pub live_at_len: Option<usize>,
}

impl FieldSpec {
    pub const fn text(
        name: &'static str,
        label: (&'static str, &'static str, &'static str),
    ) -> FieldSpec {
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
        lang.pick(self.label.0, self.label.1, self.label.2)
    }
}

/// The element id of a field: `parties.0.name` → `f-parties-0-name` (no dots, so CSS selectors and fragments work).
pub fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

#[component]
pub fn Field(spec: FieldSpec, outcome: Option<FormOutcome>) -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let today = page.today;
    let initial = if spec.input_type == "password" {
        String::new()
    } else {
        outcome
            .as_ref()
            .map(|o| o.value(spec.name))
            .unwrap_or_default()
    };
    let server_error = outcome.as_ref().and_then(|o| o.error(spec.name));
    let value = RwSignal::new(initial);
    let touched = RwSignal::new(false);
    let error = Memo::new(move |_| {
        if touched.get() {
            spec.rule.and_then(|rule| rule(&value.get(), today).err())
        } else {
            server_error
        }
    });
    let id = field_id(spec.name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let error_id = error_id.clone();
        let hint = spec.hint.map(|_| hint_id.clone());
        move || {
            let mut ids: Vec<String> = hint.iter().cloned().collect();
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        if spec
            .live_at_len
            .is_some_and(|n| text.trim().chars().count() >= n)
        {
            touched.set(true);
        }
        value.set(text);
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=id.clone()>{spec.label(l)}</label>
            {spec.hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{l.pick(h.0, h.1, h.2)}</p> })}
            <p class="error-message" id=error_id.clone() aria-live="polite">
                {move || error.get().map(|e| e.message(l))}
            </p>
            <input
                id=id.clone()
                name=spec.name
                type=spec.input_type
                autocomplete=spec.autocomplete
                inputmode=spec.inputmode
                prop:value=move || value.get()
                value=value.get_untracked()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                on:input=on_input
                on:change=move |_| touched.set(true)
            />
        </div>
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
            <h2 id="error-summary-title">{l.pick("请修改以下问题", "There is a problem", "다음 내용을 고쳐 주십시오")}</h2>
            {notice}
            <ul>{items}</ul>
        </div>
    })
}

/// A field whose name is built at run time (`parties.0.id_number`), for the rows of a list.
#[component]
pub fn LiveInput(
    name: String,
    label: String,
    value: String,
    #[prop(default = None)] error: Option<FieldError>,
    #[prop(optional)] rule: Option<Rule>,
    #[prop(optional)] live_at_len: Option<usize>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let value = RwSignal::new(value);
    let touched = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        if touched.get() {
            rule.and_then(|r| r(&value.get(), today).err())
        } else {
            error
        }
    });
    let id = field_id(&name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field" class:field-error=move || shown.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <p class="error-message" id=error_id aria-live="polite">{move || shown.get().map(|e| e.message(l))}</p>
            <input
                id=id
                name=name
                type=input_type
                inputmode=inputmode
                autocomplete="off"
                prop:value=move || value.get()
                value=value.get_untracked()
                aria-invalid=move || if shown.get().is_some() { "true" } else { "false" }
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
    format!(
        "{sign}{grouped}.{:02} {}",
        abs % 100,
        l.pick("元", "yuan", "위안")
    )
}
