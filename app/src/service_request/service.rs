//! Service requests' operations, one function each, every one checking who asks: the person who sent a request
//! sees it, replies once and rates it; the staff of the court it is at now answer, transfer or close it. Anyone
//! else — staff of another court included — is told it does not exist.

use super::data::{MessageView, RequestSummary, RequestView};
use super::error::RequestError;
use super::texts::{kind_name, status_name, t};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::Account;
use db::service_requests::{self as store, Change, NewRequest, ServiceRequest};
use domain::registration::AccountKind;
use domain::service_request::{
    self as rules, RequestAction, RequestFacts, RequestKind, RequestStatus, MAX_BODY_CHARS,
    MAX_CASE_REF_CHARS, MAX_SUBJECT_CHARS,
};
use domain::{FieldError, FieldErrors, Lang};

type Result<T> = std::result::Result<T, RequestError>;

/// The most requests one account sends in a day (the hotline is there for more).
pub const MAX_PER_DAY: usize = 10;
const HOUR_MS: i64 = 3_600_000;

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SubmitInput {
    pub kind: String,
    pub court_code: String,
    pub subject: String,
    pub body: String,
    #[serde(default)]
    pub case_ref: String,
    #[serde(default)]
    pub cannot_get_done: bool,
}

/// Who the caller is to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Requester,
    Staff,
}

fn account(caller: &Caller) -> Result<&Account> {
    caller.user.as_ref().ok_or(RequestError::Unauthorized)
}

/// Court staff who answer the public: clerks, judges and court administrators of a court.
fn court_staff(a: &Account) -> Option<&str> {
    match a.kind {
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin => {
            a.court_code.as_deref()
        }
        AccountKind::Citizen
        | AccountKind::Enterprise
        | AccountKind::Lawyer
        | AccountKind::Mediator => None,
    }
}

fn role(a: &Account, r: &ServiceRequest) -> Result<Role> {
    if r.requester_id == a.id {
        return Ok(Role::Requester);
    }
    match court_staff(a) {
        Some(court) if court == r.court_code => Ok(Role::Staff),
        _ => Err(RequestError::NotFound),
    }
}

fn bounded(f: &mut FieldErrors, name: &str, value: &str, max: usize, required: bool) {
    if required && value.trim().is_empty() {
        f.push(name, FieldError::Required);
    } else if value.chars().count() > max {
        f.push(name, FieldError::TooLong);
    }
}

async fn court_name(ctx: &ServerCtx, code: &str) -> String {
    db::courts::shared(&ctx.db)
        .await
        .ok()
        .and_then(|cs| cs.iter().find(|c| c.code == code).map(|c| c.name.clone()))
        .unwrap_or_else(|| code.to_string())
}

pub async fn submit(caller: &Caller, input: &SubmitInput, ctx: &ServerCtx) -> Result<RequestView> {
    let user = account(caller)?;
    if user.kind.is_staff() {
        return Err(RequestError::Forbidden);
    }
    let mut f = FieldErrors::default();
    let kind = RequestKind::from_code(input.kind.trim());
    if kind.is_none() {
        f.push("kind", FieldError::UnknownChoice);
    }
    let court = input.court_code.trim();
    if court.is_empty() {
        f.push("court_code", FieldError::Required);
    } else if !db::courts::exists(&ctx.db, court).await? {
        f.push("court_code", FieldError::UnknownChoice);
    }
    bounded(&mut f, "subject", &input.subject, MAX_SUBJECT_CHARS, true);
    bounded(&mut f, "body", &input.body, MAX_BODY_CHARS, true);
    let needs_case = kind.is_some_and(RequestKind::needs_case);
    bounded(
        &mut f,
        "case_ref",
        &input.case_ref,
        MAX_CASE_REF_CHARS,
        needs_case,
    );
    let Some(kind) = kind.filter(|_| f.0.is_empty()) else {
        return Err(RequestError::Invalid(f));
    };
    let day_ago = caller.now_ms - 24 * HOUR_MS;
    let recent = store::of_requester(&ctx.db, &user.id, MAX_PER_DAY as i64 + 1).await?;
    if recent.iter().filter(|r| r.created_at > day_ago).count() >= MAX_PER_DAY {
        return Err(RequestError::TooMany);
    }
    let hours = ctx.service_hours.of(kind);
    let r = store::create(
        &ctx.db,
        &NewRequest {
            requester_id: &user.id,
            kind,
            court_code: court,
            subject: input.subject.trim(),
            body: input.body.trim(),
            case_ref: input.case_ref.trim(),
            cannot_get_done: kind == RequestKind::Complaint && input.cannot_get_done,
            due_at: caller.now_ms + i64::from(hours) * HOUR_MS,
        },
        caller.now_ms,
    )
    .await?;
    tracing::info!(request = %r.id, kind = kind.code(), court = %r.court_code, "service request sent");
    view_of(user, r, caller, ctx).await
}

