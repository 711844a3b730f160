//! Self-registration: citizen, enterprise or lawyer. The form posts to `/register` and works without JavaScript;
//! with the Wasm loaded each field is checked by the same `domain` rules as the person types.

use crate::components::field::{Check, ErrorSummary, Field, FieldSpec};
use crate::page_data::use_page;
use domain::registration::AccountKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PERSON_NAME: FieldSpec = FieldSpec {
    autocomplete: "name",
    rule: Some(Check::PersonName),
    ..FieldSpec::text("name", ("姓名", "Full name", "성명"))
};
const ID_NUMBER: FieldSpec = FieldSpec {
    hint: Some((
        "18位公民身份号码，最后一位可能是X。",
        "Your 18-character resident ID number; the last character may be X.",
        "18자리 주민신분증 번호입니다. 마지막 자리는 X일 수 있습니다.",
    )),
    rule: Some(Check::ResidentId),
    live_at_len: Some(18),
    ..FieldSpec::text(
        "id_number",
        ("公民身份号码", "Resident ID number", "주민신분증 번호"),
    )
};
const MOBILE: FieldSpec = FieldSpec {
    hint: Some((
        "用于登录和接收通知。",
        "You log in with it and get notices on it.",
        "로그인과 알림 수신에 사용합니다.",
    )),
    input_type: "tel",
    autocomplete: "tel-national",
    inputmode: "numeric",
    rule: Some(Check::Mobile),
    live_at_len: Some(11),
    ..FieldSpec::text("mobile", ("手机号码", "Mobile number", "휴대전화 번호"))
};
const CONTACT_MOBILE: FieldSpec = FieldSpec {
    hint: Some((
        "联系人手机号码，用于接收通知。",
        "The contact person's mobile, for notices.",
        "담당자 휴대전화 번호(알림용).",
    )),
    ..MOBILE
};
const ENTERPRISE_NAME: FieldSpec = FieldSpec {
    autocomplete: "organization",
    rule: Some(Check::Name),
    ..FieldSpec::text("name", ("企业名称", "Enterprise name", "기업 명칭"))
};
const USCC: FieldSpec = FieldSpec {
    hint: Some((
        "营业执照上的18位统一社会信用代码，也用于登录。",
        "The 18-character code on the business licence; you also log in with it.",
        "영업허가증의 18자리 코드이며 로그인에도 사용합니다.",
    )),
    rule: Some(Check::Uscc),
    live_at_len: Some(18),
    ..FieldSpec::text(
        "uscc",
        (
            "统一社会信用代码",
            "Unified social credit code",
            "통일사회신용코드",
        ),
    )
};
const LEGAL_REP: FieldSpec = FieldSpec {
    rule: Some(Check::PersonName),
    ..FieldSpec::text(
        "legal_representative",
        ("法定代表人", "Legal representative", "법정대표자"),
    )
};
const CONTACT_NAME: FieldSpec = FieldSpec {
    rule: Some(Check::PersonName),
    ..FieldSpec::text("contact_name", ("联系人", "Contact person", "담당자"))
};
const LICENCE: FieldSpec = FieldSpec {
    hint: Some((
        "执业证上的17位号码。",
        "The 17-digit number on your practising licence.",
        "자격증의 17자리 번호입니다.",
    )),
    inputmode: "numeric",
    rule: Some(Check::Licence),
    live_at_len: Some(17),
    ..FieldSpec::text(
        "licence_no",
        (
            "律师执业证号",
            "Practising licence number",
            "변호사 자격증 번호",
        ),
    )
};
const LAW_FIRM: FieldSpec = FieldSpec {
    autocomplete: "organization",
    rule: Some(Check::Name),
    ..FieldSpec::text("law_firm", ("执业机构", "Law firm", "소속 법률사무소"))
};
const PASSWORD: FieldSpec = FieldSpec {
    hint: Some(("至少8位。", "At least 8 characters.", "8자 이상.")),
    input_type: "password",
    autocomplete: "new-password",
    rule: Some(Check::Password),
    ..FieldSpec::text(
        "password",
        ("设置密码", "Choose a password", "비밀번호 설정"),
    )
};
const PASSWORD_CONFIRM: FieldSpec = FieldSpec {
    input_type: "password",
    autocomplete: "new-password",
    ..FieldSpec::text(
        "password_confirm",
        ("再次输入密码", "Repeat the password", "비밀번호 확인"),
    )
};

