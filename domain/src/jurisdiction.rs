//! Which court is competent (管辖): the cause's jurisdiction rule applied to the places the filing names.
//!
//! Civil Procedure Law: Art. 22 (the defendant's domicile), Art. 24 (contracts: the defendant's domicile or the
//! place of performance), Art. 29 (torts: the place of the tort or the defendant's domicile), Art. 34(1) (real
//! estate: only the court where it lies), Art. 34(3) (inheritance: only the court of the deceased's last domicile or
//! of the main estate), Art. 35 (agreed jurisdiction), Art. 205 (judicial confirmation), Art. 235 (enforcement);
//! Administrative Litigation Law Art. 18; level jurisdiction by the amount (法发〔2021〕27号, thresholds configured
//! per province). A court's area is reference data (the districts, counties and county-level
//! cities it serves, as they are written in addresses); the filer may still file at a nearer court (跨域立案) and
//! the competent court decides.

use crate::catalogue::{cause, JurisdictionRule};
use crate::filing::FilingDraft;
use serde::{Deserialize, Serialize};

/// A basic court and the places it serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourtArea {
    pub code: String,
    pub name: String,
    /// Place names as they appear in addresses: `昌邑区`, `永吉县`, `蛟河市`.
    pub places: Vec<String>,
}

/// What a suggested court is competent by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Ground {
    /// 被告住所地.
    DefendantDomicile,
    /// 合同履行地.
    ContractPerformance,
    /// 侵权行为地.
    TortPlace,
    /// 不动产所在地.
    RealEstate,
    /// 被继承人死亡时住所地或者主要遗产所在地.
    Estate,
    /// 当事人住所地 (judicial confirmation: either party's).
    PartyDomicile,
    /// 标的物所在地或者调解组织所在地 (judicial confirmation).
    SubjectMatter,
    /// 被执行的财产所在地.
    EnforcedProperty,
    /// 最初作出行政行为的行政机关所在地.
    AuthoritySeat,
    /// 复议机关所在地.
    ReconsiderationBody,
    /// 协议管辖: the court the parties chose in writing (Art. 35).
    Agreed,
}

/// A competent court, the ground and place it follows from, and the article behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    pub court_code: String,
    pub court_name: String,
    pub ground: Ground,
    /// The address or place the court was found from, as the filer typed it.
    pub place: String,
    pub basis: String,
}

/// The court whose area an address lies in. Chinese addresses run from the general to the particular (province,
/// city, district, street), so the place named last wins — `吉林市昌邑区…` is 昌邑区's even if some court also listed
/// `吉林市` — and of two ending at the same point, the longer. An address that names no known place has none.
pub fn court_for_address<'a>(address: &str, areas: &'a [CourtArea]) -> Option<&'a CourtArea> {
    let address = address.trim();
    if address.is_empty() {
        return None;
    }
    areas
        .iter()
        .flat_map(|a| a.places.iter().map(move |p| (a, p)))
        .filter(|(_, p)| !p.is_empty())
        .filter_map(|(a, p)| {
            address
                .rfind(p.as_str())
                .map(|at| (a, at + p.len(), p.len()))
        })
        .max_by_key(|&(_, end, len)| (end, len))
        .map(|(a, _, _)| a)
}

/// The ground the cause's own place gives, if its rule has one.
pub fn place_ground(rule: JurisdictionRule) -> Option<Ground> {
    match rule {
        JurisdictionRule::DefendantDomicile => None,
        JurisdictionRule::ContractPerformance => Some(Ground::ContractPerformance),
        JurisdictionRule::TortPlace => Some(Ground::TortPlace),
        JurisdictionRule::RealEstate => Some(Ground::RealEstate),
        JurisdictionRule::Inheritance => Some(Ground::Estate),
        JurisdictionRule::JudicialConfirmation => Some(Ground::SubjectMatter),
        JurisdictionRule::Enforcement => Some(Ground::EnforcedProperty),
        JurisdictionRule::Administrative => Some(Ground::ReconsiderationBody),
    }
}

