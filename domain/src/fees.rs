//! Court fees under 《诉讼费用交纳办法》 (State Council Order No. 481, 2007), exactly: every amount in integer fen,
//! cumulative bands computed exactly and rounded half up once, each line citing its article.
//!
//! Where the Measures give a range (divorce 50–300 yuan, …) the province chooses; those choices are the
//! [`FeeTable`], configuration rather than code. [`FeeTable::JILIN`] is the default.

use serde::{Deserialize, Serialize};

const YUAN: i64 = 100;

/// The Measures' fee categories as the API names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeeCategory {
    /// 财产案件 (Art. 13(1)).
    Property,
    /// 离婚案件 (Art. 13(2)(1)).
    Divorce,
    /// 侵害姓名权、名称权、肖像权、名誉权、荣誉权以及其他人格权的案件 (Art. 13(2)(2)).
    Personality,
    /// 其他非财产案件 (Art. 13(2)(3)).
    NonProperty,
    /// 知识产权民事案件 (Art. 13(3)).
    Ip,
    /// 劳动争议案件 (Art. 13(4)).
    Labour,
    /// 行政案件 other than trademark, patent and maritime (Art. 13(5)).
    Administrative,
    /// 商标、专利、海事行政案件 (Art. 13(5)).
    AdministrativeIp,
    /// 申请司法确认调解协议 — special procedure, no fee (Art. 8(1)).
    JudicialConfirmation,
    /// 申请支付令 (Art. 14(3)).
    PaymentOrder,
    /// 申请执行 (Art. 14(1)).
    Enforcement,
    /// 申请公示催告, 100 yuan a case (Art. 14(4)).
    PublicSummons,
    /// 申请撤销仲裁裁决或者认定仲裁协议效力, 400 yuan a case (Art. 14(5)).
    ArbitrationReview,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Procedure {
    #[default]
    Ordinary,
    /// 简易程序: half the acceptance fee (Art. 16).
    Simple,
    /// 小额诉讼程序 (民事诉讼法 Art. 165): a simple money claim up to the province's limit, heard in one instance
    /// (no appeal); a form of simple procedure, so half the acceptance fee (Art. 16).
    SmallClaims,
}

/// When the acceptance fee is paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PayWhen {
    /// In advance, within 7 days of the court's notice; unpaid, the case is treated as withdrawn (Arts. 20, 22).
    #[default]
    Prepaid,
    /// After enforcement, not in advance (Art. 20): no 7-day deadline, never "treated as withdrawn".
    AfterEnforcement,
    /// Not prepaid: a claim for unpaid wages or labour remuneration (Art. 20); the judgment decides who bears it.
    NotPrepaidWages,
    /// Nothing to pay (judicial confirmation, Art. 8).
    Free,
}

/// The provincial choices within the Measures' ranges, in fen, with the table's version stored on each filing.
/// Operators load their province's table from a JSON file (`PORTAL_FEE_TABLE`); [`FeeTable::check`] keeps every
/// value inside the range the Measures allow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeTable {
    pub version: std::borrow::Cow<'static, str>,
    pub divorce_fen: i64,
    pub personality_fen: i64,
    pub non_property_fen: i64,
    pub ip_without_amount_fen: i64,
    pub enforcement_without_amount_fen: i64,
    /// The small-claims limit (民事诉讼法 Art. 165): 50% of the province's previous-year average annual wage of
    /// employed persons, as the province publishes it. `None`: not configured, no claim is treated as small.
    #[serde(default)]
    pub small_claims_limit_fen: Option<i64>,
    /// The province's thresholds of level jurisdiction (first-instance civil cases for intermediate courts).
    #[serde(default)]
    pub levels: crate::jurisdiction::LevelLimits,
}

impl FeeTable {
    /// Jilin's values (the lower end of each range, as the province applies them to ordinary cases).
    pub const JILIN: FeeTable = FeeTable {
        version: std::borrow::Cow::Borrowed("jilin-2007-v1"),
        divorce_fen: 50 * YUAN,
        personality_fen: 100 * YUAN,
        non_property_fen: 50 * YUAN,
        ip_without_amount_fen: 500 * YUAN,
        enforcement_without_amount_fen: 50 * YUAN,
        small_claims_limit_fen: None,
        levels: crate::jurisdiction::LevelLimits::JILIN,
    };

