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
}

pub fn limitation(facts: &LimitationFacts, today: Date, calendar: &HolidayCalendar) -> Limitation {
    let (start, mut basis) = match facts.last_instalment_due {
        Some(due) if due > facts.known_on => (due, "民法典第一百八十九条"),
        _ => (facts.known_on, "民法典第一百八十八条第一款"),
    };
    let mut end = calendar.deadline_years(start, 3);
    if let Some(harm) = facts.harm_on {
        let long_stop = calendar.deadline_years(harm, 20);
        if long_stop.date < end.date {
            end = long_stop;
            basis = "民法典第一百八十八条第二款";
        }
    }
    let days_left = end.date.to_days() - today.to_days();
    Limitation {
        expires_on: end.date,
        expired: days_left < 0,
        days_left,
        basis,
        holidays_known: end.holidays_known,
    }
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
        let facts = LimitationFacts {
            known_on: d(2023, 11, 20),
            harm_on: None,
            last_instalment_due: None,
        };
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
        let facts = LimitationFacts {
            known_on: d(2024, 2, 29),
            harm_on: None,
            last_instalment_due: None,
        };
        assert_eq!(
            limitation(&facts, d(2026, 1, 1), &cal).expires_on,
            d(2027, 3, 1)
        );
    }

    #[test]
    fn instalments_run_from_the_last_due_date() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts {
            known_on: d(2022, 3, 1),
            harm_on: None,
            last_instalment_due: Some(d(2024, 6, 30)),
        };
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(l.expires_on, d(2027, 6, 30));
        assert_eq!(l.basis, "民法典第一百八十九条");
        assert!(!l.expired);
    }

    #[test]
    fn twenty_year_long_stop() {
        let cal = HolidayCalendar::default();
        let facts = LimitationFacts {
            known_on: d(2025, 1, 10),
            harm_on: Some(d(2006, 3, 15)),
            last_instalment_due: None,
        };
        let l = limitation(&facts, d(2026, 11, 23), &cal);
        assert_eq!(l.expires_on, d(2026, 3, 16), "15 Mar 2026 is a Sunday");
        assert_eq!(l.basis, "民法典第一百八十八条第二款");
        assert!(l.expired);
    }
}
