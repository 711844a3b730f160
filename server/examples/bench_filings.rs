//! Filing submissions per second on SQLite and PostgreSQL: create + submit through the same repository code the
//! server uses, one at a time and from 8 tasks at once. `bench_filings [postgres-admin-url]`

use db::filings::{self, Submission};
use sqlx::Connection;
use std::time::Instant;

const N: usize = 300;

async fn one(db: &db::Db, filer: &str, i: usize) {
    let f = filings::create(
        db,
        filer,
        &domain::filing::sample_loan_claim(),
        "127.0.0.1",
        1,
    )
    .await
    .unwrap();
    let receipt = format!("BENCH{i:08}{}", &f.id[..6]);
    let s = Submission {
        receipt_no: &receipt,
        query_code_hash: "x",
        review_deadline: "2026-12-01",
        fee_table_version: "jilin-2007-v1",
        fee_total_fen: 230_000,
        access: &[],
        suggested_competent: None,
    };
    filings::submit(db, &f.id, filer, &s, "127.0.0.1", 2)
        .await
        .unwrap();
}

async fn run(label: &str, url: &str, durability: db::Durability) {
    let keys = db::crypto::Keys::from_master(b"bench");
    let db = db::Db::connect_with(url, keys.clone(), durability)
        .await
        .unwrap();
    db.migrate().await.unwrap();
    db::demo::load(&db, &keys, domain::Date::new(2026, 11, 23).unwrap(), 0)
        .await
        .unwrap();
    let filer = db::accounts::find_for_login(&db, "13900000001")
        .await
        .unwrap()
        .unwrap()
        .id;
    let start = Instant::now();
    for i in 0..N {
        one(&db, &filer, i).await;
    }
    let serial = N as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    let tasks: Vec<_> = (0..8)
        .map(|t| {
            let (db, filer) = (db.clone(), filer.clone());
            tokio::spawn(async move {
                for i in 0..N / 8 {
                    one(&db, &filer, N + t * N + i).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let parallel = (N / 8 * 8) as f64 / start.elapsed().as_secs_f64();
    println!("{label:<14} {serial:>8.0} submissions/s one at a time   {parallel:>8.0} submissions/s from 8 tasks");
    db.close().await;
}

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("portal-bench-{}", db::new_id()));
    std::fs::create_dir_all(&dir).unwrap();
    // What durable commits cost: synchronous = FULL (the default: an acknowledged receipt survives a power loss)
    // beside NORMAL (the last commits before a power loss can roll back).
    run(
        "SQLite FULL",
        &format!("sqlite://{}/bench-full.db?mode=rwc", dir.display()),
        db::Durability::Full,
    )
    .await;
    run(
        "SQLite NORMAL",
        &format!("sqlite://{}/bench-normal.db?mode=rwc", dir.display()),
        db::Durability::Normal,
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
            run(
                "PostgreSQL",
                &format!("{base}/{name}"),
                db::Durability::Full,
            )
            .await;
            let _ = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&mut c)
                .await;
        }
        Err(e) => println!("PostgreSQL   not reachable at {admin}: {e}"),
    }
}
