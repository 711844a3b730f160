//! Settings from the environment (twelve-factor): the same binary runs the demo on SQLite and a cluster of
//! stateless instances on PostgreSQL. Secrets never print.

use std::path::PathBuf;

#[derive(Clone)]
pub struct Settings {
    pub database_url: String,
    /// Master secret for personal-data encryption and look-up hashes. Every instance of one deployment shares it.
    pub secret: Vec<u8>,
    /// Mark cookies `Secure` (behind TLS).
    pub secure_cookies: bool,
    /// Extra origins allowed to send state-changing requests (e.g. `https://portal.court.example`), besides the
    /// request's own host.
    pub allowed_origins: Vec<String>,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub trust_forwarded_for: bool,
    /// The reverse proxies' addresses (`PORTAL_TRUSTED_PROXIES`, addresses or CIDR blocks): the client is the
    /// right-most `X-Forwarded-For` entry that is not one of them. Empty: the one proxy in front is trusted, so the
    /// client is the entry it appended (the right-most).
    pub trusted_proxies: Vec<crate::http::context::IpBlock>,
    /// SQLite's commit durability (`PORTAL_SQLITE_SYNCHRONOUS=normal` trades the last commits before a power loss
    /// for speed; the default, `full`, keeps every acknowledged receipt).
    pub durability: db::Durability,
    /// Load the demo reference data and accounts at start-up.
    pub load_demo_data: bool,
    /// Where evidence files are kept.
    pub upload_dir: PathBuf,
    /// The province's choices within the fee ranges of 《诉讼费用交纳办法》 (`PORTAL_FEE_TABLE`, a JSON file).
    pub fee_table: domain::fees::FeeTable,
    /// The public holidays periods are counted with: the State Council's yearly notices, one JSON file per year in
    /// `PORTAL_HOLIDAYS_DIR`, or the notices shipped in `domain/holidays/` when it is not set.
    pub calendar: domain::calendar::HolidayCalendar,
    /// The courts' fee accounts and the province's online payment address, for payment notices
    /// (`PORTAL_COURT_ACCOUNTS`, a JSON file), or the demo courts' example accounts shipped in
    /// `server/config/court-accounts.demo.json` when it is not set.
    pub court_accounts: domain::payment_notice::CourtAccounts,
    /// The mail server for e-mail notifications (`PORTAL_SMTP_URL`, e.g. `smtp://mail.court.example:587?tls=required`)
    /// and the sender (`PORTAL_SMTP_FROM`); without them every message waits in the outbox for the operator's gateway.
    pub smtp: Option<SmtpSettings>,
    /// STUN and TURN for the video rooms (`PORTAL_STUN_URLS`, `PORTAL_TURN_URLS`, `PORTAL_TURN_SECRET` — coturn's
    /// `static-auth-secret` — and `PORTAL_ICE_TRANSPORT_POLICY`: `all` or `relay`).
    pub meeting: app::mediation::meeting::MeetingConfig,
    /// The knowledge base's data (`PORTAL_KB_DIR`, default `data/kb`) and the guided pathways
    /// (`PORTAL_PATHWAYS_DIR`, default `data/pathways`), read at start-up by every instance.
    pub kb_dir: PathBuf,
    pub pathways_dir: PathBuf,
    /// The hours within which each kind of service request is answered (`PORTAL_SERVICE_HOURS`, e.g.
    /// `enquiry=24,complaint=120`; kinds not named keep the 12368 defaults).
    pub service_hours: domain::service_request::PromisedHours,
}

/// Where e-mail goes out. `Debug` hides the URL's password.
#[derive(Clone)]
pub struct SmtpSettings {
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &redact_url(&self.url))
            .field("from", &self.from)
            .finish()
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("secret", &"…")
            .field("secure_cookies", &self.secure_cookies)
            .field("allowed_origins", &self.allowed_origins)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("durability", &self.durability)
            .field("load_demo_data", &self.load_demo_data)
            .field("upload_dir", &self.upload_dir)
            .field("fee_table", &self.fee_table.version)
            .field("calendar_years", &self.calendar.years)
            .field("court_accounts", &self.court_accounts.version)
            .field("smtp", &self.smtp)
            .finish()
    }
}

