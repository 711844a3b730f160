//! Every cookie the portal sets, made by one function so the attributes are always the same: HttpOnly unless a
//! script must read it, SameSite=Lax, Secure behind TLS (a setting), a path and a lifetime.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use cookie::{Cookie, SameSite};

/// The session token (HttpOnly).
pub const SESSION: &str = "portal_session";
/// The chosen language and elderly mode (preferences, not secrets).
pub const LANG: &str = "portal_lang";
pub const ELDERLY: &str = "portal_elderly";
/// Answers posted after the session expired, kept until the next login (HttpOnly).
pub const PENDING: &str = "portal_pending";
/// The known-device mark of the last account that logged in here (HttpOnly, a year): its owner's logins are not
/// held back by strangers' guesses at the account.
pub const DEVICE: &str = "portal_device";
/// The one-time query code shown right after submission (HttpOnly, short-lived, on /filings only).
pub const QUERY_CODE: &str = app::filing::data::QUERY_CODE_COOKIE;
/// A party link code just issued, for the clerk's filing page (HttpOnly, short-lived, on /filings only).
pub const LINK_CODE: &str = app::filing::data::LINK_CODE_COOKIE;

/// The last public look-up, sealed with the server's key (HttpOnly, short-lived, on /track only): the look-up form
/// posts and the result page it leads to carries no code in its address.
pub const TRACK: &str = app::filing::data::TRACK_COOKIE;
/// The login name a password-reset code was just asked for, to fill in the second form (HttpOnly, 15 minutes, on
/// /password-reset only).
pub const RESET_LOGIN: &str = app::account::password_reset_page::RESET_LOGIN_COOKIE;

/// How long a cookie lives and where it is sent.
#[derive(Clone, Copy, Debug)]
pub struct Lifetime {
    pub path: &'static str,
    pub max_age_secs: i64,
    /// No script may read it.
    pub http_only: bool,
}

impl Lifetime {
    pub const SESSION: Lifetime = Lifetime {
        path: "/",
        max_age_secs: db::sessions::ABSOLUTE_TIMEOUT_MS / 1000,
        http_only: true,
    };
    pub const PENDING: Lifetime = Lifetime {
        path: "/",
        max_age_secs: db::pending::KEEP_MS / 1000,
        http_only: true,
    };
    pub const QUERY_CODE: Lifetime = Lifetime {
        path: "/filings",
        max_age_secs: 15 * 60,
        http_only: true,
    };
    pub const TRACK: Lifetime = Lifetime {
        path: "/track",
        max_age_secs: 10 * 60,
        http_only: true,
    };
    pub const RESET_LOGIN: Lifetime = Lifetime {
        path: "/password-reset",
        max_age_secs: app::account::service::RESET_VALID_MS / 1000,
        http_only: true,
    };
    pub const DEVICE: Lifetime = Lifetime {
        path: "/",
        max_age_secs: 365 * 24 * 3600,
        http_only: true,
    };
    pub const PREFERENCE: Lifetime = Lifetime {
        path: "/",
        max_age_secs: 365 * 24 * 3600,
        http_only: false,
    };
}

/// The one place cookie attributes are decided.
pub fn make(secure: bool, name: &'static str, value: String, life: Lifetime) -> Cookie<'static> {
    Cookie::build((name, value))
        .path(life.path)
        .max_age(cookie::time::Duration::seconds(life.max_age_secs))
        .http_only(life.http_only)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build()
}

/// A cookie that tells the browser to forget `name` (same path and attributes, no value, no lifetime).
pub fn removal(secure: bool, name: &'static str, life: Lifetime) -> Cookie<'static> {
    make(
        secure,
        name,
        String::new(),
        Lifetime {
            max_age_secs: 0,
            ..life
        },
    )
}

/// Adds a `Set-Cookie` header to a response.
pub fn set(res: &mut Response, cookie: Cookie<'static>) {
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Starts a session in the browser: the session cookie with the token, and the known-device mark.
pub fn start_session(
    res: &mut Response,
    secure: bool,
    started: app::account::service::SessionStarted,
) {
    set(res, make(secure, SESSION, started.token, Lifetime::SESSION));
    set(res, make(secure, DEVICE, started.device, Lifetime::DEVICE));
}

/// Ends the session in the browser (the server has already deleted it).
pub fn end_session(res: &mut Response, secure: bool) {
    set(res, removal(secure, SESSION, Lifetime::SESSION));
}

/// The value of a request cookie. Parsed by the cookie crate straight from the headers, without building a jar:
/// every request reads three or four cookies before anything else happens.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_carry_the_attributes_of_their_kind() {
        let s = make(true, SESSION, "tok".into(), Lifetime::SESSION).to_string();
        for part in [
            "portal_session=tok",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(s.contains(part), "{s}");
        }
        let p = make(false, LANG, "ko".into(), Lifetime::PREFERENCE).to_string();
        assert!(
            !p.contains("HttpOnly") && !p.contains("Secure") && p.contains("Max-Age=31536000"),
            "{p}"
        );
        let gone = removal(false, SESSION, Lifetime::SESSION).to_string();
        assert!(
            gone.contains("Max-Age=0") && gone.contains("HttpOnly"),
            "{gone}"
        );
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; portal_lang=ko; b=2"),
        );
        assert_eq!(read(&h, LANG).as_deref(), Some("ko"));
        assert_eq!(read(&h, SESSION), None);
    }
}
