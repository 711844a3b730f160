//! Recommending mediators to a party, with the reasons shown.
//!
//! The party chooses the mediator (《人民调解法》 Art. 19: the parties may choose one or more mediators;
//! 《最高人民法院关于人民法院特邀调解的规定》 Art. 14: the parties choose from the court's list of invited mediators,
//! the court appoints only when they do not). So the list ranks, it never filters: everyone is returned, and each
//! recommendation lists the reasons that hold for it, in words the party can check.
//!
//! | Reason | When it holds | Weight |
//! |---|---|---|
//! | [`Reason::Specialty`] | the dispute's cause is one of the mediator's specialties | 40 |
//! | [`Reason::Language`] | the party needs a language other than Chinese (`zh`) and the mediator speaks it | 40 |
//! | [`Reason::ServesCourt`] | the mediator serves the court the matter goes to | 20 |
//! | [`Reason::NearBy`] | the mediator's place and the party's address share the county-level area | 15 |
//! | [`Reason::FreeSoon`] | the mediator's next free slot is within 3 days | 10 |
//! | [`Reason::LightLoad`] | fewer active cases than half the mediator's capacity | 5 |
//! | [`Reason::WellRated`] | a rating of 4.5 or more (out of 5) | 5 |
//!
//! A language weighs as much as the specialty: a party who cannot follow the mediation cannot consent to its
//! agreement (《人民调解法》 Art. 3: mediation rests on the parties' free will; 《民事诉讼法》 Art. 11: citizens of every
//! nationality may use their own spoken and written language in proceedings).
//!
//! The score is the sum of the weights of the reasons that hold. A mediator at capacity (active cases ≥ capacity)
//! is marked `full` and ranked after everyone who is not, whatever the score. Otherwise: higher score first, then
//! fewer active cases, then the id, so the same input always gives the same order.

use serde::{Deserialize, Serialize};

/// A mediator as the recommendation sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub id: String,
    /// Cause codes of [`crate::catalogue`] (`private_loan`, `divorce`, …).
    pub specialties: Vec<String>,
    /// Language tags: `zh`, `ko`, `mn`, …
    pub languages: Vec<String>,
    /// Codes of the courts the mediator serves.
    pub courts: Vec<String>,
    /// The area the mediator works in, e.g. `吉林市昌邑区`.
    pub place: String,
    pub active_cases: u32,
    pub capacity: u32,
    /// 0..=50: 4.7 stars → 47.
    pub rating_tenths: Option<u8>,
    /// Start (UTC ms) of the mediator's next free slot.
    pub next_free_ms: Option<i64>,
}

/// What the party needs; every field is optional, an absent one gives no reason.
#[derive(Clone, Copy, Debug)]
pub struct Need<'a> {
    /// A cause code.
    pub cause: Option<&'a str>,
    /// A court code.
    pub court: Option<&'a str>,
    /// The language the party needs (a language tag).
    pub language: Option<&'a str>,
    /// The person's address or area text.
    pub place: Option<&'a str>,
    pub now_ms: i64,
}

/// Why a mediator is recommended (see the table in the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Reason {
    Specialty,
    Language,
    ServesCourt,
    NearBy,
    FreeSoon,
    LightLoad,
    WellRated,
}

impl Reason {
    /// Every reason, in the order a recommendation lists them (heaviest first).
    pub const ALL: [Reason; 7] = [
        Reason::Specialty,
        Reason::Language,
        Reason::ServesCourt,
        Reason::NearBy,
        Reason::FreeSoon,
        Reason::LightLoad,
        Reason::WellRated,
    ];

    /// The code as the API writes it (the serde name).
    pub fn code(self) -> &'static str {
        match self {
            Reason::Specialty => "specialty",
            Reason::Language => "language",
            Reason::ServesCourt => "serves_court",
            Reason::NearBy => "near_by",
            Reason::FreeSoon => "free_soon",
            Reason::LightLoad => "light_load",
            Reason::WellRated => "well_rated",
        }
    }

    pub fn from_code(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == s)
    }

    /// What the reason adds to the score.
    pub fn weight(self) -> u32 {
        match self {
            Reason::Specialty | Reason::Language => 40,
            Reason::ServesCourt => 20,
            Reason::NearBy => 15,
            Reason::FreeSoon => 10,
            Reason::LightLoad | Reason::WellRated => 5,
        }
    }
}

