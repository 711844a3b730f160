//! The knowledge base's full-text index: tantivy in memory, Chinese segmented by jieba (search mode, so 劳动报酬
//! is found by 劳动, 报酬 and 劳动报酬), BM25 with the title weighted most. Built at start-up on every instance
//! from the same data files, in well under a second, so search scales out with the servers and needs no shared
//! index directory.
//!
//! A query is normalised first (full-width, case), then searched three ways at once: its jieba words in the title,
//! the other ways to ask, the tags and the answer; the legal terms its everyday words stand for (synonyms); and its
//! character pairs in a field of pairs, which is what makes one mistyped character (劳动仲栽) still find 劳动仲裁.

use domain::kb::{normalise, KnowledgeBase};
use domain::Lang;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    Language, LowerCaser, NgramTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

const JIEBA: &str = "zh_jieba";
const PAIRS: &str = "pairs";
const ENGLISH: &str = "en_stem";

/// Words that carry no meaning for the search (how people frame a question, not what it is about).
const STOP: &[&str] = &[
    "的",
    "了",
    "吗",
    "呢",
    "啊",
    "吧",
    "我",
    "你",
    "他",
    "她",
    "它",
    "我们",
    "他们",
    "是",
    "在",
    "有",
    "和",
    "与",
    "就",
    "都",
    "也",
    "还",
    "又",
    "要",
    "会",
    "能",
    "可以",
    "怎么",
    "怎么办",
    "怎样",
    "如何",
    "什么",
    "为什么",
    "办",
    "该",
    "应该",
    "一个",
    "这个",
    "那个",
    "这",
    "那",
    "给",
    "被",
    "把",
    "让",
    "对",
    "向",
    "从",
    "到",
    "请问",
    "问",
    "想",
    "哪",
    "哪里",
    "多少",
    "个",
    "不",
    "没",
    "没有",
    "吗?",
    "?",
    "呀",
    "嘛",
    "the",
    "a",
    "an",
    "to",
    "of",
    "i",
    "my",
    "is",
    "do",
    "what",
    "how",
    "can",
    "in",
    "for",
    "and",
    "or",
    "me",
    "it",
];

/// The fields of one entry's document, and how much a match in each counts.
#[derive(Clone, Copy, Debug)]
struct Fields {
    doc: Field,
    zh_title: Field,
    zh_asks: Field,
    zh_tags: Field,
    zh_body: Field,
    zh_pairs: Field,
    en_title: Field,
    en_body: Field,
    ko_title: Field,
    ko_body: Field,
}

/// A search result: the entry's position in the knowledge base, its score and a snippet of its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: usize,
    pub score: f32,
    pub snippet: Snippet,
}

/// A passage of the answer with the byte ranges that matched the query.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

impl Snippet {
    /// The passage as HTML: everything escaped, the matches in `<mark>`.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.marks.len());
        let mut at = 0;
        for (from, to) in merged(&self.marks, &self.text) {
            escape_into(&self.text[at..from], &mut out);
            out.push_str("<mark>");
            escape_into(&self.text[from..to], &mut out);
            out.push_str("</mark>");
            at = to;
        }
        escape_into(&self.text[at..], &mut out);
        out
    }
}

/// The ranges in order, overlapping ones joined (search mode marks 劳动 and 劳动报酬 both), and any that would not
/// cut the text at character boundaries left out.
fn merged(marks: &[(usize, usize)], text: &str) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = marks
        .iter()
        .copied()
        .filter(|(a, b)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .collect();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (a, b) in sorted {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

pub struct KbIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The last answers given: many people ask the same few questions, and a search costs about half a
    /// millisecond of one core. Keyed by the normalised query, the language and the limit; the index never changes
    /// while the process runs, so nothing goes stale.
    recent: quick_cache::sync::Cache<(String, Lang, usize), Vec<Hit>>,
}

/// How many searches are kept.
const RECENT: usize = 4096;

impl std::fmt::Debug for KbIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KbIndex").finish_non_exhaustive()
    }
}

fn text(schema: &mut tantivy::schema::SchemaBuilder, name: &str, tokenizer: &str) -> Field {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    schema.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
}

