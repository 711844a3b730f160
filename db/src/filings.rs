//! Filings (网上立案): drafts saved as the filer goes, submission, the court's review queue and its actions. Every
//! state change is an event row and an audit row, written in the same transaction as the change.

use crate::crypto::Keys;
use crate::{audit, new_id, Db, DbError};
use domain::calendar::HolidayCalendar;
use domain::catalogue::{CaseNumber, CaseType};
use domain::filing::FilingDraft;
use domain::filing_status::{FilingAction, FilingStatus};
use domain::payment::{PaymentAction, PaymentStatus};
use domain::registration::AccountKind;
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, Row};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Filing {
    pub id: String,
    pub filer_id: String,
    pub status: FilingStatus,
    pub draft: FilingDraft,
    pub court_code: Option<String>,
    pub competent_court_code: Option<String>,
    pub receipt_no: Option<String>,
    pub submitted_at: Option<i64>,
    pub review_deadline: Option<String>,
    pub case_number: Option<String>,
    pub fee_table_version: Option<String>,
    pub fee_total_fen: Option<i64>,
    pub payment_status: Option<PaymentStatus>,
    pub payment_due: Option<String>,
    pub relief_kind: Option<String>,
    pub relief_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingEvent {
    pub at: i64,
    pub actor_id: Option<String>,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    /// For a fee event (交费、缓减免), the payment status before and after; the filing's status does not change.
    pub payment_from: Option<PaymentStatus>,
    pub payment_to: Option<PaymentStatus>,
    pub note: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FilingError {
    #[error("no such filing")]
    NotFound,
    /// The action is not allowed from the filing's current state (or someone else acted first).
    #[error("not allowed in the filing's current state")]
    Conflict,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for FilingError {
    fn from(e: sqlx::Error) -> Self {
        FilingError::Db(DbError::Sqlx(e))
    }
}

const COLUMNS: &str = "id, filer_id, status, draft_json, court_code, competent_court_code, receipt_no, submitted_at, \
    review_deadline, case_number, fee_table_version, fee_total_fen, payment_status, payment_due, relief_kind, \
    relief_reason, created_at, updated_at";

/// A `filings` row as stored; [`Filing`] is what it must read back as.
#[derive(sqlx::FromRow)]
struct FilingRow {
    id: String,
    filer_id: String,
    status: String,
    draft_json: String,
    court_code: Option<String>,
    competent_court_code: Option<String>,
    receipt_no: Option<String>,
    submitted_at: Option<i64>,
    review_deadline: Option<String>,
    case_number: Option<String>,
    fee_table_version: Option<String>,
    fee_total_fen: Option<i64>,
    payment_status: Option<String>,
    payment_due: Option<String>,
    relief_kind: Option<String>,
    relief_reason: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl FilingRow {
    fn into_filing(self, keys: &Keys) -> Result<Filing, DbError> {
        let r = self;
        let corrupt = |detail: String| DbError::Corrupt {
            table: "filings",
            id: r.id.clone(),
            detail,
        };
        let status = FilingStatus::from_code(&r.status)
            .ok_or_else(|| corrupt(format!("unknown status {:?}", r.status)))?;
        let json = open_draft(keys, &r.draft_json).ok_or_else(|| {
            corrupt("draft_json does not decrypt with this deployment's key".into())
        })?;
        let draft: FilingDraft =
            serde_json::from_str(&json).map_err(|e| corrupt(format!("draft_json: {e}")))?;
        let payment_status = match r.payment_status.as_deref() {
            None => None,
            Some(code) => Some(
                PaymentStatus::from_code(code)
                    .ok_or_else(|| corrupt(format!("unknown payment status {code:?}")))?,
            ),
        };
        Ok(Filing {
            id: r.id,
            filer_id: r.filer_id,
            status,
            draft,
            court_code: r.court_code,
            competent_court_code: r.competent_court_code,
            receipt_no: r.receipt_no,
            submitted_at: r.submitted_at,
            review_deadline: r.review_deadline,
            case_number: r.case_number,
            fee_table_version: r.fee_table_version,
            fee_total_fen: r.fee_total_fen,
            payment_status,
            payment_due: r.payment_due,
            relief_kind: r.relief_kind,
            relief_reason: r.relief_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

fn read(db: &Db, row: &sqlx::any::AnyRow) -> Result<Filing, DbError> {
    FilingRow::from_row(row)?.into_filing(db.keys())
}

/// The prefix of an encrypted draft; a draft without it is from before drafts were encrypted.
const SEALED: &str = "enc1:";

/// Drafts are stored as JSON so that every answer, valid or not, survives exactly as typed — encrypted with the
/// data key (XChaCha20-Poly1305), since they name the parties by ID number, mobile and address.
pub(crate) fn draft_json(keys: &Keys, d: &FilingDraft) -> Result<String, DbError> {
    let json = serde_json::to_string(d)
        .map_err(|e| DbError::Other(format!("draft does not serialise: {e}")))?;
    Ok(format!("{SEALED}{}", keys.encrypt(&json)))
}

fn open_draft(keys: &Keys, stored: &str) -> Option<String> {
    match stored.strip_prefix(SEALED) {
        Some(sealed) => keys.decrypt(sealed),
        None => Some(stored.to_string()),
    }
}

/// Encrypts drafts stored in clear before drafts were encrypted (run at start-up after the migrations; a no-op once
/// done). Each row is rewritten only if it is still the clear text read, so a concurrent save is never undone.
pub async fn encrypt_clear_drafts(db: &Db) -> Result<u64, DbError> {
    let rows = sqlx::query("SELECT id, draft_json FROM filings WHERE draft_json NOT LIKE 'enc1:%'")
        .fetch_all(db.reader())
        .await?;
    let mut done = 0;
    for r in rows {
        let id: String = r.try_get("id")?;
        let clear: String = r.try_get("draft_json")?;
        let sealed = format!("{SEALED}{}", db.keys().encrypt(&clear));
        done += sqlx::query("UPDATE filings SET draft_json = $1 WHERE id = $2 AND draft_json = $3")
            .bind(sealed)
            .bind(&id)
            .bind(&clear)
            .execute(db.writer())
            .await?
            .rows_affected();
    }
    if done > 0 {
        tracing::info!(rows = done, "drafts stored in clear are now encrypted");
    }
    Ok(done)
}

fn empty_to_none(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[allow(clippy::too_many_arguments)] // one column each; a struct would only rename them
async fn event(
    conn: &mut sqlx::AnyConnection,
    filing_id: &str,
    actor: Option<&str>,
    action: &str,
    from: Option<FilingStatus>,
    to: FilingStatus,
    note: &str,
    now: i64,
) -> Result<(), DbError> {
    payment_event(conn, filing_id, actor, action, (from, to), None, note, now).await
}

/// An event row; `payment` names the payment status change of a fee event.
#[allow(clippy::too_many_arguments)]
async fn payment_event(
    conn: &mut sqlx::AnyConnection,
    filing_id: &str,
    actor: Option<&str>,
    action: &str,
    (from, to): (Option<FilingStatus>, FilingStatus),
    payment: Option<(PaymentStatus, PaymentStatus)>,
    note: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO filing_events (filing_id, at, actor_id, action, from_status, to_status, payment_from, payment_to, \
         note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $2, $2)",
    )
    .bind(filing_id)
    .bind(now)
    .bind(actor)
    .bind(action)
    .bind(from.map(|s| s.code()))
    .bind(to.code())
    .bind(payment.map(|p| p.0.code()))
    .bind(payment.map(|p| p.1.code()))
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn create(
    db: &Db,
    filer_id: &str,
    draft: &FilingDraft,
    ip: &str,
    now: i64,
) -> Result<Filing, FilingError> {
    let id = new_id();
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO filings (id, filer_id, status, cause, draft_json, court_code, competent_court_code, created_at, updated_at) \
         VALUES ($1, $2, 'draft', $3, $4, NULL, NULL, $5, $5)",
    )
    .bind(&id)
    .bind(filer_id)
    .bind(draft.cause.trim())
    .bind(draft_json(db.keys(), draft)?)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    event(
        &mut tx,
        &id,
        Some(filer_id),
        "create",
        None,
        FilingStatus::Draft,
        "",
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        Some(filer_id),
        ip,
        "filing.create",
        &format!("filing:{id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &id).await?.ok_or(FilingError::NotFound)
}

/// Saves the answers as they are (valid or not) while the filing is editable.
pub async fn save_draft(
    db: &Db,
    id: &str,
    filer_id: &str,
    draft: &FilingDraft,
    ip: &str,
    now: i64,
) -> Result<Filing, FilingError> {
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE filings SET draft_json = $1, cause = $2, updated_at = $3 \
         WHERE id = $4 AND filer_id = $5 AND status IN ('draft', 'correction_requested')",
    )
    .bind(draft_json(db.keys(), draft)?)
    .bind(draft.cause.trim())
    .bind(now)
    .bind(id)
    .bind(filer_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let exists: Option<String> =
            sqlx::query_scalar("SELECT status FROM filings WHERE id = $1 AND filer_id = $2")
                .bind(id)
                .bind(filer_id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(if exists.is_some() {
            FilingError::Conflict
        } else {
            FilingError::NotFound
        });
    }
    audit::record(
        &mut tx,
        Some(filer_id),
        ip,
        "filing.save_draft",
        &format!("filing:{id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, id).await?.ok_or(FilingError::NotFound)
}

/// The filer's drafts that were never submitted, newest first (at most `limit`): where an empty one is looked for
/// before another is started.
pub async fn unsubmitted_drafts(
    db: &Db,
    filer_id: &str,
    limit: i64,
) -> Result<Vec<Filing>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM filings WHERE filer_id = $1 AND status = 'draft' AND receipt_no IS NULL \
         ORDER BY created_at DESC, id LIMIT $2"
    ))
    .bind(filer_id)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// Deletes one of the filer's drafts that was never submitted, with its events, evidence rows and kept answers
/// (their foreign keys cascade), and writes the audit row in the same transaction. Returns the ids of the evidence
/// files whose bytes the caller removes. Another filer's draft is `NotFound`; a submitted filing `Conflict`.
pub async fn delete_draft(
    db: &Db,
    id: &str,
    filer_id: &str,
    ip: &str,
    now: i64,
) -> Result<Vec<String>, FilingError> {
    let mut tx = db.writer().begin().await?;
    let files: Vec<String> =
        sqlx::query_scalar("SELECT id FROM evidence_files WHERE filing_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let done = sqlx::query(
        "DELETE FROM filings WHERE id = $1 AND filer_id = $2 AND status = 'draft' AND receipt_no IS NULL",
    )
    .bind(id)
    .bind(filer_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let exists: Option<String> =
            sqlx::query_scalar("SELECT status FROM filings WHERE id = $1 AND filer_id = $2")
                .bind(id)
                .bind(filer_id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(if exists.is_some() {
            FilingError::Conflict
        } else {
            FilingError::NotFound
        });
    }
    audit::record(
        &mut tx,
        Some(filer_id),
        ip,
        "filing.delete_draft",
        &format!("filing:{id}"),
        &format!("files={}", files.len()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(files)
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Filing>, DbError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM filings WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.reader())
        .await?;
    row.as_ref().map(|r| read(db, r)).transpose()
}

/// What the public lookup needs of a filing: no party, no draft, no personal data.
#[derive(Clone, Debug)]
pub struct TrackRow {
    pub receipt_no: String,
    pub status: FilingStatus,
    pub case_number: Option<String>,
    pub review_deadline: Option<String>,
    /// The fee the court's notice asks for (after submission), where its payment stands and the last day to pay.
    pub fee_total_fen: Option<i64>,
    pub payment_status: Option<PaymentStatus>,
    pub payment_due: Option<String>,
    pub query_code_hash: String,
    pub events: Vec<TrackedEvent>,
}

#[derive(Clone, Debug)]
pub struct TrackedEvent {
    pub at: i64,
    pub action: String,
    pub to_status: String,
}

/// How long an instance answers a look-up from memory: a status changed through another instance shows within this
/// (one through this instance, at once).
pub const TRACK_FRESH_MS: i64 = 3_000;

/// The public look-up. A block this instance knows of answers at once; a receipt looked up in the last
/// [`TRACK_FRESH_MS`] is answered from memory; otherwise one indexed read: the filing by receipt number (unique
/// index), its events (index on the filing), and whether any of the attempt `limits` (each with its subject) is
/// reached — asked even when the receipt does not exist, so the answer does not tell. Returns (the filing if it
/// exists, blocked until).
pub async fn track(
    db: &Db,
    receipt_no: &str,
    limits: &[(crate::limits::Limit, &str)],
    now: i64,
) -> Result<(Option<TrackRow>, Option<i64>), DbError> {
    if let Some(until) = crate::limits::known_block(db, limits, now) {
        return Ok((None, Some(until)));
    }
    if let Some((at, row)) = db.memory().tracked.get(receipt_no) {
        if now - at < TRACK_FRESH_MS && now >= at {
            return Ok((Some(row), None));
        }
    }
    let (found, blocked) = track_read(db, receipt_no, limits, now).await?;
    if let (Some(row), None) = (&found, blocked) {
        db.memory()
            .tracked
            .insert(receipt_no.to_string(), (now, row.clone()));
    }
    Ok((found, blocked))
}

/// A change to a filing's status, case number or events: this instance's look-up answers it at once.
fn forget_tracked(db: &Db, filing: &Filing) {
    if let Some(no) = &filing.receipt_no {
        db.memory().tracked.remove(no);
    }
}

/// A filing as it is after a change, which the look-up must show.
async fn changed(db: &Db, id: &str) -> Result<Filing, FilingError> {
    let filing = get(db, id).await?.ok_or(FilingError::NotFound)?;
    forget_tracked(db, &filing);
    Ok(filing)
}

async fn track_read(
    db: &Db,
    receipt_no: &str,
    limits: &[(crate::limits::Limit, &str)],
    now: i64,
) -> Result<(Option<TrackRow>, Option<i64>), DbError> {
    let only: Vec<crate::limits::Limit> = limits.iter().map(|(l, _)| *l).collect();
    let sql = format!(
        "SELECT f.receipt_no, f.status, f.case_number, f.review_deadline, f.query_code_hash, \
         f.fee_total_fen, f.payment_status, f.payment_due, e.at AS e_at, e.action AS e_action, e.to_status AS e_to, {} AS blocked_until \
         FROM (SELECT 1 AS one) q LEFT JOIN filings f ON f.receipt_no = $1 \
         LEFT JOIN filing_events e ON e.filing_id = f.id ORDER BY e.id",
        crate::limits::blocked_sql(&only, 2)
    );
    let mut query = sqlx::query(&sql).bind(receipt_no);
    for b in crate::limits::blocked_binds(db, limits) {
        query = query.bind(b);
    }
    let rows = query.bind(now).fetch_all(db.reader()).await?;
    let Some(first) = rows.first() else {
        return Ok((None, None));
    };
    let blocked: Option<i64> = first.try_get("blocked_until")?;
    let Some(receipt) = first.try_get::<Option<String>, _>("receipt_no")? else {
        return Ok((None, blocked));
    };
    let status: String = first.try_get("status")?;
    let mut events = Vec::new();
    for r in &rows {
        if let Some(at) = r.try_get::<Option<i64>, _>("e_at")? {
            events.push(TrackedEvent {
                at,
                action: r.try_get("e_action")?,
                to_status: r.try_get("e_to")?,
            });
        }
    }
    let corrupt = |detail: String| DbError::Corrupt {
        table: "filings",
        id: receipt.clone(),
        detail,
    };
    let payment_status = match first.try_get::<Option<String>, _>("payment_status")? {
        None => None,
        Some(code) => Some(
            PaymentStatus::from_code(&code)
                .ok_or_else(|| corrupt(format!("unknown payment status {code:?}")))?,
        ),
    };
    Ok((
        Some(TrackRow {
            status: FilingStatus::from_code(&status)
                .ok_or_else(|| corrupt(format!("unknown status {status:?}")))?,
            case_number: first.try_get("case_number")?,
            review_deadline: first.try_get("review_deadline")?,
            fee_total_fen: first.try_get("fee_total_fen")?,
            payment_status,
            payment_due: first.try_get("payment_due")?,
            receipt_no: receipt,
            query_code_hash: first
                .try_get::<Option<String>, _>("query_code_hash")?
                .unwrap_or_default(),
            events,
        }),
        blocked,
    ))
}

pub async fn events(db: &Db, id: &str) -> Result<Vec<FilingEvent>, DbError> {
    let rows = sqlx::query(
        "SELECT at, actor_id, action, from_status, to_status, payment_from, payment_to, note FROM filing_events \
         WHERE filing_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            let payment =
                |column: &str| -> Result<Option<PaymentStatus>, DbError> {
                    match r.try_get::<Option<String>, _>(column)? {
                        None => Ok(None),
                        Some(code) => PaymentStatus::from_code(&code).map(Some).ok_or_else(|| {
                            DbError::Corrupt {
                                table: "filing_events",
                                id: id.to_string(),
                                detail: format!("unknown payment status {code:?}"),
                            }
                        }),
                    }
                };
            Ok(FilingEvent {
                at: r.try_get("at")?,
                actor_id: r.try_get("actor_id")?,
                action: r.try_get("action")?,
                from_status: r.try_get("from_status")?,
                to_status: r.try_get("to_status")?,
                payment_from: payment("payment_from")?,
                payment_to: payment("payment_to")?,
                note: r.try_get("note")?,
            })
        })
        .collect()
}

/// Whether `account_id` is the filer or one of the parties' or lawyers' accounts.
pub async fn has_access(db: &Db, filing: &Filing, account_id: &str) -> Result<bool, DbError> {
    if filing.filer_id == account_id {
        return Ok(true);
    }
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM filing_access WHERE filing_id = $1 AND account_id = $2",
    )
    .bind(&filing.id)
    .bind(account_id)
    .fetch_one(db.reader())
    .await?;
    Ok(n > 0)
}

/// Whether an account may see a filing: the filer, a party's or lawyer's account, or staff of the receiving or the
/// competent court once it is submitted. Everyone else is told it does not exist.
pub async fn may_see(
    db: &Db,
    filing: &Filing,
    account: &crate::accounts::Account,
) -> Result<bool, DbError> {
    // Court staff who review: clerks, judges, administrators. Mediators (most are not court employees but members
    // of mediation organisations) see only the filings diverted to a mediation of theirs (the service checks that).
    let staff = matches!(
        account.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    ) && filing.status != FilingStatus::Draft
        && account.court_code.as_ref().is_some_and(|c| {
            Some(c) == filing.court_code.as_ref() || Some(c) == filing.competent_court_code.as_ref()
        });
    Ok(staff || has_access(db, filing, &account.id).await?)
}

/// The filings an account filed or is a party or lawyer to, newest first.
pub async fn for_account(db: &Db, account_id: &str) -> Result<Vec<Filing>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM filings WHERE filer_id = $1 \
         OR id IN (SELECT filing_id FROM filing_access WHERE account_id = $1) ORDER BY updated_at DESC"
    ))
    .bind(account_id)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// The accounts behind the parties of a draft: people by their ID number's keyed hash, organisations by credit
/// code, lawyers by licence number — only accounts whose identity was verified (by a clerk or a real-name
/// provider): a matching number alone, which anyone could have registered first, opens nothing. Other parties
/// link the matter with the code the court serves on them ([`redeem_party_link`]).
pub async fn party_accounts(
    db: &Db,
    keys: &Keys,
    draft: &FilingDraft,
) -> Result<Vec<(String, String)>, DbError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in &draft.parties {
        let found: Option<String> = if !p.id_number.trim().is_empty() {
            sqlx::query_scalar(
                "SELECT id FROM accounts WHERE id_number_hash = $1 AND identity_verified_at IS NOT NULL",
            )
                .bind(keys.lookup_hash(&p.id_number.trim().to_ascii_uppercase()))
                .fetch_optional(db.reader())
                .await?
        } else if !p.uscc.trim().is_empty() {
            sqlx::query_scalar(
                "SELECT id FROM accounts WHERE uscc = $1 AND identity_verified_at IS NOT NULL",
            )
            .bind(p.uscc.trim().to_ascii_uppercase())
            .fetch_optional(db.reader())
            .await?
        } else {
            None
        };
        if let Some(id) = found {
            out.push((id, p.role.clone()));
        }
        if !p.agent_licence.trim().is_empty() {
            let lawyer: Option<String> =
                sqlx::query_scalar(
                    "SELECT id FROM accounts WHERE licence_no = $1 AND identity_verified_at IS NOT NULL",
                )
                    .bind(p.agent_licence.trim())
                    .fetch_optional(db.reader())
                    .await?;
            if let Some(id) = lawyer {
                out.push((id, "lawyer".into()));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

pub struct Submission<'a> {
    pub receipt_no: &'a str,
    pub query_code_hash: &'a str,
    pub review_deadline: &'a str,
    pub fee_table_version: &'a str,
    pub fee_total_fen: i64,
    pub access: &'a [(String, String)],
    /// The competent court the jurisdiction rules point to, used when the filer named none.
    pub suggested_competent: Option<&'a str>,
}

/// Submits (or resubmits after corrections): the review deadline starts again.
pub async fn submit(
    db: &Db,
    id: &str,
    filer_id: &str,
    s: &Submission<'_>,
    ip: &str,
    now: i64,
) -> Result<Filing, FilingError> {
    let filing = get(db, id)
        .await?
        .filter(|f| f.filer_id == filer_id)
        .ok_or(FilingError::NotFound)?;
    let to = filing
        .status
        .next(FilingAction::Submit)
        .ok_or(FilingError::Conflict)?;
    let d = &filing.draft;
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE filings SET status = $1, court_code = $2, competent_court_code = $3, \
         receipt_no = COALESCE(receipt_no, $4), query_code_hash = COALESCE(query_code_hash, $5), submitted_at = $6, \
         review_deadline = $7, fee_table_version = $8, fee_total_fen = $9, updated_at = $6 \
         WHERE id = $10 AND status = $11",
    )
    .bind(to.code())
    .bind(empty_to_none(&d.court_code))
    .bind(
        empty_to_none(&d.competent_court_code)
            .or(s.suggested_competent.map(str::to_string))
            .or_else(|| empty_to_none(&d.court_code)),
    )
    .bind(s.receipt_no)
    .bind(s.query_code_hash)
    .bind(now)
    .bind(s.review_deadline)
    .bind(s.fee_table_version)
    .bind(s.fee_total_fen)
    .bind(id)
    .bind(filing.status.code())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(FilingError::Conflict);
    }
    for (account_id, role) in s.access {
        sqlx::query(
            "INSERT INTO filing_access (filing_id, account_id, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (filing_id, account_id) DO NOTHING",
        )
        .bind(id)
        .bind(account_id)
        .bind(role)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let action = if filing.status == FilingStatus::CorrectionRequested {
        "resubmit"
    } else {
        "submit"
    };
    event(
        &mut tx,
        id,
        Some(filer_id),
        action,
        Some(filing.status),
        to,
        "",
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        Some(filer_id),
        ip,
        &format!("filing.{action}"),
        &format!("filing:{id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    changed(db, id).await
}

/// The court's review queue: submitted filings for which `court_code` is the competent or the receiving court,
/// oldest first.
pub async fn queue(db: &Db, court_code: &str) -> Result<Vec<Filing>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM filings WHERE status IN ('submitted', 'diverted') \
         AND (competent_court_code = $1 OR court_code = $1) ORDER BY submitted_at, id"
    ))
    .bind(court_code)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// Takes the next number of a court's sequence for a case type and year, inside the caller's transaction.
pub(crate) async fn next_seq(
    conn: &mut sqlx::AnyConnection,
    court: &str,
    case_type: CaseType,
    year: i32,
    now: i64,
) -> Result<u32, DbError> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO case_sequences (court_code, case_type, year, last_seq, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4) \
         ON CONFLICT (court_code, case_type, year) DO UPDATE SET last_seq = case_sequences.last_seq + 1, updated_at = $4 \
         RETURNING last_seq",
    )
    .bind(court)
    .bind(case_type.code())
    .bind(i64::from(year))
    .bind(now)
    .fetch_one(conn)
    .await?;
    u32::try_from(seq).map_err(|_| DbError::Other("sequence overflow".into()))
}

/// A review action by court staff. Registration and diversion assign a number (民初/行初/执/民特 or 民诉前调) at the
/// competent court, in the same transaction as the status change: a lost race rolls the number back, so numbers
/// have no gaps and no duplicates.
#[allow(clippy::too_many_arguments)]
pub async fn review(
    db: &Db,
    id: &str,
    staff_id: &str,
    action: FilingAction,
    note: &str,
    today: domain::Date,
    calendar: &HolidayCalendar,
    ip: &str,
    now: i64,
) -> Result<Filing, FilingError> {
    let year = today.year;
    let filing = get(db, id).await?.ok_or(FilingError::NotFound)?;
    let to = filing.status.next(action).ok_or(FilingError::Conflict)?;
    // Registration sends the payment notice: seven days from the day after it (Art. 22), or no fee at all.
    let (payment_status, payment_due) = match action {
        FilingAction::Register if filing.fee_total_fen.unwrap_or(0) > 0 => (
            Some(PaymentStatus::Unpaid.code()),
            Some(calendar.period_end_days(today, 7).to_string()),
        ),
        FilingAction::Register => (Some(PaymentStatus::NotRequired.code()), None),
        _ => (None, None),
    };
    let court = filing
        .competent_court_code
        .clone()
        .or(filing.court_code.clone())
        .ok_or(FilingError::Conflict)?;
    let case_type = match action {
        FilingAction::Register => {
            let cause =
                domain::catalogue::cause(&filing.draft.cause).ok_or(FilingError::Conflict)?;
            Some(cause.kind.case_type())
        }
        FilingAction::Divert => Some(CaseType::MinSuQianTiao),
        FilingAction::RequestCorrection
        | FilingAction::Refuse
        | FilingAction::Submit
        | FilingAction::ReturnFromMediation => None,
    };
    // The review deadline follows the filing: diverted, it is the end of the mediation period; back from mediation,
    // the court has seven days again — the filing date itself (`submitted_at`) never changes.
    let review_deadline = match action {
        FilingAction::Divert => Some(
            calendar
                .period_end_days(today, domain::filing_status::MEDIATION_DAYS)
                .to_string(),
        ),
        FilingAction::ReturnFromMediation => Some(calendar.period_end_days(today, 7).to_string()),
        _ => None,
    };
    let mut tx = db.writer().begin().await?;
    let number = match case_type {
        Some(t) => {
            let seq = next_seq(&mut tx, &court, t, year, now).await?;
            Some(
                CaseNumber {
                    year,
                    court_code: court.clone(),
                    case_type: t,
                    seq,
                }
                .to_string(),
            )
        }
        None => None,
    };
    let done = sqlx::query(
        "UPDATE filings SET status = $1, case_number = COALESCE($2, case_number), updated_at = $3, \
         payment_status = COALESCE($6, payment_status), payment_due = COALESCE($7, payment_due), \
         review_deadline = COALESCE($8, review_deadline) \
         WHERE id = $4 AND status = $5",
    )
    .bind(to.code())
    .bind(&number)
    .bind(now)
    .bind(id)
    .bind(filing.status.code())
    .bind(payment_status)
    .bind(&payment_due)
    .bind(&review_deadline)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        // Someone acted first: dropping the transaction rolls the sequence back too.
        return Err(FilingError::Conflict);
    }
    let note = match &number {
        Some(n) if note.is_empty() => n.clone(),
        Some(n) => format!("{n} {note}"),
        None => note.to_string(),
    };
    event(
        &mut tx,
        id,
        Some(staff_id),
        action.code(),
        Some(filing.status),
        to,
        &note,
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        Some(staff_id),
        ip,
        &format!("filing.{}", action.code()),
        &format!("filing:{id}"),
        number.as_deref().unwrap_or(""),
        now,
    )
    .await?;
    tx.commit().await?;
    changed(db, id).await
}

/// A step in paying the fee: the filer applies for relief (缓减免) with reasons; the clerk records the payment or
/// decides the application. A refusal starts the seven days again.
#[allow(clippy::too_many_arguments)]
pub async fn payment(
    db: &Db,
    id: &str,
    actor_id: &str,
    action: PaymentAction,
    relief: Option<(&str, &str)>,
    today: domain::Date,
    calendar: &HolidayCalendar,
    ip: &str,
    now: i64,
) -> Result<Filing, FilingError> {
    let filing = get(db, id).await?.ok_or(FilingError::NotFound)?;
    let from = filing.payment_status.ok_or(FilingError::Conflict)?;
    let to = from.next(action).ok_or(FilingError::Conflict)?;
    let due = match action {
        PaymentAction::DenyRelief => Some(calendar.period_end_days(today, 7).to_string()),
        _ => None,
    };
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE filings SET payment_status = $1, payment_due = COALESCE($2, payment_due), \
         relief_kind = COALESCE($3, relief_kind), relief_reason = COALESCE($4, relief_reason), updated_at = $5 \
         WHERE id = $6 AND payment_status = $7",
    )
    .bind(to.code())
    .bind(&due)
    .bind(relief.map(|r| r.0))
    .bind(relief.map(|r| r.1))
    .bind(now)
    .bind(id)
    .bind(from.code())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(FilingError::Conflict);
    }
    let note = match (relief, &due) {
        (Some((kind, reason)), _) => format!("{kind}: {reason}"),
        (None, Some(d)) => d.clone(),
        (None, None) => String::new(),
    };
    payment_event(
        &mut tx,
        id,
        Some(actor_id),
        action.code(),
        (Some(filing.status), filing.status),
        Some((from, to)),
        &note,
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        Some(actor_id),
        ip,
        &format!("fee.{}", action.code()),
        &format!("filing:{id}"),
        to.code(),
        now,
    )
    .await?;
    tx.commit().await?;
    changed(db, id).await
}

/// How long a party link code served by the court stays valid.
pub const PARTY_LINK_VALID_MS: i64 = 90 * 24 * 60 * 60 * 1000;

/// Issues (or re-issues, invalidating the last) the link code for one party of a submitted filing: the clerk
/// serves it on the party with the court's papers; the party enters it in the portal to see the matter. Returns
/// the code, shown once; only its keyed hash is stored.
pub async fn issue_party_link(
    db: &Db,
    filing: &Filing,
    party_index: usize,
    issued_by: &str,
    ip: &str,
    now: i64,
) -> Result<String, DbError> {
    let code = crate::crypto::new_code(10);
    let receipt = filing.receipt_no.clone().unwrap_or_default();
    let hash = db.keys().code_hash("party-link", &receipt, &code);
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO party_links (filing_id, party_index, code_hash, issued_by, issued_at, expires_at, used_by, used_at, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, $5, $5) \
         ON CONFLICT (filing_id, party_index) DO UPDATE SET code_hash = $3, issued_by = $4, issued_at = $5, \
         expires_at = $6, used_by = NULL, used_at = NULL, updated_at = $5",
    )
    .bind(&filing.id)
    .bind(party_index as i64)
    .bind(&hash)
    .bind(issued_by)
    .bind(now)
    .bind(now + PARTY_LINK_VALID_MS)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(issued_by),
        ip,
        "filing.party_link_issued",
        &format!("filing:{}", filing.id),
        &format!("party={party_index}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// A party links a filing to their account with the served code: the receipt number and the code, both exact, the
/// code unused (or used by this same account) and not expired. Returns the filing's id, or `None` for anything
/// else — the caller cannot tell an unknown receipt from a wrong code.
pub async fn redeem_party_link(
    db: &Db,
    receipt_no: &str,
    code: &str,
    account_id: &str,
    ip: &str,
    now: i64,
) -> Result<Option<String>, DbError> {
    let hash = db.keys().code_hash("party-link", receipt_no, code);
    let mut tx = db.writer().begin().await?;
    let row = sqlx::query(
        "SELECT l.filing_id, l.party_index FROM party_links l JOIN filings f ON f.id = l.filing_id \
         WHERE f.receipt_no = $1 AND l.code_hash = $2 AND l.expires_at > $3 AND (l.used_by IS NULL OR l.used_by = $4)",
    )
    .bind(receipt_no)
    .bind(&hash)
    .bind(now)
    .bind(account_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let filing_id: String = row.try_get("filing_id")?;
    let party_index: i64 = row.try_get("party_index")?;
    sqlx::query("UPDATE party_links SET used_by = $1, used_at = $2, updated_at = $2 WHERE filing_id = $3 AND party_index = $4")
        .bind(account_id)
        .bind(now)
        .bind(&filing_id)
        .bind(party_index)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO filing_access (filing_id, account_id, role, created_at, updated_at) VALUES ($1, $2, 'party', $3, $3) \
         ON CONFLICT (filing_id, account_id) DO NOTHING",
    )
    .bind(&filing_id)
    .bind(account_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(account_id),
        ip,
        "filing.party_linked",
        &format!("filing:{filing_id}"),
        &format!("party={party_index}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(filing_id))
}

/// Replaces the query code of a submitted filing (the filer lost it): the old code stops working at once, on this
/// instance and — through the look-up's short memory — on every other within [`TRACK_FRESH_MS`]. Only the filer's
/// own filing; false when there is no such submitted filing of theirs.
pub async fn replace_query_code(
    db: &Db,
    id: &str,
    filer_id: &str,
    query_code_hash: &str,
    ip: &str,
    now: i64,
) -> Result<bool, DbError> {
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE filings SET query_code_hash = $1, updated_at = $2 \
         WHERE id = $3 AND filer_id = $4 AND receipt_no IS NOT NULL",
    )
    .bind(query_code_hash)
    .bind(now)
    .bind(id)
    .bind(filer_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    audit::record(
        &mut tx,
        Some(filer_id),
        ip,
        "filing.query_code_reissued",
        &format!("filing:{id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    if let Some(filing) = get(db, id).await? {
        forget_tracked(db, &filing);
    }
    Ok(true)
}
