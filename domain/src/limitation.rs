//! The limitation period of a civil claim (诉讼时效), Civil Code Arts. 188–189.
//!
//! Three years from the day the right holder knew or should have known of the harm and of the obligor; never more
//! than twenty years from the harm. For a debt paid in instalments the period runs from the last instalment's due
//! date. Limitation is a defence the court does not raise by itself (Art. 193), so an expired period is a warning
//! to the filer, never a reason to refuse the filing.

use crate::calendar::HolidayCalendar;
use crate::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitationFacts {
    /// When the claimant knew or should have known of the harm and the obligor.
    pub known_on: Date,
    /// When the harm occurred (the 20-year long-stop), if different.
    pub harm_on: Option<Date>,
    /// The due date of the last instalment of a debt paid in instalments (Art. 189).
    pub last_instalment_due: Option<Date>,
    /// The last day the period was interrupted (Art. 195): the claim was demanded of the obligor, the obligor
    /// acknowledged it or paid part, or a suit or arbitration was brought. The period runs afresh from it.
    pub interrupted_on: Option<Date>,
    /// An administrative act whose notice did not state the right to sue and the time to do it: the six months
    /// then run from learning of that right, but never more than one year from knowing of the act.
    pub rights_not_stated: bool,
}

impl LimitationFacts {
    /// Facts with only the day the claimant knew of the harm.
    pub fn known(known_on: Date) -> LimitationFacts {
        LimitationFacts {
            known_on,
            harm_on: None,
            last_instalment_due: None,
            interrupted_on: None,
            rights_not_stated: false,
        }
    }

    /// The interruption date if it counts: on or after the day the period began, not in the future.
    fn interruption(&self, start: Date, today: Date) -> Option<Date> {
        self.interrupted_on.filter(|d| *d >= start && *d <= today)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Limitation {
    /// The last day on which the claim is within the period.
    pub expires_on: Date,
    pub expired: bool,
    /// Days left (negative once expired).
    pub days_left: i64,
    /// Which rule set the date: "Art. 188(1)", "Art. 188(2)" (20-year long-stop) or "Art. 189" (instalments).
    pub basis: &'static str,
    /// Whether the holiday notice of the year it ends in was loaded; if not, only weekends moved the date.
    pub holidays_known: bool,
    /// The period is in its last six months and can still be suspended (民法典第一百九十四条): if force majeure or
    /// another listed obstacle stops the claim being made then, the period ends six months after the obstacle
    /// goes. Only periods the Civil Code's suspension applies to say so.
    pub suspension_possible: bool,
}

/// Where interruption (Art. 195) and suspension (Art. 194) are cited from.
pub const INTERRUPTION_BASIS: &str = "民法典第一百九十五条";
pub const SUSPENSION_BASIS: &str = "民法典第一百九十四条";

/// Which time limit a claim runs under: the cause decides (see `Cause::time_limit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeLimit {
    /// 诉讼时效, three years; twenty at most (民法典第一百八十八条); instalments (第一百八十九条).
    Civil,
    /// Not subject to limitation (民法典第一百九十六条): no period, no warning. The ground is its article.
    Exempt(&'static str),
    /// Labour arbitration, one year from knowing of the infringement (劳动争议调解仲裁法第二十七条第一款).
    LabourArbitration,
    /// Applying for enforcement, two years from the last day of performance (民事诉讼法第二百五十条).
    Enforcement,
    /// An administrative suit, six months from knowing of the act (行政诉讼法第四十六条第一款).
    Administrative,
    /// Not a claim with a period of its own here (judicial confirmation's 30 days run from the agreement).
    NotApplicable,
}

/// The period a claim runs under `rule` and when it ends; `None` when no period applies (Art. 196 exemptions).
pub fn time_limit(
    rule: TimeLimit,
    facts: &LimitationFacts,
    today: Date,
    calendar: &HolidayCalendar,
) -> Option<Limitation> {
    let restart = |basis: &'static str| match facts.interruption(facts.known_on, today) {
        // 劳动争议调解仲裁法第二十七条第二款 and 民事诉讼法第二百五十条 apply interruption as for limitation.
        Some(d) => (d, INTERRUPTION_BASIS),
        None => (facts.known_on, basis),
    };
    let (end, basis, suspends) = match rule {
        TimeLimit::Exempt(_) | TimeLimit::NotApplicable => return None,
        TimeLimit::Civil => return Some(limitation(facts, today, calendar)),
        TimeLimit::LabourArbitration => {
            let (start, basis) = restart("劳动争议调解仲裁法第二十七条第一款");
            (calendar.deadline_years(start, 1), basis, true)
        }
        TimeLimit::Enforcement => {
            let (start, basis) = restart("民事诉讼法第二百五十条");
            (calendar.deadline_years(start, 2), basis, true)
        }
        // An administrative suit's period is not interrupted; when the right to sue was not stated, the period
        // runs from learning of it, at most one year from knowing of the act (法释〔2018〕1号第六十四条第一款). The
        // filer's `known_on` is the day they knew of the act, so the latest day is a year from it.
        TimeLimit::Administrative if facts.rights_not_stated => (
            calendar.deadline_years(facts.known_on, 1),
            "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第六十四条第一款",
            false,
        ),
        TimeLimit::Administrative => (
            calendar.deadline_months(facts.known_on, 6),
            "行政诉讼法第四十六条第一款",
            false,
        ),
    };
    Some(ended(end, basis, suspends, today))
}

fn ended(
    end: crate::calendar::Deadline,
    basis: &'static str,
    suspends: bool,
    today: Date,
) -> Limitation {
    let days_left = end.date.to_days() - today.to_days();
    // The last six months: from the day six months before the end.
    let six_before = crate::calendar::add_months(end.date, -6);
    Limitation {
        expires_on: end.date,
        expired: days_left < 0,
        days_left,
        basis,
        holidays_known: end.holidays_known,
        suspension_possible: suspends && days_left >= 0 && today > six_before,
    }
}

pub fn limitation(facts: &LimitationFacts, today: Date, calendar: &HolidayCalendar) -> Limitation {
    let (mut start, mut basis) = match facts.last_instalment_due {
        Some(due) if due > facts.known_on => (due, "民法典第一百八十九条"),
        _ => (facts.known_on, "民法典第一百八十八条第一款"),
    };
    if let Some(d) = facts.interruption(start, today) {
        (start, basis) = (d, INTERRUPTION_BASIS);
    }
    let mut end = calendar.deadline_years(start, 3);
    // The twenty-year long-stop is neither interrupted nor suspended (Art. 188(2)).
    if let Some(harm) = facts.harm_on {
        let long_stop = calendar.deadline_years(harm, 20);
        if long_stop.date < end.date {
            end = long_stop;
            basis = "民法典第一百八十八条第二款";
        }
    }
    ended(end, basis, basis != "民法典第一百八十八条第二款", today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn three_years_from_knowledge() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts::known(d(2023, 11, 20));
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(l.expires_on, d(2026, 11, 20));
        assert!(l.expired);
        assert_eq!(l.days_left, -3);
        let l = limitation(&facts, d(2026, 11, 20), &cal);
        assert!(!l.expired, "the last day itself is still within the period");
    }

    #[test]
    fn leap_day_and_rest_day() {
        let cal = HolidayCalendar::default();
        // Knew on 29 Feb 2024: three years end on 28 Feb 2027, a Sunday → Monday 1 March 2027.
        let facts = LimitationFacts::known(d(2024, 2, 29));
        assert_eq!(
            limitation(&facts, d(2026, 1, 1), &cal).expires_on,
            d(2027, 3, 1)
        );
    }

    #[test]
    fn instalments_run_from_the_last_due_date() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts {
            last_instalment_due: Some(d(2024, 6, 30)),
            ..LimitationFacts::known(d(2022, 3, 1))
        };
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(l.expires_on, d(2027, 6, 30));
        assert_eq!(l.basis, "民法典第一百八十九条");
        assert!(!l.expired);
    }

