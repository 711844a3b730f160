//! Legal questions and service requests through their doors: the knowledge base's search and entries (JSON and
//! pages), a guided pathway walked as plain GET pages, and service requests through their whole life, with the
//! wrong court's staff and other people told they do not exist.

use super::*;

fn q(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub async fn the_knowledge_base_answers_with_its_law_quoted(app: TestApp) {
    let c = client(Some(&app.base));
    let (status, found) = app
        .get_json(
            &c,
            &format!("/api/v1/kb/search?q={}", q("老板拖欠工资三个月怎么办")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let first = &found["hits"][0];
    assert_eq!(first["id"], "labour-unpaid-wages", "{found}");
    assert!(
        first["snippet"].as_str().unwrap().contains("<mark>"),
        "{first}"
    );
    assert!(first["category"].is_string());
    let cites = first["citations"].as_array().unwrap();
    assert!(
        cites
            .iter()
            .any(|c| c["law"] == "劳动争议调解仲裁法" && c["article"] == "第二十七条"),
        "{first}"
    );
    assert!(found["took_ms"].as_f64().is_some());

    // English asked: the translated title comes back.
    let (_, en) = app
        .get_json(
            &c,
            &format!(
                "/api/v1/kb/search?lang=en&q={}",
                q("boss has not paid my wages")
            ),
        )
        .await;
    assert!(
        en["hits"]
            .as_array()
            .unwrap()
            .iter()
            .take(3)
            .any(|h| h["id"] == "labour-unpaid-wages" && h["chinese_only"] == false),
        "{en}"
    );
    // Bounds: empty finds nothing, 500 characters are refused with the field named, the limit is capped.
    let (status, empty) = app.get_json(&c, "/api/v1/kb/search?q=").await;
    assert_eq!(
        (status, empty["hits"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(0))
    );
    let long = "欠".repeat(500);
    let (status, problem) = app
        .get_json(&c, &format!("/api/v1/kb/search?q={}", q(&long)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem.to_string().contains("\"q\""), "{problem}");
    let (status, many) = app
        .get_json(
            &c,
            &format!("/api/v1/kb/search?limit=100000&q={}", q("合同")),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(many["hits"].as_array().unwrap().len() <= 20);

    // One entry: the articles' text quoted in full.
    let (status, entry) = app
        .get_json(&c, "/api/v1/kb/entries/labour-unpaid-wages")
        .await;
    assert_eq!(status, StatusCode::OK, "{entry}");
    let article = entry["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["law"] == "劳动争议调解仲裁法" && a["number"] == 27)
        .expect("article 27 is quoted");
    assert!(
        article["text"].as_str().unwrap().contains("一年"),
        "{article}"
    );
    assert_eq!(article["full_name"], "中华人民共和国劳动争议调解仲裁法");
    let (status, problem) = app.get_json(&c, "/api/v1/kb/entries/no-such-entry").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{problem}");

    // The pages, without scripts: results with the matches marked, the entry with its law, the pathway.
    let page = c
        .get(app.url(&format!("/questions?q={}", q("拖欠工资"))))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("/questions/labour-unpaid-wages") && html.contains("<mark>"),
        "results page"
    );
    let html = c
        .get(app.url("/questions/labour-unpaid-wages"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("中华人民共和国劳动争议调解仲裁法") && html.contains("第二十七条"));
    assert!(html.contains("/pathways/labour"));
    let missing = c
        .get(app.url("/questions/nothing-here"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

/// Walks the labour pathway as a person without scripts does: one GET form per question.
pub async fn a_pathway_is_walked_one_plain_page_at_a_time(app: TestApp) {
    let c = client(Some(&app.base));
    let get = |path: String| {
        let c = c.clone();
        let url = app.url(&path);
        async move {
            let res = c.get(url).send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };
    let (status, first) = get("/pathways/labour".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        first.contains("拖欠工资"),
        "the first question offers unpaid wages"
    );
    assert!(first.contains("name=\"a\""));
    // Unpaid wages (the first choice), left the job (the second), on a date, for an amount.
    let (_, asked) = get("/pathways/labour?a=0".into()).await;
    assert!(
        asked.contains("type=\"hidden\" name=\"a\" value=\"0\""),
        "the answer so far is carried"
    );
    let (_, date_page) = get("/pathways/labour?a=0&a=1".into()).await;
    assert!(date_page.contains("type=\"date\""), "a date is asked");
    // A date in the future is refused next to the field, and the question is asked again.
    let (_, refused) = get("/pathways/labour?a=0&a=1&a=2999-01-01".into()).await;
    assert!(refused.contains("role=\"alert\""), "the refusal is shown");
    assert!(refused.contains("type=\"date\""));
    let (status, outcome) = get("/pathways/labour?a=0&a=1&a=2026-09-30&a=15000".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        outcome.contains("/mediation?cause=labour_pay"),
        "the mediation booking is prefilled"
    );
    // A year from 30 September 2026 (劳动争议调解仲裁法第二十七条), computed from the date given.
    assert!(
        outcome.contains("2027-09-30"),
        "the arbitration limit is computed"
    );
    assert!(outcome.contains("第二十七条"));
    // The costs side by side: mediation and arbitration free, the court's fee for a labour case.
    assert!(outcome.contains("data-channel=\"labourarbitration\""));
    assert!(
        outcome.contains("10.00"),
        "the labour case fee (诉讼费用交纳办法第十三条)"
    );
    let (status, _) = get("/pathways/nowhere".into()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn send(app: &TestApp, c: &Client, body: Value) -> (StatusCode, Value) {
    app.post_json(c, "/api/v1/service-requests", body).await
}

pub async fn service_requests_live_their_whole_life(app: TestApp) {
    let person = logged_in(&app, "13900000001").await;
    let other = logged_in(&app, "13900000003").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let far_clerk = logged_in(&app, "clerk.dunhua").await;

    // Bad input: every problem named by its field; staff do not send requests; strangers must log in.
    let (status, p) = send(
        &app,
        &person,
        json!({"kind": "gossip", "court_code": "吉0202", "subject": "", "body": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let text = p.to_string();
    assert!(
        text.contains("\"kind\"") && text.contains("\"subject\""),
        "{p}"
    );
    let (status, p) = send(&app, &person, json!({"kind": "enquiry", "court_code": "吉0202", "subject": "进度", "body": "案件到哪一步了"})).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an enquiry names its case: {p}"
    );
    assert!(p.to_string().contains("case_ref"));
    let (status, _) = send(
        &app,
        &clerk,
        json!({"kind": "consultation", "court_code": "吉0202", "subject": "a", "body": "b"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = send(
        &app,
        &client(Some(&app.base)),
        json!({"kind": "consultation", "court_code": "吉0202", "subject": "a", "body": "b"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, r) = send(
        &app,
        &person,
        json!({"kind": "consultation", "court_code": "吉0202", "subject": "工资被拖欠怎么起诉",
               "body": "老板拖欠我三个月工资，能直接去法院起诉吗？", "case_ref": ""}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    assert_eq!(r["status"], "open");
    assert_eq!(r["promised_hours"], 72);
    assert_eq!(
        r["due_at"].as_i64().unwrap() - r["created_at"].as_i64().unwrap(),
        72 * 3_600_000
    );
    let path = format!("/api/v1/service-requests/{id}");

    // Another person and another court's staff: it does not exist for them, whatever they try.
    for c in [&other, &far_clerk] {
        assert_eq!(app.get_json(c, &path).await.0, StatusCode::NOT_FOUND);
        let (status, _) = app
            .post_json(c, &format!("{path}/answer"), json!({"body": "x"}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // The court's staff see it in their queue, the sender masked.
    let (_, queue) = app.get_json(&clerk, "/api/v1/service-requests").await;
    assert_eq!(queue["queue"], true);
    let item = queue["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id.as_str())
        .expect("queued");
    assert_eq!(item["requester"], "张*");
    // The sender cannot answer their own request, nor rate it before an answer.
    let (status, _) = app
        .post_json(&person, &format!("{path}/answer"), json!({"body": "x"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .post_json(&person, &format!("{path}/rating"), json!({"score": 5}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (status, answered) = app
        .post_json(
            &clerk,
            &format!("{path}/answer"),
            json!({"body": "拖欠工资属于劳动争议，须先申请劳动仲裁。"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answered}");
    assert_eq!(answered["status"], "answered");
    let (status, _) = app
        .post_json(&clerk, &format!("{path}/answer"), json!({"body": "again"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "answered once");
    // The person is told in the portal: an unread answer in their list, read once opened.
    let (_, mine) = app.get_json(&person, "/api/v1/service-requests").await;
    assert_eq!(mine["requests"][0]["unread"], true, "{mine}");
    let (_, seen) = app.get_json(&person, &path).await;
    assert_eq!(seen["may_reply"], true);
    assert_eq!(seen["messages"].as_array().unwrap().len(), 2);
    let (_, mine) = app.get_json(&person, "/api/v1/service-requests").await;
    assert_eq!(mine["requests"][0]["unread"], false);

    // One reply: open again with a fresh promised time; a second is refused.
    let (status, replied) = app
        .post_json(
            &person,
            &format!("{path}/reply"),
            json!({"body": "仲裁要钱吗？"}),
        )
        .await;
    assert_eq!(
        (status, replied["status"].as_str()),
        (StatusCode::OK, Some("open")),
        "{replied}"
    );
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("{path}/answer"),
            json!({"body": "劳动仲裁不收费。"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, p) = app
        .post_json(&person, &format!("{path}/reply"), json!({"body": "还有"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "already_replied", "{p}");

    // Rating: 1–5, a reason below 3, once.
    let (status, p) = app
        .post_json(&person, &format!("{path}/rating"), json!({"score": 2}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert!(p.to_string().contains("reason"));
    let (status, _) = app
        .post_json(
            &person,
            &format!("{path}/rating"),
            json!({"score": 9, "reason": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, rated) = app
        .post_json(
            &person,
            &format!("{path}/rating"),
            json!({"score": 2, "reason": "答复太慢"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{rated}");
    assert_eq!(rated["rating"], 2);
    let (status, _) = app
        .post_json(&person, &format!("{path}/rating"), json!({"score": 5}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The texts are encrypted at rest.
    let row: String = sqlx::query_scalar(
        "SELECT body_enc FROM service_request_messages WHERE request_id = $1 AND seq = 1",
    )
    .bind(&id)
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert!(!row.contains("老板"), "stored encrypted");
}

pub async fn service_requests_move_between_courts_and_overdue_ones_come_first(app: TestApp) {
    let person = logged_in(&app, "13900000001").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let far_clerk = logged_in(&app, "clerk.dunhua").await;
    let mut ids = Vec::new();
    for subject in ["第一件", "第二件"] {
        let (status, r) = send(
            &app,
            &person,
            json!({"kind": "complaint", "court_code": "吉0202", "subject": subject, "body": "窗口让我跑了三次也没办成",
                   "cannot_get_done": true}),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!(r["cannot_get_done"], true);
        ids.push(r["id"].as_str().unwrap().to_string());
    }
    // The second is made overdue: it comes first in the court's queue, marked so.
    sqlx::query("UPDATE service_requests SET due_at = $1 WHERE id = $2")
        .bind(1_000_i64)
        .bind(&ids[1])
        .execute(app.db.writer())
        .await
        .unwrap();
    let (_, queue) = app.get_json(&clerk, "/api/v1/service-requests").await;
    let first = &queue["requests"][0];
    assert_eq!(
        (first["id"].as_str(), first["overdue"].as_bool()),
        (Some(ids[1].as_str()), Some(true)),
        "{queue}"
    );

    // Transferred to another court: now theirs to answer, and no longer this court's to see.
    let path = format!("/api/v1/service-requests/{}", ids[0]);
    let (status, p) = app
        .post_json(
            &clerk,
            &format!("{path}/transfer"),
            json!({"court_code": "吉0202"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "to itself without a department: {p}"
    );
    let (status, moved) = app
        .post_json(
            &clerk,
            &format!("{path}/transfer"),
            json!({"court_code": "吉7601", "note": "属敦化法院管辖"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["court_code"], "吉7601");
    assert_eq!(app.get_json(&clerk, &path).await.0, StatusCode::NOT_FOUND);
    let (status, there) = app.get_json(&far_clerk, &path).await;
    assert_eq!(status, StatusCode::OK, "{there}");
    assert_eq!(there["messages"][1]["action"], "transfer");
    let (status, p) = app
        .post_json(&far_clerk, &format!("{path}/close"), json!({"note": ""}))
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a closing says why: {p}"
    );
    let (status, closed) = app
        .post_json(
            &far_clerk,
            &format!("{path}/close"),
            json!({"note": "已电话联系并办结"}),
        )
        .await;
    assert_eq!(
        (status, closed["status"].as_str()),
        (StatusCode::OK, Some("closed"))
    );
    // The person follows it to the new court and rates the closing.
    let (_, seen) = app.get_json(&person, &path).await;
    assert_eq!(seen["court_code"], "吉7601");
    assert_eq!(seen["may_rate"], true);
    assert_eq!(seen["may_reply"], false);

    // The plain forms: a refused field comes back next to its field, the answers kept.
    let res = person
        .post(app.url("/service-requests"))
        .form(&[
            ("kind", "consultation"),
            ("court_code", "吉0202"),
            ("subject", ""),
            ("body", "保留这段文字"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("保留这段文字") && html.contains("field-error"),
        "kept with the error"
    );
    let res = person
        .post(app.url("/service-requests"))
        .form(&[
            ("kind", "consultation"),
            ("court_code", "吉0202"),
            ("subject", "表单提交"),
            ("body", "不用脚本"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = res.headers()["location"].to_str().unwrap().to_string();
    assert!(page.starts_with("/service-requests/sr"), "{page}");
    let html = person
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("表单提交") && html.contains("class=\"countdown\""));
}
