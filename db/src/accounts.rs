//! Accounts: the three self-registered public kinds and the court staff an administrator creates.

use crate::crypto::{hash_password, Keys};
use crate::{audit, new_id, unique_violation_column, Db, DbError};
use domain::registration::{AccountKind, ValidRegistration};
use serde::{Deserialize, Serialize};
use sqlx::Row;

/// An account as the rest of the portal sees it. There is deliberately no password hash here: the row that
/// carries it ([`LoginRow`]) is not `Serialize` and never leaves this crate's callers on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub kind: AccountKind,
    pub login_name: String,
    pub display_name: String,
    pub mobile: Option<String>,
    pub id_number_masked: Option<String>,
    pub uscc: Option<String>,
    pub legal_representative: Option<String>,
    pub contact_name: Option<String>,
    pub licence_no: Option<String>,
    pub law_firm: Option<String>,
    pub court_code: Option<String>,
    /// When a clerk or a real-name provider verified who this is (never for a fresh self-registration).
    pub identity_verified_at: Option<i64>,
    /// Where messages go when there is no mobile number (court staff): the password-reset code.
    pub email: Option<String>,
    pub created_at: i64,
}

/// What login needs: never serialised, never logged.
pub struct LoginRow {
    pub id: String,
    pub password_hash: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// A unique field is already registered; the field name is the form's.
    #[error("already registered: {0}")]
    Taken(&'static str),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for RegisterError {
    fn from(e: sqlx::Error) -> Self {
        RegisterError::Db(DbError::Sqlx(e))
    }
}

const ACCOUNT_COLUMNS: &str =
    "id, kind, login_name, display_name, mobile, id_number_masked, uscc, \
    legal_representative, contact_name, licence_no, law_firm, court_code, identity_verified_at, email, created_at";

fn account_from_row(r: &sqlx::any::AnyRow) -> Result<Account, DbError> {
    let id: String = r.try_get("id")?;
    let kind: String = r.try_get("kind")?;
    Ok(Account {
        kind: AccountKind::from_code(&kind).ok_or_else(|| DbError::Corrupt {
            table: "accounts",
            id: id.clone(),
            detail: format!("unknown kind {kind:?}"),
        })?,
        id,
        login_name: r.try_get("login_name")?,
        display_name: r.try_get("display_name")?,
        mobile: r.try_get("mobile")?,
        id_number_masked: r.try_get("id_number_masked")?,
        uscc: r.try_get("uscc")?,
        legal_representative: r.try_get("legal_representative")?,
        contact_name: r.try_get("contact_name")?,
        licence_no: r.try_get("licence_no")?,
        law_firm: r.try_get("law_firm")?,
        court_code: r.try_get("court_code")?,
        identity_verified_at: r.try_get("identity_verified_at")?,
        email: r.try_get("email")?,
        created_at: r.try_get("created_at")?,
    })
}

/// The form field a unique column belongs to, for the field error shown to the user.
fn field_of(column: &str, kind: AccountKind) -> &'static str {
    match (column, kind) {
        ("id_number_hash", _) => "id_number",
        ("uscc", _) | ("login_name", AccountKind::Enterprise) => "uscc",
        ("licence_no", _) => "licence_no",
        _ => "mobile",
    }
}

