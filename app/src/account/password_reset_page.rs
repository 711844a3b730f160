//! 忘记密码: ask for a one-time code for a login, then set a new password with it. Plain forms (POST, redirect,
//! GET) that work without JavaScript; each error next to its field, in the person's language.

use crate::components::field::{Check, ErrorSummary, Field, FieldSpec};
use crate::page_data::{use_page, FormOutcome};
use leptos::prelude::*;
use leptos_meta::Title;

/// The login name just asked for, carried from the first form to the second (HttpOnly, short-lived, on
/// `/password-reset` only), so it need not be typed twice.
pub const RESET_LOGIN_COOKIE: &str = "portal_reset_login";

/// A login name as a cookie value (hex: staff user names may be any text).
pub fn encode_login(login: &str) -> String {
    login
        .trim()
        .bytes()
        .take(64)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn decode_login(value: &str) -> Option<String> {
    if !value.len().is_multiple_of(2) || value.len() > 128 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..value.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(value.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

const LOGIN_NAME: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, reset_login_hint)),
    autocomplete: "username",
    ..FieldSpec::text("login_name", |l| tr!(l, login_account))
};
const CODE: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, reset_code_hint)),
    autocomplete: "one-time-code",
    ..FieldSpec::text("code", |l| tr!(l, reset_code_label))
};
const PASSWORD: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_at_least_8_characters)),
    input_type: "password",
    autocomplete: "new-password",
    rule: Some(Check::Password),
    ..FieldSpec::text("password", |l| tr!(l, reset_new_password))
};
const PASSWORD_CONFIRM: FieldSpec = FieldSpec {
    input_type: "password",
    autocomplete: "new-password",
    ..FieldSpec::text("password_confirm", |l| tr!(l, register_repeat_the_password))
};

/// /password-reset — the login to send a code for.
#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let outcome = page.outcome("password_reset").cloned();
    view! {
        <Title text=tr!(l, reset_title)/>
        <section class="panel narrow">
            <h1>{tr!(l, reset_title)}</h1>
            <p>{tr!(l, reset_intro)}</p>
            <ErrorSummary outcome=outcome.clone() fields=vec![LOGIN_NAME]/>
            <form method="post" action="/password-reset" novalidate class="form">
                <Field spec=LOGIN_NAME outcome=outcome/>
                <button type="submit" class="button">{tr!(l, reset_send_code)}</button>
            </form>
            <p>{tr!(l, reset_have_code)}" "<a href="/password-reset/confirm">{tr!(l, reset_enter_code)}</a></p>
            <p><a href="/login">{tr!(l, account_log_in)}</a></p>
        </section>
    }
}

/// /password-reset/confirm — the code and the new password. After a request it says a code went out if the account
/// exists (the same words whether it does or not).
#[component]
pub fn PasswordResetConfirmPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let sent = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("sent")
        .is_some();
    #[cfg(feature = "ssr")]
    let remembered = crate::ssr::request_cookie(RESET_LOGIN_COOKIE).and_then(|v| decode_login(&v));
    #[cfg(not(feature = "ssr"))]
    let remembered: Option<String> = None;
    let outcome = page.outcome("password_reset_confirm").cloned().or_else(|| {
        remembered.map(|login| FormOutcome {
            form: "password_reset_confirm".into(),
            values: vec![("login_name".into(), login)],
            ..Default::default()
        })
    });
    let fields = vec![LOGIN_NAME, CODE, PASSWORD, PASSWORD_CONFIRM];
    view! {
        <Title text=tr!(l, reset_title)/>
        <section class="panel narrow">
            <h1>{tr!(l, reset_title)}</h1>
            {sent.then(|| view! {
                <div class="notice" role="status" id="reset-sent">
                    <p>{tr!(l, reset_sent)}</p>
                    <p class="hint">{tr!(l, reset_not_received)}</p>
                </div>
            })}
            <ErrorSummary outcome=outcome.clone() fields=fields/>
            <form method="post" action="/password-reset/confirm" novalidate class="form">
                <Field spec=LOGIN_NAME outcome=outcome.clone()/>
                <Field spec=CODE outcome=outcome.clone()/>
                <Field spec=PASSWORD outcome=outcome.clone()/>
                <Field spec=PASSWORD_CONFIRM outcome=outcome/>
                <button type="submit" class="button">{tr!(l, reset_set_password)}</button>
            </form>
            <p><a href="/password-reset">{tr!(l, reset_ask_again)}</a></p>
        </section>
    }
}

/// /password-reset/done — the new password works, every earlier session has ended.
#[component]
pub fn PasswordResetDonePage() -> impl IntoView {
    let l = use_page().lang;
    view! {
        <Title text=tr!(l, reset_done_title)/>
        <section class="panel narrow">
            <h1>{tr!(l, reset_done_title)}</h1>
            <p role="status">{tr!(l, reset_done_body)}</p>
            <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn login_names_travel_in_a_cookie_unchanged() {
        for login in ["13900000001", "clerk.changyi", "法官甲"] {
            assert_eq!(
                super::decode_login(&super::encode_login(login)).as_deref(),
                Some(login)
            );
        }
        assert_eq!(super::decode_login("zz"), None);
        assert_eq!(super::decode_login("abc"), None);
    }
}