impl KbIndex {
    /// Builds the index of every entry (one segment, in memory).
    pub fn build(kb: &KnowledgeBase) -> tantivy::Result<KbIndex> {
        let mut b = Schema::builder();
        let fields = Fields {
            doc: b.add_u64_field("doc", NumericOptions::default().set_stored()),
            zh_title: text(&mut b, "zh_title", JIEBA),
            zh_asks: text(&mut b, "zh_asks", JIEBA),
            zh_tags: text(&mut b, "zh_tags", JIEBA),
            zh_body: text(&mut b, "zh_body", JIEBA),
            zh_pairs: text(&mut b, "zh_pairs", PAIRS),
            en_title: text(&mut b, "en_title", ENGLISH),
            en_body: text(&mut b, "en_body", ENGLISH),
            ko_title: text(&mut b, "ko_title", PAIRS),
            ko_body: text(&mut b, "ko_body", PAIRS),
        };
        let index = Index::create_in_ram(b.build());
        let jieba = TextAnalyzer::builder(tantivy_jieba::JiebaTokenizer::new())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build();
        let pairs = TextAnalyzer::builder(NgramTokenizer::new(2, 2, false)?)
            .filter(LowerCaser)
            .build();
        let english = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        index.tokenizers().register(JIEBA, jieba);
        index.tokenizers().register(PAIRS, pairs);
        index.tokenizers().register(ENGLISH, english);
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        for (i, e) in kb.entries.iter().enumerate() {
            let f = &fields;
            let mut d = TantivyDocument::default();
            d.add_u64(f.doc, i as u64);
            d.add_text(f.zh_title, normalise(&e.title));
            d.add_text(f.zh_asks, normalise(&e.asks.join("。")));
            d.add_text(f.zh_tags, normalise(&e.tags.join("。")));
            d.add_text(f.zh_body, normalise(&e.answer));
            for s in [&e.title]
                .into_iter()
                .chain(e.asks.iter())
                .chain(e.tags.iter())
            {
                d.add_text(f.zh_pairs, pairs_of(&normalise(s)));
            }
            if let Some(t) = &e.en {
                d.add_text(f.en_title, &t.title);
                d.add_text(f.en_body, &t.answer);
            }
            if let Some(t) = &e.ko {
                d.add_text(f.ko_title, normalise(&t.title));
                d.add_text(f.ko_body, normalise(&t.answer));
            }
            writer.add_document(d)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(KbIndex {
            index,
            reader,
            fields,
            recent: quick_cache::sync::Cache::new(RECENT),
        })
    }

    /// The distinct meaningful terms `text` gives in `field`, as that field's analyzer cuts them.
    fn terms(&self, field: Field, text: &str) -> Vec<Term> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else {
            return Vec::new();
        };
        let mut out: Vec<Term> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            let t = token.text.trim();
            if t.is_empty() || STOP.contains(&t) || !t.chars().any(char::is_alphanumeric) {
                continue;
            }
            let term = Term::from_field_text(field, t);
            if !out.contains(&term) {
                out.push(term);
            }
        }
        out
    }

    fn query(&self, kb: &KnowledgeBase, q: &str, lang: Lang) -> BooleanQuery {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut add = |field: Field, text: &str, boost: f32, fuzzy: bool| {
            for term in self.terms(field, text) {
                let latin_word = term
                    .value()
                    .as_str()
                    .is_some_and(|s| s.len() >= 5 && s.bytes().all(|b| b.is_ascii_alphabetic()));
                let q: Box<dyn Query> = if fuzzy && latin_word {
                    Box::new(FuzzyTermQuery::new(term, 1, true))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                };
                clauses.push((Occur::Should, Box::new(BoostQuery::new(q, boost))));
            }
        };
        add(f.zh_title, q, 3.0, true);
        add(f.zh_asks, q, 2.0, false);
        add(f.zh_tags, q, 2.0, false);
        add(f.zh_body, q, 1.0, false);
        add(f.zh_pairs, &pairs_of(q), 0.5, false);
        for term in kb.expand(q) {
            let term = normalise(term);
            add(f.zh_tags, &term, 2.5, false);
            add(f.zh_title, &term, 2.0, false);
            add(f.zh_body, &term, 1.0, false);
        }
        match lang {
            Lang::Zh => {}
            Lang::En => {
                add(f.en_title, q, 3.0, true);
                add(f.en_body, q, 1.0, true);
            }
            Lang::Ko => {
                add(f.ko_title, q, 3.0, false);
                add(f.ko_body, q, 1.0, false);
            }
        }
        BooleanQuery::new(clauses)
    }

    /// The best `limit` entries for `query` (typed as it came; normalised here), each with a snippet of its answer
    /// in `lang` (or Chinese when the entry has no translation). A query asked recently is answered from memory.
    pub fn search(&self, kb: &KnowledgeBase, query: &str, lang: Lang, limit: usize) -> Vec<Hit> {
        let q = normalise(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let key = (q, lang, limit);
        if let Some(hits) = self.recent.get(&key) {
            return hits;
        }
        let hits = self.search_index(kb, &key.0, lang, limit);
        self.recent.insert(key, hits.clone());
        hits
    }

    /// [`Self::search`] without the memory of recent searches: what a new question costs (the benchmark's measure).
    pub fn search_uncached(
        &self,
        kb: &KnowledgeBase,
        query: &str,
        lang: Lang,
        limit: usize,
    ) -> Vec<Hit> {
        let q = normalise(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        self.search_index(kb, &q, lang, limit)
    }

    fn search_index(&self, kb: &KnowledgeBase, q: &str, lang: Lang, limit: usize) -> Vec<Hit> {
        let query = self.query(kb, q, lang);
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()) else {
            return Vec::new();
        };
        let body = match lang {
            Lang::Zh => self.fields.zh_body,
            Lang::En => self.fields.en_body,
            Lang::Ko => self.fields.ko_body,
        };
        let snippets = |field| {
            SnippetGenerator::create(&searcher, &query, field).map(|mut g| {
                g.set_max_num_chars(120);
                g
            })
        };
        let (local, chinese) = (snippets(body).ok(), snippets(self.fields.zh_body).ok());
        top.into_iter()
            .filter_map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address).ok()?;
                let entry = doc.get_first(self.fields.doc)?.as_u64()? as usize;
                let e = kb.entries.get(entry)?;
                let (_, answer, fell_back) = e.text(lang);
                let generator = if fell_back || lang == Lang::Zh {
                    chinese.as_ref()
                } else {
                    local.as_ref()
                };
                let snippet = generator
                    .map(|g| {
                        // The answer as written (its own punctuation), not the normalised text the index holds.
                        let s = g.snippet(answer);
                        Snippet {
                            text: s.fragment().to_string(),
                            marks: s.highlighted().iter().map(|r| (r.start, r.end)).collect(),
                        }
                    })
                    .filter(|s| !s.text.is_empty())
                    .unwrap_or_else(|| Snippet {
                        text: opening(answer, 80),
                        marks: Vec::new(),
                    });
                Some(Hit {
                    entry,
                    score,
                    snippet,
                })
            })
            .collect()
    }
}

