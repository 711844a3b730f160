//! Generates the `i18n` module from `locales/{zh,en,ko}.json` (leptos_i18n 0.6 codegen).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let i18n_mod_directory = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("i18n");
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("zh")?
        .add_locale("en")?
        .add_locale("ko")?
        .parse_options(options);
    // leptos_i18n only warns about a key missing in one locale (and falls back to the default): fail instead.
    let keys = |loc: &str| -> Result<std::collections::BTreeSet<String>, Box<dyn Error>> {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("locales/{loc}.json"))?)?;
        Ok(v.as_object()
            .ok_or("not an object")?
            .keys()
            .cloned()
            .collect())
    };
    let zh = keys("zh")?;
    for loc in ["en", "ko"] {
        let other = keys(loc)?;
        let missing: Vec<_> = zh.difference(&other).collect();
        let extra: Vec<_> = other.difference(&zh).collect();
        if !missing.is_empty() || !extra.is_empty() {
            return Err(
                format!("locales/{loc}.json: missing {missing:?}, not in zh {extra:?}").into(),
            );
        }
    }
    let translations_infos = TranslationsInfos::parse(cfg)?;
    translations_infos.emit_diagnostics();
    translations_infos.rerun_if_locales_changed();
    translations_infos.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
