//! The home page: the one-stop portal's services, with mediation put first.

use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;

struct Service {
    icon: &'static str,
    title: (&'static str, &'static str, &'static str),
    text: (&'static str, &'static str, &'static str),
    /// Where it starts today; services not yet open say so instead of leading to an empty page.
    href: Option<&'static str>,
}

const SERVICES: &[Service] = &[
    Service {
        icon: "🤝",
        title: ("预约调解", "Book mediation", "조정 예약"),
        text: (
            "调解免费，成功后可申请司法确认，与判决同样可以强制执行。",
            "Mediation is free; a confirmed agreement is enforceable like a judgment.",
            "조정은 무료이며, 사법확인을 받으면 판결처럼 집행할 수 있습니다.",
        ),
        href: None,
    },
    Service {
        icon: "🎥",
        title: ("视频调解", "Video mediation", "화상 조정"),
        text: (
            "在家即可参加调解，不必往返法院。",
            "Join a mediation from home, without travelling to court.",
            "집에서 조정에 참여할 수 있습니다.",
        ),
        href: None,
    },
    Service {
        icon: "📝",
        title: ("网上立案", "File a case online", "온라인 입안"),
        text: (
            "提交前即可看到诉讼费和诉讼风险提示。",
            "See the court fee and the risks before you submit.",
            "제출 전에 소송비용과 위험을 미리 확인합니다.",
        ),
        href: None,
    },
    Service {
        icon: "❓",
        title: ("法律咨询", "Ask a legal question", "법률 상담"),
        text: (
            "向法院提问，答复会通知您。",
            "Ask the court; you are told when it answers.",
            "법원에 질문하면 답변을 알려드립니다.",
        ),
        href: None,
    },
    Service {
        icon: "🔎",
        title: ("进度查询", "Track progress", "진행 조회"),
        text: (
            "凭查询码或登录后查看案件进展。",
            "Follow your matter with its query code or after logging in.",
            "조회 코드 또는 로그인으로 진행 상황을 봅니다.",
        ),
        href: None,
    },
    Service {
        icon: "🏢",
        title: ("涉企绿色通道", "Enterprise channel", "기업 녹색통로"),
        text: (
            "企业纠纷优先办理，支持批量立案。",
            "Priority handling and batch filing for enterprise disputes.",
            "기업 분쟁을 우선 처리하고 일괄 입안을 지원합니다.",
        ),
        href: Some("/register?kind=enterprise"),
    },
    Service {
        icon: "⚖",
        title: ("律师工作台", "Lawyer workspace", "변호사 작업대"),
        text: (
            "代理立案，集中跟踪全部案件。",
            "File for clients and track all your matters in one place.",
            "의뢰인을 대리해 입안하고 모든 사건을 관리합니다.",
        ),
        href: Some("/register?kind=lawyer"),
    },
];

#[component]
pub fn HomePage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let cta = match page.user {
        Some(_) => view! { <a class="button" href="/me">{l.pick("进入我的账户", "Go to my account", "내 계정으로")}</a> }.into_any(),
        None => view! {
            <a class="button" href="/register">{l.pick("注册账号", "Create an account", "회원가입")}</a>
            <a class="button secondary" href="/login">{l.pick("登录", "Log in", "로그인")}</a>
        }
        .into_any(),
    };
    view! {
        <Title text=l.pick("人民法院一站式诉讼服务", "People's Court One-Stop Service", "인민법원 원스톱 소송서비스")/>
        <section class="hero">
            <h1>{l.pick("有纠纷，先调解", "A dispute? Try mediation first", "분쟁이 있으면 먼저 조정을")}</h1>
            <p class="lead">
                {l.pick(
                    "坚持把非诉讼纠纷解决机制挺在前面：调解不收费、用时短、关系好修复；调解不成，再依法立案。只进一个门，最多跑一次。",
                    "We put mediation and other non-litigation channels first: it is free, quick and keeps relationships whole. If it fails, your case is filed as the law provides. One door, at most one trip.",
                    "비소송 분쟁해결을 앞세웁니다. 조정은 무료이고 빠르며 관계를 지킵니다. 조정이 안 되면 법에 따라 입안합니다. 한 문으로, 한 번에.",
                )}
            </p>
            <div class="cta">{cta}</div>
        </section>
        <section aria-labelledby="services-heading">
            <h2 id="services-heading">{l.pick("我要办理", "Services", "서비스")}</h2>
            <ul class="services">
                {SERVICES
                    .iter()
                    .map(|s| {
                        let title = l.pick(s.title.0, s.title.1, s.title.2);
                        let text = l.pick(s.text.0, s.text.1, s.text.2);
                        let heading = match s.href {
                            Some(href) => view! { <a href=href>{title}</a> }.into_any(),
                            None => view! {
                                {title}
                                " "
                                <span class="badge">{l.pick("即将开通", "Opening soon", "곧 개통")}</span>
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
