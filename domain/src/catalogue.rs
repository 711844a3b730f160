//! The case catalogue: what people can file, grouped the way they think of it, each cause of action (案由) mapped to
//! its fee category, its typical evidence and its jurisdiction rule; the case types and the official case number.

use crate::fees::FeeCategory;
use serde::{Deserialize, Serialize};

/// What is being filed, and the case-type code (案件类型代字) its number carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// 民事一审 — 民初.
    CivilFirstInstance,
    /// 行政一审 — 行初.
    AdministrativeFirstInstance,
    /// 申请执行 — 执.
    Enforcement,
    /// 申请司法确认调解协议 — 民特.
    JudicialConfirmation,
}

/// A case-type code of the Supreme People's Court's case-number rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseType {
    /// 民初
    MinChu,
    /// 民特
    MinTe,
    /// 民诉前调 — pre-litigation mediation.
    MinSuQianTiao,
    /// 执
    Zhi,
    /// 行初
    XingChu,
}

impl CaseType {
    pub const ALL: [CaseType; 5] = [
        CaseType::MinChu,
        CaseType::MinTe,
        CaseType::MinSuQianTiao,
        CaseType::Zhi,
        CaseType::XingChu,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseType::MinChu => "民初",
            CaseType::MinTe => "民特",
            CaseType::MinSuQianTiao => "民诉前调",
            CaseType::Zhi => "执",
            CaseType::XingChu => "行初",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseType> {
        CaseType::ALL.into_iter().find(|t| t.code() == code)
    }
}

impl CaseKind {
    pub const ALL: [CaseKind; 4] = [
        CaseKind::CivilFirstInstance,
        CaseKind::AdministrativeFirstInstance,
        CaseKind::Enforcement,
        CaseKind::JudicialConfirmation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseKind::CivilFirstInstance => "civil",
            CaseKind::AdministrativeFirstInstance => "administrative",
            CaseKind::Enforcement => "enforcement",
            CaseKind::JudicialConfirmation => "judicial_confirmation",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseKind> {
        CaseKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The type code the case number gets when the court registers it.
    pub fn case_type(self) -> CaseType {
        match self {
            CaseKind::CivilFirstInstance => CaseType::MinChu,
            CaseKind::AdministrativeFirstInstance => CaseType::XingChu,
            CaseKind::Enforcement => CaseType::Zhi,
            CaseKind::JudicialConfirmation => CaseType::MinTe,
        }
    }
}

/// Which court is competent, by the rule that decides it (Civil Procedure Law Arts. 22–35).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionRule {
    /// 被告住所地 (Art. 22).
    DefendantDomicile,
    /// 合同履行地 or 被告住所地 (Art. 24).
    ContractPerformance,
    /// 侵权行为地 or 被告住所地 (Art. 29).
    TortPlace,
    /// 不动产所在地, exclusive (Art. 34(1)).
    RealEstate,
    /// 被继承人死亡时住所地或者主要遗产所在地, exclusive (Art. 34(3)).
    Inheritance,
    /// Judicial confirmation of a mediation agreement (Art. 205): a basic court where a party lives, the subject
    /// matter lies or the mediation organisation sits (or the court that invited the mediation).
    JudicialConfirmation,
    /// Enforcement (Art. 235): of a judgment, the court of first instance or the court of the same level where the
    /// property to enforce is; of another document, the court of the respondent's domicile or of the property.
    Enforcement,
    /// An administrative suit (行政诉讼法第十八条第一款): the court where the authority that first acted sits; after
    /// administrative reconsideration, also the court where the reconsideration body sits.
    Administrative,
}

impl JurisdictionRule {
    pub fn basis(self) -> &'static str {
        match self {
            JurisdictionRule::DefendantDomicile => "《民事诉讼法》第二十二条",
            JurisdictionRule::ContractPerformance => "《民事诉讼法》第二十四条",
            JurisdictionRule::TortPlace => "《民事诉讼法》第二十九条",
            JurisdictionRule::RealEstate => "《民事诉讼法》第三十四条第（一）项",
            JurisdictionRule::Inheritance => "《民事诉讼法》第三十四条第（三）项",
            JurisdictionRule::JudicialConfirmation => "《民事诉讼法》第二百零五条",
            JurisdictionRule::Enforcement => "《民事诉讼法》第二百三十五条",
            JurisdictionRule::Administrative => "《行政诉讼法》第十八条第一款",
        }
    }

