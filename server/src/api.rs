//! The JSON API under `/api/v1`, for other court systems and mobile clients. Every operation is registered with
//! its OpenAPI description (utoipa-axum), so `/api/v1/openapi.json` is generated from the handlers and cannot
//! leave one out; `/api/docs` renders that document as a readable page (server-side, no script, no CDN). Every
//! error is `application/problem+json` (RFC 9457) in the caller's language.

use crate::http::problem::{self, Problem};
use crate::state::AppState;
use app::ssr::RequestInfo;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Extension, Json, Router};
use std::sync::Arc;
use utoipa::openapi::OpenApi as Document;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Court self-service portal API",
        version = "1.0.0",
        description = "For other court systems and mobile clients. State-changing requests must carry an Origin \
                        header of this site (CSRF protection); the session is the `portal_session` cookie. Every \
                        error is an RFC 9457 problem (`application/problem+json`) in the caller's language \
                        (`portal_lang` cookie or Accept-Language)."
    ),
    tags(
        (name = "reference", description = "Courts, fee quotes and identifier checks: public."),
        (name = "accounts", description = "Registration, sessions and the caller's own account."),
        (name = "filings", description = "网上立案: drafts, submission, fee payment, tracking."),
        (name = "mediation", description = "调解: the public roster and free slots, booking with the other party's consent, outcomes, agreements, judicial confirmation."),
        (name = "knowledge", description = "法律问答: the cited knowledge base and its search, public."),
        (name = "service", description = "诉讼服务请求 (12368 online): consultation, enquiries, contact, appointments, transfers, complaints."),
        (name = "court", description = "The court's side: review queue and review actions (staff only).")
    ),
    components(schemas(Problem))
)]
struct ApiDoc;

/// The API's routes and the document generated from them, built together.
pub fn parts() -> (Router<AppState>, Document) {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(crate::reference::api::router())
        .merge(crate::account::api::router())
        .merge(crate::filing::api::router())
        .merge(crate::mediation::api::router())
        .merge(crate::kb::api::router())
        .merge(crate::service_request::api::router())
        .split_for_parts();
    (router, doc)
}

/// `/api/v1/*`: the documented routes, the document itself, a problem for every unknown route, and every error
/// response turned into a problem.
pub fn router() -> Router<AppState> {
    let (routes, doc) = parts();
    let doc = Arc::new(doc);
    let json = {
        let doc = doc.clone();
        move || {
            let doc = doc.clone();
            async move { Json((*doc).clone()) }
        }
    };
    let page = Arc::new(docs_page(&doc));
    routes
        .route("/api/v1/openapi.json", get(json))
        .route(
            "/api/docs",
            get(move || {
                let page = page.clone();
                async move { docs_response(&page) }
            }),
        )
        .route("/api/v1", axum::routing::any(unknown))
        .route("/api/v1/{*rest}", axum::routing::any(unknown))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            crate::BODY_LIMIT,
        ))
        .layer(middleware::from_fn(problem::every_error_is_a_problem))
}

async fn unknown(Extension(info): Extension<RequestInfo>, State(_): State<AppState>) -> Problem {
    Problem::status_only(StatusCode::NOT_FOUND, info.lang)
}

