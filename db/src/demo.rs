//! Demo reference data: the courts of the seed documents with their codes (法院代字, as case numbers use them) and
//! a demo account of every kind. Loading is idempotent: a second run keeps existing data and adds what is missing.
//!
//! The codes follow the Supreme People's Court's case-number rules (province abbreviation + two digits for an
//! intermediate court + two more for a basic court, taken from the administrative division code; special courts
//! such as the forest courts use the 7x block). Before production they must be checked against the SPC's code table.

use crate::accounts::{self, RegisterError};
use crate::courts::{self, Court};
use crate::{Db, DbError};
use domain::registration::{AccountKind, RegistrationForm};

/// (code, name, Korean name, level, parent, region)
type CourtRow = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static str,
);

pub const COURTS: &[CourtRow] = &[
    (
        "吉02",
        "吉林市中级人民法院",
        None,
        "intermediate",
        None,
        "吉林省吉林市",
    ),
    (
        "吉0202",
        "吉林市昌邑区人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0203",
        "吉林市龙潭区人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0204",
        "吉林市船营区人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0211",
        "吉林市丰满区人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0221",
        "永吉县人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0281",
        "蛟河市人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0282",
        "桦甸市人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0283",
        "舒兰市人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉0284",
        "磐石市人民法院",
        None,
        "basic",
        Some("吉02"),
        "吉林省吉林市",
    ),
    (
        "吉76",
        "吉林省延边林区中级法院",
        Some("길림성연변림구중급법원"),
        "special",
        None,
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉7601",
        "敦化林区基层法院",
        Some("돈화림구기층법원"),
        "special",
        Some("吉76"),
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉7602",
        "珲春林区基层法院",
        Some("훈춘림구기층법원"),
        "special",
        Some("吉76"),
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉7603",
        "汪清林区基层法院",
        Some("왕청림구기층법원"),
        "special",
        Some("吉76"),
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉7604",
        "白河林区基层法院",
        Some("백하림구기층법원"),
        "special",
        Some("吉76"),
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉7605",
        "和龙林区基层法院",
        Some("화룡림구기층법원"),
        "special",
        Some("吉76"),
        "吉林省延边朝鲜族自治州",
    ),
    (
        "吉07",
        "松原市中级人民法院",
        None,
        "intermediate",
        None,
        "吉林省松原市",
    ),
    (
        "吉0721",
        "前郭尔罗斯蒙古族自治县人民法院",
        None,
        "basic",
        Some("吉07"),
        "吉林省松原市",
    ),
    (
        "蒙05",
        "通辽市中级人民法院",
        None,
        "intermediate",
        None,
        "内蒙古自治区通辽市",
    ),
    (
        "蒙0502",
        "通辽市科尔沁区人民法院",
        None,
        "basic",
        Some("蒙05"),
        "内蒙古自治区通辽市",
    ),
    (
        "宁02",
        "石嘴山市中级人民法院",
        None,
        "intermediate",
        None,
        "宁夏回族自治区石嘴山市",
    ),
    (
        "宁0202",
        "石嘴山市大武口区人民法院",
        None,
        "basic",
        Some("宁02"),
        "宁夏回族自治区石嘴山市",
    ),
    (
        "宁0205",
        "石嘴山市惠农区人民法院",
        None,
        "basic",
        Some("宁02"),
        "宁夏回族自治区石嘴山市",
    ),
    (
        "宁0221",
        "平罗县人民法院",
        None,
        "basic",
        Some("宁02"),
        "宁夏回族自治区石嘴山市",
    ),
];

/// The password of every demo account (printed by the run command; never used outside the demo data).
pub const DEMO_PASSWORD: &str = "demo-pass-2026";

