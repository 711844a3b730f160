//! The video room's words in Chinese, Korean and English. They live in this table rather than the locale files
//! because only the server uses them (the room page, its refusal pages and the room script's strings, sent in the
//! page): the citizen pages' WebAssembly carries none of them.

use domain::meeting::{Refusal, RoomRefusal};
use domain::Lang;

/// (key, 中文, 한국어, English)
const TEXTS: &crate::texts::WordTable = &[
    ("title", "视频调解室", "화상 조정실", "Video mediation room"),
    ("lead", "调解员到场后，会逐一请您进入。请保持本页打开。", "조정인이 입장하면 한 분씩 입장시켜 드립니다. 이 페이지를 열어 두십시오.", "When the mediator is here, they will let each person in. Keep this page open."),
    ("noscript", "视频调解需要浏览器运行脚本（JavaScript）。若无法使用，请致电调解组织，改为电话或到场调解。", "화상 조정에는 브라우저 스크립트(JavaScript)가 필요합니다. 사용할 수 없으면 조정 기관에 전화하여 전화 또는 방문 조정으로 바꾸십시오.", "Video mediation needs JavaScript in the browser. If you cannot use it, call the mediation organisation to switch to a phone or in-person session."),
    ("stage", "画面", "화면", "Video"),
    ("mic", "麦克风", "마이크", "Microphone"),
    ("cam", "摄像头", "카메라", "Camera"),
    ("leave", "离开", "나가기", "Leave"),
    ("takeover", "接替主持", "진행 인계받기", "Take over"),
    ("end", "结束调解", "조정 종료", "End the meeting"),
    ("people", "参加人员", "참가자", "People"),
    ("chat", "文字交流", "채팅", "Chat"),
    ("chat_label", "输入消息", "메시지 입력", "Message"),
    ("chat_send", "发送", "보내기", "Send"),
    ("docs", "案件材料", "사건 자료", "Documents"),
    ("docs_none", "本案没有可展示的材料。", "보여 줄 자료가 없습니다.", "There are no documents to show."),
    ("check_link", "进入前检查摄像头、麦克风和网络", "입장 전 카메라·마이크·네트워크 점검", "Check your camera, microphone and network first"),
    ("window", "可进入时间", "입장 가능 시간", "Open"),
    ("status_connecting", "正在连接……", "연결 중…", "Connecting…"),
    ("status_lobby", "您在等候室，调解员会请您进入。", "대기실에 있습니다. 조정인이 입장시켜 드립니다.", "You are in the waiting room; the mediator will let you in."),
    ("status_waiting_mediator", "调解员尚未到场，请稍候。", "조정인이 아직 입장하지 않았습니다. 잠시 기다리십시오.", "The mediator is not here yet. Please wait."),
    ("status_in_meeting", "您已进入调解。", "조정에 입장했습니다.", "You are in the meeting."),
    ("status_reconnecting", "网络中断，正在重新连接……", "네트워크가 끊겨 다시 연결하는 중…", "The network dropped; reconnecting…"),
    ("status_removed", "调解员已请您离开本次调解。", "조정인이 귀하를 이 조정에서 내보냈습니다.", "The mediator removed you from this meeting."),
    ("status_ended", "调解员已结束本次视频调解。", "조정인이 화상 조정을 종료했습니다.", "The mediator ended the meeting."),
    ("status_replaced", "您已在另一个页面或设备上进入，本页已断开。", "다른 페이지나 기기에서 입장하여 이 페이지는 연결이 끊겼습니다.", "You joined from another page or device; this one is disconnected."),
    ("status_no_devices", "无法使用摄像头或麦克风，您仍可以看到和听到其他人。", "카메라나 마이크를 사용할 수 없지만 다른 사람을 보고 들을 수 있습니다.", "Your camera or microphone cannot be used; you can still see and hear the others."),
    ("status_invalid", "这个链接无效，请使用短信中的完整链接。", "이 링크는 유효하지 않습니다. 문자의 전체 링크를 쓰십시오.", "This link is not valid; use the whole link from your text message."),
    ("status_other_person", "这个链接属于另一位参加人。", "이 링크는 다른 참가자의 것입니다.", "This link belongs to someone else."),
    ("status_not_yet", "调解室尚未开放（开始前30分钟开放）。", "조정실이 아직 열리지 않았습니다(시작 30분 전에 열림).", "The room is not open yet (it opens 30 minutes before the start)."),
    ("status_over", "本次调解的时间已经结束。", "이번 조정 시간이 끝났습니다.", "This meeting's time is over."),
    ("status_moved", "调解时间已更改，这个链接已失效；新链接已通过短信发送。", "조정 시간이 바뀌어 이 링크는 무효입니다. 새 링크를 문자로 보냈습니다.", "The meeting moved; this link no longer works. A new one was sent by text message."),
    ("status_cancelled", "本次调解已取消。", "이번 조정은 취소되었습니다.", "This mediation was cancelled."),
    ("status_not_video", "这次调解不是在线视频调解。", "이 조정은 화상 조정이 아닙니다.", "This mediation is not a video session."),
    ("status_room_full", "调解室人数已满。", "조정실 인원이 찼습니다.", "The room is full."),
    ("offline", "连接中断", "연결 끊김", "disconnected"),
    ("status_error", "出现问题：", "문제가 생겼습니다: ", "Something went wrong: "),
    ("admit", "请进入", "입장시키기", "Admit"),
    ("mute", "静音", "음소거", "Mute"),
    ("remove", "移出", "내보내기", "Remove"),
    ("you", "（您）", "(나)", "(you)"),
    ("in_lobby", "等候中", "대기 중", "waiting"),
    ("admitted", "已进入", "입장함", "in the meeting"),
    ("left", "已离开", "나감", "left"),
    ("host", "主持", "진행", "leading"),
    ("muted_by_mediator", "调解员已将您静音。", "조정인이 귀하를 음소거했습니다.", "The mediator muted you."),
    ("mic_on", "关闭麦克风", "마이크 끄기", "Turn microphone off"),
    ("mic_off", "打开麦克风", "마이크 켜기", "Turn microphone on"),
    ("cam_on", "关闭摄像头", "카메라 끄기", "Turn camera off"),
    ("cam_off", "打开摄像头", "카메라 켜기", "Turn camera on"),
    ("shared_by", "展示人：", "공유자: ", "Shared by "),
    ("open_document", "打开材料", "자료 열기", "Open the document"),
    ("video_of", "{name}的画面", "{name}의 화면", "Video of {name}"),
    ("role_mediator", "调解员", "조정인", "Mediator"),
    ("role_requester", "申请人", "신청인", "Requesting party"),
    ("role_respondent", "被申请人", "피신청인", "Responding party"),
    ("role_agent", "代理人", "대리인", "Agent"),
    ("role_interpreter", "翻译", "통역인", "Interpreter"),
    ("role_clerk", "书记员", "서기", "Clerk"),
    ("refused_title", "暂时无法进入视频调解", "지금은 화상 조정에 입장할 수 없습니다", "You cannot enter the video mediation now"),
    ("refused_invalid", "这个链接无效（可能不完整或已被修改）。请使用短信中的完整链接，或登录后从“我的调解”进入。", "이 링크는 유효하지 않습니다(불완전하거나 변경됨). 문자의 전체 링크를 쓰거나 로그인하여 ‘나의 조정’에서 입장하십시오.", "This link is not valid (cut short or altered). Use the whole link from your text message, or log in and enter from My mediations."),
    ("refused_other_person", "这个链接属于另一位参加人。请退出当前账号后再打开，或登录您自己的账号从“我的调解”进入。", "이 링크는 다른 참가자의 것입니다. 현재 계정에서 로그아웃하고 다시 열거나, 본인 계정으로 로그인하여 입장하십시오.", "This link belongs to someone else. Log out and open it again, or log in to your own account and enter from My mediations."),
    ("refused_not_yet", "调解室在 {time} 开放（开始前30分钟）。请届时再来；可先检查设备。", "조정실은 {time}에 열립니다(시작 30분 전). 그때 다시 오십시오. 먼저 기기를 점검할 수 있습니다.", "The room opens at {time} (30 minutes before the start). Come back then; you can check your devices now."),
    ("refused_over", "本次调解的时间已经结束。如需继续，请与调解员联系另约时间。", "이번 조정 시간이 끝났습니다. 계속하려면 조정인에게 연락하여 새 시간을 정하십시오.", "This meeting's time is over. To go on, contact the mediator for a new time."),
    ("refused_moved", "调解时间已改为 {time}，这个旧链接已失效。新的链接已通过短信发送，也可登录后从“我的调解”进入。", "조정 시간이 {time}(으)로 바뀌어 이전 링크는 무효입니다. 새 링크를 문자로 보냈으며, 로그인하여 입장할 수도 있습니다.", "The meeting moved to {time}; this old link no longer works. A new link was sent by text message, or log in and enter from My mediations."),
    ("refused_cancelled", "本次调解已取消。可以重新预约调解，或向法院起诉。", "이번 조정은 취소되었습니다. 다시 예약하거나 법원에 소를 제기할 수 있습니다.", "This mediation was cancelled. You can book mediation again or file a case."),
    ("refused_removed", "调解员已请您离开本次调解，不能再次进入。如有疑问请联系调解组织。", "조정인이 귀하를 내보내어 다시 입장할 수 없습니다. 문의는 조정 기관에 하십시오.", "The mediator removed you from this meeting; you cannot enter again. Contact the mediation organisation with any question."),
    ("refused_ended", "调解员已结束本次视频调解。结果请在“我的调解”中查看。", "조정인이 화상 조정을 종료했습니다. 결과는 ‘나의 조정’에서 보십시오.", "The mediator ended this meeting. See the outcome in My mediations."),
    ("refused_not_video", "这次调解不是在线视频调解，或尚未确定。", "이 조정은 화상 조정이 아니거나 아직 확정되지 않았습니다.", "This mediation is not a video session, or it is not agreed yet."),
    ("room_not_host", "只有主持的调解员可以这样做。", "진행 중인 조정인만 할 수 있습니다.", "Only the mediator leading the meeting can do this."),
    ("room_host_absent", "调解员不在调解室，暂不能请人进入。", "조정인이 조정실에 없어 입장시킬 수 없습니다.", "The mediator is not in the room, so nobody can be let in."),
    ("room_not_waiting", "这位参加人不在等候室。", "이 참가자는 대기실에 없습니다.", "This person is not waiting."),
    ("room_removed", "这位参加人已被移出。", "이 참가자는 내보내졌습니다.", "This person was removed."),
    ("room_not_removable", "调解员不能被移出；可以结束调解。", "조정인은 내보낼 수 없습니다. 조정을 종료할 수 있습니다.", "The mediator cannot be removed; end the meeting instead."),
    ("room_host_present", "主持的调解员仍在调解室。", "진행 중인 조정인이 아직 조정실에 있습니다.", "The leading mediator is still in the room."),
    ("room_other_organisation", "只有同一调解组织的调解员可以接替。", "같은 조정 기관의 조정인만 인계받을 수 있습니다.", "Only a mediator of the same organisation can take over."),
    ("room_full", "调解室人数已满。", "조정실 인원이 찼습니다.", "The room is full."),
    ("ev_meeting_join", "进入视频调解", "화상 조정 입장", "Joined the video meeting"),
    ("ev_meeting_rejoin", "重新进入视频调解", "화상 조정 재입장", "Rejoined the video meeting"),
    ("ev_meeting_admit", "调解员请其进入", "조정인이 입장시킴", "Admitted by the mediator"),
    ("ev_meeting_leave", "离开视频调解", "화상 조정에서 나감", "Left the video meeting"),
    ("ev_meeting_remove", "被调解员移出", "조정인이 내보냄", "Removed by the mediator"),
    ("ev_meeting_takeover", "接替主持", "진행 인계", "Took over the meeting"),
    ("ev_meeting_end", "结束视频调解", "화상 조정 종료", "Ended the video meeting"),
    ("meeting_section", "视频调解", "화상 조정", "Video meeting"),
    ("meeting_enter", "进入视频调解室", "화상 조정실 입장", "Enter the video room"),
    ("meeting_ics", "加入日历（.ics）", "캘린더에 추가(.ics)", "Add to calendar (.ics)"),
    ("meeting_links", "各参加人的进入链接", "참가자별 입장 링크", "Each participant's link"),
    ("meeting_add_guest", "添加参加人（代理人、翻译、书记员）", "참가자 추가(대리인·통역인·서기)", "Add a participant (agent, interpreter, clerk)"),
    ("meeting_guest_role", "身份", "역할", "Role"),
    ("meeting_guest_name", "姓名", "이름", "Name"),
    ("meeting_guest_mobile", "手机号码（链接通过短信发送）", "휴대전화(링크를 문자로 보냄)", "Mobile (the link goes by text message)"),
    ("meeting_guest_language", "语言", "언어", "Language"),
    ("meeting_guest_add", "添加并发送链接", "추가하고 링크 보내기", "Add and send the link"),
    ("colleagues_meetings", "本组织正在进行的视频调解", "우리 기관에서 진행 중인 화상 조정", "Your organisation's video meetings now"),
    ("colleagues_hint", "主持的调解员掉线时，可以进入调解室接替主持。", "진행하던 조정인의 연결이 끊기면 조정실에 들어가 진행을 인계받을 수 있습니다.", "If the mediator leading one drops out, enter the room and take over."),
    ("check_title", "设备检查", "기기 점검", "Device check"),
    ("check_lead", "在调解开始前，检查摄像头、麦克风、扬声器和网络是否正常。本页不会录音录像，也不会上传任何内容。", "조정 시작 전에 카메라·마이크·스피커·네트워크를 점검하십시오. 이 페이지는 녹음·녹화하거나 아무것도 올리지 않습니다.", "Before the meeting, check that your camera, microphone, speaker and network work. Nothing is recorded or uploaded."),
    ("check_start", "开始检查", "점검 시작", "Start the check"),
    ("check_speaker", "播放测试音", "테스트음 재생", "Play a test sound"),
    ("check_camera", "摄像头", "카메라", "Camera"),
    ("check_mic", "麦克风音量", "마이크 음량", "Microphone level"),
    ("check_network", "网络", "네트워크", "Network"),
    ("camera_ok", "摄像头正常。", "카메라가 정상입니다.", "The camera works."),
    ("camera_fail", "无法打开摄像头：请允许浏览器使用摄像头，或换一台设备。", "카메라를 열 수 없습니다. 브라우저에 카메라 사용을 허용하거나 다른 기기를 쓰십시오.", "The camera cannot be opened: allow the browser to use it, or use another device."),
    ("mic_ok", "麦克风正常：说话时音量条会动。", "마이크가 정상입니다. 말하면 음량 막대가 움직입니다.", "The microphone works: the bar moves when you speak."),
    ("mic_fail", "无法打开麦克风：请允许浏览器使用麦克风。", "마이크를 열 수 없습니다. 브라우저에 마이크 사용을 허용하십시오.", "The microphone cannot be opened: allow the browser to use it."),
    ("speaker_playing", "正在播放测试音，听到了吗？", "테스트음을 재생 중입니다. 들리십니까?", "Playing a test sound — can you hear it?"),
    ("network_ok", "网络良好（往返 {ms} 毫秒）。", "네트워크 양호(왕복 {ms}ms).", "The network is good ({ms} ms round trip)."),
    ("network_slow", "网络较慢（往返 {ms} 毫秒），视频可能卡顿，可关闭摄像头只用声音。", "네트워크가 느립니다(왕복 {ms}ms). 영상이 끊기면 카메라를 끄고 음성만 쓰십시오.", "The network is slow ({ms} ms round trip); if video stutters, turn the camera off and use sound only."),
    ("network_fail", "无法连接到法院服务器，请检查网络。", "법원 서버에 연결할 수 없습니다. 네트워크를 확인하십시오.", "The court's server cannot be reached; check your network."),
    ("relay_ok", "可以通过中转服务器连接，防火墙后也能参加。", "중계 서버로 연결할 수 있어 방화벽 뒤에서도 참가할 수 있습니다.", "The relay server can be reached: you can join from behind a firewall."),
    ("relay_none", "未能连接中转服务器；多数网络下仍可直接连接。", "중계 서버에 연결하지 못했습니다. 대부분의 네트워크에서는 직접 연결됩니다.", "The relay server could not be reached; most networks still connect directly."),
];