/// One mediator in the ranked list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation {
    pub id: String,
    /// The sum of the reasons' weights.
    pub score: u32,
    /// The reasons that hold, in [`Reason::ALL`] order.
    pub reasons: Vec<Reason>,
    /// At capacity: ranked last, still choosable.
    pub full: bool,
}

/// "Free soon": the next free slot starts within this of now (a past value counts as free now).
pub const FREE_SOON_MS: i64 = 3 * 86_400_000;

/// A rating of 4.5 stars or more.
pub const WELL_RATED_TENTHS: u8 = 45;

/// Every mediator, ranked for `need` under the rules of the module documentation.
pub fn recommend(profiles: &[Profile], need: &Need) -> Vec<Recommendation> {
    let mut ranked: Vec<(u32, Recommendation)> = profiles
        .iter()
        .map(|p| {
            let reasons: Vec<Reason> = Reason::ALL
                .into_iter()
                .filter(|&r| holds(r, p, need))
                .collect();
            let rec = Recommendation {
                id: p.id.clone(),
                score: reasons.iter().map(|r| r.weight()).sum(),
                reasons,
                full: p.active_cases >= p.capacity,
            };
            (p.active_cases, rec)
        })
        .collect();
    ranked.sort_by(|(a_cases, a), (b_cases, b)| {
        a.full
            .cmp(&b.full)
            .then(b.score.cmp(&a.score))
            .then(a_cases.cmp(b_cases))
            .then_with(|| a.id.cmp(&b.id))
    });
    ranked.into_iter().map(|(_, r)| r).collect()
}

fn holds(r: Reason, p: &Profile, need: &Need) -> bool {
    match r {
        Reason::Specialty => need
            .cause
            .is_some_and(|c| p.specialties.iter().any(|s| s == c)),
        Reason::Language => need.language.is_some_and(|l| {
            let wanted = primary_subtag(l);
            !wanted.is_empty()
                && !wanted.eq_ignore_ascii_case("zh")
                && p.languages
                    .iter()
                    .any(|x| primary_subtag(x).eq_ignore_ascii_case(wanted))
        }),
        Reason::ServesCourt => need.court.is_some_and(|c| p.courts.iter().any(|x| x == c)),
        Reason::NearBy => need.place.is_some_and(|a| near_by(&p.place, a)),
        Reason::FreeSoon => p
            .next_free_ms
            .is_some_and(|t| t <= need.now_ms.saturating_add(FREE_SOON_MS)),
        Reason::LightLoad => u64::from(p.active_cases) * 2 < u64::from(p.capacity),
        Reason::WellRated => p
            .rating_tenths
            .is_some_and(|x| (WELL_RATED_TENTHS..=50).contains(&x)),
    }
}

