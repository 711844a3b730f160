//! Integration tests: the real server on a random port, against a fresh SQLite file and a fresh PostgreSQL
//! database. Every case runs on both; PostgreSQL that cannot be reached fails the run loudly (never a skip).

use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use reqwest::{redirect::Policy, Client, StatusCode};
use serde_json::{json, Value};
use server::settings::Settings;
use server::Application;
use sqlx::Connection;

struct TestApp {
    base: String,
    db: db::Db,
    /// The services' context (file store, keys), for tests that look under the doors.
    ctx: app::ssr::ServerCtx,
    pages: server::http::page_cache::PageCache,
    /// The settings it runs with, to start a second instance on the same database.
    settings: Settings,
    /// Sends this site's Origin, as the portal's own pages do.
    client: Client,
    _cleanup: Option<PgCleanup>,
}

struct PgCleanup {
    admin_url: String,
    name: String,
}

impl Drop for PgCleanup {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Best effort, on a thread of its own: Drop cannot await.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut c) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut c)
                        .await;
                }
            });
        })
        .join();
    }
}

#[derive(Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

fn client(origin: Option<&str>) -> Client {
    let mut headers = HeaderMap::new();
    if let Some(o) = origin {
        headers.insert(ORIGIN, HeaderValue::from_str(o).unwrap());
    }
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .default_headers(headers)
        // A request that never answers fails its test (and names it) instead of stalling the whole run.
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .unwrap()
}

async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, domain::fees::FeeTable::JILIN).await
}

async fn spawn_app_with(backend: Backend, fee_table: domain::fees::FeeTable) -> TestApp {
    spawn_app_configured(backend, fee_table, domain::calendar::shipped()).await
}

async fn spawn_app_configured(
    backend: Backend,
    fee_table: domain::fees::FeeTable,
    calendar: domain::calendar::HolidayCalendar,
) -> TestApp {
    let suffix = db::new_id();
    let (database_url, cleanup) = match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("portal-test-{suffix}"));
            std::fs::create_dir_all(&dir).unwrap();
            (
                format!("sqlite://{}/portal.db?mode=rwc", dir.display()),
                None,
            )
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = sqlx::PgConnection::connect(&admin_url)
                .await
                .unwrap_or_else(|e| {
                    panic!(
                        "\n\nPostgreSQL is not reachable at {admin_url}: {e}\n\
                     The integration tests run on SQLite AND PostgreSQL. Start PostgreSQL or point \
                     TEST_POSTGRES_URL at one (a user that may CREATE DATABASE), e.g.\n  \
                     TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres\n\n"
                    )
                });
            let name = format!("portal_test_{}", &suffix[..16]);
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .unwrap();
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .unwrap();
            (
                format!("{base}/{name}"),
                Some(PgCleanup { admin_url, name }),
            )
        }
    };
    let settings = Settings {
        database_url,
        secret: b"integration-test-secret-of-32-bytes!".to_vec(),
        secure_cookies: false,
        allowed_origins: vec![],
        trust_forwarded_for: false,
        trusted_proxies: vec![],
        durability: db::Durability::Full,
        load_demo_data: true,
        upload_dir: std::env::temp_dir().join(format!("portal-test-uploads-{suffix}")),
        fee_table,
        calendar,
        court_accounts: server::settings::shipped_court_accounts(),
        smtp: None,
        meeting: Default::default(),
        kb_dir: server::settings::shipped_dir("PORTAL_KB_DIR", "kb"),
        pathways_dir: server::settings::shipped_dir("PORTAL_PATHWAYS_DIR", "pathways"),
        service_hours: Default::default(),
    };
    let options = leptos::config::LeptosOptions::builder()
        .output_name("portal")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .site_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
        .build();
    let app = Application::build(settings.clone(), options)
        .await
        .expect("application starts");
    let base = format!("http://{}", app.local_addr());
    let db = app.state().ctx.db.clone();
    let ctx = app.state().ctx.clone();
    let pages = app.state().pages.clone();
    tokio::spawn(app.serve());
    TestApp {
        client: client(Some(&base)),
        base,
        db,
        ctx,
        pages,
        settings,
        _cleanup: cleanup,
    }
}

/// Another server instance on the same database (its own memory, port and caches), as a cluster runs them.
async fn second_instance(app: &TestApp) -> String {
    let options = leptos::config::LeptosOptions::builder()
        .output_name("portal")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .site_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
        .build();
    let settings = Settings {
        load_demo_data: false,
        ..app.settings.clone()
    };
    let other = Application::build(settings, options)
        .await
        .expect("second instance starts");
    let base = format!("http://{}", other.local_addr());
    tokio::spawn(other.serve());
    base
}

impl TestApp {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn post_json(&self, c: &Client, path: &str, body: Value) -> (StatusCode, Value) {
        let res = c.post(self.url(path)).json(&body).send().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn get_json(&self, c: &Client, path: &str) -> (StatusCode, Value) {
        let res = c.get(self.url(path)).send().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

/// A valid resident ID with the given 17 first digits.
fn resident_id(first17: &str) -> String {
    format!(
        "{first17}{}",
        domain::ResidentId::check_char(first17).unwrap()
    )
}

fn citizen(mobile: &str, id17: &str) -> Value {
    json!({"kind": "citizen", "name": "赵六", "id_number": resident_id(id17), "mobile": mobile,
           "password": "secret-pass-1", "password_confirm": "secret-pass-1"})
}

#[path = "api/meeting.rs"]
mod meeting;
use meeting::{
    a_colleague_takes_over_when_the_mediator_drops_out,
    meeting_links_are_personal_timed_and_follow_the_session,
    the_lobby_admits_only_through_the_present_mediator,
    the_mediator_shows_a_document_from_the_matters_file,
};

#[path = "api/knowledge.rs"]
mod knowledge;
use knowledge::{
    a_pathway_is_walked_one_plain_page_at_a_time, service_requests_live_their_whole_life,
    service_requests_move_between_courts_and_overdue_ones_come_first,
    the_knowledge_base_answers_with_its_law_quoted,
};

macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name(super::spawn_app(super::Backend::Sqlite).await).await } )* }
        mod postgres { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name(super::spawn_app(super::Backend::Postgres).await).await } )* }
    };
}

on_both_databases!(
    health_reports_the_database,
    courts_of_the_seed_documents_are_served,
    each_account_kind_registers_and_sees_its_own_data,
    bad_input_gets_field_errors_in_the_callers_language,
    duplicate_registration_is_refused,
    login_and_logout,
    another_account_is_not_found,
    cross_site_posts_are_refused,
    login_attempts_are_rate_limited,
    server_functions_check_who_is_asking,
    html_forms_work_without_javascript,
    pages_carry_security_headers_and_limits,
    personal_data_is_encrypted_and_every_change_audited,
    openapi_document_describes_the_api,
    a_filing_goes_from_draft_to_case_number,
    concurrent_registrations_never_share_or_skip_a_number,
    review_actions_have_their_conditions,
    evidence_files_are_checked_by_their_bytes_and_served_only_to_those_who_may_see,
    the_competent_court_is_suggested_from_the_places_named,
    a_credit_code_failing_its_check_needs_the_filers_confirmation,
    answers_posted_after_the_session_expired_are_kept_for_the_filer_only,
    an_unpaid_fee_past_its_deadline_ends_the_case_as_withdrawn,
    every_api_error_is_a_problem,
    a_failing_database_is_a_500_with_an_error_id,
    html_errors_are_pages_in_the_layout,
    stored_rows_that_do_not_read_back_are_errors_not_defaults,
    row_indexes_and_list_lengths_are_bounded,
    fee_events_record_the_payment_status_they_change,
    tracking_codes_are_unguessable_and_guessing_is_limited,
    limits_and_look_ups_hold_across_instances,
    the_page_cache_keeps_a_handful_of_pages_whatever_the_query,
    drafts_are_encrypted_at_rest,
    parties_get_access_only_through_verification_or_a_served_code,
    evidence_files_are_encrypted_private_bounded_and_removable,
    the_smaller_findings_hold,
    party_access_works_as_plain_forms,
    fee_rules_hold_through_the_api,
    time_limits_follow_the_cause_through_the_api,
    competent_courts_follow_the_corrected_rules_through_the_api,
    level_and_agreed_jurisdiction_are_checked_at_submission,
    a_new_draft_names_the_filer_as_the_plaintiff,
    starting_a_filing_again_resumes_the_untouched_draft,
    a_draft_is_deleted_by_its_filer_with_its_files,
    my_matters_say_when_against_whom_what_and_where_it_stands,
    login_returns_to_the_page_that_asked_and_registration_says_what_next,
    the_payment_notice_says_how_much_by_when_where_and_under_which_reference,
    the_risk_estimate_tells_filings_apart,
    a_forgotten_password_is_reset_with_a_code_sent_to_the_accounts_own_mobile,
    password_reset_works_as_plain_forms_in_the_persons_language,
    query_codes_stay_out_of_urls_are_reissued_to_the_filer_and_receipts_match_in_any_case,
    e_mail_goes_by_smtp_and_falls_back_to_the_outbox,
    the_mediator_roster_is_public_and_recommends_with_reasons,
    free_slots_leave_out_leave_holidays_and_bookings,
    a_mediation_goes_from_booking_to_a_confirmed_agreement,
    mediation_refuses_wrong_actors_and_wrong_states,
    two_hundred_attempts_at_one_slot_make_one_booking,
    a_diverted_filing_is_mediated_and_returns_to_registration,
    invitations_expire_and_bookings_move_with_their_history,
    partial_agreements_refusals_notice_and_time_limits,
    the_mediator_reads_the_diverted_filings_papers,
    a_chosen_time_is_held_while_the_details_are_given,
    meeting_links_are_personal_timed_and_follow_the_session,
    the_lobby_admits_only_through_the_present_mediator,
    the_knowledge_base_answers_with_its_law_quoted,
    a_pathway_is_walked_one_plain_page_at_a_time,
    service_requests_live_their_whole_life,
    service_requests_move_between_courts_and_overdue_ones_come_first,
    a_colleague_takes_over_when_the_mediator_drops_out,
    the_mediator_shows_a_document_from_the_matters_file,
);

async fn health_reports_the_database(app: TestApp) {
    let (status, body) = app.get_json(&app.client, "/api/v1/ready").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], true);
    let (status, body) = app.get_json(&app.client, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert!(
        body.get("database").is_none(),
        "liveness does not ask the database"
    );
}

async fn courts_of_the_seed_documents_are_served(app: TestApp) {
    let (status, body) = app.get_json(&app.client, "/api/v1/courts").await;
    assert_eq!(status, StatusCode::OK);
    let courts = body.as_array().unwrap();
    let find = |code: &str| {
        courts
            .iter()
            .find(|c| c["code"] == code)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(find("吉02")["name"], "吉林市中级人民法院");
    assert_eq!(find("吉0211")["parent_code"], "吉02");
    assert_eq!(find("吉76")["name_ko"], "길림성연변림구중급법원");
    assert_eq!(find("吉0202")["places"], json!(["昌邑区"]));
    for code in [
        "吉0202", "吉0203", "吉0204", "吉0221", "吉0281", "吉0282", "吉0283", "吉0284", "蒙05",
        "宁02", "吉0721",
    ] {
        assert!(find(code).is_object(), "court {code} missing");
    }
}

async fn each_account_kind_registers_and_sees_its_own_data(app: TestApp) {
    let forms = [
        citizen("13700000001", "22020219850315002"),
        json!({"kind": "enterprise", "name": "吉林市江北农机有限公司", "uscc": "91350100M000100Y43",
               "legal_representative": "钱七", "contact_name": "孙八", "mobile": "13700000002",
               "password": "secret-pass-1", "password_confirm": "secret-pass-1"}),
        json!({"kind": "lawyer", "name": "周律师", "licence_no": "22020201910234567", "law_firm": "吉林北山律师事务所",
               "mobile": "13700000003", "password": "secret-pass-1", "password_confirm": "secret-pass-1"}),
    ];
    for form in forms {
        let c = client(Some(&app.base));
        let (status, body) = app.post_json(&c, "/api/v1/accounts", form.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["kind"], form["kind"]);
        let (status, me) = app.get_json(&c, "/api/v1/me").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(me["id"], body["id"]);
        assert!(me.get("password_hash").is_none() && !me.to_string().contains("argon2"));
        if form["kind"] == "citizen" {
            assert_eq!(
                me["id_number_masked"],
                format!(
                    "220202********{}",
                    &form["id_number"].as_str().unwrap()[14..]
                )
            );
            assert_eq!(me["login_name"], "13700000001");
        }
        if form["kind"] == "enterprise" {
            assert_eq!(me["login_name"], "91350100M000100Y43");
        }
    }
}

async fn bad_input_gets_field_errors_in_the_callers_language(app: TestApp) {
    let mut form = citizen("12345", "22020219850315002");
    form["id_number"] = json!("220202198503150028"); // wrong check digit
    form["password_confirm"] = json!("different");
    let res = app
        .client
        .post(app.url("/api/v1/accounts"))
        .header("accept-language", "en")
        .json(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "validation");
    assert!(
        body["errors"]["id_number"]
            .as_str()
            .unwrap()
            .contains("check digit"),
        "{body}"
    );
    assert!(body["errors"]["mobile"]
        .as_str()
        .unwrap()
        .contains("11 digits"));
    assert!(body["errors"]["password"]
        .as_str()
        .unwrap()
        .contains("do not match"));
    // Chinese by default.
    let (_, body) = app.post_json(&app.client, "/api/v1/accounts", form).await;
    assert!(body["errors"]["id_number"]
        .as_str()
        .unwrap()
        .contains("校验码"));
    // Staff roles cannot be self-registered.
    let mut judge = citizen("13700000009", "22020219850315002");
    judge["kind"] = json!("judge");
    let (status, body) = app.post_json(&app.client, "/api/v1/accounts", judge).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["kind"].is_string());
}

async fn duplicate_registration_is_refused(app: TestApp) {
    let (status, _) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/accounts",
            citizen("13700000011", "22020219850315002"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    // Same ID number, other mobile.
    let (status, body) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/accounts",
            citizen("13700000012", "22020219850315002"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "taken");
    // Which detail is taken is not said (that would tell whether a number has an account).
    assert!(body["errors"].is_null(), "{body}");
    assert!(!body.to_string().contains("身份证"), "{body}");
    // Same mobile, other ID number.
    let (status, body) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/accounts",
            citizen("13700000011", "22020219900101003"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["errors"].is_null(), "{body}");
    // Concurrent identical registrations: exactly one wins.
    let form = citizen("13700000013", "22020219700101004");
    let tries = (0..4).map(|_| {
        let (c, url, form) = (
            client(Some(&app.base)),
            app.url("/api/v1/accounts"),
            form.clone(),
        );
        tokio::spawn(async move { c.post(url).json(&form).send().await.unwrap().status() })
    });
    let statuses: Vec<StatusCode> = futures::future::join_all(tries)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT),
        "{statuses:?}"
    );
}

