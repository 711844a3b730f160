//! Mediation's business operations (预约调解, 调解, 司法确认), each written once. The JSON API, the no-JavaScript
//! forms and the pages all call these and nothing below them: every rule and every access check lives here.
//!
//! Who may see a mediation: its two parties (the requester, and the respondent once their account is bound — by
//! mobile or credit code at booking, by the signed link, or by logging in later with the invited mobile), its
//! mediator, and staff of its court. Everyone else is told it does not exist. The roster and free slots are public.

use super::error::MediationError;
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::Account;
use db::mediation::{
    self as store, Changes, Confirmation, Mediation, MediationEvent, Mediator, Party,
};
use domain::mediation::{
    self as rules, MediationAction, MediationMode, MediationRole, MediationStatus, Term,
};
use domain::mediator_match::{self, Need, Profile, Recommendation};
use domain::registration::AccountKind;
use domain::slots::{self, Slot, SlotQuery};
use domain::{Date, FieldError, FieldErrors};

pub type Result<T> = std::result::Result<T, MediationError>;

/// The notice period for moving or cancelling a booking online (`PORTAL_MEDIATION_NOTICE_HOURS`).
pub fn notice_hours() -> i64 {
    std::env::var("PORTAL_MEDIATION_NOTICE_HOURS")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|h| (0..=24 * 14).contains(h))
        .unwrap_or(rules::DEFAULT_NOTICE_HOURS)
}

/// A booking cannot start sooner than this after it is made: the other party needs time to answer.
pub const MIN_LEAD_MS: i64 = 24 * 3_600_000;

pub const MAX_SUMMARY_CHARS: usize = 2000;
/// Bookings one account may make in 24 hours (each invites someone by text message).
pub const MAX_BOOKINGS_A_DAY: i64 = 20;
/// Invitations one mobile number may receive in 24 hours, whoever sends them.
pub const MAX_INVITATIONS_TO_ONE_MOBILE_A_DAY: i64 = 3;
pub const MAX_REASON_CHARS: usize = 500;
const LINK_PURPOSE: &str = "mediation-invite";

fn account(caller: &Caller) -> Result<&Account> {
    caller.user.as_ref().ok_or(MediationError::Unauthorized)
}

fn is_court_staff(a: &Account, court: &str) -> bool {
    matches!(
        a.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    ) && a.court_code.as_deref() == Some(court)
}

// ---------------------------------------------------------------------------------------------------------------
// The roster (public)

/// What the roster shows of a mediator: no personal contact data.
#[derive(Clone, Debug)]
pub struct RosterEntry {
    pub mediator: Mediator,
    pub org_name: String,
    pub org_kind: String,
    pub org_address: String,
    pub active_cases: u32,
    pub recommendation: Recommendation,
}

#[derive(Clone, Debug, Default)]
pub struct RosterQuery {
    pub cause: Option<String>,
    pub court: Option<String>,
    pub language: Option<String>,
    pub place: Option<String>,
    /// Words of a mediator's name, organisation or background (名册检索).
    pub text: Option<String>,
    /// Only mediators who serve the court (the booking's choice); otherwise everyone, recommended first.
    pub only_court: bool,
}

fn clean(s: &Option<String>, max: usize) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(max).collect())
}

/// The roster, recommended first for what the person needs, with the reasons.
pub async fn roster(q: &RosterQuery, ctx: &ServerCtx, now_ms: i64) -> Result<Vec<RosterEntry>> {
    let cause = clean(&q.cause, 40).filter(|c| domain::catalogue::cause(c).is_some());
    let court = clean(&q.court, 20);
    let language = clean(&q.language, 8);
    let place = clean(&q.place, 100);
    let orgs = store::organisations(&ctx.db).await?;
    let loads = store::loads(&ctx.db).await?;
    let mut mediators = store::mediators(&ctx.db).await?;
    // A name, an organisation or a word of the background: every word must match (full-width letters and digits
    // read as half-width, as people type them on a phone).
    if let Some(text) = clean(&q.text, 50) {
        let fold = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    '\u{3000}' => ' ',
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect()
        };
        let words: Vec<String> = fold(&text).split_whitespace().map(str::to_string).collect();
        let org_names: Vec<(String, String)> = orgs
            .iter()
            .map(|o| (o.code.clone(), o.name.clone()))
            .collect();
        mediators.retain(|m| {
            let org = org_names
                .iter()
                .find(|(c, _)| *c == m.org_code)
                .map(|(_, n)| n.as_str())
                .unwrap_or("");
            let hay = fold(&format!("{} {} {} {}", m.name, org, m.title, m.place));
            words.iter().all(|w| hay.contains(w.as_str()))
        });
    }
    if q.only_court {
        if let Some(c) = &court {
            mediators.retain(|m| m.courts.iter().any(|x| x == c));
        }
    }
    let load_of = |id: &str| {
        loads
            .iter()
            .find(|(m, _)| m == id)
            .map(|(_, n)| u32::try_from(*n).unwrap_or(u32::MAX))
            .unwrap_or(0)
    };
    let today = domain::date::shanghai_date(now_ms);
    let mut profiles = Vec::with_capacity(mediators.len());
    for m in &mediators {
        // "Free soon": the first free slot in the coming three days.
        let next_free = first_free(m, today, 4, ctx, now_ms).await?;
        profiles.push(Profile {
            id: m.id.clone(),
            specialties: m.specialties.clone(),
            languages: m.languages.clone(),
            courts: m.courts.clone(),
            place: m.place.clone(),
            active_cases: load_of(&m.id),
            capacity: m.capacity,
            rating_tenths: m.rating_tenths,
            next_free_ms: next_free,
        });
    }
    let need = Need {
        cause: cause.as_deref(),
        court: court.as_deref(),
        language: language.as_deref(),
        place: place.as_deref(),
        now_ms,
    };
    let ranked = mediator_match::recommend(&profiles, &need);
    Ok(ranked
        .into_iter()
        .filter_map(|r| {
            let m = mediators.iter().find(|m| m.id == r.id)?.clone();
            let org = orgs.iter().find(|o| o.code == m.org_code);
            Some(RosterEntry {
                org_name: org.map(|o| o.name.clone()).unwrap_or_default(),
                org_kind: org.map(|o| o.kind.clone()).unwrap_or_default(),
                org_address: org.map(|o| o.address.clone()).unwrap_or_default(),
                active_cases: load_of(&m.id),
                mediator: m,
                recommendation: r,
            })
        })
        .collect())
}

async fn first_free(
    m: &Mediator,
    from: Date,
    days: u32,
    ctx: &ServerCtx,
    now_ms: i64,
) -> Result<Option<i64>> {
    Ok(free_slots(m, from, days, ctx, now_ms)
        .await?
        .first()
        .map(|s| s.start_ms))
}

