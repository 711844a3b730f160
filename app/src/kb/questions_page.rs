//! /questions — legal questions answered (法律问答): a search box (a plain GET form; with the WebAssembly it also
//! suggests questions as the person types), the answers found with the words that matched marked, the topics and
//! the guided pathways. /questions/:id — one answer with the articles it rests on quoted in full.

use super::data::{load_entry, load_questions, EntryView, HomeData, SearchView};
use super::kb_texts::t;
use super::suggest::KbSearchBox;
use crate::page_data::use_page;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn error_view(e: &crate::error::AppError, l: Lang) -> AnyView {
    view! { <h1>{e.message(l)}</h1><p><a href="/questions">{t("back", l)}</a></p> }.into_any()
}

#[component]
pub fn QuestionsPage() -> impl IntoView {
    let l = use_page().lang;
    let query = use_query_map();
    let q = move || {
        query
            .read()
            .get("q")
            .unwrap_or_default()
            .chars()
            .take(500)
            .collect::<String>()
    };
    let category = move || {
        query
            .read()
            .get("c")
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect::<String>()
    };
    let data = Resource::new_blocking(move || (q(), category()), |(q, c)| load_questions(q, c));
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => home_view(d, q(), l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=t("title", l)/>
        <section class="panel kb">
            <h1>{t("title", l)}</h1>
            <p class="lead">{t("lead", l)}</p>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn search_box(q: String, l: Lang) -> impl IntoView {
    view! {
        <KbSearchBox
            q=q
            label=t("search_label", l).to_string()
            hint=t("search_hint", l).to_string()
            button=t("search_button", l).to_string()
            suggestions=t("suggestions", l).to_string()
            lang=l.tag().to_string()
        />
    }
}

fn results_view(s: SearchView, l: Lang) -> AnyView {
    if s.hits.is_empty() {
        return view! {
            <p class="kb-none" role="status">{t("no_results", l)}</p>
            <p><a class="button secondary" href="/service-requests/new?kind=consultation">{t("ask_staff", l)}</a></p>
        }
        .into_any();
    }
    view! {
        <h2 id="kb-results">{t("results", l)}</h2>
        <ol class="kb-hits" aria-labelledby="kb-results">
            {s.hits.into_iter().map(|h| view! {
                <li class="kb-hit">
                    <a class="kb-hit-title" href=format!("/questions/{}", h.id)>{h.title}</a>
                    <span class="kb-cat">{h.category_name}</span>
                    <p class="kb-snippet" inner_html=h.snippet></p>
                    <p class="kb-cites">
                        {h.citations.into_iter().map(|c| view! {
                            <span class="kb-cite" lang="zh">{format!("《{}》{}", c.law, c.article)}</span>
                        }).collect_view()}
                    </p>
                </li>
            }).collect_view()}
        </ol>
        <p><a href="/service-requests/new?kind=consultation">{t("ask_staff", l)}</a></p>
    }
    .into_any()
}

fn home_view(d: HomeData, q: String, l: Lang) -> AnyView {
    let HomeData {
        categories,
        pathways,
        search,
        browsing,
    } = d;
    let group = move |court: bool| {
        categories
            .iter()
            .filter(|c| c.2 == court)
            .map(|(id, name, _)| view! { <li><a href=format!("/questions?c={id}#kb-topic")>{name.clone()}</a></li> })
            .collect_view()
    };
    let (disputes, court) = (group(false), group(true));
    view! {
        {search_box(q, l)}
        {search.map(|s| results_view(s, l))}
        {browsing.map(|(name, entries)| view! {
            <h2 id="kb-topic">{name}</h2>
            <ul class="kb-list">
                {entries.into_iter().map(|e| view! { <li><a href=format!("/questions/{}", e.id)>{e.title}</a></li> }).collect_view()}
            </ul>
        })}
        <h2>{t("pathways", l)}</h2>
        <ul class="kb-pathways">
            {pathways.into_iter().map(|p| view! {
                <li><a href=format!("/pathways/{}", p.id)><strong>{p.title}</strong></a><br/><span class="hint">{p.intro}</span></li>
            }).collect_view()}
        </ul>
        <h2>{t("categories", l)}</h2>
        <div class="kb-topics">
            <div><h3>{t("disputes", l)}</h3><ul class="kb-list">{disputes}</ul></div>
            <div><h3>{t("court_use", l)}</h3><ul class="kb-list">{court}</ul></div>
        </div>
    }
    .into_any()
}

/// An answer's paragraphs: blank lines separate them; a paragraph whose lines start with "- " is a list.
pub(super) fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().map(str::trim).collect();
            if lines.iter().all(|x| x.starts_with("- ")) {
                view! {
                    <ul>{lines.into_iter().map(|x| view! { <li>{x.trim_start_matches("- ").to_string()}</li> }).collect_view()}</ul>
                }
                .into_any()
            } else {
                view! { <p>{p.to_string()}</p> }.into_any()
            }
        })
        .collect_view()
}

/// The quoted articles: the law's full name, the article number and its text, paragraph by paragraph.
pub(super) fn articles_view(citations: Vec<super::data::CitedArticle>, l: Lang) -> impl IntoView {
    view! {
        <section class="kb-law" aria-labelledby="kb-law-h">
            <h2 id="kb-law-h">{t("law", l)}</h2>
            <p class="hint">{t("law_note", l)}</p>
            {citations.into_iter().map(|c| view! {
                <blockquote class="kb-article" lang="zh" id=format!("art-{}-{}", c.law, c.number)>
                    <p class="kb-article-name"><cite>{format!("《{}》", c.full_name)}</cite>" "<strong>{c.article}</strong></p>
                    {c.text.lines().map(|x| view! { <p>{x.to_string()}</p> }).collect_view()}
                </blockquote>
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .unwrap_or_default()
            .chars()
            .take(64)
            .collect::<String>()
    };
    let data = Resource::new_blocking(id, load_entry);
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(e) => entry_view(e, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! { <section class="panel kb"><Suspense fallback=|| ()>{body}</Suspense></section> }
}

fn entry_view(e: EntryView, l: Lang) -> AnyView {
    view! {
        <Title text=e.title.clone()/>
        <p class="crumbs"><a href="/questions">{t("title", l)}</a>" › "<a href=format!("/questions?c={}#kb-topic", e.category)>{e.category_name.clone()}</a></p>
        {e.chinese_only.then(|| view! { <p class="notice">{t("chinese_only", l)}</p> })}
        <article class="kb-entry" lang=if e.chinese_only { "zh" } else { l.tag() }>
            <h1>{e.title.clone()}</h1>
            <div class="kb-answer">{paragraphs(&e.answer)}</div>
        </article>
        {e.pathway.map(|p| view! {
            <p class="kb-next"><a class="button" href=format!("/pathways/{}", p.id)>{t("start_pathway", l)}{format!("：{}", p.title)}</a></p>
        })}
        {articles_view(e.citations, l)}
        {(!e.related.is_empty()).then(|| view! {
            <h2>{t("related", l)}</h2>
            <ul class="kb-list">
                {e.related.into_iter().map(|r| view! { <li><a href=format!("/questions/{}", r.id)>{r.title}</a></li> }).collect_view()}
            </ul>
        })}
        <p class="hint kb-disclaimer">{t("disclaimer", l)}</p>
        <p><a href="/questions">{t("back", l)}</a>" · "<a href="/service-requests/new?kind=consultation">{t("ask_staff", l)}</a></p>
    }
    .into_any()
}
