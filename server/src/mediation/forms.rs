//! Mediation's HTML forms: booking, answering an invitation (from the link or logged in), moving, cancelling,
//! extending, the mediator's outcome, signing, applying for confirmation, going to court, and the judge's ruling.
//! Works without JavaScript; each refusal maps once ([`back`]): field errors re-render the page with the answers
//! kept, a refused action returns to the page with a flag it explains.

use crate::http::error_page;
use crate::http::extract::form_request;
use crate::http::form_page;
use crate::http::problem::Problem;
use crate::http::return_to;
use crate::state::AppState;
use app::error::ServiceError;
use app::mediation::error::MediationError;
use app::mediation::service::{self, BookInput, OutcomeInput, RespondentInput};
use app::{FormNotice, FormOutcome};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/mediations/hold", post(hold))
        .route("/mediations/{id}/book", post(book))
        .route("/mediations/{id}/response", post(respond))
        .route("/mediations/{id}/reschedule", post(reschedule))
        .route("/mediations/{id}/cancel", post(cancel))
        .route("/mediations/{id}/extension", post(extend))
        .route("/mediations/{id}/outcome", post(outcome))
        .route("/mediations/{id}/signature", post(sign))
        .route("/mediations/{id}/confirmation", post(apply))
        .route("/mediations/{id}/filing", post(to_filing))
        .route("/mediations/{id}/meeting/guests", post(add_guest))
        .route("/confirmations/{id}/decision", post(decide))
}

type Pairs = Vec<(String, String)>;