/// A mediator's truly free slots: availability minus bookings, leave and public holidays, Asia/Shanghai.
pub async fn free_slots(
    m: &Mediator,
    from: Date,
    days: u32,
    ctx: &ServerCtx,
    now_ms: i64,
) -> Result<Vec<Slot>> {
    let days = days.clamp(1, slots::MAX_DAYS);
    let to = domain::calendar::add_days(from, i64::from(days));
    let absences = store::absences(&ctx.db, &m.id, from, to).await?;
    let from_ms = day_start_ms(from);
    let taken = store::taken(&ctx.db, &m.id, from_ms, day_start_ms(to) + 86_400_000).await?;
    Ok(slots::free_slots(&SlotQuery {
        windows: &m.windows,
        absences: &absences,
        calendar: &ctx.calendar,
        taken: &taken,
        from,
        days,
        now_ms,
        min_notice_ms: MIN_LEAD_MS,
    }))
}

/// Whether `start` is one of the mediator's bookable hours, bookings aside: availability minus leave, holidays
/// and the lead time. (Bookings are left to the unique index, so two people racing for one slot both pass here
/// and exactly one insert wins.)
async fn is_open_hour(m: &Mediator, start: i64, ctx: &ServerCtx, now_ms: i64) -> Result<bool> {
    let day = domain::date::shanghai_date(start);
    let absences = store::absences(&ctx.db, &m.id, day, day).await?;
    Ok(slots::is_offered(
        &SlotQuery {
            windows: &m.windows,
            absences: &absences,
            calendar: &ctx.calendar,
            taken: &[],
            from: day,
            days: 1,
            now_ms,
            min_notice_ms: MIN_LEAD_MS,
        },
        start,
    ))
}

/// Midnight in Asia/Shanghai of a date, as UTC ms.
fn day_start_ms(d: Date) -> i64 {
    d.to_days() * 86_400_000 - domain::date::SHANGHAI_OFFSET_MS
}

pub async fn mediator(
    ctx: &ServerCtx,
    id: &str,
) -> Result<(Mediator, db::mediation::Organisation)> {
    let id: String = id.chars().take(64).collect();
    let m = store::mediator(&ctx.db, &id)
        .await?
        .filter(|m| m.active)
        .ok_or(MediationError::NotFound)?;
    let org = store::organisations(&ctx.db)
        .await?
        .into_iter()
        .find(|o| o.code == m.org_code)
        .ok_or_else(|| MediationError::internal("mediator without organisation"))?;
    Ok((m, org))
}

/// The public slots of one mediator.
pub async fn mediator_slots(
    ctx: &ServerCtx,
    id: &str,
    from: Option<&str>,
    days: Option<u32>,
    now_ms: i64,
) -> Result<Vec<Slot>> {
    let (m, _) = mediator(ctx, id).await?;
    let today = domain::date::shanghai_date(now_ms);
    let from = match from.map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(s) => {
            Date::parse_iso(s).ok_or(MediationError::field("from", FieldError::DateFormat))?
        }
    };
    // A look far back or far ahead is nobody's booking: bounded to a year either way.
    if (from.to_days() - today.to_days()).abs() > 366 {
        return Err(MediationError::field("from", FieldError::DateFormat));
    }
    free_slots(&m, from, days.unwrap_or(14), ctx, now_ms).await
}

// ---------------------------------------------------------------------------------------------------------------
// Booking

/// The other party as the requester names them.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct RespondentInput {
    pub name: String,
    pub mobile: String,
    /// An enterprise's unified social credit code, when the other party is one.
    pub uscc: String,
}

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct BookInput {
    pub cause: String,
    pub court_code: String,
    pub mediator_id: String,
    /// RFC 3339, one of the mediator's free slots.
    pub start: String,
    /// `in_person` or `video`.
    pub mode: String,
    pub summary: String,
    pub respondent: RespondentInput,
    /// A filing the court diverted to pre-litigation mediation: its parties, claims and court come along.
    pub filing_id: String,
    /// Completes this hold (the time chosen first, see [`hold`]): its mediator and time are the hold's.
    pub hold_id: String,
}

pub struct Booked {
    pub mediation: Mediation,
    /// The link the invited party answers with (also sent to their mobile). Shown to the requester so that it can
    /// be passed on by hand when no message arrives.
    pub invitation_link: String,
}

fn bounded(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.push(field, FieldError::Required);
    } else if v.chars().count() > max {
        errors.push(field, FieldError::TooLong);
    }
    v.to_string()
}

/// Books a mediation: checks the input, the slot (the server re-runs the slot rules), and who the other party is;
/// inserts the booking (the database refuses a second booking of the slot) and invites the other party.
pub async fn book(caller: &Caller, input: &BookInput, ctx: &ServerCtx) -> Result<Booked> {
    book_or_hold(caller, input, false, ctx).await
}

/// Holds a chosen time for [`rules::HOLD_MINUTES`] while the requester gives the details (the other party, the
/// dispute, in person or by video): nobody else can take it meanwhile. Checks the mediator, the court, the cause
/// and the time as a booking does; completing it is [`book`] with `hold_id`.
pub async fn hold(caller: &Caller, input: &BookInput, ctx: &ServerCtx) -> Result<Mediation> {
    Ok(book_or_hold(caller, input, true, ctx).await?.mediation)
}

/// The hold being completed: the caller's own (or, for a diverted filing, one a clerk of its court made), still
/// held and in time.
async fn held_for(caller: &Caller, user: &Account, id: &str, ctx: &ServerCtx) -> Result<Mediation> {
    let id: String = id.chars().take(64).collect();
    let m = store::get(&ctx.db, &id)
        .await?
        .ok_or(MediationError::NotFound)?;
    let mine =
        m.requester_id == user.id || (m.filing_id.is_some() && is_court_staff(user, &m.court_code));
    if !mine {
        return Err(MediationError::NotFound);
    }
    let m = settle_clock(ctx, m, caller.now_ms, caller.today).await?;
    if m.status != MediationStatus::Held {
        return Err(MediationError::HoldExpired);
    }
    Ok(m)
}

