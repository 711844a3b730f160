//! The portal's user interface: the HTML shell, the routes, and one module per feature. Every page renders on
//! the server and works before the WebAssembly arrives; the Wasm then adds instant validation.

// The UI's texts live in per-language catalogues, `app/locales/{zh,en,ko}.json`; `build.rs` turns them into the
// `i18n` module (leptos_i18n) and refuses to build when a key is missing from any language.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// The catalogue locale of a page language.
pub fn locale(l: domain::Lang) -> i18n::Locale {
    match l {
        domain::Lang::Zh => i18n::Locale::zh,
        domain::Lang::En => i18n::Locale::en,
        domain::Lang::Ko => i18n::Locale::ko,
    }
}

/// A catalogue text in a page language: `tr!(l, key)`. Only the keys used end up in the WebAssembly.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:ident) => {{
        use $crate::i18n::*;
        td_string!($crate::locale($lang), $key)
    }};
}

pub mod account;
pub mod components;
pub mod error;
pub mod filing;
pub mod home_page;
pub mod kb;
pub mod layout;
pub mod mediation;
#[cfg(feature = "ssr")]
pub mod notify;
pub mod page_data;
pub mod reference;
pub mod service_request;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod texts;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub use page_data::{use_page, FormNotice, FormOutcome, PageData, UserSummary};

/// The Content-Security-Policy of a page: scripts from this site, the WebAssembly, and inline scripts only as
/// `script_sources` allow them — the response's nonce (`'nonce-…'`) on pages rendered for one request, the hashes
/// (`'sha256-…'`) of Leptos' fixed hydration data scripts on the public pages the server keeps rendered.
pub fn content_security_policy(script_sources: &[String]) -> String {
    let inline: String = script_sources.iter().map(|s| format!(" {s}")).collect();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The HTML document around the app, rendered on the server only.
///
/// The WebAssembly starts from an external module (`/boot.js`) rather than an inline script; the only inline scripts
/// are Leptos' hydration data, so a public page's bytes can serve every visitor with the same language and settings.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos::nonce::use_nonce;
    use leptos_meta::MetaTags;

    let data = ssr::page_data();
    provide_context(data.clone());
    let sources: Vec<String> = use_nonce()
        .map(|n| format!("'nonce-{n}'"))
        .into_iter()
        .collect();
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&sources)) {
            resp.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // cargo-leptos names the Wasm `<output>.wasm` when it sets LEPTOS_OUTPUT_NAME at build time, else `<output>_bg.wasm`.
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        format!("{pkg}.wasm")
    } else {
        format!("{pkg}_bg.wasm")
    };
    let body_class = if data.elderly { "elderly" } else { "" };
    let json = data.to_script_json();
    view! {
        <!DOCTYPE html>
        <html lang=data.lang.tag() class=body_class>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#9b1c1c"/>
                <meta name="portal-wasm" content=wasm.clone()/>
                <meta name="portal-js" content=format!("{pkg}.js")/>
                <link rel="stylesheet" href="/pkg/portal.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <script type="application/json" id=page_data::PAGE_DATA_ID inner_html=json></script>
                <script type="module" src="/boot.js"></script>
                <MetaTags/>
            </head>
            <body class=body_class>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <layout::Layout>
                <Routes fallback=layout::NotFound>
                    <Route path=path!("/") view=home_page::HomePage/>
                    <Route path=path!("/register") view=account::register_page::RegisterPage/>
                    <Route path=path!("/login") view=account::login_page::LoginPage/>
                    <Route path=path!("/password-reset") view=account::password_reset_page::PasswordResetPage/>
                    <Route path=path!("/password-reset/confirm") view=account::password_reset_page::PasswordResetConfirmPage/>
                    <Route path=path!("/password-reset/done") view=account::password_reset_page::PasswordResetDonePage/>
                    <Route path=path!("/welcome") view=account::welcome_page::WelcomePage/>
                    // In order: the account's data is part of the first HTML, so the page is complete without JavaScript.
                    <Route path=path!("/me") view=account::account_page::AccountPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/filings") view=filing::filings_page::FilingsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/filings/:id") view=filing::filing_page::FilingPage ssr=SsrMode::InOrder/>
                    // Before the wizard's steps: routes match in order.
                    <Route path=path!("/filings/:id/payment-notice") view=filing::payment_notice_page::PaymentNoticePage ssr=SsrMode::InOrder/>
                    <Route path=path!("/filings/:id/delete") view=filing::filings_page::DeleteDraftPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/filings/:id/:step") view=filing::step_page::StepPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/staff/queue") view=filing::review::QueuePage ssr=SsrMode::InOrder/>
                    <Route path=path!("/track") view=filing::track_page::TrackPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/questions") view=kb::questions_page::QuestionsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/questions/:id") view=kb::questions_page::EntryPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/pathways/:id") view=kb::pathway_page::PathwayPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/service-requests") view=service_request::pages::RequestsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/service-requests/new") view=service_request::pages::NewRequestPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/service-requests/:id") view=service_request::pages::RequestPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediation") view=mediation::roster_page::MediationStartPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediation/mediators/:id") view=mediation::roster_page::MediatorPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediations") view=mediation::mediation_page::MyMediationsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediations/:id") view=mediation::mediation_page::MediationPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediations/:id/invitation") view=mediation::mediation_page::InvitationPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediations/:id/book") view=mediation::mediation_page::BookDetailsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediations/:id/meeting") view=mediation::meeting_page::MeetingPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/meeting-check") view=mediation::meeting_page::DeviceCheckPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/mediator") view=mediation::staff_pages::MediatorWorkspacePage ssr=SsrMode::InOrder/>
                    <Route path=path!("/staff/mediations") view=mediation::staff_pages::CourtMediationsPage ssr=SsrMode::InOrder/>
                    <Route path=path!("/confirmations/:id") view=mediation::staff_pages::ConfirmationPage ssr=SsrMode::InOrder/>
                </Routes>
            </layout::Layout>
        </Router>
    }
}