fn get<'a>(form: &'a Pairs, name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Percent-encodes a value for a path or query (the pages' own encoder).
fn encode(s: &str) -> String {
    app::mediation::roster_page::urlencode(s)
}

/// The one mapping of a refused action to HTML: to log in (and back), back to `page` with the refusal's code,
/// or — for what is nobody's page — the error page.
async fn back(
    state: &AppState,
    parts: http::request::Parts,
    lang: domain::Lang,
    e: MediationError,
    page: &str,
) -> Response {
    match e {
        MediationError::Unauthorized => Redirect::to(&return_to::login_url(page)).into_response(),
        MediationError::NotFound | MediationError::Internal(_) => {
            error_page::render(state, parts, &Problem::from_service(&e, lang)).await
        }
        other => {
            let sep = if page.contains('?') { '&' } else { '?' };
            Redirect::to(&format!("{page}{sep}error={}", other.code())).into_response()
        }
    }
}

/// Renders `page` (a GET path) with the form's outcome: the answers kept, the errors next to their fields.
async fn again(
    state: &AppState,
    mut parts: http::request::Parts,
    page: &str,
    outcome: FormOutcome,
    status: StatusCode,
) -> Response {
    match page.parse::<Uri>() {
        Ok(uri) => {
            parts.uri = uri;
            form_page::render_with(state, parts, outcome, status).await
        }
        Err(_) => Redirect::to("/mediation").into_response(),
    }
}

/// Step 1: a free time chosen (with the kind of dispute and the court) is held while the details are given.
async fn hold(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let mediator = get(&form, "mediator_id")
        .chars()
        .take(64)
        .collect::<String>();
    let page = format!(
        "/mediation/mediators/{}?cause={}&court={}&filing={}",
        encode(&mediator),
        encode(get(&form, "cause")),
        encode(get(&form, "court_code")),
        encode(get(&form, "filing_id"))
    );
    let input = BookInput {
        cause: get(&form, "cause").into(),
        court_code: get(&form, "court_code").into(),
        mediator_id: mediator.clone(),
        start: get(&form, "start").into(),
        filing_id: get(&form, "filing_id").into(),
        ..Default::default()
    };
    let kept = |with_start: bool| -> Pairs {
        form.iter()
            .filter(|(k, _)| {
                matches!(k.as_str(), "cause" | "court_code") || (with_start && k == "start")
            })
            .map(|(k, v)| (k.clone(), v.chars().take(100).collect()))
            .collect()
    };
    let outcome = |errors, notice, with_start| FormOutcome {
        form: "hold".into(),
        values: kept(with_start),
        errors,
        notice,
    };
    match service::hold(&caller, &input, &state.ctx).await {
        Ok(m) => Redirect::to(&format!("/mediations/{}/book", encode(&m.id))).into_response(),
        Err(MediationError::Invalid(errors)) => {
            let o = outcome(errors.0, None, true);
            again(&state, parts, &page, o, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(MediationError::TooMany) => {
            let o = outcome(Vec::new(), Some(FormNotice::TooManyTries), true);
            again(&state, parts, &page, o, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(MediationError::SlotTaken { .. }) => {
            let o = outcome(Vec::new(), Some(FormNotice::SlotTaken), false);
            again(&state, parts, &page, o, StatusCode::CONFLICT).await
        }
        Err(e) => back(&state, parts, caller.lang, e, &page).await,
    }
}

/// Step 2: the held booking's details; the other party is invited.
async fn book(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let page = format!("/mediations/{}/book", encode(&id));
    let input = BookInput {
        hold_id: id.clone(),
        mode: get(&form, "mode").into(),
        summary: get(&form, "summary").into(),
        respondent: RespondentInput {
            name: get(&form, "respondent.name").into(),
            mobile: get(&form, "respondent.mobile").into(),
            uscc: get(&form, "respondent.uscc").into(),
        },
        ..Default::default()
    };
    let kept = || -> Pairs {
        form.iter()
            .filter(|(k, _)| {
                matches!(
                    k.as_str(),
                    "mode"
                        | "summary"
                        | "respondent.name"
                        | "respondent.mobile"
                        | "respondent.uscc"
                )
            })
            .map(|(k, v)| (k.clone(), v.chars().take(2000).collect()))
            .collect()
    };
    match service::book(&caller, &input, &state.ctx).await {
        Ok(b) => Redirect::to(&format!("/mediations/{}?booked=1", encode(&b.mediation.id)))
            .into_response(),
        Err(MediationError::Invalid(errors)) => {
            let outcome = FormOutcome {
                form: "book".into(),
                values: kept(),
                errors: errors.0,
                notice: None,
            };
            again(
                &state,
                parts,
                &page,
                outcome,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(MediationError::TooMany) => {
            let outcome = FormOutcome {
                form: "book".into(),
                values: kept(),
                errors: Vec::new(),
                notice: Some(FormNotice::TooManyTries),
            };
            again(&state, parts, &page, outcome, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(e) => back(&state, parts, caller.lang, e, &page).await,
    }
}

async fn respond(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let token = get(&form, "token").trim().to_string();
    let accept = get(&form, "accept") == "1";
    let token_opt = (!token.is_empty()).then_some(token.as_str());
    // From the link: back to the link's page (the answer shows there); logged in without it: the mediation's page.
    let page = match token_opt {
        Some(t) => format!("/mediations/{}/invitation?t={}", encode(&id), encode(t)),
        None => format!("/mediations/{}", encode(&id)),
    };
    match service::respond(
        &caller,
        &id,
        token_opt,
        accept,
        get(&form, "reason"),
        &state.ctx,
    )
    .await
    {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(e) => back(&state, parts, caller.lang, e, &page).await,
    }
}

/// After an action on the mediation's page: back to it, or the refusal mapped once.
async fn done<T>(
    state: &AppState,
    parts: http::request::Parts,
    lang: domain::Lang,
    id: &str,
    r: Result<T, MediationError>,
) -> Response {
    let page = format!("/mediations/{}", encode(id));
    match r {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(e) => back(state, parts, lang, e, &page).await,
    }
}

async fn reschedule(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::reschedule(&caller, &id, get(&form, "start"), &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::cancel(&caller, &id, get(&form, "reason"), &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn add_guest(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let input = app::mediation::meeting::GuestInput {
        role: get(&form, "role").into(),
        name: get(&form, "name").into(),
        mobile: get(&form, "mobile").into(),
        language: get(&form, "language").into(),
    };
    let r = app::mediation::meeting::add_guest(&caller, &id, &input, &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn extend(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let days = get(&form, "days").trim().parse::<i64>().unwrap_or(0);
    let r = service::extend(&caller, &id, days, get(&form, "reason"), &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn outcome(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    // The page has three term rows; empty rows are not terms.
    let typed: Vec<(String, String, String)> = (0..domain::mediation::MAX_TERMS)
        .map(|i| {
            (
                get(&form, &format!("terms[{i}].text")).to_string(),
                get(&form, &format!("terms[{i}].amount")).to_string(),
                get(&form, &format!("terms[{i}].due_on")).to_string(),
            )
        })
        .filter(|(t, a, d)| !(t.trim().is_empty() && a.trim().is_empty() && d.trim().is_empty()))
        .collect();
    let page = format!("/mediations/{}", encode(&id));
    let kept = || -> Pairs {
        form.iter()
            .filter(|(k, _)| {
                k.starts_with("terms[") || matches!(k.as_str(), "result" | "unsettled" | "note")
            })
            .take(80)
            .map(|(k, v)| (k.clone(), v.chars().take(2000).collect()))
            .collect()
    };
    let terms = match crate::mediation::api::parse_terms(&typed) {
        Ok(t) => t,
        Err(errors) => {
            let outcome = FormOutcome {
                form: "outcome".into(),
                values: kept(),
                errors: errors.0,
                notice: None,
            };
            return again(
                &state,
                parts,
                &page,
                outcome,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let input = OutcomeInput {
        result: get(&form, "result").into(),
        terms,
        unsettled: get(&form, "unsettled").into(),
        note: get(&form, "note").into(),
    };
    match service::outcome(&caller, &id, &input, &state.ctx).await {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(MediationError::Invalid(errors)) => {
            let outcome = FormOutcome {
                form: "outcome".into(),
                values: kept(),
                errors: errors.0,
                notice: None,
            };
            again(
                &state,
                parts,
                &page,
                outcome,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => back(&state, parts, caller.lang, e, &page).await,
    }
}

async fn sign(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, _) = form_request::<Pairs, _>(req, &state).await;
    let r = service::sign(&caller, &id, &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn apply(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, _) = form_request::<Pairs, _>(req, &state).await;
    let r = service::apply_confirmation(&caller, &id, &state.ctx).await;
    done(&state, parts, caller.lang, &id, r).await
}

async fn to_filing(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, _) = form_request::<Pairs, _>(req, &state).await;
    match service::to_filing(&caller, &id, &state.ctx).await {
        Ok(filing) => Redirect::to(&format!("/filings/{}", encode(&filing))).into_response(),
        Err(e) => {
            let page = format!("/mediations/{}", encode(&id));
            back(&state, parts, caller.lang, e, &page).await
        }
    }
}

async fn decide(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let confirm = get(&form, "confirm") == "1";
    let page = format!("/confirmations/{}", encode(&id));
    match service::decide(&caller, &id, confirm, get(&form, "reasons"), &state.ctx).await {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(e) => back(&state, parts, caller.lang, e, &page).await,
    }
}
