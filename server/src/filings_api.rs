//! 网上立案 over JSON: drafts saved as the filer goes, submission with the fee recomputed and a receipt, the
//! court's queue and review actions, and tracking by receipt number and query code without logging in.
//!
//! Access: the filer, the accounts of its parties and their lawyers, and staff of the receiving and the competent
//! court. Everyone else gets 404, exactly as if the filing did not exist.

use crate::api::ApiError;
use crate::state::AppState;
use app::ssr::RequestInfo;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Extension, Json, Router};
use db::accounts::Account;
use db::filings::{self, Filing, FilingError};
use domain::calendar::HolidayCalendar;
use domain::fees::{FeeRequest, FeeTable, Procedure};
use domain::filing::{self as rules, FilingDraft};
use domain::filing_status::{FilingAction, FilingStatus};
use domain::registration::AccountKind;
use domain::Lang;
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/filings", post(create).get(mine))
        .route("/api/v1/filings/{id}", get(show))
        .route("/api/v1/filings/{id}/draft", put(save))
        .route("/api/v1/filings/{id}/submit", post(submit))
        .route("/api/v1/filings/{id}/review", post(review))
        .route("/api/v1/filings/{id}/payment", post(payment))
        .route("/api/v1/courts/{code}/queue", get(queue))
        .route("/api/v1/track", get(track))
        .route("/api/v1/risk", post(risk))
}

/// The holiday calendar periods are counted with (configuration; the 2026 notice by default).
pub fn calendar() -> HolidayCalendar {
    HolidayCalendar::china_2026()
}

fn user(info: &RequestInfo) -> Result<Account, ApiError> {
    info.user
        .clone()
        .ok_or_else(|| crate::api::unauthorized(info.lang))
}

use crate::api::not_found_error as not_found;

fn internal(lang: Lang, cause: impl std::fmt::Display) -> ApiError {
    tracing::error!(%cause, "filing request failed");
    crate::api::internal(lang)
}

fn filing_error(lang: Lang, e: FilingError) -> ApiError {
    match e {
        FilingError::NotFound => not_found(lang),
        FilingError::Conflict => ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            lang.pick("当前状态下不能进行此操作（可能已被他人处理），请刷新后查看。", "This cannot be done in the filing's current state (someone may have acted first). Reload to see it.", "현재 상태에서는 할 수 없습니다. 새로 고침 하십시오."),
        ),
        FilingError::Db(e) => internal(lang, e),
    }
}

/// Loads a filing the user may see, or 404.
async fn visible(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
) -> Result<(Filing, Account), ApiError> {
    let user = user(info)?;
    let filing = filings::get(&state.ctx.db, id)
        .await
        .map_err(|e| internal(info.lang, e))?
        .ok_or_else(|| not_found(info.lang))?;
    let may_see = filings::may_see(&state.ctx.db, &filing, &user)
        .await
        .map_err(|e| internal(info.lang, e))?;
    if may_see {
        Ok((filing, user))
    } else {
        Err(not_found(info.lang))
    }
}

#[derive(Serialize)]
pub struct FilingView {
    pub id: String,
    pub status: FilingStatus,
    pub status_label: String,
    pub draft: FilingDraft,
    pub court_code: Option<String>,
    pub competent_court_code: Option<String>,
    pub receipt_no: Option<String>,
    pub review_deadline: Option<String>,
    pub case_number: Option<String>,
    pub fee_total_fen: Option<i64>,
    pub fee_table_version: Option<String>,
    pub payment_status: Option<domain::payment::PaymentStatus>,
    pub payment_due: Option<String>,
    pub events: Vec<filings::FilingEvent>,
    /// Problems that would stop submission now (a draft may be saved with them).
    pub field_errors: std::collections::BTreeMap<String, String>,
    pub fee: Option<domain::fees::FeeQuote>,
    pub risk: domain::risk::RiskReport,
    /// The courts competent under the cause's jurisdiction rule, from the places and addresses the draft names.
    pub competent_courts: Vec<domain::jurisdiction::Suggestion>,
}

