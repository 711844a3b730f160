//! /pathways/:id — a guided pathway, one question per page. The answers so far travel in the address (`a=` once
//! per question), so each page is a GET form carrying them as hidden fields: no script is needed, nothing is
//! stored, and the browser's Back button goes back one question. The last page is the outcome: the channel
//! recommended and why, the law quoted, the time limits from the person's own dates, each channel's cost side by
//! side, and a button into the mediation booking or the filing wizard with the answers filled in.

use super::data::{load_pathway, OutcomeView, PathwayStep, PathwayView, QuestionView};
use super::kb_texts::t;
use super::questions_page::articles_view;
use crate::page_data::use_page;
use domain::pathway::{Action, QuestionKind};
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PathwayPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect::<String>()
    };
    let answers = move || {
        query
            .read()
            .get_all("a")
            .unwrap_or_default()
            .into_iter()
            .take(domain::pathway::MAX_ANSWERS)
            .map(|a| a.chars().take(40).collect::<String>())
            .collect::<Vec<String>>()
    };
    let data = Resource::new_blocking(move || (id(), answers()), |(id, a)| load_pathway(id, a));
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(v) => pathway_view(v, l),
                Err(e) => {
                    view! { <h1>{e.message(l)}</h1><p><a href="/questions">{t("back", l)}</a></p> }
                        .into_any()
                }
            }
        })
    };
    view! { <section class="panel kb pathway"><Suspense fallback=|| ()>{body}</Suspense></section> }
}

fn pathway_view(v: PathwayView, l: Lang) -> AnyView {
    let PathwayView {
        id,
        title,
        intro,
        answered,
        kept,
        step,
    } = v;
    let n = answered.len() + 1;
    let summary = (!answered.is_empty()).then(|| {
        view! {
            <details class="pathway-answers" open=matches!(step, PathwayStep::Done(_))>
                <summary>{t("your_answers", l)}</summary>
                <dl>
                    {answered.into_iter().map(|(q, a)| view! { <dt>{q}</dt><dd>{a}</dd> }).collect_view()}
                </dl>
                <p><a href=format!("/pathways/{id}")>{t("restart", l)}</a></p>
            </details>
        }
    });
    let main = match step {
        PathwayStep::Ask(q) => question_view(&id, q, &kept, n, l).into_any(),
        PathwayStep::Done(o) => outcome_view(o, l).into_any(),
    };
    view! {
        <Title text=title.clone()/>
        <p class="crumbs"><a href="/questions">{t("title", l)}</a></p>
        <h1 lang="zh">{title}</h1>
        {(n == 1).then(|| view! { <p class="lead" lang="zh">{intro}</p> })}
        {main}
        {summary}
    }
    .into_any()
}

