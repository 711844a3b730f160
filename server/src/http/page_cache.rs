//! The public pages everybody sees the same — home, login, register — for visitors who are not logged in, kept
//! rendered and compressed in memory, so the front door stays fast for people on slow rural networks and under load.
//!
//! What such a page depends on is exactly the cache key: the path and the one query parameter the page reads
//! (the registration tab, the "answers kept" notice of the login page) reduced to the values it can take, the
//! language (cookie, then `Accept-Language`), elderly mode, today's date in Asia/Shanghai (the page data carries
//! it) and the encoding the browser accepts. Any other query string is the same page: it is rendered from the
//! canonical address, so a million made-up query strings cost one render. The store is bounded (quick_cache,
//! evicting by use). A request with a session or any state of its own (a pending save) is never served from here,
//! and a response is kept only if it is a plain 200 page that sets no cookie. A kept page must not repeat one
//! response's nonce to everyone: its nonce attributes are removed and its CSP allows exactly its inline scripts (Leptos'
//! fixed hydration data) by their SHA-256 instead.

use super::context::request_lang;
use super::cookies;
use crate::state::now_ms;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use domain::Lang;
use std::io::Write;
use std::sync::Arc;

/// Bounds memory: each entry is one compressed page of a few KB. The whole key space is 3 paths × their
/// variants × 3 languages × 2 modes × 3 encodings (× 2 days around midnight) — well under this.
const MAX_ENTRIES: usize = 512;
const MAX_PAGE: usize = 512 * 1024;

/// The pages kept, and what of the query each one reads: `(path, variant)` with the canonical address to render.
fn canonical(path: &str, query: Option<&str>) -> Option<(&'static str, &'static str)> {
    let param = |name: &str| {
        query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .find_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (k == name).then_some(v)
            })
    };
    match path {
        "/" => Some(("/", "/")),
        "/login" => Some(match param("saved") {
            Some(_) => ("/login", "/login?saved=1"),
            None => ("/login", "/login"),
        }),
        "/register" => Some(match param("kind") {
            Some("enterprise") => ("/register", "/register?kind=enterprise"),
            Some("lawyer") => ("/register", "/register?kind=lawyer"),
            _ => ("/register", "/register"),
        }),
        _ => None,
    }
}

/// A response encoding the browser accepts (shared with other answers kept compressed, such as the courts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding the request accepts (quality values other than 0 count as accepted).
    pub fn of(headers: &HeaderMap) -> Encoding {
        let accepted: Vec<String> = headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|item| {
                let mut parts = item.split(';');
                let name = parts.next()?.trim().to_ascii_lowercase();
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some(name)
            })
            .collect();
        if accepted.iter().any(|e| e == "br") {
            Encoding::Brotli
        } else if accepted.iter().any(|e| e == "gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Identity => None,
        }
    }

    pub fn compress(self, body: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                let mut out = Vec::with_capacity(body.len() / 4);
                {
                    // Quality 9: compressed once, served many times.
                    let mut w = brotli::CompressorWriter::new(&mut out, 4096, 9, 22);
                    w.write_all(body)?;
                }
                Ok(out)
            }
            Encoding::Gzip => {
                let mut w = flate2::write::GzEncoder::new(
                    Vec::with_capacity(body.len() / 3),
                    flate2::Compression::best(),
                );
                w.write_all(body)?;
                w.finish()
            }
            Encoding::Identity => Ok(body.to_vec()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// The canonical address rendered (path and the variant of its one parameter).
    page: &'static str,
    lang: Lang,
    elderly: bool,
    day: i64,
    encoding: Encoding,
}

struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Clone)]
pub struct PageCache {
    entries: Arc<quick_cache::sync::Cache<Key, Arc<Entry>>>,
}

impl Default for PageCache {
    fn default() -> PageCache {
        PageCache {
            entries: Arc::new(quick_cache::sync::Cache::new(MAX_ENTRIES)),
        }
    }
}

fn key_of(req: &Request<Body>) -> Option<Key> {
    if req.method() != Method::GET {
        return None;
    }
    let (_, page) = canonical(req.uri().path(), req.uri().query())?;
    let headers = req.headers();
    // Anything that makes the request someone's own bypasses the cache.
    if cookies::read(headers, cookies::SESSION).is_some()
        || cookies::read(headers, cookies::PENDING).is_some()
    {
        return None;
    }
    Some(Key {
        page,
        lang: request_lang(headers),
        elderly: cookies::read(headers, cookies::ELDERLY).as_deref() == Some("1"),
        day: domain::date::shanghai_date(now_ms()).to_days(),
        encoding: Encoding::of(headers),
    })
}

fn respond(entry: &Entry) -> Response {
    let mut res = Response::new(Body::from(entry.body.clone()));
    *res.headers_mut() = entry.headers.clone();
    res
}

impl PageCache {
    fn get(&self, key: &Key) -> Option<Arc<Entry>> {
        self.entries.get(key)
    }

