//! The legal knowledge base (法律问答): categories, question-and-answer entries and the law articles they quote;
//! the rules that decide whether the data may ship (every citation quoted, every link resolves); and the query's
//! normalisation and synonyms, which the search index and its tests share.
//!
//! The entries are data (`data/kb`), read at start-up; nothing here reads files.

use crate::Lang;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryGroup {
    /// What happened to people (借款, 劳动 …).
    Dispute,
    /// Using the court (立案, 诉讼费用 …).
    Court,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Category {
    pub id: String,
    pub group: CategoryGroup,
    pub zh: String,
    pub ko: String,
    pub en: String,
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// An article an entry rests on: the law's short name and the article's number.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
pub struct Citation {
    pub law: String,
    pub article: u32,
}

impl Citation {
    /// 《民法典》第六百七十五条
    pub fn label(&self) -> String {
        format!("《{}》{}", self.law, article_label(self.article))
    }
}

/// The title and answer of an entry in another language than Chinese.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Translation {
    pub title: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub category: String,
    pub title: String,
    /// Other ways people ask the same question.
    pub asks: Vec<String>,
    pub tags: Vec<String>,
    pub answer: String,
    pub cite: Vec<Citation>,
    pub related: Vec<String>,
    /// The guided pathway the question leads to.
    pub pathway: Option<String>,
    pub ko: Option<Translation>,
    pub en: Option<Translation>,
}

impl Entry {
    /// The title and answer in `lang`, or in Chinese when the entry has no translation (and whether it fell back).
    pub fn text(&self, lang: Lang) -> (&str, &str, bool) {
        let t = match lang {
            Lang::Zh => None,
            Lang::Ko => self.ko.as_ref(),
            Lang::En => self.en.as_ref(),
        };
        match t {
            Some(t) => (&t.title, &t.answer, false),
            None => (&self.title, &self.answer, lang != Lang::Zh),
        }
    }

    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Zh => true,
            Lang::Ko => self.ko.is_some(),
            Lang::En => self.en.is_some(),
        }
    }
}

/// A law and the articles of it the knowledge base quotes, exactly as promulgated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Law {
    pub name: String,
    pub full_name: String,
    pub articles: BTreeMap<u32, String>,
}

/// Words people use for a legal term (欠钱 → 民间借贷): a query containing any of `words` also searches `terms`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Synonym {
    pub words: Vec<String>,
    pub terms: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct KnowledgeBase {
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    pub laws: BTreeMap<String, Law>,
    pub synonyms: Vec<Synonym>,
    index: BTreeMap<String, usize>,
}

/// Bounds on the data (the loader refuses anything beyond them: an answer page must stay light on a slow network).
pub const MAX_TITLE_CHARS: usize = 160;
pub const MAX_ANSWER_CHARS: usize = 4_000;
pub const MAX_ASKS: usize = 6;
pub const MAX_ARTICLE_CHARS: usize = 3_000;