/// The text for `key` in `l` (Chinese when a language lacks it; the key itself if unknown, which a test rules out).
pub fn t(key: &str, l: Lang) -> &'static str {
    crate::texts::word(TEXTS, key, l)
}

/// The strings the room script needs, as the JSON object the page embeds.
pub fn client_texts(keys: &[&str], l: Lang) -> String {
    let map: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .map(|k| (k.to_string(), serde_json::Value::from(t(k, l))))
        .collect();
    // `</` cannot close the script element it sits in.
    serde_json::Value::Object(map)
        .to_string()
        .replace("</", "<\\/")
}

pub const ROOM_SCRIPT_KEYS: &[&str] = &[
    "status_connecting",
    "status_lobby",
    "status_waiting_mediator",
    "status_in_meeting",
    "status_reconnecting",
    "status_removed",
    "status_ended",
    "status_replaced",
    "status_no_devices",
    "status_error",
    "admit",
    "mute",
    "remove",
    "you",
    "in_lobby",
    "admitted",
    "left",
    "host",
    "muted_by_mediator",
    "mic_on",
    "mic_off",
    "cam_on",
    "cam_off",
    "shared_by",
    "open_document",
    "chat_send",
    "video_of",
    "role_mediator",
    "role_requester",
    "role_respondent",
    "role_agent",
    "role_interpreter",
    "role_clerk",
];