fn fields_of(kind: AccountKind) -> Vec<FieldSpec> {
    match kind {
        AccountKind::Enterprise => {
            vec![
                ENTERPRISE_NAME,
                USCC,
                LEGAL_REP,
                CONTACT_NAME,
                CONTACT_MOBILE,
                PASSWORD,
                PASSWORD_CONFIRM,
            ]
        }
        AccountKind::Lawyer => vec![
            PERSON_NAME,
            LICENCE,
            LAW_FIRM,
            MOBILE,
            PASSWORD,
            PASSWORD_CONFIRM,
        ],
        _ => vec![PERSON_NAME, ID_NUMBER, MOBILE, PASSWORD, PASSWORD_CONFIRM],
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let page = use_page();
    let l = page.lang;
    let outcome = page.outcome("register").cloned();
    let query = use_query_map();
    let submitted_kind = outcome.as_ref().map(|o| o.value("kind"));
    let kind = Memo::new(move |_| {
        let asked = query.read().get("kind");
        asked
            .or_else(|| submitted_kind.clone())
            .and_then(|k| AccountKind::from_code(&k))
            .filter(|k| !k.is_staff())
            .unwrap_or(AccountKind::Citizen)
    });
    let tabs = [
        AccountKind::Citizen,
        AccountKind::Enterprise,
        AccountKind::Lawyer,
    ]
    .into_iter()
    .map(|k| {
        let href = format!("/register?kind={}", k.code());
        view! {
            <li>
                <a href=href aria-current=move || if kind.get() == k { Some("page") } else { None }>
                    {k.label(l)}
                </a>
            </li>
        }
    })
    .collect_view();
    let form = move || {
        let k = kind.get();
        let outcome = outcome.clone().filter(|o| o.value("kind") == k.code());
        let fields = fields_of(k);
        let inputs = fields
            .iter()
            .map(|spec| {
                let field = view! { <Field spec=*spec outcome=outcome.clone()/> }.into_any();
                if spec.name == "uscc" {
                    let checked = outcome.as_ref().is_some_and(|o| o.value("uscc_confirmed") == "true");
                    view! {
                        {field}
                        <div class="field checkbox">
                            <input type="checkbox" id="f-uscc_confirmed" name="uscc_confirmed" value="true" checked=checked/>
                            <label for="f-uscc_confirmed">
                                {l.pick(
                                    "我已核对，营业执照上的代码即为上述代码（校验码不符时勾选）。",
                                    "I have checked: this is exactly the code on the licence (tick if the check character does not match).",
                                    "영업허가증의 코드와 같음을 확인했습니다(검증 문자가 맞지 않을 때 선택).",
                                )}
                            </label>
                        </div>
                    }
                    .into_any()
                } else {
                    field
                }
            })
            .collect_view();
        view! {
            <ErrorSummary outcome=outcome.clone() fields=fields.clone()/>
            <form method="post" action="/register" novalidate class="form">
                <input type="hidden" name="kind" value=k.code()/>
                {inputs}
                <button type="submit" class="button">{l.pick("注册", "Register", "가입하기")}</button>
            </form>
        }
    };
    view! {
        <Title text=l.pick("注册账号", "Create an account", "회원가입")/>
        <section class="panel narrow">
            <h1>{l.pick("注册账号", "Create an account", "회원가입")}</h1>
            <p>
                {l.pick(
                    "法院工作人员账号由法院管理员开通，无需注册。",
                    "Court staff accounts are opened by the court's administrator, not here.",
                    "법원 직원 계정은 법원 관리자가 개설합니다.",
                )}
            </p>
            <nav aria-label=l.pick("账号类型", "Account type", "계정 유형")>
                <ul class="tabs">{tabs}</ul>
            </nav>
            {form}
            <p>{l.pick("已有账号？", "Already registered?", "이미 가입하셨나요?")} " " <a href="/login">{l.pick("登录", "Log in", "로그인")}</a></p>
        </section>
    }
}