async fn view(state: &AppState, info: &RequestInfo, f: Filing) -> Result<FilingView, ApiError> {
    let events = filings::events(&state.ctx.db, &f.id)
        .await
        .map_err(|e| internal(info.lang, e))?;
    let field_errors = match rules::validate(&f.draft, info.today) {
        Ok(_) => Default::default(),
        Err(errs) => errs
            .0
            .iter()
            .map(|(k, v)| (k.clone(), v.message(info.lang).to_string()))
            .collect(),
    };
    let fee = fee_for(&f.draft, &state.settings.fee_table);
    let risk = domain::risk::assess(&f.draft, info.lang, info.today, &calendar());
    let areas = db::courts::areas(&state.ctx.db)
        .await
        .map_err(|e| internal(info.lang, e))?;
    let competent_courts = domain::jurisdiction::suggest(&f.draft, &areas);
    Ok(FilingView {
        competent_courts,
        id: f.id,
        status: f.status,
        status_label: f.status.label(info.lang).into(),
        draft: f.draft,
        court_code: f.court_code,
        competent_court_code: f.competent_court_code,
        receipt_no: f.receipt_no,
        review_deadline: f.review_deadline,
        case_number: f.case_number,
        fee_total_fen: f.fee_total_fen,
        fee_table_version: f.fee_table_version,
        payment_status: f.payment_status,
        payment_due: f.payment_due,
        events,
        field_errors,
        fee,
        risk,
    })
}

/// The fee of a draft as it stands (ordinary procedure; the court decides on the simple procedure).
pub fn fee_for(draft: &FilingDraft, table: &FeeTable) -> Option<domain::fees::FeeQuote> {
    let cause = domain::catalogue::cause(&draft.cause)?;
    let req = FeeRequest {
        fee_category: cause.fee,
        amount_fen: Some(rules::claims_total(draft)),
        procedure: Procedure::Ordinary,
        preservation_amount_fen: rules::parse_yuan(&draft.preservation_amount).ok(),
    };
    domain::fees::quote(&req, table).ok()
}

async fn create(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Json(draft): Json<FilingDraft>,
) -> Result<(StatusCode, Json<FilingView>), ApiError> {
    let user = user(&info)?;
    if user.kind.is_staff() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            info.lang.pick(
                "法院工作人员账号不能立案。",
                "Court staff accounts cannot file.",
                "법원 직원 계정은 입안할 수 없습니다.",
            ),
        ));
    }
    let f = filings::create(&state.ctx.db, &user.id, &draft, &info.ip, info.now_ms)
        .await
        .map_err(|e| filing_error(info.lang, e))?;
    Ok((StatusCode::CREATED, Json(view(&state, &info, f).await?)))
}

async fn mine(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
) -> Result<Json<Vec<serde_json::Value>>, ApiError> {
    let user = user(&info)?;
    let list = filings::for_account(&state.ctx.db, &user.id)
        .await
        .map_err(|e| internal(info.lang, e))?;
    Ok(Json(
        list.into_iter()
            .map(|f| {
                serde_json::json!({"id": f.id, "status": f.status, "status_label": f.status.label(info.lang), "cause": f.draft.cause,
                    "case_number": f.case_number, "receipt_no": f.receipt_no, "updated_at": f.updated_at, "own": f.filer_id == user.id})
            })
            .collect(),
    ))
}

async fn show(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
) -> Result<Json<FilingView>, ApiError> {
    let (f, _) = visible(&state, &info, &id).await?;
    Ok(Json(view(&state, &info, f).await?))
}

async fn save(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Json(draft): Json<FilingDraft>,
) -> Result<Json<FilingView>, ApiError> {
    let (f, user) = visible(&state, &info, &id).await?;
    if f.filer_id != user.id {
        return Err(not_found(info.lang));
    }
    let f = filings::save_draft(&state.ctx.db, &id, &user.id, &draft, &info.ip, info.now_ms)
        .await
        .map_err(|e| filing_error(info.lang, e))?;
    Ok(Json(view(&state, &info, f).await?))
}

