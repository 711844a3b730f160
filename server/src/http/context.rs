//! Who is asking: the request's facts worked out once — client address, language, elderly mode, the session's
//! account, today's date in Asia/Shanghai — and kept in the request's extensions for every door.

use super::cookies;
use crate::state::{now_ms, AppState};
use app::ssr::RequestInfo;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, Request};
use axum::middleware::Next;
use axum::response::Response;
use domain::Lang;
use std::net::{IpAddr, SocketAddr};

/// The session token of the request, kept for logout.
#[derive(Clone, Debug)]
pub struct SessionToken(pub String);

/// The request's language as the pages work it out: the cookie, then `Accept-Language`, then Chinese.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    cookies::read(headers, cookies::LANG)
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// An address or a CIDR block (`10.0.0.0/8`, `fd00::/8`), for the trusted proxies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpBlock {
    addr: IpAddr,
    prefix: u8,
}

impl std::str::FromStr for IpBlock {
    type Err = ();
    fn from_str(s: &str) -> Result<IpBlock, ()> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (
                a.parse::<IpAddr>().map_err(drop)?,
                Some(p.parse::<u8>().map_err(drop)?),
            ),
            None => (s.parse::<IpAddr>().map_err(drop)?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max)
            .then_some(IpBlock { addr, prefix })
            .ok_or(())
    }
}

impl IpBlock {
    pub fn contains(&self, ip: IpAddr) -> bool {
        fn bits(ip: IpAddr) -> (u128, u32) {
            match ip {
                IpAddr::V4(v4) => (u32::from(v4) as u128, 32),
                IpAddr::V6(v6) => (u128::from(v6), 128),
            }
        }
        // An IPv4 address seen as ::ffff:a.b.c.d is the same client.
        let canonical = |ip: IpAddr| match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        let (net, len) = bits(canonical(self.addr));
        let (candidate, candidate_len) = bits(canonical(ip));
        if len != candidate_len {
            return false;
        }
        let shift = len - self.prefix as u32;
        shift >= len || (net >> shift) == (candidate >> shift)
    }
}

/// The client's address. Without `trust_forwarded_for`, the connection's peer. Behind a reverse proxy, the
/// right-most `X-Forwarded-For` entry that is not a trusted proxy: the left-most entries are whatever the client
/// sent and prove nothing; each proxy appends the address it saw. With no proxies listed, the one proxy in front is
/// trusted, so the client is the entry it appended. The connection itself must come from a trusted proxy (or any
/// address when none are listed); otherwise the header is ignored.
pub fn client_ip(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trust_forwarded_for: bool,
    proxies: &[IpBlock],
) -> String {
    let trusted = |ip: IpAddr| proxies.iter().any(|b| b.contains(ip));
    let peer_str = || {
        peer.map(|p| p.to_string())
            .unwrap_or_else(|| "unknown".into())
    };
    if !trust_forwarded_for || peer.is_some_and(|p| !proxies.is_empty() && !trusted(p)) {
        return peer_str();
    }
    let Some(list) = forwarded_for else {
        return peer_str();
    };
    let hops: Vec<&str> = list.rsplit(',').map(str::trim).take(32).collect();
    for hop in &hops {
        match hop.parse::<IpAddr>() {
            Ok(ip) if !proxies.is_empty() && trusted(ip) => continue,
            Ok(ip) => return ip.to_string(),
            // Garbage where an address should be: the hop that wrote it is not to be believed further left.
            Err(_) => break,
        }
    }
    peer_str()
}

fn request_client_ip(req: &Request<Body>, settings: &crate::settings::Settings) -> String {
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let joined = forwarded.join(",");
    client_ip(
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ci| ci.0.ip()),
        (!forwarded.is_empty()).then_some(joined.as_str()),
        settings.trust_forwarded_for,
        &settings.trusted_proxies,
    )
}

/// Middleware: works out the request's facts and stores them for pages, forms, the API and server functions alike.
pub async fn request_context(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let now = now_ms();
    let headers = req.headers();
    let lang = request_lang(headers);
    let elderly = cookies::read(headers, cookies::ELDERLY).as_deref() == Some("1");
    let token = cookies::read(headers, cookies::SESSION).filter(|t| t.len() <= 128);
    let mut info = RequestInfo {
        ip: request_client_ip(&req, &state.settings),
        lang,
        elderly,
        user: None,
        today: domain::date::shanghai_date(now),
        now_ms: now,
        device: cookies::read(headers, cookies::DEVICE).filter(|d| d.len() <= 64),
    };
    if let Some(t) = &token {
        match app::account::service::session_account(t, now, &state.ctx).await {
            Ok(user) => info.user = user,
            Err(e) => {
                // The session store does not answer: say so in the request's own terms (problem or page).
                let problem = super::problem::Problem::from_service(&e, lang);
                return if req.uri().path().starts_with("/api/") {
                    axum::response::IntoResponse::into_response(problem)
                } else {
                    let (parts, _) = req.into_parts();
                    super::error_page::render(&state, parts, &problem).await
                };
            }
        }
    }
    if let Some(t) = token {
        req.extensions_mut().insert(SessionToken(t));
    }
    req.extensions_mut().insert(info);
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_client_is_the_right_most_untrusted_hop() {
        let proxies: Vec<IpBlock> =
            vec!["10.0.0.0/8".parse().unwrap(), "127.0.0.1".parse().unwrap()];
        // The client forged the first entry; the proxy appended the real address.
        assert_eq!(
            client_ip(ip("10.0.0.5"), Some("6.6.6.6, 203.0.113.7"), true, &proxies),
            "203.0.113.7"
        );
        // Two proxies: the inner one appended the outer one's address, which is trusted.
        assert_eq!(
            client_ip(
                ip("127.0.0.1"),
                Some("6.6.6.6, 203.0.113.7, 10.1.2.3"),
                true,
                &proxies
            ),
            "203.0.113.7"
        );
        // A connection not from a proxy: its header is ignored.
        assert_eq!(
            client_ip(ip("198.51.100.1"), Some("1.2.3.4"), true, &proxies),
            "198.51.100.1"
        );
        // No proxies listed: the one in front appended the last entry.
        assert_eq!(
            client_ip(ip("10.0.0.5"), Some("6.6.6.6, 203.0.113.7"), true, &[]),
            "203.0.113.7"
        );
        // Not trusted at all: the peer.
        assert_eq!(
            client_ip(ip("10.0.0.5"), Some("6.6.6.6"), false, &[]),
            "10.0.0.5"
        );
        // Garbage: the peer, never the garbage.
        assert_eq!(
            client_ip(ip("10.0.0.5"), Some("6.6.6.6, <script>"), true, &proxies),
            "10.0.0.5"
        );
        assert!("fd00::/8"
            .parse::<IpBlock>()
            .unwrap()
            .contains(ip("fd12::1").unwrap()));
        assert!("10.0.0.0/33".parse::<IpBlock>().is_err());
        assert!("0.0.0.0/0"
            .parse::<IpBlock>()
            .unwrap()
            .contains(ip("8.8.8.8").unwrap()));
    }
}
