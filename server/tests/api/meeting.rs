//! The video mediation room through its doors: personal links (person, role, window, reschedule, cancel), the
//! calendar invitation, the lobby over real WebSockets, takeover, and two server instances on one PostgreSQL.

use super::*;
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// A video mediation of 张三 (13900000001) with 陈调解 (mediator.changyi), accepted by the respondent.
async fn video_mediation(app: &TestApp, respondent_mobile: &str) -> (Client, String) {
    let requester = logged_in(app, "13900000001").await;
    let mediator = demo_mediator("mediator.changyi");
    let start = first_slot(app, &mediator).await;
    let mut body = booking(&mediator, &start, respondent_mobile);
    body["mode"] = json!("video");
    let (status, booked) = app.post_json(&requester, "/api/v1/mediations", body).await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    let id = booked["id"].as_str().unwrap().to_string();
    let token = token_of(booked["invitation_link"].as_str().unwrap());
    let (status, b) = app
        .post_json(
            &client(Some(&app.base)),
            &format!("/api/v1/mediations/{id}/response"),
            json!({"accept": true, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{b}");
    (requester, id)
}

/// Moves the session so that it starts `from_now_ms` from now and lasts an hour (the test's clock).
async fn starts_in(app: &TestApp, id: &str, from_now_ms: i64) {
    let start = now_ms() + from_now_ms;
    sqlx::query("UPDATE mediations SET start_ms = $1, end_ms = $2 WHERE id = $3")
        .bind(start)
        .bind(start + 3_600_000)
        .bind(id)
        .execute(app.db.writer())
        .await
        .unwrap();
}

async fn meeting_of(app: &TestApp, c: &Client, id: &str) -> Value {
    let (status, m) = app
        .get_json(c, &format!("/api/v1/mediations/{id}/meeting"))
        .await;
    assert_eq!(status, StatusCode::OK, "{m}");
    m
}

/// The room page for a link: its status and the refusal code it shows (empty when it shows the room).
async fn room_page(app: &TestApp, c: &Client, link: &str) -> (StatusCode, String, String) {
    let res = c.get(app.url(link)).send().await.unwrap();
    let status = res.status();
    let html = res.text().await.unwrap();
    let code = html
        .split("data-refusal=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
        .to_string();
    (status, code, html)
}

struct Ws {
    s: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    /// The first message, read to see whether the room let the person in.
    first: Option<Value>,
}

/// Opens the room's socket like the page does (this site's Origin; the session cookie when given). Refused at the
/// handshake: the HTTP status and the problem's code; a link that stopped working is told over the socket:
/// status 0 and the reason it closed with.
async fn ws(
    base: &str,
    link: &str,
    session: Option<&str>,
    origin: Option<&str>,
) -> Result<Ws, (u16, String)> {
    let path = link.replacen("/meeting", "/meeting/ws", 1);
    let url = format!("{}{path}", base.replacen("http://", "ws://", 1));
    let mut req = url.into_client_request().unwrap();
    req.headers_mut()
        .insert("origin", origin.unwrap_or(base).parse().unwrap());
    if let Some(s) = session {
        req.headers_mut()
            .insert("cookie", format!("portal_session={s}").parse().unwrap());
    }
    match tokio_tungstenite::connect_async(req).await {
        Ok((s, _)) => {
            let mut w = Ws { s, first: None };
            let first = w.until("the first message", |_| true).await;
            if first["t"] == "closed" {
                return Err((0, first["reason"].as_str().unwrap_or("").to_string()));
            }
            w.first = Some(first);
            Ok(w)
        }
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => {
            let body: Value = res
                .body()
                .as_ref()
                .and_then(|b| serde_json::from_slice(b).ok())
                .unwrap_or(Value::Null);
            Err((
                res.status().as_u16(),
                body["code"].as_str().unwrap_or("").to_string(),
            ))
        }
        Err(e) => panic!("socket: {e}"),
    }
}

impl Ws {
    async fn send(&mut self, v: Value) {
        self.s
            .send(Message::Text(v.to_string().into()))
            .await
            .unwrap();
    }

    /// The next message that `pred` accepts (others are skipped); fails after ten seconds.
    async fn until(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(first) = self.first.take() {
            if pred(&first) {
                return first;
            }
        }
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let next = tokio::time::timeout_at(deadline, self.s.next())
                .await
                .unwrap_or_else(|_| panic!("no {what} within 10 s"));
            match next {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap();
                    if pred(&v) {
                        return v;
                    }
                }
                Some(Ok(_)) => {}
                other => panic!("socket ended waiting for {what}: {other:?}"),
            }
        }
    }

    async fn of_type(&mut self, t: &str) -> Value {
        self.until(t, |v| v["t"] == t).await
    }

    /// The next roster in which `who` is in `state`.
    async fn roster_with(&mut self, who: &str, state: &str) -> Value {
        self.until(&format!("roster with {who} {state}"), |v| {
            v["t"] == "roster"
                && v["people"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["id"] == who && p["state"] == state)
        })
        .await
    }

    async fn close(mut self) {
        let _ = self.s.close(None).await;
    }
}

async fn events(app: &TestApp, c: &Client, id: &str) -> Vec<String> {
    let (_, m) = app.get_json(c, &format!("/api/v1/mediations/{id}")).await;
    m["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

pub(super) async fn meeting_links_are_personal_timed_and_follow_the_session(app: TestApp) {
    let (requester, id) = video_mediation(&app, "13700000201").await;
    let mediator = logged_in(&app, "mediator.changyi").await;
    // Each person has their own link; the mediator sees everyone's (parties masked), a party only their own.
    let mine = meeting_of(&app, &requester, &id).await;
    assert_eq!(mine["role"], "requester");
    assert_eq!(mine["sequence"], 0);
    assert!(mine["participants"].as_array().unwrap().is_empty());
    let all = meeting_of(&app, &mediator, &id).await;
    let roles: Vec<&str> = all["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["requester", "respondent", "mediator"]);
    assert!(all["participants"].to_string().contains("张*"), "{all}");
    // The mediation page offers the room, the calendar file and the device check (plain links, no script needed).
    let page = page_html(&app, &requester, &format!("/mediations/{id}")).await;
    assert!(
        page.contains("id=\"meeting-enter\"")
            && page.contains("meeting.ics?t=")
            && page.contains("/meeting-check"),
        "{page}"
    );
    // An outsider: the meeting does not exist for them.
    let outsider = logged_in(&app, "mediator.sunguilan").await;
    let (status, _) = app
        .get_json(&outsider, &format!("/api/v1/mediations/{id}/meeting"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Too early: the room opens 30 minutes before the start, and the page says when.
    let link = mine["join_link"].as_str().unwrap().to_string();
    let anon = client(Some(&app.base));
    let (status, code, _) = room_page(&app, &anon, &link).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "not_yet"));
    assert_eq!(
        ws(&app.base, &link, None, None).await.err().unwrap(),
        (0, "not_yet".into())
    );
    // 31 minutes before: still closed; 29 minutes before: open.
    starts_in(&app, &id, 31 * 60_000).await;
    let link = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(room_page(&app, &anon, &link).await.1, "not_yet");
    starts_in(&app, &id, 29 * 60_000).await;
    let link = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, code, html) = room_page(&app, &anon, &link).await;
    assert_eq!((status, code.as_str()), (StatusCode::OK, ""), "{html}");
    assert!(html.contains("data-me=\"requester\"") && html.contains("/meeting.js"));
    // The page may use the camera and microphone; other pages may not.
    let res = anon.get(app.url(&link)).send().await.unwrap();
    assert!(res.headers()["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=(self)"));
    let res = anon.get(app.url("/")).send().await.unwrap();
    assert!(res.headers()["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=()"));
    // An altered link (another role, another person, cut short) is not a link.
    for bad in [
        link.replacen(".requester.", ".mediator.", 1),
        link.replacen("t=requester.", "t=respondent.", 1),
        link[..link.len() - 3].to_string(),
    ] {
        let (status, code, _) = room_page(&app, &anon, &bad).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::NOT_FOUND, "invalid"),
            "{bad}"
        );
    }
    // Someone else signed in with the requester's link: refused, saying whose it is not.
    let (status, code, _) = room_page(&app, &mediator, &link).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::FORBIDDEN, "other_person")
    );
    // Over: two hours after the planned end.
    starts_in(&app, &id, -(3 * 3_600_000 + 60_000)).await;
    let late = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(room_page(&app, &anon, &late).await.1, "over");
    // The mediator moves the session: old links say where it went, new ones have the next sequence.
    starts_in(&app, &id, 29 * 60_000).await;
    let before = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, slots) = app
        .get_json(
            &app.client,
            &format!(
                "/api/v1/mediators/{}/slots?days=21",
                demo_mediator("mediator.changyi")
            ),
        )
        .await;
    let later = slots["slots"][2]["start"].as_str().unwrap().to_string();
    let (status, moved) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id}/reschedule"),
            json!({"start": later}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let (status, code, html) = room_page(&app, &anon, &before).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "moved"));
    let shown = &later[..16].replace('T', " ");
    assert!(
        html.contains(shown.as_str()),
        "the new time {shown} is not on the page"
    );
    let after = meeting_of(&app, &requester, &id).await;
    assert_eq!(after["sequence"], 1);
    // The calendar invitation: the same UID, the next SEQUENCE, the new time in Asia/Shanghai.
    let ics_res = anon
        .get(app.url(after["ics"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(ics_res.status(), StatusCode::OK);
    assert!(ics_res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let ics = ics_res.text().await.unwrap();
    let local = later[..19].replace(['-', ':'], "");
    for line in [
        "METHOD:REQUEST".to_string(),
        format!("UID:{id}-requester@mediation.court-portal"),
        "SEQUENCE:1".into(),
        format!("DTSTART;TZID=Asia/Shanghai:{local}"),
        "BEGIN:VTIMEZONE".into(),
    ] {
        assert!(ics.contains(&line), "{line} not in\n{ics}");
    }
    assert!(
        ics.contains("/mediations/") && ics.contains("meeting?t="),
        "{ics}"
    );
    // Signed in, without a link: the same invitation.
    let res = requester
        .get(app.url(&format!("/mediations/{id}/meeting.ics")))
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains("SEQUENCE:1"));
    // Cancelled: links say so, and the invitation becomes a cancellation.
    let new_link = after["join_link"].as_str().unwrap().to_string();
    let (status, _) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id}/cancel"),
            json!({"reason": "双方已自行和解"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, code, _) = room_page(&app, &anon, &new_link).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "cancelled"));
    let ics = anon
        .get(app.url(after["ics"].as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"),
        "{ics}"
    );
    // The respondent was sent their personal link when they accepted (by text message, through the outbox).
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE purpose = 'mediation_notice' AND recipient_masked LIKE '137****0201'",
    )
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert!(
        sent >= 2,
        "the respondent got {sent} messages (accepted, moved)"
    );
}