/// The article a ground of a rule follows from, to the paragraph where the rule has several.
fn basis_of(rule: JurisdictionRule, ground: Ground) -> &'static str {
    match (rule, ground) {
        (JurisdictionRule::Enforcement, Ground::EnforcedProperty) => {
            "《民事诉讼法》第二百三十五条第一款"
        }
        (JurisdictionRule::Enforcement, _) => "《民事诉讼法》第二百三十五条第二款",
        (JurisdictionRule::Administrative, Ground::ReconsiderationBody) => {
            "《行政诉讼法》第十八条第一款（经复议的案件）"
        }
        _ => rule.basis(),
    }
}

/// The competent courts for a draft, most specific first, each court once. Real estate and inheritance are
/// exclusive (Art. 34(1), (3)): only the court of that place. Otherwise the place of the cause (where it has one) and
/// every defendant's domicile — for judicial confirmation every party's (Art. 205), for an administrative suit the
/// defendant authority's seat first (行政诉讼法 Art. 18). A claim above the province's basic-court threshold has no
/// basic court to suggest (see [`level`]).
pub fn suggest(draft: &FilingDraft, areas: &[CourtArea]) -> Vec<Suggestion> {
    let Some(c) = cause(draft.cause.trim()) else {
        return vec![];
    };
    let rule = c.jurisdiction;
    let parties = |role: Option<&'static str>, ground: Ground| {
        draft
            .parties
            .iter()
            .filter(move |p| role.is_none_or(|r| p.role == r))
            .map(move |p| (ground, p.address.as_str()))
    };
    let place = place_ground(rule).map(|g| (g, draft.place.as_str()));
    let candidates: Vec<(Ground, &str)> = match rule {
        JurisdictionRule::RealEstate | JurisdictionRule::Inheritance => place.into_iter().collect(),
        JurisdictionRule::JudicialConfirmation => place
            .into_iter()
            .chain(parties(None, Ground::PartyDomicile))
            .collect(),
        JurisdictionRule::Administrative => parties(Some("defendant"), Ground::AuthoritySeat)
            .chain(place)
            .collect(),
        _ => place
            .into_iter()
            .chain(parties(Some("defendant"), Ground::DefendantDomicile))
            .collect(),
    };
    let mut out: Vec<Suggestion> = vec![];
    for (ground, place) in candidates {
        if let Some(area) = court_for_address(place, areas) {
            if out.iter().all(|s| s.court_code != area.code) {
                out.push(Suggestion {
                    court_code: area.code.clone(),
                    court_name: area.name.clone(),
                    ground,
                    place: place.trim().to_string(),
                    basis: basis_of(rule, ground).to_string(),
                });
            }
        }
    }
    out
}

/// The thresholds of level jurisdiction for first-instance civil cases: at or above them an intermediate court
/// hears the case (《最高人民法院关于调整中级人民法院管辖第一审民事案件标准的通知》法发〔2021〕27号, 第一条、第二条;
/// a province's high court may set its own within them, so they are configuration).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LevelLimits {
    /// The province the courts are in, as addresses write it (`吉林省`): a party elsewhere makes the case
    /// cross-province.
    pub province: std::borrow::Cow<'static, str>,
    /// Every party in the province (or none): intermediate courts from this amount (5亿元).
    pub basic_limit_fen: i64,
    /// A party outside the province: intermediate courts from this amount (1亿元).
    pub basic_limit_cross_province_fen: i64,
}

impl LevelLimits {
    /// The national thresholds of 法发〔2021〕27号, for Jilin.
    pub const JILIN: LevelLimits = LevelLimits {
        province: std::borrow::Cow::Borrowed("吉林省"),
        basic_limit_fen: 500_000_000 * 100,
        basic_limit_cross_province_fen: 100_000_000 * 100,
    };
}

impl Default for LevelLimits {
    fn default() -> Self {
        LevelLimits::JILIN
    }
}

pub const LEVEL_BASIS: &str = "《民事诉讼法》第十八条、第十九条；法发〔2021〕27号";

/// Province-level names as addresses begin with them.
const PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
];

/// The province an address names at its start, if any.
pub fn province_of(address: &str) -> Option<&'static str> {
    let a = address.trim();
    PROVINCES.iter().copied().find(|p| a.starts_with(p))
}

