//! The filing wizard's HTML forms: every step posts here, is merged into the draft and saved at once (nothing
//! typed is lost, valid or not), then the next step is shown. Evidence uploads and downloads, submission and the
//! court's actions are plain forms too. Works without JavaScript; errors map once, in [`refused`].

use crate::http::cookies::{self, Lifetime};
use crate::http::error_page;
use crate::http::extract::{caller_of, form_request};
use crate::http::problem::Problem;
use crate::http::return_to;
use crate::state::AppState;
use app::filing::error::FilingError;
use app::filing::form::Step;
use app::filing::service::{self, PaymentInput, ReviewInput, Upload};
use app::ssr::RequestInfo;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, State};
use axum::http::{header, HeaderValue, Request};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/filings/new", post(new_filing))
        .route("/filings/{id}/delete", post(delete_draft))
        .route("/filings/{id}/submit", post(submit))
        .route("/filings/{id}/review", post(review))
        .route("/filings/{id}/payment", post(payment))
        .route(
            "/filings/{id}/parties/{index}/link-code",
            post(issue_party_link),
        )
        .route("/me/filing-links", post(link_party))
        .route("/track", post(track))
        .route("/filings/{id}/query-code", post(reissue_query_code))
        .route("/filings/{id}/query-code.txt", get(query_code_text))
        .route("/filings/{id}/{step}", post(save_step))
        .route("/files/{file_id}", get(download))
}

/// Evidence uploads: a body up to the file limit plus the form around it (everything else keeps the small limit).
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/filings/{id}/evidence/upload", post(upload))
        .layer(DefaultBodyLimit::max(
            domain::upload::MAX_UPLOAD_BYTES + 256 * 1024,
        ))
}