pub(super) async fn the_lobby_admits_only_through_the_present_mediator(app: TestApp) {
    let (requester, id) = video_mediation(&app, "13700000202").await;
    starts_in(&app, &id, 10 * 60_000).await;
    let party_link = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    // Another site's page cannot open the socket (cross-site WebSocket hijacking).
    assert_eq!(
        ws(&app.base, &party_link, None, Some("http://evil.example"))
            .await
            .err()
            .unwrap()
            .0,
        403
    );
    // The party arrives first: they wait in the lobby and can reach nobody.
    let mut party = ws(&app.base, &party_link, None, None).await.ok().unwrap();
    let welcome = party.of_type("welcome").await;
    assert_eq!(welcome["me"], "requester");
    assert_eq!(welcome["ice"]["iceTransportPolicy"], "all");
    let r = party.roster_with("requester", "lobby").await;
    assert_eq!(r["host_present"], false);
    party
        .send(json!({"t": "signal", "to": "mediator", "data": {"sdp": "x"}}))
        .await;
    assert_eq!(party.of_type("error").await["code"], "not_waiting");
    party.send(json!({"t": "admit", "who": "requester"})).await;
    assert_eq!(party.of_type("error").await["code"], "not_host");
    party.send(json!({"t": "chat", "text": "有人吗"})).await;
    assert_eq!(party.of_type("error").await["code"], "not_waiting");
    party.send(json!({"t": "nonsense"})).await;
    assert_eq!(party.of_type("error").await["code"], "malformed");
    // The mediator arrives (signed in, no link needed) and leads; the party sees them.
    let session = session_token(&app, "mediator.changyi").await;
    let mut med = ws(
        &app.base,
        &format!("/mediations/{id}/meeting"),
        Some(&session),
        None,
    )
    .await
    .ok()
    .unwrap();
    assert_eq!(med.of_type("welcome").await["me"], "mediator");
    let r = party
        .until("mediator present", |v| {
            v["t"] == "roster" && v["host_present"] == true
        })
        .await;
    assert_eq!(r["host"], "mediator");
    med.send(json!({"t": "admit", "who": "requester"})).await;
    party.roster_with("requester", "admitted").await;
    med.roster_with("requester", "admitted").await;
    // Now they reach each other: signalling and chat are relayed.
    party.send(json!({"t": "signal", "to": "mediator", "data": {"sdp": {"type": "offer", "sdp": "v=0"}}})).await;
    let s = med.of_type("signal").await;
    assert_eq!(
        (s["from"].as_str(), s["data"]["sdp"]["type"].as_str()),
        (Some("requester"), Some("offer"))
    );
    party
        .send(json!({"t": "chat", "text": "您好，调解员"}))
        .await;
    let c = med.of_type("chat").await;
    assert_eq!(
        (c["from"].as_str(), c["text"].as_str()),
        (Some("requester"), Some("您好，调解员"))
    );
    // The network drops: the party comes back in without a new admission, and the chat is replayed.
    party.close().await;
    med.roster_with("requester", "left").await;
    let mut party = ws(&app.base, &party_link, None, None).await.ok().unwrap();
    party.of_type("welcome").await;
    let replay = party.of_type("chat").await;
    assert_eq!(replay["text"], "您好，调解员");
    party.roster_with("requester", "admitted").await;
    // The mediator mutes, then removes the party; they cannot come back.
    med.send(json!({"t": "mute", "who": "requester"})).await;
    party.of_type("muted").await;
    med.until("muted in the roster", |v| {
        v["t"] == "roster"
            && v["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == "requester" && p["muted"] == true)
    })
    .await;
    // They turn their microphone back on themselves: the room sees it.
    party.send(json!({"t": "unmuted"})).await;
    med.until("unmuted in the roster", |v| {
        v["t"] == "roster"
            && v["people"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == "requester" && p["muted"] == false)
    })
    .await;
    med.send(json!({"t": "remove", "who": "mediator"})).await;
    assert_eq!(med.of_type("error").await["code"], "not_removable");
    med.send(json!({"t": "remove", "who": "requester"})).await;
    assert_eq!(party.of_type("closed").await["reason"], "removed");
    assert_eq!(
        ws(&app.base, &party_link, None, None).await.err().unwrap(),
        (0, "removed".into())
    );
    let (_, code, _) = room_page(&app, &client(Some(&app.base)), &party_link).await;
    assert_eq!(code, "removed");
    // Ending closes the room for everyone.
    med.send(json!({"t": "end"})).await;
    assert_eq!(med.of_type("closed").await["reason"], "ended");
    let ev = events(&app, &requester, &id).await;
    for action in [
        "meeting_join",
        "meeting_admit",
        "meeting_leave",
        "meeting_rejoin",
        "meeting_remove",
        "meeting_end",
    ] {
        assert!(ev.iter().any(|e| e == action), "{action} not in {ev:?}");
    }
    assert_eq!(
        ws(
            &app.base,
            &format!("/mediations/{id}/meeting"),
            Some(&session),
            None
        )
        .await
        .err()
        .unwrap(),
        (0, "ended".into())
    );
}

pub(super) async fn a_colleague_takes_over_when_the_mediator_drops_out(app: TestApp) {
    let (requester, id) = video_mediation(&app, "13700000203").await;
    starts_in(&app, &id, 10 * 60_000).await;
    let path = format!("/mediations/{id}/meeting");
    // A mediator of another organisation: the meeting does not exist for them.
    let other = logged_in(&app, "mediator.sunguilan").await;
    let (status, _, _) = room_page(&app, &other, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut med = ws(
        &app.base,
        &path,
        Some(&session_token(&app, "mediator.changyi").await),
        None,
    )
    .await
    .ok()
    .unwrap();
    med.of_type("welcome").await;
    let party_link = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    let mut party = ws(&app.base, &party_link, None, None).await.ok().unwrap();
    party.of_type("welcome").await;
    // A colleague of the same organisation finds the meeting on their workspace (another organisation's does not).
    let colleague_web = logged_in(&app, "mediator.liguohua").await;
    let html = page_html(&app, &colleague_web, "/mediator").await;
    assert!(html.contains(&path), "the workspace does not offer {path}");
    assert!(!page_html(&app, &other, "/mediator").await.contains(&path));
    // They come in; while the mediator is there they cannot take over.
    let mut colleague = ws(
        &app.base,
        &path,
        Some(&session_token(&app, "mediator.liguohua").await),
        None,
    )
    .await
    .ok()
    .unwrap();
    let me = colleague.of_type("welcome").await["me"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(me, "mediator");
    colleague.send(json!({"t": "takeover"})).await;
    assert_eq!(colleague.of_type("error").await["code"], "host_present");
    colleague
        .send(json!({"t": "admit", "who": "requester"}))
        .await;
    assert_eq!(colleague.of_type("error").await["code"], "not_host");
    // The mediator drops out: the colleague takes over and admits the waiting party.
    med.close().await;
    colleague
        .until("mediator gone", |v| {
            v["t"] == "roster" && v["host_present"] == false
        })
        .await;
    colleague.send(json!({"t": "takeover"})).await;
    let r = colleague
        .until("new host", |v| {
            v["t"] == "roster" && v["host"] == me.as_str()
        })
        .await;
    assert_eq!(r["host_present"], true);
    colleague
        .send(json!({"t": "admit", "who": "requester"}))
        .await;
    party.roster_with("requester", "admitted").await;
    assert!(events(&app, &requester, &id)
        .await
        .iter()
        .any(|e| e == "meeting_takeover"));
}

/// With PostgreSQL, people on different server instances meet: the lobby, admission and signalling cross
/// instances through LISTEN/NOTIFY, and a message larger than a notification goes through the relay table.
#[tokio::test(flavor = "multi_thread")]
async fn people_on_different_instances_meet_through_postgres() {
    let app = spawn_app(Backend::Postgres).await;
    let other = second_instance(&app).await;
    let (requester, id) = video_mediation(&app, "13700000204").await;
    starts_in(&app, &id, 5 * 60_000).await;
    let party_link = meeting_of(&app, &requester, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    let mut party = ws(&other, &party_link, None, None).await.ok().unwrap();
    party.of_type("welcome").await;
    let session = session_token(&app, "mediator.changyi").await;
    let mut med = ws(
        &app.base,
        &format!("/mediations/{id}/meeting"),
        Some(&session),
        None,
    )
    .await
    .ok()
    .unwrap();
    med.of_type("welcome").await;
    med.roster_with("requester", "lobby").await;
    med.send(json!({"t": "admit", "who": "requester"})).await;
    party.roster_with("requester", "admitted").await;
    // An SDP offer is a few kilobytes; this one is larger than a PostgreSQL notification may be.
    let big = "a=candidate:x\r\n".repeat(800);
    party
        .send(json!({"t": "signal", "to": "mediator", "data": {"sdp": {"type": "offer", "sdp": big}}}))
        .await;
    let s = med.of_type("signal").await;
    assert_eq!(
        s["data"]["sdp"]["sdp"].as_str().map(str::len),
        Some(big.len())
    );
    med.send(json!({"t": "signal", "to": "requester", "data": {"candidate": {"candidate": "c"}}}))
        .await;
    assert_eq!(party.of_type("signal").await["from"], "mediator");
}

pub(super) async fn the_mediator_shows_a_document_from_the_matters_file(app: TestApp) {
    // A filing with a scanned IOU, diverted to pre-litigation mediation and booked by video.
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101041")),
        )
        .await;
    let filing_id = created["id"].as_str().unwrap().to_string();
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".to_vec();
    upload(
        &app,
        &filer,
        &filing_id,
        "借条扫描件",
        "jietiao.pdf",
        pdf.clone(),
    )
    .await;
    let (status, receipt) = app
        .post_json(
            &filer,
            &format!("/api/v1/filings/{filing_id}/submit"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{filing_id}/review"),
            json!({"action": "divert"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mediator_id = demo_mediator("mediator.changyi");
    let start = first_slot(&app, &mediator_id).await;
    let (status, m) = app
        .post_json(
            &filer,
            "/api/v1/mediations",
            json!({"filing_id": filing_id, "mediator_id": mediator_id, "start": start, "mode": "video",
                   "respondent": {"name": "王借款", "mobile": "13700000205"}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    let id = m["id"].as_str().unwrap().to_string();
    let token = token_of(m["invitation_link"].as_str().unwrap());
    let (status, b) = app
        .post_json(
            &client(Some(&app.base)),
            &format!("/api/v1/mediations/{id}/response"),
            json!({"accept": true, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{b}");
    starts_in(&app, &id, 5 * 60_000).await;
    let evidence: String = sqlx::query_scalar("SELECT id FROM evidence_files WHERE filing_id = $1")
        .bind(&filing_id)
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    // The room page lists the file for the mediator to show.
    let med_web = logged_in(&app, "mediator.changyi").await;
    let html = page_html(&app, &med_web, &format!("/mediations/{id}/meeting")).await;
    assert!(
        html.contains(&format!("data-share=\"{evidence}\"")),
        "{html}"
    );
    let mut med = ws(
        &app.base,
        &format!("/mediations/{id}/meeting"),
        Some(&session_token(&app, "mediator.changyi").await),
        None,
    )
    .await
    .ok()
    .unwrap();
    med.of_type("welcome").await;
    let party_link = meeting_of(&app, &filer, &id).await["join_link"]
        .as_str()
        .unwrap()
        .to_string();
    let mut party = ws(&app.base, &party_link, None, None).await.ok().unwrap();
    party.of_type("welcome").await;
    // Shown while the party waits: it is not sent to the lobby.
    med.send(json!({"t": "share", "doc": evidence})).await;
    med.send(json!({"t": "admit", "who": "requester"})).await;
    let seen = party
        .until("a share or admission", |v| {
            v["t"] == "share"
                || (v["t"] == "roster"
                    && v["people"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|p| p["id"] == "requester" && p["state"] == "admitted"))
        })
        .await;
    assert_eq!(seen["t"], "roster", "a document reached the lobby: {seen}");
    med.send(json!({"t": "share", "doc": evidence})).await;
    let shared = party.of_type("share").await;
    assert_eq!(shared["doc"]["name"], "借条扫描件");
    assert_eq!(shared["doc"]["type"], "application/pdf");
    let url = shared["doc"]["url"].as_str().unwrap().to_string();
    // Every participant's page shows it from the link (framed by the room page only); an altered link is nothing.
    let res = client(Some(&app.base))
        .get(app.url(&url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-frame-options"], "SAMEORIGIN");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let altered = url.replacen("k=", "k=1", 1);
    assert_eq!(
        client(None)
            .get(app.url(&altered))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // Only the leading mediator shows documents, and only the matter's own.
    party.send(json!({"t": "share", "doc": evidence})).await;
    assert_eq!(party.of_type("error").await["code"], "not_host");
    med.send(json!({"t": "share", "doc": "not-a-file"})).await;
    assert_eq!(med.of_type("error").await["code"], "not_found");
}
