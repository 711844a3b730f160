//! Reads the knowledge base and the guided pathways from their data files (`data/kb`, `data/pathways`) and refuses
//! data that cannot ship: a file that does not parse, an entry without a quoted citation, the same article quoted
//! two ways, a pathway that cannot be walked. Each problem names its file.

use domain::kb::{Category, Citation, Entry, KnowledgeBase, Law, Synonym, Translation};
use domain::pathway::Pathway;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("the knowledge base in {dir} cannot be loaded:\n  {}", problems.join("\n  "))]
pub struct LoadError {
    pub dir: String,
    pub problems: Vec<String>,
}

/// The knowledge base with its pathways, as read at start-up.
#[derive(Clone, Debug)]
pub struct Library {
    pub kb: KnowledgeBase,
    pub pathways: Vec<Pathway>,
}

impl Library {
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    category: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    synonym: Vec<Synonym>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntriesFile {
    #[serde(default)]
    entry: Vec<EntryRow>,
    #[serde(default)]
    law: Vec<LawRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRow {
    id: String,
    category: String,
    title: String,
    #[serde(default)]
    asks: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    answer: String,
    cite: Vec<(String, u32)>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    pathway: Option<String>,
    #[serde(default)]
    ko: Option<Translation>,
    #[serde(default)]
    en: Option<Translation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LawRow {
    name: String,
    full_name: String,
    #[serde(default)]
    articles: BTreeMap<String, String>,
}

/// A question of the relevance test set and the entry that must be among the first three results.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelevanceCase {
    pub q: String,
    pub expect: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelevanceFile {
    case: Vec<RelevanceCase>,
}

/// The `.toml` files of a directory, sorted by name (so every instance reads them in the same order).
fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn read<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Vec<String>) -> Option<T> {
    let name = path.display();
    match std::fs::read_to_string(path) {
        Ok(text) => match toml::from_str(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                None
            }
        },
        Err(e) => {
            problems.push(format!("{name}: {e}"));
            None
        }
    }
}

/// Reads `kb_dir` (categories, synonyms, entries with their quoted articles) and `pathways_dir`, and checks both.
pub fn load(kb_dir: &Path, pathways_dir: &Path) -> Result<Library, LoadError> {
    let mut problems = Vec::new();
    let fail = |problems: Vec<String>| LoadError {
        dir: kb_dir.display().to_string(),
        problems,
    };
    let categories = read::<CategoriesFile>(&kb_dir.join("categories.toml"), &mut problems)
        .map(|f| f.category)
        .unwrap_or_default();
    let synonyms = read::<SynonymsFile>(&kb_dir.join("synonyms.toml"), &mut problems)
        .map(|f| f.synonym)
        .unwrap_or_default();
    let mut entries = Vec::new();
    let mut laws: BTreeMap<String, Law> = BTreeMap::new();
    let files =
        toml_files(&kb_dir.join("entries")).map_err(|e| fail(vec![format!("entries: {e}")]))?;
    for path in &files {
        let Some(file) = read::<EntriesFile>(path, &mut problems) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        for law in file.law {
            let known = laws.entry(law.name.clone()).or_insert_with(|| Law {
                name: law.name.clone(),
                full_name: law.full_name.clone(),
                articles: BTreeMap::new(),
            });
            if known.full_name != law.full_name {
                problems.push(format!(
                    "{name}: {} is called {} elsewhere",
                    law.full_name, known.full_name
                ));
            }
            for (number, text) in law.articles {
                let Ok(n) = number.parse::<u32>() else {
                    problems.push(format!(
                        "{name}: {} article \"{number}\" is not a number",
                        law.name
                    ));
                    continue;
                };
                let text = text.trim().to_string();
                match known.articles.get(&n) {
                    Some(other) if *other != text => problems.push(format!(
                        "{name}: {}{} is quoted differently in another file",
                        law.name,
                        domain::kb::article_label(n)
                    )),
                    Some(_) => {}
                    None => {
                        known.articles.insert(n, text);
                    }
                }
            }
        }
        for e in file.entry {
            entries.push(Entry {
                id: e.id,
                category: e.category,
                title: e.title.trim().to_string(),
                asks: e.asks,
                tags: e.tags,
                answer: e.answer.trim().to_string(),
                cite: e
                    .cite
                    .into_iter()
                    .map(|(law, article)| Citation { law, article })
                    .collect(),
                related: e.related,
                pathway: e.pathway,
                ko: e.ko.map(trimmed),
                en: e.en.map(trimmed),
            });
        }
    }
    let mut pathways = Vec::new();
    match toml_files(pathways_dir) {
        Ok(files) => {
            for path in files {
                let Some(p) = read::<Pathway>(&path, &mut problems) else {
                    continue;
                };
                if path.file_stem().is_some_and(|s| s != p.id.as_str()) {
                    problems.push(format!(
                        "{}: the id must be the file's name",
                        path.display()
                    ));
                }
                pathways.push(p);
            }
        }
        Err(e) => problems.push(format!("{}: {e}", pathways_dir.display())),
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let kb = KnowledgeBase::new(categories, entries, laws, synonyms).map_err(fail)?;
    for p in &pathways {
        if let Err(mut e) = p.check(|law, article| {
            kb.article(&Citation {
                law: law.to_string(),
                article,
            })
            .is_some()
        }) {
            problems.append(&mut e);
        }
    }
    for e in &kb.entries {
        if let Some(p) = &e.pathway {
            if !pathways.iter().any(|x| &x.id == p) {
                problems.push(format!(
                    "{}: leads to the pathway {p}, which does not exist",
                    e.id
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    Ok(Library { kb, pathways })
}

fn trimmed(t: Translation) -> Translation {
    Translation {
        title: t.title.trim().to_string(),
        answer: t.answer.trim().to_string(),
    }
}

/// The relevance test set (`relevance/*.toml`): every case, in file order.
pub fn relevance_cases(kb_dir: &Path) -> Result<Vec<RelevanceCase>, LoadError> {
    let mut problems = Vec::new();
    let mut cases = Vec::new();
    let files = toml_files(&kb_dir.join("relevance")).map_err(|e| LoadError {
        dir: kb_dir.display().to_string(),
        problems: vec![e.to_string()],
    })?;
    for path in files {
        if let Some(f) = read::<RelevanceFile>(&path, &mut problems) {
            cases.extend(f.case);
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(LoadError {
            dir: kb_dir.display().to_string(),
            problems,
        })
    }
}
