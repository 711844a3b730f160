//! The HTML forms' POST handlers. They work without JavaScript: success redirects (303), a problem re-renders the
//! same page with the answers kept and every error next to its field.

use crate::auth::{self, ServiceError};
use crate::security::{SessionToken, ELDERLY_COOKIE, LANG_COOKIE};
use crate::state::AppState;
use app::ssr::RequestInfo;
use app::{FormNotice, FormOutcome};
use axum::body::Body;
use axum::extract::{FromRequest, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use domain::registration::RegistrationForm;
use leptos::prelude::provide_context;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", post(register))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/prefs", post(prefs))
}

fn user_agent(req: &Request<Body>) -> String {
    req.headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

fn info_of(req: &Request<Body>) -> RequestInfo {
    req.extensions()
        .get::<RequestInfo>()
        .cloned()
        .expect("request_context middleware runs first")
}

/// Renders the page at the request's path with the form's outcome, under the given status.
async fn render_with(
    state: &AppState,
    parts: http::request::Parts,
    outcome: FormOutcome,
    status: StatusCode,
) -> Response {
    let ctx = state.ctx.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(outcome.clone());
            leptos::nonce::provide_nonce();
        },
        move || app::shell(options.clone()),
    );
    let mut parts = parts;
    parts.method = http::Method::GET;
    let mut res = handler(Request::from_parts(parts, Body::empty()))
        .await
        .into_response();
    *res.status_mut() = status;
    res
}

fn redirect_with_cookie(to: &str, cookie: HeaderValue) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut().append(header::SET_COOKIE, cookie);
    res
}

fn internal_error(cause: &str) -> Response {
    tracing::error!(cause, "form handling failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "服务暂时出错，请稍后再试。 Something went wrong; please try again.",
    )
        .into_response()
}

