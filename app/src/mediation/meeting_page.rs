//! /mediations/:id/meeting — the video mediation room; /meeting-check — the device check anyone can open; and the
//! meeting part of a mediation's page (the caller's join link, the calendar invitation, everyone's links and adding
//! guests for the mediator).
//!
//! The room is rendered here, on the server, with its controls labelled; a small hand-written script
//! (`/meeting.js`, loaded by this page only) does the WebRTC and the socket. It is not Leptos/Wasm: a browser's
//! WebRTC and WebSocket are already JavaScript APIs, and the script is a fraction of what the same code compiled to
//! WebAssembly with its bindings would weigh (measured: see the README). The citizen pages' WebAssembly is unchanged.

use super::meeting_texts::{client_texts, t, CHECK_SCRIPT_KEYS, ROOM_SCRIPT_KEYS};
use crate::error::AppError;
use crate::page_data::use_page;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomData {
    pub id: String,
    pub ws: String,
    pub me: String,
    pub role: String,
    pub name: String,
    pub start_ms: i64,
    pub end_ms: i64,
    /// Documents the mediator can show (the diverted filing's evidence), for the mediator only.
    pub docs: Vec<(String, String)>,
    /// Why the person is not let in (code, message), instead of the room.
    pub refusal: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingInfoData {
    pub id: String,
    pub join_link: String,
    pub ics: String,
    pub opens: i64,
    pub closes: i64,
    /// (role label, name, link) for the mediator and court staff.
    pub participants: Vec<(String, String, String)>,
    pub may_add: bool,
}

/// The room, or why not.
#[server(prefix = "/rpc", endpoint = "meeting_room")]
pub async fn load_room(id: String, t: String) -> Result<RoomData, AppError> {
    use crate::mediation::error::MediationError;
    use crate::mediation::meeting;
    let (info, ctx) = crate::mediation::data::ssr::caller()?;
    let token = (!t.is_empty()).then_some(t.as_str());
    match meeting::enter(&info, &id, token, &ctx).await {
        Ok(seat) => {
            let m = &seat.mediation;
            let leads = seat.person.role == domain::meeting::MeetingRole::Mediator;
            let docs = if leads {
                meeting::shareable(&ctx, m)
                    .await
                    .map_err(|e| crate::mediation::data::ssr::door(e, info.lang))?
                    .into_iter()
                    .map(|f| (f.id, f.label))
                    .collect()
            } else {
                Vec::new()
            };
            let ws = match token {
                Some(t) => format!(
                    "/mediations/{}/meeting/ws?t={}",
                    m.id,
                    super::roster_page::urlencode(t)
                ),
                None => format!("/mediations/{}/meeting/ws", m.id),
            };
            Ok(RoomData {
                id: m.id.clone(),
                ws,
                me: seat.person.participant.clone(),
                role: seat.person.role.code().into(),
                name: seat.person.shown(),
                start_ms: m.start_ms,
                end_ms: m.end_ms,
                docs,
                refusal: None,
            })
        }
        Err(MediationError::Refused(r)) => {
            crate::ssr::set_status(match r {
                domain::meeting::Refusal::Invalid => 404,
                domain::meeting::Refusal::OtherPerson | domain::meeting::Refusal::Removed => 403,
                _ => 409,
            });
            Ok(RoomData {
                id: id.chars().take(64).collect(),
                ws: String::new(),
                me: String::new(),
                role: String::new(),
                name: String::new(),
                start_ms: 0,
                end_ms: 0,
                docs: Vec::new(),
                refusal: Some((
                    r.code().into(),
                    super::meeting_texts::refusal(&r, info.lang),
                )),
            })
        }
        Err(e) => Err(crate::mediation::data::ssr::door(e, info.lang)),
    }
}

/// The meeting part of a mediation's page.
#[server(prefix = "/rpc", endpoint = "meeting_info")]
pub async fn load_meeting_info(id: String) -> Result<MeetingInfoData, AppError> {
    let (info, ctx) = crate::mediation::data::ssr::caller()?;
    let m = crate::mediation::meeting::info(&info, &id, &ctx)
        .await
        .map_err(|e| crate::mediation::data::ssr::door(e, info.lang))?;
    let l = info.lang;
    let ics = match m.join_link.split_once("?t=") {
        Some((_, tok)) => format!(
            "/mediations/{}/meeting.ics?t={tok}",
            id.chars().take(64).collect::<String>()
        ),
        None => String::new(),
    };
    let may_add = !m.participants.is_empty();
    Ok(MeetingInfoData {
        id: id.chars().take(64).collect(),
        join_link: m.join_link,
        ics,
        opens: m.opens,
        closes: m.closes,
        participants: m
            .participants
            .into_iter()
            .map(|(p, link)| {
                (
                    t(&format!("role_{}", p.role.code()), l).to_string(),
                    p.name,
                    link,
                )
            })
            .collect(),
        may_add,
    })
}

fn when(ms: i64, l: Lang) -> String {
    domain::date::format_shanghai(ms, tr!(l, account_beijing_time))
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let l = use_page().lang;
    let params = use_params_map();
    let q = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tok = move || q.read().get("t").unwrap_or_default();
    let data = Resource::new_blocking(move || (id(), tok()), |(i, t)| load_room(i, t));
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => match d.refusal {
                    Some((code, message)) => view! {
                        <h1>{t("refused_title", l)}</h1>
                        <p class="error-summary" role="alert" data-refusal=code>{message}</p>
                        <p><a class="button" href="/mediations">{tr!(l, mp_my_mediations)}</a>" "
                           <a class="button secondary" href="/meeting-check">{t("check_link", l)}</a></p>
                    }
                    .into_any(),
                    None => room_view(d, l),
                },
                Err(e) => super::roster_page::error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=t("title", l)/>
        <section class="panel meeting-panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn room_view(d: RoomData, l: Lang) -> AnyView {
    let texts = client_texts(ROOM_SCRIPT_KEYS, l);
    let leads = d.role == "mediator";
    view! {
        <link rel="stylesheet" href="/meeting.css"/>
        <h1>{t("title", l)}</h1>
        <p class="hint">{when(d.start_ms, l)}" · "<a href="/meeting-check">{t("check_link", l)}</a></p>
        <div id="meeting" data-ws=d.ws.clone() data-mediation=d.id.clone() data-me=d.me.clone() data-role=d.role.clone()>
            <p id="meeting-status" role="status" aria-live="polite">{t("status_connecting", l)}</p>
            <noscript><p class="error-summary">{t("noscript", l)}</p></noscript>
            <section id="meeting-stage" aria-label=t("stage", l)><div id="meeting-videos"></div></section>
            <div id="meeting-controls">
                <button type="button" id="meeting-mic" aria-pressed="true">{t("mic", l)}</button>
                <button type="button" id="meeting-cam" aria-pressed="true">{t("cam", l)}</button>
                <button type="button" id="meeting-leave">{t("leave", l)}</button>
                <button type="button" id="meeting-takeover" hidden=true>{t("takeover", l)}</button>
                <button type="button" id="meeting-end" hidden=true>{t("end", l)}</button>
            </div>
            <section id="meeting-people"><h2>{t("people", l)}</h2><ul id="meeting-people-list"></ul></section>
            <section id="meeting-chat">
                <h2>{t("chat", l)}</h2>
                <ol id="meeting-chat-log" aria-live="polite"></ol>
                <form id="meeting-chat-form">
                    <label for="meeting-chat-text">{t("chat_label", l)}</label>
                    <input id="meeting-chat-text" maxlength="500" autocomplete="off"/>
                    <button type="submit">{t("chat_send", l)}</button>
                </form>
            </section>
            <section id="meeting-docs">
                <h2>{t("docs", l)}</h2>
                {(leads && d.docs.is_empty()).then(|| view! { <p class="hint">{t("docs_none", l)}</p> })}
                <ul id="meeting-doc-list">
                    {d.docs.into_iter().map(|(id, name)| view! {
                        <li><button type="button" data-share=id>{name}</button></li>
                    }).collect_view()}
                </ul>
                <div id="meeting-doc-view"></div>
            </section>
            <script type="application/json" id="meeting-texts" inner_html=texts></script>
        </div>
        <script type="module" src="/meeting.js"></script>
    }
    .into_any()
}

/// /meeting-check: camera, microphone, speaker and network, before the meeting. Public; nothing is recorded.
#[component]
pub fn DeviceCheckPage() -> impl IntoView {
    let l = use_page().lang;
    let texts = client_texts(CHECK_SCRIPT_KEYS, l);
    let ice = Resource::new_blocking(|| (), |_| load_check_ice());
    let body = move || {
        let texts = texts.clone();
        Suspend::new(async move {
            let ice = ice.await.unwrap_or_else(|_| "{\"iceServers\":[]}".into());
            view! {
                <div id="device-check" data-ice=ice>
                    <p><button type="button" id="check-start" class="button">{t("check_start", l)}</button></p>
                    <h2>{t("check_camera", l)}</h2>
                    <video id="check-video" muted=true playsinline=true></video>
                    <p id="check-camera-result" role="status"></p>
                    <h2><label for="check-mic">{t("check_mic", l)}</label></h2>
                    <meter id="check-mic" min="0" max="1" value="0"></meter>
                    <p id="check-mic-result" role="status"></p>
                    <p><button type="button" id="check-speaker" class="button secondary">{t("check_speaker", l)}</button></p>
                    <p id="check-speaker-result" role="status"></p>
                    <h2>{t("check_network", l)}</h2>
                    <p id="check-network-result" role="status"></p>
                    <script type="application/json" id="check-texts" inner_html=texts></script>
                </div>
                <script type="module" src="/device-check.js"></script>
            }
        })
    };
    view! {
        <Title text=t("check_title", l)/>
        <section class="panel meeting-panel">
            <link rel="stylesheet" href="/meeting.css"/>
            <h1>{t("check_title", l)}</h1>
            <p class="lead">{t("check_lead", l)}</p>
            <noscript><p class="error-summary">{t("noscript", l)}</p></noscript>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

/// STUN (and TURN with a short-lived credential) for the network check: a relay candidate proves the TURN server
/// can be reached from where the person is.
#[server(prefix = "/rpc", endpoint = "meeting_check_ice")]
pub async fn load_check_ice() -> Result<String, AppError> {
    let (info, ctx) = crate::mediation::data::ssr::caller()?;
    Ok(ctx
        .meeting
        .ice_for("check", info.now_ms + 600_000)
        .to_string())
}

/// The meeting part of a mediation's page: only for video sessions the caller takes part in (nothing otherwise).
#[component]
pub fn MeetingSection(id: String) -> impl IntoView {
    let l = use_page().lang;
    let data = Resource::new_blocking(move || id.clone(), load_meeting_info);
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => {
                    let add_action = format!("/mediations/{}/meeting/guests", d.id);
                    view! {
                        <section class="meeting-section" aria-labelledby="meeting-h">
                            <h2 id="meeting-h">{t("meeting_section", l)}</h2>
                            <p>{t("window", l)}": "{when(d.opens, l)}" — "{when(d.closes, l)}</p>
                            <p>
                                <a class="button" id="meeting-enter" href=d.join_link.clone()>{t("meeting_enter", l)}</a>" "
                                <a class="button secondary" id="meeting-ics" href=d.ics.clone() download="mediation.ics">{t("meeting_ics", l)}</a>" "
                                <a href="/meeting-check">{t("check_link", l)}</a>
                            </p>
                            {(!d.participants.is_empty()).then(|| view! {
                                <details>
                                    <summary>{t("meeting_links", l)}</summary>
                                    <ul class="meeting-links">
                                        {d.participants.iter().map(|(role, name, link)| view! {
                                            <li>{role.clone()}" · "{name.clone()}": "<a href=link.clone()>{link.clone()}</a></li>
                                        }).collect_view()}
                                    </ul>
                                </details>
                            })}
                            {d.may_add.then(|| view! {
                                <details>
                                    <summary>{t("meeting_add_guest", l)}</summary>
                                    <form method="post" action=add_action>
                                        <div class="field">
                                            <label for="f-guest-role">{t("meeting_guest_role", l)}</label>
                                            <select id="f-guest-role" name="role">
                                                <option value="agent">{t("role_agent", l)}</option>
                                                <option value="interpreter">{t("role_interpreter", l)}</option>
                                                <option value="clerk">{t("role_clerk", l)}</option>
                                            </select>
                                        </div>
                                        <div class="field">
                                            <label for="f-guest-name">{t("meeting_guest_name", l)}</label>
                                            <input id="f-guest-name" name="name" maxlength="40" required=true/>
                                        </div>
                                        <div class="field">
                                            <label for="f-guest-mobile">{t("meeting_guest_mobile", l)}</label>
                                            <input id="f-guest-mobile" name="mobile" inputmode="tel" maxlength="20"/>
                                        </div>
                                        <div class="field">
                                            <label for="f-guest-language">{t("meeting_guest_language", l)}</label>
                                            <select id="f-guest-language" name="language">
                                                <option value="zh">"中文"</option>
                                                <option value="ko">"한국어"</option>
                                                <option value="mn">"ᠮᠣᠩᠭᠣᠯ"</option>
                                                <option value="en">"English"</option>
                                            </select>
                                        </div>
                                        <button type="submit" class="button secondary">{t("meeting_guest_add", l)}</button>
                                    </form>
                                </details>
                            })}
                        </section>
                    }
                    .into_any()
                }
                Err(_) => ().into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}

/// The open video meetings of the caller's colleagues (a mediator's workspace).
#[server(prefix = "/rpc", endpoint = "meeting_colleagues")]
pub async fn load_colleagues_meetings() -> Result<Vec<(i64, String, String)>, AppError> {
    let (info, ctx) = crate::mediation::data::ssr::caller()?;
    crate::mediation::meeting::colleagues_meetings(&info, &ctx)
        .await
        .map_err(|e| crate::mediation::data::ssr::door(e, info.lang))
}

/// On the mediator's workspace: colleagues' video meetings open now, each to enter and take over if their mediator
/// dropped out. Nothing when there are none.
#[component]
pub fn ColleaguesMeetings() -> impl IntoView {
    let l = use_page().lang;
    let data = Resource::new_blocking(|| (), |_| load_colleagues_meetings());
    let body = move || {
        Suspend::new(async move {
            match data.await {
                Ok(list) if !list.is_empty() => view! {
                    <section class="meeting-section" aria-labelledby="colleagues-h">
                        <h2 id="colleagues-h">{t("colleagues_meetings", l)}</h2>
                        <p class="hint">{t("colleagues_hint", l)}</p>
                        <ul class="matter-list">
                            {list.into_iter().map(|(start, name, id)| view! {
                                <li class="matter"><a href=format!("/mediations/{id}/meeting")>{when(start, l)}" · "{name}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
                .into_any(),
                _ => ().into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}
