//! Amounts in capital figures (人民币大写), as Chinese financial documents write them: the mediation agreement
//! shows every amount twice, in figures and in words, so that neither can be altered alone.
//!
//! The rules are those of the People's Bank of China, 《支付结算办法》 (银发〔1997〕393号) 附件一
//! 《正确填写票据和结算凭证的基本规定》:
//!
//! - Item 1: the characters 零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整; never 一二三, 十, 毛, 另 or 0.
//! - Item 2: an amount that stops at 元 ends with 整; after 角 整 may be left out (it is, here, as in the Rules'
//!   own example 人民币壹仟肆佰零玖元伍角); after 分 never 整.
//! - Item 3: the words follow "人民币" with no gap.
//! - Item 4: zeros are written as the language reads them and so that nothing can be slipped in:
//!   - 4(1) a 0 between digits is written 零: ￥1,409.50 → 人民币壹仟肆佰零玖元伍角;
//!   - 4(2) several 0s in a row are written with one 零: ￥6,007.14 → 人民币陆仟零柒元壹角肆分;
//!   - 4(3) when the 万 or 元 digit is 0 and the 千 or 角 digit is not, one 零 may be written or not: of the two
//!     forms the Rules allow, this module writes the first of each example: ￥1,680.32 → 人民币壹仟陆佰捌拾元零叁角贰分
//!     (零 after 元) and ￥107,000.53 → 人民币壹拾万柒仟元零伍角叁分 (no 零 after 万). That is: inside the yuan a
//!     zero is written only between two written digits, and 零 follows 元 whenever the 元 digit is 0 and 角 is not;
//!   - 4(4) when the 角 digit is 0 and the 分 digit is not, 零 follows 元: ￥325.04 → 人民币叁佰贰拾伍元零肆分.
//!
//! Choices where the Rules say nothing, written down so the browser and the server agree:
//!
//! - 拾 at the head of a number is written 壹拾 (￥10.00 → 人民币壹拾元整), as banks write it against alteration.
//! - Below one yuan there is no 元: ￥0.50 → 人民币伍角, ￥0.05 → 人民币伍分; zero is 人民币零元整.
//! - A negative amount (a refund, a set-off) puts 负 right after 人民币, so item 3's "no gap" still holds:
//!   人民币负叁万元整.
//! - Past 9,999亿 the units go on as spoken and as official statistics write them: 壹万亿 is 10¹², 壹亿亿 10¹⁶. Every
//!   `i64` is written, `i64::MIN` and `i64::MAX` included; nothing panics.

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// The amount `fen` (1/100 yuan) in capital figures, per the PBOC Rules cited in the module documentation:
/// 3,000,000 fen → 人民币叁万元整, 100,550 → 人民币壹仟零伍元伍角, 100,507 → 人民币壹仟零伍元零柒分.
pub fn capital_yuan(fen: i64) -> String {
    let abs = fen.unsigned_abs();
    let (yuan, jiao, fen_digit) = (abs / 100, (abs / 10 % 10) as usize, (abs % 10) as usize);
    let mut out = String::from("人民币");
    if fen < 0 {
        out.push('负');
    }
    if abs == 0 {
        out.push_str("零元整");
        return out;
    }
    if yuan > 0 {
        push_integer(yuan, &mut out);
        out.push('元');
    }
    // Item 4(3): 元 digit 0 and 角 not → 零; item 4(4): 角 0 and 分 not → 零 (both only after a written 元).
    let zero_after_yuan = yuan > 0
        && match (jiao, fen_digit) {
            (0, 0) => false,
            (0, _) => true,
            (_, _) => yuan % 10 == 0,
        };
    if zero_after_yuan {
        out.push('零');
    }
    match (jiao, fen_digit) {
        (0, 0) => out.push('整'),
        (j, 0) => {
            out.push(DIGITS[j]);
            out.push('角');
        }
        (0, f) => {
            out.push(DIGITS[f]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j]);
            out.push('角');
            out.push(DIGITS[f]);
            out.push('分');
        }
    }
    out
}

/// `n` ≥ 1 in words, 亿 and 万 as the language groups them; a 零 where a group below a written unit starts with 0.
fn push_integer(n: u64, out: &mut String) {
    const YI: u64 = 100_000_000;
    const WAN: u64 = 10_000;
    if n >= YI {
        push_integer(n / YI, out);
        out.push('亿');
        let rest = n % YI;
        if rest > 0 {
            if rest < YI / 10 {
                out.push('零');
            }
            push_integer(rest, out);
        }
    } else if n >= WAN {
        push_below_wan(n / WAN, out);
        out.push('万');
        let rest = n % WAN;
        if rest > 0 {
            if rest < WAN / 10 {
                out.push('零');
            }
            push_below_wan(rest, out);
        }
    } else {
        push_below_wan(n, out);
    }
}

