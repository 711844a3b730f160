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
                <p class="hint">{l.pick("如需帮助，请提供此编号：", "If you ask for help, quote this reference: ", "문의 시 이 번호를 알려 주십시오: ")}<code>{id}</code></p>
            })}
            {(error.status == 401).then(|| view! { <p><a class="button" href="/login">{l.pick("登录", "Log in", "로그인")}</a></p> })}
            <p><a href="/">{l.pick("返回首页", "Back to the home page", "첫 페이지로")}</a></p>
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
        l.pick("标准模式", "Standard view", "표준 모드")
    } else {
        l.pick("长辈模式", "Large-print mode", "어르신 모드")
    };
    let account = match page.user.clone() {
        Some(user) => view! {
            {if user.kind.is_staff() {
                view! { <a href="/staff/queue" class="nav-link">{l.pick("立案审查", "Review queue", "입안 심사")}</a> }.into_any()
            } else {
                view! { <a href="/filings" class="nav-link">{l.pick("网上立案", "My matters", "온라인 입안")}</a> }.into_any()
            }}
            <a href="/me" class="nav-link">{user.display_name}</a>
            <form method="post" action="/logout" class="inline-form">
                <button type="submit" class="link-button">{l.pick("退出", "Log out", "로그아웃")}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <a href="/login" class="nav-link">{l.pick("登录", "Log in", "로그인")}</a>
            <a href="/register" class="nav-link">{l.pick("注册", "Register", "회원가입")}</a>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#main">{l.pick("跳到主要内容", "Skip to main content", "본문으로 건너뛰기")}</a>
        <header class="site-header">
            <div class="header-inner">
                <a href="/" class="brand">
                    <span class="brand-mark" aria-hidden="true">"⚖"</span>
                    <span>{l.pick("人民法院一站式诉讼服务", "People's Court One-Stop Service", "인민법원 원스톱 소송서비스")}</span>
                </a>
                <nav class="account-nav" aria-label=l.pick("账户", "Account", "계정")>{account}</nav>
            </div>
            <form method="post" action="/prefs" class="prefs" aria-label=l.pick("显示设置", "Display settings", "표시 설정")>
                <input type="hidden" name="return_to" value=return_to/>
                <span class="prefs-label" id="lang-label">{l.pick("语言", "Language", "언어")}</span>
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
                {l.pick(
                    "坚持把非诉讼纠纷解决机制挺在前面 · 只进一个门、最多跑一次",
                    "Mediation and other non-litigation channels first · one door, at most one trip",
                    "비소송 분쟁해결을 앞세웁니다 · 한 문으로, 한 번에",
                )}
            </p>
            <p>{l.pick("时间均为北京时间。", "All times are Beijing time (UTC+8).", "모든 시간은 베이징 시간입니다.")}</p>
        </footer>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(404);
    let l = use_page().lang;
    view! {
        <Title text=l.pick("页面不存在", "Page not found", "페이지를 찾을 수 없습니다")/>
        <section class="panel">
            <h1>{l.pick("页面不存在", "Page not found", "페이지를 찾을 수 없습니다")}</h1>
            <p>
                {l.pick("您访问的页面不存在或无权查看。", "The page does not exist or you may not see it.", "페이지가 없거나 볼 권한이 없습니다.")}
            </p>
            <p><a href="/">{l.pick("返回首页", "Back to the home page", "첫 페이지로")}</a></p>
        </section>
    }
}
