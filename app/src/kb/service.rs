//! The knowledge base's operations: search, an entry with its quoted articles, a pathway walked to its next
//! question or its outcome. Public: no login, nothing stored about who asked. Every door (JSON API, pages, the
//! suggestions) comes here.

use super::data::{
    CitationRef, CitedArticle, CostView, EntryLink, EntryView, HitView, LimitView, OutcomeView,
    PathwayItem, PathwayStep, PathwayView, QuestionView, SearchView,
};
use super::kb_texts::t;
use crate::error::{ErrorKind, ServiceError};
use db::kb::Library;
use db::kb_index::KbIndex;
use domain::calendar::HolidayCalendar;
use domain::fees::FeeTable;
use domain::kb::{article_label, MAX_QUERY_CHARS};
use domain::pathway::{self, ChannelCost, LimitState, Step};
use domain::{Date, FieldError, FieldErrors, Lang};
use std::sync::Arc;

/// The knowledge base an instance serves: the data read at start-up and the index built from it.
#[derive(Clone, Debug)]
pub struct Kb {
    pub library: Arc<Library>,
    pub index: Arc<KbIndex>,
}

impl Kb {
    /// Reads the data and builds the index (blocking: start-up runs it off the async executor).
    pub fn load(kb_dir: &std::path::Path, pathways_dir: &std::path::Path) -> Result<Kb, String> {
        let library = db::kb::load(kb_dir, pathways_dir).map_err(|e| e.to_string())?;
        let index =
            KbIndex::build(&library.kb).map_err(|e| format!("knowledge base index: {e}"))?;
        Ok(Kb {
            library: Arc::new(library),
            index: Arc::new(index),
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("not found")]
    NotFound,
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
}

impl ServiceError for KbError {
    fn kind(&self) -> ErrorKind {
        match self {
            KbError::NotFound => ErrorKind::NotFound,
            KbError::Invalid(_) => ErrorKind::Invalid,
        }
    }
    fn code(&self) -> &'static str {
        match self {
            KbError::NotFound => "not_found",
            KbError::Invalid(_) => "invalid",
        }
    }
    fn message(&self, lang: Lang) -> String {
        match self {
            KbError::NotFound => t("not_found", lang).into(),
            KbError::Invalid(_) => t("query_too_long", lang).into(),
        }
    }
    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            KbError::Invalid(f) => Some(f),
            KbError::NotFound => None,
        }
    }
}

/// The most results one search returns.
pub const MAX_LIMIT: usize = 20;

/// Searches the knowledge base. An empty query finds nothing (not an error); one longer than
/// [`MAX_QUERY_CHARS`] is refused with a field error rather than cut.
pub fn search(kb: &Kb, q: &str, lang: Lang, limit: usize) -> Result<SearchView, KbError> {
    let started = std::time::Instant::now();
    if q.chars().count() > MAX_QUERY_CHARS {
        let mut f = FieldErrors::default();
        f.push("q", FieldError::TooLong);
        return Err(KbError::Invalid(f));
    }
    let library = &kb.library;
    let hits = kb
        .index
        .search(&library.kb, q, lang, limit.clamp(1, MAX_LIMIT))
        .into_iter()
        .filter_map(|h| {
            let e = library.kb.entries.get(h.entry)?;
            let (title, _, fell_back) = e.text(lang);
            Some(HitView {
                id: e.id.clone(),
                title: title.to_string(),
                snippet: h.snippet.to_html(),
                category: e.category.clone(),
                category_name: category_name(kb, &e.category, lang),
                citations: e.cite.iter().map(citation_ref).collect(),
                chinese_only: fell_back,
            })
        })
        .collect();
    Ok(SearchView {
        query: q.trim().to_string(),
        hits,
        took_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

fn citation_ref(c: &domain::kb::Citation) -> CitationRef {
    CitationRef {
        law: c.law.clone(),
        article: article_label(c.article),
        number: c.article,
    }
}

fn category_name(kb: &Kb, id: &str, lang: Lang) -> String {
    kb.library
        .kb
        .category(id)
        .map(|c| c.name(lang).to_string())
        .unwrap_or_default()
}

/// One entry with the full text of every article it cites.
pub fn entry(kb: &Kb, id: &str, lang: Lang) -> Result<EntryView, KbError> {
    let library = &kb.library;
    let e = library.kb.entry(id).ok_or(KbError::NotFound)?;
    let (title, answer, fell_back) = e.text(lang);
    let link = |id: &String| {
        library.kb.entry(id).map(|r| EntryLink {
            id: r.id.clone(),
            title: r.text(lang).0.to_string(),
        })
    };
    Ok(EntryView {
        id: e.id.clone(),
        title: title.to_string(),
        answer: answer.to_string(),
        chinese_only: fell_back,
        category: e.category.clone(),
        category_name: category_name(kb, &e.category, lang),
        tags: e.tags.clone(),
        citations: e
            .cite
            .iter()
            .filter_map(|c| {
                let law = library.kb.laws.get(&c.law)?;
                Some(CitedArticle {
                    law: c.law.clone(),
                    full_name: law.full_name.clone(),
                    article: article_label(c.article),
                    number: c.article,
                    text: library.kb.article(c)?.to_string(),
                })
            })
            .collect(),
        related: e.related.iter().filter_map(link).collect(),
        pathway: e
            .pathway
            .as_ref()
            .and_then(|p| library.pathway(p))
            .map(|p| PathwayItem {
                id: p.id.clone(),
                title: p.title.clone(),
                intro: p.intro.clone(),
            }),
    })
}

/// The entries of a category (browsing without a query), in file order.
pub fn category(kb: &Kb, id: &str, lang: Lang) -> Result<(String, Vec<EntryLink>), KbError> {
    let c = kb.library.kb.category(id).ok_or(KbError::NotFound)?;
    let entries = kb
        .library
        .kb
        .entries
        .iter()
        .filter(|e| e.category == id)
        .map(|e| EntryLink {
            id: e.id.clone(),
            title: e.text(lang).0.to_string(),
        })
        .collect();
    Ok((c.name(lang).to_string(), entries))
}

/// Every category, (id, name, group is "court"), in order.
pub fn categories(kb: &Kb, lang: Lang) -> Vec<(String, String, bool)> {
    kb.library
        .kb
        .categories
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                c.name(lang).to_string(),
                c.group == domain::kb::CategoryGroup::Court,
            )
        })
        .collect()
}