/// A first-instance civil claim too large for a basic court.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelNotice {
    pub amount_fen: i64,
    pub limit_fen: i64,
    pub cross_province: bool,
    pub basis: String,
}

/// Whether the claim is for an intermediate court: a first-instance civil case whose claims reach the threshold
/// (the lower one when a party lives outside the province).
pub fn level(draft: &FilingDraft, limits: &LevelLimits) -> Option<LevelNotice> {
    let c = cause(draft.cause.trim())?;
    if c.kind != crate::catalogue::CaseKind::CivilFirstInstance {
        return None;
    }
    let home = province_of(&limits.province);
    let cross_province = draft
        .parties
        .iter()
        .filter_map(|p| province_of(&p.address))
        .any(|p| Some(p) != home);
    let limit = if cross_province {
        limits.basic_limit_cross_province_fen
    } else {
        limits.basic_limit_fen
    };
    let amount = crate::filing::claims_total(draft);
    (amount >= limit).then(|| LevelNotice {
        amount_fen: amount,
        limit_fen: limit,
        cross_province,
        basis: LEVEL_BASIS.into(),
    })
}

/// What the filer says the agreed court is connected to (Art. 35).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    DefendantDomicile,
    PlaintiffDomicile,
    ContractPerformance,
    ContractSigning,
    SubjectMatter,
}

impl Connection {
    pub const ALL: [Connection; 5] = [
        Connection::DefendantDomicile,
        Connection::PlaintiffDomicile,
        Connection::ContractPerformance,
        Connection::ContractSigning,
        Connection::SubjectMatter,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Connection::DefendantDomicile => "defendant_domicile",
            Connection::PlaintiffDomicile => "plaintiff_domicile",
            Connection::ContractPerformance => "contract_performance",
            Connection::ContractSigning => "contract_signing",
            Connection::SubjectMatter => "subject_matter",
        }
    }
    pub fn from_code(s: &str) -> Option<Connection> {
        Connection::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// Why an agreed court cannot be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementProblem {
    /// Only contract and other property disputes may agree on a court.
    NotAContractOrPropertyDispute,
    /// Exclusive jurisdiction cannot be agreed away (Art. 35, Art. 34).
    Exclusive,
    /// The claim is above the basic courts' threshold (level jurisdiction cannot be agreed away).
    Level,
    /// The clause is not quoted, or names no court / connection.
    ClauseMissing,
    ConnectionMissing,
    /// The place the connection names does not lie in the chosen court's area.
    NotConnected,
}

impl AgreementProblem {
    /// The field and error a form shows it as.
    pub fn field_error(self) -> (&'static str, crate::FieldError) {
        use crate::FieldError as E;
        match self {
            AgreementProblem::NotAContractOrPropertyDispute => {
                ("agreed_court_code", E::AgreementNotAllowed)
            }
            AgreementProblem::Exclusive => ("agreed_court_code", E::AgreementExclusive),
            AgreementProblem::Level => ("agreed_court_code", E::AgreementLevel),
            AgreementProblem::ClauseMissing => ("agreed_clause", E::Required),
            AgreementProblem::ConnectionMissing => ("agreed_connection", E::Required),
            AgreementProblem::NotConnected => ("agreed_court_code", E::AgreementNotConnected),
        }
    }
}

/// Whether a court code is a basic court's (`吉0211`: province, city and county digits) rather than an
/// intermediate (`吉02`) or high court's (`吉`).
pub fn is_basic_court(code: &str) -> bool {
    code.trim().chars().filter(|c| c.is_ascii_digit()).count() >= 4
}

pub const AGREEMENT_BASIS: &str = "《民事诉讼法》第三十五条";