async fn book_or_hold(
    caller: &Caller,
    input: &BookInput,
    hold_only: bool,
    ctx: &ServerCtx,
) -> Result<Booked> {
    let user = account(caller)?;
    let mut errors = FieldErrors::default();
    let held = match input.hold_id.trim() {
        "" => None,
        id if !hold_only => Some(held_for(caller, user, id, ctx).await?),
        _ => None,
    };
    // A hold fixes the mediator, the time and (for a diverted filing) the filing.
    let input = match &held {
        Some(h) => BookInput {
            mediator_id: h.mediator_id.clone(),
            start: slots::rfc3339_shanghai(h.start_ms),
            filing_id: h.filing_id.clone().unwrap_or_default(),
            cause: if input.cause.trim().is_empty() {
                h.cause.clone()
            } else {
                input.cause.clone()
            },
            court_code: if input.court_code.trim().is_empty() {
                h.court_code.clone()
            } else {
                input.court_code.clone()
            },
            ..input.clone()
        },
        None => input.clone(),
    };
    let input = &input;
    let filing_id = input.filing_id.trim();
    // A diverted filing: its filer books (or a clerk of its court assigns), and its answers come along.
    let from_filing = if filing_id.is_empty() {
        if user.kind.is_staff() {
            return Err(MediationError::Forbidden);
        }
        None
    } else {
        let (filing, _) = crate::filing::service::visible(caller, filing_id, ctx).await?;
        let court = filing
            .competent_court_code
            .clone()
            .or(filing.court_code.clone())
            .unwrap_or_default();
        let may = filing.filer_id == user.id
            || (user.kind == AccountKind::Clerk || user.kind == AccountKind::CourtAdmin)
                && user.court_code.as_deref() == Some(court.as_str());
        if !may {
            return Err(MediationError::NotFound);
        }
        if filing.status != domain::filing_status::FilingStatus::Diverted {
            return Err(MediationError::Conflict);
        }
        if let Some(open) = store::of_filing(&ctx.db, &filing.id).await? {
            let this_hold = held.as_ref().is_some_and(|h| h.id == open.id);
            let open = settle_clock(ctx, open, caller.now_ms, caller.today).await?;
            if !this_hold
                && !matches!(
                    open.status,
                    MediationStatus::Declined
                        | MediationStatus::Expired
                        | MediationStatus::Cancelled
                )
            {
                return Err(MediationError::Conflict);
            }
        }
        Some((filing, court))
    };
    let (cause, court_code, summary, respondent, requester_id, requester_name, requester_mobile) =
        match &from_filing {
            Some((filing, court)) => {
                let d = &filing.draft;
                let plaintiff = d.parties.iter().find(|p| p.role == "plaintiff");
                let defendant = d.parties.iter().find(|p| p.role == "defendant");
                let claims: Vec<String> = d
                    .claims
                    .iter()
                    .map(|c| {
                        if c.amount.trim().is_empty() {
                            c.text.clone()
                        } else {
                            format!("{}（{}元）", c.text, c.amount.trim())
                        }
                    })
                    .collect();
                let summary = format!("{}\n{}", claims.join("；"), d.facts.trim());
                let filer = db::accounts::get(&ctx.db, &filing.filer_id)
                    .await?
                    .ok_or(MediationError::NotFound)?;
                (
                    d.cause.clone(),
                    court.clone(),
                    summary.chars().take(MAX_SUMMARY_CHARS).collect::<String>(),
                    RespondentInput {
                        name: defendant.map(|p| p.name.clone()).unwrap_or_default(),
                        mobile: defendant.map(|p| p.mobile.clone()).unwrap_or_default(),
                        uscc: defendant.map(|p| p.uscc.clone()).unwrap_or_default(),
                    },
                    filer.id.clone(),
                    plaintiff
                        .map(|p| p.name.clone())
                        .unwrap_or(filer.display_name.clone()),
                    plaintiff
                        .map(|p| p.mobile.clone())
                        .filter(|m| !m.trim().is_empty())
                        .or(filer.mobile.clone()),
                )
            }
            None if hold_only => (
                input.cause.trim().to_string(),
                input.court_code.trim().to_string(),
                String::new(),
                RespondentInput::default(),
                user.id.clone(),
                user.display_name.clone(),
                user.mobile.clone(),
            ),
            None => (
                input.cause.trim().to_string(),
                input.court_code.trim().to_string(),
                bounded(&mut errors, "summary", &input.summary, MAX_SUMMARY_CHARS),
                input.respondent.clone(),
                user.id.clone(),
                user.display_name.clone(),
                user.mobile.clone(),
            ),
        };
    let today = caller.today;
    if domain::catalogue::cause(&cause).is_none() {
        errors.push("cause", FieldError::UnknownChoice);
    }
    if !db::courts::exists(&ctx.db, &court_code).await? {
        errors.push("court_code", FieldError::UnknownChoice);
    }
    let mediator_id: String = input.mediator_id.trim().chars().take(64).collect();
    let chosen = store::mediator(&ctx.db, &mediator_id)
        .await?
        .filter(|m| m.active);
    let org = match &chosen {
        None => {
            errors.push("mediator_id", FieldError::UnknownChoice);
            None
        }
        Some(m) => {
            if !m.courts.contains(&court_code) && errors.get("court_code").is_none() {
                errors.push("mediator_id", FieldError::UnknownChoice);
            }
            store::organisations(&ctx.db)
                .await?
                .into_iter()
                .find(|o| o.code == m.org_code)
        }
    };
    let mode = if hold_only {
        Some(MediationMode::InPerson)
    } else {
        MediationMode::from_code(input.mode.trim())
    };
    if mode.is_none() {
        errors.push("mode", FieldError::UnknownChoice);
    }
    let start = slots::parse_rfc3339(input.start.trim());
    if input.start.trim().is_empty() {
        errors.push("start", FieldError::Required);
    } else if start.is_none() {
        errors.push("start", FieldError::DateFormat);
    }
    // The other party: named when the booking is made (a hold names them later).
    let (respondent_name, mobile, uscc) = if hold_only {
        (String::new(), None, String::new())
    } else {
        let respondent_name = bounded(&mut errors, "respondent.name", &respondent.name, 100);
        let mobile = respondent.mobile.trim();
        let uscc = respondent.uscc.trim().to_ascii_uppercase();
        let mobile = if mobile.is_empty() {
            if uscc.is_empty() {
                errors.push("respondent.mobile", FieldError::Required);
            }
            None
        } else {
            match domain::Mobile::parse(mobile) {
                Ok(m) => Some(m.as_str().to_string()),
                Err(e) => {
                    errors.push("respondent.mobile", e);
                    None
                }
            }
        };
        if !uscc.is_empty() {
            if let Err(e) = domain::Uscc::parse(&uscc) {
                errors.push("respondent.uscc", e);
            }
        }
        if mobile.is_some() && mobile == requester_mobile {
            errors.push("respondent.mobile", FieldError::SuesItself);
        }
        (respondent_name, mobile, uscc)
    };
    // The slot, as the server sees it now: one of the mediator's hours, not on leave or a holiday, not too soon.
    // Whether someone else holds it is the database's to say (a taken slot is a 409 with the next free ones).
    if let (Some(m), Some(start)) = (&chosen, start) {
        if !is_open_hour(m, start, ctx, caller.now_ms).await? {
            errors.push("start", FieldError::SlotNotOffered);
        }
    }
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    let (Some(m), Some(org), Some(mode), Some(start)) = (chosen, org, mode, start) else {
        return Err(MediationError::internal("checked above"));
    };
    // Every booking sends a text message to another person: bounded per account and per recipient, a day.
    let (made, received) = store::recent_bookings(
        &ctx.db,
        &requester_id,
        mobile.as_deref(),
        caller.now_ms - 86_400_000,
    )
    .await?;
    if made >= MAX_BOOKINGS_A_DAY || received >= MAX_INVITATIONS_TO_ONE_MOBILE_A_DAY {
        return Err(MediationError::TooMany);
    }
    // The respondent's account, if the mobile or credit code has one (never the requester's own).
    let found = match (&mobile, uscc.is_empty()) {
        (Some(mb), _) => db::accounts::find_public(&ctx.db, mb).await?,
        (None, false) => db::accounts::find_public(&ctx.db, &uscc).await?,
        (None, true) => None,
    }
    .filter(|a| a.id != requester_id);
    let priority = user.kind == AccountKind::Enterprise
        || found
            .as_ref()
            .is_some_and(|a| a.kind == AccountKind::Enterprise)
        || !uscc.is_empty();
    let requester_name = if requester_name.trim().is_empty() {
        user.display_name.clone()
    } else {
        requester_name
    };
    let period_from = match &from_filing {
        // Diverted: the period runs from the diversion (the filing's mediation deadline already counts it).
        Some((filing, _)) => filing
            .review_deadline
            .as_deref()
            .and_then(Date::parse_iso)
            .map(|end| domain::calendar::add_days(end, -rules::MEDIATION_PERIOD_DAYS))
            .unwrap_or(today),
        None => today,
    };
    let new = store::NewMediation {
        cause: &cause,
        court_code: &court_code,
        mediator_id: &m.id,
        start_ms: start,
        end_ms: start + i64::from(slots::SLOT_MINUTES) * 60_000,
        mode,
        place: match mode {
            MediationMode::InPerson => &org.address,
            MediationMode::Video => "",
        },
        summary: &summary,
        requester_id: &requester_id,
        filing_id: from_filing.as_ref().map(|(f, _)| f.id.as_str()),
        priority,
        invite_expires_at: if hold_only {
            caller.now_ms + rules::HOLD_MINUTES * 60_000
        } else {
            rules::invitation_expires(caller.now_ms, start)
        },
        period_from,
        status: if hold_only {
            MediationStatus::Held
        } else {
            MediationStatus::Invited
        },
        parties: {
            let mut parties = vec![store::NewParty {
                role: MediationRole::Requester,
                account_id: Some(&requester_id),
                name: &requester_name,
                mobile: requester_mobile.as_deref(),
            }];
            if !hold_only {
                parties.push(store::NewParty {
                    role: MediationRole::Respondent,
                    account_id: found.as_ref().map(|a| a.id.as_str()),
                    name: &respondent_name,
                    mobile: mobile.as_deref(),
                });
            }
            parties
        },
    };
    let saved = match &held {
        Some(h) => store::submit_hold(&ctx.db, h, &new, caller.now_ms)
            .await
            .map_err(|e| match e {
                db::mediation::MediationError::Conflict => db::mediation::MediationError::SlotTaken,
                other => other,
            }),
        None => store::create(&ctx.db, &new, caller.now_ms).await,
    };
    let created = match saved {
        Err(db::mediation::MediationError::SlotTaken) => {
            let next = free_slots(
                &m,
                domain::date::shanghai_date(start),
                14,
                ctx,
                caller.now_ms,
            )
            .await?
            .into_iter()
            .take(5)
            .collect();
            return Err(MediationError::SlotTaken { next });
        }
        other => other?,
    };
    if hold_only {
        return Ok(Booked {
            mediation: created,
            invitation_link: String::new(),
        });
    }
    let link = invitation_link(ctx, &created);
    let recipient = mobile
        .clone()
        .map(crate::notify::Recipient::Mobile)
        .or_else(|| found.as_ref().and_then(crate::notify::Recipient::of));
    if let Some(recipient) = recipient {
        let body =
            format!(
            "【人民法院调解平台】{}申请与您调解（{}），时间 {}，调解员 {}。是否同意调解请打开：{}",
            domain::mask::name(&requester_name),
            domain::catalogue::cause(&cause).map(|c| c.name).unwrap_or(""),
            slots::rfc3339_shanghai(start).replace('T', " ").get(..16).unwrap_or(""),
            m.name,
            link
        );
        notify(
            ctx,
            found.as_ref().map(|a| a.id.clone()),
            recipient,
            crate::notify::Purpose::MediationInvite,
            body,
            caller.now_ms,
        )
        .await;
    }
    Ok(Booked {
        mediation: created,
        invitation_link: link,
    })
}

