//! The wizard's steps and how a step's HTML form updates the draft. Pure code: the server's form handler runs it,
//! and nothing typed is ever dropped (invalid answers are saved as typed and flagged).

use domain::filing::{ClaimDraft, EvidenceDraft, FilingDraft, PartyDraft};
use domain::{FieldError, FieldErrors, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Cause,
    Parties,
    Claims,
    Facts,
    Evidence,
    Court,
    Check,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Cause,
        Step::Parties,
        Step::Claims,
        Step::Facts,
        Step::Evidence,
        Step::Court,
        Step::Check,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Step::Cause => "cause",
            Step::Parties => "parties",
            Step::Claims => "claims",
            Step::Facts => "facts",
            Step::Evidence => "evidence",
            Step::Court => "court",
            Step::Check => "check",
        }
    }

    pub fn from_code(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.code() == s)
    }

    pub fn label(self, l: Lang) -> &'static str {
        match self {
            Step::Cause => tr!(l, form_type_of_case),
            Step::Parties => tr!(l, form_parties),
            Step::Claims => tr!(l, form_claims),
            Step::Facts => tr!(l, form_facts_and_reasons),
            Step::Evidence => tr!(l, form_evidence),
            Step::Court => tr!(l, form_court),
            Step::Check => tr!(l, form_check_and_submit),
        }
    }

    pub fn next(self) -> Step {
        let i = Step::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Step::ALL[(i + 1).min(Step::ALL.len() - 1)]
    }

    /// Whether a validation error key belongs to this step.
    pub fn owns(self, key: &str) -> bool {
        let head = key.split('.').next().unwrap_or(key);
        match self {
            Step::Cause => head == "cause",
            Step::Parties => head == "parties",
            Step::Claims => matches!(head, "claims" | "agreed_interest_rate"),
            Step::Facts => matches!(
                head,
                "facts" | "known_on" | "last_instalment_due" | "interrupted_on" | "place"
            ),
            Step::Evidence => head == "evidence",
            Step::Court => matches!(
                head,
                "court_code"
                    | "competent_court_code"
                    | "preservation_amount"
                    | "agreed_clause"
                    | "agreed_court_code"
                    | "agreed_connection"
                    | "agreed_place"
            ),
            Step::Check => false,
        }
    }

    /// Whether the filer has answered anything in this step yet.
    pub fn started(self, d: &FilingDraft) -> bool {
        match self {
            Step::Cause => !d.cause.is_empty(),
            Step::Parties => d.parties.iter().any(|p| !p.name.trim().is_empty()),
            Step::Claims => d.claims.iter().any(|c| !c.text.trim().is_empty()),
            Step::Facts => !d.facts.trim().is_empty(),
            Step::Evidence => !d.evidence.is_empty(),
            Step::Court => !d.court_code.is_empty(),
            Step::Check => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    NotStarted,
    NeedsAttention,
    Done,
}

pub fn step_state(step: Step, draft: &FilingDraft, errors: &FieldErrors) -> StepState {
    if !step.started(draft) {
        StepState::NotStarted
    } else if errors.0.iter().any(|(k, _)| step.owns(k)) {
        StepState::NeedsAttention
    } else {
        StepState::Done
    }
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn text(pairs: &[(String, String)], key: &str) -> String {
    get(pairs, key).unwrap_or("").to_string()
}

fn flag(pairs: &[(String, String)], key: &str) -> bool {
    matches!(get(pairs, key), Some("true" | "on" | "1"))
}

/// The most rows each list of a filing may hold: more than any real case needs, and a bound on what one post can
/// make the server build.
pub const MAX_PARTIES: usize = 50;
pub const MAX_CLAIMS: usize = 100;
pub const MAX_EVIDENCE: usize = 200;

/// How many indexed rows (`prefix.N.…`) the form sent. A form shows the rows the draft has and one empty row (two,
/// plaintiff and defendant, for a draft with no parties yet), so an index beyond that — or beyond the list's bound —
/// cannot come from the page: it is refused before anything is built.
fn rows(
    pairs: &[(String, String)],
    prefix: &str,
    existing: usize,
    max: usize,
) -> Result<usize, FieldError> {
    let mut n = 0;
    for (k, _) in pairs {
        let Some(index) = k
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.split('.').next())
        else {
            continue;
        };
        let Ok(i) = index.parse::<usize>() else {
            return Err(FieldError::UnknownChoice);
        };
        if i > existing.max(1) || i >= max {
            return Err(FieldError::TooMany);
        }
        n = n.max(i + 1);
    }
    Ok(n)
}

/// Whether a draft's lists keep within their bounds (a draft sent whole, through the API).
pub fn check_bounds(draft: &FilingDraft) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    for (key, len, max) in [
        ("parties", draft.parties.len(), MAX_PARTIES),
        ("claims", draft.claims.len(), MAX_CLAIMS),
        ("evidence", draft.evidence.len(), MAX_EVIDENCE),
    ] {
        if len > max {
            errors.push(key, FieldError::TooMany);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Applies one step's form to the draft. `add` adds a row (within the list's bound); `remove` (an index) removes
/// one. A row index the page cannot have sent is refused with a field error and nothing changes.
pub fn apply_step(
    draft: &mut FilingDraft,
    step: Step,
    pairs: &[(String, String)],
) -> Result<(), FieldErrors> {
    let bounded = |prefix: &str, existing: usize, max: usize| {
        rows(pairs, prefix, existing, max).map_err(|e| {
            let mut errors = FieldErrors::default();
            errors.push(prefix, e);
            errors
        })
    };
    let remove: Option<usize> = get(pairs, "remove").and_then(|v| v.parse().ok());
    let add = get(pairs, "add").is_some();
    match step {
        Step::Cause => draft.cause = text(pairs, "cause"),
        Step::Parties => {
            let mut parties: Vec<PartyDraft> =
                (0..bounded("parties", draft.parties.len(), MAX_PARTIES)?)
                    .map(|i| {
                        let f = |n: &str| text(pairs, &format!("parties.{i}.{n}"));
                        PartyDraft {
                            role: f("role"),
                            kind: f("kind"),
                            name: f("name"),
                            id_number: f("id_number"),
                            uscc: f("uscc"),
                            uscc_confirmed: flag(pairs, &format!("parties.{i}.uscc_confirmed")),
                            mobile: f("mobile"),
                            address: f("address"),
                            address_confirmed: flag(
                                pairs,
                                &format!("parties.{i}.address_confirmed"),
                            ),
                            agent_name: f("agent_name"),
                            agent_licence: f("agent_licence"),
                            agent_authorised: flag(pairs, &format!("parties.{i}.agent_authorised")),
                        }
                    })
                    .collect();
            if let Some(i) = remove.filter(|i| *i < parties.len()) {
                parties.remove(i);
            }
            if add && parties.len() < MAX_PARTIES {
                parties.push(PartyDraft {
                    role: "defendant".into(),
                    kind: "natural".into(),
                    ..Default::default()
                });
            }
            draft.parties = parties;
        }
        Step::Claims => {
            let mut claims: Vec<ClaimDraft> =
                (0..bounded("claims", draft.claims.len(), MAX_CLAIMS)?)
                    .map(|i| ClaimDraft {
                        text: text(pairs, &format!("claims.{i}.text")),
                        amount: text(pairs, &format!("claims.{i}.amount")),
                    })
                    .filter(|c| !c.text.trim().is_empty() || !c.amount.trim().is_empty())
                    .collect();
            if let Some(i) = remove.filter(|i| *i < claims.len()) {
                claims.remove(i);
            }
            if add && claims.len() < MAX_CLAIMS {
                claims.push(ClaimDraft::default());
            }
            draft.claims = claims;
            // Shown for money cases only (see `step_fields::claims_fields`): a form without it leaves it be.
            if let Some(rate) = get(pairs, "agreed_interest_rate") {
                draft.agreed_interest_rate = rate.to_string();
            }
        }
        Step::Facts => {
            draft.facts = text(pairs, "facts");
            draft.known_on = text(pairs, "known_on");
            draft.last_instalment_due = text(pairs, "last_instalment_due");
            draft.interrupted_on = text(pairs, "interrupted_on");
            draft.rights_not_stated = flag(pairs, "rights_not_stated");
            draft.place = text(pairs, "place");
        }
        Step::Evidence => {
            let mut evidence: Vec<EvidenceDraft> =
                (0..bounded("evidence", draft.evidence.len(), MAX_EVIDENCE)?)
                    .map(|i| EvidenceDraft {
                        name: text(pairs, &format!("evidence.{i}.name")),
                        original: flag(pairs, &format!("evidence.{i}.original")),
                        file_id: get(pairs, &format!("evidence.{i}.file_id"))
                            .filter(|v| !v.is_empty())
                            .map(str::to_string),
                    })
                    .filter(|e| !e.name.trim().is_empty())
                    .collect();
            if let Some(i) = remove.filter(|i| *i < evidence.len()) {
                evidence.remove(i);
            }
            draft.evidence = evidence;
        }
        Step::Court => {
            draft.court_code = text(pairs, "court_code");
            draft.competent_court_code = text(pairs, "competent_court_code");
            draft.preservation_amount = text(pairs, "preservation_amount");
            draft.defendant_assets_known = flag(pairs, "defendant_assets_known");
            draft.agreed_clause = text(pairs, "agreed_clause");
            draft.agreed_court_code = text(pairs, "agreed_court_code");
            draft.agreed_connection = text(pairs, "agreed_connection");
            draft.agreed_place = text(pairs, "agreed_place");
        }
        Step::Check => draft.mediation_consent = flag(pairs, "mediation_consent"),
    }
    Ok(())
}

/// Said beside a date worked out for a year whose public-holiday notice is not loaded yet: only weekends moved it.
pub fn holidays_unknown(l: Lang) -> &'static str {
    tr!(l, form_that_year_s_public_holidays_are)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_row_index_the_page_cannot_have_sent_is_refused_before_anything_is_built() {
        let mut d = FilingDraft::default();
        // A 20-byte body once made 10,001 parties; an index near usize::MAX panicked allocating.
        for index in ["10000", "18446744073709551615", "99999999999999999999", "x"] {
            let form = pairs(&[(&format!("parties.{index}.name"), "张三")]);
            let errors = apply_step(&mut d, Step::Parties, &form).unwrap_err();
            assert!(errors.get("parties").is_some(), "{index}");
            assert!(d.parties.is_empty(), "nothing changed for {index}");
        }
        // The page's own rows are taken: a new draft's plaintiff and defendant, then the rows it has plus one.
        apply_step(
            &mut d,
            Step::Parties,
            &pairs(&[("parties.0.name", "张三"), ("parties.1.name", "李四")]),
        )
        .unwrap();
        assert_eq!(d.parties.len(), 2);
        apply_step(
            &mut d,
            Step::Parties,
            &pairs(&[
                ("parties.2.name", "王五"),
                ("parties.0.name", "张三"),
                ("parties.1.name", "李四"),
            ]),
        )
        .unwrap();
        assert_eq!(d.parties.len(), 3);
        assert!(apply_step(&mut d, Step::Parties, &pairs(&[("parties.5.name", "赵六")])).is_err());
        // And no list grows past its bound, by rows or by "add".
        let mut full = FilingDraft {
            claims: vec![Default::default(); MAX_CLAIMS],
            ..Default::default()
        };
        let at_bound = format!("claims.{MAX_CLAIMS}.text");
        assert!(apply_step(&mut full, Step::Claims, &pairs(&[(at_bound.as_str(), "x")])).is_err());
        let many = FilingDraft {
            evidence: vec![Default::default(); MAX_EVIDENCE + 1],
            ..Default::default()
        };
        assert!(check_bounds(&many).unwrap_err().get("evidence").is_some());
    }

    #[test]
    fn parties_are_read_removed_and_added() {
        let mut d = FilingDraft::default();
        apply_step(
            &mut d,
            Step::Parties,
            &pairs(&[
                ("parties.0.role", "plaintiff"),
                ("parties.0.kind", "natural"),
                ("parties.0.name", "张三"),
                ("parties.0.address_confirmed", "true"),
                ("parties.1.role", "defendant"),
                ("parties.1.kind", "legal"),
                ("parties.1.name", "某公司"),
                ("parties.1.uscc_confirmed", "true"),
                ("add", "1"),
            ]),
        )
        .unwrap();
        assert_eq!(d.parties.len(), 3);
        assert!(d.parties[1].uscc_confirmed && !d.parties[0].uscc_confirmed);
        assert!(d.parties[0].address_confirmed && !d.parties[1].address_confirmed);
        assert_eq!(d.parties[2].role, "defendant");
        let mut form = pairs(&[
            ("parties.0.name", "张三"),
            ("parties.1.name", "某公司"),
            ("remove", "0"),
        ]);
        form.push(("parties.0.role".into(), "plaintiff".into()));
        apply_step(&mut d, Step::Parties, &form).unwrap();
        assert_eq!(d.parties.len(), 1);
        assert_eq!(d.parties[0].name, "某公司");
    }

    #[test]
    fn invalid_answers_are_kept_as_typed() {
        let mut d = FilingDraft::default();
        apply_step(
            &mut d,
            Step::Claims,
            &pairs(&[
                ("claims.0.text", "还款"),
                ("claims.0.amount", "十万"),
                ("claims.1.text", ""),
                ("claims.1.amount", ""),
            ]),
        )
        .unwrap();
        assert_eq!(d.claims.len(), 1, "blank rows go");
        assert_eq!(d.claims[0].amount, "十万");
    }

    #[test]
    fn the_agreed_rate_is_saved_with_the_claims_and_kept_when_not_shown() {
        let mut d = FilingDraft::default();
        apply_step(
            &mut d,
            Step::Claims,
            &pairs(&[
                ("claims.0.text", "偿还借款本金"),
                ("claims.0.amount", "100000"),
                ("agreed_interest_rate", "两分"),
            ]),
        )
        .unwrap();
        assert_eq!(d.agreed_interest_rate, "两分", "kept as typed");
        apply_step(&mut d, Step::Claims, &pairs(&[("claims.0.text", "离婚")])).unwrap();
        assert_eq!(d.agreed_interest_rate, "两分");
        assert!(Step::Claims.owns("agreed_interest_rate"));
    }
}
