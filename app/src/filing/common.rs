//! What the filing pages share: the error view, labels of causes and events, the timeline, small form pieces.

use crate::components::field::field_id;
use crate::error::AppError;
use domain::filing::{validate, FilingDraft};
use domain::{Date, FieldError, FieldErrors, Lang};
use leptos::prelude::*;

pub(super) fn errors_of(draft: &FilingDraft, today: Date) -> FieldErrors {
    validate(draft, today).err().unwrap_or_default()
}

pub(super) fn error_view(e: &AppError, l: Lang) -> AnyView {
    match e {
        AppError::Unauthorized => view! {
            <h1>{l.pick("请先登录", "Please log in", "먼저 로그인하십시오")}</h1>
            <p><a class="button" href="/login">{l.pick("登录", "Log in", "로그인")}</a></p>
        }
        .into_any(),
        other => view! { <h1>{other.message(l)}</h1> }.into_any(),
    }
}

/// Why a clerk's or filer's action on the filing page was not done, from the refusal code the form door sends back.
pub(super) fn refusal_message(code: &str, l: Lang) -> &'static str {
    match code {
        "no_consent" => l.pick(
            "当事人未同意诉前调解，不能转入。",
            "The filer has not agreed to pre-litigation mediation.",
            "당사자가 소송 전 조정에 동의하지 않았습니다.",
        ),
        "not_overdue" => l.pick(
            "交费期限尚未届满，不能按撤诉处理（《诉讼费用交纳办法》第二十二条）。",
            "The time to pay has not run out yet; the case cannot be treated as withdrawn (Art. 22).",
            "납부 기한이 지나지 않아 취하로 처리할 수 없습니다(제22조).",
        ),
        "validation" => l.pick(
            "操作未完成：请写明理由（补正事项、不予受理理由或缓减免理由）。",
            "That was not done: give the reasons (what to correct, why refused, why relief is needed).",
            "처리되지 않았습니다. 사유를 적어 주십시오.",
        ),
        _ => l.pick(
            "操作未完成：当前状态下不能办理，可能已有他人处理。请查看下面的当前状态。",
            "That was not done: not possible in the current state — someone may have acted first. See where it stands below.",
            "처리되지 않았습니다. 현재 상태에서는 할 수 없습니다. 아래 상태를 확인하십시오.",
        ),
    }
}

pub(super) fn cause_name(code: &str) -> String {
    domain::catalogue::cause(code)
        .map(|c| c.name.to_string())
        .unwrap_or_default()
}

pub(super) fn action_label(action: &str, l: Lang) -> &'static str {
    match action {
        "create" => l.pick("创建草稿", "Draft started", "초안 작성"),
        "submit" => l.pick("提交立案申请", "Submitted", "제출"),
        "resubmit" => l.pick(
            "补正后重新提交",
            "Resubmitted after corrections",
            "보정 후 재제출",
        ),
        "register" => l.pick("登记立案", "Registered", "입안 등록"),
        "request_correction" => l.pick(
            "法院要求补正",
            "Court asked for corrections",
            "법원 보정 요청",
        ),
        "refuse" => l.pick("不予受理", "Refused", "불수리"),
        "divert" => l.pick(
            "转入诉前调解",
            "Sent to pre-litigation mediation",
            "소송 전 조정 회부",
        ),
        "request_relief" => l.pick("申请缓减免", "Fee relief applied for", "감면 신청"),
        "grant_relief" => l.pick("准予缓减免", "Fee relief granted", "감면 승인"),
        "deny_relief" => l.pick("不准予缓减免", "Fee relief refused", "감면 거부"),
        "record_payment" => l.pick("已交费", "Fee paid", "납부 완료"),
        "treat_as_withdrawn" => l.pick(
            "未按期交费，按撤诉处理",
            "Fee not paid in time: treated as withdrawn",
            "기한 내 미납: 취하 처리",
        ),
        _ => l.pick("其他", "Other", "기타"),
    }
}

pub(super) fn events_view(events: &[super::data::EventView], l: Lang) -> impl IntoView {
    let zone = l.pick("北京时间", "Beijing time", "베이징 시간");
    view! {
        <h2>{l.pick("办理进度", "Progress", "진행 상황")}</h2>
        <ol class="timeline">
            {events
                .iter()
                .map(|e| view! {
                    <li>
                        <time>{domain::date::format_shanghai(e.at, zone)}</time>
                        " · "
                        <strong>{action_label(&e.action, l)}</strong>
                        {(!e.note.is_empty()).then(|| view! { <p class="note">{e.note.clone()}</p> })}
                    </li>
                })
                .collect_view()}
        </ol>
    }
}

pub(super) fn error_of(errors: &FieldErrors, key: &str, show: bool) -> Option<FieldError> {
    if show {
        errors.get(key)
    } else {
        None
    }
}

pub(super) fn select(
    name: String,
    label: &'static str,
    current: &str,
    options: &[(&'static str, &'static str)],
) -> impl IntoView {
    let id = field_id(&name);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.iter().map(|(v, t)| view! { <option value=*v selected=current == *v>{*t}</option> }).collect_view()}
            </select>
        </div>
    }
}

pub(super) fn checkbox(name: String, label: &'static str, checked: bool) -> impl IntoView {
    let id = field_id(&name);
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name value="true" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}