/// Where a refused action leads, for the forms door: the one mapping of a filing error to HTML.
enum Back<'a> {
    /// To the filing's page, with a flag naming the refusal that the page explains.
    Filing(&'a str, &'static str),
    /// To the check page, which lists every problem with a link to its step.
    Check(&'a str),
    /// To the evidence step, with the upload's refusal to explain and a form to try again.
    Evidence(&'a str),
    /// A step's answers: what cannot be saved is the error page, saying why.
    Step(&'a str),
}

/// After an action on the filing's page: back to the page, or the refusal mapped once.
async fn back_to_filing(
    state: &AppState,
    parts: http::request::Parts,
    lang: domain::Lang,
    id: &str,
    done: Result<(), FilingError>,
    flag: &'static str,
) -> Response {
    match done {
        Ok(()) => Redirect::to(&format!("/filings/{id}")).into_response(),
        Err(e) => refused(state, parts, lang, e, Back::Filing(id, flag)).await,
    }
}

async fn refused(
    state: &AppState,
    req_parts: http::request::Parts,
    lang: domain::Lang,
    e: FilingError,
    back: Back<'_>,
) -> Response {
    let to = |path: String| Redirect::to(&path).into_response();
    match (e, back) {
        (FilingError::Unauthorized, _) => to("/login".into()),
        (FilingError::Upload(u), Back::Evidence(id)) => {
            to(format!("/filings/{id}/evidence?upload_error={}", u.code()))
        }
        (FilingError::Invalid(_), Back::Check(id)) => to(format!("/filings/{id}/check")),
        // Not editable any more (submitted meanwhile): the filing's page shows where it stands.
        (FilingError::Conflict, Back::Check(id) | Back::Evidence(id) | Back::Step(id)) => {
            to(format!("/filings/{id}"))
        }
        (
            e @ (FilingError::Invalid(_)
            | FilingError::Conflict
            | FilingError::NoMediationConsent
            | FilingError::CorrectionOnce
            | FilingError::TooManyAttempts
            | FilingError::NotOverdue { .. }),
            Back::Filing(id, flag),
        ) => {
            use app::error::ServiceError;
            to(format!("/filings/{id}?{flag}={}", e.code()))
        }
        (e, _) => error_page::render(state, req_parts, &Problem::from_service(&e, lang)).await,
    }
}

/// "Start a filing": the filer's untouched draft if there is one (the step says it was resumed), else a new one.
/// A guided pathway's button sends the dispute's cause along (`cause`): the draft starts with it chosen.
async fn new_filing(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (caller, parts, form) = form_request::<Vec<(String, String)>, _>(req, &state).await;
    if caller.user.is_none() {
        return Redirect::to(&return_to::login_url("/filings")).into_response();
    }
    let cause = form
        .iter()
        .find(|(k, _)| k == "cause")
        .map(|(_, v)| v.trim().to_string())
        .filter(|c| domain::catalogue::cause(c).is_some());
    match service::start(&caller, &state.ctx).await {
        Ok((f, resumed)) => {
            if let Some(c) = cause {
                let pairs = [("cause".to_string(), c)];
                if let Err(e) = service::save_step(
                    &caller,
                    &f.id,
                    app::filing::form::Step::Cause,
                    &pairs,
                    &state.ctx,
                )
                .await
                {
                    return error_page::render(
                        &state,
                        parts,
                        &Problem::from_service(&e, caller.lang),
                    )
                    .await;
                }
            }
            let flag = if resumed { "?resumed=1" } else { "" };
            Redirect::to(&format!("/filings/{}/cause{flag}", f.id)).into_response()
        }
        Err(e) => error_page::render(&state, parts, &Problem::from_service(&e, caller.lang)).await,
    }
}

#[derive(Deserialize, Default)]
struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// Deletes a draft, once confirmed on the page that asks (`/filings/{id}/delete`); a post without the confirmation
/// goes to that page. Back to the list, which says it was deleted.
async fn delete_draft(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<DeleteForm, _>(req, &state).await;
    if caller.user.is_none() {
        return Redirect::to(&return_to::login_url("/filings")).into_response();
    }
    if form.confirm != "yes" {
        let ask = format!("/filings/{id}/delete");
        return match return_to::same_site_path(&ask) {
            Some(ask) => Redirect::to(ask).into_response(),
            None => {
                refused(
                    &state,
                    parts,
                    caller.lang,
                    FilingError::NotFound,
                    Back::Step(&id),
                )
                .await
            }
        };
    }
    match service::delete_draft(&caller, &id, &state.ctx).await {
        Ok(()) => Redirect::to("/filings?deleted=1").into_response(),
        Err(e) => refused(&state, parts, caller.lang, e, Back::Step(&id)).await,
    }
}

/// A step posted without a live session (it expired while the filer typed): the answers are kept, encrypted, and
/// the filer is sent to log in; the login applies them to the draft if it is theirs. Nothing typed is lost.
async fn keep_until_login(
    state: &AppState,
    parts: http::request::Parts,
    caller: &RequestInfo,
    id: &str,
    step: Step,
    pairs: Vec<(String, String)>,
) -> Response {
    match service::keep_until_login(caller, id, step, pairs, &state.ctx).await {
        Ok(token) => {
            let mut res = Redirect::to("/login?saved=1").into_response();
            cookies::set(
                &mut res,
                cookies::make(
                    state.settings.secure_cookies,
                    cookies::PENDING,
                    token,
                    Lifetime::PENDING,
                ),
            );
            res
        }
        Err(FilingError::NotFound) => Redirect::to("/login").into_response(),
        Err(e @ FilingError::TooManyAttempts) => {
            error_page::render(state, parts, &Problem::from_service(&e, caller.lang)).await
        }
        Err(e) => {
            tracing::error!(error = %e, "keeping a step until login failed");
            Redirect::to("/login").into_response()
        }
    }
}

async fn save_step(
    State(state): State<AppState>,
    Path((id, step)): Path<(String, String)>,
    req: Request<Body>,
) -> Response {
    let header = req.headers().contains_key("x-autosave");
    let (caller, parts, pairs) = form_request::<Vec<(String, String)>, _>(req, &state).await;
    // The beacon sent as the page is left cannot carry the header: it says so in a field.
    let autosave = header || pairs.iter().any(|(k, v)| k == "_autosave" && v == "1");
    let Some(step) = Step::from_code(&step) else {
        return error_page::render(
            &state,
            parts,
            &Problem::from_service(&FilingError::NotFound, caller.lang),
        )
        .await;
    };
    if caller.user.is_none() {
        // An autosave must not turn into a login page the script cannot show; the next real save keeps the answers.
        return if autosave {
            axum::http::StatusCode::UNAUTHORIZED.into_response()
        } else {
            keep_until_login(&state, parts, &caller, &id, step, pairs).await
        };
    }
    let saved = match service::save_step(&caller, &id, step, &pairs, &state.ctx).await {
        Ok(saved) => saved,
        Err(e) => {
            if autosave {
                use app::error::ServiceError;
                return axum::http::StatusCode::from_u16(e.kind().status())
                    .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
                    .into_response();
            }
            return refused(&state, parts, caller.lang, e, Back::Step(&id)).await;
        }
    };
    if autosave {
        return axum::http::StatusCode::NO_CONTENT.into_response();
    }
    // 保存并继续 with a problem in this step stays here, the summary and each field's message shown: a wrong ID
    // number is caught where it was typed, not on the last page.
    let step_has_errors = || {
        domain::filing::validate(&saved.draft, caller.today)
            .err()
            .is_some_and(|e| e.0.iter().any(|(k, _)| step.owns(k)))
    };
    let has = |k: &str| pairs.iter().any(|(key, _)| key == k);
    let to = if has("add") || has("remove") {
        format!("/filings/{id}/{}", step.code())
    } else if pairs.iter().any(|(k, v)| k == "go" && v == "list") {
        format!("/filings/{id}")
    } else if step_has_errors() {
        format!("/filings/{id}/{}?check=1#error-summary", step.code())
    } else {
        format!("/filings/{id}/{}", step.next().code())
    };
    Redirect::to(&to).into_response()
}

async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, pairs) = form_request::<Vec<(String, String)>, _>(req, &state).await;
    if caller.user.is_none() {
        return keep_until_login(&state, parts, &caller, &id, Step::Check, pairs).await;
    }
    // The check page's own answers (consent, confirmations) are saved first, then the whole filing submitted.
    if let Err(e) = service::save_step(&caller, &id, Step::Check, &pairs, &state.ctx).await {
        return refused(&state, parts, caller.lang, e, Back::Check(&id)).await;
    }
    match service::submit(&caller, &id, &state.ctx).await {
        Ok(s) => {
            let mut res = Redirect::to(&format!("/filings/{id}")).into_response();
            if let Some(code) = s.query_code {
                cookies::set(
                    &mut res,
                    cookies::make(
                        state.settings.secure_cookies,
                        cookies::QUERY_CODE,
                        format!("{id}:{code}"),
                        Lifetime::QUERY_CODE,
                    ),
                );
            }
            res
        }
        Err(e) => refused(&state, parts, caller.lang, e, Back::Check(&id)).await,
    }
}

