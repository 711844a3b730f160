//! What the knowledge-base pages show, and the server functions that load it (they call `service` only).

use crate::error::AppError;
use domain::pathway::{Action, Channel, QuestionKind};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An article cited, as the search results name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CitationRef {
    /// The law's short name, e.g. 民法典.
    pub law: String,
    /// The article as the law numbers it, e.g. 第六百七十五条.
    pub article: String,
    pub number: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CitedArticle {
    pub law: String,
    /// 中华人民共和国民法典
    pub full_name: String,
    pub article: String,
    pub number: u32,
    /// The article's text, exactly; paragraphs separated by a line break.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HitView {
    pub id: String,
    pub title: String,
    /// A passage of the answer, HTML-escaped, the words that matched in `<mark>`.
    pub snippet: String,
    pub category: String,
    pub category_name: String,
    pub citations: Vec<CitationRef>,
    /// The entry has no translation into the language asked for; it is shown in Chinese.
    pub chinese_only: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchView {
    pub query: String,
    pub hits: Vec<HitView>,
    pub took_ms: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EntryLink {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PathwayItem {
    pub id: String,
    pub title: String,
    pub intro: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EntryView {
    pub id: String,
    pub title: String,
    /// Paragraphs separated by a blank line; a paragraph of lines starting "- " is a list.
    pub answer: String,
    pub chinese_only: bool,
    pub category: String,
    pub category_name: String,
    pub tags: Vec<String>,
    pub citations: Vec<CitedArticle>,
    pub related: Vec<EntryLink>,
    pub pathway: Option<PathwayItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    pub hint: Option<String>,
    pub optional: bool,
    pub choices: Vec<String>,
    /// Why the answer just given was not taken.
    pub error: Option<String>,
    /// That answer, to correct.
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LimitView {
    pub name: String,
    pub basis: String,
    pub ends_on: Option<String>,
    pub days_left: Option<i64>,
    pub expired: bool,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostView {
    pub channel: Channel,
    pub name: String,
    pub fee_fen: Option<i64>,
    pub text: String,
    pub basis: Option<String>,
    pub recommended: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeView {
    pub channel: Channel,
    pub channel_name: String,
    pub title: String,
    pub why: String,
    pub steps: Vec<String>,
    pub citations: Vec<CitedArticle>,
    pub limits: Vec<LimitView>,
    pub costs: Vec<CostView>,
    pub cause: Option<String>,
    pub amount_fen: Option<i64>,
    pub action: Action,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PathwayStep {
    Ask(QuestionView),
    Done(OutcomeView),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathwayView {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// (question, answer as shown) of every question answered so far.
    pub answered: Vec<(String, String)>,
    /// The raw answers taken, carried by the next question's form.
    pub kept: Vec<String>,
    pub step: PathwayStep,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    /// (id, name, is a court category)
    pub categories: Vec<(String, String, bool)>,
    pub pathways: Vec<PathwayItem>,
    pub search: Option<SearchView>,
    /// The category browsed: its name and entries.
    pub browsing: Option<(String, Vec<EntryLink>)>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::ssr::{ctx, request_info};

    pub fn lang() -> domain::Lang {
        request_info().map(|i| i.lang).unwrap_or_default()
    }

    pub fn kb() -> Result<super::super::service::Kb, AppError> {
        ctx().map(|c| c.kb)
    }
}

#[server(prefix = "/rpc")]
pub async fn load_questions(q: String, category: String) -> Result<HomeData, AppError> {
    use super::service;
    let (kb, lang) = (ssr::kb()?, ssr::lang());
    let search = if q.trim().is_empty() {
        None
    } else {
        Some(service::search(&kb, &q, lang, 10).map_err(|e| AppError::from_service(&e, lang))?)
    };
    let browsing = if category.is_empty() {
        None
    } else {
        service::category(&kb, &category, lang).ok()
    };
    Ok(HomeData {
        categories: service::categories(&kb, lang),
        pathways: service::pathways(&kb),
        search,
        browsing,
    })
}

#[server(prefix = "/rpc")]
pub async fn load_entry(id: String) -> Result<EntryView, AppError> {
    let (kb, lang) = (ssr::kb()?, ssr::lang());
    super::service::entry(&kb, &id, lang).map_err(|e| AppError::from_service(&e, lang))
}

#[server(prefix = "/rpc")]
pub async fn load_pathway(id: String, answers: Vec<String>) -> Result<PathwayView, AppError> {
    let (kb, lang) = (ssr::kb()?, ssr::lang());
    let c = crate::ssr::ctx()?;
    let today = crate::ssr::request_info()
        .map(|i| i.today)
        .ok_or(AppError::Internal)?;
    let answers: Vec<String> = answers
        .into_iter()
        .take(domain::pathway::MAX_ANSWERS)
        .collect();
    super::service::walk(&kb, &id, &answers, today, &c.calendar, &c.fees, lang)
        .map_err(|e| AppError::from_service(&e, lang))
}
