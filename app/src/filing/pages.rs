//! The filing pages. Each renders completely on the server (in order, so it works without JavaScript); with the
//! Wasm loaded, identity numbers are checked while typed and the fee follows the amounts as they are typed.

use super::data::{load_filing, my_filings, track_filing, FilingData};
use super::form::{step_state, Step, StepState};
use crate::components::field::{field_id, yuan, Check, LiveInput};
use crate::error::AppError;
use crate::page_data::use_page;
use domain::catalogue::{CauseGroup, CAUSES};
use domain::fees::{quote, FeeRequest, Procedure};
use domain::filing::{parse_yuan, validate, FilingDraft};
use domain::filing_status::FilingStatus;
use domain::upload::UploadError;
use domain::{Date, FieldError, FieldErrors, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn errors_of(draft: &FilingDraft, today: Date) -> FieldErrors {
    validate(draft, today).err().unwrap_or_default()
}

fn error_view(e: &AppError, l: Lang) -> AnyView {
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
fn refusal_message(code: &str, l: Lang) -> &'static str {
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

fn cause_name(code: &str) -> String {
    domain::catalogue::cause(code)
        .map(|c| c.name.to_string())
        .unwrap_or_default()
}

fn action_label(action: &str, l: Lang) -> &'static str {
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

fn events_view(events: &[super::data::EventView], l: Lang) -> impl IntoView {
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

/// /filings/:id — the task list while it is being written, then the receipt and the progress.
#[component]
pub fn FilingPage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let query = use_query_map();
    let data = Resource::new_blocking(id, load_filing);
    let body = move || {
        let refused = query
            .read()
            .get("review_error")
            .or_else(|| query.read().get("payment_error"));
        Suspend::new(async move {
            match data.await {
                Ok(f) => view! {
                    {refused.map(|code| view! {
                        <p class="error-summary" role="alert">{refusal_message(&code, l)}</p>
                    })}
                    {filing_overview(f, l, today)}
                }
                .into_any(),
                Err(e) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=l.pick("立案申请", "Filing", "입안 신청")/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn filing_overview(f: FilingData, l: Lang, today: Date) -> AnyView {
    let errors = errors_of(&f.draft, today);
    let title = if f.draft.cause.is_empty() {
        l.pick("新的立案申请", "New filing", "새 입안 신청")
            .to_string()
    } else {
        cause_name(&f.draft.cause)
    };
    let receipt = f.receipt_no.clone().map(|no| {
        view! {
            <div class="receipt" role="status">
                <h2>{l.pick("已收到您的立案申请", "Your filing has been received", "입안 신청이 접수되었습니다")}</h2>
                <p>{l.pick("收件号", "Receipt number", "접수번호")}": "<strong class="receipt-no">{no}</strong></p>
                {f.query_code.clone().map(|c| view! {
                    <p>{l.pick("查询码（请记下，只显示这一次）", "Query code (note it: shown only now)", "조회 코드(지금만 표시됩니다)")}": "<strong class="query-code">{c}</strong></p>
                })}
                {f.review_deadline.clone().map(|d| view! {
                    <p>{l.pick("法院应在以下日期前作出是否立案的决定：", "The court decides whether to register it by", "법원의 입안 결정 기한:")}" "<strong>{d}</strong>
                    " "<span class="hint">"（《民事诉讼法》第一百二十六条）"</span>
                    {(!f.review_deadline_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
                })}
            </div>
        }
    });
    let case_number = f.case_number.clone().map(|n| view! {
        <p class="case-number">{l.pick("案号", "Case number", "사건번호")}": "<strong>{n}</strong></p>
    });
    let editable = f.own && f.status.editable();
    let tasks = editable.then(|| {
        let id = f.id.clone();
        view! {
            <h2>{l.pick("填写步骤", "Steps", "작성 단계")}</h2>
            <p class="hint">{l.pick("每一步都会自动保存，可随时离开，在任何设备上继续。", "Every step is saved as you go: leave at any time and carry on from any device.", "각 단계는 자동 저장됩니다. 언제든 다른 기기에서 이어서 작성할 수 있습니다.")}</p>
            <ol class="task-list">
                {Step::ALL.into_iter().map(|s| {
                    let state = step_state(s, &f.draft, &errors);
                    let (tag, class) = match (s, state) {
                        (Step::Check, _) => (l.pick("最后一步", "Last step", "마지막 단계"), "tag"),
                        (_, StepState::NotStarted) => (l.pick("未开始", "Not started", "시작 전"), "tag tag-grey"),
                        (_, StepState::NeedsAttention) => (l.pick("需修改", "Needs attention", "수정 필요"), "tag tag-red"),
                        (_, StepState::Done) => (l.pick("已完成", "Done", "완료"), "tag tag-green"),
                    };
                    view! {
                        <li>
                            <a href=format!("/filings/{id}/{}", s.code())>{s.label(l)}</a>
                            " "<span class=class>{tag}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
    });
    let corrections = (f.own && f.status == FilingStatus::CorrectionRequested).then(|| {
        let note = f.events.iter().rev().find(|e| e.action == "request_correction").map(|e| e.note.clone()).unwrap_or_default();
        view! {
            <div class="notice" role="alert">
                <h2>{l.pick("法院要求补正", "The court asks for corrections", "법원이 보정을 요청했습니다")}</h2>
                <p>{note}</p>
                <p>{l.pick("请修改后在“核对并提交”一步重新提交；审查期限将重新计算。", "Make the changes, then resubmit from “Check and submit”; the review period starts again.", "수정 후 다시 제출하십시오. 심사 기한이 다시 계산됩니다.")}</p>
            </div>
        }
    });
    let review = f
        .reviewer
        .then(|| super::review::ReviewPanel(super::review::ReviewPanelProps { filing: f.clone() }));
    let payment = payment_panel(&f, l, today);
    view! {
        <h1>{title}</h1>
        <p><span class=format!("status status-{}", f.status.code())>{f.status.label(l)}</span></p>
        {case_number}
        {receipt}
        {corrections}
        {tasks}
        {payment}
        {review}
        {events_view(&f.events, l)}
        <p><a href="/filings">{l.pick("返回我的案件", "Back to my matters", "내 사건으로")}</a></p>
    }
    .into_any()
}

/// /filings/:id/:step — one step of the wizard.
#[component]
pub fn StepPage() -> impl IntoView {
    let page = use_page();
    let (l, today) = (page.lang, page.today);
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, load_filing);
    let body = move || {
        let step = params.read().get("step").and_then(|s| Step::from_code(&s));
        let show_errors = query.read().get("check").is_some();
        let upload = UploadNote {
            error: query
                .read()
                .get("upload_error")
                .and_then(|c| UploadError::from_code(&c)),
            done: query.read().get("uploaded").is_some(),
        };
        let restored = query.read().get("restored").is_some();
        Suspend::new(async move {
            match (data.await, step) {
                (Ok(f), Some(step)) if f.own && f.status.editable() => view! {
                    {restored.then(|| view! {
                        <p class="notice" role="status">{l.pick(
                            "您在登录超时前填写的内容已保存到草稿。",
                            "What you entered before your session expired has been saved to the draft.",
                            "로그인 만료 전에 입력한 내용을 초안에 저장했습니다.")}</p>
                    })}
                    {step_view(f, step, show_errors, upload, l, today)}
                }
                .into_any(),
                (Ok(f), Some(_)) => filing_overview(f, l, today),
                (Ok(_), None) => error_view(&AppError::NotFound, l),
                (Err(e), _) => error_view(&e, l),
            }
        })
    };
    view! {
        <Title text=l.pick("网上立案", "Online filing", "온라인 입안")/>
        <section class="panel">
            <Suspense fallback=|| ()>{body}</Suspense>
        </section>
    }
}

fn error_of(errors: &FieldErrors, key: &str, show: bool) -> Option<FieldError> {
    if show {
        errors.get(key)
    } else {
        None
    }
}

#[derive(Clone, Copy)]
struct UploadNote {
    error: Option<UploadError>,
    done: bool,
}

fn step_view(
    f: FilingData,
    step: Step,
    show_errors: bool,
    upload: UploadNote,
    l: Lang,
    today: Date,
) -> AnyView {
    let errors = errors_of(&f.draft, today);
    let d = f.draft.clone();
    let action = format!("/filings/{}/{}", f.id, step.code());
    let position = Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1;
    let step_errors: Vec<(String, FieldError)> = if show_errors {
        errors
            .0
            .iter()
            .filter(|(k, _)| step.owns(k))
            .cloned()
            .collect()
    } else {
        vec![]
    };
    let summary = (!step_errors.is_empty()).then(|| view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{l.pick("请修改以下问题", "There is a problem", "다음 내용을 고쳐 주십시오")}</h2>
            <ul>{step_errors.iter().map(|(k, e)| view! { <li><a href=format!("#{}", field_id(k))>{e.message(l)}</a></li> }).collect_view()}</ul>
        </div>
    });
    let fields = match step {
        Step::Cause => cause_fields(&d, &errors, show_errors, l).into_any(),
        Step::Parties => parties_fields(&d, &errors, show_errors, l).into_any(),
        Step::Claims => claims_fields(&d, &errors, show_errors).into_any(),
        Step::Facts => facts_fields(&d, &errors, show_errors, l).into_any(),
        Step::Evidence => evidence_fields(&d, l).into_any(),
        Step::Court => {
            court_fields(&d, &f.courts, &f.suggestions, &errors, show_errors, l).into_any()
        }
        Step::Check => return check_view(f, l, today),
    };
    view! {
        <p class="step-of">{format!("{} {position} / {}", l.pick("第", "Step", "단계"), Step::ALL.len())}</p>
        <h1>{step.label(l)}</h1>
        {summary}
        <super::autosave::AutosaveForm action=action>{fields}</super::autosave::AutosaveForm>
        {(step == Step::Evidence).then(|| upload_form(&f.id, upload, l))}
    }
    .into_any()
}

/// A plain multipart form: works without JavaScript; a refused file comes back here with the reason, to try again.
fn upload_form(id: &str, note: UploadNote, l: Lang) -> impl IntoView {
    view! {
        <form method="post" action=format!("/filings/{id}/evidence/upload") enctype="multipart/form-data" class="form upload">
            <h2>{l.pick("上传证据文件", "Upload an evidence file", "증거 파일 올리기")}</h2>
            <p class="hint" id="f-upload-file-hint">{l.pick("PDF、JPEG 或 PNG，单个不超过10MB。", "PDF, JPEG or PNG, at most 10 MB each.", "PDF, JPEG, PNG, 파일당 10MB 이하.")}</p>
            {note.done.then(|| view! { <p class="autosave" role="status">{l.pick("文件已上传。", "The file was uploaded.", "파일을 올렸습니다.")}</p> })}
            <div class="field">
                <label for="f-upload-label">{l.pick("证据名称", "What it is", "증거 명칭")}</label>
                <input id="f-upload-label" name="label" autocomplete="off"/>
            </div>
            {checkbox("original".into(), l.pick("我有原件", "I have the original", "원본이 있습니다"), true)}
            <div class="field" class:field-error=note.error.is_some()>
                <label for="f-upload-file">{l.pick("文件", "File", "파일")}</label>
                <p class="error-message" id="f-upload-file-error" role="alert">{note.error.map(|e| e.message(l))}</p>
                <input type="file" id="f-upload-file" name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby="f-upload-file-hint f-upload-file-error"/>
            </div>
            <button type="submit" class="button secondary">{l.pick("上传", "Upload", "올리기")}</button>
        </form>
    }
}

fn cause_fields(d: &FilingDraft, errors: &FieldErrors, show: bool, l: Lang) -> impl IntoView {
    let groups = [
        CauseGroup::MoneyAndContracts,
        CauseGroup::HomeAndProperty,
        CauseGroup::WorkAndLabour,
        CauseGroup::FamilyAndInheritance,
        CauseGroup::AccidentsAndRights,
        CauseGroup::Administrative,
        CauseGroup::Applications,
    ];
    let err = error_of(errors, "cause", show);
    view! {
        <fieldset class="field" id=field_id("cause") class:field-error=err.is_some()>
            <legend>{l.pick("您要办理哪一类案件？", "What kind of case is it?", "어떤 사건입니까?")}</legend>
            {err.map(|e| view! { <p class="error-message">{e.message(l)}</p> })}
            {groups.into_iter().map(|g| view! {
                <h3>{g.label(l)}</h3>
                {CAUSES.iter().filter(|c| c.group == g).map(|c| {
                    let id = format!("cause-{}", c.code);
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name="cause" value=c.code checked=d.cause == c.code/>
                            <label for=id>{c.name}</label>
                            {c.precondition.map(|p| view! { <p class="hint">{p}</p> })}
                        </div>
                    }
                }).collect_view()}
            }).collect_view()}
        </fieldset>
    }
}

fn select(
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

fn checkbox(name: String, label: &'static str, checked: bool) -> impl IntoView {
    let id = field_id(&name);
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name value="true" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

fn parties_fields(d: &FilingDraft, errors: &FieldErrors, show: bool, l: Lang) -> impl IntoView {
    let mut parties = d.parties.clone();
    if parties.is_empty() {
        parties.push(domain::filing::PartyDraft {
            role: "plaintiff".into(),
            kind: "natural".into(),
            ..Default::default()
        });
        parties.push(domain::filing::PartyDraft {
            role: "defendant".into(),
            kind: "natural".into(),
            ..Default::default()
        });
    }
    let side_err = error_of(errors, "parties", show);
    let roles = [
        (
            "plaintiff",
            l.pick("原告（申请人）", "Claimant (applicant)", "원고(신청인)"),
        ),
        (
            "defendant",
            l.pick(
                "被告（被申请人）",
                "Defendant (respondent)",
                "피고(피신청인)",
            ),
        ),
        ("third_party", l.pick("第三人", "Third party", "제3자")),
    ];
    let kinds = [
        ("natural", l.pick("自然人", "Natural person", "자연인")),
        ("legal", l.pick("法人", "Legal person", "법인")),
        (
            "other",
            l.pick("非法人组织", "Other organisation", "비법인 조직"),
        ),
    ];
    view! {
        <div id=field_id("parties")>
            {side_err.map(|e| view! { <p class="error-message">{e.message(l)}</p> })}
        </div>
        {parties.into_iter().enumerate().map(|(i, p)| {
            let n = |f: &str| format!("parties.{i}.{f}");
            let e = |f: &str| error_of(errors, &format!("parties.{i}.{f}"), show);
            view! {
                <fieldset class="party">
                    <legend>{format!("{} {}", l.pick("当事人", "Party", "당사자"), i + 1)}</legend>
                    {select(n("role"), l.pick("诉讼地位", "Role", "지위"), &p.role, &roles)}
                    {select(n("kind"), l.pick("类型", "Type", "유형"), &p.kind, &kinds)}
                    <LiveInput name=n("name") label=l.pick("姓名或名称", "Name", "성명 또는 명칭").into() value=p.name.clone() error=e("name") rule=Some(Check::Name)/>
                    <LiveInput name=n("id_number") label=l.pick("公民身份号码（自然人）", "Resident ID number (people)", "주민신분증 번호(자연인)").into() value=p.id_number.clone() error=e("id_number") rule=Some(Check::ResidentId) optional=true live_at_len=Some(18)/>
                    <LiveInput name=n("uscc") label=l.pick("统一社会信用代码（单位）", "Credit code (organisations)", "통일사회신용코드(단체)").into() value=p.uscc.clone() error=e("uscc") rule=Some(Check::Uscc) optional=true live_at_len=Some(18)/>
                    {checkbox(n("uscc_confirmed"), l.pick("我已核对，营业执照上的代码即为上述代码（校验码不符时勾选）", "I have checked: this is exactly the code on the licence (tick if the check character does not match)", "영업허가증의 코드와 같음을 확인했습니다(검증 문자가 맞지 않을 때 선택)"), p.uscc_confirmed)}
                    <LiveInput name=n("mobile") label=l.pick("手机号码", "Mobile number", "휴대전화 번호").into() value=p.mobile.clone() error=e("mobile") rule=Some(Check::Mobile) optional=true live_at_len=Some(11) input_type="tel" inputmode="numeric"/>
                    <LiveInput name=n("address") label=l.pick("送达地址", "Address for service", "송달 주소").into() value=p.address.clone() error=e("address")/>
                    {checkbox(n("address_confirmed"), l.pick("确认以上地址可用于送达法律文书（送达地址确认书）", "Documents may be served at this address (address-for-service confirmation)", "이 주소로 문서를 송달받는 데 동의합니다"), p.address_confirmed)}
                    <LiveInput name=n("agent_name") label=l.pick("委托代理人（可不填）", "Agent or lawyer (optional)", "대리인(선택)").into() value=p.agent_name.clone()/>
                    <LiveInput name=n("agent_licence") label=l.pick("律师执业证号（律师代理时填写）", "Lawyer's licence number", "변호사 자격증 번호").into() value=p.agent_licence.clone() error=e("agent_licence") rule=Some(Check::Licence) optional=true live_at_len=Some(17) inputmode="numeric"/>
                    {checkbox(n("agent_authorised"), l.pick("已提交授权委托书", "A power of attorney is provided", "위임장을 제출했습니다"), p.agent_authorised)}
                    <button type="submit" name="remove" value=i.to_string() class="button secondary small">{l.pick("删除此当事人", "Remove this party", "이 당사자 삭제")}</button>
                </fieldset>
            }
        }).collect_view()}
        <button type="submit" name="add" value="party" class="button secondary">{l.pick("添加当事人", "Add a party", "당사자 추가")}</button>
    }
}

fn claims_fields(d: &FilingDraft, errors: &FieldErrors, show: bool) -> impl IntoView {
    let mut claims = d.claims.clone();
    if claims.is_empty() {
        claims.push(Default::default());
    }
    let errors: Vec<(String, FieldError)> = if show {
        errors
            .0
            .iter()
            .filter(|(k, _)| k.starts_with("claims"))
            .cloned()
            .collect()
    } else {
        vec![]
    };
    let category = domain::catalogue::cause(&d.cause).map(|c| c.fee);
    view! { <super::live::ClaimsEditor claims errors category/> }
}

fn facts_fields(d: &FilingDraft, errors: &FieldErrors, show: bool, l: Lang) -> impl IntoView {
    let facts_err = error_of(errors, "facts", show);
    view! {
        <div class="field" class:field-error=facts_err.is_some()>
            <label for=field_id("facts")>{l.pick("事实与理由", "Facts and reasons", "사실과 이유")}</label>
            <p class="hint">{l.pick("发生了什么、何时何地、对方应承担什么责任。", "What happened, when and where, and why the other side is responsible.", "무슨 일이 언제 어디서 있었는지, 상대방의 책임은 무엇인지.")}</p>
            <p class="error-message">{facts_err.map(|e| e.message(l))}</p>
            <textarea id=field_id("facts") name="facts" rows="8">{d.facts.clone()}</textarea>
        </div>
        <super::live::LimitationDates
            known_on=d.known_on.clone()
            last_instalment_due=d.last_instalment_due.clone()
            known_on_error=error_of(errors, "known_on", show)
            last_instalment_due_error=error_of(errors, "last_instalment_due", show)/>
        {place_field(d, l)}
    }
}

/// The place the cause's jurisdiction rule looks at (contract performance, tort, real estate); the competent court
/// is suggested from it and from the defendants' addresses.
fn place_field(d: &FilingDraft, l: Lang) -> Option<impl IntoView> {
    use domain::jurisdiction::{place_ground, Ground};
    let rule = domain::catalogue::cause(&d.cause)?.jurisdiction;
    let label = match place_ground(rule)? {
        Ground::ContractPerformance => l.pick(
            "合同履行地（写明县、区或市，可不填）",
            "Where the contract is performed (county or district; optional)",
            "계약 이행지(현·구·시, 선택)",
        ),
        Ground::TortPlace => l.pick(
            "侵权行为地，如事故发生地（写明县、区或市）",
            "Where the harm was done, e.g. the accident (county or district)",
            "불법행위지, 예: 사고 장소(현·구·시)",
        ),
        Ground::RealEstate => l.pick(
            "房屋等不动产所在地（写明县、区或市）",
            "Where the property lies (county or district)",
            "부동산 소재지(현·구·시)",
        ),
        Ground::DefendantDomicile => return None,
    };
    Some(view! {
        <LiveInput name="place".into() label=label.into() value=d.place.clone()
            hint=Some(format!("{}{}", l.pick("用于确定管辖法院：", "Used to find the competent court: ", "관할 법원을 정하는 데 사용됩니다: "), rule.basis()))/>
    })
}

fn evidence_fields(d: &FilingDraft, l: Lang) -> impl IntoView {
    let typical = domain::catalogue::cause(&d.cause).map(|c| c.typical_evidence.join("、"));
    let mut rows = d.evidence.clone();
    rows.push(Default::default());
    view! {
        {typical.map(|t| view! { <p class="hint">{l.pick("此类案件通常需要：", "Such cases usually need: ", "이런 사건에 보통 필요한 증거: ")}{t}</p> })}
        {rows.into_iter().enumerate().map(|(i, e)| view! {
            <fieldset class="evidence">
                <legend>{format!("{} {}", l.pick("证据", "Evidence", "증거"), i + 1)}</legend>
                <LiveInput name=format!("evidence.{i}.name") label=l.pick("证据名称", "What it is", "증거 명칭").into() value=e.name.clone()/>
                {e.file_id.clone().map(|fid| view! {
                    <input type="hidden" name=format!("evidence.{i}.file_id") value=fid.clone()/>
                    <p><a href=format!("/files/{fid}")>{l.pick("查看已上传的文件", "View the uploaded file", "올린 파일 보기")}</a></p>
                })}
                {checkbox(format!("evidence.{i}.original"), l.pick("我有原件", "I have the original", "원본이 있습니다"), e.original)}
            </fieldset>
        }).collect_view()}
        <p class="hint">{l.pick("填写后保存，会出现新的一行。", "Save to get another row.", "저장하면 새 줄이 나타납니다.")}</p>
    }
}

fn court_fields(
    d: &FilingDraft,
    courts: &[(String, String)],
    suggestions: &[domain::jurisdiction::Suggestion],
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
    let rule = domain::catalogue::cause(&d.cause).map(|c| c.jurisdiction.basis());
    // Until the filer chooses, the competent court is the first the rules point to, and the filing goes there.
    let competent = if d.competent_court_code.is_empty() {
        suggestions
            .first()
            .map(|s| s.court_code.clone())
            .unwrap_or_default()
    } else {
        d.competent_court_code.clone()
    };
    let filed_at = if d.court_code.is_empty() {
        competent.clone()
    } else {
        d.court_code.clone()
    };
    let suggested = if suggestions.is_empty() {
        view! {
            <p class="hint" id="court-suggestions">{l.pick(
                "没有找到与所填地址对应的法院。请在“当事人”中写明被告住所地的县、区或市（如“吉林市丰满区”），或在下面自行选择。",
                "No court was found for the addresses given. Name the defendant's county or district under Parties (e.g. 吉林市丰满区), or choose below.",
                "입력한 주소에 해당하는 법원을 찾지 못했습니다. 당사자 단계에서 피고 주소의 현·구·시를 적거나 아래에서 선택하십시오.")}</p>
        }
        .into_any()
    } else {
        view! {
            <div class="suggestions" id="court-suggestions" role="note">
                <h2>{l.pick("依法有管辖权的法院", "Courts competent under the rules", "법에 따른 관할 법원")}</h2>
                <ul>
                    {suggestions.iter().map(|s| view! {
                        <li>
                            <strong>{format!("{}（{}）", s.court_name, s.court_code)}</strong>
                            {format!(" — {}：{}，{}", s.ground.label(l), s.place, s.basis)}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any()
    };
    let opts = |name: &str, current: &str| {
        let id = field_id(name);
        view! {
            <select id=id name=name.to_string()>
                <option value="">{l.pick("请选择", "Choose", "선택")}</option>
                {courts.iter().map(|(code, name)| view! { <option value=code.clone() selected=current == code>{format!("{name}（{code}）")}</option> }).collect_view()}
            </select>
        }
    };
    let err = error_of(errors, "court_code", show);
    view! {
        {rule.map(|r| view! { <p class="hint">{l.pick("管辖依据：", "Jurisdiction: ", "관할 근거: ")}{r}</p> })}
        {suggested}
        <div class="field">
            <label for=field_id("competent_court_code")>{l.pick("有管辖权的法院", "The competent court", "관할 법원")}</label>
            {opts("competent_court_code", &competent)}
        </div>
        <div class="field" class:field-error=err.is_some()>
            <label for=field_id("court_code")>{l.pick("提交到的法院（可以选择离您较近的法院跨域立案）", "Court you file at (a nearer court may take it for the competent one: cross-region filing)", "제출 법원(가까운 법원에서 교차 입안 가능)")}</label>
            <p class="error-message">{err.map(|e| e.message(l))}</p>
            {opts("court_code", &filed_at)}
        </div>
        <super::live::PreservationAmount value=d.preservation_amount.clone() error=error_of(errors, "preservation_amount", show)/>
        {checkbox("defendant_assets_known".into(), l.pick("我了解被告的财产情况（房产、车辆、存款等）", "I know of the defendant's property (home, vehicle, deposits…)", "피고의 재산을 알고 있습니다"), d.defendant_assets_known)}
    }
}

fn check_view(f: FilingData, l: Lang, today: Date) -> AnyView {
    let d = &f.draft;
    let errors = errors_of(d, today);
    let fee = domain::catalogue::cause(&d.cause).and_then(|c| {
        quote(
            &FeeRequest {
                fee_category: c.fee,
                amount_fen: Some(domain::filing::claims_total(d)),
                procedure: Procedure::Ordinary,
                preservation_amount_fen: parse_yuan(&d.preservation_amount).ok(),
            },
            &use_page().fees,
        )
        .ok()
    });
    // Computed in the browser's WebAssembly and on the server from the same code and the same "today".
    let page = use_page();
    let risk = domain::risk::assess(d, l, today, &page.calendar, &page.fees);
    let id = f.id.clone();
    let problems = (!errors.is_empty()).then(|| view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2>{l.pick("提交前请先修改", "Fix these before you submit", "제출 전에 고쳐 주십시오")}</h2>
            <ul>{errors.0.iter().map(|(k, e)| {
                let step = Step::ALL.into_iter().find(|s| s.owns(k)).unwrap_or(Step::Cause);
                view! { <li><a href=format!("/filings/{id}/{}?check=1#{}", step.code(), field_id(k))>{step.label(l)}": "{e.message(l)}</a></li> }
            }).collect_view()}</ul>
        </div>
    });
    let summary_rows = [
        (Step::Cause, cause_name(&d.cause)),
        (
            Step::Parties,
            d.parties
                .iter()
                .map(|p| {
                    format!(
                        "{}（{}）",
                        p.name,
                        match p.role.as_str() {
                            "plaintiff" => l.pick("原告", "claimant", "원고"),
                            "defendant" => l.pick("被告", "defendant", "피고"),
                            _ => l.pick("第三人", "third party", "제3자"),
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("，"),
        ),
        (
            Step::Claims,
            d.claims
                .iter()
                .map(|c| {
                    if c.amount.is_empty() {
                        c.text.clone()
                    } else {
                        format!("{}（{}元）", c.text, c.amount)
                    }
                })
                .collect::<Vec<_>>()
                .join("；"),
        ),
        (Step::Facts, d.facts.chars().take(80).collect()),
        (
            Step::Evidence,
            d.evidence
                .iter()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        (
            Step::Court,
            f.courts
                .iter()
                .find(|(c, _)| *c == d.court_code)
                .map(|(c, n)| format!("{n}（{c}）"))
                .unwrap_or_default(),
        ),
    ];
    let c = &risk.comparison;
    let submit_label = if f.status == FilingStatus::CorrectionRequested {
        l.pick("重新提交", "Resubmit", "다시 제출")
    } else {
        l.pick("提交立案申请", "Submit the filing", "입안 신청 제출")
    };
    view! {
        <h1>{Step::Check.label(l)}</h1>
        {problems}
        <dl class="summary-list">
            {summary_rows.into_iter().map(|(s, v)| view! {
                <div><dt>{s.label(l)}</dt><dd>{v}" "<a href=format!("/filings/{}/{}", f.id, s.code())>{l.pick("修改", "Change", "수정")}</a></dd></div>
            }).collect_view()}
        </dl>
        <h2>{l.pick("诉讼费用", "Court fees", "소송비용")}</h2>
        {fee.map(|q| view! {
            <table class="fee-table">
                <thead><tr><th scope="col">{l.pick("项目", "Item", "항목")}</th><th scope="col">{l.pick("金额", "Amount", "금액")}</th><th scope="col">{l.pick("依据", "Basis", "근거")}</th></tr></thead>
                <tbody>{q.lines.iter().map(|x| view! { <tr><td>{x.item.clone()}</td><td class="num">{yuan(x.amount_fen, l)}</td><td>{x.basis.clone()}</td></tr> }).collect_view()}</tbody>
                <tfoot><tr><th scope="row">{l.pick("合计", "Total", "합계")}</th><td class="num fee-total">{yuan(q.total_fen, l)}</td><td>{l.pick("收到交费通知次日起7日内交纳，可申请缓、减、免", "Pay within 7 days of the notice; deferral, reduction or waiver may be asked for", "통지 후 7일 내 납부")}</td></tr></tfoot>
            </table>
        })}
        <h2>{l.pick("诉讼风险提示", "Litigation risks", "소송 위험")}</h2>
        <p class=format!("risk-level risk-{:?}", risk.level).to_lowercase()>{l.pick("风险等级：", "Risk level: ", "위험 수준: ")}<strong>{risk.level.label(l)}</strong>{format!("（{}）", risk.score)}</p>
        {risk.limitation.map(|lim| view! {
            <p>{l.pick("诉讼时效届满日：", "Limitation period ends: ", "소멸시효 만료일: ")}<strong>{lim.expires_on.to_string()}</strong>{format!("（{}）", lim.basis)}</p>
        })}
        <ul class="risks">
            {risk.factors.iter().map(|x| view! {
                <li><strong>{x.title.clone()}</strong>{format!("（+{}）", x.weight)}<p>{x.reason.clone()}</p><p class="hint">{x.basis.clone()}</p></li>
            }).collect_view()}
        </ul>
        <h2>{l.pick("调解还是诉讼？", "Mediation or litigation?", "조정인가 소송인가?")}</h2>
        <table class="compare">
            <thead><tr><th scope="col"></th><th scope="col">{l.pick("诉前调解", "Pre-litigation mediation", "소송 전 조정")}</th><th scope="col">{l.pick("诉讼", "Litigation", "소송")}</th></tr></thead>
            <tbody>
                <tr><th scope="row">{l.pick("费用", "Cost", "비용")}</th><td>{yuan(c.pre_litigation_mediation_fee_fen, l)}{l.pick("（调解成功后可申请司法确认，免费）", " (judicial confirmation afterwards is free too)", " (사법확인 무료)")}</td><td>{yuan(c.litigation_fee_fen, l)}{format!("{}{}", l.pick("；调解结案减半为 ", "; halved to ", "; 조정 종결 시 "), yuan(c.mediated_case_fee_fen, l))}</td></tr>
                <tr><th scope="row">{l.pick("通常用时", "Usual time", "소요 기간")}</th><td>{format!("{} {}", c.mediation_days, l.pick("日内", "days", "일 이내"))}</td><td>{format!("{} {}", c.litigation_days, l.pick("日内", "days", "일 이내"))}</td></tr>
                <tr><th scope="row">{l.pick("能否强制执行", "Enforceable?", "강제집행")}</th><td>{l.pick("经司法确认后可以", "Yes, once judicially confirmed", "사법확인 후 가능")}</td><td>{l.pick("生效判决可以", "Yes, once the judgment is final", "확정 판결 후 가능")}</td></tr>
            </tbody>
        </table>
        <form method="post" action=format!("/filings/{}/submit", f.id) class="form">
            {checkbox("mediation_consent".into(), l.pick("我同意先行诉前调解（不成功的，法院依法登记立案）", "I agree to try pre-litigation mediation first (if it fails, the court registers the case)", "소송 전 조정에 먼저 동의합니다"), d.mediation_consent)}
            <button type="submit" class="button">{submit_label}</button>
        </form>
    }
    .into_any()
}

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

/// After registration: the fee, its deadline (Art. 22), and the ways to pay or to ask for relief (Art. 44).
fn payment_panel(f: &FilingData, l: Lang, today: Date) -> Option<AnyView> {
    use domain::payment::{PaymentStatus as P, ReliefKind};
    let status = f.payment_status?;
    let action = format!("/filings/{}/payment", f.id);
    let amount = f.fee_total_fen.map(|fen| yuan(fen, l)).unwrap_or_default();
    let due = f.payment_due.clone().filter(|_| status == P::Unpaid).map(|d| view! {
        <p>{l.pick("请于以下日期前交纳：", "Pay by", "납부 기한:")}" "<strong class="payment-due">{d}</strong>" "<span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
        {(!f.payment_due_holidays_known).then(|| view! { <span class="hint">{super::form::holidays_unknown(l)}</span> })}</p>
    });
    let relief = f.relief_kind.clone().and_then(|k| ReliefKind::from_code(&k)).map(|k| view! {
        <p>{l.pick("缓减免申请：", "Relief applied for: ", "감면 신청: ")}{k.label(l)}" — "{f.relief_reason.clone().unwrap_or_default()}</p>
    });
    let apply = (f.own && status == P::Unpaid).then(|| view! {
        <form method="post" action=action.clone() class="form">
            <input type="hidden" name="action" value="request_relief"/>
            <div class="field">
                <label for="f-relief-kind">{l.pick("确有困难的，可申请", "If you truly cannot pay, apply to", "납부가 어려우면 신청")}</label>
                <select id="f-relief-kind" name="kind">
                    {[ReliefKind::Defer, ReliefKind::Reduce, ReliefKind::Waive].into_iter().map(|k| view! { <option value=k.code()>{k.label(l)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-relief-reason">{l.pick("理由（如低保、残疾、重大灾害等）", "Reasons (e.g. minimum living allowance, disability, disaster)", "사유")}</label>
                <textarea id="f-relief-reason" name="reason" rows="3"></textarea>
            </div>
            <button type="submit" class="button secondary">{l.pick("申请缓交、减交或免交", "Apply for deferral, reduction or waiver", "유예·감액·면제 신청")}</button>
        </form>
    });
    let clerk = f.reviewer.then(|| {
        let record = matches!(status, P::Unpaid | P::ReliefGranted).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="record_payment"/>
                <button type="submit" class="button">{l.pick("登记已交费", "Record payment", "납부 등록")}</button>
            </form>
        });
        let decide = (status == P::ReliefRequested).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="grant_relief"/>
                <button type="submit" class="button">{l.pick("准予缓减免", "Grant relief", "감면 승인")}</button>
            </form>
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="deny_relief"/>
                <button type="submit" class="button secondary">{l.pick("不予准许", "Refuse relief", "감면 거부")}</button>
            </form>
        });
        // Art. 22: once the time to pay has run out with no fee and no relief asked for, the case is treated as withdrawn.
        let withdraw = (status == P::Unpaid && domain::payment::overdue(f.payment_due.as_deref(), today)).then(|| view! {
            <form method="post" action=action.clone() class="inline-actions">
                <input type="hidden" name="action" value="treat_as_withdrawn"/>
                <button type="submit" class="button secondary">{l.pick("逾期未交费，按撤诉处理", "Not paid in time: treat as withdrawn", "기한 내 미납: 취하로 처리")}</button>
                <span class="hint">"（《诉讼费用交纳办法》第二十二条）"</span>
            </form>
        });
        view! { {record}{decide}{withdraw} }
    });
    Some(
        view! {
            <section class="payment" aria-labelledby="payment-title">
                <h2 id="payment-title">{l.pick("诉讼费用", "Court fee", "소송비용")}</h2>
                <p><span class="payment-status">{status.label(l)}</span>" · "{amount}</p>
                {due}
                {relief}
                {apply}
                {clerk}
            </section>
        }
        .into_any(),
    )
}
