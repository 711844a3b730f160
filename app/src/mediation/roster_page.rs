//! /mediation — booking mediation (预约调解) before any case exists, or for a filing the court diverted: describe the
//! dispute, see the mediators recommended with the reasons (or pick anyone), then /mediation/mediators/:id — the
//! mediator's truly free times and the booking form. Plain GET and POST forms: everything works without scripts.

use super::data::{load_mediator, load_roster, MediatorData, RosterData, RosterItem};
use crate::components::field::field_id;
use crate::page_data::use_page;
use crate::texts::{Label, Message};
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub(super) fn error_view(e: &crate::error::AppError, l: Lang) -> AnyView {
    match e {
        crate::error::AppError::Unauthorized => view! {
            <h1>{tr!(l, account_please_log_in)}</h1>
            <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p>
        }
        .into_any(),
        other => view! { <h1>{other.message(l)}</h1> }.into_any(),
    }
}

pub(super) fn cause_name(code: &str, l: Lang) -> &'static str {
    crate::filing::common::cause_label(code, l)
}

/// The causes a person may bring to mediation (not the applications that only a court decides).
fn mediable_causes() -> impl Iterator<Item = &'static domain::catalogue::Cause> {
    domain::catalogue::CAUSES.iter().filter(|c| {
        !matches!(
            c.code,
            "administrative" | "administrative_ip" | "enforcement" | "judicial_confirmation"
        )
    })
}