    fn known(on: Date) -> LimitationFacts {
        LimitationFacts::known(on)
    }

    #[test]
    fn civil_code_art_196_support_and_divorce_have_no_period() {
        let cal = HolidayCalendar::default();
        let old = known(d(2000, 1, 1));
        for code in ["support", "divorce"] {
            let rule = crate::catalogue::cause(code).unwrap().time_limit();
            assert!(
                matches!(rule, TimeLimit::Exempt(a) if a.contains("第一百九十六条")),
                "{code}"
            );
            assert_eq!(
                time_limit(rule, &old, d(2026, 11, 23), &cal),
                None,
                "{code}"
            );
        }
    }

    #[test]
    fn labour_arbitration_is_one_year_under_art_27() {
        let cal = HolidayCalendar::default();
        let rule = crate::catalogue::cause("labour_pay").unwrap().time_limit();
        assert_eq!(rule, TimeLimit::LabourArbitration);
        // 2025-03-14 + 1 year = Saturday 2026-03-14 → Monday 2026-03-16.
        let l = time_limit(rule, &known(d(2025, 3, 14)), d(2026, 1, 1), &cal).unwrap();
        assert_eq!(
            (l.expires_on, l.basis),
            (d(2026, 3, 16), "劳动争议调解仲裁法第二十七条第一款")
        );
    }

    #[test]
    fn enforcement_is_two_years_under_cpl_art_250() {
        let cal = HolidayCalendar::default();
        let rule = crate::catalogue::cause("enforcement").unwrap().time_limit();
        let l = time_limit(rule, &known(d(2024, 6, 28)), d(2026, 11, 23), &cal).unwrap();
        assert_eq!(
            (l.expires_on, l.basis),
            (d(2026, 6, 29), "民事诉讼法第二百五十条"),
            "28 Jun 2026 is a Sunday"
        );
        assert!(l.expired);
    }

