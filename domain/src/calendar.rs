//! Counting legal periods the way the law counts them.
//!
//! Civil Procedure Law Art. 85 (2023): the day a period starts is not counted; a period whose last day is a
//! statutory rest day ends on the first working day after it. Civil Code Arts. 200–203 count years and months the
//! same way, a year or month ending on the corresponding day (the month's last day when there is none). Which days
//! are rest days — weekends, the State Council's public holidays, and the make-up working days (调休) that swap
//! with them — is configuration: [`HolidayCalendar`].

use crate::Date;
use serde::{Deserialize, Serialize};

/// The rest days of the years whose State Council notice is loaded. Data, not code: one file per year
/// ([`YearNotice`]), read at start-up and handed to the browser in the page data. A date in a year without a notice
/// counts weekends only, and every result says whether that happened ([`Deadline::holidays_known`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    /// Public holidays (法定节假日), including the days added to them by the State Council's yearly notice.
    #[serde(with = "iso_dates")]
    pub holidays: Vec<Date>,
    /// Weekend days that are working days that year (调休上班).
    #[serde(with = "iso_dates")]
    pub make_up_workdays: Vec<Date>,
    /// The years whose notice is loaded.
    pub years: Vec<i32>,
}

/// Dates as `YYYY-MM-DD` strings: the calendar travels to the browser in an island's properties, and a list of
/// short strings is a third of the size of `{"year":…,"month":…,"day":…}` objects.
mod iso_dates {
    use crate::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(dates: &[Date], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(|d| d.to_string()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Date>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| {
                Date::parse_iso(s)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
            })
            .collect()
    }
}

/// One year's notice as published (国务院办公厅关于某年部分节假日安排的通知), in the file format of `domain/holidays/`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearNotice {
    pub year: i32,
    /// The notice's title and number, shown where a deadline cites its calendar.
    pub source: String,
    pub holidays: Vec<HolidaySpan>,
    /// `YYYY-MM-DD`, each a Saturday or Sunday.
    pub make_up_workdays: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidaySpan {
    pub name: String,
    /// `YYYY-MM-DD`, both included.
    pub from: String,
    pub to: String,
}

/// The notices shipped with the portal (the default when no directory is configured), as file texts.
pub const SHIPPED_NOTICES: &[&str] = &[
    include_str!("../holidays/2025.json"),
    include_str!("../holidays/2026.json"),
];

/// A period's last day, and whether a holiday notice was loaded for every year the period touches. When not, the
/// date counts weekends only and the UI and API say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub date: Date,
    pub holidays_known: bool,
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

/// The same day `months` later (the month's last day when it has no such day), as periods in months are counted.
pub fn add_months(d: Date, months: i32) -> Date {
    let index = d.year * 12 + i32::from(d.month) - 1 + months;
    let (y, m) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    Date {
        year: y,
        month: m,
        day: d.day.min(crate::date::days_in_month(y, m)),
    }
}

impl HolidayCalendar {
    /// The end of a period of `months` months from `from`, rolled past rest days and public holidays.
    pub fn deadline_months(&self, from: Date, months: i32) -> Deadline {
        let raw = add_months(from, months);
        let date = self.roll_forward(raw);
        Deadline {
            date,
            holidays_known: self.covers_span(raw, date),
        }
    }

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

    /// Whether the notice of `year` is loaded.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// Whether every year from `from` to `to` has its notice loaded.
    pub fn covers_span(&self, from: Date, to: Date) -> bool {
        (from.year.min(to.year)..=from.year.max(to.year)).all(|y| self.covers(y))
    }

    /// [`Self::period_end_days`], saying whether the holidays were known where they matter: the day the period
    /// would end and the day it is moved to.
    pub fn deadline_days(&self, from: Date, days: i64) -> Deadline {
        let raw = add_days(from, days);
        let date = self.roll_forward(raw);
        Deadline {
            date,
            holidays_known: self.covers_span(raw, date),
        }
    }

    /// [`Self::period_end_years`], saying whether the holidays were known where they matter.
    pub fn deadline_years(&self, from: Date, years: i32) -> Deadline {
        let raw = add_years(from, years);
        let date = self.roll_forward(raw);
        Deadline {
            date,
            holidays_known: self.covers_span(raw, date),
        }
    }

