//! 民间借贷利率上限 — how much interest a private loan may carry, and the one-year loan prime rate it is measured
//! by.
//!
//! 《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》(法释〔2020〕17号) Art. 25: interest at the agreed rate is
//! supported, except where the agreed rate exceeds four times the one-year loan prime rate at the time the contract
//! was made; "the one-year loan prime rate" is the one-year rate the National Interbank Funding Center publishes
//! monthly since 2019-08-20 under the People's Bank's authority (全国银行间同业拆借中心公布的贷款市场报价利率).
//! Art. 31: for a contract made before 2020-08-20 and sued on after it, interest from 2020-08-20 on is measured by the
//! rate at the time of filing.
//!
//! Rates are kept in basis points (hundredths of a percent), so the cap is integer arithmetic like the fees.

use crate::{Date, FieldError};

/// One fixing of the one-year loan prime rate (一年期贷款市场报价利率) and the day it took effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LprFixing {
    pub from: Date,
    /// Basis points: 3.1 % is 310.
    pub basis_points: u32,
}

const fn fixing(year: i32, month: u8, day: u8, basis_points: u32) -> LprFixing {
    LprFixing {
        from: Date { year, month, day },
        basis_points,
    }
}

/// The one-year LPR as the National Interbank Funding Center announced each change (全国银行间同业拆借中心公布的贷款市场
/// 报价利率), oldest first, from the fixing in force when the 2020 Provisions took effect (2020-08-20). Data: a new
/// announcement that changes the one-year rate is one more row.
pub const ONE_YEAR_LPR: &[LprFixing] = &[
    fixing(2020, 4, 20, 385),
    fixing(2021, 12, 20, 380),
    fixing(2022, 1, 20, 370),
    fixing(2022, 8, 22, 365),
    fixing(2023, 6, 20, 355),
    fixing(2023, 8, 21, 345),
    fixing(2024, 7, 22, 335),
    fixing(2024, 10, 21, 310),
    fixing(2025, 5, 20, 300),
];

/// The day the 2020 Provisions' cap of four times the LPR began (Art. 31 for contracts made before it).
pub const FOUR_TIMES_LPR_FROM: Date = Date {
    year: 2020,
    month: 8,
    day: 20,
};

/// The one-year LPR in force on `day`; `None` before the table's first row.
pub fn one_year_lpr_on(day: Date) -> Option<LprFixing> {
    ONE_YEAR_LPR.iter().rev().find(|f| f.from <= day).copied()
}

/// The cap on a private loan's annual interest rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InterestCap {
    /// The LPR fixing the cap is four times of.
    pub lpr: LprFixing,
    /// The day whose LPR counts: the contract's, or for a contract made before 2020-08-20 the filing day's (Art. 31).
    pub taken_on: Date,
    pub cap_basis_points: u32,
    /// The contract was made before 2020-08-20: the cap is for interest from that day on (Art. 31).
    pub transitional: bool,
}

/// The cap of Art. 25 for a contract made on `contract_on` and sued on `filed_on`.
pub fn private_lending_cap(contract_on: Date, filed_on: Date) -> Option<InterestCap> {
    let transitional = contract_on < FOUR_TIMES_LPR_FROM;
    let taken_on = if transitional { filed_on } else { contract_on };
    let lpr = one_year_lpr_on(taken_on)?;
    Some(InterestCap {
        lpr,
        taken_on,
        cap_basis_points: lpr.basis_points * 4,
        transitional,
    })
}

