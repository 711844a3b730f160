//! Calendar invitations (RFC 5545) for video mediation sessions, made with the `icalendar` crate. Times are written
//! in Asia/Shanghai with the zone defined in the file (UTC+8 all year: China has no daylight saving time since 1991),
//! so a calendar anywhere shows the right hour.

use icalendar::{Calendar, Component, Property};

pub struct Invitation {
    /// Stable across changes: calendars update the entry they have instead of adding another.
    pub uid: String,
    /// The number of times the session moved: a calendar replaces an entry only with a higher one.
    pub sequence: u32,
    pub cancelled: bool,
    pub start_ms: i64,
    pub end_ms: i64,
    pub summary: String,
    /// The person's own join link, absolute.
    pub url: String,
    pub stamp_ms: i64,
}

const TZID: &str = "Asia/Shanghai";
const VTIMEZONE: &str =
    "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// `20261201T093000` in Asia/Shanghai.
fn local(ms: i64) -> String {
    let s = domain::slots::rfc3339_shanghai(ms); // 2026-12-01T09:30:00+08:00
    s[..19].replace(['-', ':'], "")
}

/// `20261201T013000Z`
fn utc(ms: i64) -> String {
    local(ms - 8 * 3_600_000) + "Z"
}

pub fn invitation(i: &Invitation) -> String {
    let mut event = icalendar::Event::new();
    event
        .uid(&i.uid)
        .sequence(i.sequence)
        .summary(&i.summary)
        .description(&format!("进入视频调解：{}\n开始前30分钟可以进入。", i.url))
        .url(&i.url)
        .append_property(Property::new("DTSTAMP", utc(i.stamp_ms)).done())
        .append_property(
            Property::new("DTSTART", local(i.start_ms))
                .add_parameter("TZID", TZID)
                .done(),
        )
        .append_property(
            Property::new("DTEND", local(i.end_ms))
                .add_parameter("TZID", TZID)
                .done(),
        )
        .append_property(Property::new(
            "STATUS",
            if i.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        ));
    let mut cal = Calendar::new();
    cal.append_property(Property::new(
        "METHOD",
        if i.cancelled { "CANCEL" } else { "REQUEST" },
    ))
    .push(event.done());
    let text = cal.done().to_string();
    // The crate has no time-zone component: the zone's definition goes before the event.
    match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{VTIMEZONE}{}", &text[..at], &text[at..]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(cancelled: bool, sequence: u32) -> String {
        // 2026-12-01 09:30 in Shanghai = 01:30 UTC.
        let start = 1_796_088_600_000;
        invitation(&Invitation {
            uid: "m1-respondent@mediation.court-portal".into(),
            sequence,
            cancelled,
            start_ms: start,
            end_ms: start + 3_600_000,
            summary: "视频调解".into(),
            url: "https://court.example/mediations/m1/meeting?t=x".into(),
            stamp_ms: start - 86_400_000,
        })
    }

    #[test]
    fn an_invitation_names_its_zone_times_uid_and_sequence() {
        let ics = sample(false, 2);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("METHOD:REQUEST\r\n"));
        assert!(
            ics.contains("DTSTART;TZID=Asia/Shanghai:20261201T093000\r\n"),
            "{ics}"
        );
        assert!(ics.contains("DTEND;TZID=Asia/Shanghai:20261201T103000\r\n"));
        assert!(ics.contains("DTSTAMP:20261130T013000Z\r\n"), "{ics}");
        assert!(ics.contains("UID:m1-respondent@mediation.court-portal\r\n"));
        assert!(ics.contains("SEQUENCE:2\r\n"));
        assert!(ics.contains("TZID:Asia/Shanghai\r\n") && ics.contains("TZOFFSETTO:+0800"));
        assert!(ics.find("BEGIN:VTIMEZONE").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
        assert!(ics.contains("VERSION:2.0") && ics.contains("PRODID"));
        // Lines are folded at 75 octets, as the RFC asks.
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
    }

    #[test]
    fn a_cancellation_says_so() {
        let ics = sample(true, 3);
        assert!(
            ics.contains("METHOD:CANCEL\r\n") && ics.contains("STATUS:CANCELLED\r\n"),
            "{ics}"
        );
        assert!(ics.contains("SEQUENCE:3\r\n"));
    }
}
