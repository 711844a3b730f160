//! Which court is competent (管辖): the cause's jurisdiction rule applied to the places the filing names.
//!
//! Civil Procedure Law: Art. 22 (the defendant's domicile), Art. 24 (contracts: the defendant's domicile or the
//! place of performance), Art. 29 (torts: the place of the tort or the defendant's domicile), Art. 34(1) (real
//! estate: only the court where it lies), Art. 34(3) (inheritance: only the court of the deceased's last domicile or
//! of the main estate). A court's area is reference data (the districts, counties and county-level
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
    }
}

/// The competent courts for a draft, most specific first, each court once. Real estate and inheritance are
/// exclusive (Art. 34(1), (3)): only the court of that place. Otherwise the place of the cause (where it has one) and every defendant's domicile.
pub fn suggest(draft: &FilingDraft, areas: &[CourtArea]) -> Vec<Suggestion> {
    let Some(c) = cause(draft.cause.trim()) else {
        return vec![];
    };
    let rule = c.jurisdiction;
    let mut candidates: Vec<(Ground, &str)> = vec![];
    if let Some(g) = place_ground(rule) {
        candidates.push((g, draft.place.as_str()));
    }
    if !rule.exclusive() {
        candidates.extend(
            draft
                .parties
                .iter()
                .filter(|p| p.role == "defendant")
                .map(|p| (Ground::DefendantDomicile, p.address.as_str())),
        );
    }
    let mut out: Vec<Suggestion> = vec![];
    for (ground, place) in candidates {
        if let Some(area) = court_for_address(place, areas) {
            if out.iter().all(|s| s.court_code != area.code) {
                out.push(Suggestion {
                    court_code: area.code.clone(),
                    court_name: area.name.clone(),
                    ground,
                    place: place.trim().to_string(),
                    basis: rule.basis().to_string(),
                });
            }
        }
    }
    out
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
}