pub fn pathways(kb: &Kb) -> Vec<PathwayItem> {
    kb.library
        .pathways
        .iter()
        .map(|p| PathwayItem {
            id: p.id.clone(),
            title: p.title.clone(),
            intro: p.intro.clone(),
        })
        .collect()
}

/// A pathway walked with the answers given so far: the next question (with the reason the last answer was not
/// taken, if it was not), or the outcome with its time limits and costs.
pub fn walk(
    kb: &Kb,
    id: &str,
    answers: &[String],
    today: Date,
    calendar: &HolidayCalendar,
    fees: &FeeTable,
    lang: Lang,
) -> Result<PathwayView, KbError> {
    let p = kb.library.pathway(id).ok_or(KbError::NotFound)?;
    let w = p.walk(answers, today);
    let answered: Vec<(String, String)> = w
        .answered
        .iter()
        .map(|a| {
            let shown = if a.shown.is_empty() {
                t("skipped", lang).to_string()
            } else {
                a.shown.clone()
            };
            (a.question.text.clone(), shown)
        })
        .collect();
    let kept: Vec<String> = w.answered.iter().map(|a| a.raw.clone()).collect();
    let step = match w.step {
        Step::Ask(q) => PathwayStep::Ask(QuestionView {
            id: q.id.clone(),
            kind: q.kind,
            text: q.text.clone(),
            hint: q.hint.clone(),
            optional: q.optional,
            choices: q.choice.iter().map(|c| c.label.clone()).collect(),
            error: w.error.map(|e| t(answer_error_key(e), lang).to_string()),
            // A refused answer is shown again so it can be corrected.
            value: w
                .error
                .and_then(|_| answers.get(kept.len()))
                .map(|s| s.chars().take(40).collect())
                .unwrap_or_default(),
        }),
        Step::Done(o) => {
            let cause = o.cause.as_deref().and_then(domain::catalogue::cause);
            let limits = pathway::time_limits(o, &w.facts, today, calendar)
                .into_iter()
                .map(|l| limit_view(l, lang))
                .collect();
            let compare = if o.compare.is_empty() {
                vec![o.channel]
            } else {
                o.compare.clone()
            };
            let costs = compare
                .iter()
                .map(|c| {
                    cost_view(
                        *c,
                        pathway::channel_cost(*c, cause, w.facts.amount_fen, fees),
                        *c == o.channel,
                        lang,
                    )
                })
                .collect();
            PathwayStep::Done(OutcomeView {
                channel: o.channel,
                channel_name: t(channel_key(o.channel), lang).to_string(),
                title: o.title.clone(),
                why: o.why.clone(),
                steps: o.steps.clone(),
                citations: o
                    .cite
                    .iter()
                    .filter_map(|(law, n)| {
                        let c = domain::kb::Citation {
                            law: law.clone(),
                            article: *n,
                        };
                        let full = kb.library.kb.laws.get(law)?;
                        Some(CitedArticle {
                            law: law.clone(),
                            full_name: full.full_name.clone(),
                            article: article_label(*n),
                            number: *n,
                            text: kb.library.kb.article(&c)?.to_string(),
                        })
                    })
                    .collect(),
                limits,
                costs,
                cause: o.cause.clone(),
                amount_fen: w.facts.amount_fen,
                action: o.action,
            })
        }
        Step::Unknown => return Err(KbError::NotFound),
    };
    Ok(PathwayView {
        id: p.id.clone(),
        title: p.title.clone(),
        intro: p.intro.clone(),
        answered,
        kept,
        step,
    })
}

