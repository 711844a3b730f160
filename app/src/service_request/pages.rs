//! /service-requests — a person's requests, or the court's queue (overdue first) for its staff;
//! /service-requests/new — the request form; /service-requests/:id — the thread with the time left, and the forms
//! each side may use now (answer, transfer, close; reply once, rate). Plain forms: everything works without
//! scripts; a refused form comes back with the answers kept and the errors beside their fields.

use super::data::{
    load_new_request, load_request, load_requests, ListData, NewData, RequestSummary, RequestView,
};
use super::texts::t;
use crate::page_data::use_page;
use crate::texts::Message;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn error_view(e: &crate::error::AppError, l: Lang) -> AnyView {
    match e {
        crate::error::AppError::Unauthorized => view! {
            <p>{t("log_in", l)}</p>
            <p><a class="button" href="/login?return_to=%2Fservice-requests">{tr!(l, account_log_in)}</a></p>
        }
        .into_any(),
        other => view! { <h2>{other.message(l)}</h2><p><a href="/service-requests">{t("back", l)}</a></p> }.into_any(),
    }
}

/// How a span of hours and minutes reads ({h}, {m}): the page and `/countdown.js` share it.
fn span_template(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "{h} 小时 {m} 分",
        Lang::Ko => "{h}시간 {m}분",
        Lang::En => "{h} h {m} min",
    }
}

/// "2 h 15 min" left, or how long overdue: the countdown both sides see.
fn time_left(due_at: i64, now: i64, l: Lang) -> String {
    let mins = (due_at - now).abs() / 60_000;
    let span = span_template(l)
        .replace("{h}", &(mins / 60).to_string())
        .replace("{m}", &(mins % 60).to_string());
    if due_at >= now {
        format!("{} {span}", t("left", l))
    } else {
        format!("{} {span}", t("overdue", l))
    }
}

fn shanghai(ms: i64) -> String {
    domain::slots::rfc3339_shanghai(ms)
        .replace('T', " ")
        .chars()
        .take(16)
        .collect()
}

/// The form's kept value and error for a field, when this form was the one sent.
fn kept(form: &str, name: &str) -> (String, Option<domain::FieldError>) {
    match use_page().form {
        Some(f) if f.form == form => (
            f.values
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            f.errors.iter().find(|(k, _)| k == name).map(|(_, e)| *e),
        ),
        _ => (String::new(), None),
    }
}

fn err(e: Option<domain::FieldError>, id: &str, l: Lang) -> impl IntoView {
    e.map(|e| view! { <p class="error-message" id=format!("{id}-error") role="alert">{e.message(l)}</p> })
}

