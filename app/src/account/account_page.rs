//! The owner's own page: the only place their personal data is shown unmasked.

use crate::error::AppError;
use crate::page_data::use_page;
use crate::texts::Label;
use domain::registration::AccountKind;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub kind: AccountKind,
    pub display_name: String,
    pub login_name: String,
    pub details: Vec<(String, String)>,
    pub court: Option<String>,
    pub activity: Vec<(i64, String)>,
}

/// The logged-in account's own data. Anyone else gets 401; there is no parameter to ask for another account.
#[server(prefix = "/rpc", endpoint = "my_account")]
pub async fn my_account() -> Result<AccountView, AppError> {
    let info = crate::ssr::request_info().ok_or(AppError::Internal)?;
    let ctx = crate::ssr::ctx()?;
    let l = info.lang;
    let own = super::service::own_account(&info, &ctx)
        .await
        .map_err(|e| AppError::from_service(&e, l))?;
    let user = own.account;
    let mut details = Vec::new();
    if let Some(mobile) = &user.mobile {
        details.push((tr!(l, account_mobile_number).to_string(), mobile.clone()));
    }
    if user.kind == AccountKind::Citizen {
        details.push((
            tr!(l, account_resident_id_number).to_string(),
            own.id_number.unwrap_or_default(),
        ));
    }
    let labelled: [(&Option<String>, crate::components::field::Text); 5] = [
        (&user.uscc, |l| tr!(l, register_unified_social_credit_code)),
        (&user.legal_representative, |l| {
            tr!(l, register_legal_representative)
        }),
        (&user.contact_name, |l| tr!(l, register_contact_person)),
        (&user.licence_no, |l| {
            tr!(l, register_practising_licence_number)
        }),
        (&user.law_firm, |l| tr!(l, register_law_firm)),
    ];
    for (value, label) in labelled {
        if let Some(v) = value {
            details.push((label(l).to_string(), v.clone()));
        }
    }
    if !user.kind.is_staff() {
        details.push((
            tr!(l, account_identity).to_string(),
            if user.identity_verified_at.is_some() {
                tr!(l, account_identity_verified)
            } else {
                tr!(l, account_identity_not_verified)
            }
            .to_string(),
        ));
    }
    Ok(AccountView {
        kind: user.kind,
        display_name: user.display_name,
        login_name: user.login_name,
        details,
        court: own
            .court
            .map(|c| format!("{}（{}）", c.display_name(l), c.code)),
        activity: own.activity,
    })
}

fn action_label(action: &str, l: domain::Lang) -> &'static str {
    match action {
        "account.register" => tr!(l, account_account_created),
        "account.create_staff" => {
            tr!(l, account_staff_account_opened)
        }
        "session.login" => tr!(l, account_logged_in),
        "session.logout" => tr!(l, account_logged_out),
        "account.password_reset_requested" => tr!(l, account_reset_code_requested),
        "account.password_reset" => tr!(l, reset_done_title),
        _ => tr!(l, account_other_action),
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let account = Resource::new_blocking(|| (), |_| my_account());
    // The outcome of the forms on this page, named by the redirect that brought the person back.
    let query = leptos_router::hooks::use_query_map();
    let link = query.read_untracked().get("link");
    let verified = query.read_untracked().get("verified");
    let zone = tr!(l, account_beijing_time);
    let body = move || {
        let (link, verified) = (link.clone(), verified.clone());
        Suspend::new(async move {
            match account.await {
                Ok(a) => view! {
                    <h1>{a.display_name.clone()}</h1>
                    <p class="kind">{a.kind.label(l)}</p>
                    <dl class="summary-list">
                        <div><dt>{tr!(l, account_log_in_name)}</dt><dd>{a.login_name.clone()}</dd></div>
                        {a.details.iter().map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div> }).collect_view()}
                        {a.court.clone().map(|c| view! { <div><dt>{tr!(l, account_court)}</dt><dd>{c}</dd></div> })}
                    </dl>
                    <p class="hint">
                        {tr!(l, account_your_personal_data_is_shown_in)}
                    </p>
                    {(!a.kind.is_staff()).then(|| link_form(l, link.clone()))}
                    {matches!(a.kind, AccountKind::Clerk | AccountKind::CourtAdmin).then(|| identity_desk(l, verified.clone()))}
                    <h2>{tr!(l, account_recent_activity)}</h2>
                    <ul class="activity">
                        {a.activity.iter().map(|(at, action)| view! {
                            <li><time>{domain::date::format_shanghai(*at, zone)}</time>" · "{action_label(action, l)}</li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
                Err(AppError::Unauthorized) => view! {
                    <h1>{tr!(l, account_please_log_in)}</h1>
                    <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p>
                }
                .into_any(),
                Err(e) => view! { <h1>{e.message(l)}</h1> }.into_any(),
            }
        })
    };
    view! {
        <Title text=tr!(l, account_my_account)/>
        <section class="panel">
            <Suspense fallback=move || view! { <p>{tr!(l, account_loading)}</p> }>{body}</Suspense>
        </section>
    }
}

/// A party links a matter the court served on them: receipt number and link code (plain form, no script).
fn link_form(l: domain::Lang, outcome: Option<String>) -> impl IntoView {
    let message = outcome.as_deref().map(|o| match o {
        "invalid" => tr!(l, link_invalid),
        "rate_limited" => tr!(l, error_too_many_attempts),
        _ => tr!(l, link_not_found),
    });
    view! {
        <section aria-labelledby="link-heading">
            <h2 id="link-heading">{tr!(l, link_heading)}</h2>
            <p class="hint">{tr!(l, link_intro)}</p>
            {message.map(|m| view! { <p class="error-message" role="alert" id="link-error">{m}</p> })}
            <form method="post" action="/me/filing-links" class="form">
                <div class="field"><label for="f-link-receipt">{tr!(l, filing_receipt_number)}</label>
                    <input id="f-link-receipt" name="receipt" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="64"/></div>
                <div class="field"><label for="f-link-code">{tr!(l, link_code)}</label>
                    <input id="f-link-code" name="code" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="32"/></div>
                <button type="submit" class="button">{tr!(l, link_button)}</button>
            </form>
        </section>
    }
}

/// The clerk's identity desk: record that a person showed their identity document.
fn identity_desk(l: domain::Lang, outcome: Option<String>) -> impl IntoView {
    let message =
        outcome.as_deref().map(|o| match o {
            "ok" => view! { <p class="notice" role="status">{tr!(l, desk_done)}</p> }.into_any(),
            "invalid" => view! { <p class="error-message" role="alert">{tr!(l, link_invalid)}</p> }
                .into_any(),
            _ => view! { <p class="error-message" role="alert">{tr!(l, desk_not_found)}</p> }
                .into_any(),
        });
    view! {
        <section aria-labelledby="desk-heading">
            <h2 id="desk-heading">{tr!(l, desk_heading)}</h2>
            <p class="hint">{tr!(l, desk_intro)}</p>
            {message}
            <form method="post" action="/staff/identity-verifications" class="form">
                <div class="field"><label for="f-desk-login">{tr!(l, desk_login)}</label>
                    <input id="f-desk-login" name="login_name" autocomplete="off" maxlength="64"/></div>
                <button type="submit" class="button">{tr!(l, desk_button)}</button>
            </form>
        </section>
    }
}