/// Demo staff: (login name, display name, role, court code).
pub const DEMO_STAFF: &[(&str, &str, AccountKind, &str)] = &[
    ("clerk.changyi", "刘立案", AccountKind::Clerk, "吉0202"),
    (
        "mediator.changyi",
        "陈调解",
        AccountKind::Mediator,
        "吉0202",
    ),
    ("judge.changyi", "王法官", AccountKind::Judge, "吉0202"),
    ("admin.jilin", "赵管理", AccountKind::CourtAdmin, "吉02"),
    ("clerk.dunhua", "金立案", AccountKind::Clerk, "吉7601"),
];

pub fn demo_public_accounts() -> Vec<RegistrationForm> {
    let base = RegistrationForm {
        password: DEMO_PASSWORD.into(),
        password_confirm: DEMO_PASSWORD.into(),
        ..Default::default()
    };
    vec![
        RegistrationForm {
            kind: "citizen".into(),
            name: "张三".into(),
            id_number: "220202199001011234".into(),
            mobile: "13900000001".into(),
            ..base.clone()
        },
        RegistrationForm {
            kind: "enterprise".into(),
            name: "吉林市松江建材有限公司".into(),
            uscc: "91220200MA0Y000017".into(),
            legal_representative: "李四".into(),
            contact_name: "王五".into(),
            mobile: "13900000002".into(),
            ..base.clone()
        },
        RegistrationForm {
            kind: "lawyer".into(),
            name: "孙律师".into(),
            licence_no: "22020201010123456".into(),
            law_firm: "吉林江城律师事务所".into(),
            mobile: "13900000003".into(),
            ..base
        },
    ]
}

/// Loads the courts and the demo accounts; existing rows are kept.
/// The places each basic court serves, as addresses name them. The forest courts serve the state forestry
/// bureaus' areas (demo values, like their codes, to be checked before production).
pub const COURT_PLACES: &[(&str, &[&str])] = &[
    ("吉0202", &["昌邑区"]),
    ("吉0203", &["龙潭区"]),
    ("吉0204", &["船营区"]),
    ("吉0211", &["丰满区"]),
    ("吉0221", &["永吉县"]),
    ("吉0281", &["蛟河市"]),
    ("吉0282", &["桦甸市"]),
    ("吉0283", &["舒兰市"]),
    ("吉0284", &["磐石市"]),
    ("吉7601", &["敦化林业局", "大石头林业局", "黄泥河林业局"]),
    ("吉7602", &["珲春林业局"]),
    ("吉7603", &["汪清林业局", "天桥岭林业局"]),
    ("吉7604", &["白河林业局"]),
    ("吉7605", &["和龙林业局", "八家子林业局"]),
    ("吉0721", &["前郭尔罗斯蒙古族自治县", "前郭县"]),
    ("蒙0502", &["科尔沁区"]),
    ("宁0202", &["大武口区"]),
    ("宁0205", &["惠农区"]),
    ("宁0221", &["平罗县"]),
];

fn places_of(code: &str) -> &'static [&'static str] {
    COURT_PLACES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, p)| *p)
        .unwrap_or(&[])
}

pub async fn load(
    db: &Db,
    keys: &crate::crypto::Keys,
    today: domain::Date,
    now: i64,
) -> Result<(), DbError> {
    for &(code, name, name_ko, level, parent, region) in COURTS {
        let court = Court {
            code: code.into(),
            name: name.into(),
            name_ko: name_ko.map(Into::into),
            level: level.into(),
            parent_code: parent.map(Into::into),
            region: region.into(),
            places: places_of(code).iter().map(|p| p.to_string()).collect(),
        };
        courts::upsert(db, &court, now).await?;
    }
    // Loading twice writes nothing and raises no error (on PostgreSQL a failed insert is an ERROR in the server's
    // log): each account is looked up first.
    for &(login, name, role, court) in DEMO_STAFF {
        if accounts::login_exists(db, login).await? {
            continue;
        }
        match accounts::create_staff(db, role, login, name, DEMO_PASSWORD.into(), court, now).await
        {
            Ok(_) | Err(RegisterError::Taken(_)) => {}
            Err(RegisterError::Db(e)) => return Err(e),
        }
    }
    load_roster(db, now).await?;
    for form in demo_public_accounts() {
        let valid = form
            .validate(today)
            .map_err(|e| DbError::Other(format!("demo account invalid: {e:?}")))?;
        if accounts::login_exists(db, valid.login_name()).await? {
            continue;
        }
        match accounts::register(db, keys, &valid, form.password.clone(), "local", now).await {
            // The demo's people are as if they had shown their identity documents at the service centre.
            Ok(account) => {
                accounts::verify_identity(db, &account.id, "demo", "local", now).await?;
            }
            Err(RegisterError::Taken(_)) => {}
            Err(RegisterError::Db(e)) => return Err(e),
        }
    }
    Ok(())
}