/// The agreed court (协议管辖, Art. 35) when the draft chooses one: the clause is quoted, the cause is a contract or
/// property dispute, not exclusive or above the basic level, and the connection the filer names (a party's
/// domicile, where the contract was performed or signed, where the subject matter is) lies in the court's area.
/// `Ok(None)`: no agreement chosen.
pub fn agreed(
    draft: &FilingDraft,
    areas: &[CourtArea],
    limits: &LevelLimits,
) -> Result<Option<Suggestion>, AgreementProblem> {
    let court_code = draft.agreed_court_code.trim();
    if court_code.is_empty() && draft.agreed_clause.trim().is_empty() {
        return Ok(None);
    }
    let c = cause(draft.cause.trim()).ok_or(AgreementProblem::NotAContractOrPropertyDispute)?;
    if c.jurisdiction.exclusive() {
        return Err(AgreementProblem::Exclusive);
    }
    let property = matches!(
        c.fee,
        crate::fees::FeeCategory::Property | crate::fees::FeeCategory::Labour
    ) || c.jurisdiction == JurisdictionRule::ContractPerformance;
    if c.kind != crate::catalogue::CaseKind::CivilFirstInstance || !property {
        return Err(AgreementProblem::NotAContractOrPropertyDispute);
    }
    if level(draft, limits).is_some() {
        return Err(AgreementProblem::Level);
    }
    if draft.agreed_clause.trim().chars().count() < 4 || court_code.is_empty() {
        return Err(AgreementProblem::ClauseMissing);
    }
    let connection = Connection::from_code(draft.agreed_connection.trim())
        .ok_or(AgreementProblem::ConnectionMissing)?;
    let places: Vec<&str> = match connection {
        Connection::DefendantDomicile | Connection::PlaintiffDomicile => {
            let role = if connection == Connection::DefendantDomicile {
                "defendant"
            } else {
                "plaintiff"
            };
            draft
                .parties
                .iter()
                .filter(|p| p.role == role)
                .map(|p| p.address.as_str())
                .collect()
        }
        Connection::ContractPerformance => vec![draft.place.as_str()],
        Connection::ContractSigning | Connection::SubjectMatter => {
            vec![draft.agreed_place.as_str()]
        }
    };
    let hit = places
        .into_iter()
        .find(|p| court_for_address(p, areas).is_some_and(|a| a.code == court_code))
        .ok_or(AgreementProblem::NotConnected)?;
    let area = areas
        .iter()
        .find(|a| a.code == court_code)
        .ok_or(AgreementProblem::NotConnected)?;
    Ok(Some(Suggestion {
        court_code: area.code.clone(),
        court_name: area.name.clone(),
        ground: Ground::Agreed,
        place: hit.trim().to_string(),
        basis: AGREEMENT_BASIS.into(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::PartyDraft;

    fn areas() -> Vec<CourtArea> {
        let a = |code: &str, name: &str, places: &[&str]| CourtArea {
            code: code.into(),
            name: name.into(),
            places: places.iter().map(|p| p.to_string()).collect(),
        };
        vec![
            a("吉0202", "吉林市昌邑区人民法院", &["昌邑区"]),
            a("吉0211", "吉林市丰满区人民法院", &["丰满区"]),
            a("吉0221", "永吉县人民法院", &["永吉县"]),
            a("吉0281", "蛟河市人民法院", &["蛟河市", "蛟河"]),
            // A court that (wrongly, or for a special area) lists a whole city must not beat a district.
            a("吉02", "吉林市中级人民法院", &["吉林市"]),
        ]
    }

    fn draft(cause: &str, place: &str, defendants: &[&str]) -> FilingDraft {
        FilingDraft {
            cause: cause.into(),
            place: place.into(),
            parties: defendants
                .iter()
                .map(|a| PartyDraft {
                    role: "defendant".into(),
                    address: a.to_string(),
                    ..Default::default()
                })
                .chain(std::iter::once(PartyDraft {
                    role: "plaintiff".into(),
                    address: "吉林市永吉县口前镇".into(),
                    ..Default::default()
                }))
                .collect(),
            ..Default::default()
        }
    }

    fn codes(s: &[Suggestion]) -> Vec<&str> {
        s.iter().map(|x| x.court_code.as_str()).collect()
    }

    #[test]
    fn an_address_belongs_to_the_most_specific_place_it_names() {
        let areas = areas();
        let code = |a: &str| court_for_address(a, &areas).map(|c| c.code.as_str());
        assert_eq!(code("吉林省吉林市昌邑区解放北路1号"), Some("吉0202"));
        assert_eq!(code("吉林市丰满区吉林大街2号"), Some("吉0211"));
        assert_eq!(code("吉林市船营区"), Some("吉02"));
        assert_eq!(code("北京市朝阳区"), None);
        assert_eq!(code("  "), None);
    }

    #[test]
    fn defendant_domicile_ignores_the_plaintiff() {
        // 离婚 follows the defendant's domicile (Art. 22); the plaintiff lives in 永吉县.
        let s = suggest(&draft("divorce", "", &["吉林市丰满区江南街"]), &areas());
        assert_eq!(codes(&s), ["吉0211"]);
        assert_eq!(s[0].ground, Ground::DefendantDomicile);
        assert_eq!(s[0].basis, "《民事诉讼法》第二十二条");
    }

    #[test]
    fn contracts_offer_the_place_of_performance_then_each_defendant() {
        let s = suggest(
            &draft(
                "private_loan",
                "蛟河市天岗镇",
                &["吉林市丰满区", "吉林市昌邑区", "吉林市丰满区另一处"],
            ),
            &areas(),
        );
        assert_eq!(codes(&s), ["吉0281", "吉0211", "吉0202"]);
        assert_eq!(s[0].ground, Ground::ContractPerformance);
        assert_eq!(s[1].ground, Ground::DefendantDomicile);
    }

    #[test]
    fn real_estate_is_exclusive() {
        let s = suggest(
            &draft("house_lease", "吉林市昌邑区某小区", &["吉林市丰满区"]),
            &areas(),
        );
        assert_eq!(codes(&s), ["吉0202"]);
        assert_eq!(s[0].ground, Ground::RealEstate);
        // Without the property's location there is nothing to suggest: the defendant's domicile does not count.
        assert!(suggest(&draft("house_lease", "", &["吉林市丰满区"]), &areas()).is_empty());
    }

    #[test]
    fn art_34_3_inheritance_is_exclusive_to_the_deceased_s_domicile_or_the_estate() {
        let s = suggest(
            &draft("inheritance", "蛟河市新农街道", &["吉林市丰满区"]),
            &areas(),
        );
        assert_eq!(codes(&s), ["吉0281"], "the heirs' domiciles do not count");
        assert_eq!(s[0].ground, Ground::Estate);
        assert_eq!(s[0].basis, "《民事诉讼法》第三十四条第（三）项");
    }

    #[test]
    fn art_24_property_services_are_a_contract_not_exclusive() {
        let s = suggest(
            &draft("property_service", "吉林市昌邑区某小区", &["吉林市丰满区"]),
            &areas(),
        );
        assert_eq!(
            codes(&s),
            ["吉0202", "吉0211"],
            "the place of performance, then the defendant's domicile"
        );
        assert_eq!(s[0].basis, "《民事诉讼法》第二十四条");
    }

    #[test]
    fn no_cause_no_suggestion() {
        assert!(suggest(&draft("", "", &["吉林市丰满区"]), &areas()).is_empty());
    }

    #[test]
    fn cpl_art_205_judicial_confirmation_any_party_s_domicile_or_the_subject_matter() {
        let mut d = draft("judicial_confirmation", "蛟河市天岗镇", &["吉林市丰满区"]);
        d.parties[1].address = "吉林市永吉县口前镇".into();
        let s = suggest(&d, &areas());
        assert_eq!(
            codes(&s),
            ["吉0281", "吉0211", "吉0221"],
            "the plaintiff's domicile counts too"
        );
        assert_eq!(s[0].ground, Ground::SubjectMatter);
        assert_eq!(s[2].ground, Ground::PartyDomicile);
        assert!(s.iter().all(|x| x.basis == "《民事诉讼法》第二百零五条"));
    }

    #[test]
    fn cpl_art_235_enforcement_where_the_property_is_or_the_respondent_lives() {
        let s = suggest(
            &draft("enforcement", "蛟河市天岗镇", &["吉林市丰满区"]),
            &areas(),
        );
        assert_eq!(codes(&s), ["吉0281", "吉0211"]);
        assert_eq!(
            (s[0].ground, s[0].basis.as_str()),
            (
                Ground::EnforcedProperty,
                "《民事诉讼法》第二百三十五条第一款"
            )
        );
        assert_eq!(s[1].basis, "《民事诉讼法》第二百三十五条第二款");
    }

    #[test]
    fn administrative_litigation_law_art_18_the_authority_s_seat_then_the_reconsideration_body() {
        let s = suggest(
            &draft("administrative", "吉林市昌邑区", &["吉林市丰满区"]),
            &areas(),
        );
        assert_eq!(codes(&s), ["吉0211", "吉0202"]);
        assert_eq!(
            (s[0].ground, s[0].basis.as_str()),
            (Ground::AuthoritySeat, "《行政诉讼法》第十八条第一款")
        );
        assert_eq!(s[1].ground, Ground::ReconsiderationBody);
        assert!(s.iter().all(|x| !x.basis.contains("民事诉讼法")));
    }

    #[test]
    fn level_jurisdiction_follows_the_configured_thresholds() {
        let limits = LevelLimits::default();
        let mut d = draft("private_loan", "蛟河市", &["吉林省吉林市丰满区"]);
        d.claims = vec![crate::filing::ClaimDraft {
            text: "偿还借款".into(),
            amount: "50000".into(),
        }];
        assert_eq!(level(&d, &limits), None);
        d.claims[0].amount = "500000000".into(); // 5亿: an intermediate court's
        let n = level(&d, &limits).unwrap();
        assert!(!n.cross_province && n.basis.contains("法发〔2021〕27号"));
        d.claims[0].amount = "150000000".into(); // 1.5亿, within the province: still basic
        assert_eq!(level(&d, &limits), None);
        d.parties[0].address = "辽宁省沈阳市和平区".into(); // a party outside the province: 1亿
        assert!(level(&d, &limits).unwrap().cross_province);
        // A province's own threshold is configuration.
        let low = LevelLimits {
            basic_limit_fen: 100_000 * 100,
            ..LevelLimits::default()
        };
        d.parties[0].address = "吉林市丰满区".into();
        d.claims[0].amount = "200000".into();
        assert!(level(&d, &low).is_some());
        // Not for applications or administrative suits.
        d.cause = "enforcement".into();
        assert_eq!(level(&d, &low), None);
    }

    #[test]
    fn cpl_art_35_an_agreed_court_must_be_connected_and_not_break_exclusive_or_level_rules() {
        let limits = LevelLimits::default();
        let mut d = draft("sale", "蛟河市天岗镇", &["吉林市丰满区"]);
        assert_eq!(
            agreed(&d, &areas(), &limits),
            Ok(None),
            "no agreement chosen"
        );
        d.agreed_clause = "因本合同发生的争议，由原告住所地人民法院管辖".into();
        d.agreed_court_code = "吉0221".into();
        assert_eq!(
            agreed(&d, &areas(), &limits),
            Err(AgreementProblem::ConnectionMissing)
        );
        d.agreed_connection = "plaintiff_domicile".into(); // the plaintiff lives in 永吉县
        let s = agreed(&d, &areas(), &limits).unwrap().unwrap();
        assert_eq!(
            (s.court_code.as_str(), s.ground, s.basis.as_str()),
            ("吉0221", Ground::Agreed, AGREEMENT_BASIS)
        );
        // A court with no connection to the dispute.
        d.agreed_court_code = "吉0202".into();
        assert_eq!(
            agreed(&d, &areas(), &limits),
            Err(AgreementProblem::NotConnected)
        );
        // Where the contract was signed, given as the agreed place.
        d.agreed_connection = "contract_signing".into();
        d.agreed_place = "吉林市昌邑区".into();
        assert!(agreed(&d, &areas(), &limits).is_ok());
        // Exclusive jurisdiction cannot be agreed away; nor can a divorce choose its court.
        d.cause = "house_lease".into();
        assert_eq!(
            agreed(&d, &areas(), &limits),
            Err(AgreementProblem::Exclusive)
        );
        d.cause = "divorce".into();
        assert_eq!(
            agreed(&d, &areas(), &limits),
            Err(AgreementProblem::NotAContractOrPropertyDispute)
        );
        // Nor level jurisdiction.
        d.cause = "sale".into();
        d.claims = vec![crate::filing::ClaimDraft {
            text: "货款".into(),
            amount: "600000000".into(),
        }];
        assert_eq!(agreed(&d, &areas(), &limits), Err(AgreementProblem::Level));
    }
}
