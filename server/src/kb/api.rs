//! `GET /api/v1/kb/search`, `GET /api/v1/kb/entries/{id}`: public, no login; the same service the pages use.

use crate::http::extract::{ApiQuery, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::kb::data::{EntryView, HitView};
use app::kb::service;
use axum::extract::{Path, State};
use axum::Json;
use domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(entry))
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct SearchParams {
    /// The question in the asker's own words (at most 200 characters; empty finds nothing).
    #[serde(default)]
    pub q: String,
    /// zh | ko | en: the language of titles and snippets (the caller's language when absent).
    pub lang: Option<String>,
    /// How many results (1–20; 10 when absent).
    pub limit: Option<usize>,
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct LangParams {
    /// zh | ko | en (the caller's language when absent).
    pub lang: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SearchResults {
    pub hits: Vec<HitView>,
    /// How long the search took on the server, in milliseconds.
    pub took_ms: f64,
}

fn lang_of(asked: Option<&str>, caller: Lang) -> Lang {
    asked.and_then(Lang::from_tag).unwrap_or(caller)
}

/// Searches the legal knowledge base: Chinese word segmentation, the words people use mapped to legal terms,
/// one mistyped character tolerated; each hit with a snippet (HTML-escaped, matches in `<mark>`) and the articles
/// it cites.
#[utoipa::path(get, path = "/api/v1/kb/search", tag = "knowledge", params(SearchParams), responses(
    (status = 200, body = SearchResults), (status = 422, body = Problem)))]
async fn search(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<SearchResults>, Problem> {
    let lang = lang_of(p.lang.as_deref(), caller.lang);
    let found = service::search(&state.ctx.kb, &p.q, lang, p.limit.unwrap_or(10))
        .map_err(|e| Problem::from_service(&e, caller.lang))?;
    Ok(Json(SearchResults {
        hits: found.hits,
        took_ms: found.took_ms,
    }))
}

/// One entry: the full answer and the text of every article it cites.
#[utoipa::path(get, path = "/api/v1/kb/entries/{id}", tag = "knowledge", params(("id" = String, Path), LangParams),
    responses((status = 200, body = EntryView), (status = 404, body = Problem)))]
async fn entry(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<LangParams>,
) -> Result<Json<EntryView>, Problem> {
    let lang = lang_of(p.lang.as_deref(), caller.lang);
    service::entry(&state.ctx.kb, &id, lang)
        .map(Json)
        .map_err(|e| Problem::from_service(&e, caller.lang))
}