fn question_view(id: &str, q: QuestionView, kept: &[String], n: usize, l: Lang) -> impl IntoView {
    let hidden = kept
        .iter()
        .map(|a| view! { <input type="hidden" name="a" value=a.clone()/> })
        .collect_view();
    let err_id = "pw-error";
    let error = q
        .error
        .clone()
        .map(|e| view! { <p class="error-message" id=err_id role="alert">{e}</p> });
    let invalid = q.error.is_some().then_some("true");
    let described = q.error.is_some().then_some(err_id);
    let field = match q.kind {
        QuestionKind::Choice => view! {
            <fieldset class="field pathway-choices" aria-describedby=described aria-invalid=invalid>
                <legend>{q.text.clone()}</legend>
                {q.hint.clone().map(|h| view! { <p class="hint">{h}</p> })}
                {error}
                {q.choices.iter().enumerate().map(|(i, c)| {
                    let cid = format!("pw-{}-{i}", q.id);
                    view! {
                        <div class="radio">
                            <input type="radio" name="a" id=cid.clone() value=i.to_string() required=true/>
                            <label for=cid>{c.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        QuestionKind::Date | QuestionKind::Amount => {
            let (ty, hint, mode) = if q.kind == QuestionKind::Date {
                ("date", t("date_hint", l), "numeric")
            } else {
                ("text", t("amount_hint", l), "decimal")
            };
            view! {
                <div class="field" class:field-error=q.error.is_some()>
                    <label for="pw-input">{q.text.clone()}</label>
                    <p class="hint" id="pw-hint">{q.hint.clone().unwrap_or_default()}" "{hint}</p>
                    {error}
                    <input id="pw-input" name="a" type=ty inputmode=mode value=q.value.clone()
                        required=!q.optional aria-invalid=invalid
                        aria-describedby=if q.error.is_some() { "pw-hint pw-error" } else { "pw-hint" }/>
                </div>
            }
            .into_any()
        }
    };
    let skip = (q.optional && q.kind != QuestionKind::Choice).then(|| {
        let mut href = format!("/pathways/{id}?");
        for a in kept {
            href.push_str(&format!(
                "a={}&",
                crate::mediation::roster_page::urlencode(a)
            ));
        }
        href.push_str("a=-");
        view! { <a class="button secondary" href=href>{t("skip", l)}</a> }
    });
    view! {
        <p class="pathway-step">{t("step", l).replace("{n}", &n.to_string())}</p>
        <form method="get" action=format!("/pathways/{id}") class="pathway-form" lang="zh">
            {hidden}
            {field}
            <div class="actions">
                <button type="submit" class="button">{t("next", l)}</button>
                {skip}
            </div>
        </form>
    }
}

fn outcome_view(o: OutcomeView, l: Lang) -> impl IntoView {
    let action = match o.action {
        Action::Mediation => {
            let mut href = "/mediation?".to_string();
            if let Some(c) = &o.cause {
                href.push_str(&format!("cause={c}&"));
            }
            href.push_str("court=&language=&place=");
            Some(view! { <a class="button" href=href>{t("action_mediation", l)}</a> }.into_any())
        }
        Action::Filing => {
            let cause = o.cause.clone().unwrap_or_default();
            Some(
                view! {
                    <form method="post" action="/filings/new" class="inline-form">
                        <input type="hidden" name="cause" value=cause/>
                        <button type="submit" class="button">{t("action_filing", l)}</button>
                    </form>
                }
                .into_any(),
            )
        }
        Action::Arbitration => Some(
            view! {
                <div class="notice arbitration-guide">
                    <h3>{t("action_arbitration", l)}</h3>
                    <p>{t("arbitration_guide", l)}</p>
                    <p class="hint" lang="zh">{t("arbitration_basis", l)}</p>
                </div>
            }
            .into_any(),
        ),
        Action::None => None,
    };
    view! {
        <div class="pathway-outcome" lang="zh">
            <p class="pathway-channel">{t("recommended", l)}"："<strong>{o.channel_name}</strong></p>
            <h2>{o.title}</h2>
            <h3>{t("why", l)}</h3>
            {super::questions_page::paragraphs(&o.why)}
            {(!o.steps.is_empty()).then(|| view! {
                <h3>{t("what_next", l)}</h3>
                <ol>{o.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            })}
            <div class="pathway-action">{action}</div>
        </div>
        {(!o.limits.is_empty()).then(|| view! {
            <h2>{t("limits", l)}</h2>
            <ul class="pathway-limits">
                {o.limits.into_iter().map(|x| view! {
                    <li class:expired=x.expired>
                        <strong>{x.name}</strong>
                        {x.ends_on.map(|d| view! { " · "{t("ends_on", l)}" " <time datetime=d.clone()>{d.clone()}</time> })}
                        {x.days_left.map(|n| if n < 0 { t("expired", l).to_string() } else { t("days_left", l).replace("{n}", &n.to_string()) }).map(|s| view! { " · "<span class="days">{s}</span> })}
                        {x.note.map(|n| view! { <br/><span class="hint">{n}</span> })}
                        <br/><span class="hint" lang="zh">{format!("（{}）", x.basis)}</span>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <h2>{t("costs", l)}</h2>
        <table class="pathway-costs">
            <thead><tr><th scope="col">{t("cost_channel", l)}</th><th scope="col">{t("cost_cost", l)}</th><th scope="col">{t("cost_basis", l)}</th></tr></thead>
            <tbody>
                {o.costs.into_iter().map(|c| view! {
                    <tr class:recommended=c.recommended data-channel=format!("{:?}", c.channel).to_lowercase()>
                        <th scope="row">{c.name}{c.recommended.then_some(" ★")}</th>
                        <td class="cost">{c.text}</td>
                        <td class="hint" lang="zh">{c.basis.unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {articles_view(o.citations, l)}
        <p class="hint kb-disclaimer">{t("disclaimer", l)}</p>
    }
}
