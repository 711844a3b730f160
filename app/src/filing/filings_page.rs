//! /filings — the filer's matters and the way in to a new one.

use super::common::error_view;
use super::data::my_filings;
use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;

/// /filings — the filer's matters, newest first, and the way in to a new one.
#[component]
pub fn FilingsPage() -> impl IntoView {
    let l = use_page().lang;
    let list = Resource::new_blocking(|| (), |_| my_filings());
    let body = move || {
        Suspend::new(async move {
            match list.await {
                Ok(items) => view! {
                    <div class="mediation-first">
                        <h2>{l.pick("先试试调解？", "Try mediation first?", "먼저 조정을 시도해 보시겠습니까?")}</h2>
                        <p>{l.pick(
                            "诉前调解不收费，通常30日内办结；达成协议后可申请司法确认，同样可以强制执行。提交立案时可以选择同意先行调解。",
                            "Pre-litigation mediation is free and usually done within 30 days; a confirmed agreement is enforceable. You can agree to it when you submit.",
                            "소송 전 조정은 무료이며 보통 30일 안에 끝납니다. 제출할 때 조정에 동의할 수 있습니다.",
                        )}</p>
                    </div>
                    <form method="post" action="/filings/new">
                        <button type="submit" class="button">{l.pick("开始网上立案", "Start a new filing", "온라인 입안 시작")}</button>
                    </form>
                    <h2>{l.pick("我的案件", "My matters", "내 사건")}</h2>
                    {if items.is_empty() {
                        view! { <p>{l.pick("还没有案件。", "Nothing yet.", "아직 없습니다.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="matters">
                                {items.into_iter().map(|f| {
                                    let href = format!("/filings/{}", f.id);
                                    let title = if f.cause.is_empty() { l.pick("未选择案由", "No case type yet", "사건 유형 미선택").to_string() } else { f.cause.clone() };
                                    view! {
                                        <li>
                                            <a href=href>{title}</a>
                                            " — "<span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span>
                                            {f.case_number.map(|n| view! { " · "<strong>{n}</strong> })}
                                            {f.receipt_no.map(|n| view! { " · "{l.pick("收件号", "Receipt", "접수번호")}" "{n} })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p><a href="/track">{l.pick("凭收件号和查询码查询进度", "Track with a receipt number and query code", "접수번호와 조회 코드로 조회")}</a></p>
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=l.pick("网上立案", "Online filing", "온라인 입안")/>
        <section class="panel">
            <h1>{l.pick("网上立案", "Online filing", "온라인 입안")}</h1>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
