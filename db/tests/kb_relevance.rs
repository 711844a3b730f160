//! The knowledge base's relevance test set: questions written the way people ask (`data/kb/relevance/*.toml`),
//! each with the entry that must be among the first three results. Prints the hit rate and every miss; fails
//! below 90 %. Also checks that the shipped data loads (every citation quoted, every link resolves).

use db::kb::{load, relevance_cases};
use db::kb_index::KbIndex;
use domain::Lang;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../data")).join(name)
}

#[test]
fn the_relevance_set_finds_the_right_answer_in_the_top_three() {
    let library = load(&data("kb"), &data("pathways")).unwrap_or_else(|e| panic!("{e}"));
    let index = KbIndex::build(&library.kb).expect("the index builds");
    let cases = relevance_cases(&data("kb")).expect("the relevance set loads");
    assert!(
        cases.len() >= 60,
        "the relevance set has {} questions; at least 60",
        cases.len()
    );
    let mut misses = Vec::new();
    for c in &cases {
        assert!(
            library.kb.entry(&c.expect).is_some(),
            "{}: unknown entry {}",
            c.q,
            c.expect
        );
        let hits = index.search(&library.kb, &c.q, Lang::Zh, 3);
        if !hits
            .iter()
            .any(|h| library.kb.entries[h.entry].id == c.expect)
        {
            let got: Vec<&str> = hits
                .iter()
                .map(|h| library.kb.entries[h.entry].id.as_str())
                .collect();
            misses.push(format!("  {} → expected {}, got {:?}", c.q, c.expect, got));
        }
    }
    let rate = 100.0 * (cases.len() - misses.len()) as f64 / cases.len() as f64;
    println!(
        "knowledge base relevance: {}/{} in the top 3 ({rate:.1} %)",
        cases.len() - misses.len(),
        cases.len()
    );
    for m in &misses {
        println!("{m}");
    }
    assert!(
        rate >= 90.0,
        "hit rate {rate:.1} % is below 90 %:\n{}",
        misses.join("\n")
    );
}

#[test]
fn the_shipped_data_is_complete() {
    let library = load(&data("kb"), &data("pathways")).unwrap_or_else(|e| panic!("{e}"));
    let kb = &library.kb;
    assert!(kb.entries.len() >= 150, "{} entries", kb.entries.len());
    let translated = kb
        .entries
        .iter()
        .filter(|e| e.ko.is_some() && e.en.is_some())
        .count();
    assert!(
        translated >= 40,
        "{translated} entries in Korean and English"
    );
    for c in &kb.categories {
        assert!(
            kb.entries.iter().any(|e| e.category == c.id),
            "{} has no entries",
            c.id
        );
    }
    assert!(library.pathway("labour").is_some());
}

#[test]
fn people_s_words_find_the_legal_terms() {
    let library = load(&data("kb"), &data("pathways")).unwrap_or_else(|e| panic!("{e}"));
    let index = KbIndex::build(&library.kb).expect("the index builds");
    let kb = &library.kb;
    let top = |q: &str, lang| {
        index
            .search(kb, q, lang, 3)
            .into_iter()
            .map(|h| kb.entries[h.entry].clone())
            .collect::<Vec<_>>()
    };
    // Synonyms: everyday words reach the entries tagged with the legal term.
    for (q, term) in [
        ("欠钱", "民间借贷"),
        ("老板不给工资", "劳动报酬"),
        ("撞车", "交通事故"),
        ("离婚分财产", "离婚财产分割"),
    ] {
        let hits = top(q, Lang::Zh);
        assert!(
            hits.iter()
                .any(|e| e.tags.iter().any(|t| t.contains(term)) || e.title.contains(term)),
            "{q} should reach {term}: {:?}",
            hits.iter().map(|e| &e.id).collect::<Vec<_>>()
        );
    }
    // Full-width and half-width, upper and lower case, are the same question.
    let ids = |q: &str| {
        top(q, Lang::Zh)
            .into_iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("老板拖欠工资怎么办"), ids("老板　拖欠工资　怎么办？"));
    assert_eq!(ids("app上买的东西能退吗"), ids("ＡＰＰ上买的东西能退吗"));
    // One mistyped character (裁 → 栽) still finds labour arbitration.
    let typo = top("劳动仲栽怎么申请", Lang::Zh);
    assert!(
        typo.iter().any(|e| e.id.starts_with("labour-")),
        "{:?}",
        typo.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    // Mixed Chinese and English, and English itself.
    assert!(!top("微信转账借钱没有借条", Lang::Zh).is_empty());
    let en = index.search(kb, "my boss has not paid my wages", Lang::En, 3);
    assert!(
        en.iter().any(|h| kb.entries[h.entry].category == "labour"),
        "{:?}",
        en.iter()
            .map(|h| &kb.entries[h.entry].id)
            .collect::<Vec<_>>()
    );
    // Snippets mark what matched.
    let hits = index.search(kb, "拖欠工资", Lang::Zh, 1);
    assert!(
        hits[0].snippet.to_html().contains("<mark>"),
        "{:?}",
        hits[0].snippet
    );
    // Nothing to search for finds nothing.
    assert!(index.search(kb, "   ", Lang::Zh, 3).is_empty());
}