fn answer_error_key(e: pathway::AnswerError) -> &'static str {
    match e {
        pathway::AnswerError::NoChoice => "err_choice",
        pathway::AnswerError::Required => "err_required",
        pathway::AnswerError::BadDate => "err_date",
        pathway::AnswerError::FutureDate => "err_future",
        pathway::AnswerError::BadAmount => "err_amount",
    }
}

pub fn channel_key(c: pathway::Channel) -> &'static str {
    match c {
        pathway::Channel::Negotiation => "ch_negotiation",
        pathway::Channel::PeopleMediation => "ch_people_mediation",
        pathway::Channel::IndustryMediation => "ch_industry_mediation",
        pathway::Channel::LabourArbitration => "ch_labour_arbitration",
        pathway::Channel::LandArbitration => "ch_land_arbitration",
        pathway::Channel::AdministrativeReconsideration => "ch_reconsideration",
        pathway::Channel::Court => "ch_court",
    }
}

fn limit_view(l: pathway::LimitResult, lang: Lang) -> LimitView {
    let name = t(
        match l.rule {
            pathway::LimitRule::Civil => "lim_civil",
            pathway::LimitRule::LabourArbitration => "lim_labour",
            pathway::LimitRule::LandArbitration => "lim_land",
            pathway::LimitRule::JudicialConfirmation => "lim_confirmation",
            pathway::LimitRule::Enforcement => "lim_enforcement",
            pathway::LimitRule::AdministrativeReconsideration => "lim_reconsideration",
        },
        lang,
    )
    .to_string();
    match l.state {
        LimitState::Runs(lim) => LimitView {
            name,
            basis: lim.basis.to_string(),
            ends_on: Some(lim.expires_on.to_string()),
            days_left: Some(lim.days_left),
            expired: lim.expired,
            note: if lim.holidays_known {
                None
            } else {
                Some(t("holidays_unknown", lang).to_string())
            },
        },
        LimitState::NotYet { basis } => LimitView {
            name,
            basis: basis.to_string(),
            ends_on: None,
            days_left: None,
            expired: false,
            note: Some(t("lim_not_yet", lang).to_string()),
        },
        LimitState::NeedsDate { basis, .. } => LimitView {
            name,
            basis: basis.to_string(),
            ends_on: None,
            days_left: None,
            expired: false,
            note: Some(t("lim_needs_date", lang).to_string()),
        },
    }
}

fn cost_view(c: pathway::Channel, cost: ChannelCost, recommended: bool, lang: Lang) -> CostView {
    let (fee_fen, text, basis) = match cost {
        ChannelCost::Free { basis } => (
            Some(0),
            t("cost_free", lang).to_string(),
            basis.map(String::from),
        ),
        ChannelCost::AsPublished => (None, t("cost_published", lang).to_string(), None),
        ChannelCost::CourtNeedsAmount => (
            None,
            t("cost_needs_amount", lang).to_string(),
            Some("诉讼费用交纳办法第十三条".into()),
        ),
        ChannelCost::Court {
            quote,
            small_claims,
        } => {
            let mut s = format!(
                "{} {}",
                domain::amount_words::yuan_figures(quote.acceptance_fee_fen),
                t("yuan", lang)
            );
            if small_claims {
                s.push_str(t("cost_small_claims", lang));
            }
            if quote.due_on_filing_fen == 0 && quote.acceptance_fee_fen > 0 {
                s.push_str(t("cost_not_prepaid", lang));
            }
            let basis = quote.lines.first().map(|l| l.basis.clone());
            (Some(quote.acceptance_fee_fen), s, basis)
        }
    };
    CostView {
        channel: c,
        name: t(channel_key(c), lang).to_string(),
        fee_fen,
        text,
        basis,
        recommended,
    }
}