#[derive(Serialize)]
pub struct Receipt {
    pub filing: FilingView,
    /// Shown once: with the receipt number it lets anyone the filer tells follow the filing without logging in.
    pub query_code: String,
}

async fn submit(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
) -> Result<Json<Receipt>, ApiError> {
    let (f, query_code) = submit_core(&state, &info, &id).await?;
    Ok(Json(Receipt {
        filing: view(&state, &info, f).await?,
        query_code,
    }))
}

/// Submits the caller's own filing: every rule re-run on the server, the fee recomputed, a receipt and (the first
/// time) a query code. Shared by the JSON API and the HTML form.
pub async fn submit_core(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
) -> Result<(Filing, String), ApiError> {
    let (state, info, id) = (state.clone(), info.clone(), id.to_string());
    let (f, user) = visible(&state, &info, &id).await?;
    if f.filer_id != user.id {
        return Err(not_found(info.lang));
    }
    if let Err(errors) = rules::validate(&f.draft, info.today) {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            info.lang.pick(
                "提交的内容有误，请按提示修改。",
                "Some answers need correcting.",
                "입력 내용을 고쳐 주십시오.",
            ),
        );
        e.set_fields(
            errors
                .0
                .iter()
                .map(|(k, v)| (k.clone(), v.message(info.lang).to_string()))
                .collect(),
        );
        return Err(e);
    }
    for code in [&f.draft.court_code, &f.draft.competent_court_code] {
        if !code.trim().is_empty()
            && !db::courts::exists(&state.ctx.db, code.trim())
                .await
                .map_err(|e| internal(info.lang, e))?
        {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                domain::FieldError::UnknownChoice.message(info.lang),
            );
            e.set_fields(
                [(
                    "court_code".to_string(),
                    domain::FieldError::UnknownChoice
                        .message(info.lang)
                        .to_string(),
                )]
                .into(),
            );
            return Err(e);
        }
    }
    // Recomputed here, whatever the browser showed, with the table's version stored on the filing.
    let fee = fee_for(&f.draft, &state.settings.fee_table)
        .ok_or_else(|| internal(info.lang, "no fee for a valid filing"))?;
    let access = filings::party_accounts(&state.ctx.db, &state.ctx.keys, &f.draft)
        .await
        .map_err(|e| internal(info.lang, e))?;
    let areas = db::courts::areas(&state.ctx.db)
        .await
        .map_err(|e| internal(info.lang, e))?;
    let suggested = domain::jurisdiction::suggest(&f.draft, &areas)
        .into_iter()
        .next()
        .map(|s| s.court_code);
    let first_submission = f.receipt_no.is_none();
    let receipt_no = f.receipt_no.clone().unwrap_or_else(|| {
        let d = info.today;
        format!(
            "SL{:04}{:02}{:02}{}",
            d.year,
            d.month,
            d.day,
            &db::new_id()[..8].to_ascii_uppercase()
        )
    });
    let query_code = {
        use rand::Rng;
        format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
    };
    let deadline = calendar().period_end_days(info.today, 7).to_string();
    let submission = filings::Submission {
        receipt_no: &receipt_no,
        query_code_hash: &db::crypto::token_hash(&format!("{receipt_no}:{query_code}")),
        review_deadline: &deadline,
        fee_table_version: &fee.table_version,
        fee_total_fen: fee.total_fen,
        access: &access,
        suggested_competent: suggested.as_deref(),
    };
    let f = filings::submit(
        &state.ctx.db,
        &id,
        &user.id,
        &submission,
        &info.ip,
        info.now_ms,
    )
    .await
    .map_err(|e| filing_error(info.lang, e))?;
    // A resubmission keeps the first receipt and its query code: the code is shown only once.
    let query_code = if first_submission {
        query_code
    } else {
        String::new()
    };
    Ok((f, query_code))
}

#[derive(Deserialize)]
pub struct ReviewRequest {
    /// register | request_correction | refuse | divert
    pub action: String,
    #[serde(default)]
    pub note: String,
}