/// Each pair of neighbouring characters of the text's Chinese runs, space-separated (ASCII words stay whole):
/// the pairs field's content and its query.
fn pairs_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(2) {
        if is_cjk(w[0]) && is_cjk(w[1]) {
            out.push(w[0]);
            out.push(w[1]);
            out.push(' ');
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{AC00}'..='\u{D7AF}')
}

/// The first `n` characters of the answer's first paragraph.
fn opening(answer: &str, n: usize) -> String {
    let first = answer.split("\n\n").next().unwrap_or(answer);
    let mut s: String = first.chars().take(n).collect();
    if first.chars().count() > n {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_everything_but_their_marks() {
        let s = Snippet {
            text: "<b>欠款</b>要催".into(),
            marks: vec![(3, 9)],
        };
        assert_eq!(s.to_html(), "&lt;b&gt;<mark>欠款</mark>&lt;/b&gt;要催");
        // Overlapping marks (劳动 inside 劳动报酬) join; ranges that would split a character are left out.
        let s = Snippet {
            text: "劳动报酬".into(),
            marks: vec![(0, 12), (0, 6), (1, 4), (6, 30)],
        };
        assert_eq!(s.to_html(), "<mark>劳动报酬</mark>");
    }

    #[test]
    fn pairs_cover_each_neighbouring_chinese_pair() {
        assert_eq!(pairs_of("劳动仲裁 app"), "劳动 动仲 仲裁 ");
        assert_eq!(pairs_of("a"), "");
    }

    #[test]
    fn jieba_cuts_chinese_into_words_and_keeps_latin_words() {
        let kb = KnowledgeBase::default();
        let index = KbIndex::build(&kb).unwrap();
        let words: Vec<String> = index
            .terms(
                index.fields.zh_title,
                &normalise("老板拖欠工资三个月怎么办 App"),
            )
            .iter()
            .filter_map(|t| t.value().as_str().map(String::from))
            .collect();
        for w in ["老板", "拖欠", "工资", "app"] {
            assert!(words.contains(&w.to_string()), "{w} in {words:?}");
        }
        // Question words are not what a question is about.
        assert!(!words.contains(&"怎么办".to_string()), "{words:?}");
    }
}
