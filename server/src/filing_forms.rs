//! The filing wizard's HTML forms: every step posts here, is merged into the draft and saved at once (nothing
//! typed is lost, valid or not), then the next step is shown. Works without JavaScript.

use crate::filings_api::{payment_core, review_core, submit_core, PaymentRequest, ReviewRequest};
use crate::state::AppState;
use app::filing::data::QUERY_CODE_COOKIE;
use app::filing::form::{apply_step, Step};
use app::ssr::RequestInfo;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/filings/new", post(new_filing))
        .route("/filings/{id}/submit", post(submit))
        .route("/filings/{id}/review", post(review))
        .route("/filings/{id}/payment", post(payment))
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

/// Takes one evidence file: its type is read from its bytes, it is stored under a fresh id, then recorded with the
/// draft entry that lists it in one transaction. If recording fails the stored bytes are removed, and any refusal
/// returns to the evidence step with the reason, ready to try again.
async fn upload(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Response {
    if info.user.is_none() {
        return login_first();
    }
    let Some(mut f) = own_editable(&state, &info, &id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let back =
        |query: String| Redirect::to(&format!("/filings/{id}/evidence?{query}")).into_response();
    let refuse = |e: domain::upload::UploadError| back(format!("upload_error={}", e.code()));
    let (mut label, mut original, mut file, mut file_name) =
        (String::new(), false, None, String::new());
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or("") {
                "label" => label = field.text().await.unwrap_or_default(),
                "original" => original = true,
                "file" => {
                    file_name = field.file_name().unwrap_or("").to_string();
                    match field.bytes().await {
                        Ok(b) => file = Some(b),
                        Err(_) => return refuse(domain::upload::UploadError::TooLarge),
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            // The body went over the limit (or the connection broke): nothing was stored.
            Err(_) => return refuse(domain::upload::UploadError::TooLarge),
        }
    }
    let bytes = match file {
        Some(b) if !(b.is_empty() && file_name.is_empty()) => b,
        _ => return refuse(domain::upload::UploadError::Missing),
    };
    let kind = match domain::upload::check(&bytes) {
        Ok(k) => k,
        Err(e) => return refuse(e),
    };
    let file_id = db::new_id();
    if let Err(e) = state.files.put(&file_id, &bytes).await {
        tracing::error!(error = %e, "storing an evidence file failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let label = match label.trim() {
        "" => file_name
            .rsplit_once('.')
            .map(|(stem, _)| stem.to_string())
            .unwrap_or(file_name.clone()),
        l => l.to_string(),
    };
    let label = if label.trim().is_empty() {
        "证据".to_string()
    } else {
        label
    };
    f.draft.evidence.push(domain::filing::EvidenceDraft {
        name: label.clone(),
        original,
        file_id: Some(file_id.clone()),
    });
    let record = db::evidence::NewFile {
        id: &file_id,
        filing_id: &id,
        owner_id: &f.filer_id,
        label: &label,
        content_type: kind.content_type(),
        size_bytes: bytes.len() as i64,
        sha256: &db::crypto::sha256_hex(&bytes),
    };
    if let Err(e) = db::evidence::add(&state.ctx.db, &record, &f.draft, &info.ip, info.now_ms).await
    {
        state.files.delete(&file_id).await;
        tracing::error!(error = %e, "recording an evidence file failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    back("uploaded=1".into())
}

/// An evidence file, to whoever may see its filing; anyone else gets 404.
async fn download(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(file_id): Path<String>,
) -> Response {
    let Some(user) = info.user.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some(file)) = db::evidence::get(&state.ctx.db, &file_id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some(filing)) = db::filings::get(&state.ctx.db, &file.filing_id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !db::filings::may_see(&state.ctx.db, &filing, &user)
        .await
        .unwrap_or(false)
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(bytes) = state.files.get(&file.id).await else {
        return StatusCode::NOT_FOUND.into_response();
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
        &file.id[..8]
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
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

pub const PENDING_COOKIE: &str = "portal_pending";

/// A step posted without a live session (it expired while the filer typed): the answers are kept, encrypted, and
/// the filer is sent to log in; the login applies them to the draft if it is theirs. Nothing typed is lost.
async fn keep_until_login(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
    step: Step,
    pairs: Vec<(String, String)>,
) -> Response {
    let exists = matches!(db::filings::get(&state.ctx.db, id).await, Ok(Some(_)));
    if !exists {
        return login_first();
    }
    let save = db::pending::PendingSave {
        filing_id: id.to_string(),
        step: step.code().to_string(),
        pairs,
    };
    match db::pending::put(&state.ctx.db, &state.ctx.keys, &save, info.now_ms).await {
        Ok(token) => {
            let mut res = Redirect::to("/login?saved=1").into_response();
            let secure = if state.settings.secure_cookies {
                "; Secure"
            } else {
                ""
            };
            if let Ok(v) = HeaderValue::from_str(&format!(
                "{PENDING_COOKIE}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
                db::pending::KEEP_MS / 1000
            )) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            tracing::error!(error = %e, "keeping a step until login failed");
            login_first()
        }
    }
}

/// Merges one step's answers into the filer's own editable draft and saves it. `None`: not theirs, or not editable.
pub async fn save_answers(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
    step: Step,
    pairs: &[(String, String)],
) -> Option<Result<(), db::filings::FilingError>> {
    let mut f = own_editable(state, info, id).await?;
    apply_step(&mut f.draft, step, pairs);
    Some(
        db::filings::save_draft(
            &state.ctx.db,
            id,
            &f.filer_id,
            &f.draft,
            &info.ip,
            info.now_ms,
        )
        .await
        .map(|_| ()),
    )
}

async fn save_step(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path((id, step)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let autosave = headers.contains_key("x-autosave");
    let Some(step) = Step::from_code(&step) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if info.user.is_none() {
        // An autosave must not turn into a login page the script cannot show; the next real save keeps the answers.
        return if autosave {
            StatusCode::UNAUTHORIZED.into_response()
        } else {
            keep_until_login(&state, &info, &id, step, pairs).await
        };
    }
    match save_answers(&state, &info, &id, step, &pairs).await {
        None => return StatusCode::NOT_FOUND.into_response(),
        Some(Err(e)) => {
            tracing::error!(error = %e, "saving a draft failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Some(Ok(())) => {}
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
        return keep_until_login(&state, &info, &id, Step::Check, pairs).await;
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
    back_to_filing(
        &id,
        review_core(&state, &info, &id, &req).await,
        "review_error",
    )
}

async fn payment(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Form(req): Form<PaymentRequest>,
) -> Response {
    if info.user.is_none() {
        return login_first();
    }
    back_to_filing(
        &id,
        payment_core(&state, &info, &id, &req).await,
        "payment_error",
    )
}

/// Where an action on a filing's page leads: back to the page, with a flag the page explains when it was refused;
/// 404 stays 404.
fn back_to_filing<T>(
    id: &str,
    result: Result<T, crate::api::ApiError>,
    error_flag: &str,
) -> Response {
    match result {
        Ok(_) => Redirect::to(&format!("/filings/{id}")).into_response(),
        Err(e) if e.status() == StatusCode::NOT_FOUND => StatusCode::NOT_FOUND.into_response(),
        Err(_) => Redirect::to(&format!("/filings/{id}?{error_flag}=1")).into_response(),
    }
}