async fn review(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Json(req): Json<ReviewRequest>,
) -> Result<Json<FilingView>, ApiError> {
    let f = review_core(&state, &info, &id, &req).await?;
    Ok(Json(view(&state, &info, f).await?))
}

/// A clerk's review action; shared by the JSON API and the HTML form.
pub async fn review_core(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
    req: &ReviewRequest,
) -> Result<Filing, ApiError> {
    let (state, info, id) = (state.clone(), info.clone(), id.to_string());
    let (f, user) = visible(&state, &info, &id).await?;
    let clerk = matches!(
        user.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    );
    if !user.kind.is_staff() || !clerk {
        return Err(not_found(info.lang));
    }
    let action = FilingAction::from_code(&req.action)
        .filter(|a| *a != FilingAction::Submit)
        .ok_or_else(|| {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "action: register | request_correction | refuse | divert",
            );
            e.set_fields(
                [(
                    "action".to_string(),
                    domain::FieldError::UnknownChoice
                        .message(info.lang)
                        .to_string(),
                )]
                .into(),
            );
            e
        })?;
    let needs_note = matches!(
        action,
        FilingAction::RequestCorrection | FilingAction::Refuse
    );
    if needs_note && req.note.trim().is_empty() {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            info.lang.pick(
                "请写明补正事项或不予受理的理由。",
                "Say what must be corrected, or why the filing is refused.",
                "보정 사항 또는 불수리 사유를 적으십시오.",
            ),
        );
        e.set_fields(
            [(
                "note".to_string(),
                domain::FieldError::Required.message(info.lang).to_string(),
            )]
            .into(),
        );
        return Err(e);
    }
    if action == FilingAction::Divert && !f.draft.mediation_consent {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "no_consent",
            info.lang.pick(
                "当事人未同意诉前调解，不能转入。",
                "The filer has not agreed to pre-litigation mediation.",
                "당사자가 소송 전 조정에 동의하지 않았습니다.",
            ),
        ));
    }
    let note = if action == FilingAction::Refuse {
        format!("{}（{}）", req.note.trim(), "不服不予受理裁定的，可以在裁定书送达之日起十日内向上一级人民法院提起上诉（《民事诉讼法》第一百五十七条、第一百七十一条）")
    } else {
        req.note.trim().to_string()
    };
    let f = filings::review(
        &state.ctx.db,
        &id,
        &user.id,
        action,
        &note,
        info.today,
        &info.ip,
        info.now_ms,
    )
    .await
    .map_err(|e| filing_error(info.lang, e))?;
    Ok(f)
}

async fn queue(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(code): Path<String>,
) -> Result<Json<Vec<serde_json::Value>>, ApiError> {
    let user = user(&info)?;
    if !user.kind.is_staff() || user.court_code.as_deref() != Some(code.as_str()) {
        return Err(not_found(info.lang));
    }
    let list = filings::queue(&state.ctx.db, &code)
        .await
        .map_err(|e| internal(info.lang, e))?;
    let today = info.today.to_days();
    Ok(Json(
        list.into_iter()
            .map(|f| {
                let days_left = f.review_deadline.as_deref().and_then(domain::Date::parse_iso).map(|d| d.to_days() - today);
                let plaintiff = f.draft.parties.iter().find(|p| p.role == "plaintiff").map(|p| domain::mask::name(&p.name));
                serde_json::json!({"id": f.id, "receipt_no": f.receipt_no, "cause": domain::catalogue::cause(&f.draft.cause).map(|c| c.name),
                    "plaintiff": plaintiff, "submitted_at": f.submitted_at, "review_deadline": f.review_deadline, "days_left": days_left,
                    "cross_region": f.court_code != f.competent_court_code})
            })
            .collect(),
    ))
}

#[derive(Deserialize)]
pub struct TrackQuery {
    receipt: String,
    code: String,
}

