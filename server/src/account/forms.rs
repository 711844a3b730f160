//! The account forms' POST handlers (register, login, logout, display preferences). They work without
//! JavaScript: success redirects (303), a refusal re-renders the same page with the answers kept and every error
//! next to its field, our own failure is the error page.

use crate::http::context::SessionToken;
use crate::http::cookies::{self, Lifetime};
use crate::http::error_page;
use crate::http::extract::{caller_of, form_request};
use crate::http::form_page::render_with;
use crate::http::problem::Problem;
use crate::http::return_to;
use crate::state::AppState;
use app::account::error::AccountError;
use app::account::service;
use app::ssr::RequestInfo;
use app::{FormNotice, FormOutcome};
use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use domain::registration::RegistrationForm;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", post(register))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/password-reset", post(request_password_reset))
        .route("/password-reset/confirm", post(reset_password))
        .route("/prefs", post(prefs))
        .route("/staff/identity-verifications", post(verify_identity))
}

/// The form door's one mapping of an account error: what the person can fix comes back on the form, with the
/// status the API would give; anything else is the error page.
async fn refused(
    state: &AppState,
    parts: http::request::Parts,
    form: &str,
    values: Vec<(String, String)>,
    e: AccountError,
    lang: domain::Lang,
) -> Response {
    use app::error::ServiceError;
    let status =
        StatusCode::from_u16(e.kind().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let outcome = |errors: Vec<(String, domain::FieldError)>, notice| FormOutcome {
        form: form.into(),
        values: values.clone(),
        errors,
        notice,
    };
    match e {
        AccountError::Invalid(errors) => {
            render_with(state, parts, outcome(errors.0, None), status).await
        }
        AccountError::Taken => {
            render_with(
                state,
                parts,
                outcome(vec![], Some(FormNotice::Taken)),
                status,
            )
            .await
        }
        AccountError::BadCredentials => {
            render_with(
                state,
                parts,
                outcome(vec![], Some(FormNotice::BadCredentials)),
                status,
            )
            .await
        }
        AccountError::TooManyAttempts => {
            render_with(
                state,
                parts,
                outcome(vec![], Some(FormNotice::TooManyAttempts)),
                status,
            )
            .await
        }
        AccountError::TooManyTries => {
            render_with(
                state,
                parts,
                outcome(vec![], Some(FormNotice::TooManyTries)),
                status,
            )
            .await
        }
        other => error_page::render(state, parts, &Problem::from_service(&other, lang)).await,
    }
}

fn redirect_with_session(state: &AppState, to: &str, started: service::SessionStarted) -> Response {
    let mut res = Redirect::to(to).into_response();
    cookies::start_session(&mut res, state.settings.secure_cookies, started);
    res
}

async fn register(State(state): State<AppState>, req: Request<Body>) -> Response {
    let ua = super::api::user_agent(req.headers());
    let (info, parts, form) = form_request::<RegistrationForm, _>(req, &state).await;
    match service::register(&info, &form, &ua, &state.ctx).await {
        // A new account lands on what it can do next, not on its own details.
        Ok(started) => redirect_with_session(&state, "/welcome", started),
        Err(e) => refused(&state, parts, "register", kept_values(&form), e, info.lang).await,
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

#[derive(Deserialize, Default)]
struct LoginForm {
    #[serde(default)]
    login_name: String,
    #[serde(default)]
    password: String,
}

/// The login page's address may say where to go afterwards: `/login?next=/filings`. The form posts to the page's
/// own address, so it arrives here in the query.
#[derive(Deserialize, Default)]
struct LoginQuery {
    next: Option<String>,
}

/// Where a successful login goes when no kept answers say otherwise: the page that asked for it if that is a
/// path on this site, else the account page.
fn after_login(parts: &http::request::Parts) -> String {
    axum::extract::Query::<LoginQuery>::try_from_uri(&parts.uri)
        .ok()
        .and_then(|q| q.0.next)
        .as_deref()
        .and_then(return_to::same_site_path)
        .unwrap_or("/me")
        .to_string()
}

async fn login(State(state): State<AppState>, req: Request<Body>) -> Response {
    let ua = super::api::user_agent(req.headers());
    let (info, parts, form) = form_request::<LoginForm, _>(req, &state).await;
    let pending = cookies::read(&parts.headers, cookies::PENDING);
    let default_to = after_login(&parts);
    match service::login(&info, &form.login_name, &form.password, &ua, &state.ctx).await {
        Ok(started) => {
            let to = match &pending {
                Some(token) => {
                    let caller = RequestInfo {
                        user: Some(started.account.clone()),
                        ..info.clone()
                    };
                    match app::filing::service::restore_pending(&caller, token, &state.ctx).await {
                        Ok(Some((id, step))) => format!("/filings/{id}/{}?restored=1", step.code()),
                        Ok(None) => default_to,
                        Err(e) => {
                            // The login itself succeeded; the kept answers could not be applied.
                            tracing::error!(error = %e, "applying answers kept over an expired session failed");
                            default_to
                        }
                    }
                }
                None => default_to,
            };
            let mut res = redirect_with_session(&state, &to, started);
            if pending.is_some() {
                // Taken once: the cookie goes with it.
                cookies::set(
                    &mut res,
                    cookies::removal(
                        state.settings.secure_cookies,
                        cookies::PENDING,
                        Lifetime::PENDING,
                    ),
                );
            }
            res
        }
        Err(e) => {
            let values = vec![("login_name".to_string(), form.login_name.clone())];
            refused(&state, parts, "login", values, e, info.lang).await
        }
    }
}

async fn logout(State(state): State<AppState>, req: Request<Body>) -> Response {
    let info = caller_of(req.extensions());
    let token = req.extensions().get::<SessionToken>().map(|t| t.0.clone());
    let (parts, _) = req.into_parts();
    if let Err(e) = service::logout(&info, token.as_deref(), &state.ctx).await {
        return error_page::render(&state, parts, &Problem::from_service(&e, info.lang)).await;
    }
    let mut res = Redirect::to("/").into_response();
    cookies::end_session(&mut res, state.settings.secure_cookies);
    res
}

#[derive(Deserialize)]
struct PrefsForm {
    lang: Option<String>,
    elderly: Option<String>,
    return_to: Option<String>,
}

/// Only a path on this site: never `//other.example` or `https://…`.
fn local_path(p: Option<&str>) -> &str {
    p.and_then(return_to::same_site_path).unwrap_or("/")
}

async fn prefs(State(state): State<AppState>, Form(form): Form<PrefsForm>) -> Response {
    let mut res = Redirect::to(local_path(form.return_to.as_deref())).into_response();
    let secure = state.settings.secure_cookies;
    if let Some(lang) = form.lang.as_deref().and_then(domain::Lang::from_tag) {
        cookies::set(
            &mut res,
            cookies::make(
                secure,
                cookies::LANG,
                lang.tag().into(),
                Lifetime::PREFERENCE,
            ),
        );
    }
    if let Some(elderly) = form.elderly.as_deref() {
        let on = if elderly == "1" { "1" } else { "0" };
        cookies::set(
            &mut res,
            cookies::make(secure, cookies::ELDERLY, on.into(), Lifetime::PREFERENCE),
        );
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

#[derive(Deserialize, Default)]
struct VerifyForm {
    #[serde(default)]
    login_name: String,
}

/// The clerk's identity desk on the account page: back there with the outcome.
async fn verify_identity(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (caller, parts, form) = form_request::<VerifyForm, _>(req, &state).await;
    let to = |outcome: &str| {
        Redirect::to(&format!("/me?verified={outcome}#desk-heading")).into_response()
    };
    match service::verify_identity(&caller, &form.login_name, &state.ctx).await {
        Ok(_) => to("ok"),
        Err(AccountError::Unauthorized) => Redirect::to("/login").into_response(),
        Err(AccountError::Invalid(_)) => to("invalid"),
        Err(AccountError::NotFound) if caller.user.as_ref().is_some_and(|u| u.kind.is_staff()) => {
            to("not_found")
        }
        Err(e) => error_page::render(&state, parts, &Problem::from_service(&e, caller.lang)).await,
    }
}

#[derive(Deserialize, Default)]
struct ResetRequestForm {
    #[serde(default)]
    login_name: String,
}

/// 忘记密码, first form: the same redirect whether or not the login has an account; the login name goes along in a
/// short-lived cookie to fill in the second form.
async fn request_password_reset(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (info, parts, form) = form_request::<ResetRequestForm, _>(req, &state).await;
    match service::request_password_reset(&info, &form.login_name, &state.ctx).await {
        Ok(()) => {
            let mut res = Redirect::to("/password-reset/confirm?sent=1").into_response();
            cookies::set(
                &mut res,
                cookies::make(
                    state.settings.secure_cookies,
                    cookies::RESET_LOGIN,
                    app::account::password_reset_page::encode_login(&form.login_name),
                    Lifetime::RESET_LOGIN,
                ),
            );
            res
        }
        Err(e) => {
            let values = vec![("login_name".to_string(), form.login_name.clone())];
            refused(&state, parts, "password_reset", values, e, info.lang).await
        }
    }
}

#[derive(Deserialize, Default)]
struct ResetForm {
    #[serde(default)]
    login_name: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// 忘记密码, second form: the code and the new password. Done, every session of the account has ended — this
/// browser's too — and the page says so; a refusal comes back with each error next to its field.
async fn reset_password(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (info, parts, form) = form_request::<ResetForm, _>(req, &state).await;
    let input = service::NewPassword {
        login_name: &form.login_name,
        code: &form.code,
        password: &form.password,
        password_confirm: &form.password_confirm,
    };
    match service::reset_password(&info, &input, &state.ctx).await {
        Ok(()) => {
            let mut res = Redirect::to("/password-reset/done").into_response();
            let secure = state.settings.secure_cookies;
            cookies::end_session(&mut res, secure);
            cookies::set(
                &mut res,
                cookies::removal(secure, cookies::RESET_LOGIN, Lifetime::RESET_LOGIN),
            );
            res
        }
        Err(e) => {
            // A wrong code is not put back; anything else typed is (never the passwords).
            let code_wrong =
                matches!(&e, AccountError::Invalid(errors) if errors.get("code").is_some());
            let mut values = vec![("login_name".to_string(), form.login_name.clone())];
            if !code_wrong {
                values.push(("code".to_string(), form.code.clone()));
            }
            refused(
                &state,
                parts,
                "password_reset_confirm",
                values,
                e,
                info.lang,
            )
            .await
        }
    }
}
