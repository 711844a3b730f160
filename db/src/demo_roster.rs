//! Demo roster of mediation organisations and mediators (调解组织和调解员名册) for the demo courts of [`crate::demo`].
//!
//! Every name, address, background and rating here is a fictional demo value: no real person, no contact data (no
//! telephone numbers, no ID numbers). Before production the roster is replaced by the court's real one, as the court
//! keeps and publishes it (法释〔2016〕14号第四条至第六条: the roster lists the organisations' and mediators' names,
//! backgrounds and the kinds of dispute they take).
//!
//! Which kinds of organisation the roster holds, and why:
//! - `people` — 人民调解委员会 under the 人民调解法 (2010): the districts' and counties' committees, and those of the
//!   state forestry bureaus in the Yanbian forest areas. Mediation is free of charge (人民调解法第四条); an agreement
//!   can be confirmed by the court (司法确认, 人民调解法第三十三条).
//! - `court_invited` — individual 特邀调解员 the court itself invites under 最高人民法院关于人民法院特邀调解的规定
//!   (法释〔2016〕14号): retired judges, people's congress deputies, experts. The demo staff account
//!   `mediator.changyi` is one of them.
//! - `property`, `medical`, `traffic` — 行业性、专业性人民调解委员会 for property services, medical disputes
//!   (医疗纠纷预防和处理条例) and road-traffic accidents; the traffic room works in the 道交一体化 scheme
//!   (道路交通事故损害赔偿纠纷"网上数据一体化处理": police, insurers, mediators and the court on one platform).
//! - `finance`, `insurance` — the financial and insurance mediation centres connected with the courts under the
//!   SPC's opinions with the central bank and the banking and insurance regulator on 金融纠纷多元化解 and
//!   保险纠纷诉调对接.
//! - `lawyer` — 律师调解工作室 under the SPC and Ministry of Justice's lawyer-mediation work (律师调解).
//! - `labour_union`, `womens_federation`, `commerce_chamber` — the local ends of the SPC's "总对总" online
//!   litigation–mediation connections (在线诉调对接) with 全国总工会 (labour disputes), 全国妇联 (marriage and
//!   family disputes) and 全国工商联 (disputes of private enterprises).
//! - `grid` — 网格调解点: mediation points in communities and villages, as the court's mediation platform goes
//!   into villages, communities and grids (人民法院调解平台进乡村、进社区、进网格).
//!
//! Specialties are cause codes of [`domain::catalogue`]; a kind's specialties fit its field (the traffic room takes
//! traffic accidents, the women's federation marriage and family cases, the forest areas forestry contracts).
//! Languages: `zh` always, `ko` for Korean-speaking mediators (Yanbian and Korean communities), `mn` for
//! Mongolian-speaking ones (Qian Gorlos, Horqin). Availability windows are weekly, local time, whole hours.

/// An organisation on the roster (调解组织).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOrganisation {
    /// Stable id, e.g. "org-changyi-rmtj".
    pub code: &'static str,
    pub name: &'static str,
    /// Korean name, for the Yanbian organisations.
    pub name_ko: Option<&'static str>,
    /// One of [`ORGANISATION_KINDS`].
    pub kind: &'static str,
    /// The court it works with (the inviting or connected court).
    pub court_code: &'static str,
    /// Where in-person mediation happens.
    pub address: &'static str,
}

/// A mediator on the roster (调解员).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoMediator {
    /// Account login, unique, ASCII.
    pub login: &'static str,
    pub name: &'static str,
    /// [`DemoOrganisation::code`].
    pub org: &'static str,
    /// Home court: the mediator's account is bound to it.
    pub court_code: &'static str,
    /// Courts served: the home court and sometimes neighbours.
    pub courts: &'static [&'static str],
    /// Cause codes of [`domain::catalogue`].
    pub specialties: &'static [&'static str],
    /// "zh" always; "ko" Korean, "mn" Mongolian.
    pub languages: &'static [&'static str],
    /// County-level area, e.g. "吉林市昌邑区", "敦化市".
    pub place: &'static str,
    /// Short public background shown on the roster; no personal contact data.
    pub title: &'static str,
    /// Weekly availability: (weekday 0 = Monday .. 6 = Sunday, start minute, end minute), local time.
    pub windows: &'static [(u8, u16, u16)],
    /// Maximum active cases.
    pub capacity: u32,
    /// Rating in tenths (47 = 4.7); `None` for new mediators.
    pub rating_tenths: Option<u8>,
    /// (from YYYY-MM-DD, to YYYY-MM-DD inclusive, reason).
    pub absences: &'static [(&'static str, &'static str, &'static str)],
}

/// The organisation kinds, as [`DemoOrganisation::kind`] names them.
pub const ORGANISATION_KINDS: &[&str] = &[
    "people",
    "property",
    "finance",
    "traffic",
    "medical",
    "insurance",
    "lawyer",
    "labour_union",
    "womens_federation",
    "commerce_chamber",
    "grid",
    "court_invited",
];

// Common weekly patterns (09:00-12:00 and 13:00-17:00 the working day).

/// Monday to Friday, 09:00-12:00 and 13:00-17:00.
const WEEKDAYS: &[(u8, u16, u16)] = &[
    (0, 540, 720),
    (0, 780, 1020),
    (1, 540, 720),
    (1, 780, 1020),
    (2, 540, 720),
    (2, 780, 1020),
    (3, 540, 720),
    (3, 780, 1020),
    (4, 540, 720),
    (4, 780, 1020),
];

/// Monday to Friday, 09:00-12:00.
const WEEKDAY_MORNINGS: &[(u8, u16, u16)] = &[
    (0, 540, 720),
    (1, 540, 720),
    (2, 540, 720),
    (3, 540, 720),
    (4, 540, 720),
];

/// Monday to Friday, 13:00-17:00.
const WEEKDAY_AFTERNOONS: &[(u8, u16, u16)] = &[
    (0, 780, 1020),
    (1, 780, 1020),
    (2, 780, 1020),
    (3, 780, 1020),
    (4, 780, 1020),
];

/// Monday to Saturday, 09:00-12:00 (grid points).
const WEEKDAY_AND_SATURDAY_MORNINGS: &[(u8, u16, u16)] = &[
    (0, 540, 720),
    (1, 540, 720),
    (2, 540, 720),
    (3, 540, 720),
    (4, 540, 720),
    (5, 540, 720),
];

/// Monday, Wednesday and Friday, 09:00-12:00.
const MON_WED_FRI_MORNINGS: &[(u8, u16, u16)] = &[(0, 540, 720), (2, 540, 720), (4, 540, 720)];

/// Tuesday and Thursday, 09:00-12:00 and 13:00-17:00.
const TUE_THU: &[(u8, u16, u16)] = &[(1, 540, 720), (1, 780, 1020), (3, 540, 720), (3, 780, 1020)];