    /// Only the court of the rule's own place is competent (专属管辖): the defendant's domicile does not count.
    pub fn exclusive(self) -> bool {
        matches!(
            self,
            JurisdictionRule::RealEstate | JurisdictionRule::Inheritance
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseGroup {
    MoneyAndContracts,
    HomeAndProperty,
    WorkAndLabour,
    FamilyAndInheritance,
    AccidentsAndRights,
    Administrative,
    Applications,
}

/// 案由 — a cause of action as the catalogue offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Cause {
    pub code: &'static str,
    pub name: &'static str,
    pub group: CauseGroup,
    pub kind: CaseKind,
    pub fee: FeeCategory,
    pub jurisdiction: JurisdictionRule,
    /// Evidence such a case usually needs, each item with the words that recognise it in what the filer listed or
    /// uploaded (shown as a checklist; missing items raise the evidence risk).
    pub typical_evidence: &'static [TypicalEvidence],
    /// A precondition the filing must show (labour cases need an arbitration award first).
    pub precondition: Option<&'static str>,
}

/// What an item of typical evidence does for the case, which decides what its absence means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRole {
    /// Shows the cause's precondition (an arbitration award, the judgment to enforce): without it the filing does
    /// not meet the conditions of filing (民事诉讼法第一百二十二条).
    Precondition,
    /// Proves the claim itself (the IOU and the money's delivery).
    Essential,
    /// Helps prove it (the amount, the circumstances).
    Supporting,
    /// A record of demanding performance or of the other side's acknowledging the debt: besides proving the debt,
    /// it interrupts the limitation period (民法典第一百九十五条).
    Demand,
}

/// One item of a cause's typical evidence and the words that recognise it in an evidence row's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TypicalEvidence {
    /// As the checklist and the risk estimate name it.
    pub name: &'static str,
    /// Any one of these in an evidence row's name (listed or uploaded) counts as this item.
    pub keywords: &'static [&'static str],
    pub role: EvidenceRole,
}

impl TypicalEvidence {
    /// Whether an evidence row of this name shows this item.
    pub fn recognised_in(&self, row_name: &str) -> bool {
        self.keywords.iter().any(|k| row_name.contains(k))
    }
}

const fn ev(
    name: &'static str,
    keywords: &'static [&'static str],
    role: EvidenceRole,
) -> TypicalEvidence {
    TypicalEvidence {
        name,
        keywords,
        role,
    }
}

use CaseKind::*;
use CauseGroup::*;
use EvidenceRole::{Demand, Essential, Precondition, Supporting};
use FeeCategory as F;
use JurisdictionRule::*;

