//! /track — progress by receipt number and query code, without logging in.

use super::common::{error_view, events_view};
use super::data::track_filing;
use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// /track — progress by receipt number and query code, without logging in.
#[component]
pub fn TrackPage() -> impl IntoView {
    let l = use_page().lang;
    let query = use_query_map();
    let receipt = move || query.read().get("receipt").unwrap_or_default();
    let code = move || query.read().get("code").unwrap_or_default();
    let result = Resource::new_blocking(move || (receipt(), code()), |(r, c)| track_filing(r, c));
    let body = move || {
        Suspend::new(async move {
            let asked = !receipt().is_empty();
            match result.await {
                Ok(Some(t)) => view! {
                    <p><span class=format!("status status-{}", t.status.code())>{t.status.label(l)}</span></p>
                    {t.case_number.map(|n| view! { <p class="case-number">{l.pick("案号", "Case number", "사건번호")}": "<strong>{n}</strong></p> })}
                    {events_view(&t.events, l)}
                }
                .into_any(),
                Ok(None) if asked => view! { <p class="error-message" role="alert">{l.pick("没有找到，请核对收件号和查询码。", "Nothing found: check the receipt number and the query code.", "찾을 수 없습니다. 접수번호와 조회 코드를 확인하십시오.")}</p> }.into_any(),
                Ok(None) => ().into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=l.pick("进度查询", "Track progress", "진행 조회")/>
        <section class="panel narrow">
            <h1>{l.pick("进度查询", "Track progress", "진행 조회")}</h1>
            <form method="get" action="/track" class="form">
                <div class="field"><label for="f-receipt">{l.pick("收件号", "Receipt number", "접수번호")}</label><input id="f-receipt" name="receipt" value=receipt/></div>
                <div class="field"><label for="f-code">{l.pick("查询码", "Query code", "조회 코드")}</label><input id="f-code" name="code" inputmode="numeric" value=code/></div>
                <button type="submit" class="button">{l.pick("查询", "Look up", "조회")}</button>
            </form>
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}
