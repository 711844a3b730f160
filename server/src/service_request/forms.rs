//! Service requests' HTML forms: sending one; the court's answer, transfer and closing; the person's one reply and
//! rating. Each refusal maps once ([`back`]): field errors re-render the page with what was typed kept, a refused
//! action returns to the page with a code it explains, someone else's request is the 404 page.

use crate::http::error_page;
use crate::http::extract::form_request;
use crate::http::form_page;
use crate::http::problem::Problem;
use crate::http::return_to;
use crate::state::AppState;
use app::error::ServiceError;
use app::service_request::error::RequestError;
use app::service_request::service::{self, SubmitInput};
use app::FormOutcome;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/service-requests", post(submit))
        .route("/service-requests/{id}/answer", post(answer))
        .route("/service-requests/{id}/transfer", post(transfer))
        .route("/service-requests/{id}/close", post(close))
        .route("/service-requests/{id}/reply", post(reply))
        .route("/service-requests/{id}/rating", post(rate))
}

type Pairs = Vec<(String, String)>;

fn get<'a>(form: &'a Pairs, name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn page_of(id: &str) -> String {
    format!(
        "/service-requests/{}",
        app::mediation::roster_page::urlencode(id)
    )
}

/// The one mapping of a refusal to HTML.
async fn back(
    state: &AppState,
    mut parts: http::request::Parts,
    form_name: &str,
    form: &Pairs,
    e: RequestError,
    page: &str,
) -> Response {
    let lang = crate::http::extract::caller_of(&parts.extensions).lang;
    match e {
        RequestError::Unauthorized => Redirect::to(&return_to::login_url(page)).into_response(),
        RequestError::Invalid(fields) => {
            let outcome = FormOutcome {
                form: form_name.into(),
                values: form
                    .iter()
                    .map(|(k, v)| (k.clone(), v.chars().take(2_000).collect()))
                    .take(20)
                    .collect(),
                errors: fields.0,
                notice: None,
            };
            match page.parse::<Uri>() {
                Ok(uri) => {
                    parts.uri = uri;
                    form_page::render_with(state, parts, outcome, StatusCode::UNPROCESSABLE_ENTITY)
                        .await
                }
                Err(_) => Redirect::to("/service-requests").into_response(),
            }
        }
        RequestError::Conflict(_) | RequestError::TooMany | RequestError::Forbidden => {
            let sep = if page.contains('?') { '&' } else { '?' };
            Redirect::to(&format!("{page}{sep}error={}", e.code())).into_response()
        }
        other => error_page::render(state, parts, &Problem::from_service(&other, lang)).await,
    }
}

async fn submit(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let input = SubmitInput {
        kind: get(&form, "kind").into(),
        court_code: get(&form, "court_code").into(),
        subject: get(&form, "subject").into(),
        body: get(&form, "body").into(),
        case_ref: get(&form, "case_ref").into(),
        cannot_get_done: !get(&form, "cannot_get_done").is_empty(),
    };
    match service::submit(&caller, &input, &state.ctx).await {
        Ok(v) => Redirect::to(&page_of(&v.summary.id)).into_response(),
        Err(e) => {
            back(
                &state,
                parts,
                "service_request",
                &form,
                e,
                "/service-requests/new",
            )
            .await
        }
    }
}

async fn done(
    state: &AppState,
    parts: http::request::Parts,
    form_name: &str,
    form: &Pairs,
    id: &str,
    r: Result<app::service_request::data::RequestView, RequestError>,
) -> Response {
    let page = page_of(id);
    match r {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(e) => back(state, parts, form_name, form, e, &page).await,
    }
}

async fn answer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::answer(&caller, &id, get(&form, "body"), &state.ctx).await;
    done(&state, parts, "sr_answer", &form, &id, r).await
}

async fn transfer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::transfer(
        &caller,
        &id,
        get(&form, "court_code"),
        get(&form, "department"),
        get(&form, "note"),
        &state.ctx,
    )
    .await;
    // Transferred to another court, the request is no longer this clerk's to see: back to the queue.
    match r {
        Ok(v)
            if caller.user.as_ref().and_then(|u| u.court_code.as_deref())
                != Some(v.summary.court_code.as_str()) =>
        {
            Redirect::to("/service-requests").into_response()
        }
        r => done(&state, parts, "sr_transfer", &form, &id, r).await,
    }
}

async fn close(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::close(&caller, &id, get(&form, "note"), &state.ctx).await;
    done(&state, parts, "sr_close", &form, &id, r).await
}

async fn reply(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let r = service::reply(&caller, &id, get(&form, "body"), &state.ctx).await;
    done(&state, parts, "sr_reply", &form, &id, r).await
}

async fn rate(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<Pairs, _>(req, &state).await;
    let score = get(&form, "score").trim().parse::<u8>().unwrap_or(0);
    let r = service::rate(&caller, &id, score, get(&form, "reason"), &state.ctx).await;
    done(&state, parts, "sr_rate", &form, &id, r).await
}