pub const ORGANISATIONS: &[DemoOrganisation] = &[
    // 吉林市昌邑区 (吉0202)
    DemoOrganisation {
        code: "org-changyi-invited",
        name: "吉林市昌邑区人民法院特邀调解员",
        name_ko: None,
        kind: "court_invited",
        court_code: "吉0202",
        address: "吉林市昌邑区人民法院诉讼服务中心调解室（吉林市昌邑区解放北路1188号）",
    },
    DemoOrganisation {
        code: "org-changyi-rmtj",
        name: "吉林市昌邑区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0202",
        address: "吉林市昌邑区人民法院诉讼服务中心人民调解工作室（吉林市昌邑区解放北路1188号）",
    },
    DemoOrganisation {
        code: "org-changyi-traffic",
        name: "吉林市昌邑区道路交通事故损害赔偿纠纷人民调解委员会",
        name_ko: None,
        kind: "traffic",
        court_code: "吉0202",
        address: "昌邑区道交一体化调解室（吉林市昌邑区通江路506号交警大队事故处理中心一楼）",
    },
    DemoOrganisation {
        code: "org-jilin-medical",
        name: "吉林市医疗纠纷人民调解委员会",
        name_ko: None,
        kind: "medical",
        court_code: "吉0202",
        address: "吉林市医疗纠纷人民调解委员会调解室（吉林市昌邑区重庆街218号三楼）",
    },
    DemoOrganisation {
        code: "org-jilin-property",
        name: "吉林市物业纠纷人民调解委员会",
        name_ko: None,
        kind: "property",
        court_code: "吉0202",
        address: "昌邑区人民法院东市场诉讼服务站（吉林市昌邑区东市场街道办事处二楼）",
    },
    DemoOrganisation {
        code: "org-jiangcheng-lawyer",
        name: "吉林江城律师事务所律师调解工作室",
        name_ko: None,
        kind: "lawyer",
        court_code: "吉0202",
        address: "吉林江城律师事务所调解室（吉林市昌邑区吉林大街2166号江城大厦9层）",
    },
    DemoOrganisation {
        code: "org-jilin-union",
        name: "吉林市总工会劳动争议调解中心",
        name_ko: None,
        kind: "labour_union",
        court_code: "吉0202",
        address: "吉林市职工服务中心劳动争议调解室（吉林市昌邑区遵义东路77号）",
    },
    DemoOrganisation {
        code: "org-jilin-women",
        name: "吉林市妇联婚姻家庭纠纷人民调解委员会",
        name_ko: None,
        kind: "womens_federation",
        court_code: "吉0202",
        address: "吉林市妇女儿童活动中心婚姻家庭调解室（吉林市昌邑区北京路355号）",
    },
    // 吉林市龙潭区 (吉0203)
    DemoOrganisation {
        code: "org-longtan-rmtj",
        name: "吉林市龙潭区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0203",
        address: "吉林市龙潭区人民法院诉讼服务中心调解室（吉林市龙潭区龙潭大街1520号）",
    },
    // 吉林市船营区 (吉0204)
    DemoOrganisation {
        code: "org-chuanying-rmtj",
        name: "吉林市船营区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0204",
        address: "吉林市船营区人民法院诉讼服务中心调解室（吉林市船营区光华路918号）",
    },
    DemoOrganisation {
        code: "org-jilin-finance",
        name: "吉林市金融纠纷调解中心",
        name_ko: None,
        kind: "finance",
        court_code: "吉0204",
        address: "吉林市金融纠纷调解中心（吉林市船营区松江中路466号金融大厦5层）",
    },
    DemoOrganisation {
        code: "org-jilin-insurance",
        name: "吉林市保险纠纷人民调解委员会",
        name_ko: None,
        kind: "insurance",
        court_code: "吉0204",
        address: "吉林市保险行业协会调解室（吉林市船营区河南街309号6层）",
    },
    DemoOrganisation {
        code: "org-jilin-chamber",
        name: "吉林市工商联民营企业纠纷调解工作室",
        name_ko: None,
        kind: "commerce_chamber",
        court_code: "吉0204",
        address: "吉林市工商业联合会调解工作室（吉林市船营区德胜路1209号）",
    },
    // 吉林市丰满区 (吉0211), 永吉县 (吉0221)
    DemoOrganisation {
        code: "org-fengman-grid",
        name: "吉林市丰满区江南街道网格调解点",
        name_ko: None,
        kind: "grid",
        court_code: "吉0211",
        address: "江南街道华山路社区网格服务站一楼（吉林市丰满区华山路210号）",
    },
    DemoOrganisation {
        code: "org-yongji-grid",
        name: "永吉县口前镇网格调解点",
        name_ko: None,
        kind: "grid",
        court_code: "吉0221",
        address: "口前镇综治中心网格调解室（永吉县口前镇永吉大街108号）",
    },
    // The county-level cities of 吉林市
    DemoOrganisation {
        code: "org-jiaohe-rmtj",
        name: "蛟河市人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0281",
        address: "蛟河市人民法院诉讼服务中心调解室（蛟河市长安街688号）",
    },
    DemoOrganisation {
        code: "org-huadian-rmtj",
        name: "桦甸市人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0282",
        address: "桦甸市人民法院诉讼服务中心调解室（桦甸市明桦街1015号）",
    },
    DemoOrganisation {
        code: "org-shulan-rmtj",
        name: "舒兰市人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0283",
        address: "舒兰市人民法院诉讼服务中心调解室（舒兰市吉舒大街366号）",
    },
    DemoOrganisation {
        code: "org-panshi-rmtj",
        name: "磐石市人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0284",
        address: "磐石市人民法院诉讼服务中心调解室（磐石市东宁路520号）",
    },
    // Yanbian forest areas (吉7601..吉7605): the state forestry bureaus' committees
    DemoOrganisation {
        code: "org-dunhua-forest",
        name: "敦化林业局人民调解委员会",
        name_ko: Some("돈화림업국인민조정위원회"),
        kind: "people",
        court_code: "吉7601",
        address: "敦化林区基层法院诉讼服务中心调解室（敦化市胜利街1326号）",
    },
    DemoOrganisation {
        code: "org-hunchun-forest",
        name: "珲春林业局人民调解委员会",
        name_ko: Some("훈춘림업국인민조정위원회"),
        kind: "people",
        court_code: "吉7602",
        address: "珲春林区基层法院诉讼服务中心调解室（珲春市林业路88号）",
    },
    DemoOrganisation {
        code: "org-wangqing-forest",
        name: "汪清林业局人民调解委员会",
        name_ko: Some("왕청림업국인민조정위원회"),
        kind: "people",
        court_code: "吉7603",
        address: "汪清林区基层法院天桥岭诉讼服务站（汪清县天桥岭镇林业局办公楼一楼）",
    },
    DemoOrganisation {
        code: "org-baihe-forest",
        name: "白河林业局人民调解委员会",
        name_ko: Some("백하림업국인민조정위원회"),
        kind: "people",
        court_code: "吉7604",
        address: "白河林区基层法院二道白河诉讼服务站（安图县二道白河镇白河大街226号）",
    },
    DemoOrganisation {
        code: "org-helong-forest",
        name: "和龙林业局人民调解委员会",
        name_ko: Some("화룡림업국인민조정위원회"),
        kind: "people",
        court_code: "吉7605",
        address: "和龙林区基层法院诉讼服务中心调解室（和龙市文化街415号）",
    },
    // 前郭尔罗斯蒙古族自治县 (吉0721), 通辽市科尔沁区 (蒙0502)
    DemoOrganisation {
        code: "org-qianguo-rmtj",
        name: "前郭尔罗斯蒙古族自治县人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "吉0721",
        address: "前郭尔罗斯蒙古族自治县人民法院诉讼服务中心调解室（前郭尔罗斯蒙古族自治县乌兰大街1669号）",
    },
    DemoOrganisation {
        code: "org-horqin-rmtj",
        name: "通辽市科尔沁区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "蒙0502",
        address: "通辽市科尔沁区人民法院诉讼服务中心调解室（通辽市科尔沁区霍林河大街1208号）",
    },
    // 石嘴山市 (宁0202, 宁0205, 宁0221)
    DemoOrganisation {
        code: "org-dawukou-rmtj",
        name: "石嘴山市大武口区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "宁0202",
        address: "石嘴山市大武口区人民法院诉讼服务中心调解室（石嘴山市大武口区朝阳西街316号）",
    },
    DemoOrganisation {
        code: "org-huinong-rmtj",
        name: "石嘴山市惠农区人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "宁0205",
        address: "石嘴山市惠农区人民法院诉讼服务中心调解室（石嘴山市惠农区南街227号）",
    },
    DemoOrganisation {
        code: "org-pingluo-rmtj",
        name: "平罗县人民调解委员会",
        name_ko: None,
        kind: "people",
        court_code: "宁0221",
        address: "平罗县人民法院诉讼服务中心调解室（平罗县鼓楼南街152号）",
    },
];