async fn notify(
    ctx: &ServerCtx,
    account_id: Option<String>,
    recipient: crate::notify::Recipient,
    purpose: crate::notify::Purpose,
    body: String,
    at: i64,
) {
    let message = crate::notify::Notification {
        account_id,
        purpose,
        recipient,
        subject: "人民法院调解平台".into(),
        body,
        calendar: None,
        at,
    };
    // A message that cannot be stored is logged; the booking itself stands and its link is shown to the requester.
    if let Err(e) = ctx.notifier.send(&message).await {
        tracing::warn!(error = %e, purpose = purpose.code(), "mediation message not sent");
    }
}

/// The signed link the invited party answers with; valid until the invitation expires.
pub fn invitation_link(ctx: &ServerCtx, m: &Mediation) -> String {
    let expires = m.invite_expires_at.unwrap_or(m.start_ms);
    format!(
        "/mediations/{}/invitation?t={}",
        m.id,
        ctx.keys.sign_link(LINK_PURPOSE, &m.id, expires)
    )
}

fn link_valid(ctx: &ServerCtx, m: &Mediation, token: &str, now: i64) -> bool {
    token.len() <= 64 && ctx.keys.verify_link(LINK_PURPOSE, &m.id, token, now)
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/// Applies what the clock decided since the last look: an unanswered invitation expires, a mediation period
/// that ran out without an agreement fails. Each is a transition with its event, taken by the portal.
async fn settle_clock(ctx: &ServerCtx, m: Mediation, now: i64, today: Date) -> Result<Mediation> {
    let due = match m.status {
        MediationStatus::Held | MediationStatus::Invited
            if m.invite_expires_at.is_some_and(|e| e < now) =>
        {
            Some(MediationAction::Expire)
        }
        MediationStatus::Scheduled
            if rules::period_end(&ctx.calendar, m.period_from, m.extension_days).date < today
                && m.end_ms < now =>
        {
            Some(MediationAction::TimeOut)
        }
        _ => None,
    };
    match due {
        None => Ok(m),
        Some(action) => {
            match store::transition(
                &ctx.db,
                &m,
                action,
                MediationRole::System,
                None,
                Changes::default(),
                "",
                now,
            )
            .await
            {
                Ok(next) => Ok(next),
                // Someone else (another instance, another request) moved it first: read what is there.
                Err(db::mediation::MediationError::Conflict) => Ok(store::get(&ctx.db, &m.id)
                    .await?
                    .ok_or(MediationError::NotFound)?),
                Err(e) => Err(e.into()),
            }
        }
    }
}

/// Who the caller is in this mediation, if anyone.
async fn role_of(
    ctx: &ServerCtx,
    user: &Account,
    m: &Mediation,
    parties: &[Party],
) -> Result<Option<MediationRole>> {
    if let Some(p) = parties
        .iter()
        .find(|p| p.account_id.as_deref() == Some(user.id.as_str()))
    {
        return Ok(Some(p.role));
    }
    if user.kind == AccountKind::Mediator {
        if let Some(me) = store::mediator_of_account(&ctx.db, &user.id).await? {
            if me.id == m.mediator_id {
                return Ok(Some(MediationRole::Mediator));
            }
        }
    }
    if is_court_staff(user, &m.court_code) {
        return Ok(Some(MediationRole::Staff));
    }
    Ok(None)
}

/// Everything about one mediation the caller may see.
pub struct MediationView {
    pub mediation: Mediation,
    pub parties: Vec<Party>,
    pub events: Vec<MediationEvent>,
    pub mediator: Mediator,
    pub org: db::mediation::Organisation,
    pub confirmation: Option<Confirmation>,
    pub role: MediationRole,
    /// The end of the mediation period (30 days, extended once).
    pub period_end: domain::calendar::Deadline,
    /// The last day to apply for judicial confirmation, once the agreement is in effect.
    pub confirmation_deadline: Option<domain::calendar::Deadline>,
    /// The invitation link, for the requester while the other party has not answered.
    pub invitation_link: Option<String>,
}

impl MediationView {
    /// The actions the caller may take now (state and role both allow).
    pub fn actions(&self) -> Vec<MediationAction> {
        MediationAction::ALL
            .into_iter()
            .filter(|a| a.allowed_for(self.role) && self.mediation.status.next(*a).is_some())
            .filter(|a| *a != MediationAction::Extend || self.mediation.extension_days == 0)
            .collect()
    }

    /// Every action the caller may take now, by its code: the state machine's, then signing and applying for
    /// confirmation (the API lists these; the pages show a form for each).
    pub fn action_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self
            .actions()
            .iter()
            .map(|a| a.code().to_string())
            .collect();
        if self.may_sign() {
            codes.push("sign".into());
        }
        if self.may_apply() {
            codes.push("apply_confirmation".into());
        }
        codes
    }

    /// A party's name and mobile as the caller may see them: their own in full; the mediator and the court see
    /// names in full; a party sees the other's name masked (张*) until an agreement names both; another's mobile
    /// is always masked.
    pub fn party_shown(&self, p: &Party) -> (String, Option<String>) {
        let own = p.role == self.role;
        let full_names = !self.role.is_party() || self.mediation.has_agreement();
        let name = if own || full_names {
            p.name.clone()
        } else {
            p.name_masked.clone()
        };
        let mobile = if own {
            p.mobile.clone()
        } else {
            p.mobile_masked.clone()
        };
        (name, mobile)
    }

    pub fn own_party(&self) -> Option<&Party> {
        self.parties.iter().find(|p| p.role == self.role)
    }

    pub fn may_sign(&self) -> bool {
        self.mediation.has_agreement() && self.own_party().is_some_and(|p| p.signed_at.is_none())
    }

    pub fn may_apply(&self) -> bool {
        self.mediation.effective_on.is_some()
            && self.own_party().is_some_and(|p| p.applied_at.is_none())
            && self
                .confirmation
                .as_ref()
                .is_none_or(|c| c.status == domain::mediation::ConfirmationStatus::Applying)
    }
}