/// The demo roster ([`crate::demo_roster`]): organisations, mediators each with a mediator login (the demo
/// password), their weekly availability and leave. Idempotent like the rest of the demo data.
pub async fn load_roster(db: &Db, now: i64) -> Result<(), DbError> {
    use crate::demo_roster::{MEDIATORS, ORGANISATIONS};
    use crate::mediation::{self, Mediator, Organisation};
    for o in ORGANISATIONS {
        mediation::upsert_org(
            db,
            &Organisation {
                code: o.code.into(),
                name: o.name.into(),
                name_ko: o.name_ko.map(Into::into),
                kind: o.kind.into(),
                court_code: o.court_code.into(),
                address: o.address.into(),
            },
            now,
        )
        .await?;
    }
    // One hash of the demo password for the whole roster (argon2 is slow on purpose).
    let mut hash: Option<String> = None;
    for m in MEDIATORS {
        if !accounts::login_exists(db, m.login).await? {
            if hash.is_none() {
                hash = Some(crate::crypto::hash_password(DEMO_PASSWORD.into()).await);
            }
            match accounts::create_staff_hashed(
                db,
                AccountKind::Mediator,
                m.login,
                m.name,
                hash.as_deref().unwrap_or_default(),
                m.court_code,
                now,
            )
            .await
            {
                Ok(_) | Err(RegisterError::Taken(_)) => {}
                Err(RegisterError::Db(e)) => return Err(e),
            }
        }
        let account = accounts::find_for_login(db, m.login)
            .await?
            .ok_or_else(|| DbError::Other(format!("demo mediator {} has no account", m.login)))?;
        let id = demo_mediator_id(m.login);
        let windows = m
            .windows
            .iter()
            .map(
                |&(weekday, start_min, end_min)| domain::slots::WeeklyWindow {
                    weekday,
                    start_min,
                    end_min,
                },
            )
            .collect();
        mediation::upsert_mediator(
            db,
            &Mediator {
                id: id.clone(),
                account_id: Some(account.id),
                org_code: m.org.into(),
                name: m.name.into(),
                court_code: m.court_code.into(),
                courts: m.courts.iter().map(|c| c.to_string()).collect(),
                specialties: m.specialties.iter().map(|c| c.to_string()).collect(),
                languages: m.languages.iter().map(|c| c.to_string()).collect(),
                place: m.place.into(),
                title: m.title.into(),
                windows,
                capacity: m.capacity,
                rating_tenths: m.rating_tenths,
                active: true,
            },
            now,
        )
        .await?;
        let absences: Vec<domain::slots::Absence> = m
            .absences
            .iter()
            .filter_map(|&(from, to, reason)| {
                Some(domain::slots::Absence {
                    from: domain::Date::parse_iso(from)?,
                    to: domain::Date::parse_iso(to)?,
                    reason: reason.into(),
                })
            })
            .collect();
        mediation::set_absences(db, &id, &absences, now).await?;
    }
    Ok(())
}

/// A demo mediator's public id: stable across loads, and not their login name.
pub fn demo_mediator_id(login: &str) -> String {
    format!("med-{}", &crate::crypto::sha256_hex(login.as_bytes())[..12])
}
