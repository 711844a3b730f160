use crate::Lang;
use serde::{Deserialize, Serialize};

/// What is wrong with one field, as a code other systems can match on and a sentence in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    Required,
    TooLong,
    NameChars,
    /// 18 characters: 17 digits and a digit or X.
    ResidentIdFormat,
    ResidentIdRegion,
    ResidentIdBirthDate,
    ResidentIdFutureBirth,
    /// GB 11643-1999 check digit (the 18th character) does not match.
    ResidentIdCheckDigit,
    /// 18 characters from the GB 32100 alphabet (digits and capitals without I, O, Z, S, V).
    UsccFormat,
    /// GB 32100-2015 check character does not match; a warning some early real codes trigger.
    UsccCheckChar,
    MobileFormat,
    LawyerLicenceFormat,
    PasswordTooShort,
    PasswordTooLong,
    PasswordMismatch,
    /// Already registered (mobile number, ID number, credit code or licence).
    Taken,
    AmountFormat,
    AmountTooLarge,
    DateFormat,
    DateInFuture,
    UnknownChoice,
    NeedPlaintiff,
    NeedDefendant,
    /// The same person or organisation on both sides.
    SuesItself,
    NeedClaim,
    /// Property cases need the amount claimed (fee and jurisdiction depend on it).
    NeedAmount,
    NeedAddress,
}

