//! /filings/:id/:step — one step of the wizard, saved as it is left (and, with the Wasm, as it changes).

use super::check_page::check_view;
use super::common::{checkbox, error_view, errors_of};
use super::data::{load_filing, FilingData};
use super::filing_page::filing_overview;
use super::form::Step;
use super::step_fields::{
    cause_fields, claims_fields, court_fields, evidence_fields, facts_fields, parties_fields,
};
use crate::components::field::field_id;
use crate::error::AppError;
use crate::page_data::use_page;
use crate::texts::Message;
use domain::upload::UploadError;
use domain::{Date, FieldError, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// /filings/:id/:step — one step of the wizard.
#[component]
pub fn StepPage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_filing);
    let body = move || {
        let step = params.read().get("step").and_then(|s| Step::from_code(&s));
        let show_errors = query.read().get("check").is_some();
        let upload = UploadNote {
            error: query
                .read()
                .get("upload_error")
                .and_then(|c| UploadError::from_code(&c)),
            done: query.read().get("uploaded").is_some(),
        };
        let restored = query.read().get("restored").is_some();
        let resumed = query.read().get("resumed").is_some();
        Suspend::new(async move {
            match (data.await, step) {
                (Ok(f), Some(step)) if f.own && f.status.editable() => view! {
                    {restored.then(|| view! {
                        <p class="notice" role="status">{tr!(l, step_what_you_entered_before_your_session)}</p>
                    })}
                    {resumed.then(|| view! {
                        <p class="notice" role="status">{tr!(l, matters_resumed)}</p>
                    })}
                    {step_view(f, step, show_errors, upload, l, today)}
                }
                .into_any(),
                (Ok(f), Some(_)) => filing_overview(f, l, today, false),
                (Ok(_), None) => error_view(&AppError::NotFound, l),
                (Err(e), _) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, filings_online_filing)/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

#[derive(Clone, Copy)]
pub(super) struct UploadNote {
    pub(super) error: Option<UploadError>,
    pub(super) done: bool,
}

pub(super) fn step_view(
    f: FilingData,
    step: Step,
    show_errors: bool,
    upload: UploadNote,
    l: Lang,
    today: Date,
) -> AnyView {
    let errors = errors_of(&f.draft, today);
    let d = f.draft.clone();
    let action = format!("/filings/{}/{}", f.id, step.code());
    let position = Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1;
    let step_errors: Vec<(String, FieldError)> = if show_errors {
        errors
            .0
            .iter()
            .filter(|(k, _)| step.owns(k))
            .cloned()
            .collect()
    } else {
        vec![]
    };
    let summary = (!step_errors.is_empty()).then(|| {
        view! {
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
                <h2>{tr!(l, field_there_is_a_problem)}</h2>
                <ul>{step_errors.iter().map(|(k, e)| {
                    let whose = super::common::field_label(k, &d, l);
                    let whose = if whose.is_empty() { String::new() } else { format!("{whose}：") };
                    view! { <li><a href=format!("#{}", field_id(k))>{whose}{e.message(l)}</a></li> }
                }).collect_view()}</ul>
            </div>
        }
    });
    let fields = match step {
        Step::Cause => cause_fields(&d, &errors, show_errors, l).into_any(),
        Step::Parties => parties_fields(&d, &errors, show_errors, l).into_any(),
        Step::Claims => claims_fields(&d, &errors, show_errors, l).into_any(),
        Step::Facts => facts_fields(&d, &errors, show_errors, l).into_any(),
        Step::Evidence => view! {
            {evidence_fields(&d, l)}
            {upload_fields(&f.id, upload, l)}
        }
        .into_any(),
        Step::Court => {
            court_fields(&d, &f.courts, &f.suggestions, &errors, show_errors, l).into_any()
        }
        Step::Check => return check_view(f, l, today),
    };
    view! {
        <p class="step-of">{format!("{} {position} / {}", tr!(l, step_step), Step::ALL.len())}</p>
        <h1>{step.label(l)}</h1>
        {summary}
        <super::autosave::AutosaveForm action=action>{fields}</super::autosave::AutosaveForm>
    }
    .into_any()
}

/// The upload, inside the evidence step's own form: its button sends the whole form as multipart to the upload
/// handler, so the rows typed above are saved with the file and nothing typed is lost — without JavaScript too. A
/// refused file comes back here with the reason, to try again.
pub(super) fn upload_fields(id: &str, note: UploadNote, l: Lang) -> impl IntoView {
    view! {
        <fieldset class="upload">
            <legend><h2>{tr!(l, step_upload_an_evidence_file)}</h2></legend>
            <p class="hint" id="f-upload-file-hint">{tr!(l, step_pdf_jpeg_or_png_at_most)}</p>
            {note.done.then(|| view! { <p class="autosave" role="status">{tr!(l, step_the_file_was_uploaded)}</p> })}
            <div class="field">
                <label for="f-upload-label">{tr!(l, fields_what_it_is)}</label>
                <input id="f-upload-label" name="label" autocomplete="off"/>
            </div>
            {checkbox("original".into(), tr!(l, fields_i_have_the_original), true)}
            <div class="field" class:field-error=note.error.is_some()>
                <label for="f-upload-file">{tr!(l, step_file)}</label>
                <p class="error-message" id="f-upload-file-error" role="alert">{note.error.map(|e| e.message(l))}</p>
                <input type="file" id="f-upload-file" name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby="f-upload-file-hint f-upload-file-error"/>
            </div>
            <button type="submit" class="button secondary" formaction=format!("/filings/{id}/evidence/upload")
                formenctype="multipart/form-data" formmethod="post" formnovalidate="">{tr!(l, step_upload)}</button>
        </fieldset>
    }
}