fn docs_response(page: &str) -> Response {
    let mut res = Html(page.to_string()).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn schema_name(r: &utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) -> String {
    use utoipa::openapi::schema::Schema;
    use utoipa::openapi::RefOr;
    match r {
        RefOr::Ref(r) => r.ref_location.rsplit('/').next().unwrap_or("").to_string(),
        RefOr::T(Schema::Array(a)) => match &a.items {
            utoipa::openapi::schema::ArrayItems::RefOrSchema(item) => {
                format!("[{}]", schema_name(item))
            }
            _ => "array".into(),
        },
        RefOr::T(_) => "object".into(),
    }
}

/// The document as a page people can read: every operation with its parameters, body and answers. Rendered once
/// at start-up from the same document the JSON serves.
fn docs_page(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>API · {title}</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head><body><main id=\"main\" class=\"api-docs panel\">\
         <h1>{title} <small>{version}</small></h1><p>{desc}</p>\
         <p><a href=\"/api/v1/openapi.json\">openapi.json</a> · <a href=\"/\">返回首页 Home</a></p>",
        title = esc(&doc.info.title),
        version = esc(&doc.info.version),
        desc = esc(doc.info.description.as_deref().unwrap_or("")),
    );
    let mut by_tag: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (path, item) in &doc.paths.paths {
        let ops = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
            ("PATCH", &item.patch),
        ];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            let mut s = String::new();
            let id = format!("{method}-{path}").replace(['/', '{', '}'], "-");
            let _ = write!(
                s,
                "<section class=\"api-op\" id=\"{id}\"><h3><code>{method} {path}</code></h3><p>{summary}</p>",
                path = esc(path),
                summary = esc(op.description.as_deref().or(op.summary.as_deref()).unwrap_or("")),
            );
            if let Some(params) = &op.parameters {
                s.push_str("<h4>Parameters</h4><ul>");
                for p in params {
                    let _ = write!(
                        s,
                        "<li><code>{}</code> ({}){}</li>",
                        esc(&p.name),
                        serde_json::to_string(&p.parameter_in)
                            .unwrap_or_default()
                            .trim_matches('"'),
                        p.description
                            .as_deref()
                            .map(|d| format!(" — {}", esc(d)))
                            .unwrap_or_default()
                    );
                }
                s.push_str("</ul>");
            }
            if let Some(body) = &op.request_body {
                s.push_str("<h4>Request body</h4><ul>");
                for (ct, c) in &body.content {
                    let name = c.schema.as_ref().map(schema_name).unwrap_or_default();
                    let _ = write!(
                        s,
                        "<li><code>{}</code>: <a href=\"#schema-{n}\">{n}</a></li>",
                        esc(ct),
                        n = esc(&name)
                    );
                }
                s.push_str("</ul>");
            }
            s.push_str("<h4>Responses</h4><ul>");
            for (status, r) in &op.responses.responses {
                let (desc, schema) = match r {
                    utoipa::openapi::RefOr::T(r) => (
                        r.description.clone(),
                        r.content
                            .values()
                            .next()
                            .and_then(|c| c.schema.as_ref().map(schema_name))
                            .unwrap_or_default(),
                    ),
                    utoipa::openapi::RefOr::Ref(r) => (r.ref_location.clone(), String::new()),
                };
                let _ = write!(
                    s,
                    "<li><strong>{}</strong> {} <code>{}</code></li>",
                    esc(status),
                    esc(&desc),
                    esc(&schema)
                );
            }
            s.push_str("</ul></section>");
            let tag = op
                .tags
                .as_ref()
                .and_then(|t| t.first().cloned())
                .unwrap_or_else(|| "other".into());
            by_tag.entry(tag).or_default().push(s);
        }
    }
    for (tag, ops) in by_tag {
        let _ = write!(out, "<h2>{}</h2>", esc(&tag));
        for op in ops {
            out.push_str(&op);
        }
    }
    if let Some(components) = &doc.components {
        out.push_str("<h2>Schemas</h2>");
        for (name, schema) in &components.schemas {
            let json = serde_json::to_string_pretty(schema).unwrap_or_default();
            let _ = write!(
                out,
                "<section class=\"api-schema\" id=\"schema-{n}\"><h3>{n}</h3><pre>{}</pre></section>",
                esc(&json),
                n = esc(name)
            );
        }
    }
    out.push_str("</main></body></html>");
    out
}

#[cfg(test)]
mod tests {
    /// Every `/api/v1` route is registered through `routes!` (and so documented): a plain `.route(` with an API path
    /// anywhere in the server's sources, other than the document and the unknown-route fallbacks, fails this.
    #[test]
    fn no_api_route_bypasses_the_document() {
        fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((
                        path.display().to_string(),
                        std::fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let allowed = [
            ".route(\"/api/v1/openapi.json\"",
            ".route(\"/api/v1\", ",
            ".route(\"/api/v1/{*rest}\"",
        ];
        for (name, text) in files {
            for (i, line) in text.lines().enumerate() {
                let squashed: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
                if squashed.contains(".route(\"/api/v1")
                    && !allowed.iter().any(|a| squashed.contains(a))
                {
                    panic!(
                        "{name}:{}: an /api/v1 route outside the document: {line}",
                        i + 1
                    );
                }
            }
        }
        // And the document holds every operation the API has.
        let (_, doc) = super::parts();
        let mut ops: Vec<String> = Vec::new();
        for (path, item) in &doc.paths.paths {
            for (m, op) in [
                ("get", &item.get),
                ("post", &item.post),
                ("put", &item.put),
                ("delete", &item.delete),
            ] {
                if op.is_some() {
                    ops.push(format!("{m} {path}"));
                }
            }
        }
        assert_eq!(ops.len(), 60, "{ops:#?}");
    }
}
