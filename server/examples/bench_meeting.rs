//! The video rooms' numbers, against two real server processes (`target/release/server`) on one PostgreSQL:
//! - WebSocket connections held by one instance, and the server's memory per connection (its resident set before
//!   and after, read from /proc; the clients are this process);
//! - signalling messages per second relayed between the instances (a mediator on one, the party on the other, in
//!   many rooms at once: each message goes socket → instance A → NOTIFY → instance B → socket).
//!
//! `bench_meeting [postgres-admin-url] [connections]`

use app::mediation::meeting::sign_claim;
use db::mediation::{self as store, NewMediation, NewParty};
use domain::mediation::{MediationMode, MediationRole, MediationStatus};
use domain::meeting::{join_window, JoinClaim, MeetingRole};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use sqlx::Connection;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

const SECRET_HEX: &str = "6d656574696e672d62656e63682d7365637265742d6f662d33322d6279746573";
/// People per room in the connections test (the parties, the mediator, eight guests).
const PER_ROOM: usize = 11;
const RELAY_ROOMS: usize = 40;
/// Signals each mediator sends (within the per-socket burst the server allows).
const SIGNALS_EACH: usize = 150;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start(database_url: &str, demo: bool, dir: &std::path::Path) -> Instance {
    let port = free_port();
    let child = Command::new("target/release/server")
        .env("DATABASE_URL", database_url)
        .env("PORTAL_SECRET", SECRET_HEX)
        .env("PORTAL_UPLOAD_DIR", dir.join(format!("uploads-{port}")))
        .env("PORTAL_DEMO_DATA", if demo { "1" } else { "0" })
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("target/release/server (build it first)");
    // Owned at once: dropping the instance (also on a panic) stops the process and waits for it.
    let instance = Instance {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    for _ in 0..200 {
        if let Ok(mut s) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let _ = s.write_all(b"GET /api/v1/health HTTP/1.0\r\n\r\n").await;
            let mut buf = [0u8; 12];
            if s.read_exact(&mut buf).await.is_ok() && buf.ends_with(b"200") {
                return instance;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("server did not start");
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

async fn connect(base: &str, mediation: &str, token: &str) -> Socket {
    let url = format!(
        "{}/mediations/{mediation}/meeting/ws?t={token}",
        base.replacen("http://", "ws://", 1)
    );
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert("origin", base.parse().unwrap());
    let (mut s, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    // The welcome: the server has taken the person's place.
    loop {
        if let Some(Ok(Message::Text(t))) = s.next().await {
            if t.as_str().contains("\"welcome\"") {
                return s;
            }
        }
    }
}

/// Rooms in the meeting window, each with its people's tokens (participant, token).
async fn rooms(
    db: &db::Db,
    keys: &db::crypto::Keys,
    n: usize,
    guests: usize,
) -> Vec<(String, Vec<(String, String)>)> {
    let requester = db::accounts::find_for_login(db, "13900000001")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mediators = store::mediators(db).await.unwrap();
    let now = now_ms();
    let mut out = Vec::new();
    for i in 0..n {
        let mediator = &mediators[i % mediators.len()];
        // A distinct start per booking (the one-per-slot index), all within the window now.
        let start = now - 5 * 60_000 + i as i64;
        let m = store::create(
            db,
            &NewMediation {
                cause: "private_loan",
                court_code: "吉0202",
                mediator_id: &mediator.id,
                start_ms: start,
                end_ms: start + 3_600_000,
                mode: MediationMode::Video,
                place: "",
                summary: "借款三万元未还",
                requester_id: &requester,
                filing_id: None,
                priority: false,
                invite_expires_at: start,
                period_from: domain::date::shanghai_date(start),
                status: MediationStatus::Scheduled,
                parties: vec![
                    NewParty {
                        role: MediationRole::Requester,
                        account_id: Some(&requester),
                        name: "张三",
                        mobile: Some("13900000001"),
                    },
                    NewParty {
                        role: MediationRole::Respondent,
                        account_id: None,
                        name: "李四",
                        mobile: Some("13700000051"),
                    },
                ],
            },
            now,
        )
        .await
        .unwrap();
        let mut people = vec![
            ("mediator".to_string(), MeetingRole::Mediator),
            ("requester".to_string(), MeetingRole::Requester),
            ("respondent".to_string(), MeetingRole::Respondent),
        ];
        for g in 0..guests {
            let guest = db::meeting::add_guest(
                db,
                &db::meeting::NewGuest {
                    mediation_id: &m.id,
                    role: MeetingRole::Agent,
                    name: &format!("代理人{g}"),
                    mobile: None,
                    account_id: None,
                    language: "zh",
                    added_by: &requester,
                },
                now,
            )
            .await
            .unwrap();
            people.push((guest.id, MeetingRole::Agent));
        }
        let (opens, closes) = join_window(m.start_ms, m.end_ms);
        let tokens = people
            .into_iter()
            .map(|(participant, role)| {
                let claim = JoinClaim {
                    participant: participant.clone(),
                    role,
                    seq: 0,
                    opens,
                    closes,
                };
                let token = sign_claim(keys, &m.id, &claim);
                (participant, token)
            })
            .collect();
        out.push((m.id, tokens));
    }
    out
}

#[tokio::main]
async fn main() {
    let admin = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());
    let connections: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let mut c = match sqlx::PgConnection::connect(&admin).await {
        Ok(c) => c,
        Err(e) => {
            println!("PostgreSQL not reachable at {admin}: {e}");
            return;
        }
    };
    let name = format!("portal_bench_{}", &db::new_id()[..12]);
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut c)
        .await
        .unwrap();
    let url = format!("{}/{name}", admin.rsplit_once('/').unwrap().0);
    let dir = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&dir).unwrap();
    {
        let a = start(&url, true, &dir).await;
        let b = start(&url, false, &dir).await;
        let keys = db::crypto::Keys::from_master(&hex::decode(SECRET_HEX).unwrap());
        let db = db::Db::connect(&url, keys.clone()).await.unwrap();

        // Connections held by one instance, and its memory per connection.
        let room_count = connections.div_ceil(PER_ROOM);
        let all = rooms(&db, &keys, room_count, PER_ROOM - 3).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let before = rss_kb(a.child.id());
        let t0 = Instant::now();
        let mut held = Vec::new();
        for (id, people) in &all {
            for (_, token) in people {
                if held.len() < connections {
                    held.push(connect(&a.base, id, token).await);
                }
            }
        }
        let opened = t0.elapsed();
        tokio::time::sleep(Duration::from_secs(1)).await;
        let after = rss_kb(a.child.id());
        println!(
            "WebSocket connections held by one instance: {} (opened in {:.1} s, {:.1} ms each, one at a time)",
            held.len(),
            opened.as_secs_f64(),
            opened.as_secs_f64() * 1000.0 / held.len() as f64
        );
        println!(
            "server memory: {} MB before, {} MB with them: {:.1} KB per connection",
            before / 1024,
            after / 1024,
            (after.saturating_sub(before)) as f64 / held.len() as f64
        );
        for mut s in held.drain(..) {
            let _ = s.close(None).await;
        }

        // Signalling relayed between the instances: the mediator on A, the party on B, in many rooms at once.
        let relay_rooms = rooms(&db, &keys, RELAY_ROOMS, 0).await;
        let mut pairs = Vec::new();
        for (id, people) in &relay_rooms {
            let mut med = connect(&a.base, id, &people[0].1).await;
            let mut party = connect(&b.base, id, &people[1].1).await;
            med.send(Message::Text(
                json!({"t": "admit", "who": "requester"}).to_string().into(),
            ))
            .await
            .unwrap();
            // Wait until the party is in (their roster says so).
            loop {
                if let Some(Ok(Message::Text(t))) = party.next().await {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap();
                    if v["t"] == "roster"
                        && v["people"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|p| p["id"] == "requester" && p["state"] == "admitted")
                    {
                        break;
                    }
                }
            }
            pairs.push((med, party));
        }
        let candidate = json!({"t": "signal", "to": "requester",
            "data": {"candidate": {"candidate": "candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host", "sdpMid": "0"}}})
        .to_string();
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for (mut med, mut party) in pairs {
            let candidate = candidate.clone();
            tasks.push(tokio::spawn(async move {
                let sender = async {
                    for _ in 0..SIGNALS_EACH {
                        med.send(Message::Text(candidate.clone().into()))
                            .await
                            .unwrap();
                    }
                };
                let receiver = async {
                    let mut got = 0;
                    while got < SIGNALS_EACH {
                        match tokio::time::timeout(Duration::from_secs(20), party.next()).await {
                            Ok(Some(Ok(Message::Text(t)))) if t.as_str().contains("\"signal\"") => {
                                got += 1
                            }
                            Ok(Some(Ok(_))) => {}
                            _ => break,
                        }
                    }
                    got
                };
                let ((), got) = tokio::join!(sender, receiver);
                got
            }));
        }
        let mut delivered = 0;
        for t in tasks {
            delivered += t.await.unwrap();
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "signalling relayed between two instances (PostgreSQL LISTEN/NOTIFY): {delivered} of {} messages in {secs:.2} s = {:.0} messages/s ({RELAY_ROOMS} rooms at once)",
            RELAY_ROOMS * SIGNALS_EACH,
            delivered as f64 / secs
        );
        db.close().await;
        drop(a);
        drop(b);
    }
    let _ = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut c)
        .await;
    let _ = std::fs::remove_dir_all(&dir);
}
