//! Login for every kind of account: people with their mobile number, enterprises with their credit code, staff
//! with the user name their court gave them.

use crate::components::field::{ErrorSummary, Field, FieldSpec};
use crate::page_data::use_page;
use leptos::prelude::*;
use leptos_meta::Title;

const LOGIN_NAME: FieldSpec = FieldSpec {
    hint: Some((
        "个人和律师填手机号码，企业填统一社会信用代码，法院工作人员填用户名。",
        "People and lawyers: your mobile number. Enterprises: the credit code. Court staff: your user name.",
        "개인·변호사는 휴대전화 번호, 기업은 신용코드, 법원 직원은 사용자 이름.",
    )),
    autocomplete: "username",
    ..FieldSpec::text("login_name", ("账号", "Account", "계정"))
};
const PASSWORD: FieldSpec = FieldSpec {
    input_type: "password",
    autocomplete: "current-password",
    ..FieldSpec::text("password", ("密码", "Password", "비밀번호"))
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
    let action = if saved { "/login?saved=1" } else { "/login" };
    view! {
        <Title text=l.pick("登录", "Log in", "로그인")/>
        <section class="panel narrow">
            <h1>{l.pick("登录", "Log in", "로그인")}</h1>
            {saved.then(|| view! {
                <p class="notice" role="status">{l.pick(
                    "登录已超时。您刚才填写的内容已保存，重新登录后会自动放回草稿。",
                    "Your session had expired. What you just entered is kept and goes back into your draft when you log in again.",
                    "로그인 시간이 만료되었습니다. 방금 입력한 내용은 보관되어 다시 로그인하면 초안에 반영됩니다.")}</p>
            })}
            <ErrorSummary outcome=outcome.clone() fields=vec![LOGIN_NAME, PASSWORD]/>
            <form method="post" action=action novalidate class="form">
                <Field spec=LOGIN_NAME outcome=outcome.clone()/>
                <Field spec=PASSWORD outcome=outcome/>
                <button type="submit" class="button">{l.pick("登录", "Log in", "로그인")}</button>
            </form>
            <p>{l.pick("还没有账号？", "No account yet?", "계정이 없으신가요?")} " " <a href="/register">{l.pick("注册", "Register", "회원가입")}</a></p>
        </section>
    }
}
