//! The video room's doors: the WebSocket each browser in a room keeps open (signalling, lobby, chat), the shared
//! documents, and the calendar invitation. The rules are `app::mediation::meeting`'s; this module carries
//! messages between one socket and the relay.
//!
//! Every instance runs one [`Hub`]: it hears every room message of the cluster from the relay and hands each to the
//! sockets of that room connected here. A message goes socket → service (checks, database) → relay → every
//! instance's hub → the sockets it is for, whichever instance they are on.

use crate::http::extract::Caller;
use crate::http::problem::Problem;
use crate::state::{now_ms, AppState};
use app::mediation::error::MediationError;
use app::mediation::meeting::{self, ClientMessage, Seat};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

/// A browser's message to the room is small (an SDP offer is a few KB).
const MAX_MESSAGE: usize = 64 * 1024;
/// Messages waiting for a slow socket before newer ones are dropped.
const QUEUE: usize = 256;
/// Messages a socket may send: a burst (ICE candidates come in dozens) and a steady rate.
const BURST: f64 = 200.0;
const PER_SECOND: f64 = 40.0;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/mediations/{id}/meeting/ws", get(socket))
        .route("/mediations/{id}/meeting/docs/{file}", get(document))
        .route("/mediations/{id}/meeting.ics", get(calendar))
}

/// What the hub hands a socket.
pub enum Out {
    Text(Arc<str>),
    /// Close with this reason (`removed`, `ended`, `replaced`), told to the browser first.
    Close(String),
}

struct Local {
    id: u64,
    participant: String,
    conn: i64,
    tx: mpsc::Sender<Out>,
}

/// The sockets of each room connected to this instance.
#[derive(Default)]
pub struct Hub {
    rooms: Mutex<HashMap<String, Vec<Local>>>,
    next: AtomicU64,
}

