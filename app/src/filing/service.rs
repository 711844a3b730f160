//! Online filing's business operations (网上立案), each written once. The JSON API, the no-JavaScript forms and the
//! server functions all call these and nothing below them: every rule and every access check lives here.
//!
//! Each operation takes the caller (who is asking, from where, and when), its input and the server context, and
//! returns a [`FilingError`] a door can map. Who may see a filing: the filer, the accounts of its parties and their
//! lawyers, and staff of the receiving and the competent court once it is submitted. Everyone else is told it does
//! not exist.

use super::error::FilingError;
use super::form::{apply_step, Step};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::Account;
use db::filings::{self, Filing, FilingEvent};
use domain::fees::{FeeQuote, FeeTable};
use domain::filing::{self as rules, FilingDraft, PartyDraft};
use domain::filing_status::FilingStatus;
use domain::registration::AccountKind;
use domain::{FieldError, FieldErrors};

pub type Result<T> = std::result::Result<T, FilingError>;

mod court;
mod evidence;
mod parties;
mod payment_notice;
mod pending;
mod tracking;

pub use court::{payment, queue, review, PaymentInput, QueueEntry, ReviewInput};
pub use evidence::{add_evidence, evidence_file, Upload};
pub use parties::{issue_party_link, link_party, IssuedLink};
pub use payment_notice::{payment_notice, qr_svg, PaymentNotice};
pub use pending::{keep_until_login, restore_pending};
pub use tracking::{
    estimate, normalize_receipt, own_receipt, reissue_query_code, track, ReissuedCode,
};

pub(crate) fn account(caller: &Caller) -> Result<&Account> {
    caller.user.as_ref().ok_or(FilingError::Unauthorized)
}

/// Clerks, judges and court administrators act on filings for their court.
pub(crate) fn is_reviewer(a: &Account) -> bool {
    matches!(
        a.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    )
}

/// A filing the caller may see, or `NotFound`.
pub(crate) async fn visible<'a>(
    caller: &'a Caller,
    id: &str,
    ctx: &ServerCtx,
) -> Result<(Filing, &'a Account)> {
    let user = account(caller)?;
    let filing = filings::get(&ctx.db, id)
        .await?
        .ok_or(FilingError::NotFound)?;
    // The mediator of a mediation the court diverted this filing to reads its papers (the parties, claims,
    // facts and evidence): the mediation is theirs to hold.
    let mediating = user.kind == AccountKind::Mediator
        && db::mediation::mediates_filing(&ctx.db, &user.id, &filing.id).await?;
    if mediating || filings::may_see(&ctx.db, &filing, user).await? {
        Ok((filing, user))
    } else {
        Err(FilingError::NotFound)
    }
}

