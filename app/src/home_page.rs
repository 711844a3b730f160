//! The home page: the one-stop portal's services, with mediation put first.

use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;

struct Service {
    icon: &'static str,
    title: crate::components::field::Text,
    text: crate::components::field::Text,
    /// Where it starts today; services not yet open say so instead of leading to an empty page.
    href: Option<&'static str>,
}

const SERVICES: &[Service] = &[
    Service {
        icon: "🤝",
        title: |l| tr!(l, home_book_mediation),
        text: |l| tr!(l, home_mediation_is_free_a_confirmed_agreement),
        href: Some("/mediation"),
    },
    Service {
        icon: "🎥",
        title: |l| tr!(l, home_video_mediation),
        text: |l| tr!(l, home_join_a_mediation_from_home_without),
        href: None,
    },
    Service {
        icon: "📝",
        title: |l| tr!(l, home_file_a_case_online),
        text: |l| tr!(l, home_see_the_court_fee_and_the),
        href: Some("/filings"),
    },
    Service {
        icon: "❓",
        title: |l| tr!(l, home_ask_a_legal_question),
        text: |l| tr!(l, home_ask_the_court_you_are_told),
        href: Some("/questions"),
    },
    Service {
        icon: "🔎",
        title: |l| tr!(l, track_track_progress),
        text: |l| tr!(l, home_follow_your_matter_with_its_query),
        href: Some("/track"),
    },
    Service {
        icon: "🏢",
        title: |l| tr!(l, home_enterprise_channel),
        text: |l| tr!(l, home_priority_handling_and_batch_filing_for),
        href: Some("/register?kind=enterprise"),
    },
    Service {
        icon: "⚖",
        title: |l| tr!(l, home_lawyer_workspace),
        text: |l| tr!(l, home_file_for_clients_and_track_all),
        href: Some("/register?kind=lawyer"),
    },
];

#[component]
pub fn HomePage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let cta = match page.user {
        Some(_) => {
            view! { <a class="button" href="/me">{tr!(l, home_go_to_my_account)}</a> }.into_any()
        }
        None => view! {
            <a class="button" href="/register">{tr!(l, register_create_an_account)}</a>
            <a class="button secondary" href="/login">{tr!(l, account_log_in)}</a>
        }
        .into_any(),
    };
    view! {
        <Title text=tr!(l, home_people_s_court_one_stop_service)/>
        <section class="hero">
            <h1>{tr!(l, home_a_dispute_try_mediation_first)}</h1>
            <p class="lead">
                {tr!(l, home_we_put_mediation_and_other_non)}
            </p>
            <div class="cta">{cta}</div>
        </section>
        <section aria-labelledby="services-heading">
            <h2 id="services-heading">{tr!(l, home_services)}</h2>
            <ul class="services">
                {SERVICES
                    .iter()
                    .map(|s| {
                        let title = (s.title)(l);
                        let text = (s.text)(l);
                        let heading = match s.href {
                            Some(href) => view! { <a href=href>{title}</a> }.into_any(),
                            None => view! {
                                {title}
                                " "
                                <span class="badge">{tr!(l, home_opening_soon)}</span>
                            }
                            .into_any(),
                        };
                        view! {
                            <li class="service">
                                <span class="service-icon" aria-hidden="true">{s.icon}</span>
                                <h3>{heading}</h3>
                                <p>{text}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
