//! The owner's own page: the only place their personal data is shown unmasked.

use crate::error::AppError;
use crate::page_data::use_page;
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
        details.push((
            l.pick("手机号码", "Mobile number", "휴대전화 번호")
                .to_string(),
            mobile.clone(),
        ));
    }
    if user.kind == AccountKind::Citizen {
        details.push((
            l.pick("公民身份号码", "Resident ID number", "주민신분증 번호")
                .to_string(),
            own.id_number.unwrap_or_default(),
        ));
    }
    let labelled = [
        (
            &user.uscc,
            (
                "统一社会信用代码",
                "Unified social credit code",
                "통일사회신용코드",
            ),
        ),
        (
            &user.legal_representative,
            ("法定代表人", "Legal representative", "법정대표자"),
        ),
        (&user.contact_name, ("联系人", "Contact person", "담당자")),
        (
            &user.licence_no,
            (
                "律师执业证号",
                "Practising licence number",
                "변호사 자격증 번호",
            ),
        ),
        (&user.law_firm, ("执业机构", "Law firm", "소속 법률사무소")),
    ];
    for (value, (zh, en, ko)) in labelled {
        if let Some(v) = value {
            details.push((l.pick(zh, en, ko).to_string(), v.clone()));
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
        "account.register" => l.pick("注册账号", "Account created", "계정 생성"),
        "account.create_staff" => {
            l.pick("开通工作人员账号", "Staff account opened", "직원 계정 개설")
        }
        "session.login" => l.pick("登录", "Logged in", "로그인"),
        "session.logout" => l.pick("退出", "Logged out", "로그아웃"),
        _ => l.pick("其他操作", "Other action", "기타"),
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let account = Resource::new_blocking(|| (), |_| my_account());
    let zone = l.pick("北京时间", "Beijing time", "베이징 시간");
    let body = move || {
        Suspend::new(async move {
            match account.await {
                Ok(a) => view! {
                    <h1>{a.display_name.clone()}</h1>
                    <p class="kind">{a.kind.label(l)}</p>
                    <dl class="summary-list">
                        <div><dt>{l.pick("登录账号", "Log-in name", "로그인 계정")}</dt><dd>{a.login_name.clone()}</dd></div>
                        {a.details.iter().map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div> }).collect_view()}
                        {a.court.clone().map(|c| view! { <div><dt>{l.pick("所属法院", "Court", "소속 법원")}</dt><dd>{c}</dd></div> })}
                    </dl>
                    <p class="hint">
                        {l.pick(
                            "以上个人信息仅在本人页面完整显示，其他页面均脱敏显示。",
                            "Your personal data is shown in full only here; everywhere else it is masked.",
                            "개인정보는 본인 페이지에서만 전부 표시되며 다른 곳에서는 가려집니다.",
                        )}
                    </p>
                    <h2>{l.pick("最近操作", "Recent activity", "최근 활동")}</h2>
                    <ul class="activity">
                        {a.activity.iter().map(|(at, action)| view! {
                            <li><time>{domain::date::format_shanghai(*at, zone)}</time>" · "{action_label(action, l)}</li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
                Err(AppError::Unauthorized) => view! {
                    <h1>{l.pick("请先登录", "Please log in", "먼저 로그인하십시오")}</h1>
                    <p><a class="button" href="/login">{l.pick("登录", "Log in", "로그인")}</a></p>
                }
                .into_any(),
                Err(e) => view! { <h1>{e.message(l)}</h1> }.into_any(),
            }
        })
    };
    view! {
        <Title text=l.pick("我的账户", "My account", "내 계정")/>
        <section class="panel">
            <Suspense fallback=move || view! { <p>{l.pick("加载中…", "Loading…", "불러오는 중…")}</p> }>{body}</Suspense>
        </section>
    }
}