    #[test]
    fn an_administrative_suit_is_six_months_under_art_46_rolled_over_holidays() {
        let cal = crate::calendar::shipped();
        let rule = crate::catalogue::cause("administrative")
            .unwrap()
            .time_limit();
        // Knew on 2026-04-01: six months end on 2026-10-01, inside the National Day holiday (1–7 Oct 2026 in the
        // shipped notice), so the period ends on the first working day after it.
        let l = time_limit(rule, &known(d(2026, 4, 1)), d(2026, 5, 1), &cal).unwrap();
        assert_eq!(l.basis, "行政诉讼法第四十六条第一款");
        assert!(
            l.expires_on > d(2026, 10, 1) && !cal.is_rest_day(l.expires_on),
            "{:?}",
            l.expires_on
        );
        assert_eq!(
            crate::calendar::add_months(d(2026, 8, 31), 6),
            d(2027, 2, 28)
        );
    }

    #[test]
    fn twenty_year_long_stop() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts {
            harm_on: Some(d(2006, 3, 15)),
            ..LimitationFacts::known(d(2025, 1, 10))
        };
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(l.expires_on, d(2026, 3, 16), "15 Mar 2026 is a Sunday");
        assert_eq!(l.basis, "民法典第一百八十八条第二款");
        assert!(l.expired);
    }

    #[test]
    fn civil_code_art_195_an_interruption_restarts_the_period() {
        let cal = HolidayCalendar::default();
        // Knew on 2022-03-01 (ended 2025-03-03, 1 March 2025 being a Saturday); demanded payment on 2024-12-10.
        let facts = LimitationFacts {
            interrupted_on: Some(d(2024, 12, 10)),
            ..known(d(2022, 3, 1))
        };
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(
            (l.expires_on, l.basis),
            (d(2027, 12, 10), INTERRUPTION_BASIS)
        );
        assert!(!l.expired);
        // An "interruption" before the period began, or in the future, changes nothing.
        for bad in [d(2021, 1, 1), d(2027, 1, 1)] {
            let f = LimitationFacts {
                interrupted_on: Some(bad),
                ..known(d(2022, 3, 1))
            };
            assert_eq!(
                limitation(&f, d(2026, 11, 23), &cal).basis,
                "民法典第一百八十八条第一款"
            );
        }
        // The twenty-year long-stop is not interrupted (Art. 188(2)).
        let f = LimitationFacts {
            harm_on: Some(d(2006, 3, 15)),
            interrupted_on: Some(d(2025, 6, 1)),
            ..known(d(2025, 1, 10))
        };
        assert_eq!(
            limitation(&f, d(2026, 11, 23), &cal).basis,
            "民法典第一百八十八条第二款"
        );
        // Enforcement and labour arbitration are interrupted as limitation is (CPL Art. 250; 劳动争议调解仲裁法 Art. 27(2)).
        for (rule, years) in [
            (TimeLimit::Enforcement, 2),
            (TimeLimit::LabourArbitration, 1),
        ] {
            let f = LimitationFacts {
                interrupted_on: Some(d(2026, 2, 2)),
                ..known(d(2025, 1, 6))
            };
            let l = time_limit(rule, &f, d(2026, 11, 23), &cal).unwrap();
            assert_eq!(
                (l.expires_on, l.basis),
                (d(2026 + years, 2, 2), INTERRUPTION_BASIS),
                "{rule:?}"
            );
        }
        // An administrative suit's period is not.
        let f = LimitationFacts {
            interrupted_on: Some(d(2026, 8, 3)),
            ..known(d(2026, 4, 1))
        };
        let l = time_limit(TimeLimit::Administrative, &f, d(2026, 9, 1), &cal).unwrap();
        assert_eq!(l.basis, "行政诉讼法第四十六条第一款");
    }

    #[test]
    fn civil_code_art_194_suspension_is_explained_in_the_last_six_months() {
        let cal = HolidayCalendar::default();
        let facts = known(d(2023, 12, 4)); // ends Monday 2026-12-04
        assert!(limitation(&facts, d(2026, 11, 23), &cal).suspension_possible);
        assert!(
            !limitation(&facts, d(2026, 5, 1), &cal).suspension_possible,
            "more than six months left"
        );
        assert!(
            !limitation(&facts, d(2026, 12, 5), &cal).suspension_possible,
            "already expired"
        );
        // Not for an administrative suit.
        let l = time_limit(
            TimeLimit::Administrative,
            &known(d(2026, 8, 3)),
            d(2026, 9, 1),
            &cal,
        )
        .unwrap();
        assert!(!l.suspension_possible);
    }

    #[test]
    fn administrative_one_year_when_the_right_to_sue_was_not_stated() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts {
            rights_not_stated: true,
            ..known(d(2026, 3, 2))
        };
        let l = time_limit(TimeLimit::Administrative, &facts, d(2026, 11, 23), &cal).unwrap();
        assert_eq!(l.expires_on, d(2027, 3, 2));
        assert!(l.basis.contains("第六十四条"), "{}", l.basis);
        assert!(!l.expired, "six months would have ended on 2026-09-02");
    }
}
