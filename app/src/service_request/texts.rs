//! The service requests' page words in Chinese, Korean and English: a server-only table (the pages render on the
//! server and use no island), so the citizen WebAssembly carries none of them.

use domain::service_request::{RequestKind, RequestStatus};
use domain::Lang;

/// (key, 中文, 한국어, English)
const TEXTS: &crate::texts::WordTable = &[
    ("title", "诉讼服务请求（12368）", "소송 서비스 요청(12368)", "Service requests (12368)"),
    ("lead", "向法院咨询、查询案件、联系法官或书记员、预约、转办，或者投诉建议。法院会在承诺的时间内答复，答复后可以追问一次并评价。", "법원에 상담, 사건 조회, 판사·서기 연락, 예약, 이관, 민원·건의를 보낼 수 있습니다. 법원은 약속한 시간 안에 답하며, 답변 후 한 번 추가 질문하고 평가할 수 있습니다.", "Ask the court, enquire about a case, reach the judge or clerk, make an appointment, ask for a transfer, or complain or suggest. The court answers within the promised time; you may reply once and rate the answer."),
    ("nav", "服务请求", "서비스 요청", "Service requests"),
    ("new", "提出新的请求", "새 요청", "New request"),
    ("mine", "我的请求", "내 요청", "My requests"),
    ("queue", "本院待办的服务请求（超期的在最前）", "본원 처리 대기 요청(기한 초과 우선)", "This court's requests (overdue first)"),
    ("none", "还没有请求。", "요청이 없습니다.", "No requests yet."),
    ("kind", "请求类型", "요청 유형", "Kind of request"),
    ("court", "向哪个法院提出", "제출할 법원", "To which court"),
    ("subject", "标题（一句话说明）", "제목(한 줄 요약)", "Subject (one line)"),
    ("body", "具体内容", "내용", "Details"),
    ("case_ref", "案号（查询案件、联系法官时填写）", "사건번호(사건 조회·판사 연락 시)", "Case number (for enquiries and contacting the judge)"),
    ("cannot_get_done", "这是“办不成事”反映：我在法院办事没有办成", "‘일이 안 됨’ 신고: 법원 업무를 처리하지 못했습니다", "This is a “could not get it done” report: I could not get my matter done at the court"),
    ("submit", "提交", "제출", "Send"),
    ("promised", "承诺答复时间", "답변 약속 시간", "Answer promised within"),
    ("hours", "小时", "시간", "hours"),
    ("due", "答复期限", "답변 기한", "Answer due"),
    ("left", "还剩", "남은 시간", "Time left"),
    ("overdue", "已超期", "기한 초과", "Overdue"),
    ("status", "状态", "상태", "Status"),
    ("st_open", "等待法院答复", "법원 답변 대기", "Waiting for the court"),
    ("st_answered", "已答复", "답변 완료", "Answered"),
    ("st_closed", "已办结", "종결", "Closed"),
    ("unread", "新答复", "새 답변", "New answer"),
    ("k_consultation", "咨询", "상담", "Consultation"),
    ("k_enquiry", "查询案件", "사건 조회", "Case enquiry"),
    ("k_contact", "联系法官/书记员", "판사·서기 연락", "Contact the judge or clerk"),
    ("k_appointment", "预约", "예약", "Appointment"),
    ("k_transfer", "转办", "이관", "Transfer to the right department"),
    ("k_complaint", "投诉建议", "민원·건의", "Complaint or suggestion"),
    ("a_submit", "提出请求", "요청", "Request"),
    ("a_answer", "法院答复", "법원 답변", "Court's answer"),
    ("a_reply", "追问", "추가 질문", "Reply"),
    ("a_transfer", "转交", "이관", "Transferred"),
    ("a_close", "办结", "종결", "Closed"),
    ("a_rate", "评价", "평가", "Rating"),
    ("you", "您", "본인", "You"),
    ("staff", "法院工作人员", "법원 직원", "Court staff"),
    ("answer", "答复", "답변", "Answer"),
    ("answer_send", "发送答复", "답변 보내기", "Send the answer"),
    ("transfer", "转交其他法院或部门", "다른 법원·부서로 이관", "Transfer to another court or department"),
    ("department", "部门（可选）", "부서(선택)", "Department (optional)"),
    ("note", "说明", "설명", "Note"),
    ("transfer_send", "转交", "이관", "Transfer"),
    ("close", "办结（不再答复）", "종결(추가 답변 없음)", "Close (no further answer)"),
    ("close_send", "办结", "종결", "Close"),
    ("reply", "对答复还有疑问？可以追问一次", "답변에 의문이 있으면 한 번 추가 질문할 수 있습니다", "Still unclear? You may reply once"),
    ("reply_send", "追问", "추가 질문", "Reply"),
    ("rate", "评价这次服务", "이번 서비스 평가", "Rate this service"),
    ("score", "满意程度（1–5，5为非常满意）", "만족도(1–5, 5가 매우 만족)", "Satisfaction (1–5, 5 is best)"),
    ("reason", "原因（低于3分时必填）", "이유(3점 미만이면 필수)", "Reason (required below 3)"),
    ("rate_send", "提交评价", "평가 제출", "Send the rating"),
    ("rated", "您的评价", "평가", "Your rating"),
    ("requester", "提出人", "요청인", "From"),
    ("back", "返回服务请求", "서비스 요청으로", "Back to service requests"),
    ("log_in", "登录后提出请求，答复会在这里通知您。", "로그인하면 요청을 보내고 답변 알림을 받을 수 있습니다.", "Log in to send a request; answers are notified here."),
    ("err_changed", "这条请求刚被处理过，请刷新后再看。", "이 요청은 방금 처리되었습니다. 새로 고침하십시오.", "Someone just acted on this request; reload it."),
    ("err_not_open", "这条请求已经答复或办结。", "이 요청은 이미 답변되었거나 종결되었습니다.", "This request has already been answered or closed."),
    ("err_not_answered", "法院答复后才能追问。", "법원 답변 후에 추가 질문할 수 있습니다.", "You can reply once the court has answered."),
    ("err_already_replied", "每条请求只能追问一次。", "요청마다 추가 질문은 한 번만 가능합니다.", "You can reply only once."),
    ("err_not_ratable", "法院答复或办结后才能评价。", "법원 답변이나 종결 후에 평가할 수 있습니다.", "You can rate once the court has answered or closed the request."),
    ("err_already_rated", "您已经评价过了。", "이미 평가했습니다.", "You have already rated it."),
    ("err_same_court", "请选择另一个法院或填写部门。", "다른 법원을 선택하거나 부서를 입력하십시오.", "Choose another court or name a department."),
    ("err_forbidden", "这个账号不能进行此操作。", "이 계정으로는 할 수 없습니다.", "This account may not do this."),
    ("err_too_many", "今天提交的请求太多了，请明天再试或拨打12368。", "오늘 요청이 너무 많습니다. 내일 다시 하거나 12368로 전화하십시오.", "Too many requests today; try tomorrow or call 12368."),
];

pub fn t(key: &str, lang: Lang) -> &'static str {
    crate::texts::word(TEXTS, key, lang)
}

pub fn kind_name(k: RequestKind, lang: Lang) -> &'static str {
    t(&format!("k_{}", k.code()), lang)
}

pub fn status_name(s: RequestStatus, lang: Lang) -> &'static str {
    t(&format!("st_{}", s.code()), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_status_and_refusal_has_its_words() {
        for l in Lang::ALL {
            for k in RequestKind::ALL {
                assert!(!kind_name(k, l).is_empty(), "{k:?}");
            }
            for s in [
                RequestStatus::Open,
                RequestStatus::Answered,
                RequestStatus::Closed,
            ] {
                assert!(!status_name(s, l).is_empty());
            }
            for c in [
                "changed",
                "not_open",
                "not_answered",
                "already_replied",
                "not_ratable",
                "already_rated",
                "same_court",
            ] {
                assert!(!t(&format!("err_{c}"), l).is_empty(), "{c}");
            }
        }
    }
}