/// The caller's own filing while it can still be changed: someone else's is `NotFound`, a submitted one `Conflict`.
pub(crate) async fn own_editable(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<Filing> {
    let (filing, user) = visible(caller, id, ctx).await?;
    if filing.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    if !filing.status.editable() {
        return Err(FilingError::Conflict);
    }
    Ok(filing)
}

/// The fee of a draft as it stands (ordinary procedure; the court decides on the simple procedure).
pub fn fee_for(draft: &FilingDraft, table: &FeeTable) -> Option<FeeQuote> {
    domain::fees::quote(&rules::fee_request(draft, table)?, table).ok()
}

/// Everything known about one filing that the caller may see.
pub struct FilingDetail {
    pub filing: Filing,
    pub events: Vec<FilingEvent>,
    /// Every court, `(code, name)`, for the court step's choice.
    pub courts: Vec<(String, String)>,
    /// The courts competent under the cause's jurisdiction rule, from the places and addresses the draft names.
    pub competent_courts: Vec<domain::jurisdiction::Suggestion>,
    /// The caller is the filer (may edit while editable).
    pub own: bool,
    /// The caller is a clerk of the receiving or competent court (may review, record payment).
    pub reviewer: bool,
    /// What would stop submission now (a draft may be saved with problems).
    pub problems: FieldErrors,
    pub fee: Option<FeeQuote>,
    pub risk: domain::risk::RiskReport,
    /// Whether the holiday notice was loaded for the year each stored deadline falls in.
    pub review_deadline_holidays_known: bool,
    pub payment_due_holidays_known: bool,
}

pub async fn detail(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<FilingDetail> {
    let (filing, user) = visible(caller, id, ctx).await?;
    let events = filings::events(&ctx.db, &filing.id).await?;
    let all_courts = db::courts::list(&ctx.db).await?;
    let areas: Vec<domain::jurisdiction::CourtArea> = all_courts
        .iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| domain::jurisdiction::CourtArea {
            code: c.code.clone(),
            name: c.name.clone(),
            places: c.places.clone(),
        })
        .collect();
    let known = |d: &Option<String>| {
        d.as_deref()
            .and_then(domain::Date::parse_iso)
            .is_none_or(|d| ctx.calendar.covers(d.year))
    };
    Ok(FilingDetail {
        competent_courts: {
            let mut s = domain::jurisdiction::suggest(&filing.draft, &areas);
            if let Ok(Some(agreed)) =
                domain::jurisdiction::agreed(&filing.draft, &areas, &ctx.fees.levels)
            {
                s.retain(|x| x.court_code != agreed.court_code);
                s.insert(0, agreed);
            }
            s
        },
        courts: all_courts.into_iter().map(|c| (c.code, c.name)).collect(),
        own: filing.filer_id == user.id,
        reviewer: is_reviewer(user) && filing.filer_id != user.id,
        problems: {
            let mut p = rules::validate(&filing.draft, caller.today)
                .err()
                .unwrap_or_default();
            if let Err(more) = jurisdiction_problems(&filing.draft, &areas, &ctx.fees.levels) {
                p.0.extend(more.0);
            }
            p
        },
        fee: fee_for(&filing.draft, &ctx.fees),
        risk: domain::risk::assess(
            &filing.draft,
            &crate::texts::risk_words(caller.lang),
            caller.today,
            &ctx.calendar,
            &ctx.fees,
        ),
        review_deadline_holidays_known: known(&filing.review_deadline),
        payment_due_holidays_known: known(&filing.payment_due),
        events,
        filing,
    })
}

/// Starts a filing (people, enterprises and lawyers; court staff do not file). A draft that names no party starts
/// with the filer as the plaintiff when they file for themselves (see [`starting_draft`]).
pub async fn create(caller: &Caller, draft: &FilingDraft, ctx: &ServerCtx) -> Result<Filing> {
    let user = account(caller)?;
    if user.kind.is_staff() {
        return Err(FilingError::StaffCannotFile);
    }
    super::form::check_bounds(draft).map_err(FilingError::Invalid)?;
    let mut draft = draft.clone();
    if draft.parties.is_empty() {
        draft.parties = starting_draft(user, ctx).await?.parties;
    }
    Ok(filings::create(&ctx.db, &user.id, &draft, &caller.ip, caller.now_ms).await?)
}

/// "Start a filing" (开始网上立案): the filer's newest untouched draft if there is one — pressing the button twice, or
/// coming back to it later, does not pile up empty drafts — otherwise a new one. Returns the filing and whether it
/// was resumed.
pub async fn start(caller: &Caller, ctx: &ServerCtx) -> Result<(Filing, bool)> {
    let user = account(caller)?;
    if user.kind.is_staff() {
        return Err(FilingError::StaffCannotFile);
    }
    let fresh = starting_draft(user, ctx).await?;
    // The newest few are enough: an untouched draft is found again on the next start, so they do not accumulate.
    for f in filings::unsubmitted_drafts(&ctx.db, &user.id, 10).await? {
        if untouched(&f.draft, &fresh) && db::evidence::total_bytes(&ctx.db, &f.id).await? == 0 {
            return Ok((f, true));
        }
    }
    let created = filings::create(&ctx.db, &user.id, &fresh, &caller.ip, caller.now_ms).await?;
    Ok((created, false))
}

/// The draft a new filing of this account starts with. People and enterprises file for themselves: the first party
/// is the plaintiff with the account's own details — a person's name, resident ID number (decrypted here, for its
/// owner's own draft, which is encrypted at rest like every draft) and mobile; an enterprise's name and credit code —
/// and the second an empty defendant, the two rows the parties step shows. Lawyers file for their clients: nothing
/// of theirs is filled in.
pub async fn starting_draft(user: &Account, ctx: &ServerCtx) -> Result<FilingDraft> {
    let id_number = if user.kind == AccountKind::Citizen {
        db::accounts::own_id_number(&ctx.db, &ctx.keys, &user.id).await?
    } else {
        None
    };
    Ok(FilingDraft {
        parties: own_party(user, id_number)
            .map(|me| vec![me, empty_party("defendant")])
            .unwrap_or_default(),
        ..FilingDraft::default()
    })
}

fn empty_party(role: &str) -> PartyDraft {
    PartyDraft {
        role: role.into(),
        kind: "natural".into(),
        ..PartyDraft::default()
    }
}

/// The filer as the plaintiff, from the account: `None` for accounts that file for others (lawyers) or not at all.
fn own_party(user: &Account, id_number: Option<String>) -> Option<PartyDraft> {
    match user.kind {
        AccountKind::Citizen => Some(PartyDraft {
            name: user.display_name.clone(),
            id_number: id_number.unwrap_or_default(),
            mobile: user.mobile.clone().unwrap_or_default(),
            ..empty_party("plaintiff")
        }),
        AccountKind::Enterprise => {
            let uscc = user.uscc.clone().unwrap_or_default();
            // Registration accepted a code whose check character fails only when its owner confirmed it.
            let confirmed = matches!(
                domain::Uscc::parse(&uscc),
                Ok((_, domain::UsccCheck::CheckCharMismatch))
            );
            Some(PartyDraft {
                kind: "legal".into(),
                name: user.display_name.clone(),
                uscc,
                uscc_confirmed: confirmed,
                ..empty_party("plaintiff")
            })
        }
        AccountKind::Lawyer
        | AccountKind::Clerk
        | AccountKind::Mediator
        | AccountKind::Judge
        | AccountKind::CourtAdmin => None,
    }
}

/// Untouched: nothing typed beyond what a new draft starts with. The parties step saved as shown (the prefilled
/// plaintiff and the empty defendant row) is still untouched; any answer — a case type, a name, a claim, a ticked
/// box — makes it the filer's work, never reused. A draft from before prefilling (no party at all) counts too.
pub fn untouched(draft: &FilingDraft, fresh: &FilingDraft) -> bool {
    draft == fresh || *draft == FilingDraft::default()
}

/// One line of the caller's matters.
pub struct Matter {
    pub filing: Filing,
    /// The caller filed it (else they are a party or lawyer to it).
    pub own: bool,
    /// The first defendant's name: in full on the filer's own list (they wrote it), masked (张*) for a party or
    /// lawyer who did not — personal data is shown in full only to whom it belongs or who gave it.
    pub other_party: Option<String>,
    /// A draft never submitted, the caller's own: it may be deleted.
    pub deletable: bool,
}

/// The filings the caller filed or is a party or lawyer to, newest first.
pub async fn list_mine(caller: &Caller, ctx: &ServerCtx) -> Result<Vec<Matter>> {
    let user = account(caller)?;
    Ok(filings::for_account(&ctx.db, &user.id)
        .await?
        .into_iter()
        .map(|f| matter(f, &user.id))
        .collect())
}

fn matter(f: Filing, viewer_id: &str) -> Matter {
    let own = f.filer_id == viewer_id;
    let other_party = f
        .draft
        .parties
        .iter()
        .find(|p| p.role == "defendant" && !p.name.trim().is_empty())
        .map(|p| {
            if own {
                p.name.trim().to_string()
            } else {
                domain::mask::name(&p.name)
            }
        });
    Matter {
        deletable: own && deletable(&f),
        own,
        other_party,
        filing: f,
    }
}

/// The caller's own draft as its line in the list, for the page that asks before deleting it. Someone else's —
/// even one the caller is a party to — is `NotFound`; a filing that was submitted is `Conflict`.
pub async fn draft_to_delete(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<Matter> {
    let (f, user) = visible(caller, id, ctx).await?;
    if f.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    if !deletable(&f) {
        return Err(FilingError::Conflict);
    }
    Ok(matter(f, &user.id))
}

/// Only drafts that never reached the court may go: once submitted, a filing is the court's record.
fn deletable(f: &Filing) -> bool {
    f.status == FilingStatus::Draft && f.receipt_no.is_none() && f.submitted_at.is_none()
}

/// Deletes the caller's own draft with its evidence files (rows and bytes). Someone else's is `NotFound`; a filing
/// that was submitted is `Conflict`.
pub async fn delete_draft(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<()> {
    let (f, user) = visible(caller, id, ctx).await?;
    if f.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    if !deletable(&f) {
        return Err(FilingError::Conflict);
    }
    let files = filings::delete_draft(&ctx.db, id, &user.id, &caller.ip, caller.now_ms).await?;
    for file in files {
        ctx.files.delete(&file).await;
    }
    Ok(())
}

/// Replaces the whole draft (the API's way to save), valid or not.
pub async fn save_draft(
    caller: &Caller,
    id: &str,
    draft: &FilingDraft,
    ctx: &ServerCtx,
) -> Result<Filing> {
    let f = own_editable(caller, id, ctx).await?;
    super::form::check_bounds(draft).map_err(FilingError::Invalid)?;
    let saved =
        filings::save_draft(&ctx.db, id, &f.filer_id, draft, &caller.ip, caller.now_ms).await?;
    evidence::remove_unlisted_files(id, &saved.draft, ctx).await?;
    Ok(saved)
}

/// Merges one wizard step's answers into the draft and saves it: nothing typed is dropped, valid or not.
pub async fn save_step(
    caller: &Caller,
    id: &str,
    step: Step,
    pairs: &[(String, String)],
    ctx: &ServerCtx,
) -> Result<Filing> {
    let mut f = own_editable(caller, id, ctx).await?;
    apply_step(&mut f.draft, step, pairs).map_err(FilingError::Invalid)?;
    let saved = filings::save_draft(
        &ctx.db,
        id,
        &f.filer_id,
        &f.draft,
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    if step == Step::Evidence {
        evidence::remove_unlisted_files(id, &saved.draft, ctx).await?;
    }
    Ok(saved)
}

/// What the jurisdiction rules refuse in a draft: an agreed court that Art. 35 does not allow, or a basic court
/// chosen for a claim above the province's basic-court threshold (level jurisdiction).
pub fn jurisdiction_problems(
    draft: &FilingDraft,
    areas: &[domain::jurisdiction::CourtArea],
    levels: &domain::jurisdiction::LevelLimits,
) -> std::result::Result<(), FieldErrors> {
    let mut e = FieldErrors::default();
    if let Err(p) = domain::jurisdiction::agreed(draft, areas, levels) {
        let (field, error) = p.field_error();
        e.push(field, error);
    }
    let competent = draft.competent_court_code.trim();
    if domain::jurisdiction::level(draft, levels).is_some()
        && !competent.is_empty()
        && domain::jurisdiction::is_basic_court(competent)
    {
        e.push("competent_court_code", FieldError::AboveBasicLevel);
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

/// A submitted filing and, the first time only, the query code that lets anyone the filer tells follow it.
pub struct Submitted {
    pub filing: Filing,
    pub query_code: Option<String>,
}

/// Submits the caller's own filing: every rule re-run, the fee recomputed with the configured table (its version
/// stored), a receipt number and — the first time — a query code.
pub async fn submit(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<Submitted> {
    let f = own_editable(caller, id, ctx).await?;
    rules::validate(&f.draft, caller.today).map_err(FilingError::Invalid)?;
    for code in [&f.draft.court_code, &f.draft.competent_court_code] {
        if !code.trim().is_empty() && !db::courts::exists(&ctx.db, code.trim()).await? {
            return Err(FilingError::field("court_code", FieldError::UnknownChoice));
        }
    }
    let fee = fee_for(&f.draft, &ctx.fees)
        .ok_or_else(|| FilingError::internal("no fee for a valid filing"))?;
    let access = filings::party_accounts(&ctx.db, &ctx.keys, &f.draft).await?;
    let areas = db::courts::areas(&ctx.db).await?;
    jurisdiction_problems(&f.draft, &areas, &ctx.fees.levels).map_err(FilingError::Invalid)?;
    // An agreed court the rules accept (Art. 35) is the competent one; otherwise the first the rules point to.
    let suggested = match domain::jurisdiction::agreed(&f.draft, &areas, &ctx.fees.levels) {
        Ok(Some(agreed)) => Some(agreed.court_code),
        _ => domain::jurisdiction::suggest(&f.draft, &areas)
            .into_iter()
            .next()
            .map(|s| s.court_code),
    };
    let first_submission = f.receipt_no.is_none();
    let receipt_no = f.receipt_no.clone().unwrap_or_else(|| {
        let d = caller.today;
        format!(
            "SL{:04}{:02}{:02}{}",
            d.year,
            d.month,
            d.day,
            &db::new_id()[..8].to_ascii_uppercase()
        )
    });
    // 10 symbols from an alphabet without look-alikes: 49 bits, and look-ups are limited besides.
    let query_code = db::crypto::new_code(10);
    // The court decides within seven days (CPL Art. 126), rest days skipped.
    let deadline = ctx.calendar.period_end_days(caller.today, 7).to_string();
    let submission = filings::Submission {
        receipt_no: &receipt_no,
        query_code_hash: &ctx.keys.code_hash("track", &receipt_no, &query_code),
        review_deadline: &deadline,
        fee_table_version: &fee.table_version,
        // What the filer must pay within 7 days of the notice (Art. 22): the prepaid acceptance fee only — the
        // preservation fee goes with its application, enforcement and wage claims are not prepaid (Art. 20).
        fee_total_fen: fee.due_on_filing_fen,
        access: &access,
        suggested_competent: suggested.as_deref(),
    };
    let filing = filings::submit(
        &ctx.db,
        id,
        &f.filer_id,
        &submission,
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    // A resubmission keeps the first receipt and its code: the code is shown only once.
    Ok(Submitted {
        filing,
        query_code: first_submission.then_some(query_code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(kind: AccountKind) -> Account {
        Account {
            id: "a".into(),
            kind,
            login_name: "13900000001".into(),
            display_name: "张三".into(),
            mobile: Some("13900000001".into()),
            id_number_masked: Some("220202********1234".into()),
            uscc: (kind == AccountKind::Enterprise).then(|| "91220200MA0Y000017".into()),
            legal_representative: None,
            contact_name: None,
            licence_no: (kind == AccountKind::Lawyer).then(|| "22020201910234567".into()),
            law_firm: None,
            court_code: None,
            identity_verified_at: None,
            email: None,
            created_at: 0,
        }
    }

    #[test]
    fn a_person_files_as_the_plaintiff_with_their_own_details() {
        let me = own_party(
            &account(AccountKind::Citizen),
            Some("220202199001011234".into()),
        )
        .unwrap();
        assert_eq!(
            (me.role.as_str(), me.kind.as_str(), me.name.as_str()),
            ("plaintiff", "natural", "张三")
        );
        assert_eq!(me.id_number, "220202199001011234");
        assert_eq!(me.mobile, "13900000001");
        assert!(me.address.is_empty() && !me.address_confirmed);
    }

    #[test]
    fn an_enterprise_files_as_the_legal_person_and_a_lawyer_for_others() {
        let firm = own_party(&account(AccountKind::Enterprise), None).unwrap();
        assert_eq!(
            (firm.kind.as_str(), firm.uscc.as_str()),
            ("legal", "91220200MA0Y000017")
        );
        assert!(firm.id_number.is_empty() && firm.mobile.is_empty());
        for kind in [AccountKind::Lawyer, AccountKind::Clerk, AccountKind::Judge] {
            assert!(own_party(&account(kind), None).is_none(), "{kind:?}");
        }
    }

    #[test]
    fn a_draft_is_untouched_until_something_is_typed_beyond_the_prefill() {
        let me = own_party(
            &account(AccountKind::Citizen),
            Some("220202199001011234".into()),
        );
        let fresh = FilingDraft {
            parties: vec![me.unwrap(), empty_party("defendant")],
            ..FilingDraft::default()
        };
        assert!(untouched(&fresh.clone(), &fresh));
        assert!(
            untouched(&FilingDraft::default(), &fresh),
            "a draft from before prefilling"
        );
        let mut chose = fresh.clone();
        chose.cause = "private_loan".into();
        assert!(!untouched(&chose, &fresh));
        let mut named = fresh.clone();
        named.parties[1].name = "李四".into();
        assert!(!untouched(&named, &fresh));
        let mut confirmed = fresh.clone();
        confirmed.parties[0].address_confirmed = true;
        assert!(!untouched(&confirmed, &fresh));
        let consented = FilingDraft {
            mediation_consent: true,
            ..FilingDraft::default()
        };
        assert!(!untouched(&consented, &fresh));
    }
}
