//! Native timings of the rules the browser also runs: the fee quote and the risk estimate, per call.

use domain::fees::{quote, FeeCategory, FeeRequest, FeeTable, Procedure};
use std::hint::black_box;
use std::time::Instant;

fn per_call(name: &str, n: u32, mut f: impl FnMut(u32)) {
    for i in 0..n / 10 {
        f(i); // warm-up
    }
    let start = Instant::now();
    for i in 0..n {
        f(i);
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(n);
    println!(
        "{name:<28} {:>10.2} µs per call (native, {n} calls)",
        ns / 1000.0
    );
}

fn main() {
    let table = FeeTable::JILIN;
    per_call("fee quote", 200_000, |i| {
        let req = FeeRequest {
            fee_category: FeeCategory::Property,
            amount_fen: Some(i64::from(i) * 1_234_567),
            procedure: Procedure::Simple,
            preservation_amount_fen: Some(1_000_000),
            wage_claim: false,
        };
        black_box(quote(black_box(&req), &table).unwrap());
    });
    let draft = domain::filing::sample_loan_claim();
    let cal = domain::calendar::shipped();
    let words = app::texts::risk_words(domain::Lang::Zh);
    let today = domain::Date::new(2026, 11, 23).unwrap();
    per_call("risk estimate", 50_000, |_| {
        black_box(domain::risk::assess(
            black_box(&draft),
            &words,
            today,
            &cal,
            &table,
        ));
    });
    per_call("filing validation", 50_000, |_| {
        let _ = black_box(domain::filing::validate(black_box(&draft), today));
    });
}
