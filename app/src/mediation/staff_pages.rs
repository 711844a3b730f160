//! The mediator's workspace (/mediator: sessions by day, each one's period counting down) and the court's side
//! (/staff/mediations: the court's mediations and its confirmation applications; /confirmations/:id: the judge's
//! ruling). Plain pages and forms.

use super::data::{load_confirmation, load_court, load_workspace, ListItem};
use super::meeting_page::ColleaguesMeetings;
use super::roster_page::{cause_name, error_view};
use crate::page_data::use_page;
use crate::texts::Label;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn when(ms: i64, l: Lang) -> String {
    domain::date::format_shanghai(ms, tr!(l, account_beijing_time))
}

fn days_left(period_end: &str, today: domain::Date) -> Option<i64> {
    domain::Date::parse_iso(period_end).map(|d| d.to_days() - today.to_days())
}

fn sessions_table(list: Vec<ListItem>, today: domain::Date, l: Lang) -> impl IntoView {
    // By day: a mediator plans a day at a time.
    let mut days: Vec<(domain::Date, Vec<ListItem>)> = Vec::new();
    for m in list {
        let day = domain::date::shanghai_date(m.start_ms);
        match days.last_mut() {
            Some((d, v)) if *d == day => v.push(m),
            _ => days.push((day, vec![m])),
        }
    }
    days.into_iter()
        .map(|(day, list)| {
            view! {
                <h3>{day.to_string()}" "{super::roster_page::weekday_name(domain::calendar::weekday(day), l)}</h3>
                <ul class="matter-list sessions">
                    {list.into_iter().map(|m| {
                        let left = days_left(&m.period_end, today);
                        view! {
                            <li class="matter">
                                <time>{when(m.start_ms, l).get(11..16).unwrap_or("").to_string()}</time>" "
                                <a href=format!("/mediations/{}", m.id)>{cause_name(&m.cause, l)}</a>
                                " · "<span class="status">{m.status.label(l)}</span>
                                " · "{m.mode.label(l)}
                                {m.priority.then(|| view! { " "<span class="badge">{tr!(l, mp_priority)}</span> })}
                                {left.filter(|_| matches!(m.status, domain::mediation::MediationStatus::Scheduled)).map(|n| view! {
                                    " · "<span class=if n <= 5 { "deadline soon" } else { "deadline" }>{tr!(l, mp_days_left).replace("{n}", &n.to_string())}</span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
        .collect_view()
}

#[component]
pub fn MediatorWorkspacePage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let data = Resource::new_blocking(|| (), |_| load_workspace());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok((name, list)) => view! {
                    <p>{name}</p>
                    {list.is_empty().then(|| view! { <p>{tr!(l, mp_no_sessions)}</p> })}
                    {sessions_table(list, today, l)}
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_workspace)/>
        <section class="panel">
            <h1>{tr!(l, mp_workspace)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
            <ColleaguesMeetings/>
        </section>
    }
}

#[component]
pub fn CourtMediationsPage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let data = Resource::new_blocking(|| (), |_| load_court());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => view! {
                    <h2>{tr!(l, mp_confirmations)}</h2>
                    {d.confirmations.is_empty().then(|| view! { <p>{tr!(l, mp_none_yet)}</p> })}
                    <ul class="matter-list confirmations">
                        {d.confirmations.into_iter().map(|c| view! {
                            <li class="matter">
                                <a href=format!("/confirmations/{}", c.id)>{c.status.label(l)}</a>
                                " · "{tr!(l, mp_apply_by)}" "{c.deadline.clone()}
                                {c.case_number.clone().map(|n| format!(" · {n}"))}
                            </li>
                        }).collect_view()}
                    </ul>
                    <h2>{tr!(l, mp_court_mediations)}</h2>
                    {sessions_table(d.mediations, today, l)}
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_court_mediations)/>
        <section class="panel">
            <h1>{tr!(l, mp_court_mediations)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let q = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_confirmation);
    let body = move || {
        Suspend::new(async move {
            let error = q.read_untracked().get("error").unwrap_or_default();
            match data.await {
                Ok((c, m)) => {
                    let open = c.status == domain::mediation::ConfirmationStatus::Pending;
                    let action = format!("/confirmations/{}/decision", c.id);
                    view! {
                        {(!error.is_empty()).then(|| view! { <p class="error-summary" role="alert">{super::mediation_page::refusal(&error, l)}</p> })}
                        <dl class="summary-list">
                            <div><dt>{tr!(l, mp_status)}</dt><dd class="confirmation-status">{c.status.label(l)}</dd></div>
                            <div><dt>{tr!(l, mp_court)}</dt><dd>{c.court_name.clone()}</dd></div>
                            <div><dt>{tr!(l, mp_apply_by)}</dt><dd>{c.deadline.clone()}</dd></div>
                            {c.case_number.clone().map(|n| view! { <div><dt>{tr!(l, mp_ruling_number)}</dt><dd><strong class="confirmation-number">{n}</strong></dd></div> })}
                            {c.reasons.clone().filter(|r| !r.is_empty()).map(|r| view! { <div><dt>{tr!(l, mp_refused_reasons)}</dt><dd>{r}</dd></div> })}
                        </dl>
                        <p><a href=format!("/mediations/{}", m.id)>{tr!(l, mp_open_mediation)}</a></p>
                        <h2>{tr!(l, mp_terms_agreed)}</h2>
                        <ol>{m.terms.iter().map(|t| view! { <li>{t.text.clone()}{t.amount_fen.map(|f| format!("：{}（{}）", crate::components::field::yuan(f, l), domain::amount_words::capital_yuan(f)))}{t.due_on.clone().map(|d| format!("，{d}"))}</li> }).collect_view()}</ol>
                        <p class="hint">{tr!(l, mp_judge_checks)}</p>
                        {open.then(|| view! {
                            <form method="post" action=action.clone()>
                                <input type="hidden" name="confirm" value="1"/>
                                <button type="submit" class="button">{tr!(l, mp_confirm_button)}</button>
                            </form>
                            <form method="post" action=action.clone()>
                                <input type="hidden" name="confirm" value="0"/>
                                <div class="field">
                                    <label for="f-reasons">{tr!(l, mp_refused_reasons)}</label>
                                    <textarea id="f-reasons" name="reasons" rows="3" maxlength="2000"></textarea>
                                </div>
                                <button type="submit" class="button secondary">{tr!(l, mp_refuse_button)}</button>
                            </form>
                        })}
                        <p class="hint" lang="zh">{domain::mediation::CONFIRMATION_BASIS}</p>
                    }
                    .into_any()
                }
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=tr!(l, mp_confirmation)/>
        <section class="panel">
            <h1>{tr!(l, mp_confirmation)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