impl Hub {
    /// Starts handing the relay's messages to this instance's sockets.
    pub fn start(relay: &db::relay::Relay) -> Arc<Hub> {
        let hub = Arc::new(Hub::default());
        let mut rx = relay.subscribe();
        let h = hub.clone();
        tokio::spawn(async move {
            loop {
                match rx.recv().await {
                    Ok(message) => h.dispatch(&message),
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(skipped = n, "meeting hub fell behind the relay");
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        hub
    }

    /// Sockets open on this instance.
    pub fn connections(&self) -> usize {
        self.rooms
            .lock()
            .map(|r| r.values().map(Vec::len).sum())
            .unwrap_or(0)
    }

    fn join(&self, room: &str, participant: &str, conn: i64) -> (u64, mpsc::Receiver<Out>) {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel(QUEUE);
        if let Ok(mut rooms) = self.rooms.lock() {
            rooms.entry(room.to_string()).or_default().push(Local {
                id,
                participant: participant.to_string(),
                conn,
                tx,
            });
        }
        (id, rx)
    }

    fn leave(&self, room: &str, id: u64) {
        if let Ok(mut rooms) = self.rooms.lock() {
            if let Some(list) = rooms.get_mut(room) {
                list.retain(|l| l.id != id);
                if list.is_empty() {
                    rooms.remove(room);
                }
            }
        }
    }

    fn dispatch(&self, raw: &str) {
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            return;
        };
        let Some(room) = v["room"].as_str() else {
            return;
        };
        let Ok(rooms) = self.rooms.lock() else {
            return;
        };
        let Some(locals) = rooms.get(room) else {
            return;
        };
        let to: Option<Vec<&str>> = v["to"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect());
        let text: Option<Arc<str>> = (!v["msg"].is_null()).then(|| Arc::from(v["msg"].to_string()));
        let close = &v["close"];
        for l in locals {
            if close.is_object() {
                let who = close["who"].as_str();
                let except = close["except_conn"].as_i64();
                if who.is_none_or(|w| w == l.participant) && except != Some(l.conn) {
                    let reason = close["reason"].as_str().unwrap_or("ended").to_string();
                    let _ = l.tx.try_send(Out::Close(reason));
                }
            }
            if let Some(t) = &text {
                if to
                    .as_ref()
                    .is_none_or(|to| to.contains(&l.participant.as_str()))
                {
                    // A socket this far behind is not keeping up: the message is dropped for it (the next roster
                    // brings it up to date).
                    let _ = l.tx.try_send(Out::Text(t.clone()));
                }
            }
        }
    }
}

#[derive(Deserialize)]
struct LinkQuery {
    t: Option<String>,
    k: Option<String>,
}

fn refused(e: MediationError, lang: domain::Lang) -> Response {
    Problem::from_service(&e, lang).into_response()
}

/// Opens the room's socket for the holder of a personal link (`?t=`) or a signed-in participant. The handshake's
/// Origin was checked by the CSRF layer (a WebSocket handshake is checked like a POST).
async fn socket(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    Query(q): Query<LinkQuery>,
    ws: WebSocketUpgrade,
) -> Response {
    let lang = caller.lang;
    let seat = match meeting::enter(&caller, &id, q.t.as_deref(), &state.ctx).await {
        Ok(seat) => seat,
        // A browser cannot read a refused handshake's answer (it sees a dropped connection and would try again):
        // a link that stopped working — the window closed, the session moved, the person was removed — is told
        // over the socket, which then closes for good. Anything else (no such mediation, not signed in) is a
        // problem document.
        Err(MediationError::Refused(r)) => {
            return ws.on_upgrade(move |mut s| async move {
                let _ = s
                    .send(text(&json!({"t": "closed", "reason": r.code()})))
                    .await;
                let _ = s.close().await;
            })
        }
        Err(e) => return refused(e, lang),
    };
    // Small buffers: the messages are small, and the defaults (128 KB each way) would be most of a connection's
    // memory (measured by bench_meeting: 140 KB a connection with them).
    ws.max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .read_buffer_size(8 * 1024)
        .write_buffer_size(8 * 1024)
        .on_upgrade(move |s| run(s, state, seat, lang))
}

fn text(v: &Value) -> Message {
    Message::Text(v.to_string().into())
}

async fn run(socket: WebSocket, state: AppState, seat: Seat, lang: domain::Lang) {
    let ctx = &state.ctx;
    let (mut sink, mut stream) = socket.split();
    let joined = match meeting::arrive(&seat, ctx, now_ms()).await {
        Ok(j) => j,
        Err(e) => {
            let closed = match &e {
                MediationError::Refused(r) => json!({"t": "closed", "reason": r.code()}),
                MediationError::Room(r) => json!({"t": "closed", "reason": r.code()}),
                _ => json!({"t": "error", "code": app::error::ServiceError::code(&e),
                            "message": app::error::ServiceError::message(&e, lang)}),
            };
            let _ = sink.send(text(&closed)).await;
            let _ = sink.close().await;
            return;
        }
    };
    let room = seat.mediation.id.clone();
    let conn = joined.conn;
    let (hub_id, mut rx) = state.hub.join(&room, &seat.person.participant, conn);
    let mut ok = sink.send(text(&joined.welcome)).await.is_ok();
    if let Err(e) = meeting::announce(&seat, conn, ctx, now_ms()).await {
        tracing::warn!(error = %e, "meeting arrival not announced");
    }
    for line in &joined.history {
        ok = ok && sink.send(text(line)).await.is_ok();
    }
    let mut beat = tokio::time::interval(std::time::Duration::from_secs(20));
    let (mut tokens, mut last) = (BURST, std::time::Instant::now());
    while ok {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Out::Text(t)) => ok = sink.send(Message::Text(t.to_string().into())).await.is_ok(),
                Some(Out::Close(reason)) => {
                    let _ = sink.send(text(&json!({"t": "closed", "reason": reason}))).await;
                    let _ = sink.close().await;
                    break;
                }
                None => break,
            },
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(t))) => {
                    let now = std::time::Instant::now();
                    tokens = (tokens + now.duration_since(last).as_secs_f64() * PER_SECOND).min(BURST);
                    last = now;
                    if tokens < 1.0 {
                        ok = sink.send(text(&json!({"t": "error", "code": "rate_limited",
                            "message": app::error::kind_message(app::error::ErrorKind::TooManyRequests, lang)}))).await.is_ok();
                        continue;
                    }
                    tokens -= 1.0;
                    let reply = match serde_json::from_str::<ClientMessage>(t.as_str()) {
                        Err(_) => Some(json!({"t": "error", "code": "malformed", "message": ""})),
                        Ok(msg) => match meeting::act(&seat, conn, msg, ctx, now_ms()).await {
                            Ok(()) => None,
                            Err(e) => {
                                if let Some(cause) = app::error::ServiceError::internal_cause(&e) {
                                    tracing::error!(cause, "meeting action failed");
                                }
                                Some(json!({"t": "error", "code": app::error::ServiceError::code(&e),
                                            "message": app::error::ServiceError::message(&e, lang)}))
                            }
                        },
                    };
                    if let Some(r) = reply {
                        ok = sink.send(text(&r)).await.is_ok();
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => {}
            },
            _ = beat.tick() => {
                if let Err(e) = meeting::heartbeat(&seat, conn, ctx, now_ms()).await {
                    tracing::warn!(error = %e, "meeting heartbeat not recorded");
                }
            }
        }
    }
    state.hub.leave(&room, hub_id);
    if let Err(e) = meeting::depart(&seat, conn, ctx, now_ms()).await {
        tracing::warn!(error = %e, "meeting departure not recorded");
    }
}

/// A document the mediator shared, for the holders of the link the room sent (until the meeting closes). Framed
/// by the room page only.
async fn document(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path((id, file)): Path<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Response {
    let k = q.k.unwrap_or_default();
    match meeting::document(&state.ctx, &id, &file, &k, caller.now_ms).await {
        Ok((f, bytes)) => {
            let mut h = HeaderMap::new();
            if let Ok(v) = HeaderValue::from_str(&f.content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            h.insert(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("SAMEORIGIN"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"),
            );
            (StatusCode::OK, h, bytes).into_response()
        }
        Err(e) => refused(e, caller.lang),
    }
}

/// The calendar invitation (.ics) of the link holder or the signed-in participant.
async fn calendar(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    Query(q): Query<LinkQuery>,
    headers: HeaderMap,
) -> Response {
    let scheme = if state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| h.len() < 256 && h.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("localhost");
    let origin = format!("{scheme}://{host}");
    match meeting::invitation_ics(&caller, &id, q.t.as_deref(), &origin, &state.ctx).await {
        Ok(ics) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"mediation.ics\"",
                ),
            ],
            ics,
        )
            .into_response(),
        Err(e) => refused(e, caller.lang),
    }
}
