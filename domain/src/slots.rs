//! A mediator's truly free time slots, offered to the parties when they book a mediation session.
//!
//! Times are UTC milliseconds everywhere, as in the rest of the crate; the mediator's weekly windows are local
//! Asia/Shanghai time (UTC+8 all year, [`SHANGHAI_OFFSET_MS`]). A slot is offered when all of these hold:
//!
//! 1. it is cut from one of the mediator's [`WeeklyWindow`]s for that date's weekday, in [`SLOT_MINUTES`] steps from
//!    the window's start (a tail shorter than a slot offers nothing; [`validate_windows`] refuses such windows);
//! 2. the date is not a public holiday (法定节假日, [`HolidayCalendar::holidays`]) — even when a window exists for its
//!    weekday;
//! 3. the date is not inside one of the mediator's [`Absence`]s;
//! 4. it does not overlap any of the mediator's active bookings or holds (`taken`, each a start time lasting
//!    [`SLOT_MINUTES`]);
//! 5. it starts no sooner than `now + min_notice` (the parties and the mediator need time to prepare).
//!
//! Make-up working days (调休上班, [`HolidayCalendar::make_up_workdays`]) get nothing special: windows follow the
//! weekday, so a make-up Saturday offers the mediator's Saturday windows (usually none). Mediation is by
//! appointment, not a court sitting that must follow the State Council's swap; a mediator who does work that day
//! adds a Saturday window.

use crate::calendar::{add_days, weekday, HolidayCalendar};
use crate::date::SHANGHAI_OFFSET_MS;
use crate::Date;
use serde::{Deserialize, Serialize};

/// A weekly window of availability, local time: weekday 0=Monday..6=Sunday, minutes after local midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyWindow {
    pub weekday: u8,
    pub start_min: u16,
    pub end_min: u16,
}

/// Days off (leave, training…), both dates included, with a reason shown to staff only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Absence {
    pub from: Date,
    pub to: Date,
    pub reason: String,
}

/// One bookable session, `[start_ms, end_ms)` in UTC milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    pub start_ms: i64,
    pub end_ms: i64,
}

/// The length of a session, and of every booking in `taken`.
pub const SLOT_MINUTES: u16 = 60;

/// The longest look-ahead: `days` is clamped to this (two months, so a page of slots stays small).
pub const MAX_DAYS: u32 = 62;

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 86_400_000;
const SLOT_MS: i64 = SLOT_MINUTES as i64 * MINUTE_MS;

/// Everything [`free_slots`] and [`is_offered`] look at.
#[derive(Clone, Copy, Debug)]
pub struct SlotQuery<'a> {
    pub windows: &'a [WeeklyWindow],
    pub absences: &'a [Absence],
    pub calendar: &'a HolidayCalendar,
    /// start times (UTC ms) of the mediator's active bookings and holds
    pub taken: &'a [i64],
    /// the first local date looked at
    pub from: Date,
    /// how many dates from `from` (clamped to [`MAX_DAYS`])
    pub days: u32,
    pub now_ms: i64,
    /// no slot starting sooner than this after now
    pub min_notice_ms: i64,
}

/// The free slots of the dates `from .. from + days` (at most [`MAX_DAYS`]), sorted by start, under the rules of the
/// module documentation.
pub fn free_slots(q: &SlotQuery) -> Vec<Slot> {
    let mut taken = q.taken.to_vec();
    taken.sort_unstable();
    let earliest = q.now_ms.saturating_add(q.min_notice_ms);
    let mut out = Vec::new();
    for i in 0..q.days.min(MAX_DAYS) {
        let date = add_days(q.from, i64::from(i));
        let mut day: Vec<Slot> = candidates(q, date)
            .filter(|s| s.start_ms >= earliest && !overlaps_sorted(&taken, s))
            .collect();
        day.sort_unstable_by_key(|s| s.start_ms);
        day.dedup();
        out.extend(day);
    }
    out
}