async fn login_and_logout(app: TestApp) {
    let c = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &c,
            "/api/v1/session",
            json!({"login_name": "13900000001", "password": "demo-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, me) = app.get_json(&c, "/api/v1/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["display_name"], "张三");
    assert_eq!(me["id_number_masked"], "220202********1234");
    // The login name may be typed the way people write it.
    let c2 = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &c2,
            "/api/v1/session",
            json!({"login_name": "+86 139-0000-0001", "password": "demo-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Staff log in with their user name and are bound to a court.
    let (status, staff) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/session",
            json!({"login_name": "clerk.changyi", "password": "demo-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(staff["kind"], "clerk");
    assert_eq!(staff["court_code"], "吉0202");
    // Wrong password.
    let (status, body) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/session",
            json!({"login_name": "13900000001", "password": "nope-nope"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "bad_credentials");
    // Every login is a new session with a new id.
    let token = session_token(&app, "13900000001").await;
    assert_ne!(token, session_token(&app, "13900000001").await);
    // Logout kills the session on the server: replaying its cookie afterwards does not work.
    let raw = client(Some(&app.base));
    let with_token =
        |req: reqwest::RequestBuilder| req.header("cookie", format!("portal_session={token}"));
    assert_eq!(
        with_token(raw.get(app.url("/api/v1/me")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let res = with_token(raw.delete(app.url("/api/v1/session")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(
        with_token(raw.get(app.url("/api/v1/me")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // The cookie-jar client logs out too; its other session (c2) is untouched.
    assert_eq!(
        c.delete(app.url("/api/v1/session"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_json(&c, "/api/v1/me").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get_json(&c2, "/api/v1/me").await.0, StatusCode::OK);
}

/// Logs in afresh and returns the raw session token from Set-Cookie.
async fn session_token(app: &TestApp, login: &str) -> String {
    let res = client(Some(&app.base))
        .post(app.url("/api/v1/session"))
        .json(&json!({"login_name": login, "password": "demo-pass-2026"}))
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("portal_session=")
        .to_string()
}

async fn another_account_is_not_found(app: TestApp) {
    let a = client(Some(&app.base));
    let (_, first) = app
        .post_json(
            &a,
            "/api/v1/accounts",
            citizen("13700000021", "22020219850315002"),
        )
        .await;
    let b = client(Some(&app.base));
    let (_, second) = app
        .post_json(
            &b,
            "/api/v1/accounts",
            citizen("13700000022", "22020219900101003"),
        )
        .await;
    let first_id = first["id"].as_str().unwrap();
    let (status, _) = app
        .get_json(&a, &format!("/api/v1/accounts/{first_id}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app
        .get_json(&b, &format!("/api/v1/accounts/{first_id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
    assert!(!body.to_string().contains("13700000021"));
    // The same answer as for an id that never existed.
    let (status, _) = app
        .get_json(&b, "/api/v1/accounts/00000000000000000000000000000000")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_ne!(first["id"], second["id"]);
    let (status, _) = app
        .get_json(&client(None), &format!("/api/v1/accounts/{first_id}"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn cross_site_posts_are_refused(app: TestApp) {
    let login = json!({"login_name": "13900000001", "password": "demo-pass-2026"});
    // No Origin, no Referer.
    let (status, body) = app
        .post_json(&client(None), "/api/v1/session", login.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "csrf");
    // Another site's Origin, even with a Referer of ours.
    let evil = client(Some("https://evil.example"));
    let res = evil
        .post(app.url("/api/v1/session"))
        .header("referer", app.url("/login"))
        .json(&login)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The HTML forms and the Leptos server functions are guarded the same way.
    let res = login_form(&app, &evil, "13900000001").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = evil.post(app.url("/rpc/my_account")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = evil.post(app.url("/logout")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A Referer of ours is accepted when Origin is absent (older browsers).
    let res = client(None)
        .post(app.url("/api/v1/session"))
        .header("referer", app.url("/login"))
        .json(&login)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn login_attempts_are_rate_limited(app: TestApp) {
    let login = |c: &Client, name: &str, password: &str| {
        let (c, url, body) = (
            c.clone(),
            app.url("/api/v1/session"),
            json!({"login_name": name, "password": password}),
        );
        async move { c.post(url).json(&body).send().await.unwrap().status() }
    };
    // The owner logs in on their phone: it becomes a known device for the account.
    let owner = client(Some(&app.base));
    assert_eq!(
        login(&owner, "13900000001", "demo-pass-2026").await,
        StatusCode::OK
    );
    // A guesser (same network address) gets five tries…
    let c = client(Some(&app.base));
    for _ in 0..5 {
        assert_eq!(
            login(&c, "13900000001", "wrong-guess").await,
            StatusCode::UNAUTHORIZED
        );
    }
    // …then even the right password is refused from there…
    let (status, body) = app
        .post_json(
            &c,
            "/api/v1/session",
            json!({"login_name": "13900000001", "password": "demo-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "rate_limited");
    // …but the owner's known device still logs in: strangers' guesses do not lock the owner out.
    assert_eq!(
        login(&owner, "13900000001", "demo-pass-2026").await,
        StatusCode::OK
    );
    // Concurrent guesses are counted before any password is checked: of 8 at once, at most 5 are checked.
    let burst = (0..8).map(|_| {
        let c = client(Some(&app.base));
        let f = login(&c, "13900000003", "wrong-guess");
        tokio::spawn(f)
    });
    let statuses: Vec<StatusCode> = futures::future::join_all(burst)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(checked <= 5, "{statuses:?}");
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        8 - checked,
        "{statuses:?}"
    );
    // And one address that tries many accounts is stopped too.
    for i in 0..30 {
        let _ = login(&c, &format!("1370000{i:04}"), "x-wrong-x").await;
    }
    let fresh = client(Some(&app.base));
    assert_eq!(
        login(&fresh, "13900000002", "demo-pass-2026").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // What the limiter keeps names no address and no login in clear.
    let subjects: Vec<String> = sqlx::query_scalar("SELECT subject FROM attempt_limits")
        .fetch_all(app.db.reader())
        .await
        .unwrap();
    assert!(!subjects.is_empty());
    assert!(
        subjects
            .iter()
            .all(|s| !s.contains("127.0.0.1") && !s.contains("1390000")),
        "{subjects:?}"
    );
}

async fn server_functions_check_who_is_asking(app: TestApp) {
    let anon = client(Some(&app.base));
    let res = anon
        .post(app.url("/rpc/my_account"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let c = client(Some(&app.base));
    app.post_json(
        &c,
        "/api/v1/session",
        json!({"login_name": "13900000001", "password": "demo-pass-2026"}),
    )
    .await;
    let res = c
        .post(app.url("/rpc/my_account"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    // The owner's own page data holds the full ID number; nothing else does.
    assert!(body.to_string().contains("220202199001011234"), "{body}");
    assert!(body["activity"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a[1] == "session.login"));
}

async fn html_forms_work_without_javascript(app: TestApp) {
    let c = client(Some(&app.base));
    let bad = [
        ("kind", "citizen"),
        ("name", "李雷"),
        ("id_number", "220202198503150028"),
        ("mobile", "13700000031"),
        ("password", "secret-pass-1"),
        ("password_confirm", "secret-pass-1"),
    ];
    let res = c
        .post(app.url("/register"))
        .form(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("公民身份号码校验码不正确"),
        "error shown next to the field"
    );
    assert!(
        html.contains(r##"href="#f-id_number""##),
        "error summary links to the field"
    );
    assert!(html.contains(r#"value="李雷""#), "answers are kept");
    assert!(
        !html.contains("secret-pass-1"),
        "passwords are never sent back"
    );
    let id = resident_id("22020219850315002");
    let good = [
        ("kind", "citizen"),
        ("name", "李雷"),
        ("id_number", id.as_str()),
        ("mobile", "13700000031"),
        ("password", "secret-pass-1"),
        ("password_confirm", "secret-pass-1"),
    ];
    let res = c
        .post(app.url("/register"))
        .form(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/welcome", "what to do next");
    let html = page_html(&app, &c, "/me").await;
    assert!(
        html.contains("李雷") && html.contains(&id),
        "own page shows own data in full"
    );
    // Language preference is remembered.
    let res = c
        .post(app.url("/prefs"))
        .form(&[("lang", "ko"), ("return_to", "/me")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/me");
    let html = page_html(&app, &c, "/").await;
    assert!(html.contains(r#"<html lang="ko""#) && html.contains("로그아웃"));
    // Log out with the form.
    let res = c.post(app.url("/logout")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page_html(&app, &c, "/me").await;
    assert!(!html.contains(&id));
    // Wrong password on the login form: 401 page with the message, login name kept.
    let res = c
        .post(app.url("/login"))
        .form(&[("login_name", "13700000031"), ("password", "wrong-pass")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.text().await.unwrap().contains(r#"value="13700000031""#));
}

async fn pages_carry_security_headers_and_limits(app: TestApp) {
    let res = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap().to_string();
    // A public page is shared: no nonce (that would repeat one response's secret to everyone); the Wasm starts from
    // /boot.js and the only inline scripts, Leptos' fixed hydration data, are allowed by their hashes.
    assert!(
        csp.contains("frame-ancestors 'none'")
            && !csp.contains("'nonce-")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<script type="module" src="/boot.js"></script>"#));
    assert!(!html.contains("nonce="));
    for script in inline_script_bodies(&html) {
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
        assert!(
            csp.contains(&format!("'sha256-{hash}'")),
            "{script} not allowed by {csp}"
        );
    }
    // The next anonymous visitor gets the same page from memory; another language is rendered apart.
    let again = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(again.text().await.unwrap(), html);
    let ko = app
        .client
        .get(app.url("/"))
        .header("cookie", "portal_lang=ko")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(ko.contains(r#"<html lang="ko""#) && html.contains(r#"<html lang="zh-CN""#));
    // Someone logged in never gets the shared page: their own name is on it, and its CSP has a fresh nonce that
    // every inline script of the page carries.
    let c = logged_in(&app, "13900000001").await;
    for path in ["/", "/me"] {
        let res = c.get(app.url(path)).send().await.unwrap();
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|n| n.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: {csp}"))
            .to_string();
        let page = res.text().await.unwrap();
        assert!(page.contains("张三"), "{path}");
        assert_eq!(inline_scripts(&page, Some(&nonce)), 0, "{path}: {page}");
    }
    let res = app
        .client
        .get(app.url("/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .client
        .get(app.url("/api/v1/no-such"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let big = "x".repeat(server::BODY_LIMIT + 1);
    let res = app
        .client
        .post(app.url("/api/v1/session"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

async fn personal_data_is_encrypted_and_every_change_audited(app: TestApp) {
    use sqlx::Row;
    let id = resident_id("22020219850315002");
    let (status, _) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/accounts",
            citizen("13700000041", "22020219850315002"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let row = sqlx::query("SELECT id_number_enc, id_number_hash, id_number_masked FROM accounts WHERE login_name = $1")
        .bind("13700000041")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    let enc: String = row.get("id_number_enc");
    let hash: String = row.get("id_number_hash");
    assert!(!enc.contains(&id) && !hash.contains(&id));
    assert_eq!(
        row.get::<String, _>("id_number_masked"),
        format!("220202********{}", &id[14..])
    );
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(app.db.reader())
        .await
        .unwrap();
    assert!(
        actions.contains(&"account.register".to_string())
            && actions.contains(&"session.login".to_string())
    );
    let details: Vec<String> = sqlx::query_scalar("SELECT detail FROM audit_log")
        .fetch_all(app.db.reader())
        .await
        .unwrap();
    assert!(
        details.iter().all(|d| !d.contains("13700000041")),
        "audit details are masked: {details:?}"
    );
}

async fn openapi_document_describes_the_api(app: TestApp) {
    let (status, doc) = app.get_json(&app.client, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let expected = [
        ("get", "/api/v1/health"),
        ("get", "/api/v1/ready"),
        ("get", "/api/v1/courts"),
        ("post", "/api/v1/fees/quote"),
        ("post", "/api/v1/validate"),
        ("post", "/api/v1/accounts"),
        ("get", "/api/v1/accounts/{id}"),
        ("get", "/api/v1/me"),
        ("post", "/api/v1/session"),
        ("delete", "/api/v1/session"),
        ("post", "/api/v1/filings"),
        ("get", "/api/v1/filings"),
        ("get", "/api/v1/filings/{id}"),
        ("delete", "/api/v1/filings/{id}"),
        ("put", "/api/v1/filings/{id}/draft"),
        ("post", "/api/v1/filings/{id}/submit"),
        ("post", "/api/v1/filings/{id}/review"),
        ("post", "/api/v1/filings/{id}/payment"),
        ("get", "/api/v1/filings/{id}/payment-notice"),
        ("get", "/api/v1/courts/{code}/queue"),
        ("get", "/api/v1/track"),
        ("post", "/api/v1/track"),
        ("post", "/api/v1/filings/{id}/query-code"),
        ("post", "/api/v1/password-resets"),
        ("post", "/api/v1/password-resets/confirm"),
        ("post", "/api/v1/risk"),
        ("post", "/api/v1/filings/{id}/parties/{index}/link-code"),
        ("post", "/api/v1/me/filing-links"),
        ("post", "/api/v1/staff/identity-verifications"),
        ("get", "/api/v1/mediations/{id}/meeting"),
        ("post", "/api/v1/mediations/{id}/meeting/guests"),
        ("get", "/api/v1/kb/search"),
        ("get", "/api/v1/kb/entries/{id}"),
        ("post", "/api/v1/service-requests"),
        ("get", "/api/v1/service-requests/{id}"),
        ("post", "/api/v1/service-requests/{id}/answer"),
        ("post", "/api/v1/service-requests/{id}/transfer"),
        ("post", "/api/v1/service-requests/{id}/rating"),
    ];
    for (method, path) in expected {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} missing from the document");
        // Every operation documents its answers, and every refusal among them is a Problem.
        let responses = op["responses"].as_object().unwrap();
        assert!(!responses.is_empty(), "{method} {path}");
        for (code, r) in responses {
            if code.starts_with('4') || code.starts_with('5') {
                let schema = r["content"]["application/json"]["schema"]["$ref"]
                    .as_str()
                    .unwrap_or("");
                assert!(schema.ends_with("/Problem"), "{method} {path} {code}: {r}");
            }
        }
    }
    for schema in [
        "Problem",
        "FilingDraft",
        "FilingView",
        "Receipt",
        "FeeQuote",
        "RiskReport",
        "RiskInput",
        "EvidenceCheck",
        "AccountDto",
    ] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "{schema} missing"
        );
    }
    // The readable page is rendered from the same document, without a script from elsewhere.
    let page = app.client.get(app.url("/api/docs")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for (method, path) in expected {
        assert!(
            html.contains(&format!("{} {path}", method.to_uppercase())),
            "{method} {path} not on the page"
        );
    }
    assert!(!html.contains("<script"), "the API page needs no script");
}

/// Starts a draft through the form, as the page's button does; its id.
async fn new_draft(app: &TestApp, c: &Client) -> String {
    let res = c.post(app.url("/filings/new")).send().await.unwrap();
    res.headers()["location"]
        .to_str()
        .unwrap()
        .split('/')
        .nth(2)
        .unwrap()
        .to_string()
}

/// Checks one answer is an RFC 9457 problem with `status`, in the expected language.
async fn assert_problem(res: reqwest::Response, status: StatusCode, what: &str) -> Value {
    assert_eq!(res.status(), status, "{what}");
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(ct.as_deref(), Some("application/problem+json"), "{what}");
    let body: Value = res
        .json()
        .await
        .unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    for key in ["type", "title", "detail", "code"] {
        assert!(
            body[key].as_str().is_some_and(|s| !s.is_empty()),
            "{what}: no {key}: {body}"
        );
    }
    assert_eq!(body["status"], status.as_u16(), "{what}: {body}");
    body
}

/// Table-driven from the router's own document: every operation, sent each kind of bad request, answers a
/// problem with the right 4xx — never HTML, never a bare status, never a 500.
async fn every_api_error_is_a_problem(app: TestApp) {
    let (_, doc) = app.get_json(&app.client, "/api/v1/openapi.json").await;
    let schemas = doc["components"]["schemas"].clone();
    let anonymous = client(Some(&app.base));
    let signed_in = logged_in(&app, "13900000001").await;
    let one_shot = Client::builder()
        .pool_max_idle_per_host(0)
        .default_headers(HeaderMap::from_iter([(
            ORIGIN,
            HeaderValue::from_str(&app.base).unwrap(),
        )]))
        .build()
        .unwrap();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let url = app.url(&path.replace("{id}", "0000").replace("{code}", "吉0202"));
        for (method, op) in item.as_object().unwrap() {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let what = format!("{method} {path}");
            checked += 1;
            // Anyone may call any route: the answer is a success or a problem, never a 500 or a page.
            let res = anonymous.request(m.clone(), &url).send().await.unwrap();
            let status = res.status();
            if !status.is_success() {
                assert!(status.is_client_error(), "{what}: {status}");
                assert_problem(res, status, &format!("{what} anonymous")).await;
            }
            let Some(body_schema) =
                op["requestBody"]["content"]["application/json"]["schema"].as_object()
            else {
                continue;
            };
            for c in [&anonymous, &signed_in] {
                // Malformed JSON: 400.
                let res = c
                    .request(m.clone(), &url)
                    .header("content-type", "application/json")
                    .body("{\"kind\": ")
                    .send()
                    .await
                    .unwrap();
                assert_problem(res, StatusCode::BAD_REQUEST, &format!("{what} malformed")).await;
                // Not JSON at all: 415.
                let res = c
                    .request(m.clone(), &url)
                    .header("content-type", "text/plain")
                    .body("hello")
                    .send()
                    .await
                    .unwrap();
                assert_problem(
                    res,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    &format!("{what} text/plain"),
                )
                .await;
                // Over the body limit: 413. (The server closes that connection without reading the rest, so the
                // request goes on a connection of its own, never reused.)
                let big = format!("{{\"x\": \"{}\"}}", "x".repeat(server::BODY_LIMIT));
                let res = one_shot
                    .request(m.clone(), &url)
                    .header("content-type", "application/json")
                    .body(big)
                    .send()
                    .await
                    .unwrap();
                assert_problem(
                    res,
                    StatusCode::PAYLOAD_TOO_LARGE,
                    &format!("{what} too large"),
                )
                .await;
            }
            // A required field missing: 422 naming it.
            let name = body_schema
                .get("$ref")
                .and_then(|r| r.as_str())
                .and_then(|r| r.rsplit('/').next())
                .unwrap_or("");
            if let Some(required) = schemas[name]["required"]
                .as_array()
                .and_then(|r| r.first())
                .and_then(|f| f.as_str())
            {
                let res = signed_in
                    .request(m.clone(), &url)
                    .json(&json!({}))
                    .send()
                    .await
                    .unwrap();
                let body = assert_problem(
                    res,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &format!("{what} missing {required}"),
                )
                .await;
                assert!(body["errors"][required].is_string(), "{what}: {body}");
            }
        }
    }
    assert!(checked >= 28, "only {checked} operations checked");
    // An unknown route and a wrong method: problems too, in the caller's language.
    let res = anonymous
        .get(app.url("/api/v1/no-such-thing"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, StatusCode::NOT_FOUND, "unknown route").await;
    assert_eq!(body["title"], "Not found");
    let res = anonymous
        .get(app.url("/api/v1/no-such-thing"))
        .header("cookie", "portal_lang=ko")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(res, StatusCode::NOT_FOUND, "unknown route (ko)").await["title"],
        "찾을 수 없습니다"
    );
    let res = anonymous
        .delete(app.url("/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::METHOD_NOT_ALLOWED, "wrong method").await;
    // A field error carries the field's own message; the top-level detail says what to do.
    let res = anonymous
        .post(app.url("/api/v1/accounts"))
        .json(&citizen("1390000", "22020219900101123"))
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, StatusCode::UNPROCESSABLE_ENTITY, "bad registration").await;
    assert!(body["errors"]["mobile"].is_string(), "{body}");
}

/// A database that fails is our fault: a 500 problem with an opaque id (the log carries the same id), never a 404
/// and never the cause; an HTML page gets the error page with the id to quote.
async fn a_failing_database_is_a_500_with_an_error_id(app: TestApp) {
    let c = logged_in(&app, "13900000001").await;
    app.db.close().await;
    // Liveness does not ask the database; readiness does, and says it is not ready.
    let (status, _) = app.get_json(&app.client, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    let res = app
        .client
        .get(app.url("/api/v1/ready"))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::SERVICE_UNAVAILABLE, "not ready").await;
    let res = app
        .client
        .get(app.url("/api/v1/track?receipt=SL2026&code=ABCDEFGHJK"))
        .send()
        .await
        .unwrap();
    let body = assert_problem(
        res,
        StatusCode::INTERNAL_SERVER_ERROR,
        "a look-up without a database",
    )
    .await;
    let id = body["error_id"].as_str().unwrap();
    assert!(
        id.len() >= 8 && !body.to_string().to_lowercase().contains("pool"),
        "{body}"
    );
    // With a session the request context itself cannot ask the database: still a problem, still no cause.
    let res = c.get(app.url("/api/v1/filings")).send().await.unwrap();
    assert_problem(
        res,
        StatusCode::INTERNAL_SERVER_ERROR,
        "filings without a database",
    )
    .await;
    let res = c.get(app.url("/filings")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("服务暂时出错") && html.contains("<header class=\"site-header\""),
        "{html}"
    );
}

/// HTML routes: the error page in the site's layout and the user's language, with the right status.
async fn html_errors_are_pages_in_the_layout(app: TestApp) {
    let owner = logged_in(&app, "13900000001").await;
    let id = new_draft(&app, &owner).await;
    // Someone else posting to that draft's step: 404, the page in the layout, in Korean for a Korean reader.
    let lawyer = logged_in(&app, "13900000003").await;
    let res = lawyer
        .post(app.url(&format!("/filings/{id}/facts")))
        .header("accept-language", "ko-KR,ko;q=0.9")
        .form(&[("facts", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("찾을 수 없습니다") && html.contains("site-header"),
        "{html}"
    );
    // A cross-site form post: 403, a page, not JSON.
    let evil = client(Some("https://evil.example"));
    let res = evil.post(app.url("/filings/new")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("请求来源无法验证") && html.contains("site-header"),
        "{html}"
    );
    // A file that does not exist, logged out: the same 404 page.
    let res = app
        .client
        .get(app.url("/files/00000000000000000000000000000000"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("site-header"));
}

mod contract {
    //! The public fee-quote and validation contract (no database involved beyond the server's own).
    use super::*;

    #[tokio::test]
    async fn fee_quote_and_validation_follow_the_contract() {
        let app = spawn_app(Backend::Sqlite).await;
        let (status, q) = app
            .post_json(
                &app.client,
                "/api/v1/fees/quote",
                json!({"fee_category": "property", "amount_fen": 10_000_000,
                "procedure": "simple", "preservation_amount_fen": 10_000_000}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert_eq!(q["acceptance_fee_fen"], 115_000);
        assert_eq!(q["preservation_fee_fen"], 102_000);
        assert_eq!(q["total_fen"], 217_000);
        assert!(q["lines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["basis"].as_str().unwrap().contains("诉讼费用交纳办法")));
        let (status, e) = app
            .post_json(
                &app.client,
                "/api/v1/fees/quote",
                json!({"fee_category": "property", "amount_fen": null, "procedure": "ordinary"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e["errors"]["amount_fen"].is_string());
        let (_, v) = app
            .post_json(
                &app.client,
                "/api/v1/validate",
                json!({"kind": "resident_id", "value": "11010519491231002X"}),
            )
            .await;
        assert_eq!(v, json!({"valid": true, "message": null}));
        let (_, v) = app
            .post_json(
                &app.client,
                "/api/v1/validate",
                json!({"kind": "uscc", "value": "91350100M000100Y44"}),
            )
            .await;
        assert_eq!(v["valid"], false);
        assert!(v["message"].as_str().unwrap().contains("GB 32100"));
    }
}

async fn logged_in(app: &TestApp, login: &str) -> Client {
    let c = client(Some(&app.base));
    let (status, body) = app
        .post_json(
            &c,
            "/api/v1/session",
            json!({"login_name": login, "password": "demo-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}: {body}");
    c
}

async fn put_json(app: &TestApp, c: &Client, path: &str, body: Value) -> (StatusCode, Value) {
    let res = c.put(app.url(path)).json(&body).send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A complete loan claim by the demo citizen 张三 against 李四, filed at 昌邑 (吉0202).
fn loan_filing(defendant_id: &str) -> Value {
    json!({
        "cause": "private_loan",
        "parties": [
            {"role": "plaintiff", "kind": "natural", "name": "张三", "id_number": "220202199001011234", "mobile": "13900000001",
             "address": "吉林市昌邑区解放北路1号", "address_confirmed": true},
            {"role": "defendant", "kind": "natural", "name": "李四", "id_number": defendant_id, "mobile": "13700000051",
             "address": "吉林市昌邑区通江路8号", "address_confirmed": true}
        ],
        "claims": [{"text": "判令被告偿还借款本金", "amount": "100,000"}],
        "facts": "2024年3月被告向原告借款10万元，约定一年内归还，至今未还。",
        "known_on": "2025-03-15",
        "evidence": [{"name": "借条", "original": true}, {"name": "转账凭证", "original": true}],
        "court_code": "吉0202",
        "competent_court_code": "吉0202",
        "mediation_consent": true
    })
}

async fn submitted_filing(app: &TestApp, c: &Client, defendant_id: &str) -> (String, Value) {
    let (status, created) = app
        .post_json(c, "/api/v1/filings", loan_filing(defendant_id))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let (status, receipt) = app
        .post_json(c, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    (id, receipt)
}

async fn a_filing_goes_from_draft_to_case_number(app: TestApp) {
    // The defendant has an account of their own: as a party, they may see the filing.
    let defendant_id = resident_id("22020219800101005");
    let defendant = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &defendant,
            "/api/v1/accounts",
            citizen("13700000051", "22020219800101005"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    // Their identity was verified at the service centre's desk: a filing naming their ID number opens to them.
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(
            &clerk,
            "/api/v1/staff/identity-verifications",
            json!({"login_name": "13700000051"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let filer = logged_in(&app, "13900000001").await;
    // A half-done draft with a wrong ID number is saved exactly as typed.
    let mut partial = loan_filing(&defendant_id);
    partial["parties"][1]["id_number"] = json!("22020219800101005X");
    partial["claims"][0]["amount"] = json!("十万");
    let (status, created) = app
        .post_json(&filer, "/api/v1/filings", partial.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap().to_string();
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(shown["draft"]["claims"][0]["amount"], "十万");
    assert!(shown["field_errors"]["claims.0.amount"].is_string());
    let (status, refused) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused["errors"]["parties.1.id_number"].is_string()
            && refused["errors"]["claims.0.amount"].is_string(),
        "{refused}"
    );

    // Corrected and submitted: receipt, query code, fee recomputed on the server, 7-day deadline.
    let (status, _) = put_json(
        &app,
        &filer,
        &format!("/api/v1/filings/{id}/draft"),
        loan_filing(&defendant_id),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let f = &receipt["filing"];
    assert_eq!(f["status"], "submitted");
    assert_eq!(
        f["fee_total_fen"], 230_000,
        "Art. 13: 50 + 90,000 × 2.5% = 2,300 yuan"
    );
    assert_eq!(f["fee_table_version"], "jilin-2007-v1");
    assert!(f["review_deadline"].as_str().unwrap().len() == 10);
    let receipt_no = f["receipt_no"].as_str().unwrap().to_string();
    let code = receipt["query_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 10);
    // Submitted filings cannot be edited.
    let (status, _) = put_json(
        &app,
        &filer,
        &format!("/api/v1/filings/{id}/draft"),
        loan_filing(&defendant_id),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Who may see it: the defendant (a party) yes; a stranger, another court's clerk: 404.
    assert_eq!(
        app.get_json(&defendant, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::OK
    );
    let stranger = logged_in(&app, "13900000003").await;
    assert_eq!(
        app.get_json(&stranger, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let other_clerk = logged_in(&app, "clerk.dunhua").await;
    assert_eq!(
        app.get_json(&other_clerk, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get_json(&other_clerk, "/api/v1/courts/吉0202/queue")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_json(
            &other_clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"})
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_json(
            &stranger,
            &format!("/api/v1/filings/{id}/submit"),
            json!({})
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    // The clerk's queue: oldest first, with the deadline, the plaintiff's name masked.
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, queue) = app.get_json(&clerk, "/api/v1/courts/吉0202/queue").await;
    assert_eq!(status, StatusCode::OK);
    let item = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(item["plaintiff"], "张*");
    assert!(item["days_left"].as_i64().unwrap() >= 7);

    // 补正: the filer is told, edits the same filing and resubmits; the receipt stays.
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "request_correction", "note": "请补充借款交付的银行流水"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, seen) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(seen["status"], "correction_requested");
    assert!(seen["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["note"].as_str().unwrap().contains("银行流水")));
    let mut fixed = loan_filing(&defendant_id);
    fixed["evidence"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "银行流水", "original": true}));
    assert_eq!(
        put_json(&app, &filer, &format!("/api/v1/filings/{id}/draft"), fixed)
            .await
            .0,
        StatusCode::OK
    );
    let (status, again) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["filing"]["receipt_no"], receipt_no.as_str());
    assert_eq!(again["query_code"], "");
    // Corrections are asked for once (法释〔2015〕8号 Art. 7): a second request is refused with that reason.
    let (status, twice) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "request_correction", "note": "再补充一份材料"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{twice}");
    assert_eq!(twice["code"], "correction_once");
    assert!(
        twice["detail"].as_str().unwrap().contains("第七条"),
        "{twice}"
    );

    // Registered: the number appears on the filer's side at once.
    let (status, registered) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{registered}");
    let number = registered["case_number"].as_str().unwrap().to_string();
    let parsed = domain::catalogue::CaseNumber::parse(&number).expect("an official case number");
    assert_eq!(
        (
            parsed.court_code.as_str(),
            parsed.case_type.code(),
            parsed.seq
        ),
        ("吉0202", "民初", 1)
    );
    let (_, seen) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(seen["case_number"], number.as_str());
    assert_eq!(seen["status"], "registered");
    // The payment notice: 2,300 yuan within seven days (Art. 22); the filer asks for relief, the clerk decides.
    assert_eq!(seen["payment_status"], "unpaid");
    assert_eq!(seen["payment_due"].as_str().unwrap().len(), 10);
    let pay = format!("/api/v1/filings/{id}/payment");
    let (status, body) = app
        .post_json(
            &filer,
            &pay,
            json!({"action": "request_relief", "kind": "defer", "reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["reason"].is_string());
    assert_eq!(
        app.post_json(&filer, &pay, json!({"action": "grant_relief"}))
            .await
            .0,
        StatusCode::NOT_FOUND,
        "the filer cannot decide"
    );
    assert_eq!(
        app.post_json(
            &stranger,
            &pay,
            json!({"action": "request_relief", "kind": "waive", "reason": "x"})
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    let (status, relief) = app
        .post_json(
            &filer,
            &pay,
            json!({"action": "request_relief", "kind": "defer", "reason": "领取最低生活保障金"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{relief}");
    assert_eq!(relief["payment_status"], "relief_requested");
    let (_, granted) = app
        .post_json(&clerk, &pay, json!({"action": "grant_relief"}))
        .await;
    assert_eq!(granted["payment_status"], "relief_granted");
    let (_, paid) = app
        .post_json(&clerk, &pay, json!({"action": "record_payment"}))
        .await;
    assert_eq!(paid["payment_status"], "paid");
    assert_eq!(
        app.post_json(&clerk, &pay, json!({"action": "record_payment"}))
            .await
            .0,
        StatusCode::CONFLICT
    );
    let (_, mine) = app.get_json(&defendant, "/api/v1/filings").await;
    assert!(mine
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["case_number"] == number.as_str()));

    // Tracking without logging in needs both the receipt number and the query code.
    let anon = client(None);
    let (status, tracked) = app
        .get_json(
            &anon,
            &format!("/api/v1/track?receipt={receipt_no}&code={code}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tracked["case_number"], number.as_str());
    assert!(!tracked.to_string().contains("张三") && !tracked.to_string().contains("220202"));
    let wrong = if code == "000000" { "000001" } else { "000000" };
    assert_eq!(
        app.get_json(
            &anon,
            &format!("/api/v1/track?receipt={receipt_no}&code={wrong}")
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
}

async fn concurrent_registrations_never_share_or_skip_a_number(app: TestApp) {
    db::accounts::create_staff(
        &app.db,
        domain::registration::AccountKind::Clerk,
        "clerk.changyi.2",
        "第二立案员",
        "demo-pass-2026".into(),
        "吉0202",
        0,
    )
    .await
    .unwrap();
    let filer = logged_in(&app, "13900000001").await;
    let mut ids = Vec::new();
    for i in 0..6 {
        let (id, _) =
            submitted_filing(&app, &filer, &resident_id(&format!("2202021980010100{i}"))).await;
        ids.push(id);
    }
    let clerks = [
        logged_in(&app, "clerk.changyi").await,
        logged_in(&app, "clerk.changyi.2").await,
    ];
    // Both clerks press "register" on every filing at the same moment.
    let mut tasks = Vec::new();
    for id in &ids {
        for c in &clerks {
            let (c, url) = (c.clone(), app.url(&format!("/api/v1/filings/{id}/review")));
            tasks.push(tokio::spawn(async move {
                let res = c
                    .post(url)
                    .json(&json!({"action": "register"}))
                    .send()
                    .await
                    .unwrap();
                (
                    res.status(),
                    res.json::<Value>().await.unwrap_or(Value::Null),
                )
            }));
        }
    }
    let results: Vec<(StatusCode, Value)> = futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let ok: Vec<&Value> = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .map(|(_, v)| v)
        .collect();
    assert_eq!(
        ok.len(),
        ids.len(),
        "each filing registered exactly once: {results:?}"
    );
    assert!(results
        .iter()
        .all(|(s, _)| *s == StatusCode::OK || *s == StatusCode::CONFLICT));
    let mut seqs: Vec<u32> = ok
        .iter()
        .map(|v| {
            domain::catalogue::CaseNumber::parse(v["case_number"].as_str().unwrap())
                .unwrap()
                .seq
        })
        .collect();
    seqs.sort();
    assert_eq!(
        seqs,
        (1..=ids.len() as u32).collect::<Vec<_>>(),
        "no gap, no duplicate"
    );
}

async fn review_actions_have_their_conditions(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    // Staff cannot file.
    assert_eq!(
        app.post_json(&clerk, "/api/v1/filings", loan_filing(""))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (id, _) = submitted_filing(&app, &filer, &resident_id("22020219800101007")).await;
    let review = |body: Value| {
        let (c, url) = (
            clerk.clone(),
            app.url(&format!("/api/v1/filings/{id}/review")),
        );
        async move {
            let res = c.post(url).json(&body).send().await.unwrap();
            (
                res.status(),
                res.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    // A refusal needs reasons.
    let (status, body) = review(json!({"action": "refuse"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["note"].is_string());
    // Diversion to pre-litigation mediation (the filer consented): a 民诉前调 number.
    let (status, diverted) = review(json!({"action": "divert"})).await;
    assert_eq!(status, StatusCode::OK, "{diverted}");
    assert_eq!(diverted["status"], "diverted");
    assert!(diverted["case_number"]
        .as_str()
        .unwrap()
        .contains("吉0202民诉前调1号"));
    // Registration waits while it is in mediation; the clerk's queue shows it as diverted, its deadline the end of
    // the thirty days.
    assert_eq!(
        review(json!({"action": "register"})).await.0,
        StatusCode::CONFLICT
    );
    let (_, queue) = app.get_json(&clerk, "/api/v1/courts/吉0202/queue").await;
    let row = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == json!(id))
        .cloned()
        .unwrap();
    assert_eq!(row["status"], "diverted", "{row}");
    let submitted_at = diverted["submitted_at"].clone();
    // Mediation failed: back to registration with a reason, the original filing date kept, seven days again.
    let (status, body) = review(json!({"action": "return_from_mediation"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, back) =
        review(json!({"action": "return_from_mediation", "note": "调解不成"})).await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["status"], "submitted");
    assert_eq!(
        back["submitted_at"], submitted_at,
        "the filing date is kept"
    );
    assert_ne!(back["review_deadline"], diverted["review_deadline"]);
    let (status, registered) = review(json!({"action": "register"})).await;
    assert_eq!(status, StatusCode::OK, "{registered}");
    assert!(
        registered["case_number"].as_str().unwrap().contains("民初"),
        "{registered}"
    );
    // Without consent there is no diversion; a refusal tells the filer how to appeal.
    let mut no_consent = loan_filing(&resident_id("22020219800101008"));
    no_consent["mediation_consent"] = json!(false);
    let (_, created) = app.post_json(&filer, "/api/v1/filings", no_consent).await;
    let id2 = created["id"].as_str().unwrap().to_string();
    assert_eq!(
        app.post_json(&filer, &format!("/api/v1/filings/{id2}/submit"), json!({}))
            .await
            .0,
        StatusCode::OK
    );
    let url2 = format!("/api/v1/filings/{id2}/review");
    // 先行立案 (法释〔2015〕8号 第八条): once the seven days have passed, the court registers first — it can no
    // longer ask for corrections or refuse — and the queue says so.
    sqlx::query("UPDATE filings SET review_deadline = '2026-01-05' WHERE id = $1")
        .bind(&id2)
        .execute(app.db.writer())
        .await
        .unwrap();
    let (_, queue) = app.get_json(&clerk, "/api/v1/courts/吉0202/queue").await;
    let row = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == json!(id2))
        .cloned()
        .unwrap();
    assert_eq!(row["overdue"], true, "{row}");
    let (status, body) = app
        .post_json(
            &clerk,
            &url2,
            json!({"action": "refuse", "note": "不符合起诉条件"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "register_first");
    let page = page_html(&app, &clerk, &format!("/filings/{id2}")).await;
    assert!(page.contains("先行立案"), "the clerk's page says why");
    sqlx::query("UPDATE filings SET review_deadline = '2099-01-05' WHERE id = $1")
        .bind(&id2)
        .execute(app.db.writer())
        .await
        .unwrap();
    assert_eq!(
        app.post_json(&clerk, &url2, json!({"action": "divert"}))
            .await
            .0,
        StatusCode::CONFLICT
    );
    let (status, refused) = app
        .post_json(
            &clerk,
            &url2,
            json!({"action": "refuse", "note": "不属于人民法院受理民事诉讼的范围"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, seen) = app
        .get_json(&filer, &format!("/api/v1/filings/{id2}"))
        .await;
    assert_eq!(seen["status"], "refused");
    assert!(
        seen["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["note"].as_str().unwrap().contains("上诉")),
        "{refused}"
    );
    // The risk estimate is available to other clients too.
    let (status, risk) = app.post_json(&filer, "/api/v1/risk", loan_filing("")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(risk["risk"]["level"].is_string() && risk["fee"]["total_fen"] == 230_000);
}

async fn upload(
    app: &TestApp,
    c: &Client,
    id: &str,
    label: &str,
    name: &str,
    bytes: Vec<u8>,
) -> String {
    let form = reqwest::multipart::Form::new()
        .text("label", label.to_string())
        .text("original", "true")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    let res = c
        .post(app.url(&format!("/filings/{id}/evidence/upload")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()["location"].to_str().unwrap().to_string()
}

async fn evidence_files_are_checked_by_their_bytes_and_served_only_to_those_who_may_see(
    app: TestApp,
) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101009")),
        )
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".to_vec();
    assert_eq!(
        upload(&app, &filer, &id, "借条扫描件", "jietiao.pdf", pdf.clone()).await,
        format!("/filings/{id}/evidence?uploaded=1")
    );
    // A program renamed to .pdf is refused by its content; nothing is added, and the step says why.
    let exe = b"MZ\x90\x00\x03 this is not a pdf".to_vec();
    assert_eq!(
        upload(&app, &filer, &id, "伪装文件", "fake.pdf", exe).await,
        format!("/filings/{id}/evidence?upload_error=wrong_type")
    );
    let mut big = b"%PDF-".to_vec();
    big.resize(domain::upload::MAX_UPLOAD_BYTES + 1, b'0');
    assert_eq!(
        upload(&app, &filer, &id, "太大", "big.pdf", big).await,
        format!("/filings/{id}/evidence?upload_error=too_large")
    );
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    let evidence = shown["draft"]["evidence"].as_array().unwrap();
    let attached: Vec<&Value> = evidence
        .iter()
        .filter(|e| e["file_id"].is_string())
        .collect();
    assert_eq!(attached.len(), 1, "{evidence:?}");
    assert_eq!(attached[0]["name"], "借条扫描件");
    let file_id = attached[0]["file_id"].as_str().unwrap();
    // The filer downloads exactly what was uploaded; a stranger gets 404.
    let res = filer
        .get(app.url(&format!("/files/{file_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let stranger = logged_in(&app, "13900000003").await;
    assert_eq!(
        stranger
            .get(app.url(&format!("/files/{file_id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // Another account cannot upload to this filing.
    let res = stranger
        .post(app.url(&format!("/filings/{id}/evidence/upload")))
        .multipart(reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1".to_vec()).file_name("x.pdf"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM evidence_files")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(n, 1);
}

async fn the_competent_court_is_suggested_from_the_places_named(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let mut f = loan_filing(&resident_id("22020219800101013"));
    // A loan: the place of performance (蛟河) and the defendant's domicile (丰满) are both competent (Art. 24).
    f["parties"][1]["address"] = json!("吉林省吉林市丰满区吉林大街2号");
    f["place"] = json!("吉林省蛟河市天岗镇");
    f["competent_court_code"] = json!("");
    let (status, created) = app.post_json(&filer, "/api/v1/filings", f).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    let courts: Vec<&str> = shown["competent_courts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["court_code"].as_str().unwrap())
        .collect();
    assert_eq!(courts, ["吉0281", "吉0211"], "{shown}");
    assert_eq!(
        shown["competent_courts"][0]["ground"],
        "contract_performance"
    );
    assert_eq!(
        shown["competent_courts"][1]["basis"],
        "《民事诉讼法》第二十四条"
    );

    // The court step names them, with the article, and preselects the first.
    let html = page_html(&app, &filer, &format!("/filings/{id}/court")).await;
    assert!(
        html.contains("蛟河市人民法院（吉0281）"),
        "suggestion shown"
    );
    assert!(html.contains("《民事诉讼法》第二十四条"));
    let competent_select = html
        .split(r#"name="competent_court_code""#)
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap();
    assert!(
        competent_select.contains(r#"<option value="吉0281" selected"#),
        "first competent court preselected"
    );

    // Filed at 昌邑 (cross-region) without naming the competent court: the rules' first court is recorded, and its
    // staff can see it.
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(shown["court_code"], "吉0202");
    assert_eq!(shown["competent_court_code"], "吉0281");

    // Real estate is exclusive: a lease follows only where the home lies, not the defendant.
    let mut lease = loan_filing(&resident_id("22020219800101021"));
    lease["cause"] = json!("house_lease");
    lease["place"] = json!("吉林市船营区某小区");
    lease["parties"][1]["address"] = json!("吉林市丰满区");
    let (_, created) = app.post_json(&filer, "/api/v1/filings", lease).await;
    let (_, shown) = app
        .get_json(
            &filer,
            &format!("/api/v1/filings/{}", created["id"].as_str().unwrap()),
        )
        .await;
    let courts: Vec<&str> = shown["competent_courts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["court_code"].as_str().unwrap())
        .collect();
    assert_eq!(courts, ["吉0204"]);
}

async fn a_credit_code_failing_its_check_needs_the_filers_confirmation(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let mut f = loan_filing("");
    f["parties"][1] = json!({"role": "defendant", "kind": "legal", "name": "吉林市某建材有限公司",
        "uscc": "91220200MA0Y000018", "address": "吉林市昌邑区通江路8号", "address_confirmed": true});
    let (_, created) = app.post_json(&filer, "/api/v1/filings", f.clone()).await;
    let id = created["id"].as_str().unwrap().to_string();
    let (status, refused) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused["errors"]["parties.1.uscc"]
            .as_str()
            .unwrap()
            .contains("GB 32100"),
        "{refused}"
    );
    f["parties"][1]["uscc_confirmed"] = json!(true);
    let (status, _) = put_json(&app, &filer, &format!("/api/v1/filings/{id}/draft"), f).await;
    assert_eq!(status, StatusCode::OK);
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
}

async fn answers_posted_after_the_session_expired_are_kept_for_the_filer_only(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(&filer, "/api/v1/filings", loan_filing(""))
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let expire_sessions = || async {
        sqlx::query("UPDATE sessions SET last_seen_at = 0")
            .execute(app.db.writer())
            .await
            .unwrap();
    };
    let facts_form = [
        ("facts", "登录超时前写下的事实：被告于2024年借款后失联。"),
        ("known_on", "2025-03-15"),
        ("last_instalment_due", ""),
    ];

    // The session times out while the filer writes; the step is posted anyway.
    expire_sessions().await;
    let res = filer
        .post(app.url(&format!("/filings/{id}/facts")))
        .form(&facts_form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/login?saved=1");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("portal_pending=") && cookie.contains("HttpOnly"));
    // Kept encrypted: the text is nowhere in the database in clear.
    let stored: String = sqlx::query_scalar("SELECT body_enc FROM pending_saves")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert!(!stored.contains("失联"));

    // Another account logging in on the same browser does not get them applied to anything.
    let res = login_form(&app, &filer, "13900000003").await;
    assert_eq!(res.headers()["location"], "/me");
    let owner = logged_in(&app, "13900000001").await;
    let (_, shown) = app.get_json(&owner, &format!("/api/v1/filings/{id}")).await;
    assert!(!shown["draft"]["facts"].as_str().unwrap().contains("失联"));

    // The filer: the answers go back into the draft at login, and the step page says so.
    expire_sessions().await;
    let res = filer
        .post(app.url(&format!("/filings/{id}/facts")))
        .form(&facts_form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/login?saved=1");
    let res = login_form(&app, &filer, "13900000001").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"],
        format!("/filings/{id}/facts?restored=1").as_str()
    );
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(
        shown["draft"]["facts"],
        "登录超时前写下的事实：被告于2024年借款后失联。"
    );
    // Taken once: nothing is left behind.
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_saves")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(left, 0);
}

/// The inline scripts that would run (not JSON data, not an external module): their attributes and their text.
fn running_inline_scripts(html: &str) -> Vec<(&str, &str)> {
    html.split("<script")
        .skip(1)
        .filter_map(|rest| rest.split_once('>'))
        .filter(|(attrs, _)| {
            !attrs.contains("src=") && !attrs.contains(r#"type="application/json""#)
        })
        .filter_map(|(attrs, after)| after.split_once("</script>").map(|(body, _)| (attrs, body)))
        .collect()
}

/// How many of them do not carry `nonce` (any, if none is given).
fn inline_scripts(html: &str, nonce: Option<&str>) -> usize {
    running_inline_scripts(html)
        .into_iter()
        .filter(|(attrs, _)| nonce.is_none_or(|n| !attrs.contains(&format!(r#"nonce="{n}""#))))
        .count()
}

/// The text of each.
fn inline_script_bodies(html: &str) -> Vec<&str> {
    running_inline_scripts(html)
        .into_iter()
        .map(|(_, body)| body)
        .collect()
}

/// The login form posted as a browser does, with the demo password.
async fn login_form(app: &TestApp, c: &Client, login: &str) -> reqwest::Response {
    c.post(app.url("/login"))
        .form(&[("login_name", login), ("password", "demo-pass-2026")])
        .send()
        .await
        .unwrap()
}

async fn an_unpaid_fee_past_its_deadline_ends_the_case_as_withdrawn(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (id, _) = submitted_filing(&app, &filer, &resident_id("22020219800101039")).await;
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let pay = format!("/api/v1/filings/{id}/payment");
    // Within the seven days (Art. 22) the case cannot be closed for non-payment, and the filer never can.
    let (status, body) = app
        .post_json(&clerk, &pay, json!({"action": "treat_as_withdrawn"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "not_overdue");
    sqlx::query("UPDATE filings SET payment_due = '2026-01-05' WHERE id = $1")
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    assert_eq!(
        app.post_json(&filer, &pay, json!({"action": "treat_as_withdrawn"}))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // The clerk's page offers it once the deadline has passed.
    let page = page_html(&app, &clerk, &format!("/filings/{id}")).await;
    assert!(page.contains(r#"value="treat_as_withdrawn""#));
    let (status, done) = app
        .post_json(&clerk, &pay, json!({"action": "treat_as_withdrawn"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["payment_status"], "treated_as_withdrawn");
    // Final: no payment is recorded afterwards; the filer sees why, with the event.
    assert_eq!(
        app.post_json(&clerk, &pay, json!({"action": "record_payment"}))
            .await
            .0,
        StatusCode::CONFLICT
    );
    let page = page_html(&app, &filer, &format!("/filings/{id}")).await;
    assert!(page.contains("未按期交费，按撤诉处理"));
}

/// A page's HTML as the given browser gets it.
async fn page_html(app: &TestApp, c: &Client, path: &str) -> String {
    c.get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// A stored value that does not read back (an unknown status, a draft that is not JSON) is an internal error —
/// never shown as a fresh draft, an empty one, or "not found".
async fn stored_rows_that_do_not_read_back_are_errors_not_defaults(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (status, f) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101047")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{f}");
    let id = f["id"].as_str().unwrap().to_string();
    // (The status column has a CHECK constraint; the payment status is what a bad write could leave unknown.)
    sqlx::query("UPDATE filings SET payment_status = 'paid_in_goats' WHERE id = $1")
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    let res = filer
        .get(app.url(&format!("/api/v1/filings/{id}")))
        .send()
        .await
        .unwrap();
    let body = assert_problem(
        res,
        StatusCode::INTERNAL_SERVER_ERROR,
        "unknown payment status",
    )
    .await;
    assert!(
        body["error_id"].is_string() && !body.to_string().contains("goats"),
        "{body}"
    );
    sqlx::query("UPDATE filings SET payment_status = NULL, draft_json = '{not json' WHERE id = $1")
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    let res = filer
        .get(app.url(&format!("/api/v1/filings/{id}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::INTERNAL_SERVER_ERROR, "draft not JSON").await;
    // And the filer's list does not quietly drop or blank it either.
    let res = filer.get(app.url("/api/v1/filings")).send().await.unwrap();
    assert_problem(
        res,
        StatusCode::INTERNAL_SERVER_ERROR,
        "list with a bad row",
    )
    .await;
}

/// A fee event records the payment status before and after (the filing's own status does not change).
async fn fee_events_record_the_payment_status_they_change(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (id, _) = submitted_filing(&app, &filer, &resident_id("22020219800101055")).await;
    // The review page names the parties' roles, not their codes.
    let page = page_html(&app, &clerk, &format!("/filings/{id}")).await;
    assert!(
        page.contains("（原告）") && !page.contains("（plaintiff）"),
        "roles shown raw"
    );
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let pay = format!("/api/v1/filings/{id}/payment");
    let (status, f) = app
        .post_json(
            &filer,
            &pay,
            json!({"action": "request_relief", "kind": "defer", "reason": "暂时困难"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let (status, f) = app
        .post_json(&clerk, &pay, json!({"action": "deny_relief"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let fee_events: Vec<(String, String, String)> = f["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["payment_to"].is_null())
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["payment_from"].as_str().unwrap().to_string(),
                e["payment_to"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        fee_events,
        vec![
            (
                "request_relief".into(),
                "unpaid".into(),
                "relief_requested".into()
            ),
            (
                "deny_relief".into(),
                "relief_requested".into(),
                "unpaid".into()
            ),
        ]
    );
}

mod calendar {
    //! The holiday calendar is data: a deadline in a year whose notice is not loaded says so.
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_deadline_without_its_years_holidays_says_so_on_the_page_and_in_the_api() {
        for (calendar, known) in [
            (domain::calendar::shipped(), true),
            (domain::calendar::HolidayCalendar::default(), false),
        ] {
            // The shipped notices cover 2025–2026; with none loaded, the seven days skip weekends only.
            let app =
                spawn_app_configured(Backend::Sqlite, domain::fees::FeeTable::JILIN, calendar)
                    .await;
            let filer = logged_in(&app, "13900000001").await;
            let (id, receipt) =
                submitted_filing(&app, &filer, &resident_id("22020219800101063")).await;
            let deadline = receipt["filing"]["review_deadline"]
                .as_str()
                .unwrap()
                .to_string();
            let deadline_year: i32 = deadline[..4].parse().unwrap();
            let covered = known && (2025..=2026).contains(&deadline_year);
            assert_eq!(
                receipt["filing"]["review_deadline_holidays_known"], covered,
                "{deadline}: {receipt}"
            );
            let page = page_html(&app, &filer, &format!("/filings/{id}")).await;
            assert_eq!(page.contains("尚未载入"), !covered, "{deadline}");
        }
    }
}

/// A crafted row index once made the server build 10,001 parties from a 20-byte body, or panic allocating: an index
/// the page cannot have sent, and a list past its bound, are refused with the field named — through the form and
/// through the API — and nothing is built or saved.
async fn row_indexes_and_list_lengths_are_bounded(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let id = new_draft(&app, &filer).await;
    for index in ["10000", "18446744073709551615"] {
        let res = filer
            .post(app.url(&format!("/filings/{id}/parties")))
            .form(&[(format!("parties.{index}.name"), "x".to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{index}");
        assert!(res.text().await.unwrap().contains("条目过多"), "{index}");
    }
    let (status, f) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        f["draft"]["parties"].as_array().unwrap().len(),
        2,
        "nothing was saved: the prefilled plaintiff and the empty defendant as they were"
    );
    assert_eq!(f["draft"]["parties"][0]["name"], "张三");
    assert_eq!(f["draft"]["parties"][1]["name"], "");
    // Through the API: a whole draft with more parties than a list may hold.
    let mut draft = loan_filing(&resident_id("22020219800101071"));
    let party = draft["parties"][1].clone();
    draft["parties"] = Value::Array(vec![party; 51]);
    let (status, body) =
        put_json(&app, &filer, &format!("/api/v1/filings/{id}/draft"), draft).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["errors"]["parties"].is_string(), "{body}");
}

// ---- Issue 9: hardening -------------------------------------------------------------------------------------

/// Query codes are 10 symbols without look-alikes; a wrong code and an unknown receipt are the same answer; failed
/// look-ups are limited per receipt (whether it exists or not) and per client, in the database.
async fn tracking_codes_are_unguessable_and_guessing_is_limited(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, receipt) = submitted_filing(&app, &filer, &resident_id("22020219800101005")).await;
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let code = receipt["query_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 10, "{code}");
    assert!(
        code.bytes()
            .all(|b| b"23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(&b)),
        "{code}"
    );
    // Stored only as a keyed hash bound to its receipt.
    let stored: String =
        sqlx::query_scalar("SELECT query_code_hash FROM filings WHERE receipt_no = $1")
            .bind(&no)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert!(
        stored.starts_with("h1:") && !stored.contains(&code),
        "{stored}"
    );
    let anon = client(Some(&app.base));
    let track = |receipt: &str, code: &str| {
        let url = app.url(&format!("/api/v1/track?receipt={receipt}&code={code}"));
        let c = anon.clone();
        async move {
            let res = c.get(url).send().await.unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    // Typed loosely (lower case, a space) it still opens.
    let loose = format!("{}%20{}", code[..5].to_lowercase(), &code[5..]);
    let (status, body) = track(&no, &loose).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["receipt_no"], no.as_str());
    assert!(
        body.to_string().find("张三").is_none(),
        "no personal data: {body}"
    );
    // A wrong code and an unknown receipt: the same answer, word for word.
    let (s1, wrong) = track(&no, "ABCDEFGHJK").await;
    let (s2, unknown) = track("SL20260101FFFFFFFF", "ABCDEFGHJK").await;
    assert_eq!((s1, s2), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    for key in ["type", "title", "detail", "code", "status"] {
        assert_eq!(wrong[key], unknown[key], "{key}");
    }
    // Ten failures on one receipt: then even the right code waits, and so does an unknown receipt's guesser.
    for _ in 0..9 {
        assert_eq!(track(&no, "ABCDEFGHJK").await.0, StatusCode::NOT_FOUND);
    }
    let (status, body) = track(&no, &code).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["code"], "rate_limited");
    // The client has failed 11 times; nine more (on other receipts) and it is stopped everywhere.
    for i in 0..9 {
        let _ = track(&format!("SL2026010100000{i:03}"), "ABCDEFGHJK").await;
    }
    assert_eq!(
        track("SL20260101EEEEEEEE", "ABCDEFGHJK").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The HTML page says the same in words, and keeps working for the filer's other clients elsewhere.
    let (_, html) = tracked_html(&app, &anon, &no, &code).await;
    assert!(
        html.contains("尝试次数过多") || html.contains("次数过多"),
        "{html}"
    );
}

/// The page cache keys only on what changes a page; any other query string is the same entry.
async fn the_page_cache_keeps_a_handful_of_pages_whatever_the_query(app: TestApp) {
    let c = client(None);
    let first = page_html(&app, &c, "/").await;
    // Every service that exists leads to its start; tracking needs no login.
    assert!(
        first.contains(r#"href="/filings""#) && first.contains(r#"href="/track""#),
        "{first}"
    );
    for i in 0..1000 {
        let res = c
            .get(app.url(&format!("/?utm_source=x{i}&q={i}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let _ = page_html(&app, &c, "/register?kind=lawyer&x=1").await;
    let _ = page_html(&app, &c, "/register?kind=whatever").await;
    assert!(app.pages.len() <= 3, "{} entries", app.pages.len());
    // The tracking page answers logged out.
    let res = c.get(app.url("/track")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

/// Drafts (ID numbers, mobiles, addresses of the parties) are encrypted in the database; rows from before are
/// encrypted at start-up and still read back.
async fn drafts_are_encrypted_at_rest(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101005")),
        )
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let raw = || async {
        sqlx::query_scalar::<_, String>("SELECT draft_json FROM filings WHERE id = $1")
            .bind(&id)
            .fetch_one(app.db.reader())
            .await
            .unwrap()
    };
    let stored = raw().await;
    for personal in [
        "220202199001011234",
        "13900000001",
        "13700000051",
        "解放北路",
        "张三",
    ] {
        assert!(!stored.contains(personal), "{personal} in clear: {stored}");
    }
    assert!(stored.starts_with("enc1:"));
    // A row written in clear (as before this change) is encrypted by the start-up migration and reads the same.
    let clear = serde_json::to_string(&loan_filing("")).unwrap();
    sqlx::query("UPDATE filings SET draft_json = $1 WHERE id = $2")
        .bind(&clear)
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    assert_eq!(db::filings::encrypt_clear_drafts(&app.db).await.unwrap(), 1);
    assert!(!raw().await.contains("220202199001011234"));
    let (status, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        shown["draft"]["parties"][0]["id_number"],
        "220202199001011234"
    );
    assert_eq!(db::filings::encrypt_clear_drafts(&app.db).await.unwrap(), 0);
}

/// A party other than the filer sees a filing only through a verified identity or the code the court served —
/// never because they registered first with the ID number it names.
async fn parties_get_access_only_through_verification_or_a_served_code(app: TestApp) {
    // Someone registers with the defendant's ID number (only its check digit is checked at registration).
    let defendant_id = resident_id("22020219800101005");
    let squatter = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &squatter,
            "/api/v1/accounts",
            citizen("13700000061", "22020219800101005"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let filer = logged_in(&app, "13900000001").await;
    let (id, receipt) = submitted_filing(&app, &filer, &defendant_id).await;
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = app
        .get_json(&squatter, &format!("/api/v1/filings/{id}"))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a matching ID number alone opens nothing"
    );
    let (_, mine) = app.get_json(&squatter, "/api/v1/filings").await;
    assert_eq!(mine.as_array().map(Vec::len), Some(0));

    // The court serves the real defendant a link code; only the clerk of the court can issue it.
    let (status, _) = app
        .post_json(
            &filer,
            &format!("/api/v1/filings/{id}/parties/1/link-code"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, issued) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/parties/1/link-code"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{issued}");
    let code = issued["code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 10);
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/parties/9/link-code"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no party 9");

    let real = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &real,
            "/api/v1/accounts",
            citizen("13700000062", "22020219910101006"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = app
        .post_json(
            &real,
            "/api/v1/me/filing-links",
            json!({"receipt": no, "code": "ABCDEFGHJK"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = app
        .post_json(
            &real,
            "/api/v1/me/filing-links",
            json!({"receipt": "", "code": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, linked) = app
        .post_json(
            &real,
            "/api/v1/me/filing-links",
            json!({"receipt": no.to_lowercase(), "code": code.to_lowercase()}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{linked}");
    assert_eq!(linked["filing_id"], id.as_str());
    let (status, _) = app.get_json(&real, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    // The code is spent: nobody else can use it.
    let (status, _) = app
        .post_json(
            &squatter,
            "/api/v1/me/filing-links",
            json!({"receipt": no, "code": code}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The identity desk: only clerks may record a verification; then filings naming the number open at submission.
    let (status, _) = app
        .post_json(
            &filer,
            "/api/v1/staff/identity-verifications",
            json!({"login_name": "13700000062"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, verified) = app
        .post_json(
            &clerk,
            "/api/v1/staff/identity-verifications",
            json!({"login_name": "13700000062"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    assert_eq!(verified["identity_verified"], true);
    assert_eq!(verified["display_name"], "赵*");
    let (id2, _) = submitted_filing(&app, &filer, &resident_id("22020219910101006")).await;
    let (status, _) = app.get_json(&real, &format!("/api/v1/filings/{id2}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, me) = app.get_json(&real, "/api/v1/me").await;
    assert_eq!(me["identity_verified"], true);
}

/// Evidence files are encrypted on disk, readable by the server's user only, under a quota per filing, and deleted
/// when the filer removes them; an upload does not overwrite answers saved while it was on its way.
async fn evidence_files_are_encrypted_private_bounded_and_removable(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(&filer, "/api/v1/filings", loan_filing(""))
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let pdf = "%PDF-1.4\n% evidence 借条 13900000001\n%%EOF\n"
        .as_bytes()
        .to_vec();
    upload(&app, &filer, &id, "借条扫描", "jietiao.pdf", pdf.clone()).await;
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    let file_id = shown["draft"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e["file_id"].as_str())
        .unwrap()
        .to_string();
    let raw = app.ctx.files.raw(&file_id).await.unwrap();
    assert_ne!(raw, pdf);
    assert!(!raw.windows(4).any(|w| w == b"%PDF"), "stored encrypted");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(app.ctx.files.location(&file_id).unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    let res = filer
        .get(app.url(&format!("/files/{file_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf.as_slice());

    // An upload whose answers are older than the last save (it started before the autosave) keeps the saved ones.
    let (status, _) = put_json(&app, &filer, &format!("/api/v1/filings/{id}/draft"), {
        let mut d = shown["draft"].clone();
        d["evidence"][0]["name"] = json!("借条（新名称）");
        d
    })
    .await;
    assert_eq!(status, StatusCode::OK);
    let caller = app::ssr::RequestInfo {
        ip: "127.0.0.1".into(),
        lang: domain::Lang::Zh,
        elderly: false,
        user: db::accounts::find_public(&app.db, "13900000001")
            .await
            .unwrap(),
        today: domain::date::shanghai_date(0),
        now_ms: 1, // the upload's headers arrived long before the save above
        device: None,
    };
    app::filing::service::add_evidence(
        &caller,
        &id,
        app::filing::service::Upload {
            label: "转账凭证".into(),
            original: true,
            file_name: "zhuanzhang.pdf".into(),
            bytes: pdf.clone(),
            answers: vec![("evidence.0.name".into(), "借条".into())],
        },
        &app.ctx,
    )
    .await
    .unwrap();
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(
        shown["draft"]["evidence"][0]["name"], "借条（新名称）",
        "{shown}"
    );

    // Removing the rows deletes the files.
    let mut d = shown["draft"].clone();
    d["evidence"] = json!([]);
    let (status, _) = put_json(&app, &filer, &format!("/api/v1/filings/{id}/draft"), d).await;
    assert_eq!(status, StatusCode::OK);
    assert!(app.ctx.files.raw(&file_id).await.is_err(), "bytes deleted");
    let res = filer
        .get(app.url(&format!("/files/{file_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The quota: 100 MB of evidence per filing.
    let big = {
        let mut b = b"%PDF-1.4\n".to_vec();
        b.resize(domain::upload::MAX_UPLOAD_BYTES, b'0');
        b
    };
    for _ in 0..10 {
        upload(&app, &filer, &id, "扫描件", "big.pdf", big.clone()).await;
    }
    let location = upload(&app, &filer, &id, "扫描件", "big.pdf", big.clone()).await;
    assert!(
        location.contains("upload_error=quota_exceeded"),
        "{location}"
    );
}

/// The smaller findings: weak passwords, registration limits, /rpc and /prefs input that gave 500s, the Origin's
/// scheme, anonymous saves per client, durable commits, the demo loader run twice, the limiter's purge.
async fn the_smaller_findings_hold(app: TestApp) {
    // A common password is refused next to its field.
    let mut form = citizen("13700000071", "22020219800101007");
    form["password"] = json!("woaini1314");
    form["password_confirm"] = json!("woaini1314");
    let (status, body) = app
        .post_json(&client(Some(&app.base)), "/api/v1/accounts", form)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["errors"]["password"]
            .as_str()
            .unwrap()
            .contains("常见"),
        "{body}"
    );
    // Registrations from one client are limited (10 an hour).
    let mut statuses = Vec::new();
    for i in 0..11 {
        let (status, _) = app
            .post_json(
                &client(Some(&app.base)),
                "/api/v1/accounts",
                citizen(
                    &format!("1370000{:04}", 7100 + i),
                    &format!("2202021980010{:04}", 7100 + i),
                ),
            )
            .await;
        statuses.push(status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // A server function sent arguments it cannot read: 400, not 500.
    let res = app
        .client
        .post(app.url("/rpc/track"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("receipt[=%ff&&code=")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    let res = app
        .client
        .post(app.url("/rpc/filing"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("nothing=1")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    // CR/LF in return_to: back home, not a 500.
    let res = app
        .client
        .post(app.url("/prefs"))
        .form(&[("lang", "en"), ("return_to", "/me\r\nSet-Cookie: x=1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/");
    // The same host over plain http is not this site when it runs on https — and the other way round.
    let https_origin = client(Some(&app.base.replace("http://", "https://")));
    let (status, _) = app
        .post_json(
            &https_origin,
            "/api/v1/session",
            json!({"login_name": "x", "password": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Anonymous wizard posts kept for a login: bounded per client.
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(&filer, "/api/v1/filings", loan_filing(""))
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let anon = client(Some(&app.base));
    let mut last = StatusCode::OK;
    for _ in 0..31 {
        last = anon
            .post(app.url(&format!("/filings/{id}/facts")))
            .form(&[
                ("facts", "x"),
                ("known_on", ""),
                ("last_instalment_due", ""),
            ])
            .send()
            .await
            .unwrap()
            .status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_saves")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(kept, 30);
    // Every commit on SQLite is synced (FULL = 2): an acknowledged receipt survives a power loss.
    if app.db.backend() == db::Backend::Sqlite {
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(app.db.writer())
            .await
            .unwrap();
        assert_eq!(sync, 2);
    }
    // The demo loader, run again, changes nothing and fails nowhere.
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accounts")
            .fetch_one(app.db.reader())
            .await
            .unwrap()
    };
    let before = count().await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    db::demo::load(
        &app.db,
        &app.ctx.keys,
        domain::date::shanghai_date(now),
        now,
    )
    .await
    .unwrap();
    assert_eq!(count().await, before);
    // Limiter rows whose window has passed are purged.
    assert!(db::limits::rows(&app.db).await.unwrap() > 0);
    db::limits::purge_expired(&app.db, i64::MAX).await.unwrap();
    assert_eq!(db::limits::rows(&app.db).await.unwrap(), 0);
}

/// Two instances on one database: failures counted on one stop guessing on the other, and a status changed through
/// one shows on the other's public look-up within its memory's freshness.
async fn limits_and_look_ups_hold_across_instances(app: TestApp) {
    let other = second_instance(&app).await;
    let filer = logged_in(&app, "13900000001").await;
    let (id, receipt) = submitted_filing(&app, &filer, &resident_id("22020219800101005")).await;
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let code = receipt["query_code"].as_str().unwrap().to_string();
    let anon = client(None);
    let track = |base: &str, code: &str| {
        let url = format!("{base}/api/v1/track?receipt={no}&code={code}");
        let c = anon.clone();
        async move {
            let res = c.get(url).send().await.unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    let (status, body) = track(&other, &code).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("submitted"))
    );
    // The clerk registers it through the first instance: the second shows it within the freshness window.
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let deadline = std::time::Instant::now()
        + std::time::Duration::from_millis(db::filings::TRACK_FRESH_MS as u64 + 2_000);
    loop {
        let (_, body) = track(&other, &code).await;
        if body["status"] == "registered" {
            assert!(
                body["case_number"]
                    .as_str()
                    .is_some_and(|n| n.contains("吉0202")),
                "{body}"
            );
            break;
        }
        assert!(std::time::Instant::now() < deadline, "still {body}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    // Ten failures through the first instance; the second learns of the block at its first failure and then
    // refuses even the right code.
    for _ in 0..10 {
        assert_eq!(
            track(&app.base, "ABCDEFGHJK").await.0,
            StatusCode::NOT_FOUND
        );
    }
    assert_ne!(track(&other, "ABCDEFGHJK").await.0, StatusCode::OK);
    assert_eq!(track(&other, &code).await.0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        track(&app.base, &code).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// The same party access without JavaScript: the clerk's identity desk and link-code button, and the party's link
/// form, as plain HTML forms with their outcomes on the page.
async fn party_access_works_as_plain_forms(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (id, receipt) = submitted_filing(&app, &filer, &resident_id("22020219800101005")).await;
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let clerk = logged_in(&app, "clerk.changyi").await;
    // The clerk's filing page offers a link code per party; issuing one shows it once, on that page only.
    let page = page_html(&app, &clerk, &format!("/filings/{id}")).await;
    assert!(
        page.contains(&format!("/filings/{id}/parties/1/link-code")),
        "{page}"
    );
    let res = clerk
        .post(app.url(&format!("/filings/{id}/parties/1/link-code")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = page_html(&app, &clerk, &format!("/filings/{id}")).await;
    let code = page
        .split(r#"class="link-code">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the code is shown")
        .to_string();
    assert_eq!(code.len(), 10, "{code}");
    assert!(!page_html(&app, &filer, &format!("/filings/{id}"))
        .await
        .contains(&code));
    // The party: a wrong code says so beside the form; the right one opens the filing.
    let party = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &party,
            "/api/v1/accounts",
            citizen("13700000081", "22020219920101008"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let me = page_html(&app, &party, "/me").await;
    assert!(
        me.contains(r#"action="/me/filing-links""#) && me.contains("未核验"),
        "{me}"
    );
    let res = party
        .post(app.url("/me/filing-links"))
        .form(&[("receipt", no.as_str()), ("code", "ABCDEFGHJK")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/me?link=not_found#link-heading");
    let me = page_html(&app, &party, "/me?link=not_found").await;
    assert!(me.contains("关联码不对"), "{me}");
    let res = party
        .post(app.url("/me/filing-links"))
        .form(&[("receipt", no.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], format!("/filings/{id}").as_str());
    // The identity desk on the clerk's account page.
    let desk = page_html(&app, &clerk, "/me").await;
    assert!(
        desk.contains(r#"action="/staff/identity-verifications""#),
        "{desk}"
    );
    let res = clerk
        .post(app.url("/staff/identity-verifications"))
        .form(&[("login_name", "137 0000 0081")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/me?verified=ok#desk-heading");
    let res = clerk
        .post(app.url("/staff/identity-verifications"))
        .form(&[("login_name", "13799999999")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["location"],
        "/me?verified=not_found#desk-heading"
    );
    assert!(page_html(&app, &party, "/me").await.contains("已核验"));
    // A citizen has no desk.
    let res = filer
        .post(app.url("/staff/identity-verifications"))
        .form(&[("login_name", "13700000081")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

// ---- Issue 10: the fee rules through the public API ---------------------------------------------------------

/// 《诉讼费用交纳办法》 through `/api/v1`: per-case IP fee without an amount, enforcement paid afterwards, wage claims
/// not prepaid, the preservation fee outside the 7-day payment, public summons and arbitration review per case —
/// and a filing's stored fee (the 7-day amount) following the same rules.
async fn fee_rules_hold_through_the_api(app: TestApp) {
    let quote = |body: Value| {
        let (c, url) = (app.client.clone(), app.url("/api/v1/fees/quote"));
        async move {
            let res = c.post(url).json(&body).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()
        }
    };
    let q = quote(json!({"fee_category": "public_summons"})).await;
    assert_eq!(q["acceptance_fee_fen"], 10_000);
    assert!(q["lines"][0]["basis"]
        .as_str()
        .unwrap()
        .contains("第十四条第（四）项"));
    let q = quote(json!({"fee_category": "arbitration_review"})).await;
    assert_eq!(q["acceptance_fee_fen"], 40_000);
    let q = quote(json!({"fee_category": "enforcement", "amount_fen": 10_000_000})).await;
    assert_eq!(
        (q["pay_when"].as_str(), &q["due_on_filing_fen"]),
        (Some("after_enforcement"), &json!(0))
    );
    assert_eq!(
        q["acceptance_fee_fen"], 140_000,
        "Art. 14(1): 50 + 1.5% × 90,000 = 1,400 yuan, shown as due later"
    );
    let q = quote(json!({"fee_category": "labour", "wage_claim": true})).await;
    assert_eq!(
        (q["pay_when"].as_str(), &q["due_on_filing_fen"]),
        (Some("not_prepaid_wages"), &json!(0))
    );
    let q = quote(json!({"fee_category": "property", "amount_fen": 5_000_000, "preservation_amount_fen": 5_000_000}))
        .await;
    assert_eq!(
        (q["total_fen"].as_i64(), q["due_on_filing_fen"].as_i64()),
        (Some(157_000), Some(105_000))
    );

    // A filing: an IP case claiming no amount is charged per case, not 50 yuan as a property case.
    let filer = logged_in(&app, "13900000001").await;
    let mut ip = loan_filing(&resident_id("22020219800101005"));
    ip["cause"] = json!("ip");
    ip["claims"] = json!([{"text": "判令被告停止侵害涉案作品著作权", "amount": ""}]);
    let (status, created) = app.post_json(&filer, "/api/v1/filings", ip).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap();
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    assert_eq!(
        receipt["filing"]["fee_total_fen"], 50_000,
        "Art. 13(3): 500 yuan a case in Jilin"
    );
    // An enforcement application: registered without a payment due, so it can never be treated as withdrawn.
    let mut enf = loan_filing(&resident_id("22020219800101005"));
    enf["cause"] = json!("enforcement");
    enf["claims"] =
        json!([{"text": "申请强制执行（2025）吉0202民初1号民事判决", "amount": "100,000"}]);
    enf["evidence"] = json!([{"name": "生效法律文书（民事判决书）", "original": true}]);
    let (_, created) = app.post_json(&filer, "/api/v1/filings", enf).await;
    let id = created["id"].as_str().unwrap().to_string();
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    assert_eq!(receipt["filing"]["fee_total_fen"], 0);
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, registered) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{registered}");
    assert_eq!(registered["payment_status"], "not_required", "{registered}");
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/payment"),
            json!({"action": "treat_as_withdrawn"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

/// Time limits through `/api/v1/risk`: none for support and divorce (民法典 Art. 196), one year for labour
/// arbitration, six months for an administrative suit — each citing its article.
async fn time_limits_follow_the_cause_through_the_api(app: TestApp) {
    let risk = |cause: &str, known_on: &str| {
        let mut draft = loan_filing(&resident_id("22020219800101005"));
        draft["cause"] = json!(cause);
        draft["known_on"] = json!(known_on);
        let (c, url) = (app.client.clone(), app.url("/api/v1/risk"));
        async move {
            let res = c.post(url).json(&draft).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()
        }
    };
    let codes = |r: &Value| -> Vec<String> {
        r["risk"]["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    for cause in ["support", "divorce"] {
        let r = risk(cause, "2001-01-01").await;
        assert!(r["risk"]["limitation"].is_null(), "{cause}: {r}");
        assert!(
            !codes(&r).iter().any(|c| c.starts_with("limitation")),
            "{cause}: {r}"
        );
    }
    let r = risk("labour_pay", "2020-01-01").await;
    assert_eq!(
        r["risk"]["limitation"]["basis"], "劳动争议调解仲裁法第二十七条第一款",
        "{r}"
    );
    assert_eq!(r["risk"]["limitation"]["expired"], true);
    let r = risk("private_loan", "2020-01-01").await;
    assert_eq!(
        r["risk"]["limitation"]["basis"],
        "民法典第一百八十八条第一款"
    );
    let r = risk("administrative", "2020-01-01").await;
    assert_eq!(
        r["risk"]["limitation"]["basis"],
        "行政诉讼法第四十六条第一款"
    );
    // 民法典第一百九十五条: a demand on 2024-06-03 restarts the three years of a claim known in 2020; the filer may
    // write the date as people do.
    let mut draft = loan_filing(&resident_id("22020219800101005"));
    draft["known_on"] = json!("2020/1/1");
    draft["interrupted_on"] = json!("2024年6月3日");
    let res = app
        .client
        .post(app.url("/api/v1/risk"))
        .json(&draft)
        .send()
        .await
        .unwrap();
    let r: Value = res.json().await.unwrap();
    assert_eq!(
        r["risk"]["limitation"]["basis"], "民法典第一百九十五条",
        "{r}"
    );
    assert_eq!(
        r["risk"]["limitation"]["expires_on"],
        json!({"year": 2027, "month": 6, "day": 3}),
        "{r}"
    );
    assert_eq!(r["risk"]["limitation"]["expired"], false);
    // An amount written "5万" is fifty thousand yuan, never nothing.
    draft["claims"][0]["amount"] = json!("5万");
    let r: Value = app
        .client
        .post(app.url("/api/v1/risk"))
        .json(&draft)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        r["fee"]["acceptance_fee_fen"], 105_000,
        "Art. 13: 50 + 40,000 × 2.5% = 1,050 yuan: {r}"
    );
}

/// The competent court through `/api/v1/filings/{id}`: inheritance only at the estate or the deceased's domicile
/// (民诉法 Art. 34(3)); property services by contract (Art. 24), the defendant's domicile counting too.
async fn competent_courts_follow_the_corrected_rules_through_the_api(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let suggested = |cause: &str, place: &str| {
        let mut d = loan_filing(&resident_id("22020219800101005"));
        d["cause"] = json!(cause);
        d["place"] = json!(place);
        d["parties"][1]["address"] = json!("吉林市丰满区吉林大街2号");
        let (app, filer) = (&app, &filer);
        async move {
            let (status, created) = app.post_json(filer, "/api/v1/filings", d).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            let id = created["id"].as_str().unwrap();
            let (_, f) = app.get_json(filer, &format!("/api/v1/filings/{id}")).await;
            f["competent_courts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["court_code"].as_str().unwrap().to_string(),
                        s["basis"].as_str().unwrap().to_string(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let s = suggested("inheritance", "吉林市蛟河市新农街道").await;
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].0, "吉0281");
    assert!(s[0].1.contains("第三十四条第（三）项"));
    let s = suggested("property_service", "吉林市昌邑区某小区").await;
    assert_eq!(
        s.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        ["吉0202", "吉0211"],
        "{s:?}"
    );
    assert!(s[0].1.contains("第二十四条"));
    // Judicial confirmation (Art. 205), enforcement (Art. 235) and administrative suits (行政诉讼法 Art. 18).
    let s = suggested("judicial_confirmation", "").await;
    assert_eq!(s[0].0, "吉0202", "the plaintiff's domicile counts: {s:?}");
    assert!(s.iter().all(|(_, b)| b.contains("第二百零五条")), "{s:?}");
    let s = suggested("enforcement", "蛟河市天岗镇").await;
    assert_eq!(
        s.iter()
            .map(|(c, b)| (c.as_str(), b.as_str()))
            .collect::<Vec<_>>(),
        [
            ("吉0281", "《民事诉讼法》第二百三十五条第一款"),
            ("吉0211", "《民事诉讼法》第二百三十五条第二款")
        ]
    );
    let s = suggested("administrative", "").await;
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].1, "《行政诉讼法》第十八条第一款");
}

/// Level jurisdiction (法发〔2021〕27号) and agreed jurisdiction (民诉法 Art. 35) at submission: a basic court is
/// refused for a claim of 6亿 within the province; an agreed court must be tied to the dispute and is then the
/// competent court.
async fn level_and_agreed_jurisdiction_are_checked_at_submission(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let submit = |d: Value| {
        let (app, filer) = (&app, &filer);
        async move {
            let (status, created) = app.post_json(filer, "/api/v1/filings", d).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            let id = created["id"].as_str().unwrap().to_string();
            app.post_json(filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
                .await
        }
    };
    // The problem's `errors` map: field → message in the request's language (Chinese by default).
    let message =
        |v: &Value, field: &str| v["errors"][field].as_str().unwrap_or_default().to_string();
    let mut big = loan_filing(&resident_id("22020219800101005"));
    big["claims"][0]["amount"] = json!("600000000");
    let (status, problem) = submit(big.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        message(&problem, "competent_court_code").contains("中级人民法院"),
        "{problem}"
    );
    big["competent_court_code"] = json!("吉02");
    let (status, ok) = submit(big).await;
    assert_eq!(status, StatusCode::OK, "{ok}");

    // An agreed court with no tie to the dispute is refused; the claimant's domicile (昌邑区) is one.
    let mut agreed = loan_filing(&resident_id("22020219800101005"));
    agreed["parties"][1]["address"] = json!("吉林市丰满区吉林大街2号");
    agreed["competent_court_code"] = json!("");
    agreed["agreed_clause"] = json!("因本合同引起的争议，由出借人住所地人民法院管辖。");
    agreed["agreed_court_code"] = json!("吉0281");
    agreed["agreed_connection"] = json!("plaintiff_domicile");
    let (status, problem) = submit(agreed.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        message(&problem, "agreed_court_code").contains("辖区"),
        "{problem}"
    );
    agreed["agreed_court_code"] = json!("吉0202");
    let (status, ok) = submit(agreed.clone()).await;
    assert_eq!(status, StatusCode::OK, "{ok}");
    assert_eq!(ok["filing"]["competent_court_code"], "吉0202", "{ok}");
    // A divorce cannot agree on a court.
    agreed["cause"] = json!("divorce");
    agreed["claims"] = json!([{"text": "判令原被告离婚", "amount": ""}]);
    let (status, problem) = submit(agreed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        message(&problem, "agreed_court_code").contains("第三十五条"),
        "{problem}"
    );
}

// ---- The payment notice (交费通知书) -------------------------------------------------------------------------

/// After registration the filer gets the payment notice: each line with its article (the preservation fee apart,
/// outside the seven days), the total due and the deadline (Art. 22), the court's account, a payment reference
/// whose check character catches a typing error, and the province's online address with its QR code on the
/// printable page. Another person gets 404; the public look-up shows the fee, the deadline, and "paid" once the
/// clerk confirms receipt. An enforcement application has nothing to prepay and no deadline.
async fn the_payment_notice_says_how_much_by_when_where_and_under_which_reference(app: TestApp) {
    use domain::payment_notice::PaymentReference;
    let filer = logged_in(&app, "13900000001").await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let mut draft = loan_filing(&resident_id("22020219800101063"));
    draft["preservation_amount"] = json!("50,000");
    let (status, created) = app.post_json(&filer, "/api/v1/filings", draft).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let (status, receipt) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let notice_api = format!("/api/v1/filings/{id}/payment-notice");
    let notice_page = format!("/filings/{id}/payment-notice");
    // No notice before registration sends it.
    let res = filer.get(app.url(&notice_api)).send().await.unwrap();
    assert_problem(res, StatusCode::CONFLICT, "notice before registration").await;
    let (status, registered) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/review"),
            json!({"action": "register"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{registered}");
    let due = registered["payment_due"].as_str().unwrap().to_string();

    let (status, n) = app.get_json(&filer, &notice_api).await;
    assert_eq!(status, StatusCode::OK, "{n}");
    assert_eq!(n["total_due_fen"], 230_000, "2,300 yuan within seven days");
    assert_eq!(n["total_due_fen"], registered["fee_total_fen"]);
    assert_eq!(n["payment_due"], due.as_str());
    assert_eq!(n["payment_status"], "unpaid");
    assert_eq!(n["case_number"], registered["case_number"]);
    let lines = n["lines"].as_array().unwrap();
    let within: i64 = lines
        .iter()
        .filter(|l| l["due"] == "within_seven_days")
        .map(|l| l["amount_fen"].as_i64().unwrap())
        .sum();
    assert_eq!(within, 230_000, "the seven-day lines add up to the total");
    assert!(lines[0]["basis"]
        .as_str()
        .unwrap()
        .contains("第十三条第（一）项"));
    let preservation: Vec<&Value> = lines
        .iter()
        .filter(|l| l["due"] == "with_preservation_application")
        .collect();
    assert_eq!(preservation.len(), 1, "{lines:?}");
    assert_eq!(preservation[0]["amount_fen"], 52_000, "30 + 1% × 49,000");
    assert!(preservation[0]["basis"]
        .as_str()
        .unwrap()
        .contains("第十四条第（二）项"));
    assert_eq!(n["account"]["account_name"], "吉林市昌邑区人民法院");
    assert_eq!(n["account"]["account_number"], "9999 0000 22 0202 01");
    assert_eq!(n["demo_accounts"], true);
    let reference = n["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("220202"), "{reference}");
    assert_eq!(
        PaymentReference::parse(&reference).map(|r| r.as_str().to_string()),
        Ok(reference.clone()),
        "a valid check character"
    );
    let mut mistyped = reference.clone().into_bytes();
    mistyped[8] = if mistyped[8] == b'7' { b'8' } else { b'7' };
    assert!(PaymentReference::parse(std::str::from_utf8(&mistyped).unwrap()).is_err());
    assert_eq!(
        PaymentReference::parse(n["reference_grouped"].as_str().unwrap())
            .unwrap()
            .as_str(),
        reference
    );
    let url = format!("https://pay.example/court?ref={reference}");
    assert_eq!(n["payment_provider"], "configured_url");
    assert_eq!(n["payment_url"], url.as_str());
    // Stable: asked again, the same reference.
    assert_eq!(
        app.get_json(&filer, &notice_api).await.1["reference"],
        reference.as_str()
    );

    // The printable page: the lines, the deadline with Art. 22, the account, the reference, the QR code (an inline
    // SVG with a text alternative) and the address printed beside it, relief linked to the filer's form.
    let res = filer.get(app.url(&notice_page)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let relief = format!("/filings/{id}#relief");
    for expected in [
        "交费通知书",
        "第十四条第（二）项",
        "第二十二条",
        due.as_str(),
        "9999 0000 22 0202 01",
        n["reference_grouped"].as_str().unwrap(),
        "<svg",
        r#"role="img""#,
        r#"aria-label="在线交费地址的二维码"#,
        url.as_str(),
        relief.as_str(),
        "data-print",
    ] {
        assert!(html.contains(expected), "{expected} not on the page");
    }
    assert!(!html.contains("<?xml"), "the SVG is inline HTML");
    // The filing's page leads to it, and the clerk of the court sees it too.
    assert!(page_html(&app, &filer, &format!("/filings/{id}"))
        .await
        .contains(&notice_page));
    assert_eq!(app.get_json(&clerk, &notice_api).await.0, StatusCode::OK);
    assert!(page_html(&app, &clerk, &notice_page).await.contains("<svg"));
    // Anyone else: 404, as if the filing did not exist; nobody logged in: 401.
    for login in ["13900000003", "clerk.dunhua"] {
        let other = logged_in(&app, login).await;
        let res = other.get(app.url(&notice_api)).send().await.unwrap();
        assert_problem(res, StatusCode::NOT_FOUND, login).await;
        let res = other.get(app.url(&notice_page)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{login}: page");
        assert!(!res.text().await.unwrap().contains(&reference));
    }
    let res = client(Some(&app.base))
        .get(app.url(&notice_api))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::UNAUTHORIZED, "anonymous").await;

    // The public look-up shows the fee and the deadline, then "paid" once the clerk confirms receipt.
    let receipt_no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let code = receipt["query_code"].as_str().unwrap().to_string();
    let track = format!("/api/v1/track?receipt={receipt_no}&code={code}");
    let (status, t) = app.get_json(&app.client, &track).await;
    assert_eq!(status, StatusCode::OK, "{t}");
    assert_eq!(
        (&t["fee_total_fen"], &t["payment_status"], &t["payment_due"]),
        (&json!(230_000), &json!("unpaid"), &json!(due))
    );
    let html = tracked_html(&app, &client(Some(&app.base)), &receipt_no, &code)
        .await
        .1;
    assert!(
        html.contains("待交费") && html.contains("2,300.00") && html.contains(&due),
        "the tracking page shows the fee and the deadline"
    );
    let (status, paid) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{id}/payment"),
            json!({"action": "record_payment"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{paid}");
    let (_, t) = app.get_json(&app.client, &track).await;
    assert_eq!(
        (
            &t["payment_status"],
            &t["payment_status_label"],
            &t["payment_due"]
        ),
        (&json!("paid"), &json!("已交费"), &Value::Null)
    );
    assert!(
        tracked_html(&app, &client(Some(&app.base)), &receipt_no, &code)
            .await
            .1
            .contains("已交费")
    );
    let (_, n) = app.get_json(&filer, &notice_api).await;
    assert_eq!(
        (&n["payment_status"], &n["payment_url"], &n["payment_due"]),
        (&json!("paid"), &Value::Null, &Value::Null),
        "nothing left to pay: no address, no deadline"
    );
    assert_eq!(n["reference"], reference.as_str());

    // Enforcement: the fee is paid after enforcement (Art. 20) — shown, with no prepayment and no deadline.
    let mut enf = loan_filing(&resident_id("22020219800101063"));
    enf["cause"] = json!("enforcement");
    enf["claims"] =
        json!([{"text": "申请强制执行（2025）吉0202民初1号民事判决", "amount": "100,000"}]);
    enf["evidence"] = json!([{"name": "生效法律文书（民事判决书）", "original": true}]);
    let (_, created) = app.post_json(&filer, "/api/v1/filings", enf).await;
    let id = created["id"].as_str().unwrap().to_string();
    let (status, _) = app
        .post_json(&filer, &format!("/api/v1/filings/{id}/submit"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    app.post_json(
        &clerk,
        &format!("/api/v1/filings/{id}/review"),
        json!({"action": "register"}),
    )
    .await;
    let (status, n) = app
        .get_json(&filer, &format!("/api/v1/filings/{id}/payment-notice"))
        .await;
    assert_eq!(status, StatusCode::OK, "{n}");
    assert_eq!(
        (
            &n["total_due_fen"],
            &n["pay_when"],
            &n["payment_due"],
            &n["payment_url"]
        ),
        (
            &json!(0),
            &json!("after_enforcement"),
            &Value::Null,
            &Value::Null
        )
    );
    assert_eq!(n["lines"][0]["due"], "after_enforcement");
    assert!(n["lines"][0]["amount_fen"].as_i64().unwrap() > 0);
    let html = page_html(&app, &filer, &format!("/filings/{id}/payment-notice")).await;
    assert!(html.contains("本案无需预交案件受理费") && !html.contains("<svg"));
}

/// The risk estimate is computed from the filing's own content, through the API and on the check page: an empty
/// draft is not assessed; a complete loan claim is low and is not charged with the standard claim for costs or with
/// a fee it can pay; an agreed rate above four times the LPR (民间借贷规定第二十五条) is named with its cap, and the
/// rate travels in the draft from the claims step's form.
async fn the_risk_estimate_tells_filings_apart(app: TestApp) {
    let estimate = |draft: Value| {
        let (c, url) = (app.client.clone(), app.url("/api/v1/risk"));
        async move {
            let res = c.post(url).json(&draft).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()["risk"].clone()
        }
    };
    let codes = |r: &Value| -> Vec<String> {
        r["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let empty = estimate(json!({})).await;
    assert!(empty["level"].is_null(), "{empty}");
    assert_eq!(
        empty["missing"],
        json!(["cause", "parties", "claims", "facts"])
    );
    assert_eq!(empty["factors"], json!([]));

    let mut complete = loan_filing("");
    complete["claims"]
        .as_array_mut()
        .unwrap()
        .push(json!({"text": "判令被告承担本案诉讼费用", "amount": ""}));
    complete["defendant_assets_known"] = json!(true);
    let low = estimate(complete.clone()).await;
    assert_eq!(low["level"], "low", "{low}");
    assert_eq!(codes(&low), vec!["thin_evidence"], "{low}");
    assert!(low["factors"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("催款记录"));
    assert_eq!(low["evidence"][1]["item"], "转账凭证或收条");
    assert_eq!(low["evidence"][1]["status"], "listed");

    // 2024-03 loan (the facts' date): 3.45 % × 4 = 13.8 %.
    let mut usurious = complete.clone();
    usurious["agreed_interest_rate"] = json!("24");
    let r = estimate(usurious).await;
    let interest = r["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "interest_above_cap")
        .unwrap_or_else(|| panic!("{r}"));
    assert!(
        interest["reason"].as_str().unwrap().contains("13.8%")
            && interest["basis"].as_str().unwrap().contains("第二十五条"),
        "{interest}"
    );
    assert_eq!(r["level"], "medium");

    // The check page of an empty draft says it is not assessed yet, and where to start.
    let filer = logged_in(&app, "13900000001").await;
    let (status, created) = app.post_json(&filer, "/api/v1/filings", json!({})).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap().to_string();
    let page = page_html(&app, &filer, &format!("/filings/{id}/check")).await;
    assert!(page.contains("信息不足，暂不评估"), "{page}");
    assert!(page.contains(&format!("href=\"/filings/{id}/parties\"")));

    // The agreed rate is asked on the claims step, saved from its form as typed, and checked.
    let res = filer
        .put(app.url(&format!("/api/v1/filings/{id}/draft")))
        .json(&complete)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = page_html(&app, &filer, &format!("/filings/{id}/claims")).await;
    assert!(page.contains("id=\"f-agreed_interest_rate\""), "{page}");
    let res = filer
        .post(app.url(&format!("/filings/{id}/claims")))
        .form(&[
            ("claims.0.text", "判令被告偿还借款本金"),
            ("claims.0.amount", "100000"),
            ("agreed_interest_rate", "两分"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(shown["draft"]["agreed_interest_rate"], "两分");
    assert!(
        shown["field_errors"]["agreed_interest_rate"].is_string(),
        "{shown}"
    );
    let res = filer
        .post(app.url(&format!("/filings/{id}/claims")))
        .form(&[
            ("claims.0.text", "判令被告偿还借款本金"),
            ("claims.0.amount", "100000"),
            ("agreed_interest_rate", "24%"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, shown) = app.get_json(&filer, &format!("/api/v1/filings/{id}")).await;
    assert!(shown["field_errors"]["agreed_interest_rate"].is_null());
    assert!(
        codes(&shown["risk"]).contains(&"interest_above_cap".to_string()),
        "{shown}"
    );
    let page = page_html(&app, &filer, &format!("/filings/{id}/check")).await;
    assert!(
        page.contains("风险等级") && page.contains("13.8%"),
        "{page}"
    );
}

/// The tracking page as a browser without JavaScript uses it: the form posted, then (when it matched) the page it
/// redirects to. The status of the post (303 when it matched) and the HTML shown.
async fn tracked_html(
    app: &TestApp,
    c: &Client,
    receipt: &str,
    code: &str,
) -> (StatusCode, String) {
    let res = c
        .post(app.url("/track"))
        .form(&[("receipt", receipt), ("code", code)])
        .send()
        .await
        .unwrap();
    let status = res.status();
    if status != StatusCode::SEE_OTHER {
        return (status, res.text().await.unwrap());
    }
    assert_eq!(
        res.headers()["location"],
        "/track",
        "the result page carries no code"
    );
    (status, page_html(app, c, "/track").await)
}

/// The one-time code in a message: the token of 8 (reset) or 10 (query code) symbols from the codes' alphabet.
fn code_in(body: &str, len: usize) -> String {
    body.split(|c: char| !c.is_ascii_alphanumeric())
        .find(|t| t.len() == len && t.bytes().all(|b| db::crypto::CODE_ALPHABET.contains(&b)))
        .unwrap_or_else(|| panic!("no {len}-symbol code in {body:?}"))
        .to_string()
}

/// The newest message the outbox holds for an account.
async fn last_message(app: &TestApp, account_id: &str) -> db::outbox::OutboxMessage {
    db::outbox::for_account(&app.db, account_id, 1)
        .await
        .unwrap()
        .pop()
        .expect("a message in the outbox")
}

/// The error shown next to a form field, as the page renders it.
fn field_error<'a>(html: &'a str, field: &str) -> &'a str {
    let at = html
        .find(&format!(r#"id="f-{field}-error""#))
        .unwrap_or_else(|| panic!("no error element for {field}"));
    let rest = &html[at..];
    let start = rest.find('>').map(|i| i + 1).unwrap_or(0);
    let end = rest.find("</p>").unwrap_or(rest.len());
    rest[start..end].trim_end_matches("<!>")
}

/// 忘记密码 through the API: the code goes to the account's own mobile through the outbox (masked and encrypted at
/// rest), the answer is the same for an unknown login, the code works once within 15 minutes and dies after five
/// wrong tries, the new password follows the registration rules, and setting it ends every session and is audited.
async fn a_forgotten_password_is_reset_with_a_code_sent_to_the_accounts_own_mobile(app: TestApp) {
    let mobile = "13700001234";
    let owner = client(Some(&app.base));
    let (status, account) = app
        .post_json(
            &owner,
            "/api/v1/accounts",
            citizen(mobile, "22020219900101601"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{account}");
    let account_id = account["id"].as_str().unwrap().to_string();
    let anon = client(Some(&app.base));
    let ask = |login: &'static str| {
        let c = anon.clone();
        let url = app.url("/api/v1/password-resets");
        async move {
            let res = c
                .post(url)
                .json(&json!({ "login_name": login }))
                .send()
                .await
                .unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    // The same answer, word for word, whether or not the login has an account.
    let (s1, known) = ask("+86 137-0000-1234").await;
    let (s2, unknown) = ask("13700009999").await;
    assert_eq!((s1, s2), (StatusCode::ACCEPTED, StatusCode::ACCEPTED));
    assert_eq!(known, unknown);
    assert_eq!(known["valid_for_secs"], 900);
    // One message, to the account's own mobile, in the outbox for the SMS gateway; nothing for the unknown login.
    let all = db::outbox::pending(&app.db, 100).await.unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    let m = last_message(&app, &account_id).await;
    assert_eq!(
        (
            m.channel,
            m.recipient.as_str(),
            m.recipient_masked.as_str(),
            m.purpose.as_str()
        ),
        (
            db::outbox::OutboxChannel::Sms,
            mobile,
            "137****1234",
            "password_reset"
        )
    );
    let code = code_in(&m.body, 8);
    assert!(m.body.contains("15"), "{}", m.body);
    // At rest: the body and the mobile encrypted, the code only as a keyed hash.
    let (body_enc, recipient_enc): (String, String) =
        sqlx::query_as("SELECT body_enc, recipient_enc FROM notifications WHERE id = $1")
            .bind(&m.id)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert!(!body_enc.contains(&code) && !recipient_enc.contains(mobile));
    let hash: String =
        sqlx::query_scalar("SELECT code_hash FROM password_resets WHERE account_id = $1")
            .bind(&account_id)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert!(hash.starts_with("h1:") && !hash.contains(&code), "{hash}");

    let confirm = |code: String, password: &'static str| {
        let c = anon.clone();
        let url = app.url("/api/v1/password-resets/confirm");
        async move {
            let res = c
                .post(url)
                .header("accept-language", "en")
                .json(
                    &json!({"login_name": mobile, "code": code, "password": password,
                              "password_confirm": password}),
                )
                .send()
                .await
                .unwrap();
            (
                res.status(),
                res.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    // A wrong code: 422 on the code field, in the caller's language.
    let (status, body) = confirm("ABCD2345".into(), "new-secret-2027").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["errors"]["code"].as_str().unwrap().contains("code"),
        "{body}"
    );
    // The registration's password rules: too short, too common, not matching — and the code is not spent on them.
    let (status, body) = confirm(code.clone(), "short").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["password"].is_string(), "{body}");
    let (status, body) = confirm(code.clone(), "12345678").await;
    assert_eq!(
        (status, &body["errors"]["password"]),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            &json!(app::texts::Message::message(
                domain::FieldError::PasswordCommon,
                domain::Lang::En
            ))
        ),
        "{body}"
    );
    // The owner is still logged in elsewhere; the right code sets the password and ends that session too.
    assert_eq!(app.get_json(&owner, "/api/v1/me").await.0, StatusCode::OK);
    let (status, body) = confirm(code.to_lowercase(), "new-secret-2027").await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(
        app.get_json(&owner, "/api/v1/me").await.0,
        StatusCode::UNAUTHORIZED
    );
    let login = |password: &'static str| {
        let c = client(Some(&app.base));
        let url = app.url("/api/v1/session");
        async move {
            c.post(url)
                .json(&json!({"login_name": mobile, "password": password}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(login("secret-pass-1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(login("new-secret-2027").await, StatusCode::OK);
    // Used once: the same code again is refused.
    let (status, body) = confirm(code.clone(), "another-secret-9").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["errors"]["code"].is_string());
    // Audited, with the sessions it ended.
    let audited: Vec<(String, String)> = sqlx::query_as(
        "SELECT action, detail FROM audit_log WHERE subject = $1 AND action LIKE 'account.password_reset%' ORDER BY id",
    )
    .bind(format!("account:{account_id}"))
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    assert_eq!(
        audited,
        vec![
            (
                "account.password_reset_requested".to_string(),
                String::new()
            ),
            (
                "account.password_reset".to_string(),
                "sessions_ended=1".to_string()
            ),
        ]
    );

    // Past fifteen minutes a code no longer works.
    let (status, _) = ask("13700001234").await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let late = code_in(&last_message(&app, &account_id).await.body, 8);
    sqlx::query("UPDATE password_resets SET expires_at = 1 WHERE account_id = $1")
        .bind(&account_id)
        .execute(app.db.writer())
        .await
        .unwrap();
    assert_eq!(
        confirm(late, "new-secret-2028").await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Five wrong tries and a code is void, even typed right afterwards (a new request makes a new one).
    let (status, _) = ask("13700001234").await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let tried = code_in(&last_message(&app, &account_id).await.body, 8);
    for _ in 0..5 {
        assert_eq!(
            confirm("WXYZ2345".into(), "new-secret-2028").await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(
        confirm(tried, "new-secret-2028").await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Three requests per login name an hour — counted for a login without an account just the same.
    assert_eq!(ask("13700001234").await.0, StatusCode::TOO_MANY_REQUESTS);
    for _ in 0..2 {
        assert_eq!(ask("13700009999").await.0, StatusCode::ACCEPTED);
    }
    let (status, body) = ask("13700009999").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );

    // A lawyer asks by licence number: the code goes to the lawyer's own mobile.
    let lawyer = db::accounts::find_for_reset(&app.db, "13900000003")
        .await
        .unwrap()
        .unwrap();
    let (status, _) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/password-resets",
            json!({"login_name": "22020201010123456"}),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let m = last_message(&app, &lawyer.id).await;
    assert_eq!(
        (m.recipient.as_str(), m.channel),
        ("13900000003", db::outbox::OutboxChannel::Sms)
    );
    // Court staff have no mobile: the code goes to the e-mail address their administrator set (none set: nothing).
    let clerk = db::accounts::find_for_reset(&app.db, "clerk.changyi")
        .await
        .unwrap()
        .unwrap();
    let (status, _) = app
        .post_json(
            &client(Some(&app.base)),
            "/api/v1/password-resets",
            json!({"login_name": "clerk.changyi"}),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert!(db::outbox::for_account(&app.db, &clerk.id, 5)
        .await
        .unwrap()
        .is_empty());
    db::accounts::set_email(&app.db, &clerk.id, Some("zhouli@court.example.cn"), 0)
        .await
        .unwrap();
    // That was this client's tenth request within the hour: the eleventh, whatever the login, waits.
    let again = || {
        app.post_json(
            &anon,
            "/api/v1/password-resets",
            json!({"login_name": "clerk.changyi"}),
        )
    };
    assert_eq!(again().await.0, StatusCode::TOO_MANY_REQUESTS);
    db::limits::clear(&app.db, &db::limits::RESET_REQUEST_CLIENT, "127.0.0.1")
        .await
        .unwrap();
    assert_eq!(again().await.0, StatusCode::ACCEPTED);
    let m = last_message(&app, &clerk.id).await;
    assert_eq!(
        (m.channel, m.recipient.as_str(), m.recipient_masked.as_str()),
        (
            db::outbox::OutboxChannel::Email,
            "zhouli@court.example.cn",
            "z*****@court.example.cn"
        )
    );
}

/// 忘记密码 without JavaScript: a link on the login page, two plain forms (POST, redirect, GET), the login name carried
/// to the second, each error next to its field in the person's language, and a page that says it is done.
async fn password_reset_works_as_plain_forms_in_the_persons_language(app: TestApp) {
    let login_page = page_html(&app, &client(None), "/login").await;
    assert!(
        login_page.contains(r#"href="/password-reset""#),
        "the login page links to it"
    );
    let c = client(Some(&app.base));
    // Nothing typed: the same page, the error next to the field.
    let res = c
        .post(app.url("/password-reset"))
        .form(&[("login_name", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        field_error(&html, "login_name").contains("此项必填"),
        "{html}"
    );
    // Known and unknown: the same redirect.
    let post = |login: &'static str| {
        let c = c.clone();
        let url = app.url("/password-reset");
        async move {
            c.post(url)
                .form(&[("login_name", login)])
                .send()
                .await
                .unwrap()
        }
    };
    let unknown = post("13800007777").await;
    let known = post("13900000001").await;
    for res in [&unknown, &known] {
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()["location"], "/password-reset/confirm?sent=1");
    }
    let zhang = db::accounts::find_for_reset(&app.db, "13900000001")
        .await
        .unwrap()
        .unwrap();
    let code = code_in(&last_message(&app, &zhang.id).await.body, 8);
    // The second form says a code went out (if the account exists) and has the login name filled in.
    let html = page_html(&app, &c, "/password-reset/confirm?sent=1").await;
    assert!(
        html.contains("验证码已发送") && html.contains(r#"value="13900000001""#),
        "{html}"
    );
    // In Korean, a wrong code is refused next to the code field, and what was typed is kept (never the passwords).
    let ko = client(Some(&app.base));
    let res = ko
        .post(app.url("/password-reset/confirm"))
        .header("cookie", "portal_lang=ko")
        .form(&[
            ("login_name", "13900000001"),
            ("code", "WXYZ2345"),
            ("password", "brand-new-2027"),
            ("password_confirm", "brand-new-2027"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        field_error(&html, "code").contains("인증번호가 틀렸거나"),
        "{html}"
    );
    assert!(html.contains(r#"value="13900000001""#) && !html.contains("brand-new-2027"));
    // Passwords that do not match: next to the password field, and the code is kept for the next try.
    let res = c
        .post(app.url("/password-reset/confirm"))
        .form(&[
            ("login_name", "13900000001"),
            ("code", code.as_str()),
            ("password", "brand-new-2027"),
            ("password_confirm", "brand-new-2028"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert_eq!(
        field_error(&html, "password"),
        app::texts::Message::message(domain::FieldError::PasswordMismatch, domain::Lang::Zh)
    );
    assert!(html.contains(&format!(r#"value="{code}""#)));
    // Right: done, this browser's session cookie goes too, and the page says to log in with the new password.
    let zhang_session = logged_in(&app, "13900000001").await;
    let res = c
        .post(app.url("/password-reset/confirm"))
        .form(&[
            ("login_name", "13900000001"),
            ("code", code.as_str()),
            ("password", "brand-new-2027"),
            ("password_confirm", "brand-new-2027"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/password-reset/done");
    let cookies: Vec<&str> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("portal_session=;") && c.contains("Max-Age=0")),
        "{cookies:?}"
    );
    let html = page_html(&app, &c, "/password-reset/done").await;
    assert!(html.contains("密码已重置") && html.contains(r#"href="/login""#));
    assert_eq!(
        app.get_json(&zhang_session, "/api/v1/me").await.0,
        StatusCode::UNAUTHORIZED
    );
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("login_name", "13900000001"),
            ("password", "brand-new-2027"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the new password logs in"
    );
}

/// The tracking query code: kept out of URLs (the look-up form posts; the JSON look-up takes a body), receipt numbers
/// found in any case, and a lost code re-issued by the filer alone — the old one stops working, the new one is shown
/// once (with a text file to keep) and sent to the filer's own mobile, never to anyone else.
async fn query_codes_stay_out_of_urls_are_reissued_to_the_filer_and_receipts_match_in_any_case(
    app: TestApp,
) {
    let filer = logged_in(&app, "13900000001").await;
    let (id, receipt) = submitted_filing(&app, &filer, &resident_id("22020219800101072")).await;
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let code = receipt["query_code"].as_str().unwrap().to_string();
    let anon = client(Some(&app.base));
    // The JSON look-up in a body; the receipt number in small letters, with a space and a hyphen, still matches.
    let typed = format!(
        "{} {}-{}",
        no[..2].to_lowercase(),
        &no[2..10],
        no[10..].to_lowercase()
    );
    let (status, t) = app
        .post_json(
            &anon,
            "/api/v1/track",
            json!({"receipt": typed, "code": code.to_lowercase()}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{t}");
    assert_eq!(t["receipt_no"], no.as_str());
    let (status, _) = app
        .get_json(
            &anon,
            &format!("/api/v1/track?receipt={}&code={code}", no.to_lowercase()),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the query-string form still works, in any case"
    );
    // The page: the form posts, the result page it leads to has no code in its address, and the code is nowhere in
    // what the browser keeps in clear.
    let browser = client(Some(&app.base));
    let res = browser
        .post(app.url("/track"))
        .form(&[
            ("receipt", no.to_lowercase().as_str()),
            ("code", code.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/track");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("portal_track=")
            && cookie.contains("HttpOnly")
            && cookie.contains("Path=/track")
    );
    assert!(!cookie.contains(&code), "{cookie}");
    let html = page_html(&app, &browser, "/track").await;
    assert!(
        html.contains("status-submitted") && html.contains(&no),
        "{html}"
    );
    assert!(
        !html.contains(&code),
        "the result page does not show the code"
    );
    let form_at = html.find(r#"action="/track""#).expect("the look-up form");
    assert!(html[..form_at]
        .rfind("<form")
        .is_some_and(|f| html[f..form_at].contains(r#"method="post""#)));
    // A code in a URL opens nothing.
    let html = page_html(
        &app,
        &client(Some(&app.base)),
        &format!("/track?receipt={no}&code={code}"),
    )
    .await;
    assert!(
        !html.contains("status-submitted"),
        "a code in the address is not looked up"
    );
    // A wrong code: the same page, the receipt kept, the same words as for an unknown receipt.
    let (status, html) = tracked_html(&app, &client(Some(&app.base)), &no, "ABCDEFGHJK").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("没有找到") && html.contains(&format!(r#"value="{no}""#)),
        "{html}"
    );
    // The form is in the page itself, not in a template only a script would put in place (no JavaScript here).
    assert!(
        !html.contains("<template") && html.contains(r#"<form method="post" action="/track""#),
        "{html}"
    );

    // Re-issuing: only the filer. A stranger and a party see nothing; anonymous must log in; a draft has no code.
    let stranger = logged_in(&app, "13900000003").await;
    let reissue = format!("/api/v1/filings/{id}/query-code");
    let (status, _) = app.post_json(&stranger, &reissue, json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.post_json(&anon, &reissue, json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, draft) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101080")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app
        .post_json(
            &filer,
            &format!(
                "/api/v1/filings/{}/query-code",
                draft["id"].as_str().unwrap()
            ),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let zhang = db::accounts::find_for_reset(&app.db, "13900000001")
        .await
        .unwrap()
        .unwrap();
    let before = db::outbox::pending(&app.db, 100).await.unwrap().len();
    let (status, issued) = app.post_json(&filer, &reissue, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{issued}");
    let new_code = issued["query_code"].as_str().unwrap().to_string();
    assert_ne!(new_code, code);
    assert_eq!(
        (&issued["receipt_no"], &issued["sent_to"]),
        (&json!(no), &json!("139****0001"))
    );
    // The old code stops working at once; the new one opens.
    let track = |code: String| {
        let c = anon.clone();
        let url = app.url("/api/v1/track");
        let no = no.clone();
        async move {
            c.post(url)
                .json(&json!({"receipt": no, "code": code}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(track(code.clone()).await, StatusCode::NOT_FOUND);
    assert_eq!(track(new_code.clone()).await, StatusCode::OK);
    // One message, to the filer's own mobile, with the receipt and the new code; nobody else got one.
    let pending = db::outbox::pending(&app.db, 100).await.unwrap();
    assert_eq!(pending.len(), before + 1);
    let m = last_message(&app, &zhang.id).await;
    assert_eq!(
        (m.purpose.as_str(), m.recipient.as_str(), m.channel),
        ("query_code", "13900000001", db::outbox::OutboxChannel::Sms)
    );
    assert!(
        m.body.contains(&no) && code_in(&m.body, 10) == new_code,
        "{}",
        m.body
    );
    // The same through the form: the new code shown once on the filing's page, with a text file to keep.
    let res = filer
        .post(app.url(&format!("/filings/{id}/query-code")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"],
        format!("/filings/{id}?code=reissued#receipt")
    );
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    let third = cookie
        .strip_prefix(&format!("portal_query_code={id}:"))
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .to_string();
    let page = page_html(&app, &filer, &format!("/filings/{id}?code=reissued")).await;
    assert!(
        page.contains(&third)
            && page.contains("query-code-reissued")
            && page.contains("139****0001"),
        "{page}"
    );
    assert!(
        page.contains(&format!(r#"href="/filings/{id}/query-code.txt""#))
            && page.contains("data-print")
    );
    let res = filer
        .get(app.url(&format!("/filings/{id}/query-code.txt")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("{no}.txt")));
    let text = res.text().await.unwrap();
    assert!(
        text.contains(&no) && text.contains(&third) && text.contains("/track"),
        "{text}"
    );
    // Nobody else downloads it.
    let res = stranger
        .get(app.url(&format!("/filings/{id}/query-code.txt")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        track(new_code).await,
        StatusCode::NOT_FOUND,
        "the form's re-issue replaced the API's"
    );
    // Recorded; and limited per account (five an hour).
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'filing.query_code_reissued' AND subject = $1",
    )
    .bind(format!("filing:{id}"))
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(audited, 2);
    for _ in 0..3 {
        assert_eq!(
            app.post_json(&filer, &reissue, json!({})).await.0,
            StatusCode::CREATED
        );
    }
    let (status, body) = app.post_json(&filer, &reissue, json!({})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
}

/// A mail server that takes one message at a time and hands over what it was given (just enough SMTP for a client).
async fn mail_server() -> (u16, tokio::sync::mpsc::Receiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 mail.test ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(d) = data.as_mut() {
                        if line == "." {
                            let _ = tx.send(data.take().unwrap()).await;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            d.push_str(&line);
                            d.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, rx)
}

/// E-mail recipients go by SMTP when a mail server is configured (recorded in the outbox as sent), and to the outbox
/// for the gateway when the mail server cannot be reached; text messages always to the outbox.
async fn e_mail_goes_by_smtp_and_falls_back_to_the_outbox(app: TestApp) {
    use app::notify::{Notification, NotificationChannel, Purpose, Recipient, Routed, Smtp};
    let (port, mut mail) = mail_server().await;
    let smtp = Smtp::from_url(
        &format!("smtp://127.0.0.1:{port}"),
        "吉林法院 <court@example.cn>",
    )
    .unwrap();
    let channel = Routed::new(app.db.clone(), Some(smtp));
    assert_eq!(channel.name(), "outbox+smtp");
    let clerk = db::accounts::find_for_reset(&app.db, "clerk.changyi")
        .await
        .unwrap()
        .unwrap();
    let message = |recipient: Recipient| Notification {
        account_id: Some(clerk.id.clone()),
        purpose: Purpose::PasswordReset,
        recipient,
        subject: "重置密码验证码".into(),
        body: "验证码：ABCD2345".into(),
        calendar: None,
        at: 1,
    };
    channel
        .send(&message(Recipient::Email("zhouli@court.example.cn".into())))
        .await
        .unwrap();
    let got = tokio::time::timeout(std::time::Duration::from_secs(20), mail.recv())
        .await
        .expect("the mail server got the message")
        .unwrap();
    assert!(
        got.contains("zhouli@court.example.cn") && got.contains("court@example.cn"),
        "{got}"
    );
    assert!(got.contains("Subject:"), "{got}");
    // A video meeting's invitation goes with its calendar file attached.
    let mut invite = message(Recipient::Email("zhouli@court.example.cn".into()));
    invite.purpose = Purpose::MediationNotice;
    invite.calendar = Some("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".into());
    channel.send(&invite).await.unwrap();
    let got = tokio::time::timeout(std::time::Duration::from_secs(20), mail.recv())
        .await
        .expect("the mail server got the invitation")
        .unwrap();
    assert!(
        got.contains("multipart/mixed")
            && got.contains("text/calendar")
            && got.contains("method=REQUEST")
            && got.contains("invite.ics"),
        "{got}"
    );
    // Recorded as sent by SMTP (nothing left for the gateway).
    let mut sent = Vec::new();
    for _ in 0..100 {
        sent = db::outbox::for_account(&app.db, &clerk.id, 5)
            .await
            .unwrap();
        if !sent.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].sent_via.as_deref(), sent[0].channel),
        (Some("smtp"), db::outbox::OutboxChannel::Email)
    );
    assert!(db::outbox::pending(&app.db, 10).await.unwrap().is_empty());
    // A mobile number goes to the outbox whatever the mail server.
    channel
        .send(&message(Recipient::Mobile("13900000001".into())))
        .await
        .unwrap();
    let pending = db::outbox::pending(&app.db, 10).await.unwrap();
    assert_eq!(
        (pending.len(), pending[0].channel),
        (1, db::outbox::OutboxChannel::Sms)
    );
    // A mail server that cannot be reached: the e-mail waits in the outbox instead of being lost.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_port = closed.local_addr().unwrap().port();
    drop(closed);
    let down = Routed::new(
        app.db.clone(),
        Some(Smtp::from_url(&format!("smtp://127.0.0.1:{dead_port}"), "court@example.cn").unwrap()),
    );
    down.send(&message(Recipient::Email("zhouli@court.example.cn".into())))
        .await
        .unwrap();
    let mut waiting = Vec::new();
    for _ in 0..200 {
        waiting = db::outbox::pending(&app.db, 10).await.unwrap();
        if waiting.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(waiting.len(), 2, "{waiting:?}");
    assert!(waiting
        .iter()
        .any(|m| m.channel == db::outbox::OutboxChannel::Email
            && m.recipient == "zhouli@court.example.cn"));
    // The gateway takes what waits; taken once.
    for m in &waiting {
        assert!(db::outbox::mark_sent(&app.db, &m.id, "gateway", 2)
            .await
            .unwrap());
        assert!(!db::outbox::mark_sent(&app.db, &m.id, "gateway", 3)
            .await
            .unwrap());
    }
    assert!(db::outbox::pending(&app.db, 10).await.unwrap().is_empty());
}

// ---- What a new user trips over: prefilled plaintiff, next steps, the way back after login, my matters ----------

/// A new draft names its filer as the plaintiff: a person with their name, full ID number (decrypted for its owner,
/// encrypted again at rest in the draft) and mobile; an enterprise with its name and credit code. A lawyer files for
/// others: nothing is filled in. A draft posted with parties keeps exactly those.
async fn a_new_draft_names_the_filer_as_the_plaintiff(app: TestApp) {
    let me = client(Some(&app.base));
    let form = citizen("13700000071", "22020219850315002");
    let id_number = form["id_number"].as_str().unwrap().to_string();
    assert_eq!(
        app.post_json(&me, "/api/v1/accounts", form).await.0,
        StatusCode::CREATED
    );
    let id = new_draft(&app, &me).await;
    let (status, f) = app.get_json(&me, &format!("/api/v1/filings/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let parties = f["draft"]["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 2, "{f}");
    let p = &parties[0];
    assert_eq!(
        (
            &p["role"],
            &p["kind"],
            &p["name"],
            &p["id_number"],
            &p["mobile"]
        ),
        (
            &json!("plaintiff"),
            &json!("natural"),
            &json!("赵六"),
            &json!(id_number),
            &json!("13700000071")
        )
    );
    assert_eq!(
        (&parties[1]["role"], &parties[1]["name"]),
        (&json!("defendant"), &json!(""))
    );
    // The parties step shows it filled in; the database holds it only encrypted.
    let step = page_html(&app, &me, &format!("/filings/{id}/parties")).await;
    assert!(
        step.contains(&format!(r#"value="{id_number}""#)) && step.contains(r#"value="赵六""#),
        "{step}"
    );
    let raw: String = sqlx::query_scalar("SELECT draft_json FROM filings WHERE id = $1")
        .bind(&id)
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert!(!raw.contains(&id_number) && !raw.contains("赵六"));
    // Nobody else sees it.
    let lawyer = logged_in(&app, "13900000003").await;
    assert_eq!(
        app.get_json(&lawyer, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // An enterprise: the legal person with its name and credit code, no personal number.
    let firm = logged_in(&app, "91220200MA0Y000017").await;
    let id = new_draft(&app, &firm).await;
    let (_, f) = app.get_json(&firm, &format!("/api/v1/filings/{id}")).await;
    let p = &f["draft"]["parties"][0];
    assert_eq!(
        (
            &p["role"],
            &p["kind"],
            &p["name"],
            &p["uscc"],
            &p["id_number"]
        ),
        (
            &json!("plaintiff"),
            &json!("legal"),
            &json!("吉林市松江建材有限公司"),
            &json!("91220200MA0Y000017"),
            &json!("")
        )
    );

    // A lawyer files for clients: no party is filled in, through the form or the API.
    let id = new_draft(&app, &lawyer).await;
    let (_, f) = app
        .get_json(&lawyer, &format!("/api/v1/filings/{id}"))
        .await;
    assert_eq!(f["draft"]["parties"], json!([]), "{f}");
    let (status, f) = app
        .post_json(&lawyer, "/api/v1/filings", json!({"cause": "private_loan"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{f}");
    assert_eq!(f["draft"]["parties"], json!([]));

    // Through the API: a draft without parties starts with the filer, one with parties keeps them.
    let (status, f) = app
        .post_json(&me, "/api/v1/filings", json!({"cause": "private_loan"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{f}");
    assert_eq!(f["draft"]["parties"][0]["id_number"], json!(id_number));
    assert_eq!(f["draft"]["cause"], "private_loan");
    let (_, f) = app
        .post_json(
            &me,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101097")),
        )
        .await;
    assert_eq!(f["draft"]["parties"][0]["name"], "张三", "as posted");
}

/// "Start a filing" opens the filer's untouched draft again rather than piling up empty ones; once anything is
/// typed beyond the prefill, the next start is a new draft.
async fn starting_a_filing_again_resumes_the_untouched_draft(app: TestApp) {
    let me = client(Some(&app.base));
    app.post_json(
        &me,
        "/api/v1/accounts",
        citizen("13700000072", "22020219850315010"),
    )
    .await;
    let start = || async {
        let res = me.post(app.url("/filings/new")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        res.headers()["location"].to_str().unwrap().to_string()
    };
    let first = start().await;
    assert!(
        first.starts_with("/filings/") && first.ends_with("/cause"),
        "{first}"
    );
    let id = first.split('/').nth(2).unwrap().to_string();
    assert_eq!(start().await, format!("/filings/{id}/cause?resumed=1"));
    let page = page_html(&app, &me, &format!("/filings/{id}/cause?resumed=1")).await;
    assert!(page.contains("已为您继续打开"), "the step says so");
    // The parties step saved as it was shown (the prefilled plaintiff, the empty defendant row): still untouched.
    let (_, f) = app.get_json(&me, &format!("/api/v1/filings/{id}")).await;
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, p) in f["draft"]["parties"].as_array().unwrap().iter().enumerate() {
        for key in [
            "role",
            "kind",
            "name",
            "id_number",
            "uscc",
            "mobile",
            "address",
            "agent_name",
            "agent_licence",
        ] {
            fields.push((
                format!("parties.{i}.{key}"),
                p[key].as_str().unwrap().to_string(),
            ));
        }
    }
    let res = me
        .post(app.url(&format!("/filings/{id}/parties")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(start().await, format!("/filings/{id}/cause?resumed=1"));
    // A case type chosen: the filer's work, kept; the next start is a new draft.
    let res = me
        .post(app.url(&format!("/filings/{id}/cause")))
        .form(&[("cause", "private_loan")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = start().await;
    assert!(
        second.ends_with("/cause") && !second.contains(&id),
        "{second}"
    );
    let (_, list) = app.get_json(&me, "/api/v1/filings").await;
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    // Court staff never start one.
    let clerk = logged_in(&app, "clerk.changyi").await;
    let res = clerk.post(app.url("/filings/new")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

/// The filer deletes a draft — after a confirmation page that needs no script, or through the API — and its
/// evidence files go with it; another person's draft is 404, a submitted filing is never deleted.
async fn a_draft_is_deleted_by_its_filer_with_its_files(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (_, created) = app
        .post_json(
            &filer,
            "/api/v1/filings",
            loan_filing(&resident_id("22020219800101101")),
        )
        .await;
    let id = created["id"].as_str().unwrap().to_string();
    let png = vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    upload(&app, &filer, &id, "借条照片", "jietiao.png", png).await;
    let file_id: String = sqlx::query_scalar("SELECT id FROM evidence_files WHERE filing_id = $1")
        .bind(&id)
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    let stored = app.ctx.files.location(&file_id).unwrap();
    assert!(stored.exists());

    // Strangers: 404 by the form, the page and the API; nobody logged in: 401 (the page: off to log in).
    let lawyer = logged_in(&app, "13900000003").await;
    let res = lawyer
        .post(app.url(&format!("/filings/{id}/delete")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = lawyer
        .get(app.url(&format!("/filings/{id}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = lawyer
        .delete(app.url(&format!("/api/v1/filings/{id}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::NOT_FOUND, "someone else's draft").await;
    let res = app
        .client
        .delete(app.url(&format!("/api/v1/filings/{id}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::UNAUTHORIZED, "anonymous").await;

    // The list offers it; the page asks first; a post without the confirmation only leads to that page.
    let list = page_html(&app, &filer, "/filings").await;
    assert!(
        list.contains(&format!(r#"href="/filings/{id}/delete""#)),
        "{list}"
    );
    let ask = page_html(&app, &filer, &format!("/filings/{id}/delete")).await;
    assert!(
        ask.contains("删除这份草稿？")
            && ask.contains(&format!(r#"action="/filings/{id}/delete""#))
            && ask.contains(r#"name="confirm" value="yes""#)
            && ask.contains("李四"),
        "{ask}"
    );
    let res = filer
        .post(app.url(&format!("/filings/{id}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("/filings/{id}/delete"));
    assert_eq!(
        app.get_json(&filer, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::OK
    );
    let res = filer
        .post(app.url(&format!("/filings/{id}/delete")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/filings?deleted=1");
    assert_eq!(
        app.get_json(&filer, &format!("/api/v1/filings/{id}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert!(
        !stored.exists(),
        "the evidence file is removed from storage"
    );
    for table in ["evidence_files", "filing_events"] {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} WHERE filing_id = $1"
        ))
        .bind(&id)
        .fetch_one(app.db.reader())
        .await
        .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'filing.delete_draft' AND subject = $1",
    )
    .bind(format!("filing:{id}"))
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(audited, 1);
    assert!(page_html(&app, &filer, "/filings?deleted=1")
        .await
        .contains("草稿已删除"));

    // Through the API: 204, then it is gone.
    let draft = new_draft(&app, &filer).await;
    let res = filer
        .delete(app.url(&format!("/api/v1/filings/{draft}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = filer
        .delete(app.url(&format!("/api/v1/filings/{draft}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::NOT_FOUND, "deleted already").await;

    // A submitted filing is the court's record: never deleted, never offered.
    let (submitted, _) = submitted_filing(&app, &filer, &resident_id("22020219800101111")).await;
    let res = filer
        .delete(app.url(&format!("/api/v1/filings/{submitted}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::CONFLICT, "submitted").await;
    let res = filer
        .post(app.url(&format!("/filings/{submitted}/delete")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], format!("/filings/{submitted}"));
    let res = filer
        .get(app.url(&format!("/filings/{submitted}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("已提交的立案申请不能删除"));
    assert!(!page_html(&app, &filer, "/filings")
        .await
        .contains(&format!("/filings/{submitted}/delete")));
    // Sent back for corrections, it is still not a draft to delete.
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{submitted}/review"),
            json!({"action": "request_correction", "note": "补充借条原件"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let res = filer
        .delete(app.url(&format!("/api/v1/filings/{submitted}")))
        .send()
        .await
        .unwrap();
    assert_problem(res, StatusCode::CONFLICT, "correction requested").await;
}

/// Each line of my matters says when (started or submitted), against whom, what and where it stands; the other
/// party in full for the filer, masked for a party who did not write it.
async fn my_matters_say_when_against_whom_what_and_where_it_stands(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (submitted, receipt) =
        submitted_filing(&app, &filer, &resident_id("22020219910101006")).await;
    let draft = new_draft(&app, &filer).await;
    let (_, list) = app.get_json(&filer, "/api/v1/filings").await;
    let item = |id: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .cloned()
            .unwrap()
    };
    let s = item(&submitted);
    assert_eq!(
        (&s["other_party"], &s["deletable"], &s["status_label"]),
        (&json!("李四"), &json!(false), &json!("待审查"))
    );
    assert!(s["submitted_at"].as_i64().unwrap() >= s["created_at"].as_i64().unwrap());
    let d = item(&draft);
    assert_eq!(
        (&d["other_party"], &d["deletable"], &d["submitted_at"]),
        (&Value::Null, &json!(true), &Value::Null)
    );
    let html = page_html(&app, &filer, "/filings").await;
    let today = domain::date::shanghai_date(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64,
    )
    .to_string();
    for part in [
        "民间借贷纠纷",
        "对方当事人",
        "李四",
        "待审查",
        "提交于",
        "创建于",
        "草稿",
        "尚未填写",
        "未选择案由",
        today.as_str(),
    ] {
        assert!(html.contains(part), "{part}: {html}");
    }
    assert_eq!(
        html.matches("/delete\"").count(),
        1,
        "only the draft can be deleted"
    );

    // The defendant links the matter with the code the court served: on their list the filer's writing is masked.
    let no = receipt["filing"]["receipt_no"]
        .as_str()
        .unwrap()
        .to_string();
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (_, issued) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{submitted}/parties/1/link-code"),
            json!({}),
        )
        .await;
    let party = client(Some(&app.base));
    app.post_json(
        &party,
        "/api/v1/accounts",
        citizen("13700000073", "22020219910101006"),
    )
    .await;
    let (status, body) = app
        .post_json(
            &party,
            "/api/v1/me/filing-links",
            json!({"receipt": no, "code": issued["code"]}),
        )
        .await;
    assert!(status.is_success(), "{body}");
    let (_, theirs) = app.get_json(&party, "/api/v1/filings").await;
    assert_eq!(
        (
            &theirs[0]["own"],
            &theirs[0]["other_party"],
            &theirs[0]["deletable"]
        ),
        (&json!(false), &json!("李*"), &json!(false))
    );
    let html = page_html(&app, &party, "/filings").await;
    assert!(html.contains("李*") && !html.contains("李四"), "{html}");
}

/// A page that needs a login sends the browser to `/login?next=<the page>`; logging in (the form posts to its page's
/// address) goes back there — only to a path on this site. Registration lands on what to do next.
async fn login_returns_to_the_page_that_asked_and_registration_says_what_next(app: TestApp) {
    let anonymous = client(Some(&app.base));
    for (path, next) in [
        ("/filings", "/filings"),
        ("/me", "/me"),
        ("/welcome", "/welcome"),
        (
            "/filings/0000/parties?check=1",
            "/filings/0000/parties%3Fcheck%3D1",
        ),
        ("/staff/queue", "/staff/queue"),
    ] {
        let res = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            res.headers()["location"],
            format!("/login?next={next}"),
            "{path}"
        );
    }
    // The API and the server functions keep their 401; public pages are not touched.
    let res = anonymous.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_problem(res, StatusCode::UNAUTHORIZED, "api").await;
    assert_eq!(
        anonymous
            .get(app.url("/track"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    // Starting a filing logged out leads to the same way back.
    let res = anonymous
        .post(app.url("/filings/new"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/login?next=/filings");

    // The login page is the same page whatever `next` is (kept rendered once), and its form posts to its address.
    let plain = page_html(&app, &anonymous, "/login").await;
    assert_eq!(
        page_html(&app, &anonymous, "/login?next=%2Ffilings").await,
        plain
    );
    assert!(
        plain.contains(r#"<form method="post" novalidate"#),
        "{plain}"
    );

    let login_at = |query: &str| {
        let url = app.url(&format!("/login{query}"));
        let query = query.to_string();
        let c = client(Some(&app.base));
        async move {
            let res = c
                .post(url)
                .form(&[
                    ("login_name", "13900000001"),
                    ("password", "demo-pass-2026"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{query}");
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    assert_eq!(login_at("?next=%2Ffilings").await, "/filings");
    assert_eq!(
        login_at("?next=/filings/abc/parties%3Fcheck%3D1").await,
        "/filings/abc/parties?check=1"
    );
    for bad in [
        "?next=//evil.example/",
        "?next=https://evil.example/",
        "?next=%2F%5Cevil.example",
        "?next=evil.example",
        "?next=%2Fa%0D%0ASet-Cookie:x=1",
        "",
    ] {
        assert_eq!(login_at(bad).await, "/me", "{bad}");
    }
    // A wrong password keeps the way back: the page re-rendered at the same address, then the right one goes there.
    let c = client(Some(&app.base));
    let res = c
        .post(app.url("/login?next=%2Ffilings"))
        .form(&[("login_name", "13900000001"), ("password", "wrong-pass")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains(r#"<form method="post" novalidate"#));
    let res = c
        .post(app.url("/login?next=%2Ffilings"))
        .form(&[
            ("login_name", "13900000001"),
            ("password", "demo-pass-2026"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/filings");

    // Registration (the form) lands on the next steps: file (the wizard), mediation (coming, the home page's entry),
    // track (my matters, the public look-up).
    let id = resident_id("22020219850315029");
    let res = anonymous
        .post(app.url("/register"))
        .form(&[
            ("kind", "citizen"),
            ("name", "韩梅梅"),
            ("id_number", id.as_str()),
            ("mobile", "13700000074"),
            ("password", "secret-pass-1"),
            ("password_confirm", "secret-pass-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/welcome");
    let res = anonymous.get(app.url("/welcome")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    for part in [
        "注册成功",
        r#"action="/filings/new""#,
        "开始网上立案",
        "自动填为原告",
        "预约调解",
        "司法确认",
        r#"href="/mediation""#,
        r#"href="/filings""#,
        r#"href="/track""#,
        r#"href="/me""#,
    ] {
        assert!(html.contains(part), "{part}: {html}");
    }
    let lawyer = logged_in(&app, "13900000003").await;
    assert!(page_html(&app, &lawyer, "/welcome")
        .await
        .contains("不会用您本人的信息预填"));
}

// ---------------------------------------------------------------------------------------------------------------
// Mediation (issue 11)

fn demo_mediator(login: &str) -> String {
    db::demo::demo_mediator_id(login)
}

/// The first free slot (RFC 3339) of a mediator, from the public API.
async fn first_slot(app: &TestApp, mediator: &str) -> String {
    let (status, body) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=21"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["slots"][0]["start"]
        .as_str()
        .unwrap_or_else(|| panic!("no free slot: {body}"))
        .to_string()
}

fn booking(mediator: &str, start: &str, respondent_mobile: &str) -> Value {
    json!({
        "cause": "private_loan", "court_code": "吉0202", "mediator_id": mediator, "start": start,
        "mode": "in_person", "summary": "2024年借给对方3万元，约定半年归还，至今未还。",
        "respondent": {"name": "王借款", "mobile": respondent_mobile}
    })
}

/// A booking by the demo citizen 张三 with 陈调解 (mediator.changyi) against a person with the given mobile.
async fn booked(app: &TestApp, respondent_mobile: &str) -> (Client, Value) {
    let requester = logged_in(app, "13900000001").await;
    let mediator = demo_mediator("mediator.changyi");
    let start = first_slot(app, &mediator).await;
    let (status, body) = app
        .post_json(
            &requester,
            "/api/v1/mediations",
            booking(&mediator, &start, respondent_mobile),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (requester, body)
}

fn token_of(link: &str) -> String {
    link.split("t=").nth(1).unwrap().to_string()
}

async fn the_mediator_roster_is_public_and_recommends_with_reasons(app: TestApp) {
    let (status, body) = app.get_json(&app.client, "/api/v1/mediators").await;
    assert_eq!(status, StatusCode::OK);
    let all = body["mediators"].as_array().unwrap();
    assert!(all.len() >= 40, "{} mediators", all.len());
    let orgs: std::collections::BTreeSet<&str> = all
        .iter()
        .map(|m| m["organisation"].as_str().unwrap())
        .collect();
    assert!(orgs.len() >= 12, "{} organisations", orgs.len());
    // No personal contact data anywhere in the public roster.
    let text = body.to_string();
    assert!(
        !text.contains("mobile") && !text.contains("account"),
        "{text}"
    );
    assert!(!regex_like_phone(&text));
    // A loan dispute at 昌邑: those who handle loans and serve the court come first, and say so.
    let (_, body) = app
        .get_json(
            &app.client,
            "/api/v1/mediators?cause=private_loan&court=%E5%90%890202",
        )
        .await;
    let first = &body["mediators"][0];
    let reasons: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"specialty") && reasons.contains(&"serves_court"),
        "{first}"
    );
    assert!(first["specialties"]
        .as_array()
        .unwrap()
        .contains(&json!("private_loan")));
    assert!(first["reasons"][0]["label"].as_str().unwrap().len() > 3);
    // A Korean speaker in Yanbian's forest areas: the Korean-speaking mediators first.
    let (_, body) = app
        .get_json(
            &app.client,
            "/api/v1/mediators?cause=forestry_contract&court=%E5%90%897601&language=ko",
        )
        .await;
    let first = &body["mediators"][0];
    assert!(
        first["languages"]
            .as_array()
            .unwrap()
            .contains(&json!("ko")),
        "{first}"
    );
    assert!(first["reasons"].to_string().contains("language"));
    // Mongolian at 前郭.
    let (_, body) = app
        .get_json(
            &app.client,
            "/api/v1/mediators?court=%E5%90%890721&language=mn",
        )
        .await;
    assert!(body["mediators"][0]["languages"]
        .as_array()
        .unwrap()
        .contains(&json!("mn")));
    // Nonsense filters are not errors: nothing matches them, everyone is still listed.
    let (status, body) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators?cause={}&court=x", "z".repeat(3000)),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["mediators"].as_array().unwrap().len(), all.len());
    // Searchable by name, organisation or background: every word must match.
    let (_, body) = app
        .get_json(
            &app.client,
            "/api/v1/mediators?q=%E9%99%88%E8%B0%83%E8%A7%A3",
        )
        .await;
    let names: Vec<&str> = body["mediators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["陈调解"]);
    let (_, body) = app
        .get_json(&app.client, "/api/v1/mediators?q=%E5%A6%87%E8%81%94")
        .await;
    assert!(!body["mediators"].as_array().unwrap().is_empty());
    assert!(body["mediators"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| format!("{}{}", m["organisation"], m["title"]).contains("妇联")));
    // Every demo mediator can log in to their workspace.
    let c = logged_in(&app, "mediator.changyi").await;
    let (status, _) = app.get_json(&c, "/api/v1/mediator/sessions").await;
    assert_eq!(status, StatusCode::OK);
}

fn regex_like_phone(s: &str) -> bool {
    // Eleven digits in a row starting with 1: a mobile number.
    let b = s.as_bytes();
    b.windows(11)
        .any(|w| w[0] == b'1' && w.iter().all(u8::is_ascii_digit))
}

async fn free_slots_leave_out_leave_holidays_and_bookings(app: TestApp) {
    let mediator = demo_mediator("mediator.changyi");
    let url = format!("/api/v1/mediators/{mediator}/slots?days=28");
    let (status, body) = app.get_json(&app.client, &url).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let starts: Vec<String> = body["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap().to_string())
        .collect();
    assert!(!starts.is_empty());
    assert!(starts.iter().all(|s| s.ends_with("+08:00")), "{starts:?}");
    assert_eq!(body["slots"][0]["modes"], json!(["in_person", "video"]));
    // Nothing sooner than a day ahead.
    let first = domain::slots::parse_rfc3339(&starts[0]).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!(first >= now + 24 * 3_600_000);
    // Leave: the mediator is away on the first free slot's day — that day offers nothing.
    let day = domain::date::shanghai_date(first);
    db::mediation::set_absences(
        &app.db,
        &mediator,
        &[domain::slots::Absence {
            from: day,
            to: day,
            reason: "年休假".into(),
        }],
        now,
    )
    .await
    .unwrap();
    let (_, body) = app.get_json(&app.client, &url).await;
    let prefix = day.to_string();
    assert!(
        !body["slots"].to_string().contains(&format!("\"{prefix}T")),
        "{body}"
    );
    // A booking takes its slot off the calendar.
    let second = body["slots"][0]["start"].as_str().unwrap().to_string();
    let requester = logged_in(&app, "13900000001").await;
    let (status, b) = app
        .post_json(
            &requester,
            "/api/v1/mediations",
            booking(&mediator, &second, "13700000071"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{b}");
    let (_, body) = app.get_json(&app.client, &url).await;
    assert!(!body["slots"].to_string().contains(&second));
    // A time that is not one of the mediator's hours, or on leave, is refused next to the field.
    for bad in [starts[0].as_str(), "2026-02-30T09:00:00+08:00", "tomorrow"] {
        let (status, b) = app
            .post_json(
                &requester,
                "/api/v1/mediations",
                booking(&mediator, bad, "13700000072"),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {b}");
        assert!(b["errors"]["start"].is_string(), "{b}");
    }
    // Bounded: an unknown mediator is 404, a silly range is a 422, a huge `days` is clamped.
    let (status, _) = app
        .get_json(&app.client, "/api/v1/mediators/nobody/slots")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .get_json(&app.client, &format!("{url}&from=1900-01-01"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=4000000"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["slots"].as_array().unwrap().len() < 62 * 24);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_holidays_are_never_offered_as_mediation_slots() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        public_holidays_are_never_offered(backend).await;
    }
}

async fn public_holidays_are_never_offered(backend: Backend) {
    // A calendar with a public holiday on the next weekday but one: that day offers no slot.
    let today = domain::date::shanghai_date(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64,
    );
    let mut day = domain::calendar::add_days(today, 3);
    while domain::calendar::weekday(day) >= 5 {
        day = domain::calendar::add_days(day, 1);
    }
    let mut calendar = domain::calendar::shipped();
    calendar.holidays.push(day);
    let app = spawn_app_configured(backend, domain::fees::FeeTable::JILIN, calendar).await;
    let mediator = demo_mediator("mediator.changyi");
    let (_, body) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=14"),
        )
        .await;
    let text = body["slots"].to_string();
    assert!(!text.contains(&format!("\"{day}T")), "{day}: {text}");
    // The same weekday a week later is offered (the mediator works that day of the week).
    let week_later = domain::calendar::add_days(day, 7);
    assert!(
        text.contains(&format!("\"{week_later}T")),
        "{week_later}: {text}"
    );
}

async fn a_mediation_goes_from_booking_to_a_confirmed_agreement(app: TestApp) {
    // 张三 books with 陈调解; the other party has no account yet.
    let (requester, body) = booked(&app, "13700000081").await;
    let id = body["id"].as_str().unwrap().to_string();
    assert_eq!(body["status"], "invited");
    assert_eq!(body["role"], "requester");
    assert!(!body["place"].as_str().unwrap().is_empty());
    let link = body["invitation_link"].as_str().unwrap().to_string();
    assert!(link.starts_with(&format!("/mediations/{id}/invitation?t=")));
    // The invitation went to the other party's mobile, with the link.
    let sent = db::outbox::pending(&app.db, 100).await.unwrap();
    assert!(
        sent.iter()
            .any(|m| m.purpose == "mediation_invite" && m.recipient_masked == "137****0081"),
        "{:?}",
        sent.iter().map(|m| &m.purpose).collect::<Vec<_>>()
    );
    // The link works without logging in: it shows who invites whom (masked) and when.
    let stranger = client(Some(&app.base));
    let token = token_of(&link);
    let (status, inv) = app
        .get_json(
            &stranger,
            &format!("/api/v1/mediations/{id}/invitation?t={token}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{inv}");
    assert_eq!(inv["requester"], "张*");
    assert_eq!(inv["mediator_name"], "陈调解");
    // A changed token is nobody's invitation.
    let (status, p) = app
        .get_json(
            &stranger,
            &format!("/api/v1/mediations/{id}/invitation?t=1{token}"),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(p["code"], "link_invalid");
    // Without the token, a stranger cannot answer; with it, they accept (no account needed to consent).
    let (status, _) = app
        .post_json(
            &stranger,
            &format!("/api/v1/mediations/{id}/response"),
            json!({"accept": true}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, accepted) = app
        .post_json(
            &stranger,
            &format!("/api/v1/mediations/{id}/response"),
            json!({"accept": true, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["status"], "scheduled");
    // The other party registers with the invited mobile: the mediation is theirs to see.
    let respondent = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &respondent,
            "/api/v1/accounts",
            citizen("13700000081", "22020219800101011"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, list) = app.get_json(&respondent, "/api/v1/mediations").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["id"], id.as_str());
    let (_, seen) = app
        .get_json(&respondent, &format!("/api/v1/mediations/{id}"))
        .await;
    assert_eq!(seen["role"], "respondent");
    // Before an agreement, the other party's name is masked for each party; the mediator sees both.
    let names: Vec<&str> = seen["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"张*") && names.contains(&"王借款"),
        "{names:?}"
    );
    // The mediator records success with the terms; amounts come back in figures and capital letters.
    let mediator = logged_in(&app, "mediator.changyi").await;
    let (_, sessions) = app.get_json(&mediator, "/api/v1/mediator/sessions").await;
    assert!(sessions.to_string().contains(&id));
    let due = domain::calendar::add_days(
        domain::date::shanghai_date(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis() as i64,
        ),
        60,
    )
    .to_string();
    let (status, settled) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id}/outcome"),
            json!({"result": "success", "terms": [
                {"text": "被申请人向申请人偿还借款", "amount": "3万", "due_on": due},
                {"text": "申请人放弃利息请求"}
            ], "note": "双方自愿达成协议"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{settled}");
    assert_eq!(settled["status"], "settled");
    assert_eq!(settled["terms"][0]["amount_words"], "人民币叁万元整");
    assert_eq!(settled["terms"][0]["amount"], "30,000.00");
    // Both sign; the agreement takes effect with the second signature.
    let (status, s1) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/agreement/signature"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{s1}");
    assert!(s1["effective_on"].is_null());
    assert!(s1["actions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a != "sign"));
    let (status, s2) = app
        .post_json(
            &respondent,
            &format!("/api/v1/mediations/{id}/agreement/signature"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{s2}");
    assert!(s2["effective_on"].is_string());
    assert!(s2["confirmation_deadline"].is_string());
    // Judicial confirmation is joint: after one application it waits for the other.
    let (status, a1) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/confirmation"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{a1}");
    assert_eq!(a1["confirmation"]["status"], "applying");
    let (status, a2) = app
        .post_json(
            &respondent,
            &format!("/api/v1/mediations/{id}/confirmation"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{a2}");
    assert_eq!(a2["confirmation"]["status"], "pending");
    let conf = a2["confirmation"]["id"].as_str().unwrap().to_string();
    // The judge of 昌邑 sees it among the court's applications and confirms: a 民特 number.
    let judge = logged_in(&app, "judge.changyi").await;
    let (_, court) = app.get_json(&judge, "/api/v1/court/mediations").await;
    assert_eq!(court["confirmations"][0]["id"], conf.as_str());
    let (status, decided) = app
        .post_json(
            &judge,
            &format!("/api/v1/confirmations/{conf}/decision"),
            json!({"confirm": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["status"], "confirmed");
    let number = decided["case_number"].as_str().unwrap();
    assert!(number.contains("吉0202民特"), "{number}");
    assert!(domain::catalogue::CaseNumber::parse(number).is_some());
    // The citizen sees the number; every step is an event.
    let (_, mine) = app
        .get_json(&requester, &format!("/api/v1/mediations/{id}"))
        .await;
    assert_eq!(mine["confirmation"]["case_number"], number);
    let actions: Vec<&str> = mine["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "book",
            "accept",
            "record_success",
            "sign",
            "sign",
            "apply_confirmation",
            "apply_confirmation",
            "confirmation_granted"
        ]
    );
    // Deciding twice is refused.
    let (status, _) = app
        .post_json(
            &judge,
            &format!("/api/v1/confirmations/{conf}/decision"),
            json!({"confirm": false, "reasons": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

async fn mediation_refuses_wrong_actors_and_wrong_states(app: TestApp) {
    let (requester, body) = booked(&app, "13700000091").await;
    let id = body["id"].as_str().unwrap().to_string();
    let url = |p: &str| format!("/api/v1/mediations/{id}{p}");
    // Someone else entirely: 404, whatever they try.
    let other = logged_in(&app, "13900000003").await;
    for (path, body) in [
        ("", Value::Null),
        ("/response", json!({"accept": true})),
        ("/cancel", json!({"reason": "x"})),
        ("/outcome", json!({"result": "failure"})),
    ] {
        let (status, _) = if body.is_null() {
            app.get_json(&other, &url(path)).await
        } else {
            app.post_json(&other, &url(path), body).await
        };
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Staff of another court: 404 too; a clerk of this court sees it.
    let far = logged_in(&app, "clerk.dunhua").await;
    assert_eq!(app.get_json(&far, &url("")).await.0, StatusCode::NOT_FOUND);
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, seen) = app.get_json(&clerk, &url("")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["role"], "staff");
    // The requester cannot accept for the other party, nor record an outcome.
    let (status, p) = app
        .post_json(&requester, &url("/response"), json!({"accept": true}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{p}");
    let (status, _) = app
        .post_json(&requester, &url("/outcome"), json!({"result": "failure"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The mediator cannot record an outcome before the other party consented.
    let mediator = logged_in(&app, "mediator.changyi").await;
    let (status, p) = app
        .post_json(&mediator, &url("/outcome"), json!({"result": "failure"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    // Nobody signs or applies before there is an agreement.
    let (status, _) = app
        .post_json(&requester, &url("/agreement/signature"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = app
        .post_json(&requester, &url("/confirmation"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Declining needs a reason; with one, the slot is free again and the requester is offered the next steps.
    let token = token_of(body["invitation_link"].as_str().unwrap());
    let stranger = client(Some(&app.base));
    let (status, p) = app
        .post_json(
            &stranger,
            &url("/response"),
            json!({"accept": false, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert!(p["errors"]["reason"].is_string());
    let (status, declined) = app
        .post_json(
            &stranger,
            &url("/response"),
            json!({"accept": false, "reason": "我不认识申请人", "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{declined}");
    assert_eq!(declined["status"], "declined");
    let (status, _) = app
        .post_json(
            &stranger,
            &url("/response"),
            json!({"accept": true, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "answered once");
    let (_, mine) = app.get_json(&requester, &url("")).await;
    assert_eq!(mine["actions"], json!(["file"]));
    assert_eq!(mine["parties"][1]["answer_reason"], "我不认识申请人");
    let slot = body["start"].as_str().unwrap();
    let (_, slots) = app
        .get_json(
            &app.client,
            &format!(
                "/api/v1/mediators/{}/slots?days=21",
                body["mediator_id"].as_str().unwrap()
            ),
        )
        .await;
    assert!(slots.to_string().contains(slot), "the slot is free again");
    // The way to court: a draft with the cause, the other party and the facts carried over.
    let (status, f) = app.post_json(&requester, &url("/filing"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let filing_id = f["filing_id"].as_str().unwrap();
    let (_, filing) = app
        .get_json(&requester, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert_eq!(filing["status"], "draft");
    assert_eq!(filing["draft"]["cause"], "private_loan");
    assert!(filing["draft"]["facts"].as_str().unwrap().contains("3万元"));
    assert!(filing["draft"]["parties"].to_string().contains("王借款"));
    let (_, after) = app.get_json(&requester, &url("")).await;
    assert_eq!(after["status"], "filed");
    assert_eq!(after["result_filing_id"], filing_id);
    // Bad input never panics: an unknown cause, court, mediator, mode and a missing respondent, all at once.
    let (status, p) = app
        .post_json(
            &requester,
            "/api/v1/mediations",
            json!({"cause": "x", "court_code": "y", "mediator_id": "z", "start": "", "mode": "q",
                   "summary": "", "respondent": {"name": "", "mobile": "123"}}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in [
        "cause",
        "court_code",
        "mediator_id",
        "mode",
        "start",
        "summary",
        "respondent.name",
        "respondent.mobile",
    ] {
        assert!(p["errors"][f].is_string(), "{f}: {p}");
    }
    // Invitations to one mobile number are bounded (three a day, whoever sends them): a text-message flood is not a
    // way to harass someone.
    let mediator_id = body["mediator_id"].as_str().unwrap().to_string();
    let (_, free) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator_id}/slots?days=21"),
        )
        .await;
    for (i, expected) in [
        (1, StatusCode::CREATED),
        (2, StatusCode::CREATED),
        (3, StatusCode::TOO_MANY_REQUESTS),
    ] {
        let start = free["slots"][i]["start"].as_str().unwrap();
        let (status, b) = app
            .post_json(
                &requester,
                "/api/v1/mediations",
                booking(&mediator_id, start, "13700000091"),
            )
            .await;
        assert_eq!(status, expected, "{i}: {b}");
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(b["code"], "rate_limited");
        }
    }
    // Court staff do not book for themselves; logged out is 401.
    let (status, _) = app
        .post_json(
            &clerk,
            "/api/v1/mediations",
            json!({"mediator_id": "x", "start": "", "mode": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .post_json(
            &app.client,
            "/api/v1/mediations",
            json!({"mediator_id": "x", "start": "", "mode": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn two_hundred_attempts_at_one_slot_make_one_booking(app: TestApp) {
    let mediator = demo_mediator("mediator.changyi");
    let start = first_slot(&app, &mediator).await;
    let requester = logged_in(&app, "13900000001").await;
    let mut tasks = Vec::new();
    for i in 0..200 {
        let (c, url) = (requester.clone(), app.url("/api/v1/mediations"));
        let body = booking(&mediator, &start, &format!("137{:08}", 10_000_000 + i));
        tasks.push(tokio::spawn(async move {
            let res = c.post(url).json(&body).send().await.unwrap();
            (
                res.status(),
                res.json::<Value>().await.unwrap_or(Value::Null),
            )
        }));
    }
    let mut created = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => {
                assert_eq!(body["code"], "slot_taken", "{body}");
                let next = body["next_free"].as_array().unwrap();
                assert!(!next.is_empty() && !next.contains(&json!(start)), "{body}");
            }
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!(created, 1);
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediations WHERE start_ms = $1 AND status IN ('invited', 'scheduled')",
    )
    .bind(domain::slots::parse_rfc3339(&start).unwrap())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(n, 1);
}

async fn a_diverted_filing_is_mediated_and_returns_to_registration(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (filing_id, receipt) =
        submitted_filing(&app, &filer, &resident_id("22020219800101013")).await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, diverted) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{filing_id}/review"),
            json!({"action": "divert"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{diverted}");
    // The clerk assigns a mediator (the same recommendation ranks them); the filing's parties come along.
    let (_, roster) = app
        .get_json(
            &clerk,
            "/api/v1/mediators?cause=private_loan&court=%E5%90%890202",
        )
        .await;
    let mediator = roster["mediators"][0]["id"].as_str().unwrap().to_string();
    let start = first_slot(&app, &mediator).await;
    let (status, m) = app
        .post_json(
            &clerk,
            "/api/v1/mediations",
            json!({"filing_id": filing_id, "mediator_id": mediator, "start": start, "mode": "video"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    assert_eq!(m["filing_id"], filing_id.as_str());
    assert_eq!(m["cause"], "private_loan");
    assert!(m["summary"].as_str().unwrap().contains("借款"));
    assert!(m["parties"].to_string().contains("李四"));
    // A second booking for the same filing while this one is open is refused.
    let (status, _) = app
        .post_json(
            &filer,
            "/api/v1/mediations",
            json!({"filing_id": filing_id, "mediator_id": mediator, "start": start, "mode": "video"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The filer sees it as requester.
    let id = m["id"].as_str().unwrap();
    let (_, mine) = app
        .get_json(&filer, &format!("/api/v1/mediations/{id}"))
        .await;
    assert_eq!(mine["role"], "requester");
    // The defendant accepts from the link; the mediator finds no agreement; the filer takes it back to court.
    let token = token_of(mine["invitation_link"].as_str().unwrap());
    let (status, _) = app
        .post_json(
            &client(Some(&app.base)),
            &format!("/api/v1/mediations/{id}/response"),
            json!({"accept": true, "token": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mediator_login = {
        let row: String = sqlx::query_scalar(
            "SELECT a.login_name FROM mediators m JOIN accounts a ON a.id = m.account_id WHERE m.id = $1",
        )
        .bind(&mediator)
        .fetch_one(app.db.reader())
        .await
        .unwrap();
        row
    };
    let med = logged_in(&app, &mediator_login).await;
    // Extension: once, with a reason.
    let (status, p) = app
        .post_json(
            &med,
            &format!("/api/v1/mediations/{id}/extension"),
            json!({"days": 10, "reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let (status, ext) = app
        .post_json(
            &med,
            &format!("/api/v1/mediations/{id}/extension"),
            json!({"days": 10, "reason": "双方同意延长以便核对账目"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{ext}");
    assert_eq!(ext["extension_days"], 10);
    let (status, p) = app
        .post_json(
            &med,
            &format!("/api/v1/mediations/{id}/extension"),
            json!({"days": 5, "reason": "再延长"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    let (status, failed) = app
        .post_json(
            &med,
            &format!("/api/v1/mediations/{id}/outcome"),
            json!({"result": "failure", "note": "被申请人不同意还款计划"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{failed}");
    assert_eq!(failed["status"], "failed");
    let (status, back) = app
        .post_json(
            &filer,
            &format!("/api/v1/mediations/{id}/filing"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["filing_id"], filing_id.as_str());
    let (_, filing) = app
        .get_json(&filer, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert_eq!(filing["status"], "submitted");
    assert_eq!(
        filing["submitted_at"], receipt["filing"]["submitted_at"],
        "the filing date is kept"
    );
}

async fn invitations_expire_and_bookings_move_with_their_history(app: TestApp) {
    let (requester, body) = booked(&app, "13700000093").await;
    let id = body["id"].as_str().unwrap().to_string();
    // Moving to another free slot: the old one is freed, the history says from where to where.
    let mediator = body["mediator_id"].as_str().unwrap().to_string();
    let (_, slots) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=21"),
        )
        .await;
    let other = slots["slots"][1]["start"].as_str().unwrap().to_string();
    let (status, moved) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/reschedule"),
            json!({"start": other}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["start"], other.as_str());
    let last = moved["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "reschedule");
    assert!(last["note"]
        .as_str()
        .unwrap()
        .contains(body["start"].as_str().unwrap()));
    // Moving onto a taken slot is a 409 with the next free ones.
    let (_, second) = booked(&app, "13700000094").await;
    let (status, p) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/reschedule"),
            json!({"start": second["start"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "slot_taken");
    // An invitation nobody answered in time expires (the portal records it) and frees its slot.
    sqlx::query("UPDATE mediations SET invite_expires_at = 1 WHERE id = $1")
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    let (_, expired) = app
        .get_json(&requester, &format!("/api/v1/mediations/{id}"))
        .await;
    assert_eq!(expired["status"], "expired");
    let last = expired["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["role"], "system");
    assert_eq!(last["action"], "expire");
    // Cancelling needs a reason and is recorded.
    let sid = second["id"].as_str().unwrap();
    let (status, _) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{sid}/cancel"),
            json!({"reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, cancelled) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{sid}/cancel"),
            json!({"reason": "已与对方自行和解"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
}

/// A booking accepted from its link: (requester client, mediation id).
async fn accepted(app: &TestApp, respondent_mobile: &str) -> (Client, String) {
    let (requester, body) = booked(app, respondent_mobile).await;
    let id = body["id"].as_str().unwrap().to_string();
    let token = token_of(body["invitation_link"].as_str().unwrap());
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

async fn partial_agreements_refusals_notice_and_time_limits(app: TestApp) {
    let mediator = logged_in(&app, "mediator.changyi").await;
    // Within the notice period a party cannot move the session online; the mediator still can.
    let (requester, id) = accepted(&app, "13700000095").await;
    let soon = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
        + 2 * 3_600_000;
    sqlx::query("UPDATE mediations SET start_ms = $1, end_ms = $2 WHERE id = $3")
        .bind(soon)
        .bind(soon + 3_600_000)
        .bind(&id)
        .execute(app.db.writer())
        .await
        .unwrap();
    let (_, slots) = app
        .get_json(
            &app.client,
            &format!(
                "/api/v1/mediators/{}/slots?days=21",
                demo_mediator("mediator.changyi")
            ),
        )
        .await;
    let later = slots["slots"][3]["start"].as_str().unwrap().to_string();
    let (status, p) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/reschedule"),
            json!({"start": later}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "within_notice");
    assert!(p["detail"].as_str().unwrap().contains("24"));
    let (status, moved) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id}/reschedule"),
            json!({"start": later}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["start"], later.as_str());

    // A partial agreement: signed by both, the rest to court — the agreement stands and can still be confirmed.
    let (status, partial) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id}/outcome"),
            json!({"result": "partial", "terms": [{"text": "被申请人先行偿还一万元", "amount": "10000"}],
                   "unsettled": "其余两万元及利息"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{partial}");
    assert_eq!(partial["status"], "partly_settled");
    assert_eq!(partial["terms"][0]["amount_words"], "人民币壹万元整");
    let respondent = client(Some(&app.base));
    let (status, _) = app
        .post_json(
            &respondent,
            "/api/v1/accounts",
            citizen("13700000095", "22020219800101027"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    for c in [&requester, &respondent] {
        let (status, b) = app
            .post_json(
                c,
                &format!("/api/v1/mediations/{id}/agreement/signature"),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{b}");
    }
    let (status, f) = app
        .post_json(
            &requester,
            &format!("/api/v1/mediations/{id}/filing"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let filing_id = f["filing_id"].as_str().unwrap();
    let (_, filing) = app
        .get_json(&requester, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert!(filing["draft"]["facts"]
        .as_str()
        .unwrap()
        .contains("其余两万元及利息"));
    let (_, after) = app
        .get_json(&requester, &format!("/api/v1/mediations/{id}"))
        .await;
    assert_eq!(after["status"], "filed");
    assert!(after["actions"]
        .as_array()
        .unwrap()
        .contains(&json!("apply_confirmation")));
    // Both apply; a clerk may not rule, a judge of another court does not see it, the judge refuses without
    // reasons only with a 422, then with them.
    for c in [&requester, &respondent] {
        let (status, b) = app
            .post_json(
                c,
                &format!("/api/v1/mediations/{id}/confirmation"),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{b}");
    }
    let (_, m) = app
        .get_json(&requester, &format!("/api/v1/mediations/{id}"))
        .await;
    let conf = m["confirmation"]["id"].as_str().unwrap().to_string();
    let decision = format!("/api/v1/confirmations/{conf}/decision");
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(&clerk, &decision, json!({"confirm": true}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let far = logged_in(&app, "clerk.dunhua").await;
    let (status, _) = app
        .post_json(&far, &decision, json!({"confirm": true}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let judge = logged_in(&app, "judge.changyi").await;
    let (status, p) = app
        .post_json(&judge, &decision, json!({"confirm": false}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert!(p["errors"]["reasons"].is_string());
    let (status, refused) = app
        .post_json(
            &judge,
            &decision,
            json!({"confirm": false, "reasons": "协议内容涉及案外人权益，需补充说明"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{refused}");
    assert_eq!(refused["status"], "refused");
    assert!(refused["case_number"].is_null());

    // The thirty days to apply (Art. 205) are counted from the agreement taking effect: afterwards, a 409 that
    // says until when it was.
    let (requester2, id2) = accepted(&app, "13700000096").await;
    let (status, _) = app
        .post_json(
            &mediator,
            &format!("/api/v1/mediations/{id2}/outcome"),
            json!({"result": "success", "terms": [{"text": "双方互不追究"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .post_json(
            &requester2,
            &format!("/api/v1/mediations/{id2}/agreement/signature"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    sqlx::query("UPDATE mediations SET effective_on = '2026-01-05' WHERE id = $1")
        .bind(&id2)
        .execute(app.db.writer())
        .await
        .unwrap();
    let (status, p) = app
        .post_json(
            &requester2,
            &format!("/api/v1/mediations/{id2}/confirmation"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "confirmation_too_late");
    assert!(p["detail"].as_str().unwrap().contains("2026-02-04"), "{p}");
}

async fn the_mediator_reads_the_diverted_filings_papers(app: TestApp) {
    let filer = logged_in(&app, "13900000001").await;
    let (filing_id, _) = submitted_filing(&app, &filer, &resident_id("22020219800101035")).await;
    let clerk = logged_in(&app, "clerk.changyi").await;
    let (status, _) = app
        .post_json(
            &clerk,
            &format!("/api/v1/filings/{filing_id}/review"),
            json!({"action": "divert"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mediator = logged_in(&app, "mediator.changyi").await;
    // Before it is theirs, the filing does not exist for the mediator.
    let (status, _) = app
        .get_json(&mediator, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let start = first_slot(&app, &demo_mediator("mediator.changyi")).await;
    let (status, m) = app
        .post_json(
            &filer,
            "/api/v1/mediations",
            json!({"filing_id": filing_id, "mediator_id": demo_mediator("mediator.changyi"),
                   "start": start, "mode": "in_person"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{m}");
    let (status, f) = app
        .get_json(&mediator, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    assert_eq!(f["draft"]["claims"][0]["text"], "判令被告偿还借款本金");
    // Another mediator still does not see it.
    let other = logged_in(&app, "mediator.liguohua").await;
    let (status, _) = app
        .get_json(&other, &format!("/api/v1/filings/{filing_id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn a_chosen_time_is_held_while_the_details_are_given(app: TestApp) {
    let mediator = demo_mediator("mediator.changyi");
    let (_, free) = app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=21"),
        )
        .await;
    let slot = |i: usize| free["slots"][i]["start"].as_str().unwrap().to_string();
    let a = logged_in(&app, "13900000001").await;
    let b = logged_in(&app, "13900000003").await;
    let hold = |c: Client, start: String| {
        let url = app.url(&format!("/api/v1/mediators/{mediator}/holds"));
        async move {
            let res = c
                .post(url)
                .json(&json!({"start": start, "cause": "private_loan", "court_code": "吉0202"}))
                .send()
                .await
                .unwrap();
            (
                res.status(),
                res.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    // A holds the first free time: nobody else can hold or book it meanwhile.
    let (status, held) = hold(a.clone(), slot(0)).await;
    assert_eq!(status, StatusCode::CREATED, "{held}");
    assert_eq!(held["status"], "held");
    assert!(held["actions"]
        .as_array()
        .unwrap()
        .contains(&json!("submit")));
    let id = held["id"].as_str().unwrap().to_string();
    let (status, p) = hold(b.clone(), slot(0)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "slot_taken");
    let (status, _) = app
        .post_json(
            &b,
            "/api/v1/mediations",
            booking(&mediator, &slot(0), "13700000097"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(!app
        .get_json(
            &app.client,
            &format!("/api/v1/mediators/{mediator}/slots?days=21")
        )
        .await
        .1
        .to_string()
        .contains(&slot(0)));
    // Someone else cannot complete A's hold.
    let details = |hold_id: &str| {
        json!({"hold_id": hold_id, "mode": "video", "summary": "借款三万元未还",
               "respondent": {"name": "王借款", "mobile": "13700000098"}})
    };
    let (status, _) = app.post_json(&b, "/api/v1/mediations", details(&id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A completes it: the hold's time and mediator, the other party invited.
    let (status, booked) = app.post_json(&a, "/api/v1/mediations", details(&id)).await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    assert_eq!(booked["id"], id.as_str());
    assert_eq!(booked["status"], "invited");
    assert_eq!(booked["start"], slot(0).as_str());
    assert_eq!(booked["mode"], "video");
    let actions: Vec<&str> = booked["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["hold", "submit"]);
    // Completing twice is refused.
    let (status, _) = app.post_json(&a, "/api/v1/mediations", details(&id)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A hold that ran out frees its time for the next person; completing it afterwards says so.
    let (status, held2) = hold(a.clone(), slot(1)).await;
    assert_eq!(status, StatusCode::CREATED, "{held2}");
    let id2 = held2["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE mediations SET invite_expires_at = 1 WHERE id = $1")
        .bind(&id2)
        .execute(app.db.writer())
        .await
        .unwrap();
    let (status, p) = app
        .post_json(
            &b,
            "/api/v1/mediations",
            booking(&mediator, &slot(1), "13700000099"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{p}");
    let (status, p) = app.post_json(&a, "/api/v1/mediations", details(&id2)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{p}");
    assert_eq!(p["code"], "hold_expired");
    let (_, gone) = app.get_json(&a, &format!("/api/v1/mediations/{id2}")).await;
    assert_eq!(gone["status"], "expired");
    // A hold is released at will.
    let (status, held3) = hold(a.clone(), slot(2)).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, released) = app
        .post_json(
            &a,
            &format!(
                "/api/v1/mediations/{}/cancel",
                held3["id"].as_str().unwrap()
            ),
            json!({"reason": "改天再约"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{released}");
    assert_eq!(released["status"], "cancelled");
}
