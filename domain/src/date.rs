use serde::{Deserialize, Serialize};

/// A calendar date (proleptic Gregorian). Small on purpose: the Wasm bundle stays lean without a date crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked constructor: `None` for 2023-02-29, month 13 and the like.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` as this crate writes it (stored deadlines); `None` for anything else.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().split('-');
        let date = Date::new(
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
        )?;
        it.next().is_none().then_some(date)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// China has kept one offset, UTC+8, without daylight saving since 1991: the portal stores instants in UTC and
/// shows them in Asia/Shanghai with this fixed offset.
pub const SHANGHAI_OFFSET_MS: i64 = 8 * 3_600_000;

/// The Asia/Shanghai calendar date of a UTC instant given in milliseconds since the Unix epoch.
pub fn shanghai_date(utc_ms: i64) -> Date {
    Date::from_days((utc_ms + SHANGHAI_OFFSET_MS).div_euclid(86_400_000))
}

/// `2026-11-23 14:05 (北京时间)`-style rendering of a UTC instant, with the zone named.
pub fn format_shanghai(utc_ms: i64, zone_label: &str) -> String {
    let local = utc_ms + SHANGHAI_OFFSET_MS;
    let date = Date::from_days(local.div_euclid(86_400_000));
    let minutes = local.rem_euclid(86_400_000) / 60_000;
    format!(
        "{date} {:02}:{:02} ({zone_label})",
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
    }

    #[test]
    fn iso_dates_round_trip() {
        let d = Date::new(2026, 12, 1).unwrap();
        assert_eq!(Date::parse_iso(&d.to_string()), Some(d));
        assert_eq!(Date::parse_iso("2026-02-30"), None);
        assert_eq!(Date::parse_iso("2026-12-01-01"), None);
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        for d in -800_000..800_000i64 {
            if d % 97 == 0 {
                assert_eq!(Date::from_days(d).to_days(), d);
            }
        }
    }

    #[test]
    fn shanghai_is_eight_hours_ahead() {
        // 2026-11-23T16:30:00Z is 2026-11-24 00:30 in Beijing.
        let ms = Date::new(2026, 11, 23).unwrap().to_days() * 86_400_000 + (16 * 60 + 30) * 60_000;
        assert_eq!(shanghai_date(ms), Date::new(2026, 11, 24).unwrap());
        assert_eq!(
            format_shanghai(ms, "北京时间"),
            "2026-11-24 00:30 (北京时间)"
        );
    }
}