/// Whether `start_ms` is the start of one of the free slots of its own local date, whatever `from` and `days` say:
/// the server re-checks a booking with this before it holds the slot.
pub fn is_offered(q: &SlotQuery, start_ms: i64) -> bool {
    let Some(local) = start_ms.checked_add(SHANGHAI_OFFSET_MS) else {
        return false;
    };
    let date = Date::from_days(local.div_euclid(DAY_MS));
    let earliest = q.now_ms.saturating_add(q.min_notice_ms);
    start_ms >= earliest
        && candidates(q, date)
            .filter(|s| s.start_ms == start_ms)
            .any(|s| !q.taken.iter().any(|&t| overlaps(t, &s)))
}

/// Checks windows as staff enter them: weekday 0–6, start before end, end at most 24:00, a length that is a whole
/// number of [`SLOT_MINUTES`] (nothing silently lost at a window's tail), and no two windows of one weekday
/// overlapping (touching is fine: 09:00–12:00 and 12:00–13:00).
pub fn validate_windows(w: &[WeeklyWindow]) -> Result<(), String> {
    for x in w {
        if x.weekday > 6 {
            return Err(format!(
                "{}: the weekday must be 0 (Monday) to 6 (Sunday)",
                describe(x)
            ));
        }
        if x.start_min >= x.end_min {
            return Err(format!(
                "{}: the window must end after it starts",
                describe(x)
            ));
        }
        if x.end_min > 24 * 60 {
            return Err(format!("{}: the window must end by 24:00", describe(x)));
        }
        if !(x.end_min - x.start_min).is_multiple_of(SLOT_MINUTES) {
            return Err(format!(
                "{}: the window's length must be a whole number of {SLOT_MINUTES}-minute sessions",
                describe(x)
            ));
        }
    }
    let mut sorted = w.to_vec();
    sorted.sort_unstable_by_key(|x| (x.weekday, x.start_min));
    for pair in sorted.windows(2) {
        if pair[0].weekday == pair[1].weekday && pair[1].start_min < pair[0].end_min {
            return Err(format!(
                "{} and {} overlap",
                describe(&pair[0]),
                describe(&pair[1])
            ));
        }
    }
    Ok(())
}

/// `weekday 1 09:00–11:00`, for the refusals of [`validate_windows`].
fn describe(x: &WeeklyWindow) -> String {
    let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    format!(
        "weekday {} {}–{}",
        x.weekday,
        hm(x.start_min),
        hm(x.end_min)
    )
}

/// The slots the windows cut on `date` before bookings and notice are looked at: nothing on a public holiday or
/// an absence.
fn candidates<'q>(q: &'q SlotQuery, date: Date) -> impl Iterator<Item = Slot> + 'q {
    let closed = q.calendar.holidays.contains(&date)
        || q.absences.iter().any(|a| a.from <= date && date <= a.to);
    let midnight = date
        .to_days()
        .checked_mul(DAY_MS)
        .and_then(|ms| ms.checked_sub(SHANGHAI_OFFSET_MS));
    let wd = weekday(date);
    q.windows
        .iter()
        .filter(move |w| !closed && w.weekday == wd)
        .flat_map(move |w| {
            // Whole slots only; a window past 24:00 is cut at midnight so a slot never leaves its date.
            let end = w.end_min.min(24 * 60);
            let starts = (w.start_min..end)
                .step_by(usize::from(SLOT_MINUTES))
                .filter(move |&m| m + SLOT_MINUTES <= end);
            starts.filter_map(move |m| {
                let start_ms = midnight?.checked_add(i64::from(m) * MINUTE_MS)?;
                Some(Slot {
                    start_ms,
                    end_ms: start_ms.checked_add(SLOT_MS)?,
                })
            })
        })
}

/// Whether a booking starting at `t` (lasting a slot) overlaps `s`.
fn overlaps(t: i64, s: &Slot) -> bool {
    t < s.end_ms && t.saturating_add(SLOT_MS) > s.start_ms
}

/// [`overlaps`] against any of `sorted`, by binary search.
fn overlaps_sorted(sorted: &[i64], s: &Slot) -> bool {
    let first_ending_after = sorted.partition_point(|&t| t.saturating_add(SLOT_MS) <= s.start_ms);
    sorted
        .get(first_ending_after)
        .is_some_and(|&t| overlaps(t, s))
}

