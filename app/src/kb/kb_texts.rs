//! The knowledge base's page words in Chinese, Korean and English. A server-only table (the pages render on the
//! server; the suggestions island gets its few words as props), so the citizen WebAssembly carries none of them.

use domain::Lang;

/// (key, 中文, 한국어, English)
const TEXTS: &crate::texts::WordTable = &[
    ("title", "法律问答", "법률 문답", "Legal questions"),
    ("lead", "先看看法律怎么说、哪条路最省事省钱，再决定要不要打官司。", "소송 전에 법이 무엇을 말하는지, 가장 쉽고 저렴한 길이 무엇인지 먼저 보십시오.", "See what the law says and which way is cheapest and simplest before deciding to go to court."),
    ("search_label", "您遇到了什么问题？", "어떤 문제가 있습니까?", "What is your problem?"),
    ("search_hint", "用自己的话说就行，例如：老板拖欠工资三个月怎么办", "평소 말로 적으십시오. 예: 사장이 석 달째 월급을 안 줘요", "In your own words, e.g. my boss has not paid me for three months"),
    ("search_button", "搜索", "검색", "Search"),
    ("suggestions", "可能相关的问题", "관련 있을 수 있는 질문", "Possibly related questions"),
    ("results", "找到的解答", "찾은 답변", "Answers found"),
    ("no_results", "没有找到相关解答。换个说法试试，或者直接看下面的分类和解纷指引；也可以提交“咨询”服务请求，由法院工作人员答复。", "관련 답변을 찾지 못했습니다. 다른 말로 검색하거나 아래 분류와 해결 안내를 보십시오. 법원 직원에게 ‘상담’ 요청을 보낼 수도 있습니다.", "No answers found. Try other words, or browse the topics and guides below; you can also send a consultation request that court staff answer."),
    ("categories", "按问题分类浏览", "분류별 보기", "Browse by topic"),
    ("disputes", "常见纠纷", "흔한 분쟁", "Common disputes"),
    ("court_use", "到法院办事", "법원 이용", "Using the court"),
    ("pathways", "解纷指引：几个问题帮您找到合适的途径", "해결 안내: 몇 가지 질문으로 알맞은 길 찾기", "Guides: a few questions to find the right way"),
    ("law", "法律依据", "법적 근거", "What the law says"),
    ("law_note", "以下条文原文照录，便于核对。", "아래 조문은 원문 그대로입니다.", "The articles below are quoted exactly, in Chinese."),
    ("related", "相关问题", "관련 질문", "Related questions"),
    ("start_pathway", "按我的情况一步步指引", "내 상황에 맞게 단계별 안내", "Guide me step by step"),
    ("disclaimer", "以上解答是一般性的法律知识，不代替律师或法院对具体案件的意见。需要帮助可以提交服务请求，或申请法律援助（拨打12348）。", "위 답변은 일반적인 법률 지식이며 구체적 사건에 대한 변호사나 법원의 의견을 대신하지 않습니다. 도움이 필요하면 서비스 요청을 보내거나 법률구조(12348)를 신청하십시오.", "This is general legal information, not advice on your case from a lawyer or the court. For help, send a service request or apply for legal aid (call 12348)."),
    ("chinese_only", "此条目暂无您所选语言的版本，以下为中文。", "이 항목은 선택한 언어로 아직 제공되지 않아 중국어로 표시합니다.", "This entry is not yet translated; it is shown in Chinese."),
    ("back", "返回法律问答", "법률 문답으로", "Back to legal questions"),
    ("not_found", "没有这个条目。", "해당 항목이 없습니다.", "There is no such entry."),
    ("query_too_long", "问题太长了，请用200字以内描述。", "질문이 너무 깁니다. 200자 이내로 적으십시오.", "The question is too long; use at most 200 characters."),
    ("ask_staff", "没找到答案？向法院提出咨询", "답을 못 찾았나요? 법원에 상담 요청", "No answer? Ask the court"),
    ("next", "下一步", "다음", "Next"),
    ("skip", "不清楚 / 跳过", "모름 / 건너뛰기", "Not sure / skip"),
    ("skipped", "（未填写）", "(미입력)", "(not given)"),
    ("date_hint", "格式：年-月-日，例如 2026-08-31", "형식: 연-월-일, 예: 2026-08-31", "Format: year-month-day, e.g. 2026-08-31"),
    ("amount_hint", "单位：元，估算即可", "단위: 위안, 대략이면 됩니다", "In yuan; an estimate is fine"),
    ("your_answers", "您的回答", "내 답변", "Your answers"),
    ("restart", "重新开始", "처음부터", "Start again"),
    ("step", "第 {n} 个问题", "{n}번째 질문", "Question {n}"),
    ("recommended", "建议您走这条路", "권하는 방법", "The way we suggest"),
    ("why", "为什么", "이유", "Why"),
    ("what_next", "接下来怎么做", "다음에 할 일", "What to do next"),
    ("limits", "要注意的时间", "주의할 기한", "Time limits"),
    ("ends_on", "最后一天", "마지막 날", "Last day"),
    ("days_left", "还剩 {n} 天", "{n}일 남음", "{n} days left"),
    ("expired", "已经超过", "이미 지났습니다", "Already passed"),
    ("costs", "各种途径的费用对比", "방법별 비용 비교", "What each way costs"),
    ("cost_channel", "途径", "방법", "Way"),
    ("cost_cost", "费用", "비용", "Cost"),
    ("cost_basis", "依据", "근거", "Basis"),
    ("cost_free", "免费", "무료", "Free"),
    ("cost_published", "多数免费；收费的以调解组织公示为准", "대부분 무료, 유료는 기관 공시 기준", "Mostly free; any fee is as the organisation publishes"),
    ("cost_needs_amount", "按争议金额计算（请填写金额）", "분쟁 금액에 따라 계산(금액 입력)", "By the amount in dispute (give the amount)"),
    ("cost_small_claims", "（可适用小额诉讼程序，减半收取）", "(소액 소송 절차, 절반)", " (small claims procedure: half)"),
    ("cost_not_prepaid", "（追索劳动报酬案件不预交）", "(임금 청구는 예납하지 않음)", " (not paid in advance for unpaid pay)"),
    ("yuan", "元", "위안", "yuan"),
    ("action_mediation", "预约调解（已按您的回答填好）", "조정 예약(답변이 채워져 있음)", "Book mediation (your answers filled in)"),
    ("action_filing", "网上立案（已按您的回答填好）", "온라인 소 제기(답변이 채워져 있음)", "File online (your answers filled in)"),
    ("action_arbitration", "劳动仲裁怎么申请", "노동 중재 신청 방법", "How to apply for labour arbitration"),
    ("arbitration_guide", "向用人单位所在地或劳动合同履行地的劳动人事争议仲裁委员会提交书面仲裁申请书（写明双方信息、请求和事实理由、证据），按对方人数提交副本；仲裁委员会收到申请后五日内决定是否受理，仲裁不收费。", "사용자 소재지 또는 근로계약 이행지의 노동인사분쟁 중재위원회에 서면 신청서(당사자, 청구, 사실과 이유, 증거)를 상대방 수만큼 사본과 함께 제출합니다. 위원회는 5일 이내에 수리 여부를 결정하며 중재는 무료입니다.", "Send a written application (both parties, your claims, the facts and reasons, evidence, with a copy for each other party) to the labour dispute arbitration commission where the employer is or where the work was done. It decides within five days whether to accept it; arbitration is free."),
    ("arbitration_basis", "《劳动争议调解仲裁法》第二十一条、第二十八条、第二十九条、第五十三条", "《劳动争议调解仲裁法》第二十一条、第二十八条、第二十九条、第五十三条", "《劳动争议调解仲裁法》第二十一条、第二十八条、第二十九条、第五十三条"),
    ("err_choice", "请选择一项。", "하나를 선택하십시오.", "Choose one."),
    ("err_required", "请填写这一项。", "이 항목을 입력하십시오.", "Please answer this."),
    ("err_date", "请按“年-月-日”填写一个真实的日期，例如 2026-08-31。", "‘연-월-일’ 형식의 실제 날짜를 입력하십시오(예: 2026-08-31).", "Give a real date as year-month-day, e.g. 2026-08-31."),
    ("err_future", "这个日期还没到，请填写已经发生的日期。", "아직 오지 않은 날짜입니다. 이미 지난 날짜를 입력하십시오.", "That date is in the future; give one that has passed."),
    ("err_amount", "请填写金额（元），例如 15000。", "금액(위안)을 입력하십시오. 예: 15000", "Give an amount in yuan, e.g. 15000."),
    ("ch_negotiation", "双方协商", "당사자 협의", "Negotiate"),
    ("ch_people_mediation", "人民调解", "인민 조정", "People's mediation"),
    ("ch_industry_mediation", "行业调解", "업종 조정", "Industry mediation"),
    ("ch_labour_arbitration", "劳动仲裁", "노동 중재", "Labour arbitration"),
    ("ch_land_arbitration", "土地承包仲裁", "토지 도급 중재", "Land contract arbitration"),
    ("ch_reconsideration", "行政复议", "행정 재심", "Administrative reconsideration"),
    ("ch_court", "法院诉讼", "법원 소송", "Court"),
    ("lim_civil", "诉讼时效（三年）", "소멸시효(3년)", "Limitation period (three years)"),
    ("lim_labour", "劳动仲裁时效（一年）", "노동 중재 시효(1년)", "Labour arbitration (one year)"),
    ("lim_land", "土地承包仲裁时效（二年）", "토지 도급 중재 시효(2년)", "Land contract arbitration (two years)"),
    ("lim_confirmation", "申请司法确认（三十日）", "사법 확인 신청(30일)", "Judicial confirmation (30 days)"),
    ("lim_enforcement", "申请执行（二年）", "집행 신청(2년)", "Applying for enforcement (two years)"),
    ("lim_reconsideration", "申请行政复议（六十日）", "행정 재심 신청(60일)", "Administrative reconsideration (60 days)"),
    ("lim_not_yet", "您还在职，拖欠的劳动报酬不受一年限制；离职后一年内申请仲裁。", "재직 중이면 체불 임금에는 1년 제한이 적용되지 않으며, 퇴직 후 1년 안에 신청하십시오.", "While you still work there, unpaid pay is not limited to one year; apply within a year of leaving."),
    ("lim_needs_date", "没有填写日期，无法算出最后一天；请尽早办理。", "날짜가 없어 마지막 날을 계산할 수 없습니다. 서둘러 진행하십시오.", "Without the date the last day cannot be worked out; act soon."),
    ("holidays_unknown", "该年度的节假日安排尚未公布，只按周末顺延。", "해당 연도 공휴일이 아직 발표되지 않아 주말만 반영했습니다.", "That year's public holidays are not yet published; only weekends were counted."),
];

/// The word for `key` in `lang`.
pub fn t(key: &str, lang: Lang) -> &'static str {
    crate::texts::word(TEXTS, key, lang)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_is_there_in_each_language_once() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, zh, ko, en) in super::TEXTS {
            assert!(keys.insert(*k), "{k} twice");
            assert!(!zh.is_empty() && !ko.is_empty() && !en.is_empty(), "{k}");
        }
    }
}
