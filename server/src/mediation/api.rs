//! Mediation over JSON: the public roster and free slots, booking with the other party's consent, the changes
//! either side may make, the mediator's outcome, signatures, judicial confirmation and the way to court. Each
//! handler parses, calls `app::mediation::service`, and maps the error in one place ([`refused`]). A mediation the
//! caller takes no part in is 404, exactly as if it did not exist.

use crate::http::extract::{ApiJson, ApiQuery, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::mediation::error::MediationError;
use app::mediation::service::{self, BookInput, MediationView, OutcomeInput, RespondentInput};
use app::ssr::RequestInfo;
use app::texts::Label;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use db::mediation::Confirmation;
use domain::mediation::{ConfirmationStatus, MediationMode, MediationStatus, Term};
use domain::slots::rfc3339_shanghai;
use domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mediators))
        .routes(routes!(slots))
        .routes(routes!(hold))
        .routes(routes!(book, mine))
        .routes(routes!(show))
        .routes(routes!(invitation))
        .routes(routes!(respond))
        .routes(routes!(reschedule))
        .routes(routes!(cancel))
        .routes(routes!(extend))
        .routes(routes!(outcome))
        .routes(routes!(sign))
        .routes(routes!(apply_confirmation))
        .routes(routes!(to_filing))
        .routes(routes!(confirmation))
        .routes(routes!(decide))
        .routes(routes!(workspace))
        .routes(routes!(court))
        .routes(routes!(meeting_info))
        .routes(routes!(add_guest))
}

/// The API door's one mapping of a mediation error; a taken slot carries the next free ones.
fn refused(e: MediationError, lang: Lang) -> Problem {
    let mut p = Problem::from_service(&e, lang);
    if let MediationError::SlotTaken { next } = &e {
        p.next_free = Some(next.iter().map(|s| rfc3339_shanghai(s.start_ms)).collect());
    }
    p
}

// ---------------------------------------------------------------------------------------------------------------
// The roster

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct RosterParams {
    /// A cause code from the filing catalogue (`private_loan`, `traffic_accident`, …).
    pub cause: Option<String>,
    /// A court code (`吉0202`).
    pub court: Option<String>,
    /// zh | ko | mn
    pub language: Option<String>,
    /// The person's area or address, for "near you".
    pub place: Option<String>,
    /// Words of a mediator's name, organisation or background.
    pub q: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ReasonDto {
    /// specialty | language | serves_court | near_by | free_soon | light_load | well_rated
    pub code: String,
    pub label: String,
}

/// A mediator as the public roster shows them: no personal contact data.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct MediatorDto {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub organisation_kind: String,
    pub organisation_kind_label: String,
    /// Where in-person sessions are held.
    pub address: String,
    /// Cause codes.
    pub specialties: Vec<String>,
    pub specialty_names: Vec<String>,
    pub languages: Vec<String>,
    /// Court codes served.
    pub courts: Vec<String>,
    pub place: String,
    pub title: String,
    /// 0–5, one decimal; none for a new mediator.
    pub rating: Option<f32>,
    pub active_cases: u32,
    pub capacity: u32,
    /// At capacity: listed last, may still be chosen.
    pub full: bool,
    /// Why this mediator is recommended for what was asked, best first.
    pub reasons: Vec<ReasonDto>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct RosterDto {
    pub mediators: Vec<MediatorDto>,
}

pub fn mediator_dto(e: service::RosterEntry, lang: Lang) -> MediatorDto {
    let m = e.mediator;
    MediatorDto {
        specialty_names: m
            .specialties
            .iter()
            .filter_map(|c| domain::catalogue::cause(c))
            .map(|c| app::filing::common::cause_label(c.code, lang).to_string())
            .collect(),
        id: m.id,
        name: m.name,
        organisation: e.org_name,
        organisation_kind_label: app::texts::org_kind_label(&e.org_kind, lang).into(),
        organisation_kind: e.org_kind,
        address: e.org_address,
        specialties: m.specialties,
        languages: m.languages,
        courts: m.courts,
        place: m.place,
        title: m.title,
        rating: m.rating_tenths.map(|r| f32::from(r) / 10.0),
        active_cases: e.active_cases,
        capacity: m.capacity,
        full: e.recommendation.full,
        reasons: e
            .recommendation
            .reasons
            .iter()
            .map(|r| ReasonDto {
                code: r.code().into(),
                label: r.label(lang).into(),
            })
            .collect(),
    }
}

/// The shared roster of mediators (调解员名册), public: recommended first for the cause, court, language and place
/// asked, each with the reasons.
#[utoipa::path(get, path = "/api/v1/mediators", tag = "mediation", params(RosterParams), responses(
    (status = 200, body = RosterDto), (status = 422, body = Problem)))]