/// Registers a public account and writes its audit row in the same transaction.
pub async fn register(
    db: &Db,
    keys: &Keys,
    reg: &ValidRegistration,
    password: String,
    ip: &str,
    now: i64,
) -> Result<Account, RegisterError> {
    let kind = reg.kind();
    // A friendly check first; the unique constraints below still decide any race.
    let (id_hash, uscc, licence) = match reg {
        ValidRegistration::Citizen { id, .. } => (Some(keys.lookup_hash(id.as_str())), None, None),
        ValidRegistration::Enterprise { uscc, .. } => (None, Some(uscc.as_str().to_string()), None),
        ValidRegistration::Lawyer { licence, .. } => {
            (None, None, Some(licence.as_str().to_string()))
        }
    };
    let taken: Option<String> = sqlx::query_scalar(
        "SELECT CASE WHEN login_name = $1 THEN 'login_name' WHEN id_number_hash = $2 THEN 'id_number_hash' \
         WHEN uscc = $3 THEN 'uscc' ELSE 'licence_no' END FROM accounts \
         WHERE login_name = $1 OR id_number_hash = $2 OR uscc = $3 OR licence_no = $4 LIMIT 1",
    )
    .bind(reg.login_name())
    .bind(&id_hash)
    .bind(&uscc)
    .bind(&licence)
    .fetch_optional(db.reader())
    .await?;
    if let Some(column) = taken {
        return Err(RegisterError::Taken(field_of(&column, kind)));
    }

    let password_hash = hash_password(password).await;
    let account_id = new_id();
    let (display_name, mobile, id_enc, id_masked, legal_rep, contact, firm) = match reg {
        ValidRegistration::Citizen { name, id, mobile } => (
            name,
            mobile,
            Some(keys.encrypt(id.as_str())),
            Some(id.masked()),
            None,
            None,
            None,
        ),
        ValidRegistration::Enterprise {
            name,
            legal_representative,
            contact_name,
            mobile,
            ..
        } => (
            name,
            mobile,
            None,
            None,
            Some(legal_representative),
            Some(contact_name),
            None,
        ),
        ValidRegistration::Lawyer {
            name,
            law_firm,
            mobile,
            ..
        } => (name, mobile, None, None, None, None, Some(law_firm)),
    };
    let mut tx = db.writer().begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO accounts (id, kind, login_name, display_name, password_hash, mobile, id_number_enc, \
         id_number_hash, id_number_masked, uscc, legal_representative, contact_name, licence_no, law_firm, \
         court_code, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULL, $15, $15)",
    )
    .bind(&account_id)
    .bind(kind.code())
    .bind(reg.login_name())
    .bind(display_name)
    .bind(&password_hash)
    .bind(mobile.as_str())
    .bind(&id_enc)
    .bind(&id_hash)
    .bind(&id_masked)
    .bind(&uscc)
    .bind(legal_rep)
    .bind(contact)
    .bind(&licence)
    .bind(firm)
    .bind(now)
    .execute(&mut *tx)
    .await;
    if let Err(e) = inserted {
        return Err(
            match unique_violation_column(
                &e,
                &["id_number_hash", "uscc", "licence_no", "login_name"],
            ) {
                Some(column) => RegisterError::Taken(field_of(column, kind)),
                None => e.into(),
            },
        );
    }
    audit::record(
        &mut tx,
        Some(&account_id),
        ip,
        "account.register",
        &format!("account:{account_id}"),
        &format!(
            "kind={} login={}",
            kind.code(),
            masked_login(kind, reg.login_name())
        ),
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &account_id)
        .await?
        .ok_or_else(|| DbError::Other("account vanished".into()).into())
}

/// A login name as it may appear in logs and audit rows: mobile numbers masked, credit codes and staff user
/// names (not personal data) kept.
pub fn masked_login(kind: AccountKind, login: &str) -> String {
    match kind {
        AccountKind::Citizen | AccountKind::Lawyer => domain::mask::mobile(login),
        _ => login.to_string(),
    }
}

/// Creates a court staff account bound to a court (admin command and demo data). Staff log in with a user name.
pub async fn create_staff(
    db: &Db,
    kind: AccountKind,
    login_name: &str,
    display_name: &str,
    password: String,
    court_code: &str,
    now: i64,
) -> Result<Account, RegisterError> {
    if !kind.is_staff() {
        return Err(DbError::Other("not a staff role".into()).into());
    }
    if !crate::courts::exists(db, court_code).await? {
        return Err(DbError::Other(format!("no court with code {court_code}")).into());
    }
    let password_hash = hash_password(password).await;
    create_staff_hashed(
        db,
        kind,
        login_name,
        display_name,
        &password_hash,
        court_code,
        now,
    )
    .await
}

