//! The fields of each wizard step, rendered from the draft with the errors to show.

use super::common::{checkbox, error_of, select};
use crate::components::field::{field_id, Check, LiveInput};
use domain::catalogue::{CauseGroup, CAUSES};
use domain::filing::FilingDraft;
use domain::{FieldError, FieldErrors, Lang};
use leptos::prelude::*;

pub(super) fn cause_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
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

pub(super) fn parties_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
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

pub(super) fn claims_fields(d: &FilingDraft, errors: &FieldErrors, show: bool) -> impl IntoView {
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

pub(super) fn facts_fields(
    d: &FilingDraft,
    errors: &FieldErrors,
    show: bool,
    l: Lang,
) -> impl IntoView {
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
            last_instalment_due_error=error_of(errors, "last_instalment_due", show)
            calendar=crate::page_data::holiday_calendar()/>
        {place_field(d, l)}
    }
}

/// The place the cause's jurisdiction rule looks at (contract performance, tort, real estate); the competent court
/// is suggested from it and from the defendants' addresses.
pub(super) fn place_field(d: &FilingDraft, l: Lang) -> Option<impl IntoView> {
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

pub(super) fn evidence_fields(d: &FilingDraft, l: Lang) -> impl IntoView {
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

pub(super) fn court_fields(
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