pub const MEDIATORS: &[DemoMediator] = &[
    // ---- 吉林市昌邑区人民法院特邀调解员 (吉0202) ----
    DemoMediator {
        login: "mediator.changyi",
        name: "陈调解",
        org: "org-changyi-invited",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &[
            "private_loan",
            "sale",
            "labour_service",
            "house_lease",
            "personality",
        ],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "特邀调解员，原法院民事审判庭审判员，从事民事审判24年",
        windows: WEEKDAYS,
        capacity: 20,
        rating_tenths: Some(46),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.liguohua",
        name: "李国华",
        org: "org-changyi-invited",
        court_code: "吉0202",
        courts: &["吉0202", "吉0203", "吉0204"],
        specialties: &[
            "construction",
            "financial_loan",
            "forestry_contract",
            "inheritance",
        ],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "退休法官，原中级法院民事审判庭庭长，从事民商事审判31年",
        windows: TUE_THU,
        capacity: 10,
        rating_tenths: Some(49),
        absences: &[("2026-12-21", "2027-01-08", "年休假")],
    },
    DemoMediator {
        login: "mediator.zhaoshuqin",
        name: "赵淑琴",
        org: "org-changyi-invited",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &[
            "elder_support",
            "support",
            "personality",
            "property_service",
        ],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "市人大代表，社区工作22年，熟悉邻里与家庭纠纷",
        windows: &[(0, 540, 720), (2, 540, 720)],
        capacity: 6,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 吉林市昌邑区人民调解委员会 ----
    DemoMediator {
        login: "mediator.sunguilan",
        name: "孙桂兰",
        org: "org-changyi-rmtj",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &[
            "private_loan",
            "house_lease",
            "elder_support",
            "inheritance",
            "personality",
        ],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "专职人民调解员，原街道司法所工作人员，从事人民调解15年",
        windows: WEEKDAYS,
        capacity: 18,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.yangjianjun",
        name: "杨建军",
        org: "org-changyi-rmtj",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &[
            "forestry_contract",
            "labour_service",
            "private_loan",
            "inheritance",
        ],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "专职人民调解员，乡镇司法所退休所长，熟悉农村土地与林地承包",
        windows: &[
            (0, 540, 720),
            (0, 780, 960),
            (2, 540, 720),
            (2, 780, 960),
            (4, 540, 720),
        ],
        capacity: 12,
        rating_tenths: Some(44),
        absences: &[],
    },
    // ---- 昌邑区道交一体化调解室 ----
    DemoMediator {
        login: "mediator.liuzhiqiang",
        name: "刘志强",
        org: "org-changyi-traffic",
        court_code: "吉0202",
        courts: &["吉0202", "吉0204"],
        specialties: &["traffic_accident"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "退休交通警察，从事交通事故处理22年",
        windows: WEEKDAYS,
        capacity: 20,
        rating_tenths: Some(47),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.zhangyan",
        name: "张艳",
        org: "org-changyi-traffic",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &["traffic_accident"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "原保险公司理赔人员，熟悉人身损害赔偿计算",
        windows: WEEKDAY_AFTERNOONS,
        capacity: 15,
        rating_tenths: Some(43),
        absences: &[],
    },
    // ---- 吉林市保险纠纷人民调解委员会 (吉0204) ----
    DemoMediator {
        login: "mediator.gaoming",
        name: "高明",
        org: "org-jilin-insurance",
        court_code: "吉0204",
        courts: &["吉0204", "吉0202"],
        specialties: &["traffic_accident"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "保险行业从业18年，专长机动车保险理赔纠纷",
        windows: &[(0, 540, 720), (1, 540, 720), (2, 540, 720), (3, 540, 720)],
        capacity: 12,
        rating_tenths: Some(42),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.zhoulijuan",
        name: "周丽娟",
        org: "org-jilin-insurance",
        court_code: "吉0204",
        courts: &["吉0204"],
        specialties: &["traffic_accident"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "保险行业协会调解员，原车险核赔人员",
        windows: WEEKDAY_AFTERNOONS,
        capacity: 12,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 吉林市医疗纠纷人民调解委员会 ----
    // Medical negligence (医疗损害责任纠纷) is not yet a catalogue cause; these mediators also take the reputation
    // disputes between hospitals and patients.
    DemoMediator {
        login: "mediator.huyuzhen",
        name: "胡玉珍",
        org: "org-jilin-medical",
        court_code: "吉0202",
        courts: &["吉0202", "吉0203", "吉0204"],
        specialties: &["personality"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "退休主任医师，从事临床工作30年，医疗纠纷调解",
        windows: TUE_THU,
        capacity: 8,
        rating_tenths: Some(48),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.majun",
        name: "马骏",
        org: "org-jilin-medical",
        court_code: "吉0202",
        courts: &["吉0202", "吉0211"],
        specialties: &["personality"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "执业律师，原医院法务，专长医疗纠纷与名誉权",
        windows: &[(2, 780, 1020), (4, 780, 1020)],
        capacity: 6,
        rating_tenths: Some(41),
        absences: &[],
    },
    // ---- 吉林市金融纠纷调解中心 (吉0204) ----
    DemoMediator {
        login: "mediator.xuwenbo",
        name: "徐文博",
        org: "org-jilin-finance",
        court_code: "吉0204",
        courts: &["吉0204", "吉0202"],
        specialties: &["financial_loan", "private_loan"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "原银行信贷部经理，从事信贷管理20年",
        windows: WEEKDAYS,
        capacity: 16,
        rating_tenths: Some(45),
        absences: &[("2027-01-04", "2027-01-15", "调解员业务培训")],
    },
    DemoMediator {
        login: "mediator.hanxue",
        name: "韩雪",
        org: "org-jilin-finance",
        court_code: "吉0204",
        courts: &["吉0204", "吉0202", "吉0203"],
        specialties: &["financial_loan"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "金融机构法律顾问，专长金融借款与信用卡纠纷",
        windows: MON_WED_FRI_MORNINGS,
        capacity: 10,
        rating_tenths: Some(44),
        absences: &[],
    },
    // ---- 吉林市物业纠纷人民调解委员会 ----
    DemoMediator {
        login: "mediator.songli",
        name: "宋丽",
        org: "org-jilin-property",
        court_code: "吉0202",
        courts: &["吉0202", "吉0204"],
        specialties: &["property_service", "house_lease"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "原物业行业协会工作人员，熟悉物业服务收费与维修纠纷",
        windows: &[
            (0, 540, 720),
            (0, 780, 1020),
            (1, 540, 720),
            (1, 780, 1020),
            (2, 540, 720),
            (2, 780, 1020),
            (3, 540, 720),
            (3, 780, 1020),
            (4, 540, 720),
            (5, 540, 720),
        ],
        capacity: 18,
        rating_tenths: Some(43),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.yuhaitao",
        name: "于海涛",
        org: "org-jilin-property",
        court_code: "吉0202",
        courts: &["吉0202", "吉0203"],
        specialties: &["property_service", "house_lease"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "社区居委会主任，业主委员会工作指导10年",
        windows: &[(1, 780, 1020), (3, 780, 1020), (3, 1080, 1200)],
        capacity: 12,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 吉林江城律师事务所律师调解工作室 ----
    DemoMediator {
        login: "mediator.dongpeng",
        name: "董鹏",
        org: "org-jiangcheng-lawyer",
        court_code: "吉0202",
        courts: &["吉0202", "吉0204"],
        specialties: &["private_loan", "sale", "construction"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "执业律师，专长民间借贷与买卖合同",
        windows: &[(0, 840, 1020), (2, 840, 1020), (5, 540, 720)],
        capacity: 8,
        rating_tenths: Some(46),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.fengjing",
        name: "冯静",
        org: "org-jiangcheng-lawyer",
        court_code: "吉0202",
        courts: &["吉0202"],
        specialties: &["ip", "personality", "labour_dispute"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "执业律师，专长知识产权与名誉权纠纷",
        windows: &[(1, 540, 720), (3, 540, 720), (5, 540, 720)],
        capacity: 8,
        rating_tenths: Some(47),
        absences: &[],
    },
    // ---- 吉林市总工会劳动争议调解中心 ----
    DemoMediator {
        login: "mediator.luoguangming",
        name: "罗光明",
        org: "org-jilin-union",
        court_code: "吉0202",
        courts: &["吉0202", "吉0203", "吉0204", "吉0211"],
        specialties: &["labour_dispute", "labour_pay", "labour_service"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "工会法律工作者，原劳动人事争议仲裁员",
        windows: WEEKDAYS,
        capacity: 20,
        rating_tenths: Some(46),
        absences: &[("2026-12-07", "2026-12-11", "调解员业务培训")],
    },
    DemoMediator {
        login: "mediator.tianxiuying",
        name: "田秀英",
        org: "org-jilin-union",
        court_code: "吉0202",
        courts: &["吉0202", "吉0204"],
        specialties: &["labour_dispute", "labour_pay"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "企业工会主席退休，熟悉工资支付与劳动合同纠纷",
        windows: &[
            (0, 540, 720),
            (0, 780, 1020),
            (1, 540, 720),
            (1, 780, 1020),
            (2, 540, 720),
            (2, 780, 1020),
        ],
        capacity: 15,
        rating_tenths: Some(44),
        absences: &[],
    },
    // ---- 吉林市妇联婚姻家庭纠纷人民调解委员会 ----
    DemoMediator {
        login: "mediator.wangshuzhen",
        name: "王淑珍",
        org: "org-jilin-women",
        court_code: "吉0202",
        courts: &["吉0202", "吉0204"],
        specialties: &["divorce", "support", "elder_support", "inheritance"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "妇联婚姻家庭调解员，从事婚姻家庭调解18年",
        windows: WEEKDAYS,
        capacity: 16,
        rating_tenths: Some(48),
        absences: &[("2027-01-25", "2027-02-05", "年休假")],
    },
    DemoMediator {
        login: "mediator.lihuimin",
        name: "李慧敏",
        org: "org-jilin-women",
        court_code: "吉0202",
        courts: &["吉0202", "吉0203", "吉0211"],
        specialties: &["divorce", "support"],
        languages: &["zh"],
        place: "吉林市昌邑区",
        title: "心理咨询师、婚姻家庭咨询师",
        windows: &[(1, 780, 1020), (3, 780, 1020), (5, 540, 720)],
        capacity: 8,
        rating_tenths: Some(47),
        absences: &[],
    },
    // ---- 吉林市工商联民营企业纠纷调解工作室 (吉0204) ----
    DemoMediator {
        login: "mediator.chenjianguo",
        name: "陈建国",
        org: "org-jilin-chamber",
        court_code: "吉0204",
        courts: &["吉0204", "吉0202"],
        specialties: &["sale", "construction", "private_loan"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "民营企业家，市工商联执委，熟悉建材购销与工程结算",
        windows: &[(2, 780, 1020), (4, 780, 1020)],
        capacity: 6,
        rating_tenths: Some(42),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.wuyanan",
        name: "吴亚男",
        org: "org-jilin-chamber",
        court_code: "吉0204",
        courts: &["吉0204", "吉0202"],
        specialties: &["ip", "sale", "financial_loan"],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "执业律师，工商联法律顾问，专长商标与企业融资纠纷",
        windows: &[(0, 540, 720), (0, 780, 1020), (3, 540, 720), (3, 780, 1020)],
        capacity: 10,
        rating_tenths: Some(45),
        absences: &[],
    },
    // ---- 吉林市船营区人民调解委员会 ----
    DemoMediator {
        login: "mediator.zhengyuhua",
        name: "郑玉华",
        org: "org-chuanying-rmtj",
        court_code: "吉0204",
        courts: &["吉0204"],
        specialties: &[
            "private_loan",
            "house_lease",
            "inheritance",
            "elder_support",
        ],
        languages: &["zh"],
        place: "吉林市船营区",
        title: "专职人民调解员，从事社区调解12年",
        windows: WEEKDAYS,
        capacity: 18,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.piaomeihua",
        name: "朴美花",
        org: "org-chuanying-rmtj",
        court_code: "吉0204",
        courts: &["吉0204"],
        specialties: &["divorce", "inheritance", "private_loan"],
        languages: &["zh", "ko"],
        place: "吉林市船营区",
        title: "朝鲜族社区调解员，可用朝鲜语调解",
        windows: MON_WED_FRI_MORNINGS,
        capacity: 10,
        rating_tenths: Some(46),
        absences: &[],
    },
    // ---- 吉林市龙潭区人民调解委员会 ----
    DemoMediator {
        login: "mediator.jiangwei",
        name: "姜伟",
        org: "org-longtan-rmtj",
        court_code: "吉0203",
        courts: &["吉0203"],
        specialties: &["labour_service", "construction", "private_loan"],
        languages: &["zh"],
        place: "吉林市龙潭区",
        title: "专职人民调解员，原国有企业劳资科干部",
        windows: WEEKDAYS,
        capacity: 16,
        rating_tenths: Some(43),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.qiuyan",
        name: "邱艳",
        org: "org-longtan-rmtj",
        court_code: "吉0203",
        courts: &["吉0203"],
        specialties: &[
            "elder_support",
            "support",
            "property_service",
            "house_lease",
        ],
        languages: &["zh"],
        place: "吉林市龙潭区",
        title: "社区网格员出身，从事家庭与邻里纠纷调解",
        windows: WEEKDAY_MORNINGS,
        capacity: 12,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 丰满区江南街道网格调解点 (吉0211) ----
    DemoMediator {
        login: "mediator.liushufen",
        name: "刘淑芬",
        org: "org-fengman-grid",
        court_code: "吉0211",
        courts: &["吉0211"],
        specialties: &[
            "property_service",
            "house_lease",
            "elder_support",
            "private_loan",
        ],
        languages: &["zh"],
        place: "吉林市丰满区",
        title: "社区网格长，从事基层调解10年",
        windows: WEEKDAY_AND_SATURDAY_MORNINGS,
        capacity: 10,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.wanggang",
        name: "王刚",
        org: "org-fengman-grid",
        court_code: "吉0211",
        courts: &["吉0211"],
        specialties: &["labour_pay", "labour_service", "private_loan"],
        languages: &["zh"],
        place: "吉林市丰满区",
        title: "网格调解员，退役军人，熟悉农民工工资纠纷",
        windows: &[(1, 1080, 1200), (3, 1080, 1200), (5, 540, 720)],
        capacity: 6,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 永吉县口前镇网格调解点 (吉0221) ----
    DemoMediator {
        login: "mediator.sunfugui",
        name: "孙福贵",
        org: "org-yongji-grid",
        court_code: "吉0221",
        courts: &["吉0221"],
        specialties: &[
            "forestry_contract",
            "labour_service",
            "inheritance",
            "private_loan",
        ],
        languages: &["zh"],
        place: "永吉县",
        title: "村委会退休干部，熟悉林地与土地承包",
        windows: &[(0, 540, 720), (2, 540, 720), (4, 540, 720), (5, 540, 720)],
        capacity: 10,
        rating_tenths: Some(44),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.zhaoxiulan",
        name: "赵秀兰",
        org: "org-yongji-grid",
        court_code: "吉0221",
        courts: &["吉0221"],
        specialties: &["divorce", "elder_support", "support", "inheritance"],
        languages: &["zh"],
        place: "永吉县",
        title: "镇妇联主席，网格调解员",
        windows: &[(1, 780, 1020), (3, 780, 1020), (5, 540, 720)],
        capacity: 8,
        rating_tenths: Some(46),
        absences: &[],
    },
    // ---- 蛟河、桦甸、舒兰、磐石 ----
    DemoMediator {
        login: "mediator.liming",
        name: "李明",
        org: "org-jiaohe-rmtj",
        court_code: "吉0281",
        courts: &["吉0281"],
        specialties: &["forestry_contract", "private_loan", "sale"],
        languages: &["zh"],
        place: "蛟河市",
        title: "专职人民调解员，原林业站站长",
        windows: WEEKDAYS,
        capacity: 15,
        rating_tenths: Some(44),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.xuchunlin",
        name: "许春林",
        org: "org-huadian-rmtj",
        court_code: "吉0282",
        courts: &["吉0282"],
        specialties: &["forestry_contract", "labour_service", "construction"],
        languages: &["zh"],
        place: "桦甸市",
        title: "专职人民调解员，从事乡镇司法工作20年",
        windows: WEEKDAYS,
        capacity: 15,
        rating_tenths: Some(45),
        absences: &[("2026-12-14", "2026-12-25", "年休假")],
    },
    DemoMediator {
        login: "mediator.guoyanqiu",
        name: "郭艳秋",
        org: "org-shulan-rmtj",
        court_code: "吉0283",
        courts: &["吉0283"],
        specialties: &["private_loan", "divorce", "inheritance"],
        languages: &["zh"],
        place: "舒兰市",
        title: "专职人民调解员，基层法律服务工作者",
        windows: WEEKDAY_MORNINGS,
        capacity: 12,
        rating_tenths: Some(43),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.caiyong",
        name: "蔡勇",
        org: "org-panshi-rmtj",
        court_code: "吉0284",
        courts: &["吉0284"],
        specialties: &["sale", "labour_pay", "private_loan"],
        languages: &["zh"],
        place: "磐石市",
        title: "专职人民调解员，原企业法务",
        windows: WEEKDAYS,
        capacity: 14,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 延边林区 (吉7601..吉7605) ----
    DemoMediator {
        login: "mediator.jinyingji",
        name: "金英姬",
        org: "org-dunhua-forest",
        court_code: "吉7601",
        courts: &["吉7601"],
        specialties: &["forestry_contract", "labour_pay", "divorce"],
        languages: &["zh", "ko"],
        place: "敦化市",
        title: "朝鲜族，林业局退休干部，熟悉林地承包与林区职工工资纠纷，可用朝鲜语调解",
        windows: WEEKDAYS,
        capacity: 16,
        rating_tenths: Some(47),
        absences: &[("2026-12-28", "2027-01-03", "年休假")],
    },
    DemoMediator {
        login: "mediator.piaochenghao",
        name: "朴成浩",
        org: "org-dunhua-forest",
        court_code: "吉7601",
        courts: &["吉7601"],
        specialties: &["forestry_contract", "labour_dispute", "labour_pay"],
        languages: &["zh", "ko"],
        place: "敦化市",
        title: "朝鲜族，林场工会主席退休，可用朝鲜语调解",
        windows: &[
            (0, 540, 720),
            (0, 780, 1020),
            (2, 540, 720),
            (2, 780, 1020),
            (4, 540, 720),
            (4, 780, 1020),
        ],
        capacity: 12,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.lichunsheng",
        name: "李春生",
        org: "org-dunhua-forest",
        court_code: "吉7601",
        courts: &["吉7601"],
        specialties: &["forestry_contract", "private_loan"],
        languages: &["zh"],
        place: "敦化市",
        title: "林场护林员退休，熟悉林区承包经营",
        windows: &[(1, 540, 720), (3, 540, 720)],
        capacity: 8,
        rating_tenths: None,
        absences: &[],
    },
    DemoMediator {
        login: "mediator.cuimingzhe",
        name: "崔明哲",
        org: "org-hunchun-forest",
        court_code: "吉7602",
        courts: &["吉7602"],
        specialties: &["forestry_contract", "sale"],
        languages: &["zh", "ko"],
        place: "珲春市",
        title: "朝鲜族，林业局经营科退休干部，熟悉木材与林下产品购销，可用朝鲜语调解",
        windows: WEEKDAYS,
        capacity: 12,
        rating_tenths: Some(46),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.xuanchunhua",
        name: "玄春花",
        org: "org-hunchun-forest",
        court_code: "吉7602",
        courts: &["吉7602"],
        specialties: &["divorce", "inheritance", "labour_pay"],
        languages: &["zh", "ko"],
        place: "珲春市",
        title: "朝鲜族，林区社区调解员，从事婚姻家庭调解11年，可用朝鲜语调解",
        windows: WEEKDAY_MORNINGS,
        capacity: 10,
        rating_tenths: Some(48),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.quanyongzhe",
        name: "全永哲",
        org: "org-wangqing-forest",
        court_code: "吉7603",
        courts: &["吉7603"],
        specialties: &["forestry_contract", "labour_service"],
        languages: &["zh", "ko"],
        place: "汪清县",
        title: "朝鲜族，天桥岭林场退休场长，可用朝鲜语调解",
        windows: &[
            (0, 540, 720),
            (0, 780, 1020),
            (1, 540, 720),
            (1, 780, 1020),
            (2, 540, 720),
            (2, 780, 1020),
            (3, 540, 720),
            (3, 780, 1020),
        ],
        capacity: 10,
        rating_tenths: Some(44),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.nanmeilan",
        name: "南美兰",
        org: "org-baihe-forest",
        court_code: "吉7604",
        courts: &["吉7604"],
        specialties: &["forestry_contract", "elder_support", "inheritance"],
        languages: &["zh", "ko"],
        place: "安图县",
        title: "朝鲜族，林业局司法办退休干部，可用朝鲜语调解",
        windows: WEEKDAYS,
        capacity: 10,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.xuguangri",
        name: "许光日",
        org: "org-helong-forest",
        court_code: "吉7605",
        courts: &["吉7605"],
        specialties: &["forestry_contract", "labour_dispute", "private_loan"],
        languages: &["zh", "ko"],
        place: "和龙市",
        title: "朝鲜族，八家子林场退休干部，熟悉林地承包与职工安置，可用朝鲜语调解",
        windows: WEEKDAYS,
        capacity: 12,
        rating_tenths: Some(43),
        absences: &[("2027-01-11", "2027-01-22", "年休假")],
    },
    DemoMediator {
        login: "mediator.jiangchunzi",
        name: "姜春子",
        org: "org-helong-forest",
        court_code: "吉7605",
        courts: &["吉7605", "吉7604"],
        specialties: &["divorce", "support", "elder_support"],
        languages: &["zh", "ko"],
        place: "和龙市",
        title: "朝鲜族，林区妇联干部，可用朝鲜语调解",
        windows: TUE_THU,
        capacity: 8,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 前郭尔罗斯蒙古族自治县 (吉0721) ----
    DemoMediator {
        login: "mediator.baoyumei",
        name: "包玉梅",
        org: "org-qianguo-rmtj",
        court_code: "吉0721",
        courts: &["吉0721"],
        specialties: &["divorce", "support", "elder_support", "inheritance"],
        languages: &["zh", "mn"],
        place: "前郭尔罗斯蒙古族自治县",
        title: "蒙古族，专职人民调解员，从事婚姻家庭调解16年，可用蒙古语调解",
        windows: WEEKDAYS,
        capacity: 16,
        rating_tenths: Some(47),
        absences: &[("2027-01-18", "2027-01-29", "年休假")],
    },
    DemoMediator {
        login: "mediator.baiyincang",
        name: "白音仓",
        org: "org-qianguo-rmtj",
        court_code: "吉0721",
        courts: &["吉0721"],
        specialties: &["private_loan", "sale", "labour_service"],
        languages: &["zh", "mn"],
        place: "前郭尔罗斯蒙古族自治县",
        title: "蒙古族，乡镇司法所退休干部，熟悉农牧区借贷与牲畜买卖纠纷，可用蒙古语调解",
        windows: MON_WED_FRI_MORNINGS,
        capacity: 10,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.zhangshulin",
        name: "张树林",
        org: "org-qianguo-rmtj",
        court_code: "吉0721",
        courts: &["吉0721"],
        specialties: &["traffic_accident", "house_lease", "labour_pay"],
        languages: &["zh"],
        place: "前郭尔罗斯蒙古族自治县",
        title: "专职人民调解员，退休交通警察",
        windows: WEEKDAY_AFTERNOONS,
        capacity: 12,
        rating_tenths: None,
        absences: &[],
    },
    // ---- 通辽市科尔沁区 (蒙0502) ----
    DemoMediator {
        login: "mediator.baoyintu",
        name: "宝音图",
        org: "org-horqin-rmtj",
        court_code: "蒙0502",
        courts: &["蒙0502"],
        specialties: &["private_loan", "sale", "labour_pay"],
        languages: &["zh", "mn"],
        place: "通辽市科尔沁区",
        title: "蒙古族，专职人民调解员，原嘎查党支部书记，可用蒙古语调解",
        windows: WEEKDAYS,
        capacity: 15,
        rating_tenths: Some(46),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.wuyunqimuge",
        name: "乌云其木格",
        org: "org-horqin-rmtj",
        court_code: "蒙0502",
        courts: &["蒙0502"],
        specialties: &["divorce", "support", "elder_support", "inheritance"],
        languages: &["zh", "mn"],
        place: "通辽市科尔沁区",
        title: "蒙古族，妇联婚姻家庭调解员，可用蒙古语调解",
        windows: WEEKDAY_MORNINGS,
        capacity: 12,
        rating_tenths: Some(48),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.hasichaolu",
        name: "哈斯朝鲁",
        org: "org-horqin-rmtj",
        court_code: "蒙0502",
        courts: &["蒙0502"],
        specialties: &["traffic_accident", "labour_dispute", "personality"],
        languages: &["zh", "mn"],
        place: "通辽市科尔沁区",
        title: "蒙古族，退休法官，从事民事审判25年，可用蒙古语调解",
        windows: TUE_THU,
        capacity: 8,
        rating_tenths: Some(44),
        absences: &[],
    },
    // ---- 石嘴山市 (宁0202, 宁0205, 宁0221) ----
    DemoMediator {
        login: "mediator.maxuewen",
        name: "马学文",
        org: "org-dawukou-rmtj",
        court_code: "宁0202",
        courts: &["宁0202", "宁0205"],
        specialties: &["private_loan", "labour_pay", "house_lease"],
        languages: &["zh"],
        place: "石嘴山市大武口区",
        title: "专职人民调解员，原煤矿企业劳资干部",
        windows: WEEKDAYS,
        capacity: 14,
        rating_tenths: Some(45),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.yangjing",
        name: "杨静",
        org: "org-dawukou-rmtj",
        court_code: "宁0202",
        courts: &["宁0202"],
        specialties: &["divorce", "elder_support", "inheritance"],
        languages: &["zh"],
        place: "石嘴山市大武口区",
        title: "社区人民调解员，从事婚姻家庭调解8年",
        windows: MON_WED_FRI_MORNINGS,
        capacity: 10,
        rating_tenths: None,
        absences: &[],
    },
    DemoMediator {
        login: "mediator.hejianping",
        name: "何建平",
        org: "org-huinong-rmtj",
        court_code: "宁0205",
        courts: &["宁0205"],
        specialties: &["labour_dispute", "labour_pay", "sale"],
        languages: &["zh"],
        place: "石嘴山市惠农区",
        title: "专职人民调解员，原园区企业人力资源主管",
        windows: WEEKDAYS,
        capacity: 12,
        rating_tenths: Some(44),
        absences: &[],
    },
    DemoMediator {
        login: "mediator.maxiuying",
        name: "马秀英",
        org: "org-pingluo-rmtj",
        court_code: "宁0221",
        courts: &["宁0221"],
        specialties: &["divorce", "support", "inheritance", "private_loan"],
        languages: &["zh"],
        place: "平罗县",
        title: "专职人民调解员，乡镇司法所退休干部",
        windows: WEEKDAYS,
        capacity: 12,
        rating_tenths: Some(46),
        absences: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{COURTS, COURT_PLACES, DEMO_STAFF};
    use domain::registration::AccountKind;
    use domain::Date;
    use std::collections::{BTreeMap, HashSet};

    /// The causes a mediator may take (the catalogue's civil causes; administrative cases, enforcement and judicial
    /// confirmation are not mediated on the roster).
    const CAUSE_CODES: &[&str] = &[
        "private_loan",
        "financial_loan",
        "sale",
        "labour_service",
        "construction",
        "house_lease",
        "property_service",
        "forestry_contract",
        "labour_dispute",
        "labour_pay",
        "traffic_accident",
        "personality",
        "ip",
        "divorce",
        "support",
        "elder_support",
        "inheritance",
    ];

    fn org(code: &str) -> &'static DemoOrganisation {
        ORGANISATIONS
            .iter()
            .find(|o| o.code == code)
            .unwrap_or_else(|| panic!("no organisation {code}"))
    }

    fn is_demo_court(code: &str) -> bool {
        COURTS
            .iter()
            .any(|&(c, _, _, level, _, _)| c == code && level != "intermediate")
    }

    /// Seven or more digits in a row: a telephone or ID number has no place on the public roster.
    fn has_long_number(s: &str) -> bool {
        let mut run = 0;
        for c in s.chars() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            if run >= 7 {
                return true;
            }
        }
        false
    }

    #[test]
    fn counts() {
        assert!(ORGANISATIONS.len() >= 14, "{}", ORGANISATIONS.len());
        assert!(MEDIATORS.len() >= 44, "{}", MEDIATORS.len());
        let speaks = |m: &DemoMediator, lang: &str| m.languages.contains(&lang);
        let korean_forest = MEDIATORS
            .iter()
            .filter(|m| m.court_code.starts_with("吉76") && speaks(m, "ko"))
            .count();
        assert!(korean_forest >= 6, "{korean_forest}");
        let mongolian = MEDIATORS
            .iter()
            .filter(|m| ["吉0721", "蒙0502"].contains(&m.court_code) && speaks(m, "mn"))
            .count();
        assert!(mongolian >= 4, "{mongolian}");
        let jilin = MEDIATORS
            .iter()
            .filter(|m| {
                m.courts
                    .iter()
                    .any(|c| c.starts_with("吉02") && c.len() > "吉02".len())
            })
            .count();
        assert!(jilin >= 20, "{jilin}");
    }

    #[test]
    fn organisations_are_well_formed() {
        let mut codes = HashSet::new();
        for o in ORGANISATIONS {
            assert!(codes.insert(o.code), "duplicate organisation {}", o.code);
            assert!(
                o.code.starts_with("org-") && o.code.is_ascii(),
                "{}",
                o.code
            );
            assert!(
                ORGANISATION_KINDS.contains(&o.kind),
                "{}: {}",
                o.code,
                o.kind
            );
            assert!(is_demo_court(o.court_code), "{}: {}", o.code, o.court_code);
            assert!(!o.name.is_empty() && !o.address.is_empty(), "{}", o.code);
            assert!(!has_long_number(o.address), "{}", o.code);
            // Korean names exactly for the Yanbian organisations.
            assert_eq!(
                o.name_ko.is_some(),
                o.court_code.starts_with("吉76"),
                "{}",
                o.code
            );
            assert!(
                MEDIATORS.iter().any(|m| m.org == o.code),
                "{} has no mediator",
                o.code
            );
        }
        for kind in ORGANISATION_KINDS {
            assert!(
                ORGANISATIONS.iter().any(|o| o.kind == *kind),
                "no organisation of kind {kind}"
            );
        }
    }

    #[test]
    fn required_organisations_exist() {
        let has = |court: &str, kind: &str, name_part: &str| {
            ORGANISATIONS
                .iter()
                .any(|o| o.court_code == court && o.kind == kind && o.name.contains(name_part))
        };
        assert!(
            has("吉0202", "traffic", "道路交通事故") || has("吉0204", "traffic", "道路交通事故")
        );
        assert!(
            has("吉0202", "labour_union", "吉林市总工会")
                || has("吉0204", "labour_union", "吉林市总工会")
        );
        assert!(
            has("吉0202", "womens_federation", "吉林市妇联")
                || has("吉0204", "womens_federation", "吉林市妇联")
        );
        assert!(
            has("吉0202", "commerce_chamber", "吉林市工商联")
                || has("吉0204", "commerce_chamber", "吉林市工商联")
        );
        assert!(has("吉0211", "grid", "丰满区"));
        assert!(has("吉0221", "grid", "永吉县"));
        assert!(has("吉0721", "people", "前郭尔罗斯"));
        assert!(has("蒙0502", "people", "科尔沁区"));
        let people_courts: HashSet<_> = ORGANISATIONS
            .iter()
            .filter(|o| o.kind == "people")
            .map(|o| o.court_code)
            .collect();
        assert!(people_courts.len() >= 5, "{people_courts:?}");
    }

    #[test]
    fn mediators_are_well_formed() {
        let mut logins = HashSet::new();
        for m in MEDIATORS {
            assert!(logins.insert(m.login), "duplicate login {}", m.login);
            assert!(
                m.login.starts_with("mediator.")
                    && m.login.is_ascii()
                    && !m
                        .login
                        .chars()
                        .any(|c| c.is_ascii_uppercase() || c.is_whitespace()),
                "{}",
                m.login
            );
            let o = org(m.org);
            assert!(is_demo_court(m.court_code), "{}: {}", m.login, m.court_code);
            assert!(m.courts.contains(&m.court_code), "{}", m.login);
            let mut courts = HashSet::new();
            for c in m.courts {
                assert!(is_demo_court(c), "{}: {c}", m.login);
                assert!(courts.insert(c), "{}: {c} twice", m.login);
            }
            assert!(
                m.courts.contains(&o.court_code),
                "{} does not serve its organisation's court",
                m.login
            );
            assert!(!m.name.is_empty() && !m.place.is_empty() && !m.title.is_empty());
            assert!(!has_long_number(m.title), "{}", m.login);
            assert!((5..=20).contains(&m.capacity), "{}", m.login);
            if let Some(r) = m.rating_tenths {
                assert!((10..=50).contains(&r), "{}", m.login);
            }
        }
    }

    #[test]
    fn logins_fit_the_demo_staff() {
        for &(login, name, role, court) in DEMO_STAFF {
            match MEDIATORS.iter().find(|m| m.login == login) {
                Some(m) => {
                    assert_eq!(role, AccountKind::Mediator, "{login}");
                    assert_eq!(m.name, name, "{login}");
                    assert_eq!(m.court_code, court, "{login}");
                }
                None => assert_ne!(role, AccountKind::Mediator, "{login} not on the roster"),
            }
        }
        let changyi = MEDIATORS
            .iter()
            .find(|m| m.login == "mediator.changyi")
            .expect("mediator.changyi on the roster");
        assert_eq!(org(changyi.org).kind, "court_invited");
        assert_eq!(changyi.court_code, "吉0202");
    }

    #[test]
    fn languages_are_known() {
        for m in MEDIATORS {
            assert!(m.languages.contains(&"zh"), "{}", m.login);
            let mut seen = HashSet::new();
            for l in m.languages {
                assert!(["zh", "ko", "mn"].contains(l), "{}: {l}", m.login);
                assert!(seen.insert(l), "{}: {l} twice", m.login);
            }
        }
    }

    #[test]
    fn specialties_are_catalogue_causes_that_fit_the_organisation() {
        for m in MEDIATORS {
            assert!(!m.specialties.is_empty(), "{}", m.login);
            let mut seen = HashSet::new();
            for s in m.specialties {
                assert!(domain::catalogue::cause(s).is_some(), "{}: {s}", m.login);
                assert!(CAUSE_CODES.contains(s), "{}: {s} is not mediated", m.login);
                assert!(seen.insert(s), "{}: {s} twice", m.login);
            }
            // An empty list: any cause (people's committees, court-invited mediators, lawyers, grid points).
            let allowed: &[&str] = match org(m.org).kind {
                "traffic" | "insurance" => &["traffic_accident"],
                "medical" => &["personality"],
                "finance" => &["financial_loan", "private_loan"],
                "property" => &["property_service", "house_lease"],
                "labour_union" => &["labour_dispute", "labour_pay", "labour_service"],
                "womens_federation" => &["divorce", "support", "elder_support", "inheritance"],
                "commerce_chamber" => &[
                    "sale",
                    "construction",
                    "financial_loan",
                    "private_loan",
                    "ip",
                ],
                _ => &[],
            };
            for s in m.specialties {
                assert!(
                    allowed.is_empty() || allowed.contains(s),
                    "{}: {s} does not fit {}",
                    m.login,
                    m.org
                );
            }
        }
        // Each forest court has a mediator for forestry contracts.
        for court in ["吉7601", "吉7602", "吉7603", "吉7604", "吉7605"] {
            assert!(
                MEDIATORS
                    .iter()
                    .any(|m| m.courts.contains(&court)
                        && m.specialties.contains(&"forestry_contract")),
                "{court}"
            );
        }
    }

    #[test]
    fn every_cause_is_covered_twice_at_changyi() {
        let mut at_changyi: BTreeMap<&str, usize> = BTreeMap::new();
        for m in MEDIATORS.iter().filter(|m| m.courts.contains(&"吉0202")) {
            for s in m.specialties {
                *at_changyi.entry(*s).or_default() += 1;
            }
        }
        for code in CAUSE_CODES {
            assert!(
                MEDIATORS.iter().any(|m| m.specialties.contains(code)),
                "{code}"
            );
            let n = at_changyi.get(code).copied().unwrap_or(0);
            assert!(n >= 2, "{code}: {n} at 吉0202");
        }
    }

    #[test]
    fn every_court_has_a_mediator() {
        for (court, _) in COURT_PLACES {
            assert!(
                MEDIATORS.iter().any(|m| m.courts.contains(court)),
                "{court}"
            );
        }
    }

    #[test]
    fn windows_are_sane() {
        for m in MEDIATORS {
            assert!(!m.windows.is_empty(), "{}", m.login);
            for &(day, start, end) in m.windows {
                assert!(day <= 6, "{}", m.login);
                assert!(start < end && end <= 1440, "{}: {start}-{end}", m.login);
                assert!(start % 60 == 0 && end % 60 == 0, "{}: whole hours", m.login);
            }
            for (i, a) in m.windows.iter().enumerate() {
                for b in &m.windows[i + 1..] {
                    let overlap = a.0 == b.0 && a.1 < b.2 && b.1 < a.2;
                    assert!(!overlap, "{}: {a:?} and {b:?} overlap", m.login);
                }
            }
        }
    }

    #[test]
    fn absences_parse() {
        for m in MEDIATORS {
            for &(from, to, reason) in m.absences {
                let from = Date::parse_iso(from).unwrap_or_else(|| panic!("{}: {from}", m.login));
                let to = Date::parse_iso(to).unwrap_or_else(|| panic!("{}: {to}", m.login));
                assert!(from <= to, "{}", m.login);
                assert!(!reason.is_empty(), "{}", m.login);
            }
        }
    }
}
