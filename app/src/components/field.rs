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

pub fn field_id(name: &str) -> String {
    format!("f-{name}")
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