async fn mediators(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(q): ApiQuery<RosterParams>,
) -> Result<Json<RosterDto>, Problem> {
    let list = service::roster(
        &service::RosterQuery {
            cause: q.cause,
            court: q.court,
            language: q.language,
            place: q.place,
            text: q.q,
            only_court: false,
        },
        &state.ctx,
        caller.now_ms,
    )
    .await
    .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(RosterDto {
        mediators: list
            .into_iter()
            .map(|e| mediator_dto(e, caller.lang))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct SlotParams {
    /// YYYY-MM-DD (Asia/Shanghai); today when absent.
    pub from: Option<String>,
    /// How many days (1–62; 14 when absent).
    pub days: Option<u32>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SlotDto {
    /// RFC 3339, Asia/Shanghai.
    pub start: String,
    pub end: String,
    /// in_person | video
    pub modes: Vec<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SlotsDto {
    pub slots: Vec<SlotDto>,
}

/// A mediator's truly free slots: weekly availability minus bookings, leave and public holidays; none sooner
/// than a day ahead (the other party needs time to answer).
#[utoipa::path(get, path = "/api/v1/mediators/{id}/slots", tag = "mediation", params(("id" = String, Path),
    SlotParams), responses((status = 200, body = SlotsDto), (status = 404, body = Problem),
    (status = 422, body = Problem)))]
async fn slots(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<SlotParams>,
) -> Result<Json<SlotsDto>, Problem> {
    let list = service::mediator_slots(&state.ctx, &id, q.from.as_deref(), q.days, caller.now_ms)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(SlotsDto {
        slots: list
            .into_iter()
            .map(|s| SlotDto {
                start: rfc3339_shanghai(s.start_ms),
                end: rfc3339_shanghai(s.end_ms),
                modes: vec!["in_person".into(), "video".into()],
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------------------------------------------------------
// Mediations

#[derive(Serialize, Deserialize, ToSchema)]
pub struct PartyDto {
    /// requester | respondent
    pub role: String,
    pub role_label: String,
    /// In full for the party themselves, the mediator and the court; masked (张*) for the other party until an
    /// agreement names both.
    pub name: String,
    pub mobile: Option<String>,
    /// The invited party has an account bound to the mediation.
    pub has_account: bool,
    pub answered_at: Option<i64>,
    pub answer_reason: Option<String>,
    pub signed_at: Option<i64>,
    pub applied_at: Option<i64>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct TermDto {
    pub text: String,
    pub amount_fen: Option<i64>,
    /// 30,000.00
    pub amount: Option<String>,
    /// 人民币叁万元整
    pub amount_words: Option<String>,
    pub due_on: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct MediationEventDto {
    pub at: i64,
    /// requester | respondent | mediator | staff | system
    pub role: String,
    /// book | accept | decline | expire | reschedule | cancel | extend | record_success | record_partial |
    /// record_failure | time_out | file | sign | apply_confirmation | confirmation_granted | confirmation_refused
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub note: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ConfirmationDto {
    pub id: String,
    pub status: ConfirmationStatus,
    pub status_label: String,
    pub court_code: String,
    /// The last day to apply (30 days from the agreement taking effect).
    pub deadline: String,
    /// The ruling's number, （2026）吉0202民特1号, once confirmed.
    pub case_number: Option<String>,
    pub reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub basis: String,
}

fn confirmation_dto(c: Confirmation, lang: Lang) -> ConfirmationDto {
    ConfirmationDto {
        status_label: c.status.label(lang).into(),
        id: c.id,
        status: c.status,
        court_code: c.court_code,
        deadline: c.deadline.to_string(),
        case_number: c.case_number,
        reasons: c.reasons,
        decided_at: c.decided_at,
        basis: domain::mediation::CONFIRMATION_BASIS.into(),
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct MediationDto {
    pub id: String,
    pub status: MediationStatus,
    pub status_label: String,
    /// The caller's part: requester | respondent | mediator | staff
    pub role: String,
    pub cause: String,
    pub cause_name: String,
    pub court_code: String,
    pub mediator_id: String,
    pub mediator_name: String,
    pub organisation: String,
    /// RFC 3339, Asia/Shanghai.
    pub start: String,
    pub end: String,
    pub mode: MediationMode,
    /// The room's address (in person).
    pub place: String,
    pub summary: String,
    /// 涉企绿色通道: an enterprise is a party.
    pub priority: bool,
    pub invite_expires_at: Option<i64>,
    /// YYYY-MM-DD: the end of the mediation period (30 days, extended once by consent).
    pub period_end: String,
    pub extension_days: i64,
    pub terms: Vec<TermDto>,
    pub unsettled: Option<String>,
    /// YYYY-MM-DD: the day the last party signed.
    pub effective_on: Option<String>,
    /// YYYY-MM-DD: the last day to apply for judicial confirmation.
    pub confirmation_deadline: Option<String>,
    pub confirmation: Option<ConfirmationDto>,
    /// The diverted filing it came from, and the filing it became.
    pub filing_id: Option<String>,
    pub result_filing_id: Option<String>,
    pub parties: Vec<PartyDto>,
    /// What the caller may do now: accept, decline, reschedule, cancel, extend, record_success, record_partial,
    /// record_failure, file, sign, apply_confirmation.
    pub actions: Vec<String>,
    pub events: Vec<MediationEventDto>,
    /// For the requester while the other party has not answered: the link to pass on.
    pub invitation_link: Option<String>,
}

pub fn mediation_dto(v: MediationView, lang: Lang) -> MediationDto {
    let actions = v.action_codes();
    let parties = v
        .parties
        .iter()
        .map(|p| {
            let (name, mobile) = v.party_shown(p);
            PartyDto {
                role: p.role.code().into(),
                role_label: p.role.label(lang).into(),
                name,
                mobile,
                has_account: p.account_id.is_some(),
                answered_at: p.answered_at,
                answer_reason: p.answer_reason.clone(),
                signed_at: p.signed_at,
                applied_at: p.applied_at,
            }
        })
        .collect();
    let m = v.mediation;
    MediationDto {
        status_label: m.status.label(lang).into(),
        role: v.role.code().into(),
        cause_name: app::filing::common::cause_label(&m.cause, lang).to_string(),
        mediator_name: v.mediator.name,
        organisation: v.org.name,
        start: rfc3339_shanghai(m.start_ms),
        end: rfc3339_shanghai(m.end_ms),
        period_end: v.period_end.date.to_string(),
        confirmation_deadline: v.confirmation_deadline.map(|d| d.date.to_string()),
        confirmation: v.confirmation.map(|c| confirmation_dto(c, lang)),
        effective_on: m.effective_on.map(|d| d.to_string()),
        terms: m.terms.iter().map(term_dto).collect(),
        id: m.id,
        status: m.status,
        cause: m.cause,
        court_code: m.court_code,
        mediator_id: m.mediator_id,
        mode: m.mode,
        place: m.place,
        summary: m.summary,
        priority: m.priority,
        invite_expires_at: m.invite_expires_at,
        extension_days: m.extension_days,
        unsettled: m.unsettled,
        filing_id: m.filing_id,
        result_filing_id: m.result_filing_id,
        parties,
        actions,
        events: v
            .events
            .into_iter()
            .map(|e| MediationEventDto {
                at: e.at,
                role: e.role,
                action: e.action,
                from_status: e.from_status,
                to_status: e.to_status,
                note: e.note,
            })
            .collect(),
        invitation_link: v.invitation_link,
    }
}

fn term_dto(t: &Term) -> TermDto {
    TermDto {
        text: t.text.clone(),
        amount_fen: t.amount_fen,
        amount: t.amount_fen.map(domain::amount_words::yuan_figures),
        amount_words: t.amount_fen.map(domain::amount_words::capital_yuan),
        due_on: t.due_on.clone(),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RespondentRequest {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub mobile: String,
    /// The other party's unified social credit code, when it is an enterprise.
    #[serde(default)]
    pub uscc: String,
}

#[derive(Deserialize, ToSchema)]
pub struct BookRequest {
    /// A cause code (not needed with `filing_id`).
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub court_code: String,
    #[serde(default)]
    pub mediator_id: String,
    /// RFC 3339: one of the mediator's free slots.
    #[serde(default)]
    pub start: String,
    /// in_person | video
    pub mode: String,
    #[serde(default)]
    pub summary: String,
    pub respondent: Option<RespondentRequest>,
    /// Book for a filing the court diverted to pre-litigation mediation: its parties, claims and court come along.
    #[serde(default)]
    pub filing_id: String,
    /// Complete a hold (`POST /api/v1/mediators/{id}/holds`): its mediator and time are used.
    #[serde(default)]
    pub hold_id: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct BookedDto {
    #[serde(flatten)]
    pub mediation: MediationDto,
}

/// Books a mediation and invites the other party (by account when the mobile or credit code has one, otherwise
/// by a signed link sent to them). The booking is confirmed only when they accept. 409 `slot_taken` with
/// `next_free` when someone booked the slot first.
#[utoipa::path(post, path = "/api/v1/mediations", tag = "mediation", request_body = BookRequest, responses(
    (status = 201, body = MediationDto), (status = 401, body = Problem), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn book(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<BookRequest>,
) -> Result<(StatusCode, Json<MediationDto>), Problem> {
    let input = BookInput {
        hold_id: req.hold_id,
        cause: req.cause,
        court_code: req.court_code,
        mediator_id: req.mediator_id,
        start: req.start,
        mode: req.mode,
        summary: req.summary,
        respondent: req
            .respondent
            .map(|r| RespondentInput {
                name: r.name,
                mobile: r.mobile,
                uscc: r.uscc,
            })
            .unwrap_or_default(),
        filing_id: req.filing_id,
    };
    let booked = service::book(&caller, &input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let v = service::view(&caller, &booked.mediation.id, &state.ctx).await;
    let mut dto = match v {
        Ok(v) => mediation_dto(v, caller.lang),
        Err(e) => return Err(refused(e, caller.lang)),
    };
    dto.invitation_link = Some(booked.invitation_link);
    Ok((StatusCode::CREATED, Json(dto)))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct MediationListItem {
    pub id: String,
    pub status: MediationStatus,
    pub status_label: String,
    pub cause: String,
    pub cause_name: String,
    pub court_code: String,
    pub start: String,
    pub mode: MediationMode,
    pub priority: bool,
}

fn list_item(m: db::mediation::Mediation, lang: Lang) -> MediationListItem {
    MediationListItem {
        status_label: m.status.label(lang).into(),
        cause_name: app::filing::common::cause_label(&m.cause, lang).to_string(),
        start: rfc3339_shanghai(m.start_ms),
        id: m.id,
        status: m.status,
        cause: m.cause,
        court_code: m.court_code,
        mode: m.mode,
        priority: m.priority,
    }
}

/// The caller's own mediations, newest first (an invitation to the caller's mobile shows here once they log in).
#[utoipa::path(get, path = "/api/v1/mediations", tag = "mediation", responses(
    (status = 200, body = Vec<MediationListItem>), (status = 401, body = Problem)))]
async fn mine(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<Vec<MediationListItem>>, Problem> {
    let list = service::mine(&caller, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|m| list_item(m, caller.lang))
            .collect(),
    ))
}

async fn respond_view(
    r: Result<MediationView, MediationError>,
    caller: &RequestInfo,
) -> Result<Json<MediationDto>, Problem> {
    r.map(|v| Json(mediation_dto(v, caller.lang)))
        .map_err(|e| refused(e, caller.lang))
}

/// One mediation: for its parties, its mediator and staff of its court; anyone else 404.
#[utoipa::path(get, path = "/api/v1/mediations/{id}", tag = "mediation", params(("id" = String, Path)),
    responses((status = 200, body = MediationDto), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(service::view(&caller, &id, &state.ctx).await, &caller).await
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct TokenParams {
    /// The signed token of the invitation link.
    pub t: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct InvitationDto {
    pub id: String,
    pub status: MediationStatus,
    pub status_label: String,
    pub cause_name: String,
    /// Masked: 张*.
    pub requester: String,
    pub respondent: String,
    pub mediator_name: String,
    pub organisation: String,
    pub start: String,
    pub end: String,
    pub mode: MediationMode,
    pub place: String,
    pub invite_expires_at: Option<i64>,
}

/// What the invitation link shows before the invited party answers (no login needed; the token is the key).
#[utoipa::path(get, path = "/api/v1/mediations/{id}/invitation", tag = "mediation", params(("id" = String, Path),
    TokenParams), responses((status = 200, body = InvitationDto), (status = 404, body = Problem)))]
async fn invitation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<TokenParams>,
) -> Result<Json<InvitationDto>, Problem> {
    let v = service::invitation(&state.ctx, &id, &q.t, caller.now_ms, caller.today)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let m = v.mediation;
    Ok(Json(InvitationDto {
        status_label: m.status.label(caller.lang).into(),
        cause_name: app::filing::common::cause_label(&m.cause, caller.lang).to_string(),
        requester: v.requester_masked,
        respondent: v.respondent_masked,
        mediator_name: v.mediator_name,
        organisation: v.org_name,
        start: rfc3339_shanghai(m.start_ms),
        end: rfc3339_shanghai(m.end_ms),
        id: m.id,
        status: m.status,
        mode: m.mode,
        place: m.place,
        invite_expires_at: m.invite_expires_at,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ResponseRequest {
    pub accept: bool,
    /// Required when declining.
    #[serde(default)]
    pub reason: String,
    /// The invitation link's token, when answering from the link (with or without logging in).
    #[serde(default)]
    pub token: Option<String>,
}

/// The invited party accepts (the booking is confirmed) or declines with a reason (the slot is freed).
#[utoipa::path(post, path = "/api/v1/mediations/{id}/response", tag = "mediation", params(("id" = String, Path)),
    request_body = ResponseRequest, responses((status = 200, body = MediationDto), (status = 401, body = Problem),
    (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
    (status = 422, body = Problem)))]
async fn respond(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ResponseRequest>,
) -> Result<Json<MediationDto>, Problem> {
    let token = req
        .token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let r = service::respond(&caller, &id, token, req.accept, &req.reason, &state.ctx).await;
    respond_view(r, &caller).await
}

#[derive(Deserialize, ToSchema)]
pub struct RescheduleRequest {
    /// RFC 3339: another free slot of the same mediator.
    pub start: String,
}

/// Moves the booking (either party up to the notice period before the start, the mediator always).
#[utoipa::path(post, path = "/api/v1/mediations/{id}/reschedule", tag = "mediation", params(("id" = String, Path)),
    request_body = RescheduleRequest, responses((status = 200, body = MediationDto), (status = 401, body = Problem),
    (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
    (status = 422, body = Problem)))]
async fn reschedule(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<RescheduleRequest>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(
        service::reschedule(&caller, &id, &req.start, &state.ctx).await,
        &caller,
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonRequest {
    pub reason: String,
}

/// Cancels the booking with the reason (either party or the mediator); the slot is freed.
#[utoipa::path(post, path = "/api/v1/mediations/{id}/cancel", tag = "mediation", params(("id" = String, Path)),
    request_body = ReasonRequest, responses((status = 200, body = MediationDto), (status = 401, body = Problem),
    (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
    (status = 422, body = Problem)))]
async fn cancel(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ReasonRequest>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(
        service::cancel(&caller, &id, &req.reason, &state.ctx).await,
        &caller,
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct ExtensionRequest {
    /// 1–30 days.
    pub days: i64,
    /// Why, and that both parties agreed.
    pub reason: String,
}

/// The mediator extends the mediation period once, with both parties' consent.
#[utoipa::path(post, path = "/api/v1/mediations/{id}/extension", tag = "mediation", params(("id" = String, Path)),
    request_body = ExtensionRequest, responses((status = 200, body = MediationDto), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn extend(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ExtensionRequest>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(
        service::extend(&caller, &id, req.days, &req.reason, &state.ctx).await,
        &caller,
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct TermRequest {
    pub text: String,
    /// Yuan as written (`30000`, `3万`, `30,000.50`); empty when the term is not a payment.
    #[serde(default)]
    pub amount: String,
    /// YYYY-MM-DD
    #[serde(default)]
    pub due_on: String,
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomeRequest {
    /// success | partial | failure
    pub result: String,
    #[serde(default)]
    pub terms: Vec<TermRequest>,
    /// What stays in dispute (partial).
    #[serde(default)]
    pub unsettled: String,
    #[serde(default)]
    pub note: String,
}

/// Turns typed terms into the service's, with amount errors named per term.
pub fn parse_terms(terms: &[(String, String, String)]) -> Result<Vec<Term>, domain::FieldErrors> {
    let mut errors = domain::FieldErrors::default();
    if terms.len() > domain::mediation::MAX_TERMS {
        errors.push("terms", domain::FieldError::TooMany);
        return Err(errors);
    }
    let out = terms
        .iter()
        .enumerate()
        .map(|(i, (text, amount, due))| {
            let amount_fen = if amount.trim().is_empty() {
                None
            } else {
                match domain::filing::parse_yuan(amount) {
                    Ok(f) => Some(f),
                    Err(e) => {
                        errors.push(&format!("terms[{i}].amount"), e);
                        None
                    }
                }
            };
            let due = due.trim();
            Term {
                text: text.clone(),
                amount_fen,
                due_on: (!due.is_empty()).then(|| {
                    domain::filing::parse_date(due)
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| due.to_string())
                }),
            }
        })
        .collect();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The mediator records the outcome: an agreement from the terms (whole or partial) for both parties to sign, or
/// failure (either party may then take the matter to court).
#[utoipa::path(post, path = "/api/v1/mediations/{id}/outcome", tag = "mediation", params(("id" = String, Path)),
    request_body = OutcomeRequest, responses((status = 200, body = MediationDto), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn outcome(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<OutcomeRequest>,
) -> Result<Json<MediationDto>, Problem> {
    let typed: Vec<(String, String, String)> = req
        .terms
        .into_iter()
        .map(|t| (t.text, t.amount, t.due_on))
        .collect();
    let terms =
        parse_terms(&typed).map_err(|e| refused(MediationError::Invalid(e), caller.lang))?;
    let input = OutcomeInput {
        result: req.result,
        terms,
        unsettled: req.unsettled,
        note: req.note,
    };
    respond_view(
        service::outcome(&caller, &id, &input, &state.ctx).await,
        &caller,
    )
    .await
}

/// A party signs the agreement (recorded with its time; the agreement takes effect when both have signed).
#[utoipa::path(post, path = "/api/v1/mediations/{id}/agreement/signature", tag = "mediation",
    params(("id" = String, Path)), responses((status = 200, body = MediationDto), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn sign(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(service::sign(&caller, &id, &state.ctx).await, &caller).await
}

/// A party applies for judicial confirmation (民事诉讼法 第二百零五条): jointly — it reaches the judge when both
/// parties have applied, within 30 days of the agreement taking effect. No fee.
#[utoipa::path(post, path = "/api/v1/mediations/{id}/confirmation", tag = "mediation",
    params(("id" = String, Path)), responses((status = 200, body = MediationDto), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn apply_confirmation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<MediationDto>, Problem> {
    respond_view(
        service::apply_confirmation(&caller, &id, &state.ctx)
            .await
            .map(|(v, _)| v),
        &caller,
    )
    .await
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct FilingRef {
    pub filing_id: String,
}

/// Takes the matter to court after failure, a partial agreement or an invitation that came to nothing: a diverted
/// filing returns to registration (its filing date kept); otherwise a draft filing with the answers carried over.
#[utoipa::path(post, path = "/api/v1/mediations/{id}/filing", tag = "mediation", params(("id" = String, Path)),
    responses((status = 200, body = FilingRef), (status = 403, body = Problem), (status = 404, body = Problem),
    (status = 409, body = Problem)))]
async fn to_filing(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<FilingRef>, Problem> {
    service::to_filing(&caller, &id, &state.ctx)
        .await
        .map(|filing_id| Json(FilingRef { filing_id }))
        .map_err(|e| refused(e, caller.lang))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ConfirmationCase {
    pub confirmation: ConfirmationDto,
    pub mediation: MediationDto,
}

/// An application for judicial confirmation, for staff of its court.
#[utoipa::path(get, path = "/api/v1/confirmations/{id}", tag = "court", params(("id" = String, Path)),
    responses((status = 200, body = ConfirmationCase), (status = 401, body = Problem),
    (status = 404, body = Problem)))]
async fn confirmation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<ConfirmationCase>, Problem> {
    let v = service::confirmation_view(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(ConfirmationCase {
        confirmation: confirmation_dto(v.confirmation, caller.lang),
        mediation: mediation_dto(v.mediation, caller.lang),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    pub confirm: bool,
    /// Required when refusing: the parties are told their options.
    #[serde(default)]
    pub reasons: String,
}

/// The judge confirms the agreement (a ruling numbered 民特 from the court's sequence) or refuses with reasons.
#[utoipa::path(post, path = "/api/v1/confirmations/{id}/decision", tag = "court", params(("id" = String, Path)),
    request_body = DecisionRequest, responses((status = 200, body = ConfirmationDto),
    (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
    (status = 422, body = Problem)))]
async fn decide(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<DecisionRequest>,
) -> Result<Json<ConfirmationDto>, Problem> {
    service::decide(&caller, &id, req.confirm, &req.reasons, &state.ctx)
        .await
        .map(|c| Json(confirmation_dto(c, caller.lang)))
        .map_err(|e| refused(e, caller.lang))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct WorkspaceDto {
    pub mediator: MediatorDto,
    pub sessions: Vec<MediationListItem>,
}

/// The mediator's workspace: their sessions from the past week on and every open one.
#[utoipa::path(get, path = "/api/v1/mediator/sessions", tag = "mediation", responses(
    (status = 200, body = Vec<MediationListItem>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn workspace(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<Vec<MediationListItem>>, Problem> {
    let (_, list) = service::workspace(&caller, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|m| list_item(m, caller.lang))
            .collect(),
    ))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CourtMediations {
    pub mediations: Vec<MediationListItem>,
    pub confirmations: Vec<ConfirmationDto>,
}

/// The court's mediations (open ones first) and its confirmation applications (waiting ones first): staff only.
#[utoipa::path(get, path = "/api/v1/court/mediations", tag = "court", responses(
    (status = 200, body = CourtMediations), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn court(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<CourtMediations>, Problem> {
    let (list, confs) = service::court_overview(&caller, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(CourtMediations {
        mediations: list
            .into_iter()
            .map(|m| list_item(m, caller.lang))
            .collect(),
        confirmations: confs
            .into_iter()
            .map(|c| confirmation_dto(c, caller.lang))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct HoldRequest {
    /// RFC 3339: one of the mediator's free slots.
    pub start: String,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub court_code: String,
    /// For a diverted filing (its cause and court are used).
    #[serde(default)]
    pub filing_id: String,
}

/// Holds one of the mediator's free times for 10 minutes while the requester gives the details; complete it with
/// `POST /api/v1/mediations` and `hold_id`. 409 `slot_taken` (with `next_free`) when someone holds or booked it.
#[utoipa::path(post, path = "/api/v1/mediators/{id}/holds", tag = "mediation", params(("id" = String, Path)),
    request_body = HoldRequest, responses((status = 201, body = MediationDto), (status = 401, body = Problem),
    (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn hold(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<HoldRequest>,
) -> Result<(StatusCode, Json<MediationDto>), Problem> {
    let input = BookInput {
        mediator_id: id,
        start: req.start,
        cause: req.cause,
        court_code: req.court_code,
        filing_id: req.filing_id,
        ..Default::default()
    };
    let held = service::hold(&caller, &input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let v = service::view(&caller, &held.id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((StatusCode::CREATED, Json(mediation_dto(v, caller.lang))))
}

#[derive(Serialize, ToSchema)]
pub struct MeetingParticipantDto {
    /// The participant's id in the room.
    pub participant: String,
    /// mediator, requester, respondent, agent, interpreter, clerk.
    pub role: String,
    /// Officials in full, parties masked (张*).
    pub name: String,
    /// Their personal join link (relative to the site).
    pub join_link: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    /// The caller's own personal join link (relative to the site).
    pub join_link: String,
    /// The calendar invitation (.ics) for the caller.
    pub ics: String,
    /// When the links open and close (RFC 3339, Asia/Shanghai): 30 minutes before the start to 2 hours after the end.
    pub opens: String,
    pub closes: String,
    /// How many times the session moved (the links' and the invitation's SEQUENCE).
    pub sequence: u32,
    /// The caller's role in the meeting.
    pub role: String,
    /// Everyone's links, for the mediator and court staff only.
    pub participants: Vec<MeetingParticipantDto>,
}

/// The video meeting of a mediation: the caller's personal join link, its window and calendar invitation; the
/// mediator and court staff also get everyone's links. Not a video session, or not the caller's: 404.
#[utoipa::path(get, path = "/api/v1/mediations/{id}/meeting", tag = "mediation", params(("id" = String, Path)),
    responses((status = 200, body = MeetingDto), (status = 401, body = Problem), (status = 404, body = Problem),
    (status = 409, body = Problem)))]
async fn meeting_info(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<MeetingDto>, Problem> {
    let m = app::mediation::meeting::info(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let ics = m
        .join_link
        .split_once("?t=")
        .map(|(path, t)| format!("{path}.ics?t={t}"))
        .unwrap_or_default();
    Ok(Json(MeetingDto {
        ics,
        opens: rfc3339_shanghai(m.opens),
        closes: rfc3339_shanghai(m.closes),
        sequence: m.sequence,
        role: m.role.code().into(),
        participants: m
            .participants
            .into_iter()
            .map(|(p, join_link)| MeetingParticipantDto {
                name: p.shown(),
                role: p.role.code().into(),
                participant: p.participant,
                join_link,
            })
            .collect(),
        join_link: m.join_link,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct GuestRequest {
    /// agent, interpreter or clerk.
    pub role: String,
    pub name: String,
    /// Where the join link is sent by text message (optional: the mediator can read the link out).
    #[serde(default)]
    pub mobile: String,
    /// zh, ko, mn or en.
    #[serde(default)]
    pub language: String,
}

/// The mediator (or court staff) adds an agent or lawyer, an interpreter or an observing clerk to the meeting;
/// their personal link goes to their mobile.
#[utoipa::path(post, path = "/api/v1/mediations/{id}/meeting/guests", tag = "mediation",
    params(("id" = String, Path)), request_body = GuestRequest,
    responses((status = 201, body = MeetingParticipantDto), (status = 401, body = Problem), (status = 403, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn add_guest(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<GuestRequest>,
) -> Result<(StatusCode, Json<MeetingParticipantDto>), Problem> {
    let input = app::mediation::meeting::GuestInput {
        role: req.role,
        name: req.name,
        mobile: req.mobile,
        language: req.language,
    };
    let p = app::mediation::meeting::add_guest(&caller, &id, &input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let m = app::mediation::meeting::info(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let join_link = m
        .participants
        .iter()
        .find(|(x, _)| x.participant == p.participant)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    Ok((
        StatusCode::CREATED,
        Json(MeetingParticipantDto {
            name: p.shown(),
            role: p.role.code().into(),
            participant: p.participant,
            join_link,
        }),
    ))
}
