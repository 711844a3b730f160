//! Login for every kind of account: people with their mobile number, enterprises with their credit code, staff
//! with the user name their court gave them.

use crate::components::field::{ErrorSummary, Field, FieldSpec};
use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;

const LOGIN_NAME: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, login_people_and_lawyers_your_mobile_number)),
    autocomplete: "username",
    ..FieldSpec::text("login_name", |l| tr!(l, login_account))
};
const PASSWORD: FieldSpec = FieldSpec {
    input_type: "password",
    autocomplete: "current-password",
    ..FieldSpec::text("password", |l| tr!(l, login_password))
};

#[component]
pub fn LoginPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let outcome = page.outcome("login").cloned();
    // Answers posted after the session expired are kept; they are applied to the draft after this login.
    let saved = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("saved")
        .is_some();
    view! {
        <Title text=tr!(l, account_log_in)/>
        <section class="panel narrow">
            <h1>{tr!(l, account_log_in)}</h1>
            {saved.then(|| view! {
                <p class="notice" role="status">{tr!(l, login_your_session_had_expired_what_you)}</p>
            })}
            <ErrorSummary outcome=outcome.clone() fields=vec![LOGIN_NAME, PASSWORD]/>
            // No `action`: the form posts to the page's own address, query included — `?saved=1`, and the `?next=`
            // a page that needed a login sent the person here with — so the page's bytes are the same whatever
            // the address, and the kept copy of it serves every visitor (see `server::http::page_cache`).
            <form method="post" novalidate class="form">
                <Field spec=LOGIN_NAME outcome=outcome.clone()/>
                <Field spec=PASSWORD outcome=outcome/>
                <button type="submit" class="button">{tr!(l, account_log_in)}</button>
            </form>
            <p><a href="/password-reset" id="forgot-password">{tr!(l, reset_forgot_password)}</a></p>
            <p>{tr!(l, login_no_account_yet)} " " <a href="/register">{tr!(l, login_register)}</a></p>
        </section>
    }
}