/// Binds invitations sent to the caller's own mobile number before they had an account.
async fn bind_own(ctx: &ServerCtx, user: &Account, now: i64) -> Result<()> {
    if let Some(mobile) = user.mobile.as_deref().filter(|m| !m.is_empty()) {
        if !user.kind.is_staff() {
            store::bind_by_mobile(&ctx.db, &user.id, mobile, now).await?;
        }
    }
    Ok(())
}

pub async fn view(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<MediationView> {
    let user = account(caller)?;
    bind_own(ctx, user, caller.now_ms).await?;
    let id: String = id.chars().take(64).collect();
    let m = store::get(&ctx.db, &id)
        .await?
        .ok_or(MediationError::NotFound)?;
    let parties = store::parties(&ctx.db, &m.id).await?;
    let role = role_of(ctx, user, &m, &parties)
        .await?
        .ok_or(MediationError::NotFound)?;
    let m = settle_clock(ctx, m, caller.now_ms, caller.today).await?;
    assemble(ctx, m, role).await
}

async fn assemble(ctx: &ServerCtx, m: Mediation, role: MediationRole) -> Result<MediationView> {
    let parties = store::parties(&ctx.db, &m.id).await?;
    let events = store::events(&ctx.db, &m.id).await?;
    let (mediator, org) = {
        let med = store::mediator(&ctx.db, &m.mediator_id)
            .await?
            .ok_or(MediationError::NotFound)?;
        let org = store::organisations(&ctx.db)
            .await?
            .into_iter()
            .find(|o| o.code == med.org_code)
            .ok_or_else(|| MediationError::internal("mediator without organisation"))?;
        (med, org)
    };
    let confirmation = store::confirmation_of(&ctx.db, &m.id).await?;
    let invitation_link = (role == MediationRole::Requester
        && m.status == MediationStatus::Invited)
        .then(|| invitation_link(ctx, &m));
    Ok(MediationView {
        period_end: rules::period_end(&ctx.calendar, m.period_from, m.extension_days),
        confirmation_deadline: m
            .effective_on
            .map(|d| rules::confirmation_deadline(&ctx.calendar, d)),
        mediation: m,
        parties,
        events,
        mediator,
        org,
        confirmation,
        role,
        invitation_link,
    })
}

/// What the link holder sees before answering: who invites them to what, when and where — the requester's name
/// masked, nothing else personal.
pub struct InvitationView {
    pub mediation: Mediation,
    pub requester_masked: String,
    pub respondent_masked: String,
    pub mediator_name: String,
    pub org_name: String,
}

pub async fn invitation(
    ctx: &ServerCtx,
    id: &str,
    token: &str,
    now: i64,
    today: Date,
) -> Result<InvitationView> {
    let id: String = id.chars().take(64).collect();
    let m = store::get(&ctx.db, &id)
        .await?
        .ok_or(MediationError::LinkInvalid)?;
    if !link_valid(ctx, &m, token, now) {
        return Err(MediationError::LinkInvalid);
    }
    let m = settle_clock(ctx, m, now, today).await?;
    let parties = store::parties(&ctx.db, &m.id).await?;
    let (med, org) = mediator(ctx, &m.mediator_id).await?;
    let masked = |r: MediationRole| {
        parties
            .iter()
            .find(|p| p.role == r)
            .map(|p| p.name_masked.clone())
            .unwrap_or_default()
    };
    Ok(InvitationView {
        requester_masked: masked(MediationRole::Requester),
        respondent_masked: masked(MediationRole::Respondent),
        mediator_name: med.name,
        org_name: org.name,
        mediation: m,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Changes

fn reason(errors: &mut FieldErrors, value: &str, required: bool) -> String {
    let v = value.trim();
    if v.is_empty() && required {
        errors.push("reason", FieldError::Required);
    } else if v.chars().count() > MAX_REASON_CHARS {
        errors.push("reason", FieldError::TooLong);
    }
    v.to_string()
}

/// The invited party answers: logged in as the bound respondent, or holding the signed link (which, when they
/// are logged in, binds their account to the invitation). Declining needs a reason; it frees the slot.
pub async fn respond(
    caller: &Caller,
    id: &str,
    token: Option<&str>,
    accept: bool,
    why: &str,
    ctx: &ServerCtx,
) -> Result<MediationView> {
    let id: String = id.chars().take(64).collect();
    let m = store::get(&ctx.db, &id).await?;
    let by_link = match (&m, token) {
        (Some(m), Some(t)) => link_valid(ctx, m, t, caller.now_ms),
        _ => false,
    };
    let m = match m {
        Some(m) => m,
        None if token.is_some() => return Err(MediationError::LinkInvalid),
        None => return Err(MediationError::NotFound),
    };
    if let Some(user) = &caller.user {
        bind_own(ctx, user, caller.now_ms).await?;
    }
    let mut parties = store::parties(&ctx.db, &m.id).await?;
    let respondent = parties
        .iter()
        .find(|p| p.role == MediationRole::Respondent)
        .ok_or(MediationError::NotFound)?;
    let is_bound_respondent = caller
        .user
        .as_ref()
        .is_some_and(|u| respondent.account_id.as_deref() == Some(u.id.as_str()));
    if !is_bound_respondent && !by_link {
        return match (token, &caller.user) {
            (Some(_), _) => Err(MediationError::LinkInvalid),
            (None, None) => Err(MediationError::Unauthorized),
            (None, Some(u)) => match role_of(ctx, u, &m, &parties).await? {
                Some(_) => Err(MediationError::Forbidden),
                None => Err(MediationError::NotFound),
            },
        };
    }
    if by_link && !is_bound_respondent {
        if let Some(u) = &caller.user {
            if u.id == m.requester_id {
                return Err(MediationError::Forbidden);
            }
            if !u.kind.is_staff() && respondent.account_id.is_none() {
                store::bind_party(
                    &ctx.db,
                    &m.id,
                    MediationRole::Respondent,
                    &u.id,
                    caller.now_ms,
                )
                .await?;
                parties = store::parties(&ctx.db, &m.id).await?;
            }
        }
    }
    let mut errors = FieldErrors::default();
    let why = reason(&mut errors, why, !accept);
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    let m = settle_clock(ctx, m, caller.now_ms, caller.today).await?;
    let action = if accept {
        MediationAction::Accept
    } else {
        MediationAction::Decline
    };
    let actor = caller.user.as_ref().map(|u| u.id.as_str());
    let next = store::transition(
        &ctx.db,
        &m,
        action,
        MediationRole::Respondent,
        actor,
        Changes {
            answer: Some((MediationRole::Respondent, &why)),
            ..Default::default()
        },
        &why,
        caller.now_ms,
    )
    .await?;
    tell_requester(
        ctx,
        &next,
        if accept {
            "对方已同意调解，预约已确认。"
        } else {
            "对方不同意调解，预约已取消，时间已释放。您可以另选调解员或时间，或者网上立案。"
        },
        caller.now_ms,
    )
    .await?;
    // A video session agreed: everyone gets their personal join link.
    super::meeting::send_links(ctx, &next, caller.now_ms).await?;
    let _ = parties;
    assemble(ctx, next, MediationRole::Respondent).await
}

async fn tell_requester(ctx: &ServerCtx, m: &Mediation, what: &str, now: i64) -> Result<()> {
    if let Some(a) = db::accounts::get(&ctx.db, &m.requester_id).await? {
        if let Some(r) = crate::notify::Recipient::of(&a) {
            notify(
                ctx,
                Some(a.id.clone()),
                r,
                crate::notify::Purpose::MediationNotice,
                format!("【人民法院调解平台】您预约的调解：{what}"),
                now,
            )
            .await;
        }
    }
    Ok(())
}

/// Tells the parties other than the one acting what changed (by their account's channel, else the mobile the
/// booking named). A message that cannot be sent is logged; the change stands.
async fn tell_parties(
    ctx: &ServerCtx,
    m: &Mediation,
    acting: MediationRole,
    what: &str,
    now: i64,
) -> Result<()> {
    for p in store::parties(&ctx.db, &m.id).await? {
        if p.role == acting {
            continue;
        }
        let account = match &p.account_id {
            Some(id) => db::accounts::get(&ctx.db, id).await?,
            None => None,
        };
        let recipient = account
            .as_ref()
            .and_then(crate::notify::Recipient::of)
            .or_else(|| p.mobile.clone().map(crate::notify::Recipient::Mobile));
        if let Some(r) = recipient {
            notify(
                ctx,
                account.map(|a| a.id),
                r,
                crate::notify::Purpose::MediationNotice,
                format!(
                    "【人民法院调解平台】{}（{}）：{what}",
                    domain::catalogue::cause(&m.cause)
                        .map(|c| c.name)
                        .unwrap_or("调解"),
                    slots::rfc3339_shanghai(m.start_ms)
                        .replace('T', " ")
                        .get(..16)
                        .unwrap_or("")
                ),
                now,
            )
            .await;
        }
    }
    Ok(())
}

/// The caller's role, checked against the action, or `NotFound`/`Forbidden`.
async fn acting(
    caller: &Caller,
    id: &str,
    action: MediationAction,
    ctx: &ServerCtx,
) -> Result<(Mediation, MediationRole, String)> {
    let user = account(caller)?;
    bind_own(ctx, user, caller.now_ms).await?;
    let id: String = id.chars().take(64).collect();
    let m = store::get(&ctx.db, &id)
        .await?
        .ok_or(MediationError::NotFound)?;
    let parties = store::parties(&ctx.db, &m.id).await?;
    let role = role_of(ctx, user, &m, &parties)
        .await?
        .ok_or(MediationError::NotFound)?;
    if !action.allowed_for(role) {
        return Err(MediationError::Forbidden);
    }
    let m = settle_clock(ctx, m, caller.now_ms, caller.today).await?;
    if m.status.next(action).is_none() {
        return Err(MediationError::Conflict);
    }
    Ok((m, role, user.id.clone()))
}

/// Moves a booking to another free slot of the same mediator. A party may do so up to the notice period before
/// the start; the mediator always. The new slot is checked like a new booking and held by the same unique index.
pub async fn reschedule(
    caller: &Caller,
    id: &str,
    start: &str,
    ctx: &ServerCtx,
) -> Result<MediationView> {
    let (m, role, actor) = acting(caller, id, MediationAction::Reschedule, ctx).await?;
    let hours = notice_hours();
    if !rules::within_notice(role, caller.now_ms, m.start_ms, hours) {
        return Err(MediationError::TooLate { hours });
    }
    let start = slots::parse_rfc3339(start.trim())
        .ok_or(MediationError::field("start", FieldError::DateFormat))?;
    let med = store::mediator(&ctx.db, &m.mediator_id)
        .await?
        .ok_or(MediationError::NotFound)?;
    if start == m.start_ms || !is_open_hour(&med, start, ctx, caller.now_ms).await? {
        return Err(MediationError::field("start", FieldError::SlotNotOffered));
    }
    let note = format!(
        "{} → {}",
        slots::rfc3339_shanghai(m.start_ms),
        slots::rfc3339_shanghai(start)
    );
    let next = match store::transition(
        &ctx.db,
        &m,
        MediationAction::Reschedule,
        role,
        Some(&actor),
        Changes {
            start_ms: Some((start, start + i64::from(slots::SLOT_MINUTES) * 60_000)),
            invite_expires_at: (m.status == MediationStatus::Invited)
                .then(|| rules::invitation_expires(caller.now_ms, start)),
            ..Default::default()
        },
        &note,
        caller.now_ms,
    )
    .await
    {
        Err(db::mediation::MediationError::SlotTaken) => {
            let next = free_slots(
                &med,
                domain::date::shanghai_date(start),
                14,
                ctx,
                caller.now_ms,
            )
            .await?
            .into_iter()
            .take(5)
            .collect();
            return Err(MediationError::SlotTaken { next });
        }
        other => other?,
    };
    tell_parties(
        ctx,
        &next,
        role,
        &format!(
            "调解时间已改为 {}",
            slots::rfc3339_shanghai(next.start_ms)
                .replace('T', " ")
                .get(..16)
                .unwrap_or("")
        ),
        caller.now_ms,
    )
    .await?;
    // The old links now say where the meeting went; the new ones go out.
    super::meeting::send_links(ctx, &next, caller.now_ms).await?;
    assemble(ctx, next, role).await
}

/// Withdraws from a booking (mediation is voluntary), with the reason; the slot is freed at once.
pub async fn cancel(
    caller: &Caller,
    id: &str,
    why: &str,
    ctx: &ServerCtx,
) -> Result<MediationView> {
    let (m, role, actor) = acting(caller, id, MediationAction::Cancel, ctx).await?;
    let hours = notice_hours();
    if !rules::within_notice(role, caller.now_ms, m.start_ms, hours) {
        return Err(MediationError::TooLate { hours });
    }
    let mut errors = FieldErrors::default();
    let why = reason(&mut errors, why, true);
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    let next = store::transition(
        &ctx.db,
        &m,
        MediationAction::Cancel,
        role,
        Some(&actor),
        Changes::default(),
        &why,
        caller.now_ms,
    )
    .await?;
    tell_parties(
        ctx,
        &next,
        role,
        &format!("调解已取消（{why}）"),
        caller.now_ms,
    )
    .await?;
    assemble(ctx, next, role).await
}

/// The mediator extends the period once, with both parties' consent and the reason recorded.
pub async fn extend(
    caller: &Caller,
    id: &str,
    days: i64,
    why: &str,
    ctx: &ServerCtx,
) -> Result<MediationView> {
    let (m, role, actor) = acting(caller, id, MediationAction::Extend, ctx).await?;
    if m.extension_days > 0 {
        return Err(MediationError::ExtendedOnce);
    }
    let mut errors = FieldErrors::default();
    let why = reason(&mut errors, why, true);
    if !(1..=rules::MAX_EXTENSION_DAYS).contains(&days) {
        errors.push("days", FieldError::UnknownChoice);
    }
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    let next = store::transition(
        &ctx.db,
        &m,
        MediationAction::Extend,
        role,
        Some(&actor),
        Changes {
            extension: Some((days, &why)),
            ..Default::default()
        },
        &format!("+{days} {why}"),
        caller.now_ms,
    )
    .await?;
    assemble(ctx, next, role).await
}

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct OutcomeInput {
    /// `success`, `partial` or `failure`.
    pub result: String,
    /// The agreed terms (success, partial).
    pub terms: Vec<Term>,
    /// What stays in dispute (partial).
    pub unsettled: String,
    pub note: String,
}

/// The mediator records the outcome: an agreement (whole or partial) drafted from the terms for the parties to
/// sign, or failure, after which either party may take the matter to court.
pub async fn outcome(
    caller: &Caller,
    id: &str,
    input: &OutcomeInput,
    ctx: &ServerCtx,
) -> Result<MediationView> {
    let action = match input.result.trim() {
        "success" => MediationAction::RecordSuccess,
        "partial" => MediationAction::RecordPartial,
        "failure" => MediationAction::RecordFailure,
        _ => return Err(MediationError::field("result", FieldError::UnknownChoice)),
    };
    let (m, role, actor) = acting(caller, id, action, ctx).await?;
    let mut errors = FieldErrors::default();
    if action != MediationAction::RecordFailure {
        if let Err(e) = rules::validate_terms(&input.terms, caller.today) {
            errors.0.extend(e.0);
        }
    }
    let unsettled = input.unsettled.trim();
    if action == MediationAction::RecordPartial {
        bounded(&mut errors, "unsettled", unsettled, MAX_SUMMARY_CHARS);
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_SUMMARY_CHARS {
        errors.push("note", FieldError::TooLong);
    }
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    let terms: Vec<Term> = input
        .terms
        .iter()
        .map(|t| Term {
            text: t.text.trim().to_string(),
            amount_fen: t.amount_fen,
            due_on: t.due_on.clone(),
        })
        .collect();
    let next = store::transition(
        &ctx.db,
        &m,
        action,
        role,
        Some(&actor),
        Changes {
            terms: (action != MediationAction::RecordFailure).then_some(terms.as_slice()),
            unsettled: (action == MediationAction::RecordPartial).then_some(unsettled),
            outcome_note: Some(note),
            ..Default::default()
        },
        note,
        caller.now_ms,
    )
    .await?;
    tell_requester(
        ctx,
        &next,
        match action {
            MediationAction::RecordFailure => "调解未达成协议。您可以一键转为网上立案。",
            _ => "已达成调解协议，请登录查看并签署。",
        },
        caller.now_ms,
    )
    .await?;
    assemble(ctx, next, role).await
}

/// A party signs the agreement (an authenticated confirmation, recorded with its time as an event).
pub async fn sign(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<MediationView> {
    let v = view(caller, id, ctx).await?;
    if !v.role.is_party() {
        return Err(MediationError::Forbidden);
    }
    if !v.may_sign() {
        return Err(MediationError::Conflict);
    }
    let user = account(caller)?;
    let next = store::sign(
        &ctx.db,
        &v.mediation,
        v.role,
        &user.id,
        caller.today,
        caller.now_ms,
    )
    .await?;
    assemble(ctx, next, v.role).await
}

/// A party applies for judicial confirmation; the application is joint, so it reaches the judge when both have.
/// The court: the court that invited the mediation (a diverted filing's), otherwise the basic court of the area
/// chosen at booking (民事诉讼法 第二百零五条: 当事人住所地、标的物所在地、调解组织所在地的基层人民法院).
pub async fn apply_confirmation(
    caller: &Caller,
    id: &str,
    ctx: &ServerCtx,
) -> Result<(MediationView, Confirmation)> {
    let v = view(caller, id, ctx).await?;
    if !v.role.is_party() {
        return Err(MediationError::Forbidden);
    }
    let Some(effective) = v.mediation.effective_on else {
        return Err(MediationError::Conflict);
    };
    let deadline = rules::confirmation_deadline(&ctx.calendar, effective);
    if caller.today > deadline.date {
        return Err(MediationError::ConfirmationTooLate {
            deadline: deadline.date.to_string(),
        });
    }
    if !v.may_apply() {
        return Err(MediationError::Conflict);
    }
    let user = account(caller)?;
    let court = confirmation_court(ctx, &v.mediation, &v.org).await?;
    let c = store::apply(
        &ctx.db,
        &v.mediation,
        v.role,
        &user.id,
        &court,
        deadline.date,
        caller.now_ms,
    )
    .await?;
    let next = store::get(&ctx.db, &v.mediation.id)
        .await?
        .ok_or(MediationError::NotFound)?;
    Ok((assemble(ctx, next, v.role).await?, c))
}

async fn confirmation_court(
    ctx: &ServerCtx,
    m: &Mediation,
    org: &db::mediation::Organisation,
) -> Result<String> {
    let courts = db::courts::list(&ctx.db).await?;
    let basic = |code: &str| courts.iter().any(|c| c.code == code && c.level == "basic");
    if basic(&m.court_code) {
        return Ok(m.court_code.clone());
    }
    if basic(&org.court_code) {
        return Ok(org.court_code.clone());
    }
    Err(MediationError::Conflict)
}

/// What a judge sees of one application.
pub struct ConfirmationView {
    pub confirmation: Confirmation,
    pub mediation: MediationView,
}

async fn judge_of(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<(Confirmation, String)> {
    let user = account(caller)?;
    let id: String = id.chars().take(64).collect();
    let c = store::confirmation(&ctx.db, &id)
        .await?
        .ok_or(MediationError::NotFound)?;
    if !is_court_staff(user, &c.court_code) {
        return Err(MediationError::NotFound);
    }
    if user.kind != AccountKind::Judge {
        return Err(MediationError::Forbidden);
    }
    Ok((c, user.id.clone()))
}

pub async fn confirmation_view(
    caller: &Caller,
    id: &str,
    ctx: &ServerCtx,
) -> Result<ConfirmationView> {
    let user = account(caller)?;
    let id: String = id.chars().take(64).collect();
    let c = store::confirmation(&ctx.db, &id)
        .await?
        .ok_or(MediationError::NotFound)?;
    if !is_court_staff(user, &c.court_code) {
        // The parties see their application on the mediation's own page.
        return Err(MediationError::NotFound);
    }
    let m = store::get(&ctx.db, &c.mediation_id)
        .await?
        .ok_or(MediationError::NotFound)?;
    Ok(ConfirmationView {
        mediation: assemble(ctx, m, MediationRole::Staff).await?,
        confirmation: c,
    })
}

/// The judge rules: confirms (a 民特 ruling number from the court's race-free sequence) or refuses with reasons
/// (the parties may then change the agreement by mediation, or sue: 民事诉讼法 第二百零六条).
pub async fn decide(
    caller: &Caller,
    id: &str,
    confirm: bool,
    reasons: &str,
    ctx: &ServerCtx,
) -> Result<Confirmation> {
    let (c, judge) = judge_of(caller, id, ctx).await?;
    let mut errors = FieldErrors::default();
    let reasons = {
        let v = reasons.trim();
        if v.is_empty() && !confirm {
            errors.push("reasons", FieldError::Required);
        } else if v.chars().count() > MAX_SUMMARY_CHARS {
            errors.push("reasons", FieldError::TooLong);
        }
        v.to_string()
    };
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    Ok(store::decide(
        &ctx.db,
        &c,
        confirm,
        &judge,
        &reasons,
        caller.today.year,
        caller.now_ms,
    )
    .await?)
}

/// Failure, a partial agreement, or an invitation that came to nothing: one action takes the matter to court.
/// A diverted filing returns to registration keeping its filing date; otherwise a new draft filing of the caller's
/// is made with every answer carried over (the cause, the other party, the facts — for a partial agreement, what
/// stays in dispute). Returns the filing's id.
pub async fn to_filing(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<String> {
    let (m, role, actor) = acting(caller, id, MediationAction::File, ctx).await?;
    let user = account(caller)?;
    let filing_id = match &m.filing_id {
        Some(fid) => {
            db::filings::review(
                &ctx.db,
                fid,
                &actor,
                domain::filing_status::FilingAction::ReturnFromMediation,
                "调解不成，恢复立案审查",
                caller.today,
                &ctx.calendar,
                &caller.ip,
                caller.now_ms,
            )
            .await
            .map_err(|e| match e {
                db::filings::FilingError::NotFound => MediationError::NotFound,
                db::filings::FilingError::Conflict => MediationError::Conflict,
                db::filings::FilingError::Db(e) => MediationError::internal(e),
            })?;
            fid.clone()
        }
        None => {
            if user.kind.is_staff() {
                return Err(MediationError::Forbidden);
            }
            let parties = store::parties(&ctx.db, &m.id).await?;
            let other = parties
                .iter()
                .find(|p| p.role != role && p.role.is_party())
                .ok_or(MediationError::NotFound)?;
            let mut draft = crate::filing::service::starting_draft(user, ctx)
                .await
                .map_err(MediationError::from)?;
            draft.cause = m.cause.clone();
            if let Some(d) = draft.parties.iter_mut().find(|p| p.role == "defendant") {
                d.name = other.name.clone();
                d.mobile = other.mobile.clone().unwrap_or_default();
            }
            let facts = match (&m.status, &m.unsettled) {
                (MediationStatus::PartlySettled, Some(rest)) => {
                    format!(
                        "{}\n（经调解部分达成协议；未达成部分：{}）",
                        m.summary, rest
                    )
                }
                _ => m.summary.clone(),
            };
            draft.facts = facts.chars().take(5000).collect();
            draft.court_code = m.court_code.clone();
            db::filings::create(&ctx.db, &user.id, &draft, &caller.ip, caller.now_ms)
                .await
                .map_err(|e| MediationError::internal(format!("{e:?}")))?
                .id
        }
    };
    store::transition(
        &ctx.db,
        &m,
        MediationAction::File,
        role,
        Some(&actor),
        Changes {
            result_filing_id: Some(&filing_id),
            ..Default::default()
        },
        &filing_id,
        caller.now_ms,
    )
    .await?;
    Ok(filing_id)
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

/// The caller's own mediations (as a party), newest first.
pub async fn mine(caller: &Caller, ctx: &ServerCtx) -> Result<Vec<Mediation>> {
    let user = account(caller)?;
    bind_own(ctx, user, caller.now_ms).await?;
    Ok(store::for_account(&ctx.db, &user.id, 100).await?)
}

/// A mediator's workspace: their sessions from today on and every open one.
pub async fn workspace(caller: &Caller, ctx: &ServerCtx) -> Result<(Mediator, Vec<Mediation>)> {
    let user = account(caller)?;
    if user.kind != AccountKind::Mediator {
        return Err(MediationError::Forbidden);
    }
    let me = store::mediator_of_account(&ctx.db, &user.id)
        .await?
        .ok_or(MediationError::Forbidden)?;
    let from = day_start_ms(caller.today) - 7 * 86_400_000;
    let list = store::for_mediator(&ctx.db, &me.id, from, 200).await?;
    Ok((me, list))
}

/// A court's mediations and confirmation applications (its staff).
pub async fn court_overview(
    caller: &Caller,
    ctx: &ServerCtx,
) -> Result<(Vec<Mediation>, Vec<Confirmation>)> {
    let user = account(caller)?;
    let court = user
        .court_code
        .clone()
        .filter(|_| {
            matches!(
                user.kind,
                AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
            )
        })
        .ok_or(MediationError::Forbidden)?;
    Ok((
        store::for_court(&ctx.db, &court, 200).await?,
        store::confirmations_for_court(&ctx.db, &court, 200).await?,
    ))
}