/// `n` in 1..10,000: leading zeros dropped, a run of zeros between digits written as one 零, trailing zeros dropped.
fn push_below_wan(n: u64, out: &mut String) {
    const UNITS: [&str; 4] = ["仟", "佰", "拾", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let (mut started, mut zero_pending) = (false, false);
    for (d, unit) in digits.into_iter().zip(UNITS) {
        if d == 0 {
            zero_pending = started;
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        out.push(DIGITS[d as usize]);
        out.push_str(unit);
        started = true;
    }
}

/// The amount in figures as it stands next to the words: thousands separated by commas, always two decimals,
/// a minus sign in front when negative: 3,000,000 fen → `30,000.00`, -5 → `-0.05`.
pub fn yuan_figures(fen: i64) -> String {
    let abs = fen.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut out = String::with_capacity(whole.len() * 4 / 3 + 4);
    if fen < 0 {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(&format!(".{:02}", abs % 100));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Yuan and fen as figures are written: `fen(1409, 50)` is ￥1,409.50.
    fn fen(yuan: i64, cents: i64) -> i64 {
        yuan * 100 + cents
    }

    #[test]
    fn the_rules_worked_examples_in_their_first_form() {
        // Item 4(1)–(4) of 《正确填写票据和结算凭证的基本规定》.
        assert_eq!(capital_yuan(fen(1409, 50)), "人民币壹仟肆佰零玖元伍角");
        assert_eq!(capital_yuan(fen(6007, 14)), "人民币陆仟零柒元壹角肆分");
        assert_eq!(
            capital_yuan(fen(1680, 32)),
            "人民币壹仟陆佰捌拾元零叁角贰分"
        );
        assert_eq!(
            capital_yuan(fen(107_000, 53)),
            "人民币壹拾万柒仟元零伍角叁分"
        );
        assert_eq!(
            capital_yuan(fen(16_409, 2)),
            "人民币壹万陆仟肆佰零玖元零贰分"
        );
        assert_eq!(capital_yuan(fen(325, 4)), "人民币叁佰贰拾伍元零肆分");
    }

    #[test]
    fn an_amount_that_stops_at_yuan_ends_with_zheng_and_jiao_or_fen_never_do() {
        assert_eq!(capital_yuan(fen(30_000, 0)), "人民币叁万元整");
        assert_eq!(capital_yuan(fen(10, 0)), "人民币壹拾元整");
        assert_eq!(capital_yuan(fen(1005, 50)), "人民币壹仟零伍元伍角");
        assert_eq!(capital_yuan(fen(1005, 7)), "人民币壹仟零伍元零柒分");
        assert_eq!(capital_yuan(fen(1, 11)), "人民币壹元壹角壹分");
        assert_eq!(capital_yuan(fen(20, 30)), "人民币贰拾元零叁角");
    }

    #[test]
    fn shi_at_the_head_is_written_yi_shi() {
        assert_eq!(capital_yuan(fen(15, 0)), "人民币壹拾伍元整");
        assert_eq!(capital_yuan(fen(100_000, 0)), "人民币壹拾万元整");
        assert_eq!(capital_yuan(fen(110, 0)), "人民币壹佰壹拾元整");
    }

    #[test]
    fn zeros_between_digits_are_one_ling_and_wan_yi_groups_start_with_ling_when_short() {
        assert_eq!(capital_yuan(fen(100_700, 0)), "人民币壹拾万零柒佰元整");
        assert_eq!(capital_yuan(fen(1_000_001, 0)), "人民币壹佰万零壹元整");
        assert_eq!(capital_yuan(fen(10_010_000, 0)), "人民币壹仟零壹万元整");
        assert_eq!(capital_yuan(fen(100_000_000, 0)), "人民币壹亿元整");
        assert_eq!(capital_yuan(fen(100_010_000, 0)), "人民币壹亿零壹万元整");
        assert_eq!(capital_yuan(fen(120_000_000, 0)), "人民币壹亿贰仟万元整");
        assert_eq!(capital_yuan(fen(1_000_000_000, 0)), "人民币壹拾亿元整");
        assert_eq!(
            capital_yuan(fen(1_234_567_890, 12)),
            "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"
        );
    }

    #[test]
    fn below_one_yuan_there_is_no_yuan_and_zero_is_ling_yuan_zheng() {
        assert_eq!(capital_yuan(0), "人民币零元整");
        assert_eq!(capital_yuan(50), "人民币伍角");
        assert_eq!(capital_yuan(5), "人民币伍分");
        assert_eq!(capital_yuan(53), "人民币伍角叁分");
    }

    #[test]
    fn negative_amounts_put_fu_after_renminbi() {
        assert_eq!(capital_yuan(-fen(30_000, 0)), "人民币负叁万元整");
        assert_eq!(capital_yuan(-5), "人民币负伍分");
    }

    #[test]
    fn past_wan_yi_the_units_go_on_and_no_i64_panics() {
        assert_eq!(capital_yuan(fen(1_000_000_000_000, 0)), "人民币壹万亿元整");
        assert_eq!(
            capital_yuan(fen(1_234_500_000_000, 0)),
            "人民币壹万贰仟叁佰肆拾伍亿元整"
        );
        assert_eq!(
            capital_yuan(fen(10_000_000_000_000_000, 0)),
            "人民币壹亿亿元整"
        );
        // i64::MAX fen = ￥92,233,720,368,547,758.07.
        assert_eq!(
            capital_yuan(i64::MAX),
            "人民币玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"
        );
        assert_eq!(
            capital_yuan(i64::MIN),
            "人民币负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分"
        );
    }

    #[test]
    fn figures_have_thousands_separators_and_two_decimals() {
        assert_eq!(yuan_figures(3_000_000), "30,000.00");
        assert_eq!(yuan_figures(0), "0.00");
        assert_eq!(yuan_figures(5), "0.05");
        assert_eq!(yuan_figures(-5), "-0.05");
        assert_eq!(yuan_figures(fen(999, 99)), "999.99");
        assert_eq!(yuan_figures(fen(1000, 0)), "1,000.00");
        assert_eq!(yuan_figures(fen(107_000, 53)), "107,000.53");
        assert_eq!(yuan_figures(fen(-1_234_567, 8)), "-1,234,566.92");
        assert_eq!(yuan_figures(i64::MAX), "92,233,720,368,547,758.07");
        assert_eq!(yuan_figures(i64::MIN), "-92,233,720,368,547,758.08");
    }

    /// Reads the words back: the inverse the tests use to check every amount is written unambiguously.
    fn read_back(words: &str) -> Option<i64> {
        let body = words.strip_prefix("人民币")?;
        let (negative, body) = match body.strip_prefix('负') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let mut total: i128 = 0; // finished 亿 groups
        let mut wan_group: i128 = 0; // below 亿, finished 万 groups
        let mut section: i128 = 0; // below 万
        let mut digit: i128 = 0;
        let mut yuan: i128 = 0;
        let mut cents: i128 = 0;
        for c in body.chars() {
            if let Some(d) = DIGITS.iter().position(|&x| x == c) {
                digit = d as i128;
                continue;
            }
            match c {
                '拾' => section += digit * 10,
                '佰' => section += digit * 100,
                '仟' => section += digit * 1000,
                '万' => {
                    wan_group += (section + digit) * 10_000;
                    section = 0;
                }
                '亿' => {
                    total = (total + wan_group + section + digit) * 100_000_000;
                    wan_group = 0;
                    section = 0;
                }
                '元' => {
                    yuan = total + wan_group + section + digit;
                    total = 0;
                    wan_group = 0;
                    section = 0;
                }
                '角' => cents += digit * 10,
                '分' => cents += digit,
                '整' => {}
                _ => return None,
            }
            digit = 0;
        }
        let v = yuan * 100 + cents;
        i64::try_from(if negative { -v } else { v }).ok()
    }

    #[test]
    fn the_reader_reads_the_examples() {
        assert_eq!(
            read_back("人民币壹拾万柒仟元零伍角叁分"),
            Some(fen(107_000, 53))
        );
        assert_eq!(read_back("人民币伍分"), Some(5));
    }

    proptest! {
        #[test]
        fn every_amount_reads_back_to_itself_and_follows_the_rules(f in any::<i64>()) {
            let w = capital_yuan(f);
            prop_assert_eq!(read_back(&w), Some(f), "{}", w);
            // Item 1: only the capital characters; item 2: 整 exactly when nothing follows 元.
            prop_assert!(w.chars().all(|c| "人民币负零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整".contains(c)), "{}", w);
            prop_assert_eq!(w.ends_with('整'), f % 100 == 0, "{}", w);
            // Item 4(2): never two 零 in a row, and no 零 right before a unit or at the end.
            prop_assert!(!w.contains("零零") && !w.ends_with('零'), "{}", w);
            for unit in ["零万", "零亿", "零元", "零拾", "零佰", "零仟"] {
                prop_assert!(!w.contains(unit) || w == "人民币零元整", "{}", w);
            }
        }

        #[test]
        fn figures_read_back(f in any::<i64>()) {
            let s = yuan_figures(f).replace([',', '.'], "");
            prop_assert_eq!(s.parse::<i128>().unwrap(), i128::from(f));
        }
    }
}
