//! Coming back where one was: a page that needs a login sends the browser to `/login?next=<that page>`, and a
//! successful login goes there. `next` is chosen by whoever wrote the link, so only a path on this site is ever
//! followed ([`same_site_path`]); anything else goes to the default, never to another site (no open redirect).

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Longer than any address of ours; a bound on what goes into a Location header.
const MAX_PATH: usize = 512;

/// `p` if it is a path on this site: a single `/` first (`//host` is another site to a browser), no backslash
/// (browsers read `/\host` as `//host`), no scheme (it would not start with `/`), and printable ASCII only — no
/// space, CR or LF to split a header, nothing a browser might rewrite.
pub fn same_site_path(p: &str) -> Option<&str> {
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && p.len() <= MAX_PATH
        && p.bytes().all(|b| b.is_ascii_graphic());
    ok.then_some(p)
}

/// The login page that returns to `path` afterwards (or plain `/login` for a path that is not this site's).
pub fn login_url(path: &str) -> String {
    match same_site_path(path) {
        Some(p) => format!("/login?next={}", encode(p)),
        None => "/login".into(),
    }
}

/// Percent-encodes a query value; `/` stays as it is (allowed in a query, and readable).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A page (GET or HEAD, HTML) that answered 401 because nobody is logged in becomes a redirect to the login page
/// with the page as `next`. JSON API and server-function answers keep their 401: their clients handle it.
pub async fn send_to_login(req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    let is_page = matches!(*req.method(), Method::GET | Method::HEAD)
        && !path.starts_with("/api/")
        && !path.starts_with("/rpc/");
    let asked = req.uri().path_and_query().map(|pq| pq.as_str().to_string());
    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    if !is_page || !html || res.status() != StatusCode::UNAUTHORIZED {
        return res;
    }
    let Some(asked) = asked else {
        return res;
    };
    let mut redirect = Redirect::to(&login_url(&asked)).into_response();
    for cookie in res.headers().get_all(header::SET_COOKIE) {
        redirect
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    redirect
}

#[cfg(test)]
mod tests {
    use super::{login_url, same_site_path};

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for ok in [
            "/",
            "/filings",
            "/filings/0a1b/parties?check=1",
            "/register?kind=lawyer",
            "/me#link-heading",
        ] {
            assert_eq!(same_site_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "filings",
            "//evil.example/",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/filings\\..\\x",
            "https://evil.example/",
            "javascript:alert(1)",
            "http:/evil.example",
            "/a b",
            "/a\r\nSet-Cookie: x=1",
            "/a\tb",
            "/名字",
            "\u{7f}/",
        ] {
            assert_eq!(same_site_path(bad), None, "{bad:?}");
        }
        assert_eq!(same_site_path(&format!("/{}", "a".repeat(600))), None);
    }

    #[test]
    fn the_login_link_carries_the_page_encoded() {
        assert_eq!(login_url("/filings"), "/login?next=/filings");
        assert_eq!(
            login_url("/filings/ab/parties?check=1&x=2"),
            "/login?next=/filings/ab/parties%3Fcheck%3D1%26x%3D2"
        );
        assert_eq!(login_url("//evil.example"), "/login");
    }
}