pub const CAUSES: &[Cause] = &[
    Cause {
        code: "private_loan",
        name: "民间借贷纠纷",
        group: MoneyAndContracts,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "借条或借款合同",
                &["借条", "欠条", "借据", "借款合同", "借款协议"],
                Essential,
            ),
            ev(
                "转账凭证或收条",
                &["转账", "汇款", "流水", "回单", "收条", "收据", "付款凭证"],
                Essential,
            ),
            ev(
                "催款记录",
                &[
                    "催款",
                    "催收",
                    "催告",
                    "催要",
                    "律师函",
                    "还款承诺",
                    "还款计划",
                    "承认",
                ],
                Demand,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "financial_loan",
        name: "金融借款合同纠纷",
        group: MoneyAndContracts,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "借款合同",
                &["借款合同", "贷款合同", "借款协议", "授信"],
                Essential,
            ),
            ev("放款凭证", &["放款", "借款借据", "借据", "发放"], Essential),
            ev(
                "还款明细",
                &["还款明细", "还款记录", "欠款明细", "对账", "流水"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "sale",
        name: "买卖合同纠纷",
        group: MoneyAndContracts,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "买卖合同或订单",
                &["合同", "订单", "订货", "采购", "协议"],
                Essential,
            ),
            ev(
                "送货单或收货确认",
                &["送货", "发货", "收货", "签收", "验收", "出库", "物流"],
                Essential,
            ),
            ev(
                "付款凭证或对账单",
                &["付款", "转账", "对账", "发票", "欠条", "结算"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "labour_service",
        name: "劳务合同纠纷",
        group: WorkAndLabour,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "劳务合同或约定",
                &["劳务合同", "劳务协议", "合同", "约定", "协议"],
                Essential,
            ),
            ev(
                "工作量或考勤记录",
                &["工作量", "考勤", "记工", "工时", "工程量"],
                Supporting,
            ),
            ev(
                "欠款确认",
                &["欠条", "欠款", "结算", "确认", "对账"],
                Demand,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "construction",
        name: "建设工程施工合同纠纷",
        group: HomeAndProperty,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: RealEstate,
        typical_evidence: &[
            ev(
                "施工合同",
                &["施工合同", "承包合同", "合同", "协议"],
                Essential,
            ),
            ev(
                "竣工验收或结算文件",
                &["竣工", "验收", "结算", "决算", "工程量"],
                Essential,
            ),
            ev(
                "付款记录",
                &["付款", "转账", "收据", "流水", "发票"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "house_lease",
        name: "房屋租赁合同纠纷",
        group: HomeAndProperty,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: RealEstate,
        typical_evidence: &[
            ev(
                "租赁合同",
                &["租赁合同", "租房合同", "租赁协议", "租约", "合同"],
                Essential,
            ),
            ev(
                "租金支付记录",
                &["租金", "付款", "转账", "收据", "流水"],
                Supporting,
            ),
            ev(
                "房屋交接记录",
                &["交接", "交房", "钥匙", "入住", "退房"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "property_service",
        name: "物业服务合同纠纷",
        group: HomeAndProperty,
        kind: CivilFirstInstance,
        fee: F::Property,
        // A contract (Art. 24: the defendant's domicile or the place of performance), not a dispute over a right
        // in immovable property: not exclusive (民诉法解释第二十八条 does not list it).
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "物业服务合同",
                &["物业服务合同", "物业合同", "前期物业", "物业服务协议"],
                Essential,
            ),
            ev(
                "收费标准",
                &["收费标准", "物价", "备案", "价格"],
                Supporting,
            ),
            ev(
                "催缴记录",
                &["催缴", "催款", "催收", "催告", "律师函"],
                Demand,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "forestry_contract",
        name: "林业承包合同纠纷",
        group: HomeAndProperty,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: RealEstate,
        typical_evidence: &[
            ev("林地承包合同", &["承包合同", "承包协议", "合同"], Essential),
            ev("林权证", &["林权", "不动产权", "权属"], Essential),
            ev(
                "承包费缴纳凭证",
                &["承包费", "缴纳", "收据", "付款", "转账"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "labour_dispute",
        name: "劳动争议",
        group: WorkAndLabour,
        kind: CivilFirstInstance,
        fee: F::Labour,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "劳动仲裁裁决书或不予受理通知书",
                &["仲裁", "不予受理"],
                Precondition,
            ),
            ev(
                "劳动合同或工资流水",
                &["劳动合同", "工资", "流水", "社保", "工牌", "考勤"],
                Essential,
            ),
            ev(
                "解除或终止通知",
                &["解除", "终止", "辞退", "开除", "离职"],
                Supporting,
            ),
        ],
        precondition: Some("劳动争议须先经劳动争议仲裁（《劳动争议调解仲裁法》第五条）"),
    },
    Cause {
        code: "labour_pay",
        name: "追索劳动报酬纠纷",
        group: WorkAndLabour,
        kind: CivilFirstInstance,
        fee: F::Labour,
        jurisdiction: ContractPerformance,
        typical_evidence: &[
            ev(
                "劳动仲裁裁决书或不予受理通知书",
                &["仲裁", "不予受理"],
                Precondition,
            ),
            ev(
                "工资条、工资流水或欠薪确认",
                &["工资", "欠薪", "流水", "欠条"],
                Essential,
            ),
            ev(
                "劳动合同或考勤记录",
                &["劳动合同", "考勤", "工牌", "社保", "合同"],
                Supporting,
            ),
        ],
        precondition: Some("劳动争议须先经劳动争议仲裁（《劳动争议调解仲裁法》第五条）"),
    },
    Cause {
        code: "traffic_accident",
        name: "机动车交通事故责任纠纷",
        group: AccidentsAndRights,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: TortPlace,
        typical_evidence: &[
            ev(
                "交通事故认定书",
                &["事故认定", "认定书", "事故证明"],
                Essential,
            ),
            ev(
                "医疗费票据和病历",
                &["医疗", "病历", "票据", "发票", "诊断", "住院"],
                Essential,
            ),
            ev("保险单", &["保险", "保单", "交强险"], Supporting),
        ],
        precondition: None,
    },
    Cause {
        code: "personality",
        name: "名誉权纠纷",
        group: AccidentsAndRights,
        kind: CivilFirstInstance,
        fee: F::Personality,
        jurisdiction: TortPlace,
        typical_evidence: &[
            ev(
                "侵权内容的截图或公证",
                &["截图", "公证", "录屏", "网页", "帖子", "视频"],
                Essential,
            ),
            ev(
                "影响范围的证明",
                &["阅读", "浏览", "转发", "评论", "影响", "传播"],
                Supporting,
            ),
            ev(
                "损失证明",
                &["损失", "医疗", "误工", "票据", "诊断"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "ip",
        name: "知识产权权属、侵权纠纷",
        group: AccidentsAndRights,
        kind: CivilFirstInstance,
        fee: F::Ip,
        jurisdiction: TortPlace,
        typical_evidence: &[
            ev(
                "权利证书",
                &["证书", "登记", "注册", "专利", "商标", "著作权", "版权"],
                Essential,
            ),
            ev(
                "侵权证据（公证购买等）",
                &["公证", "购买", "侵权", "截图", "取证", "时间戳"],
                Essential,
            ),
            ev(
                "损失或获利证明",
                &["损失", "获利", "销售", "财务", "审计", "许可费"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "divorce",
        name: "离婚纠纷",
        group: FamilyAndInheritance,
        kind: CivilFirstInstance,
        fee: F::Divorce,
        jurisdiction: DefendantDomicile,
        typical_evidence: &[
            ev("结婚证", &["结婚证", "婚姻登记", "结婚登记"], Essential),
            ev(
                "感情破裂的证据",
                &["分居", "家暴", "家庭暴力", "报警", "出警", "感情", "聊天"],
                Essential,
            ),
            ev(
                "共同财产清单",
                &["财产", "房产", "存款", "车辆", "清单"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "support",
        name: "抚养纠纷",
        group: FamilyAndInheritance,
        kind: CivilFirstInstance,
        fee: F::NonProperty,
        jurisdiction: DefendantDomicile,
        typical_evidence: &[
            ev(
                "出生证明或亲子关系证明",
                &["出生", "亲子", "户口", "户籍"],
                Essential,
            ),
            ev(
                "对方收入证明",
                &["收入", "工资", "流水", "纳税"],
                Supporting,
            ),
            ev(
                "子女生活、教育或医疗支出凭证",
                &["学费", "教育", "医疗", "支出", "票据", "发票", "收据"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "elder_support",
        name: "赡养纠纷",
        group: FamilyAndInheritance,
        kind: CivilFirstInstance,
        fee: F::NonProperty,
        jurisdiction: DefendantDomicile,
        typical_evidence: &[
            ev(
                "亲属关系证明",
                &["亲属关系", "户口", "户籍", "出生", "关系证明"],
                Essential,
            ),
            ev(
                "老人收入和生活状况证明",
                &["收入", "生活状况", "养老金", "退休金", "低保", "困难"],
                Supporting,
            ),
            ev(
                "生活或医疗支出凭证",
                &["医疗", "病历", "支出", "票据", "发票", "收据"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "inheritance",
        name: "继承纠纷",
        group: FamilyAndInheritance,
        kind: CivilFirstInstance,
        fee: F::Property,
        jurisdiction: Inheritance,
        typical_evidence: &[
            ev("死亡证明", &["死亡", "火化", "注销户口"], Essential),
            ev(
                "亲属关系证明",
                &["亲属关系", "户口", "户籍", "出生", "结婚证", "关系证明"],
                Essential,
            ),
            ev(
                "遗产清单或遗嘱",
                &["遗产", "遗嘱", "房产", "存款", "清单", "不动产"],
                Essential,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "administrative",
        name: "行政纠纷",
        group: CauseGroup::Administrative,
        kind: AdministrativeFirstInstance,
        fee: F::Administrative,
        jurisdiction: JurisdictionRule::Administrative,
        typical_evidence: &[
            ev(
                "被诉行政行为的文书",
                &["决定书", "处罚", "通知书", "批复", "告知书", "行政"],
                Essential,
            ),
            ev(
                "送达或知道该行为的时间证明",
                &["送达", "回执", "签收", "邮寄", "知道"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "administrative_ip",
        name: "商标、专利行政纠纷",
        group: CauseGroup::Administrative,
        kind: AdministrativeFirstInstance,
        fee: F::AdministrativeIp,
        jurisdiction: JurisdictionRule::Administrative,
        typical_evidence: &[
            ev("被诉决定", &["决定", "裁定", "复审"], Essential),
            ev(
                "权利证书",
                &["证书", "注册", "专利", "商标", "申请"],
                Supporting,
            ),
        ],
        precondition: None,
    },
    Cause {
        code: "enforcement",
        name: "申请执行",
        group: Applications,
        kind: CaseKind::Enforcement,
        fee: F::Enforcement,
        jurisdiction: JurisdictionRule::Enforcement,
        typical_evidence: &[
            ev(
                "生效法律文书",
                &[
                    "判决",
                    "裁定书",
                    "调解书",
                    "裁决书",
                    "法律文书",
                    "公证债权文书",
                    "支付令",
                ],
                Precondition,
            ),
            ev("生效证明", &["生效证明", "已生效", "确定证明"], Essential),
            ev(
                "被执行人财产线索",
                &["财产", "线索", "银行账户", "房产", "车辆", "存款"],
                Supporting,
            ),
        ],
        precondition: Some("须有已生效的法律文书（《民事诉讼法》第二百四十七条）"),
    },
    Cause {
        code: "judicial_confirmation",
        name: "申请司法确认调解协议",
        group: Applications,
        kind: CaseKind::JudicialConfirmation,
        fee: F::JudicialConfirmation,
        jurisdiction: JurisdictionRule::JudicialConfirmation,
        typical_evidence: &[
            ev(
                "调解协议",
                &["调解协议", "调解书", "人民调解"],
                Precondition,
            ),
            ev(
                "双方身份证明",
                &["身份证", "营业执照", "身份证明", "户口"],
                Supporting,
            ),
        ],
        precondition: Some(
            "须由双方自调解协议生效之日起三十日内共同申请（《民事诉讼法》第二百零五条）",
        ),
    },
];

impl Cause {
    /// The time limit its claims run under (see [`crate::limitation::TimeLimit`]).
    pub fn time_limit(&self) -> crate::limitation::TimeLimit {
        use crate::limitation::TimeLimit;
        match (self.code, self.kind) {
            ("support" | "elder_support", _) => TimeLimit::Exempt(
                "民法典第一百九十六条第（三）项：请求支付抚养费、赡养费或者扶养费",
            ),
            ("divorce", _) => {
                TimeLimit::Exempt("民法典第一百九十六条第（四）项：离婚请求不适用诉讼时效")
            }
            ("labour_dispute" | "labour_pay", _) => TimeLimit::LabourArbitration,
            (_, CaseKind::Enforcement) => TimeLimit::Enforcement,
            (_, CaseKind::AdministrativeFirstInstance) => TimeLimit::Administrative,
            (_, CaseKind::JudicialConfirmation) => TimeLimit::NotApplicable,
            (_, CaseKind::CivilFirstInstance) => TimeLimit::Civil,
        }
    }

    /// A claim for unpaid wages or labour remuneration (追索劳动报酬): its acceptance fee is not prepaid
    /// (《诉讼费用交纳办法》第二十条第一款).
    pub fn is_wage_claim(&self) -> bool {
        self.code == "labour_pay"
    }

    /// Whether a claim of `amount_fen` is a small claim (民事诉讼法第一百六十五条): a simple money claim of first
    /// instance up to the province's limit (configuration; none configured, none is small).
    pub fn is_small_claim(&self, amount_fen: i64, table: &crate::fees::FeeTable) -> bool {
        self.fee == FeeCategory::Property
            && self.kind == CaseKind::CivilFirstInstance
            && amount_fen > 0
            && table
                .small_claims_limit_fen
                .is_some_and(|limit| amount_fen <= limit)
    }

    /// The fee request of a filing of this cause: the claims' total (none for an intellectual-property or
    /// enforcement case that claims no amount — a fee per case then, Arts. 13(3), 14(1)), small-claims procedure
    /// when the claim qualifies (half the fee, Art. 16), the preservation amount, and a wage claim's exemption
    /// from prepaying.
    pub fn fee_request(
        &self,
        claims_total_fen: i64,
        preservation_fen: Option<i64>,
        table: &crate::fees::FeeTable,
    ) -> crate::fees::FeeRequest {
        let per_case = matches!(self.fee, FeeCategory::Ip | FeeCategory::Enforcement);
        crate::fees::FeeRequest {
            fee_category: self.fee,
            amount_fen: (!(per_case && claims_total_fen == 0)).then_some(claims_total_fen),
            procedure: if self.is_small_claim(claims_total_fen, table) {
                crate::fees::Procedure::SmallClaims
            } else {
                crate::fees::Procedure::Ordinary
            },
            preservation_amount_fen: preservation_fen,
            wage_claim: self.is_wage_claim(),
        }
    }
}

pub fn cause(code: &str) -> Option<&'static Cause> {
    CAUSES.iter().find(|c| c.code == code)
}

/// 案号 — （2026）吉0211民初123号: year, court code, case-type code, and a sequence that restarts each year for
/// each court and type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseNumber {
    pub year: i32,
    pub court_code: String,
    pub case_type: CaseType,
    pub seq: u32,
}

impl std::fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "（{}）{}{}{}号",
            self.year,
            self.court_code,
            self.case_type.code(),
            self.seq
        )
    }
}

impl CaseNumber {
    /// Reads a case number back; the half-width brackets some systems print are accepted too.
    pub fn parse(s: &str) -> Option<CaseNumber> {
        let s = s.trim().replace('(', "（").replace(')', "）");
        let rest = s.strip_prefix('（')?;
        let (year, rest) = rest.split_once('）')?;
        let year: i32 = year.parse().ok().filter(|y| (1949..=9999).contains(y))?;
        let rest = rest.strip_suffix('号')?;
        let digits_at = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()?
            .0;
        let seq: u32 = rest[digits_at..].parse().ok().filter(|n| *n > 0)?;
        let head = &rest[..digits_at];
        let (court_code, case_type) = CaseType::ALL
            .into_iter()
            .filter(|t| head.ends_with(t.code()))
            .max_by_key(|t| t.code().len())
            .map(|t| (&head[..head.len() - t.code().len()], t))?;
        if court_code.is_empty() {
            return None;
        }
        Some(CaseNumber {
            year,
            court_code: court_code.to_string(),
            case_type,
            seq,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_print_and_parse() {
        let n = CaseNumber {
            year: 2026,
            court_code: "吉0211".into(),
            case_type: CaseType::MinChu,
            seq: 123,
        };
        assert_eq!(n.to_string(), "（2026）吉0211民初123号");
        assert_eq!(
            CaseNumber::parse("（2026）吉0211民初123号"),
            Some(n.clone())
        );
        assert_eq!(CaseNumber::parse("(2026)吉0211民初123号"), Some(n));
        let p = CaseNumber::parse("（2026）吉0202民诉前调7号").unwrap();
        assert_eq!(
            (p.court_code.as_str(), p.case_type, p.seq),
            ("吉0202", CaseType::MinSuQianTiao, 7)
        );
        assert_eq!(
            CaseNumber::parse("（2026）吉76执1号").unwrap().case_type,
            CaseType::Zhi
        );
        assert_eq!(CaseNumber::parse("（2026）民初1号"), None, "no court code");
        assert_eq!(
            CaseNumber::parse("（2026）吉0211民初0号"),
            None,
            "sequences start at 1"
        );
        assert_eq!(CaseNumber::parse("吉0211民初1号"), None);
    }

    #[test]
    fn cause_names_and_jurisdiction_follow_the_rules() {
        // 民事案件案由规定: 名誉权纠纷; 知识产权权属、侵权纠纷; 抚养纠纷 and 赡养纠纷 are two causes.
        assert_eq!(cause("personality").unwrap().name, "名誉权纠纷");
        assert_eq!(cause("ip").unwrap().name, "知识产权权属、侵权纠纷");
        assert_eq!(cause("support").unwrap().name, "抚养纠纷");
        assert_eq!(cause("elder_support").unwrap().name, "赡养纠纷");
        // 民事诉讼法第二十四条: property services are a contract, not exclusive; 第三十四条第（三）项: inheritance is.
        let property = cause("property_service").unwrap().jurisdiction;
        assert_eq!(property, JurisdictionRule::ContractPerformance);
        assert!(!property.exclusive());
        let inheritance = cause("inheritance").unwrap().jurisdiction;
        assert!(inheritance.exclusive());
        assert_eq!(inheritance.basis(), "《民事诉讼法》第三十四条第（三）项");
    }

    #[test]
    fn every_cause_is_unique_and_consistent() {
        for (i, c) in CAUSES.iter().enumerate() {
            assert!(
                CAUSES[i + 1..].iter().all(|o| o.code != c.code),
                "duplicate {}",
                c.code
            );
            assert!(!c.typical_evidence.is_empty());
            let admin_fee = matches!(c.fee, F::Administrative | F::AdministrativeIp);
            assert_eq!(
                admin_fee,
                c.kind == AdministrativeFirstInstance,
                "{}",
                c.code
            );
        }
        assert_eq!(cause("forestry_contract").unwrap().name, "林业承包合同纠纷");
    }

    #[test]
    fn typical_evidence_is_recognisable_and_the_precondition_is_one_of_it() {
        for c in CAUSES {
            for t in c.typical_evidence {
                assert!(
                    !t.keywords.is_empty() && t.recognised_in(t.name),
                    "{}: {} is not recognised by its own keywords",
                    c.code,
                    t.name
                );
            }
            let preconditions = c
                .typical_evidence
                .iter()
                .filter(|t| t.role == EvidenceRole::Precondition)
                .count();
            assert_eq!(
                preconditions,
                usize::from(c.precondition.is_some()),
                "{}",
                c.code
            );
        }
        let loan = cause("private_loan").unwrap().typical_evidence;
        assert!(loan[0].recognised_in("手写借条照片") && loan[1].recognised_in("银行转账记录"));
        assert!(!loan[1].recognised_in("借条"));
    }
}
