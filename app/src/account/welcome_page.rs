//! /welcome — where registration lands: what a new account can do next, each with its way in. Filing starts the
//! wizard (with the filer's own details filled in for people and enterprises); mediation is not open yet and says
//! so, pointing at the home page's entry; tracking leads to the filer's matters and the public look-up.

use crate::page_data::use_page;
use domain::registration::AccountKind;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let Some(user) = page.user.clone() else {
        // Logged out: 401, which the server turns into the way to log in and come back here.
        #[cfg(feature = "ssr")]
        crate::ssr::set_status(401);
        return view! {
            <Title text=tr!(l, account_please_log_in)/>
            <section class="panel">
                <h1>{tr!(l, account_please_log_in)}</h1>
                <p><a class="button" href="/login">{tr!(l, account_log_in)}</a></p>
            </section>
        }
        .into_any();
    };
    let file_text = match user.kind {
        AccountKind::Citizen => tr!(l, welcome_file_person),
        AccountKind::Enterprise => tr!(l, welcome_file_enterprise),
        AccountKind::Lawyer => tr!(l, welcome_file_lawyer),
        AccountKind::Clerk
        | AccountKind::Mediator
        | AccountKind::Judge
        | AccountKind::CourtAdmin => {
            tr!(l, error_court_staff_accounts_cannot_file)
        }
    };
    let file_action = (!user.kind.is_staff()).then(|| {
        view! {
            <form method="post" action="/filings/new">
                <button type="submit" class="button">{tr!(l, filings_start_a_new_filing)}</button>
            </form>
        }
    });
    view! {
        <Title text=tr!(l, welcome_title)/>
        <section class="panel">
            <h1>{tr!(l, welcome_title)}</h1>
            <p class="lead">{tr!(l, welcome_intro)}</p>
            <ol class="services next-steps">
                <li class="service" id="next-file">
                    <h2>{tr!(l, home_file_a_case_online)}</h2>
                    <p>{file_text}</p>
                    {file_action}
                </li>
                <li class="service" id="next-mediation">
                    <h2>{tr!(l, home_book_mediation)}</h2>
                    <p>{tr!(l, welcome_mediation_text)}</p>
                    <p><a href="/mediation">{tr!(l, welcome_mediation_link)}</a></p>
                </li>
                <li class="service" id="next-track">
                    <h2>{tr!(l, track_track_progress)}</h2>
                    <p>{tr!(l, welcome_track_text)}</p>
                    <p><a href="/filings">{tr!(l, filings_my_matters)}</a></p>
                    <p><a href="/track">{tr!(l, filings_track_with_a_receipt_number_and)}</a></p>
                </li>
            </ol>
            <p>{tr!(l, welcome_account_text)}" "<a href="/me">{tr!(l, account_my_account)}</a></p>
        </section>
    }
    .into_any()
}