/// `postgres://user:password@host/db` → `postgres://user:…@host/db`.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.find(':') {
                Some(colon) => format!("{}{}:…{}", &url[..scheme + 3], &creds[..colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

fn flag(name: &str) -> bool {
    matches!(std::env::var(name).as_deref(), Ok("1" | "true" | "yes"))
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.db?mode=rwc";

impl Settings {
    pub fn from_env() -> Result<Settings, String> {
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        if let Some(path) = sqlite_path(&database_url) {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
        let secret = match std::env::var("PORTAL_SECRET") {
            Ok(hex_secret) => {
                let bytes = hex::decode(hex_secret.trim())
                    .map_err(|_| "PORTAL_SECRET must be hex".to_string())?;
                if bytes.len() < 32 {
                    return Err("PORTAL_SECRET must hold at least 32 bytes (64 hex digits)".into());
                }
                bytes
            }
            Err(_) => secret_from_file(&PathBuf::from(
                std::env::var("PORTAL_SECRET_FILE").unwrap_or_else(|_| "data/secret.key".into()),
            ))?,
        };
        Ok(Settings {
            database_url,
            secret,
            secure_cookies: flag("PORTAL_SECURE_COOKIES"),
            allowed_origins: std::env::var("PORTAL_ALLOWED_ORIGINS")
                .unwrap_or_default()
                .split(',')
                .map(|s| s.trim().trim_end_matches('/').to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            trust_forwarded_for: flag("PORTAL_TRUST_FORWARDED_FOR"),
            trusted_proxies: std::env::var("PORTAL_TRUSTED_PROXIES")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.parse().map_err(|_| {
                        format!("PORTAL_TRUSTED_PROXIES: {s} is not an address or CIDR block")
                    })
                })
                .collect::<Result<_, _>>()?,
            durability: match std::env::var("PORTAL_SQLITE_SYNCHRONOUS").as_deref() {
                Err(_) | Ok("full" | "FULL") => db::Durability::Full,
                Ok("normal" | "NORMAL") => db::Durability::Normal,
                Ok(other) => {
                    return Err(format!(
                        "PORTAL_SQLITE_SYNCHRONOUS={other}: use full or normal"
                    ))
                }
            },
            load_demo_data: flag("PORTAL_DEMO_DATA"),
            upload_dir: PathBuf::from(
                std::env::var("PORTAL_UPLOAD_DIR").unwrap_or_else(|_| "data/uploads".into()),
            ),
            fee_table: match std::env::var("PORTAL_FEE_TABLE") {
                Ok(path) => fee_table_from_file(&PathBuf::from(path))?,
                Err(_) => domain::fees::FeeTable::JILIN,
            },
            calendar: match std::env::var("PORTAL_HOLIDAYS_DIR") {
                Ok(dir) => calendar_from_dir(&PathBuf::from(dir))?,
                Err(_) => domain::calendar::shipped(),
            },
            court_accounts: match std::env::var("PORTAL_COURT_ACCOUNTS") {
                Ok(path) => court_accounts_from_file(&PathBuf::from(path))?,
                Err(_) => shipped_court_accounts(),
            },
            smtp: smtp_from_env(
                std::env::var("PORTAL_SMTP_URL").ok(),
                std::env::var("PORTAL_SMTP_FROM").ok(),
            )?,
            meeting: app::mediation::meeting::MeetingConfig::parse(
                &std::env::var("PORTAL_STUN_URLS").unwrap_or_default(),
                &std::env::var("PORTAL_TURN_URLS").unwrap_or_default(),
                std::env::var("PORTAL_TURN_SECRET").ok().as_deref(),
                std::env::var("PORTAL_ICE_TRANSPORT_POLICY").ok().as_deref(),
                std::env::var("PORTAL_PUBLIC_URL").ok().as_deref(),
            )?,
            kb_dir: shipped_dir("PORTAL_KB_DIR", "kb"),
            pathways_dir: shipped_dir("PORTAL_PATHWAYS_DIR", "pathways"),
            service_hours: domain::service_request::PromisedHours::parse(
                &std::env::var("PORTAL_SERVICE_HOURS").unwrap_or_default(),
            )
            .map_err(|e| format!("PORTAL_SERVICE_HOURS: {e}"))?,
        })
    }
}

/// A data directory the repository ships (`data/<name>`): the variable's value when set; otherwise `data/<name>`
/// under the working directory, or, when the server runs from elsewhere (the tests run in `server/`), the one
/// beside the sources it was built from.
pub fn shipped_dir(var: &str, name: &str) -> PathBuf {
    if let Ok(dir) = std::env::var(var) {
        return PathBuf::from(dir);
    }
    let here = PathBuf::from("data").join(name);
    if here.is_dir() {
        return here;
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../data")).join(name)
}

/// The mail server settings: both variables or neither (a URL without a sender is a mistake worth stopping for).
pub fn smtp_from_env(
    url: Option<String>,
    from: Option<String>,
) -> Result<Option<SmtpSettings>, String> {
    let set = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    match (set(url), set(from)) {
        (None, None) => Ok(None),
        (Some(url), Some(from)) => {
            // Checked now, so a wrong setting stops start-up instead of the first message.
            app::notify::Smtp::from_url(&url, &from)?;
            Ok(Some(SmtpSettings { url, from }))
        }
        (Some(_), None) => {
            Err("PORTAL_SMTP_URL is set: set PORTAL_SMTP_FROM (the sender address) too".into())
        }
        (None, Some(_)) => {
            Err("PORTAL_SMTP_FROM is set: set PORTAL_SMTP_URL (the mail server) too".into())
        }
    }
}

/// A provincial fee table from its JSON file, refused unless every value lies inside the Measures' ranges.
pub fn fee_table_from_file(path: &PathBuf) -> Result<domain::fees::FeeTable, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("PORTAL_FEE_TABLE {}: {e}", path.display()))?;
    let table: domain::fees::FeeTable = serde_json::from_str(&text)
        .map_err(|e| format!("PORTAL_FEE_TABLE {}: {e}", path.display()))?;
    table
        .check()
        .map_err(|p| format!("PORTAL_FEE_TABLE {}: {}", path.display(), p.join("; ")))?;
    Ok(table)
}

/// The demo courts' example fee accounts, shipped with the portal and used when `PORTAL_COURT_ACCOUNTS` is not set.
pub const SHIPPED_COURT_ACCOUNTS: &str = include_str!("../config/court-accounts.demo.json");

pub fn shipped_court_accounts() -> domain::payment_notice::CourtAccounts {
    court_accounts_from_str(
        SHIPPED_COURT_ACCOUNTS,
        "server/config/court-accounts.demo.json",
    )
    .expect("the shipped court accounts are checked by a test")
}

/// The courts' fee accounts from their JSON file, refused as a whole when one entry cannot be right (a notice with a
/// wrong account number is worse than none).
pub fn court_accounts_from_file(
    path: &PathBuf,
) -> Result<domain::payment_notice::CourtAccounts, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("PORTAL_COURT_ACCOUNTS {}: {e}", path.display()))?;
    court_accounts_from_str(&text, &path.display().to_string())
        .map_err(|e| format!("PORTAL_COURT_ACCOUNTS {e}"))
}

