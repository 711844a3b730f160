//! The filing wizard's HTML forms: every step posts here, is merged into the draft and saved at once (nothing
//! typed is lost, valid or not), then the next step is shown. Works without JavaScript.

use crate::filings_api::{review_core, submit_core, ReviewRequest};
use crate::state::AppState;
use app::filing::data::QUERY_CODE_COOKIE;
use app::filing::form::{apply_step, Step};
use app::ssr::RequestInfo;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/filings/new", post(new_filing))
        .route("/filings/{id}/submit", post(submit))
        .route("/filings/{id}/review", post(review))
        .route("/filings/{id}/{step}", post(save_step))
}

fn login_first() -> Response {
    Redirect::to("/login").into_response()
}

async fn new_filing(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
) -> Response {
    let Some(user) = info.user.clone().filter(|u| !u.kind.is_staff()) else {
        return login_first();
    };
    match db::filings::create(
        &state.ctx.db,
        &user.id,
        &Default::default(),
        &info.ip,
        info.now_ms,
    )
    .await
    {
        Ok(f) => Redirect::to(&format!("/filings/{}/cause", f.id)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "creating a filing failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The filer's own editable filing, or `None` (shown as "not found").
async fn own_editable(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
) -> Option<db::filings::Filing> {
    let user = info.user.as_ref()?;
    let f = db::filings::get(&state.ctx.db, id).await.ok()??;
    (f.filer_id == user.id && f.status.editable()).then_some(f)
}

async fn save_step(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path((id, step)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let autosave = headers.contains_key("x-autosave");
    if info.user.is_none() {
        // An autosave must not turn into a login page the script cannot show.
        return if autosave {
            StatusCode::UNAUTHORIZED.into_response()
        } else {
            login_first()
        };
    }
    let (Some(step), Some(mut f)) = (
        Step::from_code(&step),
        own_editable(&state, &info, &id).await,
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    apply_step(&mut f.draft, step, &pairs);
    let user_id = f.filer_id.clone();
    if let Err(e) = db::filings::save_draft(
        &state.ctx.db,
        &id,
        &user_id,
        &f.draft,
        &info.ip,
        info.now_ms,
    )
    .await
    {
        tracing::error!(error = %e, "saving a draft failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    if autosave {
        return StatusCode::NO_CONTENT.into_response();
    }
    let has = |k: &str| pairs.iter().any(|(key, _)| key == k);
    let to = if has("add") || has("remove") {
        format!("/filings/{id}/{}", step.code())
    } else if pairs.iter().any(|(k, v)| k == "go" && v == "list") {
        format!("/filings/{id}")
    } else {
        format!("/filings/{id}/{}", step.next().code())
    };
    Redirect::to(&to).into_response()
}

async fn submit(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    if info.user.is_none() {
        return login_first();
    }
    let Some(mut f) = own_editable(&state, &info, &id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    apply_step(&mut f.draft, Step::Check, &pairs);
    if let Err(e) = db::filings::save_draft(
        &state.ctx.db,
        &id,
        &f.filer_id,
        &f.draft,
        &info.ip,
        info.now_ms,
    )
    .await
    {
        tracing::error!(error = %e, "saving a draft failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    match submit_core(&state, &info, &id).await {
        Ok((_, code)) => {
            let mut res = Redirect::to(&format!("/filings/{id}")).into_response();
            if !code.is_empty() {
                let secure = if state.settings.secure_cookies {
                    "; Secure"
                } else {
                    ""
                };
                if let Ok(v) = HeaderValue::from_str(&format!("{QUERY_CODE_COOKIE}={id}:{code}; Path=/filings; Max-Age=900; HttpOnly; SameSite=Lax{secure}")) {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            res
        }
        // The check page lists every problem with a link to its step.
        Err(_) => Redirect::to(&format!("/filings/{id}/check")).into_response(),
    }
}

async fn review(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Form(req): Form<ReviewRequest>,
) -> Response {
    if info.user.is_none() {
        return login_first();
    }
    match review_core(&state, &info, &id, &req).await {
        Ok(_) => Redirect::to(&format!("/filings/{id}")).into_response(),
        Err(e) if e.status() == StatusCode::NOT_FOUND => StatusCode::NOT_FOUND.into_response(),
        Err(_) => Redirect::to(&format!("/filings/{id}?review_error=1")).into_response(),
    }
}
