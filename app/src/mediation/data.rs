//! What the mediation pages load from the server, through server functions that check who is asking (they call
//! `service` and nothing below it).

use crate::error::AppError;
use domain::mediation::{ConfirmationStatus, MediationMode, MediationRole, MediationStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterItem {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub org_kind: String,
    pub address: String,
    pub specialties: Vec<String>,
    pub languages: Vec<String>,
    pub courts: Vec<String>,
    pub place: String,
    pub title: String,
    pub rating_tenths: Option<u8>,
    pub active_cases: u32,
    pub capacity: u32,
    pub full: bool,
    pub reasons: Vec<domain::mediator_match::Reason>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterData {
    pub items: Vec<RosterItem>,
    /// Every court, (code, name), for the area choice.
    pub courts: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotItem {
    /// RFC 3339, Asia/Shanghai: the value the form posts.
    pub start: String,
    /// YYYY-MM-DD
    pub day: String,
    /// HH:MM–HH:MM
    pub time: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediatorData {
    pub item: RosterItem,
    pub slots: Vec<SlotItem>,
    /// A diverted filing this booking is for (its parties and claims come along), with its cause and court.
    pub filing: Option<(String, String, String)>,
    /// The courts the mediator serves, (code, name).
    pub courts: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartyItem {
    pub role: MediationRole,
    pub name: String,
    pub mobile: Option<String>,
    pub answered: bool,
    pub answer_reason: Option<String>,
    pub signed_at: Option<i64>,
    pub applied_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermItem {
    pub text: String,
    pub amount_fen: Option<i64>,
    pub due_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventItem {
    pub at: i64,
    pub role: String,
    pub action: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfirmationItem {
    pub id: String,
    pub status: ConfirmationStatus,
    pub court_code: String,
    pub court_name: String,
    pub deadline: String,
    pub case_number: Option<String>,
    pub reasons: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediationData {
    pub id: String,
    pub status: MediationStatus,
    pub role: MediationRole,
    pub cause: String,
    pub court_code: String,
    pub court_name: String,
    pub mediator_id: String,
    pub mediator_name: String,
    pub organisation: String,
    /// The room where in-person sessions are held.
    pub org_address: String,
    pub start: String,
    pub start_ms: i64,
    pub end_ms: i64,
    pub mode: MediationMode,
    pub place: String,
    pub summary: String,
    pub priority: bool,
    pub invite_expires_at: Option<i64>,
    pub period_end: String,
    pub extension_days: i64,
    pub terms: Vec<TermItem>,
    pub unsettled: Option<String>,
    pub outcome_note: Option<String>,
    pub effective_on: Option<String>,
    pub confirmation_deadline: Option<String>,
    pub confirmation: Option<ConfirmationItem>,
    pub filing_id: Option<String>,
    pub result_filing_id: Option<String>,
    pub parties: Vec<PartyItem>,
    /// Action codes the caller may take now (as the API lists them).
    pub actions: Vec<String>,
    pub events: Vec<EventItem>,
    pub invitation_link: Option<String>,
    /// Other free slots of the mediator, for moving the booking.
    pub slots: Vec<SlotItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationData {
    pub id: String,
    pub status: MediationStatus,
    pub cause: String,
    pub requester: String,
    pub respondent: String,
    pub mediator_name: String,
    pub organisation: String,
    pub start_ms: i64,
    pub end_ms: i64,
    pub mode: MediationMode,
    pub place: String,
    pub invite_expires_at: Option<i64>,
    pub token: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: String,
    pub status: MediationStatus,
    pub cause: String,
    pub court_code: String,
    pub start_ms: i64,
    pub mode: MediationMode,
    pub priority: bool,
    pub period_end: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffData {
    pub mediations: Vec<ListItem>,
    pub confirmations: Vec<ConfirmationItem>,
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::mediation::error::MediationError;
    use crate::mediation::service::{self, RosterEntry};
    use domain::slots::rfc3339_shanghai;

    pub fn caller() -> Result<(crate::ssr::RequestInfo, crate::ssr::ServerCtx), AppError> {
        let info = crate::ssr::request_info().ok_or(AppError::Internal)?;
        Ok((info, crate::ssr::ctx()?))
    }

    pub fn door(e: MediationError, lang: domain::Lang) -> AppError {
        AppError::from_service(&e, lang)
    }

    pub fn roster_item(e: RosterEntry) -> RosterItem {
        let m = e.mediator;
        RosterItem {
            id: m.id,
            name: m.name,
            organisation: e.org_name,
            org_kind: e.org_kind,
            address: e.org_address,
            specialties: m.specialties,
            languages: m.languages,
            courts: m.courts,
            place: m.place,
            title: m.title,
            rating_tenths: m.rating_tenths,
            active_cases: e.active_cases,
            capacity: m.capacity,
            full: e.recommendation.full,
            reasons: e.recommendation.reasons,
        }
    }

    pub fn slot_item(s: &domain::slots::Slot) -> SlotItem {
        let start = rfc3339_shanghai(s.start_ms);
        let end = rfc3339_shanghai(s.end_ms);
        SlotItem {
            day: start.get(..10).unwrap_or("").to_string(),
            time: format!(
                "{}–{}",
                start.get(11..16).unwrap_or(""),
                end.get(11..16).unwrap_or("")
            ),
            start,
        }
    }

    pub async fn court_names(
        ctx: &crate::ssr::ServerCtx,
    ) -> Result<Vec<(String, String)>, AppError> {
        Ok(db::courts::list(&ctx.db)
            .await
            .map_err(|_| AppError::Internal)?
            .into_iter()
            .map(|c| (c.code, c.name))
            .collect())
    }

    pub fn list_item(ctx: &crate::ssr::ServerCtx, m: db::mediation::Mediation) -> ListItem {
        ListItem {
            period_end: domain::mediation::period_end(
                &ctx.calendar,
                m.period_from,
                m.extension_days,
            )
            .date
            .to_string(),
            id: m.id,
            status: m.status,
            cause: m.cause,
            court_code: m.court_code,
            start_ms: m.start_ms,
            mode: m.mode,
            priority: m.priority,
        }
    }

    pub fn confirmation_item(
        c: db::mediation::Confirmation,
        courts: &[(String, String)],
    ) -> ConfirmationItem {
        ConfirmationItem {
            court_name: courts
                .iter()
                .find(|(code, _)| *code == c.court_code)
                .map(|(_, n)| n.clone())
                .unwrap_or_default(),
            id: c.id,
            status: c.status,
            court_code: c.court_code,
            deadline: c.deadline.to_string(),
            case_number: c.case_number,
            reasons: c.reasons,
        }
    }

    pub async fn mediation_data(
        ctx: &crate::ssr::ServerCtx,
        v: service::MediationView,
        now_ms: i64,
    ) -> Result<MediationData, AppError> {
        let courts = court_names(ctx).await?;
        let actions = v.action_codes();
        let parties = v
            .parties
            .iter()
            .map(|p| {
                let (name, mobile) = v.party_shown(p);
                PartyItem {
                    role: p.role,
                    name,
                    mobile,
                    answered: p.answered_at.is_some(),
                    answer_reason: p.answer_reason.clone(),
                    signed_at: p.signed_at,
                    applied_at: p.applied_at,
                }
            })
            .collect();
        let moving = actions.iter().any(|a| a == "reschedule");
        let slots = if moving {
            let today = domain::date::shanghai_date(now_ms);
            service::free_slots(&v.mediator, today, 21, ctx, now_ms)
                .await
                .map(|s| s.iter().map(slot_item).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let m = v.mediation;
        Ok(MediationData {
            court_name: courts
                .iter()
                .find(|(c, _)| *c == m.court_code)
                .map(|(_, n)| n.clone())
                .unwrap_or_default(),
            confirmation: v.confirmation.map(|c| confirmation_item(c, &courts)),
            role: v.role,
            mediator_name: v.mediator.name,
            org_address: v.org.address,
            organisation: v.org.name,
            start: rfc3339_shanghai(m.start_ms),
            period_end: v.period_end.date.to_string(),
            confirmation_deadline: v.confirmation_deadline.map(|d| d.date.to_string()),
            effective_on: m.effective_on.map(|d| d.to_string()),
            terms: m
                .terms
                .iter()
                .map(|t| TermItem {
                    text: t.text.clone(),
                    amount_fen: t.amount_fen,
                    due_on: t.due_on.clone(),
                })
                .collect(),
            id: m.id,
            status: m.status,
            cause: m.cause,
            court_code: m.court_code,
            mediator_id: m.mediator_id,
            start_ms: m.start_ms,
            end_ms: m.end_ms,
            mode: m.mode,
            place: m.place,
            summary: m.summary,
            priority: m.priority,
            invite_expires_at: m.invite_expires_at,
            extension_days: m.extension_days,
            unsettled: m.unsettled,
            outcome_note: m.outcome_note,
            filing_id: m.filing_id,
            result_filing_id: m.result_filing_id,
            parties,
            actions,
            events: v
                .events
                .into_iter()
                .map(|e| EventItem {
                    at: e.at,
                    role: e.role,
                    action: e.action,
                    note: e.note,
                })
                .collect(),
            invitation_link: v.invitation_link,
            slots,
        })
    }
}

/// The roster, recommended first for the dispute described (public).
#[server(prefix = "/rpc", endpoint = "mediation_roster")]
pub async fn load_roster(
    cause: String,
    court: String,
    language: String,
    place: String,
    text: String,
) -> Result<RosterData, AppError> {
    let (info, ctx) = ssr::caller()?;
    let q = crate::mediation::service::RosterQuery {
        cause: Some(cause),
        court: Some(court),
        language: Some(language),
        place: Some(place),
        text: Some(text),
        only_court: false,
    };
    let list = crate::mediation::service::roster(&q, &ctx, info.now_ms)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    Ok(RosterData {
        items: list.into_iter().map(ssr::roster_item).collect(),
        courts: ssr::court_names(&ctx).await?,
    })
}

/// One mediator with their free slots for the next three weeks (public), and — when booking for a diverted
/// filing — that filing's cause and court (its filer or a clerk of its court only).
#[server(prefix = "/rpc", endpoint = "mediation_mediator")]
pub async fn load_mediator(
    id: String,
    cause: String,
    court: String,
    filing: String,
) -> Result<MediatorData, AppError> {
    use crate::mediation::service;
    let (info, ctx) = ssr::caller()?;
    let (m, _) = service::mediator(&ctx, &id)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    let slots = service::free_slots(&m, info.today, 21, &ctx, info.now_ms)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    let q = service::RosterQuery {
        cause: Some(cause),
        court: Some(court),
        ..Default::default()
    };
    let entry = service::roster(&q, &ctx, info.now_ms)
        .await
        .map_err(|e| ssr::door(e, info.lang))?
        .into_iter()
        .find(|e| e.mediator.id == m.id)
        .ok_or(AppError::NotFound)?;
    let filing = if filing.trim().is_empty() || info.user.is_none() {
        None
    } else {
        match crate::filing::service::visible(&info, filing.trim(), &ctx).await {
            Ok((f, _)) => Some((
                f.id.clone(),
                f.draft.cause.clone(),
                f.competent_court_code.or(f.court_code).unwrap_or_default(),
            )),
            Err(_) => None,
        }
    };
    let names = ssr::court_names(&ctx).await?;
    let courts = entry
        .mediator
        .courts
        .iter()
        .map(|c| {
            let name = names
                .iter()
                .find(|(code, _)| code == c)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| c.clone());
            (c.clone(), name)
        })
        .collect();
    Ok(MediatorData {
        courts,
        item: ssr::roster_item(entry),
        slots: slots.iter().map(ssr::slot_item).collect(),
        filing,
    })
}

/// One mediation, for its parties, its mediator and its court's staff; anyone else 404.
#[server(prefix = "/rpc", endpoint = "mediation")]
pub async fn load_mediation(id: String) -> Result<MediationData, AppError> {
    let (info, ctx) = ssr::caller()?;
    let v = crate::mediation::service::view(&info, &id, &ctx)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    ssr::mediation_data(&ctx, v, info.now_ms).await
}

/// What an invitation link shows (the token is the key; no login needed).
#[server(prefix = "/rpc", endpoint = "mediation_invitation")]
pub async fn load_invitation(id: String, t: String) -> Result<InvitationData, AppError> {
    let (info, ctx) = ssr::caller()?;
    let v = crate::mediation::service::invitation(&ctx, &id, &t, info.now_ms, info.today)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    let m = v.mediation;
    Ok(InvitationData {
        id: m.id,
        status: m.status,
        cause: m.cause,
        requester: v.requester_masked,
        respondent: v.respondent_masked,
        mediator_name: v.mediator_name,
        organisation: v.org_name,
        start_ms: m.start_ms,
        end_ms: m.end_ms,
        mode: m.mode,
        place: m.place,
        invite_expires_at: m.invite_expires_at,
        token: t,
    })
}

/// The caller's own mediations.
#[server(prefix = "/rpc", endpoint = "my_mediations")]
pub async fn load_mine() -> Result<Vec<ListItem>, AppError> {
    let (info, ctx) = ssr::caller()?;
    let list = crate::mediation::service::mine(&info, &ctx)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    Ok(list.into_iter().map(|m| ssr::list_item(&ctx, m)).collect())
}

/// A mediator's sessions.
#[server(prefix = "/rpc", endpoint = "mediator_workspace")]
pub async fn load_workspace() -> Result<(String, Vec<ListItem>), AppError> {
    let (info, ctx) = ssr::caller()?;
    let (me, list) = crate::mediation::service::workspace(&info, &ctx)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    Ok((
        me.name,
        list.into_iter().map(|m| ssr::list_item(&ctx, m)).collect(),
    ))
}

/// A court's mediations and confirmation applications (its staff).
#[server(prefix = "/rpc", endpoint = "court_mediations")]
pub async fn load_court() -> Result<StaffData, AppError> {
    let (info, ctx) = ssr::caller()?;
    let (list, confs) = crate::mediation::service::court_overview(&info, &ctx)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    let courts = ssr::court_names(&ctx).await?;
    Ok(StaffData {
        mediations: list.into_iter().map(|m| ssr::list_item(&ctx, m)).collect(),
        confirmations: confs
            .into_iter()
            .map(|c| ssr::confirmation_item(c, &courts))
            .collect(),
    })
}

/// One confirmation application with its mediation, for staff of its court.
#[server(prefix = "/rpc", endpoint = "confirmation")]
pub async fn load_confirmation(id: String) -> Result<(ConfirmationItem, MediationData), AppError> {
    let (info, ctx) = ssr::caller()?;
    let v = crate::mediation::service::confirmation_view(&info, &id, &ctx)
        .await
        .map_err(|e| ssr::door(e, info.lang))?;
    let courts = ssr::court_names(&ctx).await?;
    Ok((
        ssr::confirmation_item(v.confirmation, &courts),
        ssr::mediation_data(&ctx, v.mediation, info.now_ms).await?,
    ))
}