/// [`create_staff`] with the password already hashed: the demo loader hashes its one password once for the whole
/// roster instead of once per account.
pub async fn create_staff_hashed(
    db: &Db,
    kind: AccountKind,
    login_name: &str,
    display_name: &str,
    password_hash: &str,
    court_code: &str,
    now: i64,
) -> Result<Account, RegisterError> {
    if !kind.is_staff() {
        return Err(DbError::Other("not a staff role".into()).into());
    }
    let id = new_id();
    let mut tx = db.writer().begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO accounts (id, kind, login_name, display_name, password_hash, court_code, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(kind.code())
    .bind(login_name)
    .bind(display_name)
    .bind(password_hash)
    .bind(court_code)
    .bind(now)
    .execute(&mut *tx)
    .await;
    if let Err(e) = inserted {
        return Err(match unique_violation_column(&e, &["login_name"]) {
            Some(_) => RegisterError::Taken("login_name"),
            None => e.into(),
        });
    }
    audit::record(
        &mut tx,
        None,
        "local",
        "account.create_staff",
        &format!("account:{id}"),
        &format!("kind={} login={login_name} court={court_code}", kind.code()),
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &id)
        .await?
        .ok_or_else(|| DbError::Other("account vanished".into()).into())
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Account>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(account_from_row).transpose()
}

pub async fn find_for_login(db: &Db, login_name: &str) -> Result<Option<LoginRow>, DbError> {
    let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE login_name = $1")
        .bind(login_name)
        .fetch_optional(db.reader())
        .await?;
    row.map(|r| {
        Ok(LoginRow {
            id: r.try_get("id")?,
            password_hash: r.try_get("password_hash")?,
        })
    })
    .transpose()
}

/// The owner's own, unmasked resident ID number, for the owner's own page only.
pub async fn own_id_number(
    db: &Db,
    keys: &Keys,
    account_id: &str,
) -> Result<Option<String>, DbError> {
    let enc: Option<Option<String>> =
        sqlx::query_scalar("SELECT id_number_enc FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_optional(db.reader())
            .await?;
    Ok(enc.flatten().and_then(|e| keys.decrypt(&e)))
}

/// Records that a clerk (who saw the identity document) or a real-name provider verified the account's identity:
/// from then on, a filing that names this account's ID number, credit code or licence gives it access.
pub async fn verify_identity(
    db: &Db,
    account_id: &str,
    verified_by: &str,
    ip: &str,
    now: i64,
) -> Result<bool, DbError> {
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE accounts SET identity_verified_at = $1, identity_verified_by = $2, updated_at = $1 \
         WHERE id = $3 AND kind IN ('citizen', 'enterprise', 'lawyer')",
    )
    .bind(now)
    .bind(verified_by)
    .bind(account_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        &mut tx,
        None,
        ip,
        "account.identity_verified",
        &format!("account:{account_id}"),
        verified_by,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether the account's identity has been verified.
pub async fn identity_verified(db: &Db, account_id: &str) -> Result<bool, DbError> {
    let at: Option<Option<i64>> =
        sqlx::query_scalar("SELECT identity_verified_at FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_optional(db.reader())
            .await?;
    Ok(at.flatten().is_some())
}

/// A public account found by its login name (a mobile number or a credit code), for the clerk's verification desk.
pub async fn find_public(db: &Db, login_name: &str) -> Result<Option<Account>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE login_name = $1 AND kind IN ('citizen', 'enterprise', 'lawyer')"
    ))
    .bind(login_name)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(account_from_row).transpose()
}

/// Whether a login name exists (the demo loader's check, so that loading twice writes nothing and errs nowhere).
pub async fn login_exists(db: &Db, login_name: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE login_name = $1")
        .bind(login_name)
        .fetch_one(db.reader())
        .await?;
    Ok(n > 0)
}

/// The account a password reset is asked for: by its login name (a mobile number, a credit code, a staff user name)
/// or a lawyer's licence number.
pub async fn find_for_reset(db: &Db, login: &str) -> Result<Option<Account>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE login_name = $1 OR licence_no = $1 ORDER BY created_at LIMIT 1"
    ))
    .bind(login)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(account_from_row).transpose()
}

/// Sets the e-mail address messages go to (the administrator's command, for staff who have no mobile number).
pub async fn set_email(
    db: &Db,
    account_id: &str,
    email: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    let mut tx = db.writer().begin().await?;
    sqlx::query("UPDATE accounts SET email = $1, updated_at = $2 WHERE id = $3")
        .bind(email)
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        None,
        "local",
        "account.email_set",
        &format!("account:{account_id}"),
        &email.map(domain::mask::email).unwrap_or_default(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
