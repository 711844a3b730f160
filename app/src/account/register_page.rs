//! Self-registration: citizen, enterprise or lawyer. The form posts to `/register` and works without JavaScript;
//! with the Wasm loaded each field is checked by the same `domain` rules as the person types.

use crate::components::field::{Check, ErrorSummary, Field, FieldSpec};
use crate::page_data::use_page;
use crate::texts::Label;
use domain::registration::AccountKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PERSON_NAME: FieldSpec = FieldSpec {
    autocomplete: "name",
    rule: Some(Check::PersonName),
    ..FieldSpec::text("name", |l| tr!(l, register_full_name))
};
const ID_NUMBER: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_your_18_character_resident_id_number)),
    rule: Some(Check::ResidentId),
    live_at_len: Some(18),
    ..FieldSpec::text("id_number", |l| tr!(l, account_resident_id_number))
};
const MOBILE: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_you_log_in_with_it_and)),
    input_type: "tel",
    autocomplete: "tel-national",
    inputmode: "numeric",
    rule: Some(Check::Mobile),
    live_at_len: Some(11),
    ..FieldSpec::text("mobile", |l| tr!(l, account_mobile_number))
};
const CONTACT_MOBILE: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_the_contact_person_s_mobile_for)),
    ..MOBILE
};
const ENTERPRISE_NAME: FieldSpec = FieldSpec {
    autocomplete: "organization",
    rule: Some(Check::Name),
    ..FieldSpec::text("name", |l| tr!(l, register_enterprise_name))
};
const USCC: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_the_18_character_code_on_the)),
    rule: Some(Check::Uscc),
    live_at_len: Some(18),
    ..FieldSpec::text("uscc", |l| tr!(l, register_unified_social_credit_code))
};
const LEGAL_REP: FieldSpec = FieldSpec {
    rule: Some(Check::PersonName),
    ..FieldSpec::text("legal_representative", |l| {
        tr!(l, register_legal_representative)
    })
};
const CONTACT_NAME: FieldSpec = FieldSpec {
    rule: Some(Check::PersonName),
    ..FieldSpec::text("contact_name", |l| tr!(l, register_contact_person))
};
const LICENCE: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_the_17_digit_number_on_your)),
    inputmode: "numeric",
    rule: Some(Check::Licence),
    live_at_len: Some(17),
    ..FieldSpec::text("licence_no", |l| tr!(l, register_practising_licence_number))
};
const LAW_FIRM: FieldSpec = FieldSpec {
    autocomplete: "organization",
    rule: Some(Check::Name),
    ..FieldSpec::text("law_firm", |l| tr!(l, register_law_firm))
};
const PASSWORD: FieldSpec = FieldSpec {
    hint: Some(|l| tr!(l, register_at_least_8_characters)),
    input_type: "password",
    autocomplete: "new-password",
    rule: Some(Check::Password),
    ..FieldSpec::text("password", |l| tr!(l, register_choose_a_password))
};
const PASSWORD_CONFIRM: FieldSpec = FieldSpec {
    input_type: "password",
    autocomplete: "new-password",
    ..FieldSpec::text("password_confirm", |l| tr!(l, register_repeat_the_password))
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
                                {tr!(l, register_i_have_checked_this_is_exactly)}
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
                <button type="submit" class="button">{tr!(l, register_register)}</button>
            </form>
        }
    };
    view! {
        <Title text=tr!(l, register_create_an_account)/>
        <section class="panel narrow">
            <h1>{tr!(l, register_create_an_account)}</h1>
            <p>
                {tr!(l, register_court_staff_accounts_are_opened_by)}
            </p>
            <nav aria-label=tr!(l, register_account_type)>
                <ul class="tabs">{tabs}</ul>
            </nav>
            {form}
            <p>{tr!(l, register_already_registered)} " " <a href="/login">{tr!(l, account_log_in)}</a></p>
        </section>
    }
}
