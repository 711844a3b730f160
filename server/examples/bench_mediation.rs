//! Mediation's numbers on SQLite and PostgreSQL, through the repository and domain code the server uses:
//! - free slots for a month over the whole demo roster (every mediator's availability minus leave, bookings and
//!   public holidays), as the roster page's "free soon" and the booking calendar compute them;
//! - bookings per second, one at a time and from 8 tasks at once (each a transaction through the unique index).
//!
//! `bench_mediation [postgres-admin-url]`

use db::mediation::{self as store, NewMediation, NewParty};
use domain::mediation::{MediationMode, MediationRole};
use domain::slots::{self, SlotQuery};
use sqlx::Connection;
use std::time::Instant;

const BOOKINGS: usize = 400;

async fn roster_month(
    db: &db::Db,
    calendar: &domain::calendar::HolidayCalendar,
    now_ms: i64,
) -> usize {
    let from = domain::date::shanghai_date(now_ms);
    let to = domain::calendar::add_days(from, 31);
    let from_ms = from.to_days() * 86_400_000 - domain::date::SHANGHAI_OFFSET_MS;
    let mut n = 0;
    for m in store::mediators(db).await.unwrap() {
        let absences = store::absences(db, &m.id, from, to).await.unwrap();
        let taken = store::taken(db, &m.id, from_ms, from_ms + 32 * 86_400_000)
            .await
            .unwrap();
        n += slots::free_slots(&SlotQuery {
            windows: &m.windows,
            absences: &absences,
            calendar,
            taken: &taken,
            from,
            days: 31,
            now_ms,
            min_notice_ms: 24 * 3_600_000,
        })
        .len();
    }
    n
}

async fn run(label: &str, url: &str) {
    let keys = db::crypto::Keys::from_master(b"bench");
    let db = db::Db::connect(url, keys.clone()).await.unwrap();
    db.migrate().await.unwrap();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let today = domain::date::shanghai_date(now_ms);
    db::demo::load(&db, &keys, today, now_ms).await.unwrap();
    let calendar = domain::calendar::shipped();
    let mediators = store::mediators(&db).await.unwrap();

    // Free slots for a month over the whole roster.
    let rounds = 5;
    let start = Instant::now();
    let mut slots_found = 0;
    for _ in 0..rounds {
        slots_found = roster_month(&db, &calendar, now_ms).await;
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
    println!(
        "{label:<11} free slots, {} mediators × 31 days: {per:>7.1} ms per roster-month ({slots_found} free slots)",
        mediators.len()
    );

    // Bookings: each a distinct free slot of some mediator, so every insert succeeds.
    let requester = db::accounts::find_for_login(&db, "13900000001")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut free: Vec<(String, i64)> = Vec::new();
    for m in &mediators {
        let from_ms = today.to_days() * 86_400_000 - domain::date::SHANGHAI_OFFSET_MS;
        let taken = store::taken(&db, &m.id, from_ms, from_ms + 62 * 86_400_000)
            .await
            .unwrap();
        for s in slots::free_slots(&SlotQuery {
            windows: &m.windows,
            absences: &[],
            calendar: &calendar,
            taken: &taken,
            from: today,
            days: 62,
            now_ms,
            min_notice_ms: 0,
        }) {
            free.push((m.id.clone(), s.start_ms));
        }
    }
    let need = BOOKINGS * 2;
    if free.len() < need {
        println!(
            "{label:<11} not enough free slots for the booking benchmark ({})",
            free.len()
        );
        db.close().await;
        return;
    }
    let book = |db: db::Db, requester: String, (mediator, start): (String, i64)| async move {
        let m = NewMediation {
            cause: "private_loan",
            court_code: "吉0202",
            mediator_id: &mediator,
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
            status: domain::mediation::MediationStatus::Invited,
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
        };
        store::create(&db, &m, 1).await.unwrap();
    };
    let mut slots_iter = free.into_iter();
    let start = Instant::now();
    for _ in 0..BOOKINGS {
        book(db.clone(), requester.clone(), slots_iter.next().unwrap()).await;
    }
    let serial = BOOKINGS as f64 / start.elapsed().as_secs_f64();
    let batches: Vec<Vec<(String, i64)>> = (0..8)
        .map(|_| slots_iter.by_ref().take(BOOKINGS / 8).collect())
        .collect();
    let start = Instant::now();
    let tasks: Vec<_> = batches
        .into_iter()
        .map(|batch| {
            let (db, requester) = (db.clone(), requester.clone());
            tokio::spawn(async move {
                for s in batch {
                    book(db.clone(), requester.clone(), s).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let parallel = (BOOKINGS / 8 * 8) as f64 / start.elapsed().as_secs_f64();
    println!(
        "{label:<11} bookings: {serial:>7.0}/s one at a time   {parallel:>7.0}/s from 8 tasks"
    );
    db.close().await;
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("portal-bench-med-{}", db::new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    run(
        "SQLite",
        &format!("sqlite://{}/bench.db?mode=rwc", dir.display()),
    )
    .await;
    let admin = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());
    match sqlx::PgConnection::connect(&admin).await {
        Ok(mut c) => {
            let name = format!("portal_bench_{}", &db::new_id()[..12]);
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut c)
                .await
                .unwrap();
            let base = admin.rsplit_once('/').unwrap().0;
            run("PostgreSQL", &format!("{base}/{name}")).await;
            let _ = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&mut c)
                .await;
        }
        Err(e) => println!("PostgreSQL  not reachable at {admin}: {e}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
