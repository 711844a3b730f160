//! The frame of every page: skip link, header with language and elderly-mode switches, main, footer.

use crate::page_data::use_page;
use domain::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// An error the server renders as a page (404, 403, 500 …) inside the layout, in place of the route's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageError {
    pub status: u16,
    pub title: String,
    pub message: String,
    /// For our own failures: the id the log line carries, to quote when asking for help.
    pub error_id: Option<String>,
}

#[component]
fn ErrorPage(error: PageError) -> impl IntoView {
    let l = use_page().lang;
    view! {
        <Title text=error.title.clone()/>
        <section class="panel" role="alert">
            <h1>{error.title.clone()}</h1>
            <p>{error.message.clone()}</p>
            {error.error_id.clone().map(|id| view! {
                <p class="hint">{tr!(l, layout_if_you_ask_for_help_quote)}<code>{id}</code></p>
            })}
            {(error.status == 401).then(|| view! { <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p> })}
            <p><a href="/">{tr!(l, layout_back_to_the_home_page)}</a></p>
        </section>
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let location = use_location();
    let return_to = move || location.pathname.get();
    let elderly_next = if page.elderly { "0" } else { "1" };
    let elderly_label = if page.elderly {
        tr!(l, layout_standard_view)
    } else {
        tr!(l, layout_large_print_mode)
    };
    let account = match page.user.clone() {
        Some(user) => view! {
            {match user.kind {
                domain::registration::AccountKind::Mediator => view! { <a href="/mediator" class="nav-link">{tr!(l, mp_workspace)}</a> }.into_any(),
                k if k.is_staff() => view! {
                    <a href="/staff/queue" class="nav-link">{tr!(l, layout_review_queue)}</a>
                    <a href="/staff/mediations" class="nav-link">{tr!(l, mp_court_mediations)}</a>
                    <a href="/service-requests" class="nav-link">{crate::service_request::texts::t("nav", l)}</a>
                }.into_any(),
                _ => view! {
                    <a href="/filings" class="nav-link">{tr!(l, layout_my_matters)}</a>
                    <a href="/mediations" class="nav-link">{tr!(l, mp_my_mediations)}</a>
                    <a href="/service-requests" class="nav-link">{crate::service_request::texts::t("nav", l)}</a>
                }.into_any(),
            }}
            <a href="/me" class="nav-link">{user.display_name}</a>
            <form method="post" action="/logout" class="inline-form">
                <button type="submit" class="link-button">{tr!(l, layout_log_out)}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <a href="/login" class="nav-link">{tr!(l, account_log_in)}</a>
            <a href="/register" class="nav-link">{tr!(l, login_register)}</a>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#main">{tr!(l, layout_skip_to_main_content)}</a>
        <header class="site-header">
            <div class="header-inner">
                <a href="/" class="brand">
                    <span class="brand-mark" aria-hidden="true">"⚖"</span>
                    <span>{tr!(l, home_people_s_court_one_stop_service)}</span>
                </a>
                <nav class="account-nav" aria-label=tr!(l, layout_account)>{account}</nav>
            </div>
            <form method="post" action="/prefs" class="prefs" aria-label=tr!(l, layout_display_settings)>
                <input type="hidden" name="return_to" value=return_to/>
                <span class="prefs-label" id="lang-label">{tr!(l, layout_language)}</span>
                <span role="group" aria-labelledby="lang-label" class="lang-group">
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <button
                                    type="submit"
                                    name="lang"
                                    value=lang.tag()
                                    lang=lang.tag()
                                    aria-pressed=if lang == l { "true" } else { "false" }
                                    class="pref-button"
                                >
                                    {lang.native_name()}
                                </button>
                            }
                        })
                        .collect_view()}
                </span>
                <button type="submit" name="elderly" value=elderly_next class="pref-button elderly-toggle">
                    {elderly_label}
                </button>
            </form>
        </header>
        <main id="main" tabindex="-1">
            {match use_context::<PageError>() {
                Some(error) => view! { <ErrorPage error=error/> }.into_any(),
                None => children().into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>
                {tr!(l, layout_mediation_and_other_non_litigation_channels)}
            </p>
            <p>{tr!(l, layout_all_times_are_beijing_time_utc)}</p>
        </footer>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(404);
    let l = use_page().lang;
    view! {
        <Title text=tr!(l, layout_page_not_found)/>
        <section class="panel">
            <h1>{tr!(l, layout_page_not_found)}</h1>
            <p>
                {tr!(l, layout_the_page_does_not_exist_or)}
            </p>
            <p><a href="/">{tr!(l, layout_back_to_the_home_page)}</a></p>
        </section>
    }
}