/// Reads an annual rate in percent as people type it (`24`, `24%`, `14.6 %`, `２４％`) into basis points. Up to two
/// decimals; at most 1,000 %.
pub fn parse_rate(raw: &str) -> Result<u32, FieldError> {
    let s: String = raw
        .trim()
        .trim_end_matches(['%', '％'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if int.is_empty()
        || int.len() > 4
        || frac.len() > 2
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(FieldError::RateFormat);
    }
    let whole: u32 = int.parse().map_err(|_| FieldError::RateFormat)?;
    let hundredths: u32 = format!("{frac:0<2}")
        .parse()
        .map_err(|_| FieldError::RateFormat)?;
    let bp = whole * 100 + hundredths;
    if bp > 100_000 {
        return Err(FieldError::RateFormat);
    }
    Ok(bp)
}

/// Basis points as a percentage without trailing zeros: 1460 → `14.6%`, 1200 → `12%`, 385 → `3.85%`.
pub fn percent(basis_points: u32) -> String {
    let (whole, frac) = (basis_points / 100, basis_points % 100);
    match frac {
        0 => format!("{whole}%"),
        f if f.is_multiple_of(10) => format!("{whole}.{}%", f / 10),
        f => format!("{whole}.{f:02}%"),
    }
}

/// The first date a text states — `2023年3月5日`, `2023年3月` (the 1st: the LPR has only fallen since 2019, so the
/// month's first day gives the highest rate of that month and never a cap lower than the real one), `2023-03-05`,
/// `2023.3.5`, `2023/3/5` — with full-width digits read too. Facts usually open with when the money was lent.
pub fn first_date_in(text: &str) -> Option<Date> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    let number = |from: usize, max_len: usize| -> Option<(u32, usize)> {
        let len = chars[from..]
            .iter()
            .take(max_len + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if len == 0 || len > max_len {
            return None;
        }
        let n = chars[from..from + len]
            .iter()
            .fold(0u32, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
        Some((n, from + len))
    };
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts_number {
            if let Some((year, after_year)) = number(i, 4).filter(|(_, end)| end - i == 4) {
                let sep = chars.get(after_year).copied();
                let (month_sep, day_sep) = match sep {
                    Some('年') => ('月', Some('日')),
                    Some(c @ ('-' | '.' | '/')) => (c, None),
                    _ => (' ', None),
                };
                if month_sep != ' ' {
                    if let Some((month, after_month)) = number(after_year + 1, 2) {
                        let chinese = day_sep.is_some();
                        let next = chars.get(after_month).copied();
                        if chinese && next == Some('月') || !chinese && next == Some(month_sep) {
                            let day = number(after_month + 1, 2)
                                .filter(|(_, end)| !chinese || chars.get(*end).copied() == day_sep)
                                .map(|(d, _)| d);
                            let day = match (day, chinese) {
                                (Some(d), _) => Some(d),
                                (None, true) => Some(1),
                                (None, false) => None,
                            };
                            if let Some(date) = day.and_then(|d| {
                                Date::new(
                                    year as i32,
                                    u8::try_from(month).ok()?,
                                    u8::try_from(d).ok()?,
                                )
                            }) {
                                return Some(date);
                            }
                        }
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// An annual rate a claim's text states (`按年利率24%计算`, `年化利率14.6％`, `年息12%`), in basis points.
pub fn stated_annual_rate(text: &str) -> Option<u32> {
    let at = ["年利率", "年化利率", "年息", "年化"]
        .iter()
        .filter_map(|k| text.find(k).map(|i| i + k.len()))
        .min()?;
    let rest = &text[at..];
    let start = rest.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))?;
    let number: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || matches!(c, '.' | '．'))
        .collect();
    let after = rest[start + number.len()..].trim_start();
    (after.starts_with('%') || after.starts_with('％'))
        .then(|| parse_rate(&number).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn the_lpr_of_a_day_is_the_last_fixing_in_force() {
        assert_eq!(one_year_lpr_on(d(2023, 3, 1)).unwrap().basis_points, 365);
        assert_eq!(one_year_lpr_on(d(2023, 6, 19)).unwrap().basis_points, 365);
        assert_eq!(one_year_lpr_on(d(2023, 6, 20)).unwrap().basis_points, 355);
        assert_eq!(one_year_lpr_on(d(2026, 11, 23)).unwrap().basis_points, 300);
        assert_eq!(one_year_lpr_on(d(2020, 4, 19)), None);
        // Oldest first, each a change.
        assert!(ONE_YEAR_LPR
            .windows(2)
            .all(|w| w[0].from < w[1].from && w[0].basis_points != w[1].basis_points));
    }

    #[test]
    fn the_cap_is_four_times_the_lpr_when_the_contract_was_made() {
        // Art. 25: a loan of March 2023 — 3.65 % × 4.
        let cap = private_lending_cap(d(2023, 3, 1), d(2026, 11, 23)).unwrap();
        assert_eq!((cap.cap_basis_points, cap.transitional), (1460, false));
        // Art. 31: a loan of 2019 — from 2020-08-20 the filing day's rate counts.
        let cap = private_lending_cap(d(2019, 5, 1), d(2026, 11, 23)).unwrap();
        assert_eq!((cap.cap_basis_points, cap.transitional), (1200, true));
        assert_eq!(cap.taken_on, d(2026, 11, 23));
    }

    #[test]
    fn rates_are_read_as_typed() {
        assert_eq!(parse_rate("24"), Ok(2400));
        assert_eq!(parse_rate(" 14.6 % "), Ok(1460));
        assert_eq!(parse_rate("２４％"), Ok(2400));
        assert_eq!(parse_rate("3.85"), Ok(385));
        assert_eq!(parse_rate(""), Err(FieldError::Required));
        assert_eq!(parse_rate("两分"), Err(FieldError::RateFormat));
        assert_eq!(parse_rate("1.234"), Err(FieldError::RateFormat));
        assert_eq!(parse_rate("-3"), Err(FieldError::RateFormat));
        assert_eq!(parse_rate("5000"), Err(FieldError::RateFormat));
        assert_eq!(percent(1460), "14.6%");
        assert_eq!(percent(1200), "12%");
        assert_eq!(percent(385), "3.85%");
    }

    #[test]
    fn the_first_date_of_the_facts_is_found() {
        assert_eq!(
            first_date_in("原被告系朋友。2023年3月被告向原告借款10万元"),
            Some(d(2023, 3, 1))
        );
        assert_eq!(
            first_date_in("２０２２年１１月５日借款"),
            Some(d(2022, 11, 5))
        );
        assert_eq!(first_date_in("于2021-12-31出具借条"), Some(d(2021, 12, 31)));
        assert_eq!(first_date_in("借款10000元，约定2年内归还"), None);
        assert_eq!(first_date_in("2023年13月"), None);
    }

    #[test]
    fn a_rate_stated_in_a_claim_is_read() {
        assert_eq!(
            stated_annual_rate("判令被告支付利息（以10万元为基数，按年利率24%计算至实际清偿之日）"),
            Some(2400)
        );
        assert_eq!(stated_annual_rate("按年息 12 ％ 计付利息"), Some(1200));
        assert_eq!(stated_annual_rate("按一年期贷款市场报价利率计付利息"), None);
    }
}