#[derive(Deserialize, Default)]
struct ReviewForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
    /// The clerk ticked "I have reviewed the whole filing" (登记立案 and 不予受理 ask first).
    #[serde(default)]
    confirm: String,
}

async fn review(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<ReviewForm, _>(req, &state).await;
    let input = ReviewInput {
        action: &form.action,
        note: &form.note,
    };
    // The page's decisive buttons ask for a confirmation first; the JSON API's clients confirm by calling it.
    let decisive = matches!(form.action.as_str(), "register" | "refuse");
    let done = if decisive && form.confirm != "1" {
        Err(FilingError::NotConfirmed)
    } else {
        service::review(&caller, &id, input, &state.ctx).await
    };
    back_to_filing(
        &state,
        parts,
        caller.lang,
        &id,
        done.map(|_| ()),
        "review_error",
    )
    .await
}

#[derive(Deserialize, Default)]
struct PaymentForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    reason: String,
}

async fn payment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (caller, parts, form) = form_request::<PaymentForm, _>(req, &state).await;
    let input = PaymentInput {
        action: &form.action,
        kind: &form.kind,
        reason: &form.reason,
    };
    let done = service::payment(&caller, &id, input, &state.ctx).await;
    back_to_filing(
        &state,
        parts,
        caller.lang,
        &id,
        done.map(|_| ()),
        "payment_error",
    )
    .await
}