/// One request as the caller may see it; opening it as its sender marks its answer read.
pub async fn view(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<RequestView> {
    let user = account(caller)?;
    let r = store::get(&ctx.db, id)
        .await?
        .ok_or(RequestError::NotFound)?;
    role(user, &r)?;
    if r.requester_id == user.id && r.unread {
        store::mark_read(&ctx.db, id).await?;
    }
    view_of(user, r, caller, ctx).await
}

async fn view_of(
    user: &Account,
    r: ServiceRequest,
    caller: &Caller,
    ctx: &ServerCtx,
) -> Result<RequestView> {
    let lang = caller.lang;
    let who = role(user, &r)?;
    let requester = db::accounts::get(&ctx.db, &r.requester_id).await?;
    let requester_name = requester
        .as_ref()
        .map(|a| a.display_name.clone())
        .unwrap_or_default();
    let messages = store::messages(&ctx.db, &r.id).await?;
    let courts = db::courts::shared(&ctx.db).await?;
    let name_of = |code: &str| {
        courts
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let facts = RequestFacts {
        replied: r.replied,
        rated: r.rating.is_some(),
    };
    let may = |a: RequestAction| {
        a.by_staff() == (who == Role::Staff) && rules::next(r.status, facts, a).is_ok()
    };
    let messages = messages
        .into_iter()
        .map(|m| {
            let mine = m.author_id == user.id;
            let by_requester = m.author_id == r.requester_id;
            MessageView {
                action_name: t(&format!("a_{}", m.action), lang).to_string(),
                by_staff: !by_requester,
                author: if mine {
                    t("you", lang).to_string()
                } else if by_requester {
                    domain::mask::name(&requester_name)
                } else {
                    t("staff", lang).to_string()
                },
                to_court: if m.action == "transfer" {
                    name_of(&m.to_court)
                } else {
                    String::new()
                },
                action: m.action,
                body: m.body,
                at: m.at,
            }
        })
        .collect();
    Ok(RequestView {
        summary: summary(
            &r,
            &name_of(&r.court_code),
            who == Role::Staff,
            &requester_name,
            caller.now_ms,
            lang,
        ),
        department: r.department.clone(),
        case_ref: r.case_ref.clone(),
        promised_hours: ctx.service_hours.of(r.kind),
        messages,
        rating: r.rating,
        rating_reason: r.rating_reason.clone(),
        may_answer: may(RequestAction::Answer),
        may_reply: may(RequestAction::Reply),
        may_rate: may(RequestAction::Rate),
        mine: who == Role::Requester,
        courts: if who == Role::Staff {
            courts
                .iter()
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect()
        } else {
            Vec::new()
        },
    })
}

fn summary(
    r: &ServiceRequest,
    court: &str,
    staff: bool,
    requester: &str,
    now: i64,
    lang: Lang,
) -> RequestSummary {
    RequestSummary {
        id: r.id.clone(),
        kind: r.kind,
        kind_name: kind_name(r.kind, lang).to_string(),
        subject: r.subject.clone(),
        court_code: r.court_code.clone(),
        court_name: court.to_string(),
        status: r.status,
        status_name: status_name(r.status, lang).to_string(),
        due_at: r.due_at,
        overdue: r.status == RequestStatus::Open && now > r.due_at,
        unread: r.unread && !staff,
        cannot_get_done: r.cannot_get_done,
        // Staff see the sender masked; the person sees nothing of the sort on their own page.
        requester: if staff {
            Some(domain::mask::name(requester))
        } else {
            None
        },
        created_at: r.created_at,
    }
}

/// The caller's requests (a person) or their court's queue, overdue first (court staff).
pub async fn list(caller: &Caller, ctx: &ServerCtx) -> Result<(bool, Vec<RequestSummary>)> {
    let user = account(caller)?;
    let courts = db::courts::shared(&ctx.db).await?;
    let name_of = |code: &str| {
        courts
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    if let Some(court) = court_staff(user) {
        let rows = store::queue(&ctx.db, court, 200).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let name = db::accounts::get(&ctx.db, &r.requester_id)
                .await?
                .map(|a| a.display_name)
                .unwrap_or_default();
            out.push(summary(
                &r,
                &name_of(&r.court_code),
                true,
                &name,
                caller.now_ms,
                caller.lang,
            ));
        }
        return Ok((true, out));
    }
    if user.kind.is_staff() {
        return Err(RequestError::Forbidden);
    }
    let rows = store::of_requester(&ctx.db, &user.id, 200).await?;
    Ok((
        false,
        rows.iter()
            .map(|r| {
                summary(
                    r,
                    &name_of(&r.court_code),
                    false,
                    "",
                    caller.now_ms,
                    caller.lang,
                )
            })
            .collect(),
    ))
}

/// How many answers wait unread for the caller (the notice on their pages).
pub async fn unread(caller: &Caller, ctx: &ServerCtx) -> Result<i64> {
    let user = account(caller)?;
    Ok(store::unread_count(&ctx.db, &user.id).await?)
}

fn refused(e: rules::Refused) -> RequestError {
    RequestError::Conflict(match e {
        rules::Refused::NotOpen => "not_open",
        rules::Refused::NotAnswered => "not_answered",
        rules::Refused::AlreadyReplied => "already_replied",
        rules::Refused::NotRatable => "not_ratable",
        rules::Refused::AlreadyRated => "already_rated",
    })
}

/// What an action changes besides the status (owned, so each action states it without borrowing the row).
#[derive(Default)]
struct Edit {
    court_code: Option<String>,
    department: Option<String>,
    due_at: Option<i64>,
    replied: bool,
    rating: Option<(u8, String)>,
    unread: Option<bool>,
}

/// Loads the request, checks the caller's part in it and the transition, and applies the action's edit.
async fn act(
    caller: &Caller,
    id: &str,
    action: RequestAction,
    text: &str,
    ctx: &ServerCtx,
    edit: impl FnOnce(&ServiceRequest) -> Result<Edit>,
) -> Result<RequestView> {
    let user = account(caller)?;
    let r = store::get(&ctx.db, id)
        .await?
        .ok_or(RequestError::NotFound)?;
    let who = role(user, &r)?;
    if action.by_staff() != (who == Role::Staff) {
        // The other side's action: staff cannot rate, a person cannot answer their own request.
        return Err(RequestError::Forbidden);
    }
    let facts = RequestFacts {
        replied: r.replied,
        rated: r.rating.is_some(),
    };
    let status = rules::next(r.status, facts, action).map_err(refused)?;
    let e = edit(&r)?;
    let court_code = e.court_code.as_deref().unwrap_or(&r.court_code);
    let c = Change {
        version: r.version,
        status,
        court_code,
        department: e.department.as_deref().unwrap_or(&r.department),
        due_at: e.due_at.unwrap_or(r.due_at),
        replied: r.replied || e.replied,
        rating: e.rating.as_ref().map(|(n, reason)| (*n, reason.as_str())),
        unread: e.unread.unwrap_or(r.unread),
        action: action.code(),
        author_id: &user.id,
        body: text,
        from_court: &r.court_code,
        to_court: if e.court_code.is_some() {
            court_code
        } else {
            ""
        },
    };
    let saved = store::apply(&ctx.db, id, &c, caller.now_ms).await?;
    tracing::info!(request = %id, action = action.code(), "service request changed");
    if role(user, &saved).is_ok() {
        return view_of(user, saved, caller, ctx).await;
    }
    // Transferred to another court: what the transferring staff may still know is where it went, nothing more.
    let court = court_name(ctx, &saved.court_code).await;
    Ok(RequestView {
        summary: summary(&saved, &court, true, "", caller.now_ms, caller.lang),
        department: saved.department.clone(),
        case_ref: String::new(),
        promised_hours: ctx.service_hours.of(saved.kind),
        messages: Vec::new(),
        rating: None,
        rating_reason: None,
        may_answer: false,
        may_reply: false,
        may_rate: false,
        mine: false,
        courts: Vec::new(),
    })
}

fn text(name: &str, value: &str, required: bool) -> Result<()> {
    let mut f = FieldErrors::default();
    bounded(&mut f, name, value, MAX_BODY_CHARS, required);
    if f.0.is_empty() {
        Ok(())
    } else {
        Err(RequestError::Invalid(f))
    }
}

/// The court answers; the person is told in the portal (an unread answer on their pages).
pub async fn answer(caller: &Caller, id: &str, body: &str, ctx: &ServerCtx) -> Result<RequestView> {
    text("body", body, true)?;
    act(caller, id, RequestAction::Answer, body.trim(), ctx, |_| {
        Ok(Edit {
            unread: Some(true),
            ..Edit::default()
        })
    })
    .await
}

/// The court sends the request to another court (whose staff then answer it, with the promised time starting
/// again) or to a department of its own.
pub async fn transfer(
    caller: &Caller,
    id: &str,
    court_code: &str,
    department: &str,
    note: &str,
    ctx: &ServerCtx,
) -> Result<RequestView> {
    text("note", note, false)?;
    let (court_code, department) = (court_code.trim(), department.trim());
    if department.chars().count() > 40 {
        return Err(RequestError::field("department", FieldError::TooLong));
    }
    if !court_code.is_empty() && !db::courts::exists(&ctx.db, court_code).await? {
        return Err(RequestError::field("court_code", FieldError::UnknownChoice));
    }
    let hours = |k| i64::from(ctx.service_hours.of(k)) * HOUR_MS;
    let now = caller.now_ms;
    act(caller, id, RequestAction::Transfer, note.trim(), ctx, |r| {
        let to = if court_code.is_empty() {
            r.court_code.as_str()
        } else {
            court_code
        };
        if to == r.court_code && (department.is_empty() || department == r.department) {
            return Err(RequestError::field("court_code", FieldError::UnknownChoice));
        }
        Ok(Edit {
            court_code: Some(to.to_string()),
            department: Some(department.to_string()),
            due_at: Some(now + hours(r.kind)),
            ..Edit::default()
        })
    })
    .await
}

/// The court closes the request (with a note the person reads).
pub async fn close(caller: &Caller, id: &str, note: &str, ctx: &ServerCtx) -> Result<RequestView> {
    text("note", note, true)?;
    act(caller, id, RequestAction::Close, note.trim(), ctx, |_| {
        Ok(Edit {
            unread: Some(true),
            ..Edit::default()
        })
    })
    .await
}

/// The person replies to the answer, once: the request is open again, with the promised time from now.
pub async fn reply(caller: &Caller, id: &str, body: &str, ctx: &ServerCtx) -> Result<RequestView> {
    text("body", body, true)?;
    let now = caller.now_ms;
    let hours = |k| i64::from(ctx.service_hours.of(k)) * HOUR_MS;
    act(caller, id, RequestAction::Reply, body.trim(), ctx, |r| {
        Ok(Edit {
            replied: true,
            unread: Some(false),
            due_at: Some(now + hours(r.kind)),
            ..Edit::default()
        })
    })
    .await
}

/// The person rates the answer or the closing: 1–5, with a reason below 3.
pub async fn rate(
    caller: &Caller,
    id: &str,
    score: u8,
    reason: &str,
    ctx: &ServerCtx,
) -> Result<RequestView> {
    if let Err(e) = rules::check_rating(score, reason) {
        let field = if e == FieldError::Required {
            "reason"
        } else {
            "score"
        };
        return Err(RequestError::field(field, e));
    }
    text("reason", reason, false)?;
    let reason = reason.trim();
    act(caller, id, RequestAction::Rate, reason, ctx, |_| {
        Ok(Edit {
            rating: Some((score, reason.to_string())),
            unread: Some(false),
            ..Edit::default()
        })
    })
    .await
}