    /// Every value inside the range the Measures give it: the problems, each naming the article.
    pub fn check(&self) -> Result<(), Vec<String>> {
        let ranges = [
            (
                "divorce_fen",
                self.divorce_fen,
                50,
                300,
                "第十三条第（二）项第1目",
            ),
            (
                "personality_fen",
                self.personality_fen,
                100,
                500,
                "第十三条第（二）项第2目",
            ),
            (
                "non_property_fen",
                self.non_property_fen,
                50,
                100,
                "第十三条第（二）项第3目",
            ),
            (
                "ip_without_amount_fen",
                self.ip_without_amount_fen,
                500,
                1000,
                "第十三条第（三）项",
            ),
            (
                "enforcement_without_amount_fen",
                self.enforcement_without_amount_fen,
                50,
                500,
                "第十四条第（一）项",
            ),
        ];
        let mut problems: Vec<String> = ranges
            .iter()
            .filter(|(_, v, lo, hi, _)| *v < lo * YUAN || *v > hi * YUAN)
            .map(|(name, v, lo, hi, art)| {
                format!("{name} = {v} fen is outside {lo}–{hi} yuan (《诉讼费用交纳办法》{art})")
            })
            .collect();
        if self
            .small_claims_limit_fen
            .is_some_and(|l| l <= 0 || l > MAX_AMOUNT_FEN)
        {
            problems.push("small_claims_limit_fen must be a positive amount in fen (民事诉讼法第一百六十五条)".into());
        }
        let l = &self.levels;
        if l.basic_limit_cross_province_fen <= 0
            || l.basic_limit_cross_province_fen > l.basic_limit_fen
            || crate::jurisdiction::province_of(&l.province).is_none()
        {
            problems.push("levels: province must name a province and 0 < basic_limit_cross_province_fen <= basic_limit_fen (法发〔2021〕27号)".into());
        }
        if self.version.trim().is_empty() {
            problems.push("version must name the table (it is stored on every filing)".into());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// A fee band: the part of the amount above `from` yuan (up to the next band) is charged `bp` basis points.
type Bands = &'static [(i64, i64)];

/// Art. 13(1): 不超过1万元的，每件交纳50元; then 2.5%, 2%, 1.5%, 1%, 0.9%, 0.8%, 0.7%, 0.6%, 0.5%.
const PROPERTY_BANDS: Bands = &[
    (10_000, 250),
    (100_000, 200),
    (200_000, 150),
    (500_000, 100),
    (1_000_000, 90),
    (2_000_000, 80),
    (5_000_000, 70),
    (10_000_000, 60),
    (20_000_000, 50),
];
/// Art. 14(1): 不超过1万元的，每件交纳50元; then 1.5%, 1%, 0.5%, 0.1%.
const ENFORCEMENT_BANDS: Bands = &[
    (10_000, 150),
    (500_000, 100),
    (5_000_000, 50),
    (10_000_000, 10),
];
/// Art. 14(2): 不超过1000元或者不涉及财产数额的，每件交纳30元; then 1%, 0.5%; at most 5000 yuan.
const PRESERVATION_BANDS: Bands = &[(1_000, 100), (100_000, 50)];

/// Base plus banded percentages, exact to 1/10000 fen, rounded half up.
fn banded(amount_fen: i64, base_fen: i64, bands: Bands) -> i64 {
    let mut numer: i128 = i128::from(base_fen) * 10_000;
    for (i, &(from, bp)) in bands.iter().enumerate() {
        let lo = from * YUAN;
        let hi = bands
            .get(i + 1)
            .map(|&(next, _)| next * YUAN)
            .unwrap_or(i64::MAX);
        if amount_fen > lo {
            let portion = amount_fen.min(hi) - lo;
            numer += i128::from(portion) * i128::from(bp);
        }
    }
    round_half_up(numer, 10_000)
}

fn round_half_up(numer: i128, denom: i128) -> i64 {
    ((numer + denom / 2) / denom) as i64
}

/// The part above `threshold` yuan at `bp` basis points (divorce property split, personality damages).
fn excess(amount_fen: i64, threshold_yuan: i64, bp: i64) -> i128 {
    i128::from((amount_fen - threshold_yuan * YUAN).max(0)) * i128::from(bp)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeLine {
    pub item: String,
    pub amount_fen: i64,
    /// The article the amount comes from.
    pub basis: String,
    /// Which fee the line belongs to: the payment notice asks for the acceptance fee within seven days and leaves
    /// the preservation fee to its application.
    #[serde(default)]
    pub part: FeePart,
}

/// The fee a quote line belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeePart {
    /// 案件受理费 or an application fee of Art. 14, with its Art. 16 halving.
    #[default]
    Acceptance,
    /// 申请保全措施费 (Art. 14(2)), paid with the preservation application.
    Preservation,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeQuote {
    pub acceptance_fee_fen: i64,
    /// Paid with the preservation application (Art. 14(2)), not in the 7-day acceptance-fee payment.
    pub preservation_fee_fen: i64,
    /// Everything the case costs: acceptance and preservation.
    pub total_fen: i64,
    /// What must be paid within 7 days of the court's notice (Art. 22): the acceptance fee when it is prepaid,
    /// nothing otherwise.
    pub due_on_filing_fen: i64,
    /// When the acceptance fee is paid, and why.
    pub pay_when: PayWhen,
    /// When the pay-when rule has a basis of its own, it (e.g. 《诉讼费用交纳办法》第二十条).
    pub pay_when_basis: Option<String>,
    pub lines: Vec<FeeLine>,
    pub table_version: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeRequest {
    pub fee_category: FeeCategory,
    pub amount_fen: Option<i64>,
    #[serde(default)]
    pub procedure: Procedure,
    pub preservation_amount_fen: Option<i64>,
    /// A claim for unpaid wages or labour remuneration (追索劳动报酬): the acceptance fee is not prepaid (Art. 20).
    #[serde(default)]
    pub wage_claim: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeError {
    /// The category needs an amount (property, payment order).
    AmountRequired,
    /// Negative, or beyond a trillion yuan.
    AmountOutOfRange,
}

/// One trillion yuan: nothing filed in a court comes near it; above it is a typing error.
pub const MAX_AMOUNT_FEN: i64 = 1_000_000_000_000 * YUAN;

fn check(amount: Option<i64>) -> Result<Option<i64>, FeeError> {
    match amount {
        Some(a) if !(0..=MAX_AMOUNT_FEN).contains(&a) => Err(FeeError::AmountOutOfRange),
        other => Ok(other),
    }
}

/// The property-case fee of Art. 13(1) for an amount in fen.
pub fn property_fee(amount_fen: i64) -> i64 {
    banded(amount_fen, 50 * YUAN, PROPERTY_BANDS)
}

/// The enforcement fee of Art. 14(1) for an amount in fen.
pub fn enforcement_fee(amount_fen: i64) -> i64 {
    banded(amount_fen, 50 * YUAN, ENFORCEMENT_BANDS)
}

/// The preservation fee of Art. 14(2), capped at 5000 yuan.
pub fn preservation_fee(amount_fen: i64) -> i64 {
    banded(amount_fen, 30 * YUAN, PRESERVATION_BANDS).min(5_000 * YUAN)
}

pub fn quote(req: &FeeRequest, table: &FeeTable) -> Result<FeeQuote, FeeError> {
    let amount = check(req.amount_fen)?;
    let preservation_amount = check(req.preservation_amount_fen)?;
    let mut lines = Vec::new();
    // Every line is the acceptance fee's until the preservation line (a Cell: the closure borrows it).
    let part = std::cell::Cell::new(FeePart::Acceptance);
    let mut line = |item: &str, amount_fen: i64, basis: &str| {
        lines.push(FeeLine {
            item: item.into(),
            amount_fen,
            basis: basis.into(),
            part: part.get(),
        });
        amount_fen
    };
    let acceptance = match req.fee_category {
        FeeCategory::Property => {
            let a = amount.ok_or(FeeError::AmountRequired)?;
            line(
                "案件受理费（财产案件）",
                property_fee(a),
                "《诉讼费用交纳办法》第十三条第（一）项",
            )
        }
        FeeCategory::Divorce => {
            let base = line(
                "案件受理费（离婚案件）",
                table.divorce_fen,
                "《诉讼费用交纳办法》第十三条第（二）项第1目",
            );
            let extra = round_half_up(excess(amount.unwrap_or(0), 200_000, 50), 10_000);
            if extra > 0 {
                line(
                    "财产分割超过20万元部分（0.5%）",
                    extra,
                    "《诉讼费用交纳办法》第十三条第（二）项第1目",
                );
            }
            base + extra
        }
        FeeCategory::Personality => {
            let base = line(
                "案件受理费（人格权案件）",
                table.personality_fen,
                "《诉讼费用交纳办法》第十三条第（二）项第2目",
            );
            let a = amount.unwrap_or(0);
            // 5万元以下不另行交纳; 5万至10万元部分 1%; 超过10万元部分 0.5%.
            let numer = excess(a.min(100_000 * YUAN), 50_000, 100) + excess(a, 100_000, 50);
            let extra = round_half_up(numer, 10_000);
            if extra > 0 {
                line(
                    "损害赔偿超过5万元部分",
                    extra,
                    "《诉讼费用交纳办法》第十三条第（二）项第2目",
                );
            }
            base + extra
        }
        FeeCategory::NonProperty => line(
            "案件受理费（其他非财产案件）",
            table.non_property_fen,
            "《诉讼费用交纳办法》第十三条第（二）项第3目",
        ),
        FeeCategory::Ip => match amount {
            Some(a) => line(
                "案件受理费（知识产权，按财产案件）",
                property_fee(a),
                "《诉讼费用交纳办法》第十三条第（三）项",
            ),
            None => line(
                "案件受理费（知识产权，无争议金额）",
                table.ip_without_amount_fen,
                "《诉讼费用交纳办法》第十三条第（三）项",
            ),
        },
        FeeCategory::Labour => line(
            "案件受理费（劳动争议）",
            10 * YUAN,
            "《诉讼费用交纳办法》第十三条第（四）项",
        ),
        FeeCategory::AdministrativeIp => line(
            "案件受理费（商标、专利、海事行政案件）",
            100 * YUAN,
            "《诉讼费用交纳办法》第十三条第（五）项",
        ),
        FeeCategory::Administrative => line(
            "案件受理费（其他行政案件）",
            50 * YUAN,
            "《诉讼费用交纳办法》第十三条第（五）项",
        ),
        FeeCategory::JudicialConfirmation => line(
            "不交纳案件受理费（特别程序）",
            0,
            "《诉讼费用交纳办法》第八条第（一）项",
        ),
        FeeCategory::PaymentOrder => {
            let a = amount.ok_or(FeeError::AmountRequired)?;
            let fee = round_half_up(i128::from(property_fee(a)), 3);
            line(
                "申请支付令（财产案件受理费的三分之一）",
                fee,
                "《诉讼费用交纳办法》第十四条第（三）项",
            )
        }
        FeeCategory::PublicSummons => line(
            "申请公示催告",
            100 * YUAN,
            "《诉讼费用交纳办法》第十四条第（四）项",
        ),
        FeeCategory::ArbitrationReview => line(
            "申请撤销仲裁裁决或者认定仲裁协议效力",
            400 * YUAN,
            "《诉讼费用交纳办法》第十四条第（五）项",
        ),
        FeeCategory::Enforcement => match amount {
            Some(a) => line(
                "申请执行费",
                enforcement_fee(a),
                "《诉讼费用交纳办法》第十四条第（一）项",
            ),
            None => line(
                "申请执行费（无执行金额）",
                table.enforcement_without_amount_fen,
                "《诉讼费用交纳办法》第十四条第（一）项",
            ),
        },
    };
    // Art. 16 halves the fee of a case heard in simple procedure (small claims are simple procedure too); the fees
    // of Art. 14 are application fees, not acceptance fees of a case heard in a procedure.
    let halvable = !matches!(
        req.fee_category,
        FeeCategory::JudicialConfirmation
            | FeeCategory::PaymentOrder
            | FeeCategory::Enforcement
            | FeeCategory::PublicSummons
            | FeeCategory::ArbitrationReview
    );
    let halved = matches!(req.procedure, Procedure::Simple | Procedure::SmallClaims);
    let acceptance = if halved && halvable && acceptance > 0 {
        let half = round_half_up(i128::from(acceptance), 2);
        line(
            if req.procedure == Procedure::SmallClaims {
                "适用小额诉讼程序（简易程序）减半"
            } else {
                "适用简易程序减半"
            },
            half - acceptance,
            "《诉讼费用交纳办法》第十六条",
        );
        half
    } else {
        acceptance
    };
    part.set(FeePart::Preservation);
    let preservation = match preservation_amount {
        Some(p) => line(
            "申请保全措施费（随保全申请交纳，不计入七日内预交的受理费）",
            preservation_fee(p),
            "《诉讼费用交纳办法》第十四条第（二）项、第二十条第二款",
        ),
        None => 0,
    };
    let (pay_when, pay_when_basis) = if acceptance == 0 {
        (PayWhen::Free, None)
    } else if req.fee_category == FeeCategory::Enforcement {
        (
            PayWhen::AfterEnforcement,
            Some("《诉讼费用交纳办法》第二十条第二款：执行申请费执行后交纳".to_string()),
        )
    } else if req.wage_claim {
        (
            PayWhen::NotPrepaidWages,
            Some(
                "《诉讼费用交纳办法》第二十条第一款：追索劳动报酬的案件可以不预交案件受理费"
                    .to_string(),
            ),
        )
    } else {
        (
            PayWhen::Prepaid,
            Some("《诉讼费用交纳办法》第二十条第一款、第二十二条".to_string()),
        )
    };
    Ok(FeeQuote {
        acceptance_fee_fen: acceptance,
        preservation_fee_fen: preservation,
        total_fen: acceptance + preservation,
        due_on_filing_fen: if pay_when == PayWhen::Prepaid {
            acceptance
        } else {
            0
        },
        pay_when,
        pay_when_basis,
        lines,
        table_version: table.version.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn yuan(y: f64) -> i64 {
        (y * 100.0).round() as i64
    }

    #[test]
    fn property_fee_at_every_band_edge() {
        // (amount in yuan, fee in yuan), worked from Art. 13(1).
        let table = [
            (0.0, 50.0),
            (1.0, 50.0),
            (10_000.0, 50.0),
            (10_000.01, 50.0), // 0.01 × 2.5% = 0.00025 yuan, rounds to 0 fen
            (10_000.2, 50.01), // 0.005 yuan, half a fen, rounds up
            (100_000.0, 2_300.0),
            (200_000.0, 4_300.0),
            (500_000.0, 8_800.0),
            (1_000_000.0, 13_800.0),
            (2_000_000.0, 22_800.0),
            (5_000_000.0, 46_800.0),
            (10_000_000.0, 81_800.0),
            (20_000_000.0, 141_800.0),
            (30_000_000.0, 191_800.0),
        ];
        for (amount, fee) in table {
            assert_eq!(property_fee(yuan(amount)), yuan(fee), "amount {amount}");
        }
    }

    #[test]
    fn enforcement_and_preservation_fees() {
        assert_eq!(enforcement_fee(yuan(10_000.0)), yuan(50.0));
        assert_eq!(enforcement_fee(yuan(500_000.0)), yuan(7_400.0));
        assert_eq!(enforcement_fee(yuan(5_000_000.0)), yuan(52_400.0));
        assert_eq!(enforcement_fee(yuan(10_000_000.0)), yuan(77_400.0));
        assert_eq!(enforcement_fee(yuan(20_000_000.0)), yuan(87_400.0));
        assert_eq!(preservation_fee(yuan(1_000.0)), yuan(30.0));
        assert_eq!(preservation_fee(yuan(100_000.0)), yuan(1_020.0));
        assert_eq!(preservation_fee(yuan(500_000.0)), yuan(3_020.0));
        assert_eq!(preservation_fee(yuan(896_000.0)), yuan(5_000.0));
        assert_eq!(
            preservation_fee(yuan(100_000_000.0)),
            yuan(5_000.0),
            "capped at 5000 yuan"
        );
    }

    fn req(cat: FeeCategory, amount: Option<f64>, procedure: Procedure) -> FeeRequest {
        FeeRequest {
            fee_category: cat,
            amount_fen: amount.map(yuan),
            procedure,
            preservation_amount_fen: None,
            wage_claim: false,
        }
    }

    #[test]
    fn categories_cite_their_articles() {
        let t = FeeTable::JILIN;
        let q = quote(&req(FeeCategory::Labour, None, Procedure::Ordinary), &t).unwrap();
        assert_eq!(q.total_fen, yuan(10.0));
        assert!(q.lines[0].basis.contains("第十三条第（四）项"));
        assert_eq!(
            quote(
                &req(FeeCategory::JudicialConfirmation, None, Procedure::Ordinary),
                &t
            )
            .unwrap()
            .total_fen,
            0
        );
        assert_eq!(
            quote(
                &req(FeeCategory::Administrative, None, Procedure::Ordinary),
                &t
            )
            .unwrap()
            .total_fen,
            yuan(50.0)
        );
        assert_eq!(
            quote(
                &req(FeeCategory::AdministrativeIp, None, Procedure::Ordinary),
                &t
            )
            .unwrap()
            .total_fen,
            yuan(100.0)
        );
        // Divorce with 300,000 yuan to split: 50 + 100,000 × 0.5% = 550.
        assert_eq!(
            quote(
                &req(FeeCategory::Divorce, Some(300_000.0), Procedure::Ordinary),
                &t
            )
            .unwrap()
            .total_fen,
            yuan(550.0)
        );
        // Personality rights with 150,000 yuan damages: 100 + 50,000 × 1% + 50,000 × 0.5% = 850.
        assert_eq!(
            quote(
                &req(
                    FeeCategory::Personality,
                    Some(150_000.0),
                    Procedure::Ordinary
                ),
                &t
            )
            .unwrap()
            .total_fen,
            yuan(850.0)
        );
        // Payment order: a third of 2,300, rounded half up to the fen.
        assert_eq!(
            quote(
                &req(
                    FeeCategory::PaymentOrder,
                    Some(100_000.0),
                    Procedure::Ordinary
                ),
                &t
            )
            .unwrap()
            .total_fen,
            76_667
        );
        assert_eq!(
            quote(&req(FeeCategory::Property, None, Procedure::Ordinary), &t),
            Err(FeeError::AmountRequired)
        );
        assert_eq!(
            quote(
                &req(FeeCategory::Property, Some(-1.0), Procedure::Ordinary),
                &t
            ),
            Err(FeeError::AmountOutOfRange)
        );
    }

    #[test]
    fn simple_procedure_halves_and_preservation_adds() {
        let t = FeeTable::JILIN;
        let mut r = req(FeeCategory::Property, Some(100_000.0), Procedure::Simple);
        r.preservation_amount_fen = Some(yuan(100_000.0));
        let q = quote(&r, &t).unwrap();
        assert_eq!(q.acceptance_fee_fen, yuan(1_150.0));
        assert_eq!(q.preservation_fee_fen, yuan(1_020.0));
        assert_eq!(q.total_fen, yuan(2_170.0));
        assert_eq!(
            q.lines.iter().map(|l| l.amount_fen).sum::<i64>(),
            q.total_fen,
            "lines add up to the total"
        );
        assert!(q.lines.iter().any(|l| l.basis.contains("第十六条")));
        // Labour: 10 yuan halved is 5.
        assert_eq!(
            quote(&req(FeeCategory::Labour, None, Procedure::Simple), &t)
                .unwrap()
                .total_fen,
            yuan(5.0)
        );
    }

    #[test]
    fn art_13_3_an_ip_case_without_an_amount_is_charged_per_case_and_with_one_as_property() {
        let ip = crate::catalogue::cause("ip").unwrap();
        let t = FeeTable::JILIN;
        let q = quote(&ip.fee_request(0, None, &t), &t).unwrap();
        assert_eq!(
            q.acceptance_fee_fen, t.ip_without_amount_fen,
            "500–1,000 yuan a case"
        );
        assert!(q.lines[0].basis.contains("第十三条第（三）项"));
        let q = quote(&ip.fee_request(yuan(100_000.0), None, &t), &t).unwrap();
        assert_eq!(
            q.acceptance_fee_fen,
            yuan(2_300.0),
            "with an amount: the property table"
        );
    }

    #[test]
    fn art_20_enforcement_is_paid_after_enforcement_and_wage_claims_are_not_prepaid() {
        let t = FeeTable::JILIN;
        let enforcement = crate::catalogue::cause("enforcement").unwrap();
        let q = quote(&enforcement.fee_request(yuan(100_000.0), None, &t), &t).unwrap();
        assert_eq!(q.pay_when, PayWhen::AfterEnforcement);
        assert_eq!(
            q.due_on_filing_fen, 0,
            "no 7-day payment: never treated as withdrawn"
        );
        assert!(
            q.acceptance_fee_fen > 0,
            "the amount that will be due is shown"
        );
        assert!(q.pay_when_basis.unwrap().contains("第二十条第二款"));
        let wages = crate::catalogue::cause("labour_pay").unwrap();
        let q = quote(&wages.fee_request(yuan(30_000.0), None, &t), &t).unwrap();
        assert_eq!(
            (q.pay_when, q.due_on_filing_fen),
            (PayWhen::NotPrepaidWages, 0)
        );
        assert!(q.pay_when_basis.unwrap().contains("追索劳动报酬"));
        let loan = crate::catalogue::cause("private_loan").unwrap();
        let q = quote(&loan.fee_request(yuan(50_000.0), None, &t), &t).unwrap();
        assert_eq!(
            (q.pay_when, q.due_on_filing_fen),
            (PayWhen::Prepaid, yuan(1_050.0))
        );
    }

    #[test]
    fn art_14_2_the_preservation_fee_is_its_own_line_outside_the_seven_day_payment() {
        let t = FeeTable::JILIN;
        let loan = crate::catalogue::cause("private_loan").unwrap();
        let q = quote(
            &loan.fee_request(yuan(50_000.0), Some(yuan(50_000.0)), &t),
            &t,
        )
        .unwrap();
        assert_eq!(
            q.preservation_fee_fen,
            yuan(520.0),
            "30 + 1% of 1,000–50,000 = 520"
        );
        assert_eq!(q.total_fen, yuan(1_050.0) + yuan(520.0));
        assert_eq!(
            q.due_on_filing_fen,
            yuan(1_050.0),
            "the 7 days are for the acceptance fee only"
        );
        let line = q
            .lines
            .iter()
            .find(|l| l.basis.contains("第十四条第（二）项"))
            .unwrap();
        assert_eq!(line.amount_fen, yuan(520.0));
        assert_eq!(line.part, FeePart::Preservation);
        assert!(q
            .lines
            .iter()
            .filter(|l| l.part == FeePart::Acceptance)
            .all(|l| !l.basis.contains("第十四条第（二）项")));
    }

    #[test]
    fn art_14_4_and_14_5_public_summons_and_arbitration_review_are_charged_per_case() {
        let t = FeeTable::JILIN;
        let summons = quote(
            &req(FeeCategory::PublicSummons, None, Procedure::Simple),
            &t,
        )
        .unwrap();
        assert_eq!(
            summons.acceptance_fee_fen,
            yuan(100.0),
            "not halved: an application fee"
        );
        assert!(summons.lines[0].basis.contains("第十四条第（四）项"));
        let arb = quote(
            &req(FeeCategory::ArbitrationReview, None, Procedure::Ordinary),
            &t,
        )
        .unwrap();
        assert_eq!(arb.acceptance_fee_fen, yuan(400.0));
        assert!(arb.lines[0].basis.contains("第十四条第（五）项"));
        let order = quote(
            &req(
                FeeCategory::PaymentOrder,
                Some(100_000.0),
                Procedure::Ordinary,
            ),
            &t,
        )
        .unwrap();
        assert_eq!(
            order.acceptance_fee_fen, 76_667,
            "one third of 2,300 yuan (Art. 14(3))"
        );
    }

    #[test]
    fn cpl_art_165_a_small_claim_is_heard_in_one_instance_at_half_the_fee() {
        // A province publishing 98,000 yuan as last year's average wage: the limit is 49,000.
        let t = FeeTable {
            small_claims_limit_fen: Some(yuan(49_000.0)),
            ..FeeTable::JILIN
        };
        let loan = crate::catalogue::cause("private_loan").unwrap();
        assert!(loan.is_small_claim(yuan(49_000.0), &t));
        assert!(!loan.is_small_claim(yuan(49_000.01), &t));
        assert!(
            !loan.is_small_claim(yuan(10_000.0), &FeeTable::JILIN),
            "not configured: none"
        );
        let divorce = crate::catalogue::cause("divorce").unwrap();
        assert!(
            !divorce.is_small_claim(yuan(10_000.0), &t),
            "not a money claim"
        );
        let req = loan.fee_request(yuan(40_000.0), None, &t);
        assert_eq!(req.procedure, Procedure::SmallClaims);
        let q = quote(&req, &t).unwrap();
        // 50 + 2.5% × 30,000 = 800; halved (Art. 16) = 400.
        assert_eq!(q.acceptance_fee_fen, yuan(400.0));
        assert!(q
            .lines
            .iter()
            .any(|l| l.item.contains("小额") && l.basis.contains("第十六条")));
        let mut bad = t.clone();
        bad.small_claims_limit_fen = Some(0);
        assert!(bad.check().is_err());
    }

    proptest! {
        #[test]
        fn property_fee_never_decreases_and_lines_add_up(a in 0i64..(50_000_000 * 100), d in 0i64..1_000_000) {
            prop_assert!(property_fee(a + d) >= property_fee(a));
            let q = quote(&FeeRequest { fee_category: FeeCategory::Property, amount_fen: Some(a),
                procedure: Procedure::Simple, preservation_amount_fen: Some(d) , wage_claim: false}, &FeeTable::JILIN).unwrap();
            prop_assert_eq!(q.lines.iter().map(|l| l.amount_fen).sum::<i64>(), q.total_fen);
        }
    }

    #[test]
    fn a_provincial_table_is_read_from_json_and_kept_inside_the_measures_ranges() {
        assert_eq!(FeeTable::JILIN.check(), Ok(()));
        let json = r#"{"version": "other-2026", "divorce_fen": 20000, "personality_fen": 30000,
            "non_property_fen": 8000, "ip_without_amount_fen": 80000, "enforcement_without_amount_fen": 10000}"#;
        let t: FeeTable = serde_json::from_str(json).unwrap();
        assert_eq!(t.check(), Ok(()));
        let q = quote(
            &FeeRequest {
                fee_category: FeeCategory::Divorce,
                amount_fen: None,
                procedure: Procedure::Ordinary,
                preservation_amount_fen: None,
                wage_claim: false,
            },
            &t,
        )
        .unwrap();
        assert_eq!(
            (q.acceptance_fee_fen, q.table_version.as_str()),
            (20000, "other-2026")
        );
        let out_of_range = FeeTable {
            divorce_fen: 301 * YUAN,
            non_property_fen: 49 * YUAN,
            ..FeeTable::JILIN
        };
        let problems = out_of_range.check().unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("divorce_fen") && problems[0].contains("第十三条"));
    }
}