fn query(name: &'static str) -> impl Fn() -> String + Copy + 'static {
    let q = use_query_map();
    move || {
        q.read()
            .get(name)
            .unwrap_or_default()
            .chars()
            .take(100)
            .collect()
    }
}

#[component]
pub fn MediationStartPage() -> impl IntoView {
    let l = use_page().lang;
    let (cause, court, language, place, filing, text) = (
        query("cause"),
        query("court"),
        query("language"),
        query("place"),
        query("filing"),
        query("q"),
    );
    let data = Resource::new_blocking(
        move || (cause(), court(), language(), place(), text()),
        |(c, co, la, p, t)| load_roster(c, co, la, p, t),
    );
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => roster_view(
                    d,
                    [cause(), court(), language(), place(), filing(), text()],
                    l,
                ),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_title)/>
        <section class="panel mediation">
            <h1>{tr!(l, mp_title)}</h1>
            <p class="lead">{tr!(l, mp_lead)}</p>
            <p class="hint" lang="zh">"《中华人民共和国人民调解法》第三条、第四条；《人民法院在线调解规则》第四条"</p>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn roster_view(d: RosterData, asked: [String; 6], l: Lang) -> AnyView {
    let [cause, court, language, place, filing, text] = asked;
    let selected = |a: &str, b: &str| a == b;
    let asked = !cause.is_empty() || !court.is_empty();
    let form = view! {
        <form method="get" action="/mediation" class="mediation-search">
            {(!filing.is_empty()).then(|| view! { <input type="hidden" name="filing" value=filing.clone()/> })}
            <div class="field">
                <label for="f-cause">{tr!(l, mp_dispute_type)}</label>
                <select id="f-cause" name="cause">
                    <option value="">{tr!(l, mp_any)}</option>
                    {mediable_causes().map(|c| view! {
                        <option value=c.code selected=selected(c.code, &cause)>{cause_name(c.code, l)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-court">{tr!(l, mp_court_area)}</label>
                <select id="f-court" name="court">
                    <option value="">{tr!(l, mp_any)}</option>
                    {d.courts.iter().map(|(code, name)| view! {
                        <option value=code.clone() selected=selected(code, &court)>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-language">{tr!(l, mp_language)}</label>
                <select id="f-language" name="language">
                    {["zh", "ko", "mn"].into_iter().map(|c| view! {
                        <option value=c selected=selected(c, &language)>{crate::texts::language_label(c, l)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-place">{tr!(l, mp_place)}</label>
                <input id="f-place" name="place" type="text" maxlength="100" value=place.clone() autocomplete="address-level2"/>
                <p class="hint">{tr!(l, mp_place_hint)}</p>
            </div>
            <div class="field">
                <label for="f-q">{tr!(l, mp_search_name)}</label>
                <input id="f-q" name="q" type="search" maxlength="50" value=text.clone()/>
            </div>
            <button type="submit" class="button">{tr!(l, mp_find)}</button>
        </form>
    };
    let heading = if asked {
        tr!(l, mp_recommended)
    } else {
        tr!(l, mp_all_mediators)
    };
    let count = d.items.len();
    let link_query = format!(
        "cause={}&court={}&filing={}",
        urlencode(&cause),
        urlencode(&court),
        urlencode(&filing)
    );
    view! {
        {form}
        <h2 id="mediators-heading">{heading}" "<span class="hint">{format!("({count})")}</span></h2>
        <ol class="mediator-list" aria-labelledby="mediators-heading">
            {d.items.into_iter().map(|m| mediator_card(m, &link_query, l)).collect_view()}
        </ol>
    }
    .into_any()
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn mediator_card(m: RosterItem, link_query: &str, l: Lang) -> impl IntoView {
    let href = format!("/mediation/mediators/{}?{link_query}", m.id);
    let rating = m
        .rating_tenths
        .map(|r| format!("{}.{}", r / 10, r % 10))
        .unwrap_or_else(|| tr!(l, mp_new_mediator).to_string());
    view! {
        <li class="mediator-card">
            <h3><a href=href>{m.name.clone()}</a></h3>
            <p class="org">{m.organisation.clone()}" · "<span class="hint">{crate::texts::org_kind_label(&m.org_kind, l)}</span></p>
            <p class="title-line">{m.title.clone()}</p>
            {(!m.reasons.is_empty()).then(|| view! {
                <ul class="reasons" aria-label=tr!(l, mp_why)>
                    {m.reasons.iter().map(|r| view! { <li class="reason">{r.label(l)}</li> }).collect_view()}
                </ul>
            })}
            <dl class="facts">
                <div><dt>{tr!(l, mp_specialties)}</dt><dd>{m.specialties.iter().map(|c| cause_name(c, l)).collect::<Vec<_>>().join("、")}</dd></div>
                <div><dt>{tr!(l, mp_language)}</dt><dd>{m.languages.iter().map(|c| crate::texts::language_label(c, l)).collect::<Vec<_>>().join("、")}</dd></div>
                <div><dt>{tr!(l, mp_where)}</dt><dd>{m.place.clone()}</dd></div>
                <div><dt>{tr!(l, mp_rating)}</dt><dd>{rating}</dd></div>
                <div><dt>{tr!(l, mp_load)}</dt><dd>{format!("{}/{}", m.active_cases, m.capacity)}{m.full.then(|| view! { " "<span class="badge">{tr!(l, mp_full)}</span> })}</dd></div>
            </dl>
        </li>
    }
}

#[component]
pub fn MediatorPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let (cause, court, filing) = (query("cause"), query("court"), query("filing"));
    let data = Resource::new_blocking(
        move || (id(), cause(), court(), filing()),
        |(i, c, co, f)| load_mediator(i, c, co, f),
    );
    let body = move || {
        let page = page.clone();
        Suspend::new(async move {
            match data.await {
                Ok(d) => mediator_view(d, cause(), court(), &page, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_book_title)/>
        <section class="panel mediation">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn mediator_view(
    d: MediatorData,
    cause: String,
    court: String,
    page: &crate::PageData,
    l: Lang,
) -> AnyView {
    let outcome = page.outcome("hold").cloned();
    let value = |f: &str| outcome.as_ref().map(|o| o.value(f)).unwrap_or_default();
    let error = |f: &str| outcome.as_ref().and_then(|o| o.error(f));
    let m = d.item;
    let (filing_id, cause, court) = match &d.filing {
        Some((id, c, co)) => (id.clone(), c.clone(), co.clone()),
        None => (
            String::new(),
            if value("cause").is_empty() {
                cause
            } else {
                value("cause")
            },
            if value("court_code").is_empty() {
                court
            } else {
                value("court_code")
            },
        ),
    };
    let court = if court.is_empty() || !m.courts.contains(&court) {
        m.courts.first().cloned().unwrap_or_default()
    } else {
        court
    };
    let chosen = value("start");
    let err_line = move |f: &'static str| {
        error(f).map(|e| view! { <p class="error-message" id=format!("{}-error", field_id(f))>{e.message(l)}</p> })
    };
    let notice = outcome
        .as_ref()
        .and_then(|o| o.notice)
        .map(|n| view! { <p class="error-summary" role="alert">{n.message(l)}</p> });
    let summary = outcome
        .as_ref()
        .filter(|o| !o.errors.is_empty())
        .map(|o| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                    <h2>{tr!(l, error_check_your_answers)}</h2>
                    <ul>{o.errors.iter().map(|(f, e)| view! { <li><a href=format!("#{}", field_id(f))>{e.message(l)}</a></li> }).collect_view()}</ul>
                </div>
            }
        });
    // The free times, a day at a time.
    let mut days: Vec<(String, Vec<super::data::SlotItem>)> = Vec::new();
    for s in d.slots {
        match days.last_mut() {
            Some((day, list)) if *day == s.day => list.push(s),
            _ => days.push((s.day.clone(), vec![s])),
        }
    }
    let no_slots = days.is_empty();
    let later_days = days.split_off(days.len().min(FIRST_DAYS));
    let first_days = days;
    let later_chosen = later_days
        .iter()
        .any(|(_, list)| list.iter().any(|s| s.start == chosen));
    let logged_in = page.user.is_some();
    let here = format!(
        "/mediation/mediators/{}?cause={}&court={}",
        m.id,
        urlencode(&cause),
        urlencode(&court)
    );
    let login = format!("/login?next={}", urlencode(&here));
    let rating = m
        .rating_tenths
        .map(|r| format!("{}.{}", r / 10, r % 10))
        .unwrap_or_else(|| tr!(l, mp_new_mediator).to_string());
    let form = if !logged_in {
        view! {
            <p class="notice">{tr!(l, mp_login_to_book)}</p>
            <p><a class="button" href=login>{tr!(l, account_log_in)}</a>" "<a class="button secondary" href="/register">{tr!(l, register_create_an_account)}</a></p>
        }
        .into_any()
    } else {
        view! {
            <form method="post" action="/mediations/hold" class="booking-form" novalidate=true>
                <input type="hidden" name="mediator_id" value=m.id.clone()/>
                <input type="hidden" name="filing_id" value=filing_id.clone()/>
                <fieldset class="field" id=field_id("start")>
                    <legend>{tr!(l, mp_choose_time)}" "<span class="hint">{tr!(l, mp_beijing_time)}</span></legend>
                    {err_line("start")}
                    {no_slots.then(|| view! { <p class="notice">{tr!(l, mp_no_free_time)}</p> })}
                    <div class="slot-days">
                        {first_days.into_iter().map(|(day, list)| slot_day(day, list, &chosen, l)).collect_view()}
                    </div>
                    // The later days fold away (a long page on a phone); opening them needs no script.
                    {(!later_days.is_empty()).then(|| view! {
                        <details class="slot-more" open=later_chosen>
                            <summary>{tr!(l, mp_more_days)}</summary>
                            <div class="slot-days">
                                {later_days.into_iter().map(|(day, list)| slot_day(day, list, &chosen, l)).collect_view()}
                            </div>
                        </details>
                    })}
                </fieldset>
                {if filing_id.is_empty() {
                    view! {
                        <div class="field">
                            <label for=field_id("cause")>{tr!(l, mp_dispute_type)}</label>
                            {err_line("cause")}
                            <select id=field_id("cause") name="cause">
                                {mediable_causes().map(|c| view! {
                                    <option value=c.code selected=c.code == cause>{cause_name(c.code, l)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=field_id("court_code")>{tr!(l, mp_court_area)}</label>
                            {err_line("court_code")}
                            <select id=field_id("court_code") name="court_code">
                                {d.courts.iter().map(|(c, name)| view! { <option value=c.clone() selected=*c == court>{name.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <p class="notice">{tr!(l, mp_from_filing)}</p> }.into_any()
                }}
                <p class="hint">{tr!(l, mp_hold_note)}</p>
                <button type="submit" class="button">{tr!(l, mp_hold_button)}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <h1>{tr!(l, mp_book_title)}": "{m.name.clone()}</h1>
        {notice}
        {summary}
        <p class="org">{m.organisation.clone()}" · "{crate::texts::org_kind_label(&m.org_kind, l)}</p>
        <p>{m.title.clone()}</p>
        <dl class="summary-list">
            <div><dt>{tr!(l, mp_specialties)}</dt><dd>{m.specialties.iter().map(|c| cause_name(c, l)).collect::<Vec<_>>().join("、")}</dd></div>
            <div><dt>{tr!(l, mp_language)}</dt><dd>{m.languages.iter().map(|c| crate::texts::language_label(c, l)).collect::<Vec<_>>().join("、")}</dd></div>
            <div><dt>{tr!(l, mp_room)}</dt><dd>{m.address.clone()}</dd></div>
            <div><dt>{tr!(l, mp_rating)}</dt><dd>{rating}</dd></div>
        </dl>
        {form}
        <p><a href="/mediation">{tr!(l, mp_back_to_list)}</a></p>
    }
    .into_any()
}

fn slot_day(day: String, list: Vec<super::data::SlotItem>, chosen: &str, l: Lang) -> impl IntoView {
    let date = domain::Date::parse_iso(&day);
    let wd = date
        .map(|d| weekday_name(domain::calendar::weekday(d), l))
        .unwrap_or("");
    view! {
        <div class="slot-day">
            <p class="slot-date"><strong>{day.clone()}</strong>" "{wd}</p>
            <ul class="slots">
                {list.into_iter().map(|s| {
                    let id = format!("slot-{}", s.start.get(..16).unwrap_or("").replace([':', '-'], ""));
                    let checked = s.start == chosen;
                    view! {
                        <li><input type="radio" name="start" id=id.clone() value=s.start.clone() checked=checked/>
                        <label for=id>{s.time.clone()}</label></li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// How many days of free times show before the rest fold away.
const FIRST_DAYS: usize = 5;

pub(super) fn weekday_name(w: u8, l: Lang) -> &'static str {
    match w {
        0 => tr!(l, mp_mon),
        1 => tr!(l, mp_tue),
        2 => tr!(l, mp_wed),
        3 => tr!(l, mp_thu),
        4 => tr!(l, mp_fri),
        5 => tr!(l, mp_sat),
        _ => tr!(l, mp_sun),
    }
}