pub const CHECK_SCRIPT_KEYS: &[&str] = &[
    "camera_ok",
    "camera_fail",
    "mic_ok",
    "mic_fail",
    "speaker_playing",
    "network_ok",
    "network_slow",
    "network_fail",
    "relay_ok",
    "relay_none",
];

/// Why someone is not let in, with what to do; times in Asia/Shanghai.
pub fn refusal(r: &Refusal, l: Lang) -> String {
    let time = |ms: i64| {
        let s = domain::slots::rfc3339_shanghai(ms);
        format!("{} {}", &s[..10], &s[11..16])
    };
    match r {
        Refusal::Invalid => t("refused_invalid", l).into(),
        Refusal::OtherPerson => t("refused_other_person", l).into(),
        Refusal::NotYet { opens } => t("refused_not_yet", l).replace("{time}", &time(*opens)),
        Refusal::Over => t("refused_over", l).into(),
        Refusal::Moved { start } => t("refused_moved", l).replace("{time}", &time(*start)),
        Refusal::Cancelled => t("refused_cancelled", l).into(),
        Refusal::Removed => t("refused_removed", l).into(),
        Refusal::Ended => t("refused_ended", l).into(),
        Refusal::NotVideo => t("refused_not_video", l).into(),
    }
}

pub fn room_refusal(r: RoomRefusal, l: Lang) -> &'static str {
    match r {
        RoomRefusal::NotHost => t("room_not_host", l),
        RoomRefusal::HostAbsent => t("room_host_absent", l),
        RoomRefusal::NotWaiting => t("room_not_waiting", l),
        RoomRefusal::Removed => t("room_removed", l),
        RoomRefusal::NotRemovable => t("room_not_removable", l),
        RoomRefusal::HostPresent => t("room_host_present", l),
        RoomRefusal::OtherOrganisation => t("room_other_organisation", l),
        RoomRefusal::Full => t("room_full", l),
    }
}