    fn put(&self, key: Key, entry: Entry) {
        self.entries.insert(key, Arc::new(entry));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Middleware: serves a kept page, or renders it (uncompressed), keeps it if it may be kept, and serves it.
pub async fn serve(
    axum::extract::State(cache): axum::extract::State<PageCache>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let Some(key) = key_of(&req) else {
        return next.run(req).await;
    };
    if let Some(entry) = cache.get(&key) {
        return respond(&entry);
    }
    // Rendered plain, from the canonical address; this layer compresses once for all later requests.
    req.headers_mut().remove(header::ACCEPT_ENCODING);
    if let Ok(uri) = key.page.parse() {
        *req.uri_mut() = uri;
    }
    let res = next.run(req).await;
    let keep = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && !res.headers().contains_key(header::CONTENT_ENCODING)
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !keep {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(html) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return axum::response::IntoResponse::into_response(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let Some((page, csp)) = shareable(&parts.headers, &html) else {
        return Response::from_parts(parts, Body::from(html));
    };
    let Ok(compressed) = key.encoding.compress(page.as_bytes()) else {
        return Response::from_parts(parts, Body::from(html));
    };
    let mut headers = parts.headers.clone();
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    if let Some(enc) = key.encoding.header() {
        headers.insert(header::CONTENT_ENCODING, enc);
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("accept-encoding, accept-language, cookie"),
    );
    let entry = Entry {
        headers,
        body: Bytes::from(compressed),
    };
    let res = respond(&entry);
    cache.put(key, entry);
    res
}

/// The page without its response's nonce, and a CSP that allows exactly its inline scripts by their hashes; `None`
/// if that cannot be done safely (then the page is served as rendered and not kept).
fn shareable(headers: &HeaderMap, html: &[u8]) -> Option<(String, HeaderValue)> {
    use base64::Engine;
    use sha2::Digest;
    let mut page = std::str::from_utf8(html).ok()?.to_string();
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    if let Some(nonce) = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
    {
        page = page.replace(&format!(r#" nonce="{nonce}""#), "");
        if nonce.is_empty() || page.contains(nonce) {
            return None;
        }
    }
    let hashes: Vec<String> = inline_scripts(&page)
        .map(|body| {
            let digest = sha2::Sha256::digest(body.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let csp = HeaderValue::from_str(&app::content_security_policy(&hashes)).ok()?;
    Some((page, csp))
}

/// The contents of the inline scripts that would run: not external (`src`), not JSON data.
fn inline_scripts(page: &str) -> impl Iterator<Item = &str> {
    page.split("<script").skip(1).filter_map(|rest| {
        let (attrs, after) = rest.split_once('>')?;
        if attrs.contains("src=") || attrs.contains("application/json") {
            return None;
        }
        after.split_once("</script>").map(|(body, _)| body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        assert_eq!(
            Encoding::of(&headers(&[("accept-encoding", "gzip, deflate, br")])),
            Encoding::Brotli
        );
        assert_eq!(
            Encoding::of(&headers(&[("accept-encoding", "gzip, br;q=0")])),
            Encoding::Gzip
        );
        assert_eq!(
            Encoding::of(&headers(&[("accept-encoding", "br;q=0.5")])),
            Encoding::Brotli
        );
        assert_eq!(Encoding::of(&headers(&[])), Encoding::Identity);
    }

    #[test]
    fn compressed_pages_decompress_to_the_page() {
        let page = "<!DOCTYPE html><p>人民法院一站式诉讼服务</p>".repeat(50);
        let br = Encoding::Brotli.compress(page.as_bytes()).unwrap();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, page.as_bytes());
        let gz = Encoding::Gzip.compress(page.as_bytes()).unwrap();
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
            .unwrap();
        assert_eq!(out, page);
    }

    fn request(path: &str, cookie: Option<&'static str>) -> Request<Body> {
        let mut b = Request::get(path);
        if let Some(c) = cookie {
            b = b.header(header::COOKIE, c);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn a_kept_page_loses_its_nonce_and_allows_its_inline_scripts_by_hash() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&app::content_security_policy(&["'nonce-abc123'".into()]))
                .unwrap(),
        );
        let html = r#"<head><script type="application/json" id="page-data">{"a":1}</script><script type="module" src="/boot.js"></script></head><body><script nonce="abc123">__X=[];</script></body>"#;
        let (page, csp) = shareable(&h, html.as_bytes()).unwrap();
        assert!(!page.contains("abc123") && page.contains("<script>__X=[];</script>"));
        let csp = csp.to_str().unwrap();
        // printf '__X=[];' | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains("script-src 'self' 'sha256-8VjlbuYk1m4YOHzPfwr5kciXI1zE8K9naBRH3LjS9Wg=' 'wasm-unsafe-eval'") && !csp.contains("nonce"),
            "{csp}"
        );
        assert_eq!(inline_scripts(&page).collect::<Vec<_>>(), ["__X=[];"]);
    }

    #[test]
    fn only_anonymous_gets_of_public_pages_are_kept() {
        assert!(key_of(&request("/", None)).is_some());
        assert!(key_of(&request("/register?kind=lawyer", None)).is_some());
        assert!(key_of(&request("/me", None)).is_none());
        assert!(key_of(&request("/track?receipt=1&code=2", None)).is_none());
        assert!(key_of(&request("/", Some("portal_session=abc"))).is_none());
        assert!(key_of(&request("/login", Some("portal_pending=abc"))).is_none());
        // Query strings the page does not read are the same page.
        let long = format!("/?{}", "x".repeat(100));
        assert_eq!(key_of(&request(&long, None)), key_of(&request("/", None)));
        assert_eq!(
            key_of(&request("/register?kind=lawyer&utm=1", None))
                .unwrap()
                .page,
            "/register?kind=lawyer"
        );
        assert_eq!(
            key_of(&request("/register?kind=nonsense", None))
                .unwrap()
                .page,
            "/register"
        );
        assert_eq!(
            key_of(&request("/login?saved=1&x=2", None)).unwrap().page,
            "/login?saved=1"
        );
        let ko = key_of(&request("/", Some("portal_lang=ko; portal_elderly=1"))).unwrap();
        assert_eq!((ko.lang, ko.elderly), (Lang::Ko, true));
    }
}