/// The WebAssembly entry. The pages are islands mode: everything is rendered on the server and stays static; only
/// the islands — live-checked fields, the claims with their fee, the autosaving step form — come alive, each
/// hydrated by `/boot.js` through its exported function. Navigation is ordinary page loads, so the router and the
/// pages' views never ship to the browser.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

/// Benchmark hooks (`scripts/bench.sh` times them in Chromium): the fee quote and the risk estimate exactly as the
/// filing pages run them. They change nothing and cost a few hundred bytes.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_fee_quote(n: u32) -> f64 {
    use domain::fees::{quote, FeeCategory, FeeRequest, FeeTable, Procedure};
    let mut total = 0i64;
    for i in 0..n {
        let req = FeeRequest {
            fee_category: FeeCategory::Property,
            amount_fen: Some(i64::from(i) * 1_234_567),
            procedure: Procedure::Simple,
            preservation_amount_fen: Some(1_000_000),
            wage_claim: false,
        };
        total = total.wrapping_add(
            quote(&req, &FeeTable::JILIN)
                .map(|q| q.total_fen)
                .unwrap_or(0),
        );
    }
    total as f64
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_risk_estimate(n: u32) -> u32 {
    let draft = domain::filing::sample_loan_claim();
    let cal = domain::calendar::HolidayCalendar::default();
    let fees = domain::fees::FeeTable::JILIN;
    let words = crate::texts::risk_words(domain::Lang::Zh);
    let today = domain::Date {
        year: 2026,
        month: 11,
        day: 23,
    };
    (0..n)
        .map(|_| domain::risk::assess(&draft, &words, today, &cal, &fees).score)
        .sum()
}

#[cfg(test)]
mod catalogue_tests {
    /// The build already refuses a key missing from a language (`build.rs`); this also catches an empty text and a
    /// placeholder one language forgot, and names them.
    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        use std::collections::BTreeMap;
        let read = |lang: &str| -> BTreeMap<String, String> {
            let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let placeholders = |text: &str| -> Vec<String> {
            let mut found: Vec<String> = text
                .split("{{")
                .skip(1)
                .filter_map(|rest| {
                    rest.split_once("}}")
                        .map(|(name, _)| name.trim().to_string())
                })
                .collect();
            found.sort();
            found
        };
        let zh = read("zh");
        assert!(zh.len() > 250, "the catalogue holds the UI's texts");
        for lang in ["en", "ko"] {
            let other = read(lang);
            assert_eq!(
                zh.keys().collect::<Vec<_>>(),
                other.keys().collect::<Vec<_>>(),
                "{lang}.json has other keys than zh.json"
            );
            for (key, text) in &other {
                assert!(!text.trim().is_empty(), "{lang}.json: {key} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(&zh[key]),
                    "{lang}.json: {key}"
                );
            }
        }
    }
}