fn refusal(l: Lang) -> impl IntoView {
    let q = use_query_map();
    let code = q.read_untracked().get("error").unwrap_or_default();
    let text = t(
        &format!("err_{}", code.chars().take(30).collect::<String>()),
        l,
    );
    (!text.is_empty()).then(|| view! { <p class="notice error" role="alert">{text}</p> })
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let l = use_page().lang;
    let data = Resource::new_blocking(|| (), |_| load_requests());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => list_view(d, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=t("title", l)/>
        <section class="panel service-requests">
            <h1>{t("title", l)}</h1>
            <p class="lead">{t("lead", l)}</p>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn row(r: RequestSummary, now: i64, l: Lang) -> impl IntoView {
    view! {
        <li class="sr-item" class:overdue=r.overdue class:unread=r.unread data-status=r.status.code()>
            <a href=format!("/service-requests/{}", r.id)><strong>{r.subject}</strong></a>
            {r.unread.then(|| view! { " "<span class="badge">{t("unread", l)}</span> })}
            {r.cannot_get_done.then(|| view! { " "<span class="badge warn">"办不成事"</span> })}
            <br/>
            <span class="hint">
                {r.kind_name}" · "{r.court_name}" · "{r.status_name}
                {r.requester.map(|n| format!(" · {n}"))}
                {(r.status == domain::service_request::RequestStatus::Open).then(|| format!(" · {}", time_left(r.due_at, now, l)))}
            </span>
        </li>
    }
}

fn list_view(d: ListData, l: Lang) -> AnyView {
    let now = d.now_ms;
    let items = d.items;
    view! {
        {(!d.staff).then(|| view! { <p><a class="button" href="/service-requests/new">{t("new", l)}</a></p> })}
        <h2>{if d.staff { t("queue", l) } else { t("mine", l) }}</h2>
        {if items.is_empty() {
            view! { <p>{t("none", l)}</p> }.into_any()
        } else {
            view! { <ol class="sr-list">{items.into_iter().map(|r| row(r, now, l)).collect_view()}</ol> }.into_any()
        }}
    }
    .into_any()
}

#[component]
pub fn NewRequestPage() -> impl IntoView {
    let l = use_page().lang;
    let q = use_query_map();
    let asked_kind = q.read_untracked().get("kind").unwrap_or_default();
    let data = Resource::new_blocking(|| (), |_| load_new_request());
    let body = move || {
        let asked_kind = asked_kind.clone();
        Suspend::new(async move {
            match data.await {
                Ok(d) => new_view(d, asked_kind, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=t("new", l)/>
        <section class="panel service-requests">
            <p class="crumbs"><a href="/service-requests">{t("title", l)}</a></p>
            <h1>{t("new", l)}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn new_view(d: NewData, asked_kind: String, l: Lang) -> AnyView {
    const FORM: &str = "service_request";
    let (kind, kind_err) = kept(FORM, "kind");
    let kind = if kind.is_empty() { asked_kind } else { kind };
    let (court, court_err) = kept(FORM, "court_code");
    let (subject, subject_err) = kept(FORM, "subject");
    let (body, body_err) = kept(FORM, "body");
    let (case_ref, case_err) = kept(FORM, "case_ref");
    let cannot = !kept(FORM, "cannot_get_done").0.is_empty();
    view! {
        {refusal(l)}
        <form method="post" action="/service-requests" class="sr-form">
            <fieldset class="field" class:field-error=kind_err.is_some()>
                <legend>{t("kind", l)}</legend>
                {err(kind_err, "kind", l)}
                {d.kinds.into_iter().map(|(code, name, hours)| {
                    let id = format!("kind-{code}");
                    let checked = code == kind || (kind.is_empty() && code == "consultation");
                    view! {
                        <div class="radio">
                            <input type="radio" name="kind" id=id.clone() value=code checked=checked required=true/>
                            <label for=id>{name}<span class="hint">{format!(" · {} {} {}", t("promised", l), hours, t("hours", l))}</span></label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field" class:field-error=court_err.is_some()>
                <label for="sr-court">{t("court", l)}</label>
                {err(court_err, "court_code", l)}
                <select id="sr-court" name="court_code" required=true aria-describedby=court_err.map(|_| "court_code-error")>
                    {d.courts.into_iter().map(|(code, name)| {
                        let selected = code == court;
                        view! { <option value=code selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field" class:field-error=subject_err.is_some()>
                <label for="sr-subject">{t("subject", l)}</label>
                {err(subject_err, "subject", l)}
                <input id="sr-subject" name="subject" type="text" maxlength="100" required=true value=subject aria-describedby=subject_err.map(|_| "subject-error") aria-invalid=subject_err.map(|_| "true")/>
            </div>
            <div class="field" class:field-error=body_err.is_some()>
                <label for="sr-body">{t("body", l)}</label>
                {err(body_err, "body", l)}
                <textarea id="sr-body" name="body" rows="6" maxlength="2000" required=true aria-describedby=body_err.map(|_| "body-error") aria-invalid=body_err.map(|_| "true")>{body}</textarea>
            </div>
            <div class="field" class:field-error=case_err.is_some()>
                <label for="sr-case">{t("case_ref", l)}</label>
                {err(case_err, "case_ref", l)}
                <input id="sr-case" name="case_ref" type="text" maxlength="40" value=case_ref aria-describedby=case_err.map(|_| "case_ref-error") aria-invalid=case_err.map(|_| "true")/>
            </div>
            <div class="radio">
                <input type="checkbox" id="sr-cannot" name="cannot_get_done" value="1" checked=cannot/>
                <label for="sr-cannot">{t("cannot_get_done", l)}</label>
            </div>
            <button type="submit" class="button">{t("submit", l)}</button>
        </form>
    }
    .into_any()
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect::<String>()
    };
    let data = Resource::new_blocking(id, load_request);
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok((v, now)) => request_view(v, now, l),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <section class="panel service-requests">
            <p class="crumbs"><a href="/service-requests">{t("title", l)}</a></p>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn request_view(v: RequestView, now: i64, l: Lang) -> AnyView {
    let s = v.summary;
    let id = s.id.clone();
    let open = s.status == domain::service_request::RequestStatus::Open;
    let (answer, answer_err) = kept("sr_answer", "body");
    let (reply, reply_err) = kept("sr_reply", "body");
    let (reason, reason_err) = kept("sr_rate", "reason");
    let (_, score_err) = kept("sr_rate", "score");
    let (note, note_err) = kept("sr_close", "note");
    let (_, transfer_err) = kept("sr_transfer", "court_code");
    let courts = v.courts;
    view! {
        <Title text=s.subject.clone()/>
        <h1>{s.subject.clone()}</h1>
        {refusal(l)}
        <dl class="sr-facts">
            <div><dt>{t("kind", l)}</dt><dd>{s.kind_name.clone()}{s.cannot_get_done.then_some(" · 办不成事反映")}</dd></div>
            <div><dt>{t("court", l)}</dt><dd>{s.court_name.clone()}{(!v.department.is_empty()).then(|| format!(" · {}", v.department))}</dd></div>
            {s.requester.clone().map(|n| view! { <div><dt>{t("requester", l)}</dt><dd>{n}</dd></div> })}
            {(!v.case_ref.is_empty()).then(|| view! { <div><dt>{t("case_ref", l)}</dt><dd>{v.case_ref.clone()}</dd></div> })}
            <div><dt>{t("status", l)}</dt><dd data-status=s.status.code()>{s.status_name.clone()}</dd></div>
            {open.then(|| view! {
                <div class="sr-due" class:overdue=s.overdue>
                    <dt>{t("due", l)}</dt>
                    <dd><time datetime=domain::slots::rfc3339_shanghai(s.due_at)>{shanghai(s.due_at)}</time>
                        " · "<strong class="countdown" data-due=s.due_at.to_string() data-left=t("left", l) data-overdue=t("overdue", l)
                            data-span=span_template(l)>{time_left(s.due_at, now, l)}</strong>
                        <script type="module" src="/countdown.js"></script>
                        <span class="hint">{format!(" （{} {} {}）", t("promised", l), v.promised_hours, t("hours", l))}</span></dd>
                </div>
            })}
        </dl>
        <ol class="sr-thread">
            {v.messages.into_iter().map(|m| view! {
                <li class:staff=m.by_staff data-action=m.action.clone()>
                    <p class="hint"><strong>{m.action_name}</strong>" · "{m.author}" · "{shanghai(m.at)}
                        {(!m.to_court.is_empty()).then(|| format!(" → {}", m.to_court))}</p>
                    {(!m.body.is_empty()).then(|| view! { <p class="sr-body">{m.body}</p> })}
                </li>
            }).collect_view()}
        </ol>
        {v.rating.map(|n| view! {
            <p class="sr-rating">{t("rated", l)}"："{"★".repeat(n as usize)}{"☆".repeat(5 - n as usize)}
                {v.rating_reason.clone().filter(|r| !r.is_empty()).map(|r| format!(" — {r}"))}</p>
        })}
        {v.may_answer.then(|| {
            let id = id.clone();
            view! {
                <section class="sr-staff">
                    <form method="post" action=format!("/service-requests/{id}/answer") class="field" class:field-error=answer_err.is_some()>
                        <label for="sr-answer">{t("answer", l)}</label>
                        {err(answer_err, "answer", l)}
                        <textarea id="sr-answer" name="body" rows="5" maxlength="2000" required=true aria-describedby=answer_err.map(|_| "answer-error")>{answer}</textarea>
                        <button type="submit" class="button">{t("answer_send", l)}</button>
                    </form>
                    <details>
                        <summary>{t("transfer", l)}</summary>
                        <form method="post" action=format!("/service-requests/{id}/transfer")>
                            {err(transfer_err, "transfer", l)}
                            <label for="sr-to">{t("court", l)}</label>
                            <select id="sr-to" name="court_code">
                                {courts.into_iter().map(|(c, n)| view! { <option value=c>{n}</option> }).collect_view()}
                            </select>
                            <label for="sr-dept">{t("department", l)}</label>
                            <input id="sr-dept" name="department" type="text" maxlength="40"/>
                            <label for="sr-tnote">{t("note", l)}</label>
                            <textarea id="sr-tnote" name="note" rows="2" maxlength="2000"></textarea>
                            <button type="submit" class="button secondary">{t("transfer_send", l)}</button>
                        </form>
                    </details>
                    <details>
                        <summary>{t("close", l)}</summary>
                        <form method="post" action=format!("/service-requests/{id}/close")>
                            <label for="sr-cnote">{t("note", l)}</label>
                            {err(note_err, "close", l)}
                            <textarea id="sr-cnote" name="note" rows="2" maxlength="2000" required=true aria-describedby=note_err.map(|_| "close-error")>{note}</textarea>
                            <button type="submit" class="button secondary">{t("close_send", l)}</button>
                        </form>
                    </details>
                </section>
            }
        })}
        {v.may_reply.then(|| view! {
            <form method="post" action=format!("/service-requests/{id}/reply") class="field" class:field-error=reply_err.is_some()>
                <label for="sr-reply">{t("reply", l)}</label>
                {err(reply_err, "reply", l)}
                <textarea id="sr-reply" name="body" rows="3" maxlength="2000" required=true aria-describedby=reply_err.map(|_| "reply-error")>{reply}</textarea>
                <button type="submit" class="button secondary">{t("reply_send", l)}</button>
            </form>
        })}
        {v.may_rate.then(|| view! {
            <form method="post" action=format!("/service-requests/{id}/rating") class="sr-rate">
                <fieldset class="field" class:field-error=score_err.is_some()>
                    <legend>{t("rate", l)}" — "{t("score", l)}</legend>
                    {err(score_err, "score", l)}
                    {(1..=5).rev().map(|n| {
                        let cid = format!("score-{n}");
                        view! { <span class="radio inline"><input type="radio" name="score" id=cid.clone() value=n.to_string() required=true/><label for=cid>{n.to_string()}</label></span> }
                    }).collect_view()}
                </fieldset>
                <div class="field" class:field-error=reason_err.is_some()>
                    <label for="sr-reason">{t("reason", l)}</label>
                    {err(reason_err, "reason", l)}
                    <textarea id="sr-reason" name="reason" rows="2" maxlength="2000" aria-describedby=reason_err.map(|_| "reason-error")>{reason}</textarea>
                </div>
                <button type="submit" class="button">{t("rate_send", l)}</button>
            </form>
        })}
        <p><a href="/service-requests">{t("back", l)}</a></p>
    }
    .into_any()
}