/// Takes one evidence file (see `service::add_evidence`); any refusal returns to the evidence step with the
/// reason, ready to try again.
async fn upload(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let caller = caller_of(req.extensions());
    let (parts, body) = req.into_parts();
    let too_large = FilingError::Upload(domain::upload::UploadError::TooLarge);
    let mut multipart =
        match Multipart::from_request(Request::from_parts(parts.clone(), body), &state).await {
            Ok(m) => m,
            Err(_) => {
                return refused(
                    &state,
                    parts,
                    caller.lang,
                    FilingError::Upload(domain::upload::UploadError::Missing),
                    Back::Evidence(&id),
                )
                .await
            }
        };
    let mut upload = Upload {
        label: String::new(),
        original: false,
        file_name: String::new(),
        bytes: Vec::new(),
        answers: Vec::new(),
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or("") {
                "label" => {
                    upload.label = field
                        .text()
                        .await
                        .unwrap_or_default()
                        .chars()
                        .take(200)
                        .collect()
                }
                "original" => upload.original = true,
                // The evidence rows typed above the upload, sent with it (bounded: 200 rows of three fields).
                name if name.starts_with("evidence.") && upload.answers.len() < 600 => {
                    let name = name.to_string();
                    if let Ok(value) = field.text().await {
                        upload
                            .answers
                            .push((name, value.chars().take(2000).collect()));
                    }
                }
                "file" => {
                    upload.file_name = field.file_name().unwrap_or("").chars().take(200).collect();
                    match field.bytes().await {
                        Ok(b) => upload.bytes = b.to_vec(),
                        Err(_) => {
                            return refused(
                                &state,
                                parts,
                                caller.lang,
                                too_large,
                                Back::Evidence(&id),
                            )
                            .await
                        }
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            // The body went over the limit (or the connection broke): nothing was stored.
            Err(_) => {
                return refused(&state, parts, caller.lang, too_large, Back::Evidence(&id)).await
            }
        }
    }
    match service::add_evidence(&caller, &id, upload, &state.ctx).await {
        Ok(()) => Redirect::to(&format!("/filings/{id}/evidence?uploaded=1")).into_response(),
        Err(e) => refused(&state, parts, caller.lang, e, Back::Evidence(&id)).await,
    }
}

/// An evidence file, to whoever may see its filing; anyone else gets the 404 page.
async fn download(
    State(state): State<AppState>,
    Extension(caller): Extension<RequestInfo>,
    Path(file_id): Path<String>,
    req: Request<Body>,
) -> Response {
    let (parts, _) = req.into_parts();
    let (file, bytes) = match service::evidence_file(&caller, &file_id, &state.ctx).await {
        Ok(found) => found,
        // Logged out: the same 404 as for a stranger, so a file's existence is not told.
        Err(FilingError::Unauthorized) => {
            return error_page::render(
                &state,
                parts,
                &Problem::from_service(&FilingError::NotFound, caller.lang),
            )
            .await
        }
        Err(e) => {
            return error_page::render(&state, parts, &Problem::from_service(&e, caller.lang)).await
        }
    };
    let ext = match file.content_type.as_str() {
        "application/pdf" => "pdf",
        "image/png" => "png",
        _ => "jpg",
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&file.content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"evidence-{}.{ext}\"",
        file.id.get(..8).unwrap_or("file")
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

/// The clerk issues a party's link code: shown once on the filing's page (carried there in a short-lived HttpOnly
/// cookie, never in a URL).
async fn issue_party_link(
    State(state): State<AppState>,
    Path((id, index)): Path<(String, String)>,
    req: Request<Body>,
) -> Response {
    let caller = caller_of(req.extensions());
    let (parts, _) = req.into_parts();
    let Ok(index) = index.parse::<usize>() else {
        return refused(
            &state,
            parts,
            caller.lang,
            FilingError::NotFound,
            Back::Filing(&id, "link_error"),
        )
        .await;
    };
    match service::issue_party_link(&caller, &id, index, &state.ctx).await {
        Ok(issued) => {
            let mut res = Redirect::to(&format!("/filings/{id}#links-title")).into_response();
            cookies::set(
                &mut res,
                cookies::make(
                    state.settings.secure_cookies,
                    cookies::LINK_CODE,
                    format!("{id}:{index}:{}", issued.code),
                    Lifetime::QUERY_CODE,
                ),
            );
            res
        }
        Err(e) => {
            refused(
                &state,
                parts,
                caller.lang,
                e,
                Back::Filing(&id, "link_error"),
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
struct LinkForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    code: String,
}

/// A party links a served matter from their account page; a refusal goes back there saying why.
async fn link_party(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (caller, parts, form) = form_request::<LinkForm, _>(req, &state).await;
    match service::link_party(&caller, &form.receipt, &form.code, &state.ctx).await {
        Ok(filing_id) => Redirect::to(&format!("/filings/{filing_id}")).into_response(),
        Err(FilingError::Unauthorized) => Redirect::to("/login").into_response(),
        Err(FilingError::Invalid(_)) => {
            Redirect::to("/me?link=invalid#link-heading").into_response()
        }
        Err(FilingError::TooManyAttempts) => {
            Redirect::to("/me?link=rate_limited#link-heading").into_response()
        }
        Err(FilingError::NotFound) => {
            Redirect::to("/me?link=not_found#link-heading").into_response()
        }
        Err(e) => error_page::render(&state, parts, &Problem::from_service(&e, caller.lang)).await,
    }
}

#[derive(Deserialize, Default)]
struct TrackForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    code: String,
}

/// The public look-up form. A match is kept, sealed with the server's key, in a short-lived HttpOnly cookie, and the
/// browser goes to `/track` to see it (POST, redirect, GET: the code is in no address, history entry or log line);
/// no match comes back on the page with the receipt number kept, the same answer for an unknown receipt and a wrong
/// code.
async fn track(State(state): State<AppState>, req: Request<Body>) -> Response {
    use app::{FormNotice, FormOutcome};
    use axum::http::StatusCode;
    let (caller, parts, form) = form_request::<TrackForm, _>(req, &state).await;
    let (notice, status) = match service::track(&caller, &form.receipt, &form.code, &state.ctx)
        .await
    {
        Ok(_) => {
            let mut res = Redirect::to("/track").into_response();
            cookies::set(
                &mut res,
                cookies::make(
                    state.settings.secure_cookies,
                    cookies::TRACK,
                    app::filing::data::seal_track_cookie(
                        &state.ctx.keys,
                        &service::normalize_receipt(&form.receipt),
                        &db::crypto::normalize_code(&form.code),
                    ),
                    Lifetime::TRACK,
                ),
            );
            return res;
        }
        // The page is there; the look-up found nothing (the API says 404).
        Err(FilingError::NotFound) => (FormNotice::NothingFound, StatusCode::OK),
        Err(FilingError::TooManyAttempts) => {
            (FormNotice::TooManyTries, StatusCode::TOO_MANY_REQUESTS)
        }
        Err(e) => {
            return error_page::render(&state, parts, &Problem::from_service(&e, caller.lang)).await
        }
    };
    let outcome = FormOutcome {
        form: "track".into(),
        values: vec![("receipt".into(), form.receipt.chars().take(64).collect())],
        errors: vec![],
        notice: Some(notice),
    };
    crate::http::form_page::render_with(&state, parts, outcome, status).await
}

/// The filer re-issues a lost query code from their filing's page: the new code is shown there once (carried in the
/// same short-lived HttpOnly cookie as at submission, never in a URL) and sent to the filer's own mobile.
async fn reissue_query_code(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let caller = caller_of(req.extensions());
    let (parts, _) = req.into_parts();
    match service::reissue_query_code(&caller, &id, &state.ctx).await {
        Ok(issued) => {
            let mut res =
                Redirect::to(&format!("/filings/{id}?code=reissued#receipt")).into_response();
            cookies::set(
                &mut res,
                cookies::make(
                    state.settings.secure_cookies,
                    cookies::QUERY_CODE,
                    format!("{id}:{}", issued.code),
                    Lifetime::QUERY_CODE,
                ),
            );
            res
        }
        Err(e) => {
            refused(
                &state,
                parts,
                caller.lang,
                e,
                Back::Filing(&id, "code_error"),
            )
            .await
        }
    }
}

/// The receipt and the query code just shown, as a text file to keep: only the filer, only while the code is on
/// their page (the short-lived cookie); after that, the filing's page.
async fn query_code_text(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request<Body>,
) -> Response {
    let caller = caller_of(req.extensions());
    let (parts, _) = req.into_parts();
    let l = caller.lang;
    let receipt_no = match service::own_receipt(&caller, &id, &state.ctx).await {
        Ok(no) => no,
        Err(FilingError::Unauthorized) => return Redirect::to("/login").into_response(),
        Err(e) => return error_page::render(&state, parts, &Problem::from_service(&e, l)).await,
    };
    let Some(code) = cookies::read(&parts.headers, cookies::QUERY_CODE).and_then(|v| {
        v.split_once(':')
            .filter(|(fid, _)| *fid == id)
            .map(|(_, code)| code.to_string())
    }) else {
        return Redirect::to(&format!("/filings/{id}")).into_response();
    };
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| h.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("");
    let scheme = if state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    let text = format!(
        "{}\r\n\r\n{}: {receipt_no}\r\n{}: {code}\r\n\r\n{}\r\n{scheme}://{host}/track\r\n",
        app::tr!(l, query_code_file_title),
        app::tr!(l, filing_receipt_number),
        app::tr!(l, track_query_code),
        app::tr!(l, query_code_file_how),
    );
    let mut res = text.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{receipt_no}.txt\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}