impl KnowledgeBase {
    /// Puts the parts together and checks them: every problem, each naming the entry or law, or the knowledge base.
    pub fn new(
        categories: Vec<Category>,
        entries: Vec<Entry>,
        laws: BTreeMap<String, Law>,
        synonyms: Vec<Synonym>,
    ) -> Result<KnowledgeBase, Vec<String>> {
        let mut kb = KnowledgeBase {
            categories,
            entries,
            laws,
            synonyms,
            index: BTreeMap::new(),
        };
        let mut problems = Vec::new();
        for (i, e) in kb.entries.iter().enumerate() {
            if kb.index.insert(e.id.clone(), i).is_some() {
                problems.push(format!("{}: the id is used twice", e.id));
            }
        }
        let categories: BTreeSet<&str> = kb.categories.iter().map(|c| c.id.as_str()).collect();
        for e in &kb.entries {
            let mut say = |p: String| problems.push(format!("{}: {p}", e.id));
            if !valid_id(&e.id) {
                say("the id must be lowercase letters, digits and '-'".into());
            }
            if !categories.contains(e.category.as_str()) {
                say(format!("unknown category {}", e.category));
            } else if !e.id.starts_with(&format!("{}-", e.category)) {
                say("the id must start with its category".into());
            }
            if e.title.trim().is_empty() || e.answer.trim().is_empty() {
                say("a title and an answer are required".into());
            }
            for (title, answer) in [(&e.title, &e.answer)].into_iter().chain(
                e.ko.iter()
                    .chain(e.en.iter())
                    .map(|t| (&t.title, &t.answer)),
            ) {
                if title.chars().count() > MAX_TITLE_CHARS
                    || answer.chars().count() > MAX_ANSWER_CHARS
                {
                    say(format!("\"{title}\" is longer than the bounds"));
                }
            }
            if e.asks.len() > MAX_ASKS {
                say(format!("more than {MAX_ASKS} other ways to ask"));
            }
            if e.cite.is_empty() {
                say("an entry that cannot cite does not ship".into());
            }
            for c in &e.cite {
                if kb.article(c).is_none() {
                    say(format!("cites {} but the article is not quoted", c.label()));
                }
            }
            for r in &e.related {
                if !kb.index.contains_key(r) || r == &e.id {
                    say(format!("related entry {r} does not exist"));
                }
            }
        }
        for law in kb.laws.values() {
            for (n, text) in &law.articles {
                if text.trim().is_empty() || text.chars().count() > MAX_ARTICLE_CHARS {
                    problems.push(format!(
                        "{} {}: empty or too long",
                        law.name,
                        article_label(*n)
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(problems)
        }
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|i| &self.entries[*i])
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The quoted text of a cited article.
    pub fn article(&self, c: &Citation) -> Option<&str> {
        self.laws
            .get(&c.law)
            .and_then(|l| l.articles.get(&c.article))
            .map(String::as_str)
    }

    /// The legal terms the synonyms add to a normalised query (each once, in the order of the rules).
    pub fn expand(&self, normalised: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.synonyms {
            if s.words.iter().any(|w| normalised.contains(&normalise(w))) {
                for t in &s.terms {
                    if !out.contains(&t.as_str()) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The longest query the search reads (characters); longer ones are refused, not cut silently.
pub const MAX_QUERY_CHARS: usize = 200;

/// What a query means regardless of how it was typed: full-width letters, digits and punctuation as half-width
/// (ＡＢＣ１２３ → abc123), the ideographic space as a space, Latin letters in lower case, control characters
/// dropped, runs of white space as one space, trimmed.
pub fn normalise(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    let mut space = false;
    for c in q.chars() {
        let c = match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// 675 → 第六百七十五条, as Chinese law numbers its articles.
pub fn article_label(n: u32) -> String {
    format!("第{}条", chinese_number(n))
}

fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return DIGITS[0].into();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        // 十, 十一 … 十九: no leading 一.
        return format!(
            "十{}",
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (u, name) in units {
        let d = (n / u) % 10;
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push_str(DIGITS[0]);
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(name);
        started = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_numbered_as_the_laws_number_them() {
        for (n, label) in [
            (1, "第一条"),
            (10, "第十条"),
            (15, "第十五条"),
            (20, "第二十条"),
            (27, "第二十七条"),
            (100, "第一百条"),
            (105, "第一百零五条"),
            (110, "第一百一十条"),
            (188, "第一百八十八条"),
            (205, "第二百零五条"),
            (250, "第二百五十条"),
            (675, "第六百七十五条"),
            (1000, "第一千条"),
            (1005, "第一千零五条"),
            (1079, "第一千零七十九条"),
            (1087, "第一千零八十七条"),
            (1260, "第一千二百六十条"),
        ] {
            assert_eq!(article_label(n), label, "{n}");
        }
    }

    #[test]
    fn queries_typed_in_full_width_or_upper_case_mean_the_same() {
        assert_eq!(normalise("ＡＰＰ　退款１２３元？"), "app 退款123元?");
        assert_eq!(normalise("  老板  不给\t工资\n"), "老板 不给 工资");
        assert_eq!(normalise("Ｗｅｃｈａｔ转账"), "wechat转账");
        assert_eq!(normalise("\u{0}\u{7}欠钱"), "欠钱");
    }

    fn entry(id: &str, cite: Vec<Citation>, related: Vec<String>) -> Entry {
        Entry {
            id: id.into(),
            category: "loan".into(),
            title: "借钱不还怎么办？".into(),
            asks: vec![],
            tags: vec!["民间借贷".into()],
            answer: "可以先催告。".into(),
            cite,
            related,
            pathway: None,
            ko: None,
            en: None,
        }
    }

    fn base(entries: Vec<Entry>) -> Result<KnowledgeBase, Vec<String>> {
        let mut articles = BTreeMap::new();
        articles.insert(675, "借款人应当按照约定的期限返还借款。".to_string());
        let mut laws = BTreeMap::new();
        laws.insert(
            "民法典".to_string(),
            Law {
                name: "民法典".into(),
                full_name: "中华人民共和国民法典".into(),
                articles,
            },
        );
        KnowledgeBase::new(
            vec![Category {
                id: "loan".into(),
                group: CategoryGroup::Dispute,
                zh: "借款".into(),
                ko: "대여금".into(),
                en: "Loans".into(),
            }],
            entries,
            laws,
            vec![Synonym {
                words: vec!["欠钱".into(), "借钱不还".into()],
                terms: vec!["民间借贷".into()],
            }],
        )
    }

    fn cite(article: u32) -> Citation {
        Citation {
            law: "民法典".into(),
            article,
        }
    }

    #[test]
    fn an_entry_that_cannot_cite_does_not_ship() {
        assert!(base(vec![entry("loan-a", vec![cite(675)], vec![])]).is_ok());
        let e = base(vec![entry("loan-a", vec![], vec![])]).unwrap_err();
        assert!(e[0].contains("cannot cite"), "{e:?}");
        let e = base(vec![entry("loan-a", vec![cite(676)], vec![])]).unwrap_err();
        assert!(e[0].contains("第六百七十六条"), "{e:?}");
    }

    #[test]
    fn links_ids_and_categories_must_resolve() {
        let e = base(vec![entry(
            "loan-a",
            vec![cite(675)],
            vec!["loan-b".into()],
        )])
        .unwrap_err();
        assert!(e[0].contains("loan-b"));
        let e = base(vec![
            entry("loan-a", vec![cite(675)], vec![]),
            entry("loan-a", vec![cite(675)], vec![]),
        ])
        .unwrap_err();
        assert!(e[0].contains("twice"));
        let e = base(vec![entry("sale-a", vec![cite(675)], vec![])]).unwrap_err();
        assert!(e[0].contains("start with its category"));
        let e = base(vec![entry("loan-A", vec![cite(675)], vec![])]).unwrap_err();
        assert!(e[0].contains("lowercase"));
    }

    #[test]
    fn synonyms_add_the_legal_term_whatever_the_width() {
        let kb = base(vec![entry("loan-a", vec![cite(675)], vec![])]).unwrap();
        assert_eq!(kb.expand(&normalise("朋友欠钱不还")), vec!["民间借贷"]);
        assert_eq!(kb.expand(&normalise("他借钱不还，欠钱")), vec!["民间借贷"]);
        assert!(kb.expand(&normalise("离婚")).is_empty());
    }

    #[test]
    fn an_untranslated_entry_falls_back_to_chinese_and_says_so() {
        let mut e = entry("loan-a", vec![cite(675)], vec![]);
        assert_eq!(e.text(Lang::En), ("借钱不还怎么办？", "可以先催告。", true));
        e.en = Some(Translation {
            title: "Unpaid loan".into(),
            answer: "Ask first.".into(),
        });
        assert_eq!(e.text(Lang::En), ("Unpaid loan", "Ask first.", false));
        assert!(!e.text(Lang::Zh).2);
    }
}