/// `ko` of `ko-KR`: a party asking for Korean is served by a mediator who lists `ko` or `ko-KR`.
fn primary_subtag(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// Whether the mediator's place and the party's address share the county-level area: the address starts with the
/// place (`吉林市昌邑区` / `吉林市昌邑区延安路1号`), or it names the place's county-level area (`昌邑区`) and, when
/// it names a prefecture before it, the same prefecture as the place — so `长春市朝阳区` is not near `北京市朝阳区`.
pub fn near_by(place: &str, address: &str) -> bool {
    let (place, address) = (place.trim(), address.trim());
    if place.is_empty() || address.is_empty() {
        return false;
    }
    if address.starts_with(place) {
        return true;
    }
    let Some((parent, county)) = county_area(place) else {
        return false;
    };
    let Some(at) = address.find(county) else {
        return false;
    };
    let before = strip_province(&address[..at]);
    match parent {
        Some(parent) if PREFECTURE_MARKERS.iter().any(|m| before.contains(m)) => {
            before.contains(parent)
        }
        _ => true,
    }
}

/// The endings of prefecture-level names, the usual one first.
const PREFECTURE_MARKERS: [&str; 5] = ["市", "自治州", "盟", "地区", "州"];

/// The endings of county-level names (自治县 and 自治旗 end in 县 and 旗).
const COUNTY_ENDINGS: [char; 4] = ['区', '县', '旗', '市'];

/// Drops a province-level prefix (`吉林省`, `内蒙古自治区`): municipalities (`北京市`) stay, as prefectures.
fn strip_province(s: &str) -> &str {
    for marker in ["省", "自治区", "特别行政区"] {
        if let Some(i) = s.find(marker) {
            return &s[i + marker.len()..];
        }
    }
    s
}

/// The prefecture (if named) and the county-level area of a place text: `吉林省吉林市昌邑区` → (`吉林市`, `昌邑区`),
/// `延边朝鲜族自治州延吉市` → (`延边朝鲜族自治州`, `延吉市`), `蛟河市` → (none, `蛟河市`). A text naming only a
/// prefecture (`吉林市`) gives it as the area.
fn county_area(place: &str) -> Option<(Option<&str>, &str)> {
    let t = strip_province(place);
    for marker in PREFECTURE_MARKERS {
        if let Some(i) = t.find(marker).filter(|&i| i > 0) {
            let end = i + marker.len();
            if let Some(county) = county_prefix(&t[end..]) {
                return Some((Some(&t[..end]), county));
            }
        }
    }
    county_prefix(t).map(|county| (None, county))
}

/// The text up to its first county-level ending, with at least one character of name before it (`和县`, `昌邑区`,
/// `市中区`).
fn county_prefix(s: &str) -> Option<&str> {
    s.char_indices()
        .skip(1)
        .find(|(_, c)| COUNTY_ENDINGS.contains(c))
        .map(|(i, c)| &s[..i + c.len_utf8()])
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_000_000_000;
    const DAY: i64 = 86_400_000;

    /// A mediator with nothing going for them: no reason holds for the needs below.
    fn plain(id: &str) -> Profile {
        Profile {
            id: id.into(),
            specialties: vec![],
            languages: vec!["zh".into()],
            courts: vec![],
            place: "长春市南关区".into(),
            active_cases: 5,
            capacity: 10,
            rating_tenths: Some(40),
            next_free_ms: Some(NOW + 10 * DAY),
        }
    }

    fn need() -> Need<'static> {
        Need {
            cause: Some("private_loan"),
            court: Some("2202"),
            language: Some("zh"),
            place: Some("吉林省吉林市昌邑区延安路88号"),
            now_ms: NOW,
        }
    }

    fn reasons_of(p: Profile, need: &Need) -> Vec<Reason> {
        recommend(&[p], need).remove(0).reasons
    }

    #[test]
    fn a_plain_mediator_has_no_reasons_and_no_score() {
        let r = recommend(&[plain("a")], &need());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].reasons, vec![]);
        assert_eq!(r[0].score, 0);
        assert!(!r[0].full);
    }

    #[test]
    fn specialty_when_the_cause_is_one_of_theirs() {
        let mut p = plain("a");
        p.specialties = vec!["divorce".into(), "private_loan".into()];
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::Specialty]);
        let other = Need {
            cause: Some("divorce"),
            ..need()
        };
        assert_eq!(reasons_of(p.clone(), &other), vec![Reason::Specialty]);
        let none = Need {
            cause: None,
            ..need()
        };
        assert_eq!(reasons_of(p, &none), vec![]);
    }

    #[test]
    fn language_only_for_a_language_other_than_chinese_that_they_speak() {
        let mut p = plain("a");
        p.languages = vec!["zh".into(), "ko".into()];
        // Everyone speaks Chinese: not a reason.
        assert_eq!(reasons_of(p.clone(), &need()), vec![]);
        let zh_cn = Need {
            language: Some("zh-CN"),
            ..need()
        };
        assert_eq!(reasons_of(p.clone(), &zh_cn), vec![]);
        for tag in ["ko", "KO", "ko-KR", " ko "] {
            let korean = Need {
                language: Some(tag),
                ..need()
            };
            assert_eq!(
                reasons_of(p.clone(), &korean),
                vec![Reason::Language],
                "{tag}"
            );
        }
        let mongolian = Need {
            language: Some("mn"),
            ..need()
        };
        assert_eq!(reasons_of(p, &mongolian), vec![]);
    }

    #[test]
    fn language_weighs_as_much_as_specialty() {
        assert_eq!(Reason::Language.weight(), Reason::Specialty.weight());
        assert!(Reason::ALL
            .iter()
            .all(|r| r.weight() <= Reason::Specialty.weight()));
        let mut speaks = plain("a");
        speaks.languages = vec!["mn".into()];
        let mut knows = plain("b");
        knows.specialties = vec!["private_loan".into()];
        let n = Need {
            language: Some("mn"),
            ..need()
        };
        let r = recommend(&[knows, speaks], &n);
        assert_eq!(r[0].score, r[1].score);
        // Equal score and load: by id.
        assert_eq!(r[0].id, "a");
    }

    #[test]
    fn serves_court_when_the_court_is_theirs() {
        let mut p = plain("a");
        p.courts = vec!["2201".into(), "2202".into()];
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::ServesCourt]);
        let elsewhere = Need {
            court: Some("2203"),
            ..need()
        };
        assert_eq!(reasons_of(p, &elsewhere), vec![]);
    }

    #[test]
    fn near_by_when_the_county_level_area_is_shared() {
        let near = |place: &str, address: &str| near_by(place, address);
        // The place is a prefix of the address.
        assert!(near("吉林市昌邑区", "吉林市昌邑区延安路88号"));
        assert!(near("吉林市", "吉林市船营区"));
        // Both name 昌邑区, with or without the province and the city.
        assert!(near("吉林市昌邑区", "吉林省吉林市昌邑区延安路88号"));
        assert!(near("吉林省吉林市昌邑区", "昌邑区延安路88号"));
        assert!(near("昌邑区", "吉林省吉林市昌邑区延安路88号"));
        assert!(near("吉林市昌邑区", "吉林省昌邑区"));
        // County-level cities, autonomous prefectures, leagues and banners.
        assert!(near("吉林省蛟河市", "蛟河市天岗镇"));
        assert!(near("延边朝鲜族自治州延吉市", "吉林省延吉市河南街"));
        assert!(near(
            "锡林郭勒盟锡林浩特市",
            "内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路"
        ));
        assert!(near("北京市通州区", "北京通州区梨园镇"));
        assert!(near("济南市市中区", "山东省济南市市中区"));
        // Another county of the same city is not near.
        assert!(!near("吉林市昌邑区", "吉林市船营区"));
        assert!(!near("吉林市昌邑区", "吉林省长春市南关区"));
        // The same county name in another city is not near.
        assert!(!near("长春市朝阳区", "北京市朝阳区"));
        assert!(near("长春市朝阳区", "吉林省长春市朝阳区"));
        // Nothing to compare.
        assert!(!near("", "吉林市昌邑区"));
        assert!(!near("吉林市昌邑区", "  "));
        assert!(!near("区", "吉林市昌邑区"));

        let mut p = plain("a");
        p.place = "吉林市昌邑区".into();
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::NearBy]);
        let unknown = Need {
            place: None,
            ..need()
        };
        assert_eq!(reasons_of(p, &unknown), vec![]);
    }

    #[test]
    fn free_soon_within_three_days() {
        let mut p = plain("a");
        p.next_free_ms = Some(NOW + 3 * DAY);
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::FreeSoon]);
        p.next_free_ms = Some(NOW + 3 * DAY + 1);
        assert_eq!(reasons_of(p.clone(), &need()), vec![]);
        p.next_free_ms = Some(NOW - DAY);
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::FreeSoon]);
        p.next_free_ms = None;
        assert_eq!(reasons_of(p.clone(), &need()), vec![]);
        let late = Need {
            now_ms: i64::MAX,
            ..need()
        };
        p.next_free_ms = Some(i64::MAX);
        assert_eq!(reasons_of(p, &late), vec![Reason::FreeSoon]);
    }

    #[test]
    fn light_load_below_half_capacity() {
        let mut p = plain("a");
        p.active_cases = 4;
        assert_eq!(reasons_of(p.clone(), &need()), vec![Reason::LightLoad]);
        p.active_cases = 5; // exactly half
        assert_eq!(reasons_of(p.clone(), &need()), vec![]);
        p.active_cases = u32::MAX;
        p.capacity = u32::MAX;
        assert_eq!(reasons_of(p, &need()), vec![]);
    }

    #[test]
    fn well_rated_from_four_and_a_half() {
        let mut p = plain("a");
        for (rating, holds) in [
            (Some(45), true),
            (Some(50), true),
            (Some(44), false),
            (None, false),
            (Some(51), false),
        ] {
            p.rating_tenths = rating;
            let expected = if holds {
                vec![Reason::WellRated]
            } else {
                vec![]
            };
            assert_eq!(reasons_of(p.clone(), &need()), expected, "{rating:?}");
        }
    }

    #[test]
    fn reasons_are_listed_heaviest_first_and_the_score_adds_them_up() {
        let p = Profile {
            id: "a".into(),
            specialties: vec!["private_loan".into()],
            languages: vec!["zh".into(), "ko".into()],
            courts: vec!["2202".into()],
            place: "吉林市昌邑区".into(),
            active_cases: 1,
            capacity: 10,
            rating_tenths: Some(47),
            next_free_ms: Some(NOW + DAY),
        };
        let n = Need {
            language: Some("ko"),
            ..need()
        };
        let r = recommend(&[p], &n).remove(0);
        assert_eq!(r.reasons, Reason::ALL.to_vec());
        assert_eq!(r.score, 40 + 40 + 20 + 15 + 10 + 5 + 5);
    }

    #[test]
    fn higher_score_first_then_fewer_cases_then_id() {
        let mut specialist = plain("z");
        specialist.specialties = vec!["private_loan".into()];
        let mut local = plain("y");
        local.place = "吉林市昌邑区".into();
        let mut busy = plain("b");
        busy.active_cases = 7;
        let quiet = plain("c");
        let same = plain("a");
        let r = recommend(&[busy, same, quiet, local, specialist], &need());
        let ids: Vec<&str> = r.iter().map(|x| x.id.as_str()).collect();
        // 40, 15, then score 0: 5 cases (a, c by id) before 7 (b).
        assert_eq!(ids, ["z", "y", "a", "c", "b"]);
    }

    #[test]
    fn a_full_mediator_is_marked_and_ranked_after_everyone_but_still_listed() {
        let mut star = plain("a");
        star.specialties = vec!["private_loan".into()];
        star.courts = vec!["2202".into()];
        star.active_cases = 10; // capacity 10
        let mut no_capacity = plain("b");
        no_capacity.capacity = 0;
        no_capacity.active_cases = 0;
        let nobody = plain("c");
        let r = recommend(&[star, no_capacity, nobody], &need());
        let ids: Vec<(&str, bool)> = r.iter().map(|x| (x.id.as_str(), x.full)).collect();
        assert_eq!(ids, [("c", false), ("a", true), ("b", true)]);
        // The full mediator keeps the reasons that hold.
        assert_eq!(r[1].reasons, vec![Reason::Specialty, Reason::ServesCourt]);
    }

    #[test]
    fn everyone_is_returned_in_a_deterministic_order() {
        let profiles: Vec<Profile> = ["d", "b", "a", "c"].iter().map(|id| plain(id)).collect();
        let r = recommend(&profiles, &need());
        assert_eq!(r.len(), 4);
        let mut reversed = profiles.clone();
        reversed.reverse();
        assert_eq!(recommend(&reversed, &need()), r);
        assert!(recommend(&[], &need()).is_empty());
    }

    #[test]
    fn reason_codes_are_the_serde_names() {
        for r in Reason::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.code())
            );
            assert_eq!(Reason::from_code(r.code()), Some(r));
        }
        assert_eq!(Reason::from_code("nearby"), None);
    }
}
