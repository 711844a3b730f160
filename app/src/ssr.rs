//! Server-only glue: the state server functions and the shell read, and the per-request facts the server's
//! middleware works out once (client address, language, elderly mode, session).

use crate::error::AppError;
use crate::page_data::{FormOutcome, PageData, UserSummary};
use db::accounts::Account;
use leptos::prelude::*;

/// What server functions need from the server: handed to them as Leptos context, never as a global.
#[derive(Clone, Debug)]
pub struct ServerCtx {
    pub db: db::Db,
    pub keys: db::crypto::Keys,
    /// The province's fee table (configuration), sent to the browser in the page data so its estimates agree.
    pub fees: domain::fees::FeeTable,
    /// The public-holiday notices loaded at start-up (data, one file per year), also sent in the page data.
    pub calendar: std::sync::Arc<domain::calendar::HolidayCalendar>,
    /// Where evidence files are kept.
    pub files: db::files::FileStore,
    /// The courts' fee accounts and the province's online payment address (configuration), for payment notices.
    pub court_accounts: std::sync::Arc<domain::payment_notice::CourtAccounts>,
    /// How a fee can be paid online besides the notice's transfer (the notice alone by default).
    pub online_payment: std::sync::Arc<dyn crate::filing::online_payment::OnlinePayment>,
    /// How short messages reach people (codes): the outbox for the SMS gateway, e-mail by SMTP when configured.
    pub notifier: std::sync::Arc<dyn crate::notify::NotificationChannel>,
    /// Carries the video rooms' messages to every server instance (PostgreSQL LISTEN/NOTIFY; in memory on SQLite).
    pub relay: db::relay::Relay,
    /// Where the rooms' browsers find each other (STUN, TURN with per-participant credentials).
    pub meeting: std::sync::Arc<crate::mediation::meeting::MeetingConfig>,
    /// The knowledge base and its search index, read and built at start-up on every instance.
    pub kb: crate::kb::service::Kb,
    /// The hours within which each kind of service request is answered (configuration).
    pub service_hours: domain::service_request::PromisedHours,
}

/// Worked out by the server's middleware for every request and kept in the request's extensions.
#[derive(Clone, Debug)]
pub struct RequestInfo {
    pub ip: String,
    pub lang: domain::Lang,
    pub elderly: bool,
    pub user: Option<Account>,
    /// Asia/Shanghai date of the request, and the instant in UTC milliseconds.
    pub today: domain::Date,
    pub now_ms: i64,
    /// The browser's known-device mark (a cookie set at login), checked against the account logging in.
    pub device: Option<String>,
}

pub fn request_info() -> Option<RequestInfo> {
    use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<RequestInfo>().cloned())
}

pub fn summary(account: &Account) -> UserSummary {
    UserSummary {
        id: account.id.clone(),
        kind: account.kind,
        display_name: account.display_name.clone(),
    }
}

/// The page data of the current request (the shell calls this once per page).
pub fn page_data() -> PageData {
    let info = request_info();
    let form = use_context::<FormOutcome>();
    let fees = use_context::<ServerCtx>()
        .map(|c| c.fees)
        .unwrap_or(domain::fees::FeeTable::JILIN);
    match info {
        Some(info) => PageData {
            lang: info.lang,
            elderly: info.elderly,
            user: info.user.as_ref().map(summary),
            today: info.today,
            form,
            fees,
        },
        None => PageData {
            form,
            fees,
            ..PageData::fallback()
        },
    }
}

pub fn ctx() -> Result<ServerCtx, AppError> {
    use_context::<ServerCtx>().ok_or(AppError::Internal)
}

pub fn set_status(code: u16) {
    if let (Some(resp), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        resp.set_status(status);
    }
}

/// The value of a request cookie, for what a page shows once (a code just issued, a look-up just made).
pub fn request_cookie(name: &str) -> Option<String> {
    use_context::<http::request::Parts>().and_then(|p| {
        p.headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}