impl FieldError {
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::TooLong => "too_long",
            FieldError::NameChars => "name_chars",
            FieldError::ResidentIdFormat => "resident_id_format",
            FieldError::ResidentIdRegion => "resident_id_region",
            FieldError::ResidentIdBirthDate => "resident_id_birth_date",
            FieldError::ResidentIdFutureBirth => "resident_id_future_birth",
            FieldError::ResidentIdCheckDigit => "resident_id_check_digit",
            FieldError::UsccFormat => "uscc_format",
            FieldError::UsccCheckChar => "uscc_check_char",
            FieldError::MobileFormat => "mobile_format",
            FieldError::LawyerLicenceFormat => "lawyer_licence_format",
            FieldError::PasswordTooShort => "password_too_short",
            FieldError::PasswordTooLong => "password_too_long",
            FieldError::PasswordMismatch => "password_mismatch",
            FieldError::Taken => "taken",
            FieldError::AmountFormat => "amount_format",
            FieldError::AmountTooLarge => "amount_too_large",
            FieldError::DateFormat => "date_format",
            FieldError::DateInFuture => "date_in_future",
            FieldError::UnknownChoice => "unknown_choice",
            FieldError::NeedPlaintiff => "need_plaintiff",
            FieldError::NeedDefendant => "need_defendant",
            FieldError::SuesItself => "sues_itself",
            FieldError::NeedClaim => "need_claim",
            FieldError::NeedAmount => "need_amount",
            FieldError::NeedAddress => "need_address",
        }
    }

    /// The sentence shown next to the field: what is wrong and how to fix it, citing the standard where one applies.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            FieldError::Required => lang.pick("此项必填。", "This field is required.", "필수 항목입니다."),
            FieldError::TooLong => lang.pick("内容过长，请精简。", "This is too long.", "내용이 너무 깁니다."),
            FieldError::NameChars => lang.pick(
                "姓名或名称含有不允许的字符（仅限文字、字母、间隔号·和空格）。",
                "Use letters, Chinese characters, spaces or the middle dot (·) only.",
                "문자, 한자, 공백, 가운뎃점(·)만 사용할 수 있습니다.",
            ),
            FieldError::ResidentIdFormat => lang.pick(
                "公民身份号码应为18位：前17位是数字，最后一位是数字或X。",
                "A resident ID number has 18 characters: 17 digits, then a digit or X.",
                "주민신분증 번호는 18자리입니다: 숫자 17자리와 숫자 또는 X 한 자리.",
            ),
            FieldError::ResidentIdRegion => lang.pick(
                "公民身份号码前两位不是有效的省级行政区划代码。",
                "The first two digits are not a valid province code.",
                "앞 두 자리가 유효한 성급 행정구역 코드가 아닙니다.",
            ),
            FieldError::ResidentIdBirthDate => lang.pick(
                "公民身份号码第7至14位不是有效的出生日期。",
                "Digits 7 to 14 are not a valid date of birth.",
                "7~14번째 자리가 유효한 생년월일이 아닙니다.",
            ),
            FieldError::ResidentIdFutureBirth => lang.pick(
                "公民身份号码中的出生日期晚于今天。",
                "The date of birth in this number is in the future.",
                "번호의 생년월일이 오늘 이후입니다.",
            ),
            FieldError::ResidentIdCheckDigit => lang.pick(
                "公民身份号码校验码不正确（GB 11643-1999），请逐位核对。",
                "The check digit does not match (GB 11643-1999): please check each digit.",
                "검증 번호가 맞지 않습니다(GB 11643-1999). 각 자리를 확인해 주십시오.",
            ),
            FieldError::UsccFormat => lang.pick(
                "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）。",
                "A unified social credit code has 18 digits or capital letters (no I, O, Z, S, V).",
                "통일사회신용코드는 숫자 또는 대문자 18자리입니다(I, O, Z, S, V 제외).",
            ),
            FieldError::UsccCheckChar => lang.pick(
                "统一社会信用代码校验码不符（GB 32100-2015）。请核对；如确认营业执照上即为此代码，可勾选确认后继续。",
                "The check character does not match (GB 32100-2015). Check it; if your licence shows exactly this code, confirm and continue.",
                "검증 문자가 맞지 않습니다(GB 32100-2015). 영업허가증의 코드와 같다면 확인 후 계속하십시오.",
            ),
            FieldError::MobileFormat => lang.pick(
                "手机号码应为11位数字，以1开头。",
                "A mobile number has 11 digits and starts with 1.",
                "휴대전화 번호는 1로 시작하는 11자리 숫자입니다.",
            ),
            FieldError::LawyerLicenceFormat => lang.pick(
                "律师执业证号应为17位数字，前两位为发证地省级代码。",
                "A lawyer's practising licence number has 17 digits, starting with a province code.",
                "변호사 자격증 번호는 성급 코드로 시작하는 17자리 숫자입니다.",
            ),
            FieldError::PasswordTooShort => lang.pick(
                "密码至少8位。",
                "Use at least 8 characters.",
                "비밀번호는 8자 이상이어야 합니다.",
            ),
            FieldError::PasswordTooLong => lang.pick(
                "密码最多128位。",
                "Use at most 128 characters.",
                "비밀번호는 128자 이하여야 합니다.",
            ),
            FieldError::PasswordMismatch => lang.pick(
                "两次输入的密码不一致。",
                "The passwords do not match.",
                "비밀번호가 일치하지 않습니다.",
            ),
            FieldError::Taken => lang.pick(
                "该号码已注册。如是您本人，请直接登录。",
                "This is already registered. If it is yours, log in instead.",
                "이미 등록되어 있습니다. 본인이라면 로그인하십시오.",
            ),
            FieldError::AmountFormat => lang.pick(
                "金额请填写数字，单位为元，最多两位小数，例如 12000 或 12000.50。",
                "Enter the amount in yuan as a number with at most two decimals, e.g. 12000 or 12000.50.",
                "금액은 위안 단위 숫자로, 소수점 둘째 자리까지 입력하십시오(예: 12000.50).",
            ),
            FieldError::AmountTooLarge => lang.pick(
                "金额过大，请核对（上限一万亿元）。",
                "The amount is too large; please check it (at most one trillion yuan).",
                "금액이 너무 큽니다. 확인해 주십시오.",
            ),
            FieldError::DateFormat => lang.pick(
                "日期格式应为 年-月-日，例如 2024-03-15。",
                "Enter the date as year-month-day, e.g. 2024-03-15.",
                "날짜는 연-월-일 형식으로 입력하십시오(예: 2024-03-15).",
            ),
            FieldError::DateInFuture => lang.pick("日期不能晚于今天。", "The date cannot be in the future.", "날짜는 오늘 이후일 수 없습니다."),
            FieldError::UnknownChoice => lang.pick("请从列表中选择。", "Choose one of the options.", "목록에서 선택하십시오."),
            FieldError::NeedPlaintiff => lang.pick(
                "至少需要一名原告（申请人）。",
                "Add at least one claimant (applicant).",
                "원고(신청인)가 한 명 이상 필요합니다.",
            ),
            FieldError::NeedDefendant => lang.pick(
                "至少需要一名被告（被申请人）。",
                "Add at least one defendant (respondent).",
                "피고(피신청인)가 한 명 이상 필요합니다.",
            ),
            FieldError::SuesItself => lang.pick(
                "同一当事人不能既是原告又是被告。",
                "The same party cannot be on both sides.",
                "같은 당사자가 원고이자 피고일 수 없습니다.",
            ),
            FieldError::NeedClaim => lang.pick(
                "请至少填写一项诉讼请求。",
                "Add at least one claim.",
                "청구를 하나 이상 입력하십시오.",
            ),
            FieldError::NeedAmount => lang.pick(
                "财产案件请填写诉讼请求的金额（诉讼费按金额计算）。",
                "Property claims need an amount: the court fee is computed from it.",
                "재산 사건은 청구 금액이 필요합니다(소송비용 산정).",
            ),
            FieldError::NeedAddress => lang.pick(
                "请填写送达地址，法院将按此地址送达文书。",
                "Give an address for service: the court sends documents there.",
                "송달 주소를 입력하십시오.",
            ),
        }
    }
}

/// Every problem of a form at once, in field order, so the error summary can list and link them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, FieldError)>);

impl FieldErrors {
    pub fn push(&mut self, field: &str, error: FieldError) {
        self.0.push((field.to_string(), error));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<FieldError> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, e)| *e)
    }
    /// Records the error of a parse, if any, and hands back the parsed value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(field, e);
                None
            }
        }
    }
}