/// Tracking without logging in: status, case number and the dated steps, no personal data.
async fn track(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Query(q): Query<TrackQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let found = filings::by_receipt(&state.ctx.db, q.receipt.trim())
        .await
        .map_err(|e| internal(info.lang, e))?;
    let Some((f, hash)) = found else {
        return Err(not_found(info.lang));
    };
    if hash.is_empty()
        || db::crypto::token_hash(&format!("{}:{}", q.receipt.trim(), q.code.trim())) != hash
    {
        return Err(not_found(info.lang));
    }
    let events = filings::events(&state.ctx.db, &f.id)
        .await
        .map_err(|e| internal(info.lang, e))?;
    Ok(Json(serde_json::json!({
        "receipt_no": f.receipt_no, "status": f.status, "status_label": f.status.label(info.lang), "case_number": f.case_number,
        "review_deadline": f.review_deadline,
        "events": events.iter().map(|e| serde_json::json!({"at": e.at, "action": e.action, "to_status": e.to_status})).collect::<Vec<_>>(),
    })))
}

/// The risk estimate and fee of a draft, for other clients (the portal's own pages compute it in WebAssembly).
async fn risk(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Json(draft): Json<FilingDraft>,
) -> Json<serde_json::Value> {
    let report = domain::risk::assess(&draft, info.lang, info.today, &calendar());
    Json(serde_json::json!({"risk": report, "fee": fee_for(&draft, &state.settings.fee_table)}))
}

#[derive(Deserialize)]
pub struct PaymentRequest {
    /// request_relief (filer) | record_payment | grant_relief | deny_relief (clerk)
    pub action: String,
    /// defer | reduce | waive, with request_relief
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub reason: String,
}

async fn payment(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
    Json(req): Json<PaymentRequest>,
) -> Result<Json<FilingView>, ApiError> {
    let f = payment_core(&state, &info, &id, &req).await?;
    Ok(Json(view(&state, &info, f).await?))
}

/// The fee after registration: the filer applies for 缓减免; the court's clerk records payment or decides.
pub async fn payment_core(
    state: &AppState,
    info: &RequestInfo,
    id: &str,
    req: &PaymentRequest,
) -> Result<Filing, ApiError> {
    use domain::payment::{PaymentAction, ReliefKind};
    let (f, user) = visible(state, info, id).await?;
    let invalid = |field: &str, e: domain::FieldError| {
        let mut err = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            e.message(info.lang),
        );
        err.set_fields([(field.to_string(), e.message(info.lang).to_string())].into());
        err
    };
    let action = PaymentAction::from_code(&req.action)
        .ok_or_else(|| invalid("action", domain::FieldError::UnknownChoice))?;
    let clerk = matches!(
        user.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    );
    let relief = match action {
        PaymentAction::RequestRelief => {
            if f.filer_id != user.id {
                return Err(not_found(info.lang));
            }
            let kind = ReliefKind::from_code(&req.kind)
                .ok_or_else(|| invalid("kind", domain::FieldError::UnknownChoice))?;
            if req.reason.trim().is_empty() {
                return Err(invalid("reason", domain::FieldError::Required));
            }
            Some((kind.code(), req.reason.trim()))
        }
        PaymentAction::RecordPayment | PaymentAction::GrantRelief | PaymentAction::DenyRelief => {
            if !clerk {
                return Err(not_found(info.lang));
            }
            None
        }
        PaymentAction::TreatAsWithdrawn => {
            if !clerk {
                return Err(not_found(info.lang));
            }
            if !domain::payment::overdue(f.payment_due.as_deref(), info.today) {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "not_overdue",
                    info.lang.pick(
                        "交费期限尚未届满，不能按撤诉处理（《诉讼费用交纳办法》第二十二条）。",
                        "The time to pay has not run out yet; the case cannot be treated as withdrawn (Art. 22).",
                        "납부 기한이 지나지 않아 취하로 처리할 수 없습니다(제22조).",
                    ),
                ));
            }
            None
        }
    };
    filings::payment(
        &state.ctx.db,
        id,
        &user.id,
        action,
        relief,
        info.today,
        &info.ip,
        info.now_ms,
    )
    .await
    .map_err(|e| filing_error(info.lang, e))
}