fn court_accounts_from_str(
    text: &str,
    source: &str,
) -> Result<domain::payment_notice::CourtAccounts, String> {
    let accounts: domain::payment_notice::CourtAccounts =
        serde_json::from_str(text).map_err(|e| format!("{source}: {e}"))?;
    accounts
        .check()
        .map_err(|p| format!("{source}: {}", p.join("; ")))?;
    Ok(accounts)
}

/// Every `*.json` notice in a directory, refused as a whole if one cannot be right (a start-up error is better than
/// a wrong deadline).
pub fn calendar_from_dir(dir: &PathBuf) -> Result<domain::calendar::HolidayCalendar, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("PORTAL_HOLIDAYS_DIR {}: {e}", dir.display()))?;
    let mut notices = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            notices.push(
                domain::calendar::parse_notice(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            );
        }
    }
    notices.sort_by_key(|n| n.year);
    domain::calendar::HolidayCalendar::from_notices(&notices)
        .map_err(|e| format!("PORTAL_HOLIDAYS_DIR {}: {e}", dir.display()))
}

fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// A single machine keeps its secret in a file made on first start (mode 0600). A cluster sets PORTAL_SECRET.
fn secret_from_file(path: &PathBuf) -> Result<Vec<u8>, String> {
    if let Ok(text) = std::fs::read_to_string(path) {
        return hex::decode(text.trim()).map_err(|_| format!("{} is not hex", path.display()));
    }
    use rand::RngCore;
    let mut bytes = vec![0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // Created 0600: the key is never readable by others, not even between its creation and a chmod.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let write = |mut f: std::fs::File| {
        std::io::Write::write_all(&mut f, hex::encode(&bytes).as_bytes())?;
        f.sync_all()
    };
    options
        .open(path)
        .and_then(write)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_fee_table_outside_the_measures_ranges_is_refused_at_start_up() {
        let dir = std::env::temp_dir().join(format!("portal-fee-table-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("fees.json");
        std::fs::write(
            &path,
            r#"{"version": "x", "divorce_fen": 50000, "personality_fen": 10000, "non_property_fen": 5000,
                "ip_without_amount_fen": 50000, "enforcement_without_amount_fen": 5000}"#,
        )
        .unwrap();
        let err = super::fee_table_from_file(&path).unwrap_err();
        assert!(
            err.contains("divorce_fen") && err.contains("50–300"),
            "{err}"
        );
        std::fs::write(&path, r#"{"version": "x"}"#).unwrap();
        assert!(super::fee_table_from_file(&path).is_err());
        std::fs::write(
            &path,
            r#"{"version": "jilin-2026", "divorce_fen": 30000, "personality_fen": 10000, "non_property_fen": 5000,
                "ip_without_amount_fen": 50000, "enforcement_without_amount_fen": 5000}"#,
        )
        .unwrap();
        assert_eq!(
            super::fee_table_from_file(&path).unwrap().divorce_fen,
            30000
        );
    }

    #[test]
    fn holiday_notices_load_from_a_directory_and_a_wrong_one_stops_start_up() {
        let dir = std::env::temp_dir().join(format!("portal-holidays-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("2026.json"), domain::calendar::SHIPPED_NOTICES[1]).unwrap();
        std::fs::write(
            dir.join("2027.json"),
            r#"{"year": 2027, "source": "test", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}],
                "make_up_workdays": []}"#,
        )
        .unwrap();
        let cal = super::calendar_from_dir(&dir).unwrap();
        assert_eq!(cal.years, vec![2026, 2027]);
        assert!(cal.is_rest_day(domain::Date::new(2027, 1, 1).unwrap()));
        // A make-up working day that is a Wednesday cannot be right.
        std::fs::write(
            dir.join("2027.json"),
            r#"{"year": 2027, "source": "test", "holidays": [], "make_up_workdays": ["2027-01-06"]}"#,
        )
        .unwrap();
        assert!(super::calendar_from_dir(&dir)
            .unwrap_err()
            .contains("2027-01-06"));
    }

    #[test]
    fn court_accounts_are_checked_at_start_up_and_the_shipped_ones_cover_every_demo_court() {
        let shipped = super::shipped_court_accounts();
        assert!(shipped.demo, "the shipped accounts say they are examples");
        for (code, ..) in db::demo::COURTS {
            assert!(
                shipped.account(code).is_some(),
                "{code} has no account in the shipped file"
            );
        }
        assert!(shipped.online_payment_url.is_some());
        let dir = std::env::temp_dir().join(format!("portal-accounts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("accounts.json");
        std::fs::write(
            &path,
            r#"{"version": "jilin-2026", "courts": {"吉0202": {"bank": "中国工商银行吉林市分行",
                "account_name": "吉林市昌邑区人民法院", "account_number": "0802 0000 1902 0000 123"}}}"#,
        )
        .unwrap();
        let read = super::court_accounts_from_file(&path).unwrap();
        assert_eq!(
            (read.demo, read.online_payment_url.as_deref()),
            (false, None)
        );
        // A wrong account number stops start-up, naming the variable, the file, the court and the field.
        std::fs::write(
            &path,
            r#"{"version": "jilin-2026", "online_payment_url": "http://pay.example/?ref={reference}",
                "courts": {"吉0202": {"bank": "中国工商银行吉林市分行", "account_name": "吉林市昌邑区人民法院",
                "account_number": "0802-ABC"}}}"#,
        )
        .unwrap();
        let err = super::court_accounts_from_file(&path).unwrap_err();
        assert!(
            err.starts_with("PORTAL_COURT_ACCOUNTS")
                && err.contains("accounts.json")
                && err.contains("吉0202: account_number")
                && err.contains("https://"),
            "{err}"
        );
        std::fs::write(&path, "{not json").unwrap();
        assert!(super::court_accounts_from_file(&path).is_err());
        assert!(super::court_accounts_from_file(&dir.join("missing.json")).is_err());
    }

    #[test]
    fn the_mail_server_needs_both_settings_and_hides_its_password() {
        assert!(super::smtp_from_env(None, None).unwrap().is_none());
        assert!(
            super::smtp_from_env(Some("smtp://mail.example:25".into()), None)
                .unwrap_err()
                .contains("PORTAL_SMTP_FROM")
        );
        assert!(super::smtp_from_env(None, Some("court@example.cn".into()))
            .unwrap_err()
            .contains("PORTAL_SMTP_URL"));
        let s = super::smtp_from_env(
            Some("smtp://mailer:hunter2@mail.example:587?tls=required".into()),
            Some("吉林法院 <court@example.cn>".into()),
        )
        .unwrap()
        .unwrap();
        assert!(!format!("{s:?}").contains("hunter2"), "{s:?}");
    }

    #[test]
    fn database_passwords_are_redacted() {
        assert_eq!(
            super::redact_url("postgres://root:hunter2@127.0.0.1/test"),
            "postgres://root:…@127.0.0.1/test"
        );
        assert_eq!(
            super::redact_url("sqlite://data/portal.db"),
            "sqlite://data/portal.db"
        );
    }
}
