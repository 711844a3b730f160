//! Generates the `i18n` module (leptos_i18n 0.6 codegen) from the catalogues `locales/<language>.json`: every file
//! there is a language, Chinese (`zh.json`) the default. A key missing from any language fails the build —
//! leptos_i18n itself would only warn and fall back to Chinese.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

const DEFAULT: &str = "zh";

fn keys(lang: &str) -> Result<BTreeSet<String>, Box<dyn Error>> {
    let text = std::fs::read_to_string(format!("locales/{lang}.json"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("locales/{lang}.json: {e}"))?;
    Ok(value
        .as_object()
        .ok_or_else(|| format!("locales/{lang}.json is not an object"))?
        .keys()
        .cloned()
        .collect())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let mut others: Vec<String> = std::fs::read_dir("locales")?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .filter(|lang| lang != DEFAULT)
        .collect();
    others.sort();
    let all = keys(DEFAULT)?;
    for lang in &others {
        let these = keys(lang)?;
        let missing: Vec<_> = all.difference(&these).collect();
        let extra: Vec<_> = these.difference(&all).collect();
        if !missing.is_empty() || !extra.is_empty() {
            return Err(format!(
                "locales/{lang}.json: missing {missing:?}; not in {DEFAULT}.json {extra:?}"
            )
            .into());
        }
    }
    let mut cfg = Config::new(DEFAULT)?;
    for lang in &others {
        cfg = cfg.add_locale(lang)?;
    }
    let cfg = cfg.parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(
        PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?).join("i18n"),
    )?;
    Ok(())
}