    /// Builds the calendar from yearly notices, refusing one that cannot be right: a date outside its year, a
    /// make-up working day that is not a weekend day, a holiday span that runs backwards, a year given twice.
    pub fn from_notices(notices: &[YearNotice]) -> Result<HolidayCalendar, String> {
        let mut cal = HolidayCalendar::default();
        for n in notices {
            if cal.years.contains(&n.year) {
                return Err(format!("{}: the year is given twice", n.year));
            }
            let date = |s: &str| {
                Date::parse_iso(s)
                    .filter(|d| d.year == n.year)
                    .ok_or_else(|| format!("{}: {s} is not a date in {}", n.year, n.year))
            };
            for span in &n.holidays {
                let (from, to) = (date(&span.from)?, date(&span.to)?);
                if to < from {
                    return Err(format!("{}: {} runs backwards", n.year, span.name));
                }
                let mut d = from;
                while d <= to {
                    cal.holidays.push(d);
                    d = add_days(d, 1);
                }
            }
            for s in &n.make_up_workdays {
                let d = date(s)?;
                if weekday(d) < 5 {
                    return Err(format!(
                        "{}: make-up working day {s} is not a weekend day",
                        n.year
                    ));
                }
                if cal.holidays.contains(&d) {
                    return Err(format!(
                        "{}: {s} is both a holiday and a working day",
                        n.year
                    ));
                }
                cal.make_up_workdays.push(d);
            }
            cal.years.push(n.year);
        }
        cal.holidays.sort();
        cal.holidays.dedup();
        cal.make_up_workdays.sort();
        cal.years.sort();
        Ok(cal)
    }
}

/// The shipped notices as one calendar (tests, benchmarks, and the server's default).
pub fn shipped() -> HolidayCalendar {
    // A shipped file that does not parse is a build defect the tests catch; at run time fall back to weekends only.
    let notices: Vec<YearNotice> = SHIPPED_NOTICES
        .iter()
        .filter_map(|t| parse_notice(t).ok())
        .collect();
    HolidayCalendar::from_notices(&notices).unwrap_or_default()
}

/// Reads one notice file (JSON, the format of `domain/holidays/`).
pub fn parse_notice(text: &str) -> Result<YearNotice, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
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
        let cal = shipped();
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
    fn the_calendar_travels_as_iso_dates_and_comes_back_the_same() {
        let cal = shipped();
        let json = serde_json::to_string(&cal).unwrap();
        assert!(
            json.contains("\"2026-02-15\"") && !json.contains("\"month\""),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<HolidayCalendar>(&json).unwrap(), cal);
    }

    #[test]
    fn the_shipped_notices_parse_and_hold_their_years() {
        for text in SHIPPED_NOTICES {
            parse_notice(text).unwrap();
        }
        let cal = shipped();
        assert_eq!(cal.years, vec![2025, 2026]);
        // 2025: National Day and Mid-Autumn together, 1–8 October; Sunday 28 September is worked.
        assert!(cal.is_rest_day(d(2025, 10, 8)));
        assert!(!cal.is_rest_day(d(2025, 9, 28)));
        // 2026 Spring Festival: 15–23 February; Saturday 14 February is worked.
        assert!(cal.is_rest_day(d(2026, 2, 23)));
        assert!(!cal.is_rest_day(d(2026, 2, 14)));
    }

    #[test]
    fn a_notice_that_cannot_be_right_is_refused() {
        let notice = |holiday_to: &str, make_up: &str| YearNotice {
            year: 2026,
            source: "test".into(),
            holidays: vec![HolidaySpan {
                name: "国庆节".into(),
                from: "2026-10-01".into(),
                to: holiday_to.into(),
            }],
            make_up_workdays: vec![make_up.into()],
        };
        assert!(HolidayCalendar::from_notices(&[notice("2026-10-07", "2026-10-10")]).is_ok());
        // Backwards, another year's date, a weekday as a make-up day, a day both ways, a year twice.
        assert!(HolidayCalendar::from_notices(&[notice("2026-09-30", "2026-10-10")]).is_err());
        assert!(HolidayCalendar::from_notices(&[notice("2027-10-07", "2026-10-10")]).is_err());
        assert!(HolidayCalendar::from_notices(&[notice("2026-10-07", "2026-10-09")]).is_err());
        assert!(HolidayCalendar::from_notices(&[notice("2026-10-07", "2026-10-03")]).is_err());
        let ok = notice("2026-10-07", "2026-10-10");
        assert!(HolidayCalendar::from_notices(&[ok.clone(), ok]).is_err());
    }

    #[test]
    fn a_period_into_a_year_without_a_notice_counts_weekends_only_and_says_so() {
        let cal = shipped();
        // Within 2026: known.
        let inside = cal.deadline_days(d(2026, 11, 23), 7);
        assert_eq!(inside.date, d(2026, 11, 30));
        assert!(inside.holidays_known);
        // 28 December 2026 + 7 days = Monday 4 January 2027: the 2027 notice is not loaded, so 1 January 2027 is not
        // treated as a holiday, and the result says the holidays were not known.
        let across = cal.deadline_days(d(2026, 12, 28), 7);
        assert_eq!(across.date, d(2027, 1, 4));
        assert!(!across.holidays_known);
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