/// An instant as RFC 3339 in Beijing time: `2026-12-01T09:00:00+08:00`, with `.mmm` when it has milliseconds.
pub fn rfc3339_shanghai(ms: i64) -> String {
    let local = i128::from(ms) + i128::from(SHANGHAI_OFFSET_MS);
    let day_ms = i128::from(DAY_MS);
    let date = Date::from_days(local.div_euclid(day_ms) as i64);
    let in_day = local.rem_euclid(day_ms) as i64;
    let (h, m, s, milli) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000,
    );
    let fraction = if milli == 0 {
        String::new()
    } else {
        format!(".{milli:03}")
    };
    format!("{date}T{h:02}:{m:02}:{s:02}{fraction}+08:00")
}

/// Reads an RFC 3339 date-time (`2026-12-01T09:00:00+08:00`, `2026-12-01T01:00:00Z`, `…T01:00:00.5Z`) into UTC
/// milliseconds: `T` (or `t`, or a space), seconds required, an optional fraction (1–9 digits, cut to
/// milliseconds), and `Z` or a `±HH:MM` offset. Anything else is `None`, never a panic: leap second 60, a date that
/// does not exist, a missing offset, non-ASCII text, an absurd length.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    // The longest accepted form is 35 bytes (nine fraction digits and an offset).
    if s.len() > 40 || !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let separators = at(4, b'-')
        && at(7, b'-')
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && at(13, b':')
        && at(16, b':');
    if !separators {
        return None;
    }
    let date = Date::new(
        i32::try_from(num(0, 4)?).ok()?,
        u8::try_from(num(5, 2)?).ok()?,
        u8::try_from(num(8, 2)?).ok()?,
    )?;
    let (h, mi, sec) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let mut i = 19;
    let mut milli = 0;
    if at(i, b'.') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        milli = num(i + 1, digits.min(3))? * 10i64.pow(3 - digits.min(3) as u32);
        i += 1 + digits;
    }
    let offset_ms = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let o = (oh * 60 + om) * MINUTE_MS;
            if *sign == b'-' {
                -o
            } else {
                o
            }
        }
        _ => return None,
    };
    Some(date.to_days() * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + milli - offset_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::shipped;
    use proptest::prelude::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// UTC ms of a local Beijing time.
    fn local(date: Date, h: i64, m: i64) -> i64 {
        date.to_days() * DAY_MS + (h * 60 + m) * MINUTE_MS - SHANGHAI_OFFSET_MS
    }

    fn w(weekday: u8, from_h: u16, to_h: u16) -> WeeklyWindow {
        WeeklyWindow {
            weekday,
            start_min: from_h * 60,
            end_min: to_h * 60,
        }
    }

    /// Monday to Friday 09:00–12:00 and 14:00–17:00.
    fn office_hours() -> Vec<WeeklyWindow> {
        (0..5)
            .flat_map(|wd| [w(wd, 9, 12), w(wd, 14, 17)])
            .collect()
    }

    fn query<'a>(
        windows: &'a [WeeklyWindow],
        absences: &'a [Absence],
        calendar: &'a HolidayCalendar,
        taken: &'a [i64],
        from: Date,
        days: u32,
    ) -> SlotQuery<'a> {
        SlotQuery {
            windows,
            absences,
            calendar,
            taken,
            from,
            days,
            now_ms: local(d(2026, 1, 1), 0, 0),
            min_notice_ms: 0,
        }
    }

    fn starts(slots: &[Slot]) -> Vec<String> {
        slots.iter().map(|s| rfc3339_shanghai(s.start_ms)).collect()
    }

    #[test]
    fn windows_are_cut_into_slots_in_beijing_time() {
        let cal = shipped();
        let windows = [w(1, 9, 11)]; // Tuesdays 09:00–11:00
                                     // Tuesday 1 December 2026.
        let q = query(&windows, &[], &cal, &[], d(2026, 12, 1), 1);
        let slots = free_slots(&q);
        assert_eq!(
            slots,
            vec![
                Slot {
                    start_ms: parse_rfc3339("2026-12-01T01:00:00Z").unwrap(),
                    end_ms: parse_rfc3339("2026-12-01T02:00:00Z").unwrap(),
                },
                Slot {
                    start_ms: parse_rfc3339("2026-12-01T02:00:00Z").unwrap(),
                    end_ms: parse_rfc3339("2026-12-01T03:00:00Z").unwrap(),
                },
            ]
        );
        assert_eq!(
            starts(&slots),
            ["2026-12-01T09:00:00+08:00", "2026-12-01T10:00:00+08:00"]
        );
    }

    #[test]
    fn a_public_holiday_offers_nothing_even_on_a_windowed_weekday() {
        let cal = shipped();
        let windows = office_hours();
        // National Day 2026: 1–7 October; Thursday 1 October to Wednesday 7 October are all holidays, Thursday 8
        // October is a working day. 30 September (Wednesday) is open.
        let q = query(&windows, &[], &cal, &[], d(2026, 9, 30), 9);
        let dates: Vec<Date> = free_slots(&q)
            .iter()
            .map(|s| crate::date::shanghai_date(s.start_ms))
            .collect();
        assert!(dates.contains(&d(2026, 9, 30)));
        assert!(dates.contains(&d(2026, 10, 8)));
        assert!(
            dates
                .iter()
                .all(|x| !(d(2026, 10, 1)..=d(2026, 10, 7)).contains(x)),
            "{dates:?}"
        );
        assert!(
            !is_offered(&q, local(d(2026, 10, 5), 9, 0)),
            "a Monday in the holiday"
        );
        assert!(is_offered(&q, local(d(2026, 10, 8), 9, 0)));
    }

    #[test]
    fn a_make_up_working_day_offers_the_windows_of_its_own_weekday_only() {
        let cal = shipped();
        // Saturday 10 October 2026 is a make-up working day; office hours have no Saturday window.
        let windows = office_hours();
        let q = query(&windows, &[], &cal, &[], d(2026, 10, 10), 1);
        assert!(free_slots(&q).is_empty());
        // A mediator who works Saturdays offers them, make-up day or not.
        let saturday = [w(5, 9, 10)];
        let q = query(&saturday, &[], &cal, &[], d(2026, 10, 10), 1);
        assert_eq!(starts(&free_slots(&q)), ["2026-10-10T09:00:00+08:00"]);
    }

    #[test]
    fn leave_offers_nothing_on_either_end_date_or_between() {
        let cal = shipped();
        let windows = office_hours();
        let leave = [Absence {
            from: d(2026, 11, 24),
            to: d(2026, 11, 26),
            reason: "培训".into(),
        }];
        // Monday 23 to Friday 27 November 2026.
        let q = query(&windows, &leave, &cal, &[], d(2026, 11, 23), 5);
        let dates: Vec<Date> = free_slots(&q)
            .iter()
            .map(|s| crate::date::shanghai_date(s.start_ms))
            .collect();
        assert_eq!(dates.len(), 2 * 6);
        assert!(dates
            .iter()
            .all(|x| *x == d(2026, 11, 23) || *x == d(2026, 11, 27)));
    }

    #[test]
    fn a_taken_slot_and_anything_overlapping_a_booking_is_not_offered() {
        let cal = shipped();
        let windows = [w(1, 9, 12)];
        let day = d(2026, 12, 1);
        // A booking at exactly 09:00, and a hold at 10:30 that overlaps both 10:00 and 11:00.
        let taken = [local(day, 9, 0), local(day, 10, 30)];
        let q = query(&windows, &[], &cal, &taken, day, 1);
        assert!(free_slots(&q).is_empty());
        let taken = [local(day, 10, 0)];
        let q = query(&windows, &[], &cal, &taken, day, 1);
        assert_eq!(
            starts(&free_slots(&q)),
            ["2026-12-01T09:00:00+08:00", "2026-12-01T11:00:00+08:00"]
        );
        assert!(!is_offered(&q, local(day, 10, 0)));
        // A booking ending exactly when a slot starts does not overlap it.
        let taken = [local(day, 8, 0)];
        let q = query(&windows, &[], &cal, &taken, day, 1);
        assert_eq!(free_slots(&q).len(), 3);
    }

    #[test]
    fn nothing_starts_within_the_notice_period() {
        let cal = shipped();
        let windows = [w(1, 9, 12)];
        let day = d(2026, 12, 1);
        let mut q = query(&windows, &[], &cal, &[], day, 1);
        // Now is 08:00 that morning, 90 minutes' notice: 09:00 is too soon, 10:00 is not.
        q.now_ms = local(day, 8, 0);
        q.min_notice_ms = 90 * MINUTE_MS;
        assert_eq!(
            starts(&free_slots(&q)),
            ["2026-12-01T10:00:00+08:00", "2026-12-01T11:00:00+08:00"]
        );
        assert!(!is_offered(&q, local(day, 9, 0)));
        // Exactly at the limit is allowed.
        q.min_notice_ms = 2 * 60 * MINUTE_MS;
        assert!(is_offered(&q, local(day, 10, 0)));
        // Slots already past are never offered.
        q.now_ms = local(day, 13, 0);
        q.min_notice_ms = 0;
        assert!(free_slots(&q).is_empty());
    }

    #[test]
    fn a_window_at_the_end_of_the_local_day_stays_on_its_date() {
        let cal = HolidayCalendar::default();
        let windows = [WeeklyWindow {
            weekday: 1,
            start_min: 23 * 60,
            end_min: 24 * 60,
        }];
        let q = query(&windows, &[], &cal, &[], d(2026, 12, 1), 1);
        let slots = free_slots(&q);
        assert_eq!(starts(&slots), ["2026-12-01T23:00:00+08:00"]);
        // 23:00 Beijing is 15:00 UTC the same day; the slot ends at local midnight.
        assert_eq!(
            rfc3339_shanghai(slots[0].end_ms),
            "2026-12-02T00:00:00+08:00"
        );
        assert_eq!(
            slots[0].start_ms,
            parse_rfc3339("2026-12-01T15:00:00Z").unwrap()
        );
    }

    #[test]
    fn days_are_clamped_to_the_maximum() {
        let cal = HolidayCalendar::default();
        let every_day: Vec<WeeklyWindow> = (0..7).map(|wd| w(wd, 9, 10)).collect();
        let q = query(&every_day, &[], &cal, &[], d(2026, 12, 1), 10_000);
        let slots = free_slots(&q);
        assert_eq!(slots.len(), MAX_DAYS as usize);
        assert_eq!(
            crate::date::shanghai_date(slots.last().unwrap().start_ms),
            add_days(d(2026, 12, 1), i64::from(MAX_DAYS) - 1)
        );
        let q = query(&every_day, &[], &cal, &[], d(2026, 12, 1), 0);
        assert!(free_slots(&q).is_empty());
    }

    #[test]
    fn is_offered_agrees_with_free_slots_and_ignores_the_look_ahead() {
        let cal = shipped();
        let windows = office_hours();
        let day = d(2026, 12, 1);
        let taken = [local(day, 10, 0)];
        let q = query(&windows, &[], &cal, &taken, d(2026, 11, 23), 14);
        let free = free_slots(&q);
        for date in 0..14 {
            let date = add_days(d(2026, 11, 23), date);
            for minute in (0..24 * 60).step_by(30) {
                let start = local(date, 0, minute);
                assert_eq!(
                    is_offered(&q, start),
                    free.iter().any(|s| s.start_ms == start),
                    "{}",
                    rfc3339_shanghai(start)
                );
            }
        }
        // A date far beyond `from + days` is judged on its own.
        let later = query(&windows, &[], &cal, &[], d(2026, 1, 1), 1);
        assert!(is_offered(&later, local(d(2026, 12, 15), 14, 0)));
        assert!(
            !is_offered(&later, local(d(2026, 12, 15), 14, 30)),
            "not a slot start"
        );
        assert!(
            !is_offered(&later, local(d(2026, 12, 15), 12, 0)),
            "outside the windows"
        );
        assert!(!is_offered(&later, i64::MAX) && !is_offered(&later, i64::MIN));
    }

    #[test]
    fn windows_that_cannot_be_right_are_refused() {
        assert_eq!(validate_windows(&office_hours()), Ok(()));
        assert_eq!(validate_windows(&[]), Ok(()));
        // Touching windows are fine; a whole day too.
        assert_eq!(validate_windows(&[w(0, 9, 12), w(0, 12, 13)]), Ok(()));
        assert_eq!(validate_windows(&[w(6, 0, 24)]), Ok(()));
        // The same hours on different days are fine.
        assert_eq!(validate_windows(&[w(0, 9, 12), w(1, 9, 12)]), Ok(()));
        let refused = [
            vec![w(7, 9, 12)],
            vec![w(0, 12, 9)],
            vec![w(0, 9, 9)],
            vec![w(0, 23, 25)],
            vec![WeeklyWindow {
                weekday: 0,
                start_min: 9 * 60,
                end_min: 11 * 60 + 30,
            }],
            vec![w(2, 9, 12), w(2, 11, 14)],
            vec![w(2, 14, 17), w(3, 9, 10), w(2, 9, 15)],
        ];
        for r in refused {
            assert!(validate_windows(&r).is_err(), "{r:?}");
        }
        assert_eq!(
            validate_windows(&[w(2, 9, 12), w(2, 11, 14)]),
            Err("weekday 2 09:00–12:00 and weekday 2 11:00–14:00 overlap".into())
        );
    }

    #[test]
    fn slots_format_and_parse_as_rfc3339() {
        let nine = local(d(2026, 12, 1), 9, 0);
        assert_eq!(rfc3339_shanghai(nine), "2026-12-01T09:00:00+08:00");
        assert_eq!(parse_rfc3339("2026-12-01T09:00:00+08:00"), Some(nine));
        assert_eq!(parse_rfc3339("2026-12-01T01:00:00Z"), Some(nine));
        assert_eq!(parse_rfc3339("2026-12-01t01:00:00z"), Some(nine));
        assert_eq!(parse_rfc3339("2026-12-01 01:00:00Z"), Some(nine));
        assert_eq!(parse_rfc3339("2026-11-30T20:00:00-05:00"), Some(nine));
        assert_eq!(parse_rfc3339("2026-12-01T01:00:00.5Z"), Some(nine + 500));
        assert_eq!(
            parse_rfc3339("2026-12-01T01:00:00.123456789Z"),
            Some(nine + 123)
        );
        assert_eq!(rfc3339_shanghai(nine + 7), "2026-12-01T09:00:00.007+08:00");
        assert_eq!(parse_rfc3339(&rfc3339_shanghai(nine + 7)), Some(nine + 7));
        assert_eq!(rfc3339_shanghai(0), "1970-01-01T08:00:00+08:00");
        assert_eq!(rfc3339_shanghai(-1), "1970-01-01T07:59:59.999+08:00");
        // Extremes format without panicking.
        assert!(rfc3339_shanghai(i64::MAX).ends_with("+08:00"));
        assert!(rfc3339_shanghai(i64::MIN).ends_with("+08:00"));
    }

    #[test]
    fn odd_date_times_are_refused_without_panicking() {
        let long = "2026-12-01T09:00:00".to_string() + &"0".repeat(10_000) + "Z";
        let odd = [
            "",
            "2026-12-01",
            "2026-12-01T09:00:00",
            "2026-12-01T09:00Z",
            "2026-12-01T09:00:00+08",
            "2026-12-01T09:00:00+0800",
            "2026-12-01T09:00:00+08:00 ",
            " 2026-12-01T09:00:00Z",
            "2026-12-01T09:00:00ZZ",
            "2026-12-01T09:00:00.Z",
            "2026-12-01T09:00:00.1234567890Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T09:60:00Z",
            "2026-12-31T23:59:60Z",
            "2026-02-29T09:00:00Z",
            "2026-13-01T09:00:00Z",
            "2026-00-01T09:00:00Z",
            "2026-12-01T09:00:00+24:00",
            "2026-12-01T09:00:00+08:60",
            "+2026-12-01T09:00:00Z",
            "2026-1-01T09:00:00Z",
            "2026-12-01T9:00:00Z",
            "2026-12-01T+9:00:00Z",
            "2026-12-01T09:00:-1Z",
            "２０２６-12-01T09:00:00Z",
            "2026-12-01T09:00:00＋08:00",
            "2026-12-01T09:00:00\u{0}Z",
            "2026年12月1日9时",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
            "2026-12-01T09:00:00.🙂Z",
            &long,
        ];
        for s in odd {
            assert_eq!(parse_rfc3339(s), None, "{s:?}");
        }
        // Every prefix of a valid string but the whole is refused.
        let ok = "2026-12-01T09:00:00.250+08:00";
        for end in 0..ok.len() {
            assert_eq!(parse_rfc3339(&ok[..end]), None, "{}", &ok[..end]);
        }
        assert!(parse_rfc3339(ok).is_some());
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "\\PC{0,50}") {
            let _ = parse_rfc3339(&s);
        }

        #[test]
        fn format_and_parse_round_trip(ms in -60_000_000_000_000i64..250_000_000_000_000) {
            prop_assert_eq!(parse_rfc3339(&rfc3339_shanghai(ms)), Some(ms));
        }

        #[test]
        fn no_offered_slot_overlaps_a_booking_or_falls_on_a_day_off(
            raw_windows in proptest::collection::vec((0u8..7, 0u16..24, 1u16..6), 0..12),
            taken_offsets in proptest::collection::vec(0i64..(70 * 24 * 60), 0..40),
            leave in proptest::collection::vec((0i64..70, 0i64..5), 0..3),
            from_offset in 0i64..400,
            days in 0u32..80,
            now_offset in -(3 * 24 * 60)..(40i64 * 24 * 60),
            notice_min in 0i64..(3 * 24 * 60),
        ) {
            let cal = shipped();
            // 2026-01-01 + offset: the shipped 2026 holidays and beyond.
            let from = add_days(d(2025, 12, 1), from_offset);
            let windows: Vec<WeeklyWindow> = raw_windows
                .iter()
                .map(|&(wd, h, len)| WeeklyWindow {
                    weekday: wd,
                    start_min: h * 60,
                    end_min: (h * 60 + len * SLOT_MINUTES).min(24 * 60),
                })
                .collect();
            let base = local(from, 0, 0);
            // Bookings at any minute, not only on slot boundaries.
            let taken: Vec<i64> = taken_offsets.iter().map(|m| base + m * MINUTE_MS).collect();
            let absences: Vec<Absence> = leave
                .iter()
                .map(|&(start, len)| Absence {
                    from: add_days(from, start),
                    to: add_days(from, start + len),
                    reason: "年休假".into(),
                })
                .collect();
            let q = SlotQuery {
                windows: &windows,
                absences: &absences,
                calendar: &cal,
                taken: &taken,
                from,
                days,
                now_ms: base + now_offset * MINUTE_MS,
                min_notice_ms: notice_min * MINUTE_MS,
            };
            let free = free_slots(&q);
            prop_assert!(free.windows(2).all(|p| p[0].start_ms < p[1].start_ms));
            for s in &free {
                prop_assert_eq!(s.end_ms - s.start_ms, SLOT_MS);
                prop_assert!(s.start_ms >= q.now_ms + q.min_notice_ms);
                for &t in &taken {
                    prop_assert!(t + SLOT_MS <= s.start_ms || t >= s.end_ms, "{} overlaps {}", t, s.start_ms);
                }
                let date = crate::date::shanghai_date(s.start_ms);
                prop_assert!(date >= from && date < add_days(from, i64::from(days.min(MAX_DAYS))));
                prop_assert!(!cal.holidays.contains(&date));
                prop_assert!(absences.iter().all(|a| date < a.from || date > a.to));
                prop_assert!(is_offered(&q, s.start_ms));
            }
            // And nothing free_slots leaves out is offered, on the slot grid of every date it looked at.
            for i in 0..i64::from(days.min(MAX_DAYS)) {
                for half_hour in 0..48 {
                    let start = local(add_days(from, i), 0, half_hour * 30);
                    prop_assert_eq!(is_offered(&q, start), free.iter().any(|s| s.start_ms == start));
                }
            }
        }
    }
}
