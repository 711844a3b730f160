//! Legal questions answered (法律问答, 精准普法): a cited knowledge base with Chinese full-text search, and guided
//! pathways to the cheapest channel that fits. The entries and pathways are data (`data/kb`, `data/pathways`),
//! read at start-up; the page words are a server-only table, so none of it reaches the WebAssembly.

pub mod data;
pub mod kb_texts;
pub mod pathway_page;
pub mod questions_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod suggest;