async fn register(State(state): State<AppState>, req: Request<Body>) -> Response {
    let info = info_of(&req);
    let ua = user_agent(&req);
    let (parts, body) = req.into_parts();
    let Ok(Form(form)) =
        Form::<RegistrationForm>::from_request(Request::from_parts(parts.clone(), body), &state)
            .await
    else {
        return (StatusCode::BAD_REQUEST, "bad form").into_response();
    };
    match auth::register(&state, &form, &info, &ua).await {
        Ok((_, token)) => redirect_with_cookie(
            "/me",
            auth::session_cookie(&token, state.settings.secure_cookies),
        ),
        Err(ServiceError::Invalid(errors)) | Err(ServiceError::Taken(errors)) => {
            let outcome = FormOutcome {
                form: "register".into(),
                values: kept_values(&form),
                errors: errors.0,
                notice: None,
            };
            render_with(&state, parts, outcome, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(ServiceError::Internal(cause)) => internal_error(&cause),
        Err(ServiceError::BadCredentials | ServiceError::TooManyAttempts) => {
            internal_error("unexpected")
        }
    }
}

/// What the person typed, to put back into the form. Passwords are never sent back.
fn kept_values(form: &RegistrationForm) -> Vec<(String, String)> {
    [
        ("kind", &form.kind),
        ("name", &form.name),
        ("id_number", &form.id_number),
        ("uscc", &form.uscc),
        ("legal_representative", &form.legal_representative),
        ("contact_name", &form.contact_name),
        ("licence_no", &form.licence_no),
        ("law_firm", &form.law_firm),
        ("mobile", &form.mobile),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.clone()))
    .chain(std::iter::once((
        "uscc_confirmed".to_string(),
        form.uscc_confirmed.to_string(),
    )))
    .collect()
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    login_name: String,
    #[serde(default)]
    password: String,
}

async fn login(State(state): State<AppState>, req: Request<Body>) -> Response {
    let info = info_of(&req);
    let ua = user_agent(&req);
    let (parts, body) = req.into_parts();
    let Ok(Form(form)) =
        Form::<LoginForm>::from_request(Request::from_parts(parts.clone(), body), &state).await
    else {
        return (StatusCode::BAD_REQUEST, "bad form").into_response();
    };
    let outcome = |errors: Vec<(String, domain::FieldError)>, notice| FormOutcome {
        form: "login".into(),
        values: vec![("login_name".into(), form.login_name.clone())],
        errors,
        notice,
    };
    let pending = crate::security::cookie(&parts.headers, crate::filing_forms::PENDING_COOKIE)
        .map(str::to_string);
    match auth::login(&state, &form.login_name, &form.password, &info, &ua).await {
        Ok((account, token)) => {
            let to = match &pending {
                Some(p) => restore_pending(&state, &info, account, p).await,
                None => "/me".to_string(),
            };
            let mut res = redirect_with_cookie(
                &to,
                auth::session_cookie(&token, state.settings.secure_cookies),
            );
            if pending.is_some() {
                // Taken once: the cookie goes with it.
                res.headers_mut().append(
                    header::SET_COOKIE,
                    HeaderValue::from_static(
                        "portal_pending=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
                    ),
                );
            }
            res
        }
        Err(ServiceError::Invalid(errors)) => {
            render_with(
                &state,
                parts,
                outcome(errors.0, None),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ServiceError::BadCredentials) => {
            render_with(
                &state,
                parts,
                outcome(vec![], Some(FormNotice::BadCredentials)),
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
        Err(ServiceError::TooManyAttempts) => {
            render_with(
                &state,
                parts,
                outcome(vec![], Some(FormNotice::TooManyAttempts)),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Err(ServiceError::Internal(cause)) => internal_error(&cause),
        Err(ServiceError::Taken(_)) => internal_error("unexpected"),
    }
}

/// Applies the answers kept when a step was posted after the session expired, if the draft is the account's own
/// and still editable; returns where to go next (that step, or the account page).
async fn restore_pending(
    state: &AppState,
    info: &RequestInfo,
    account: db::accounts::Account,
    token: &str,
) -> String {
    let saved = match db::pending::take(&state.ctx.db, &state.ctx.keys, token, info.now_ms).await {
        Ok(Some(saved)) => saved,
        Ok(None) => return "/me".into(),
        Err(e) => {
            tracing::error!(error = %e, "reading a pending save failed");
            return "/me".into();
        }
    };
    let Some(step) = app::filing::form::Step::from_code(&saved.step) else {
        return "/me".into();
    };
    let info = RequestInfo {
        user: Some(account),
        ..info.clone()
    };
    match crate::filing_forms::save_answers(state, &info, &saved.filing_id, step, &saved.pairs)
        .await
    {
        Some(Ok(())) => format!("/filings/{}/{}?restored=1", saved.filing_id, step.code()),
        // Someone else's draft, or one no longer editable: the answers are dropped, never applied.
        None => "/me".into(),
        Some(Err(e)) => {
            tracing::error!(error = %e, "applying a pending save failed");
            "/me".into()
        }
    }
}

async fn logout(State(state): State<AppState>, req: Request<Body>) -> Response {
    let info = info_of(&req);
    if let Some(SessionToken(token)) = req.extensions().get::<SessionToken>() {
        if let Err(e) = db::sessions::delete(&state.ctx.db, token, &info.ip, info.now_ms).await {
            return internal_error(&e.to_string());
        }
    }
    redirect_with_cookie(
        "/",
        auth::clear_session_cookie(state.settings.secure_cookies),
    )
}

#[derive(Deserialize)]
struct PrefsForm {
    lang: Option<String>,
    elderly: Option<String>,
    return_to: Option<String>,
}

/// Only a path on this site: never `//other.example` or `https://…`.
fn local_path(p: Option<&str>) -> &str {
    match p {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p,
        _ => "/",
    }
}

async fn prefs(State(state): State<AppState>, Form(form): Form<PrefsForm>) -> Response {
    let mut res = Redirect::to(local_path(form.return_to.as_deref())).into_response();
    let secure = if state.settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let year = 365 * 24 * 3600;
    if let Some(lang) = form.lang.as_deref().and_then(domain::Lang::from_tag) {
        if let Ok(v) = HeaderValue::from_str(&format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age={year}; SameSite=Lax{secure}",
            lang.tag()
        )) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    if let Some(elderly) = form.elderly.as_deref() {
        let on = if elderly == "1" { "1" } else { "0" };
        if let Ok(v) = HeaderValue::from_str(&format!(
            "{ELDERLY_COOKIE}={on}; Path=/; Max-Age={year}; SameSite=Lax{secure}"
        )) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(
            super::local_path(Some("/register?kind=lawyer")),
            "/register?kind=lawyer"
        );
        assert_eq!(super::local_path(Some("//evil.example/")), "/");
        assert_eq!(super::local_path(Some("https://evil.example/")), "/");
        assert_eq!(super::local_path(None), "/");
    }
}
