//! Counting legal periods the way the law counts them.
//!
//! Civil Procedure Law Art. 85 (2023): the day a period starts is not counted; a period whose last day is a
//! statutory rest day ends on the first working day after it. Civil Code Arts. 200–203 count years and months the
//! same way, a year or month ending on the corresponding day (the month's last day when there is none). Which days
//! are rest days — weekends, the State Council's public holidays, and the make-up working days (调休) that swap
//! with them — is configuration: [`HolidayCalendar`].

use crate::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    /// Public holidays (法定节假日), including the days added to them by the State Council's yearly notice.
    pub holidays: Vec<Date>,
    /// Weekend days that are working days that year (调休上班).
    pub make_up_workdays: Vec<Date>,
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(d: Date) -> u8 {
    // 1970-01-01 was a Thursday (3).
    ((d.to_days() + 3).rem_euclid(7)) as u8
}

pub fn add_days(d: Date, n: i64) -> Date {
    Date::from_days(d.to_days() + n)
}

/// The corresponding day `years` later; 29 February becomes 28 February in a common year (Civil Code Art. 202).
pub fn add_years(d: Date, years: i32) -> Date {
    let y = d.year + years;
    let last = crate::date::days_in_month(y, d.month);
    Date {
        year: y,
        month: d.month,
        day: d.day.min(last),
    }
}

impl HolidayCalendar {
    pub fn is_rest_day(&self, d: Date) -> bool {
        if self.holidays.contains(&d) {
            return true;
        }
        weekday(d) >= 5 && !self.make_up_workdays.contains(&d)
    }

    /// The first working day on or after `d`.
    pub fn roll_forward(&self, mut d: Date) -> Date {
        while self.is_rest_day(d) {
            d = add_days(d, 1);
        }
        d
    }

    /// The last day of a period of `days` days that starts the day after `from`.
    pub fn period_end_days(&self, from: Date, days: i64) -> Date {
        self.roll_forward(add_days(from, days))
    }

    /// The last day of a period of `years` years that starts the day after `from`.
    pub fn period_end_years(&self, from: Date, years: i32) -> Date {
        self.roll_forward(add_years(from, years))
    }

    /// An illustrative 2026 calendar in the shape of the State Council's yearly notice, for the demo and the tests.
    /// A deployment loads each year's published notice as configuration instead.
    pub fn china_2026() -> HolidayCalendar {
        let d = |m, day| Date::new(2026, m, day).expect("valid date");
        let range = |m, from, to| (from..=to).map(move |day| d(m, day));
        HolidayCalendar {
            holidays: std::iter::once(d(1, 1))
                .chain([d(1, 2), d(1, 3)])
                .chain(range(2, 15, 23)) // 春节
                .chain(range(4, 4, 6)) // 清明节
                .chain(range(5, 1, 5)) // 劳动节
                .chain(range(6, 19, 21)) // 端午节
                .chain(range(9, 25, 27)) // 中秋节
                .chain(range(10, 1, 7)) // 国庆节
                .collect(),
            make_up_workdays: vec![d(1, 4), d(2, 14), d(2, 28), d(5, 9), d(9, 20), d(10, 10)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(d(2026, 11, 23)), 0, "a Monday");
        assert_eq!(weekday(d(2024, 2, 29)), 3, "a Thursday");
    }

    #[test]
    fn seven_day_periods_skip_rest_days() {
        let cal = HolidayCalendar::china_2026();
        // Received Monday 23 Nov 2026: day 7 is Monday 30 Nov.
        assert_eq!(cal.period_end_days(d(2026, 11, 23), 7), d(2026, 11, 30));
        // Received Tuesday 24 Nov: day 7 is Tuesday 1 Dec.
        assert_eq!(cal.period_end_days(d(2026, 11, 24), 7), d(2026, 12, 1));
        // Received Thursday 26 Nov: day 7 is Thursday 3 Dec; received Saturday 28 Nov: day 7 is Saturday 5 Dec → Monday 7 Dec.
        assert_eq!(cal.period_end_days(d(2026, 11, 28), 7), d(2026, 12, 7));
        // Received 26 Sep 2026: day 7 is 3 Oct, inside the National Day holiday → Thursday 8 Oct.
        assert_eq!(cal.period_end_days(d(2026, 9, 26), 7), d(2026, 10, 8));
        // A make-up working Saturday (10 Oct 2026) is a working day.
        assert_eq!(cal.period_end_days(d(2026, 10, 3), 7), d(2026, 10, 10));
    }

    #[test]
    fn years_end_on_the_corresponding_day() {
        let cal = HolidayCalendar::default();
        assert_eq!(add_years(d(2024, 2, 29), 3), d(2027, 2, 28));
        assert_eq!(add_years(d(2024, 2, 29), 4), d(2028, 2, 29));
        // 2023-05-10 + 3 years = Sunday 2026-05-10 → Monday 11 May (weekends only in this calendar).
        assert_eq!(cal.period_end_years(d(2023, 5, 10), 3), d(2026, 5, 11));
    }
}
