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
        _ => tr!(l, account_other_action),
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let account = Resource::new_blocking(|| (), |_| my_account());
    let zone = tr!(l, account_beijing_time);
    let body = move || {
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