/// The label of a room event in the mediation's history, if it is one.
pub fn event_label(action: &str, l: Lang) -> Option<&'static str> {
    let key = match action {
        "meeting_join" => "ev_meeting_join",
        "meeting_rejoin" => "ev_meeting_rejoin",
        "meeting_admit" => "ev_meeting_admit",
        "meeting_leave" => "ev_meeting_leave",
        "meeting_remove" => "ev_meeting_remove",
        "meeting_takeover" => "ev_meeting_takeover",
        "meeting_end" => "ev_meeting_end",
        _ => return None,
    };
    Some(t(key, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_three_languages_and_every_key_used_exists() {
        let mut seen = std::collections::BTreeSet::new();
        for (k, zh, ko, en) in TEXTS {
            assert!(seen.insert(*k), "{k} twice");
            assert!(!zh.is_empty() && !ko.is_empty() && !en.is_empty(), "{k}");
            for needle in ["{name}", "{time}", "{ms}"] {
                assert_eq!(zh.contains(needle), ko.contains(needle), "{k} {needle}");
                assert_eq!(zh.contains(needle), en.contains(needle), "{k} {needle}");
            }
        }
        for k in ROOM_SCRIPT_KEYS.iter().chain(CHECK_SCRIPT_KEYS) {
            assert!(seen.contains(k), "{k} missing");
        }
        assert!(client_texts(&["title"], Lang::Ko).contains("화상"));
    }
}
