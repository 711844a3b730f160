//! Guided pathways (解纷指引): a short decision tree of plain questions for one kind of dispute, ending in the
//! cheapest channel that fits, the time limits that apply to this person and what each channel costs.
//!
//! A pathway is data (`data/pathways/*.toml`). The person's answers travel in the page address, one per question,
//! so each question is its own page that works without JavaScript and the browser's Back button goes back one
//! question. [`Pathway::walk`] replays them from the start every time: nothing is stored, and an altered address can
//! only lead to a question of the same tree.

use crate::calendar::HolidayCalendar;
use crate::catalogue::Cause;
use crate::fees::{FeeCategory, FeeError, FeeQuote, FeeRequest, FeeTable, Procedure};
use crate::limitation::{time_limit, Limitation, LimitationFacts, TimeLimit};
use crate::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub start: String,
    pub question: Vec<Question>,
    pub outcome: Vec<Outcome>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Choice,
    Date,
    Amount,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub text: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub choice: Vec<Choice>,
    #[serde(default)]
    pub fact: Option<Fact>,
    #[serde(default)]
    pub optional: bool,
    /// Where a date or amount question goes next (a choice names its own).
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub next: String,
    #[serde(default)]
    pub flags: Vec<Flag>,
}

/// What a choice tells the time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Still employed: unpaid pay's one year does not run yet (劳动争议调解仲裁法第二十七条第四款).
    Employed,
}

/// What a date or amount answer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The day the person knew or should have known their right was harmed.
    KnownOn,
    /// The day the employment ended.
    EndedOn,
    /// The last day the claim was demanded, acknowledged or partly paid (民法典第一百九十五条).
    InterruptedOn,
    /// The day a mediation agreement took effect.
    AgreementOn,
    /// The last day a judgment or agreement allowed for performance.
    DueOn,
    /// The money in dispute, in yuan.
    Amount,
}

/// 解纷渠道 — the ways a dispute can be resolved, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Channel {
    /// 协商和解
    Negotiation,
    /// 人民调解
    PeopleMediation,
    /// 行业性专业性调解
    IndustryMediation,
    /// 劳动人事争议仲裁
    LabourArbitration,
    /// 农村土地承包仲裁
    LandArbitration,
    /// 行政复议
    AdministrativeReconsideration,
    /// 诉讼
    Court,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Negotiation,
        Channel::PeopleMediation,
        Channel::IndustryMediation,
        Channel::LabourArbitration,
        Channel::LandArbitration,
        Channel::AdministrativeReconsideration,
        Channel::Court,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitRule {
    Civil,
    LabourArbitration,
    /// Two years from knowing (农村土地承包经营纠纷调解仲裁法第十八条).
    LandArbitration,
    JudicialConfirmation,
    Enforcement,
    AdministrativeReconsideration,
}

/// The main button of an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Book mediation, the answers filled in.
    Mediation,
    /// Open the filing wizard, the answers filled in.
    Filing,
    /// How to apply for labour arbitration.
    Arbitration,
    None,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub channel: Channel,
    pub title: String,
    pub why: String,
    #[serde(default)]
    pub steps: Vec<String>,
    /// `[law short name, article]` pairs, each quoted in the knowledge base.
    pub cite: Vec<(String, u32)>,
    #[serde(default)]
    pub limits: Vec<LimitRule>,
    #[serde(default)]
    pub compare: Vec<Channel>,
    #[serde(default)]
    pub cause: Option<String>,
    pub action: Action,
}

/// The most answers an address may carry (more than any tree is deep; the rest are ignored).
pub const MAX_ANSWERS: usize = 24;

impl Pathway {
    /// Whether the tree can be walked: every `next` exists, every question is reachable from the start, no
    /// question leads back to itself, choices have 2–6 options, date and amount questions say which fact they
    /// are, every outcome is reachable and its cause exists. `quoted` says whether a citation is quoted.
    pub fn check(&self, quoted: impl Fn(&str, u32) -> bool) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        let mut say = |p: String| problems.push(format!("{}: {p}", self.id));
        let questions: BTreeMap<&str, &Question> =
            self.question.iter().map(|q| (q.id.as_str(), q)).collect();
        let outcomes: BTreeSet<&str> = self.outcome.iter().map(|o| o.id.as_str()).collect();
        if questions.len() != self.question.len() || outcomes.len() != self.outcome.len() {
            say("question and outcome ids must be unique".into());
        }
        if questions.keys().any(|q| outcomes.contains(q)) {
            say("a question and an outcome share an id".into());
        }
        if !questions.contains_key(self.start.as_str()) {
            say(format!("the start {} is not a question", self.start));
        }
        for q in &self.question {
            match q.kind {
                QuestionKind::Choice if !(2..=6).contains(&q.choice.len()) => {
                    say(format!("{} needs 2–6 choices", q.id))
                }
                QuestionKind::Choice => {}
                QuestionKind::Date | QuestionKind::Amount => {
                    let fits = match q.fact {
                        Some(Fact::Amount) => q.kind == QuestionKind::Amount,
                        Some(_) => q.kind == QuestionKind::Date,
                        None => false,
                    };
                    if !fits || q.next.is_none() {
                        say(format!("{} needs a fact of its type and a next", q.id));
                    }
                }
            }
            for next in q.nexts() {
                if !questions.contains_key(next) && !outcomes.contains(next) {
                    say(format!("{} leads to {next}, which does not exist", q.id));
                }
            }
        }
        // Depth-first from the start: reachability and cycles at once.
        let mut seen = BTreeSet::new();
        let mut reached = BTreeSet::new();
        fn visit<'a>(
            id: &'a str,
            questions: &BTreeMap<&'a str, &'a Question>,
            path: &mut Vec<&'a str>,
            seen: &mut BTreeSet<&'a str>,
            reached: &mut BTreeSet<&'a str>,
            cycle: &mut bool,
        ) {
            reached.insert(id);
            let Some(q) = questions.get(id) else { return };
            if path.contains(&id) {
                *cycle = true;
                return;
            }
            if !seen.insert(id) {
                return;
            }
            path.push(id);
            for next in q.nexts() {
                visit(next, questions, path, seen, reached, cycle);
            }
            path.pop();
        }
        let mut cycle = false;
        visit(
            &self.start,
            &questions,
            &mut Vec::new(),
            &mut seen,
            &mut reached,
            &mut cycle,
        );
        if cycle {
            say("a question leads back to itself".into());
        }
        for id in questions.keys().chain(outcomes.iter()) {
            if !reached.contains(id) {
                say(format!("{id} cannot be reached from the start"));
            }
        }
        for o in &self.outcome {
            if o.cite.is_empty() {
                say(format!("{} cites nothing", o.id));
            }
            for (law, article) in &o.cite {
                if !quoted(law, *article) {
                    say(format!(
                        "{} cites {law} {article}, which is not quoted",
                        o.id
                    ));
                }
            }
            if let Some(c) = &o.cause {
                if crate::catalogue::cause(c).is_none() {
                    say(format!("{} names the unknown cause {c}", o.id));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn question(&self, id: &str) -> Option<&Question> {
        self.question.iter().find(|q| q.id == id)
    }

    fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcome.iter().find(|o| o.id == id)
    }

    /// Replays the answers from the start. An answer that does not fit its question stops the walk there, with
    /// the reason, so the page asks that question again; what came after it is dropped.
    pub fn walk(&self, answers: &[String], today: Date) -> Walk<'_> {
        let mut walk = Walk {
            answered: Vec::new(),
            facts: Facts::default(),
            step: Step::Unknown,
            error: None,
        };
        let Some(mut q) = self.question(&self.start) else {
            return walk;
        };
        for raw in answers.iter().take(MAX_ANSWERS) {
            let next = match q.answer(raw, today, &mut walk.facts) {
                Ok((shown, next)) => {
                    walk.answered.push(Answered {
                        question: q,
                        shown,
                        raw: raw.trim().to_string(),
                    });
                    next
                }
                Err(e) => {
                    walk.error = Some(e);
                    break;
                }
            };
            match (self.question(next), self.outcome(next)) {
                (Some(nq), _) => q = nq,
                (None, Some(o)) => {
                    walk.step = Step::Done(o);
                    return walk;
                }
                (None, None) => return walk,
            }
        }
        walk.step = Step::Ask(q);
        walk
    }
}

impl Question {
    fn nexts(&self) -> Vec<&str> {
        match self.kind {
            QuestionKind::Choice => self.choice.iter().map(|c| c.next.as_str()).collect(),
            QuestionKind::Date | QuestionKind::Amount => {
                self.next.iter().map(String::as_str).collect()
            }
        }
    }

    /// What the answer says (as the summary shows it) and where it leads, or why it does not fit.
    fn answer<'a>(
        &'a self,
        raw: &str,
        today: Date,
        facts: &mut Facts,
    ) -> Result<(String, &'a str), AnswerError> {
        let raw = raw.trim();
        let next = self.next.as_deref().unwrap_or_default();
        match self.kind {
            QuestionKind::Choice => {
                let c = raw
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.choice.get(i))
                    .ok_or(AnswerError::NoChoice)?;
                for f in &c.flags {
                    match f {
                        Flag::Employed => facts.employed = true,
                    }
                }
                Ok((c.label.clone(), &c.next))
            }
            _ if raw.is_empty() || raw == "-" => {
                if self.optional {
                    Ok((String::new(), next))
                } else {
                    Err(AnswerError::Required)
                }
            }
            QuestionKind::Date => {
                let d = Date::parse_iso(raw).ok_or(AnswerError::BadDate)?;
                if d > today {
                    return Err(AnswerError::FutureDate);
                }
                if d.year < 1950 {
                    return Err(AnswerError::BadDate);
                }
                let slot = match self.fact {
                    Some(Fact::KnownOn) => &mut facts.known_on,
                    Some(Fact::EndedOn) => &mut facts.ended_on,
                    Some(Fact::InterruptedOn) => &mut facts.interrupted_on,
                    Some(Fact::AgreementOn) => &mut facts.agreement_on,
                    Some(Fact::DueOn) => &mut facts.due_on,
                    Some(Fact::Amount) | None => return Err(AnswerError::BadDate),
                };
                *slot = Some(d);
                Ok((d.to_string(), next))
            }
            QuestionKind::Amount => {
                let fen = crate::filing::parse_yuan(raw).map_err(|_| AnswerError::BadAmount)?;
                if !(0..=crate::fees::MAX_AMOUNT_FEN).contains(&fen) {
                    return Err(AnswerError::BadAmount);
                }
                facts.amount_fen = Some(fen);
                Ok((crate::amount_words::yuan_figures(fen), next))
            }
        }
    }
}

/// Why an answer does not fit its question (the page shows it next to the field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerError {
    NoChoice,
    Required,
    BadDate,
    FutureDate,
    BadAmount,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    pub known_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub interrupted_on: Option<Date>,
    pub agreement_on: Option<Date>,
    pub due_on: Option<Date>,
    pub amount_fen: Option<i64>,
    pub employed: bool,
}

#[derive(Clone, Debug)]
pub struct Answered<'a> {
    pub question: &'a Question,
    /// The answer as the person sees it again (the choice's label, the date, the amount; empty when skipped).
    pub shown: String,
    pub raw: String,
}

#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    Ask(&'a Question),
    Done(&'a Outcome),
    /// The pathway's data is broken (refused at start-up, so never shown).
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Walk<'a> {
    pub answered: Vec<Answered<'a>>,
    pub facts: Facts,
    pub step: Step<'a>,
    /// Why the last answer was not taken.
    pub error: Option<AnswerError>,
}

/// A time limit as it applies to this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LimitResult {
    pub rule: LimitRule,
    pub state: LimitState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LimitState {
    /// Running: when it ends.
    Runs(Limitation),
    /// Not running yet (unpaid pay while still employed), with the article that says so.
    NotYet { basis: &'static str },
    /// The date it runs from was not given: the rule in words only.
    NeedsDate { fact: Fact, basis: &'static str },
}

/// The time limits of an outcome, computed from the person's dates with the holiday calendar.
pub fn time_limits(
    outcome: &Outcome,
    facts: &Facts,
    today: Date,
    calendar: &HolidayCalendar,
) -> Vec<LimitResult> {
    outcome
        .limits
        .iter()
        .map(|rule| LimitResult {
            rule: *rule,
            state: limit(*rule, facts, today, calendar),
        })
        .collect()
}

fn limit(rule: LimitRule, facts: &Facts, today: Date, calendar: &HolidayCalendar) -> LimitState {
    let runs_from = |from: Date, rule: TimeLimit| {
        let f = LimitationFacts {
            interrupted_on: facts.interrupted_on,
            ..LimitationFacts::known(from)
        };
        time_limit(rule, &f, today, calendar)
    };
    let days = |from: Date, days: i64, basis: &'static str| {
        let end = calendar.deadline_days(from, days);
        let days_left = end.date.to_days() - today.to_days();
        Limitation {
            expires_on: end.date,
            expired: days_left < 0,
            days_left,
            basis,
            holidays_known: end.holidays_known,
            suspension_possible: false,
        }
    };
    let need = |fact, basis| LimitState::NeedsDate { fact, basis };
    match rule {
        LimitRule::Civil => match facts.known_on {
            Some(d) => {
                runs_from(d, TimeLimit::Civil).map_or(need(Fact::KnownOn, CIVIL), LimitState::Runs)
            }
            None => need(Fact::KnownOn, CIVIL),
        },
        LimitRule::LabourArbitration => {
            if facts.employed {
                return LimitState::NotYet { basis: LABOUR_PAY };
            }
            let from = facts.ended_on.or(facts.known_on);
            match from {
                Some(d) => runs_from(d, TimeLimit::LabourArbitration)
                    .map_or(need(Fact::KnownOn, LABOUR), LimitState::Runs),
                None => need(Fact::KnownOn, LABOUR),
            }
        }
        LimitRule::LandArbitration => match facts.known_on {
            Some(d) => {
                let end = calendar.deadline_years(d, 2);
                let days_left = end.date.to_days() - today.to_days();
                LimitState::Runs(Limitation {
                    expires_on: end.date,
                    expired: days_left < 0,
                    days_left,
                    basis: LAND,
                    holidays_known: end.holidays_known,
                    suspension_possible: false,
                })
            }
            None => need(Fact::KnownOn, LAND),
        },
        LimitRule::Enforcement => match facts.due_on {
            Some(d) => runs_from(d, TimeLimit::Enforcement)
                .map_or(need(Fact::DueOn, ENFORCEMENT), LimitState::Runs),
            None => need(Fact::DueOn, ENFORCEMENT),
        },
        LimitRule::JudicialConfirmation => match facts.agreement_on {
            Some(d) => LimitState::Runs(days(d, 30, CONFIRMATION)),
            None => need(Fact::AgreementOn, CONFIRMATION),
        },
        LimitRule::AdministrativeReconsideration => match facts.known_on {
            Some(d) => LimitState::Runs(days(d, 60, RECONSIDERATION)),
            None => need(Fact::KnownOn, RECONSIDERATION),
        },
    }
}

pub const CIVIL: &str = "民法典第一百八十八条第一款";
pub const LABOUR: &str = "劳动争议调解仲裁法第二十七条第一款";
pub const LAND: &str = "农村土地承包经营纠纷调解仲裁法第十八条";
pub const LABOUR_PAY: &str = "劳动争议调解仲裁法第二十七条第四款";
pub const ENFORCEMENT: &str = "民事诉讼法第二百五十条";
pub const CONFIRMATION: &str = "民事诉讼法第二百零五条";
pub const RECONSIDERATION: &str = "行政复议法第二十条第一款";

/// What a channel costs the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "cost", rename_all = "snake_case")]
pub enum ChannelCost {
    /// Nothing, by the article named (or by its nature: negotiating costs nothing).
    Free { basis: Option<&'static str> },
    /// Free or a small fee the organisation publishes.
    AsPublished,
    /// The court's fee for this claim, by the fee code.
    Court { quote: FeeQuote, small_claims: bool },
    /// The court's fee needs the amount in dispute.
    CourtNeedsAmount,
}

/// The cost of `channel` for a claim of `cause` over `amount_fen`, by the same fee code the filing wizard uses.
pub fn channel_cost(
    channel: Channel,
    cause: Option<&Cause>,
    amount_fen: Option<i64>,
    table: &FeeTable,
) -> ChannelCost {
    match channel {
        Channel::Negotiation => ChannelCost::Free { basis: None },
        Channel::PeopleMediation => ChannelCost::Free {
            basis: Some("人民调解法第四条"),
        },
        Channel::LabourArbitration => ChannelCost::Free {
            basis: Some("劳动争议调解仲裁法第五十三条"),
        },
        Channel::LandArbitration => ChannelCost::Free {
            basis: Some("农村土地承包经营纠纷调解仲裁法第五十二条"),
        },
        Channel::AdministrativeReconsideration => ChannelCost::Free {
            basis: Some("行政复议法第八十七条"),
        },
        Channel::IndustryMediation => ChannelCost::AsPublished,
        Channel::Court => {
            let fee_category = cause.map_or(FeeCategory::NonProperty, |c| c.fee);
            let small_claims = match (cause, amount_fen) {
                (Some(c), Some(a)) => c.is_small_claim(a, table),
                _ => false,
            };
            let req = FeeRequest {
                fee_category,
                amount_fen,
                procedure: if small_claims {
                    Procedure::SmallClaims
                } else {
                    Procedure::Ordinary
                },
                preservation_amount_fen: None,
                wage_claim: cause.is_some_and(|c| c.is_wage_claim()),
            };
            match crate::fees::quote(&req, table) {
                Ok(quote) => ChannelCost::Court {
                    quote,
                    small_claims,
                },
                Err(FeeError::AmountRequired) | Err(FeeError::AmountOutOfRange) => {
                    ChannelCost::CourtNeedsAmount
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABOUR_TOML: &str = r#"
id = "labour"
title = "劳动争议"
intro = "几个问题。"
start = "what"

[[question]]
id = "what"
type = "choice"
text = "发生了什么？"
[[question.choice]]
label = "单位拖欠工资"
next = "still"
[[question.choice]]
label = "被辞退"
next = "to-arbitration"

[[question]]
id = "still"
type = "choice"
text = "你还在那里上班吗？"
[[question.choice]]
label = "还在上班"
next = "amount"
flags = ["employed"]
[[question.choice]]
label = "已经离职"
next = "ended"

[[question]]
id = "ended"
type = "date"
text = "哪天离职的？"
fact = "ended_on"
optional = true
next = "amount"

[[question]]
id = "amount"
type = "amount"
text = "欠你多少钱？"
fact = "amount"
optional = true
next = "to-mediation"

[[outcome]]
id = "to-mediation"
channel = "people_mediation"
title = "先调解"
why = "免费。"
cite = [["劳动争议调解仲裁法", 5]]
limits = ["labour_arbitration"]
compare = ["negotiation", "people_mediation", "labour_arbitration", "court"]
cause = "labour_pay"
action = "mediation"

[[outcome]]
id = "to-arbitration"
channel = "labour_arbitration"
title = "申请仲裁"
why = "必须先仲裁。"
cite = [["劳动争议调解仲裁法", 5]]
limits = ["labour_arbitration"]
action = "arbitration"
"#;

    fn labour() -> Pathway {
        toml::from_str(LABOUR_TOML).expect("the sample pathway parses")
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn answers(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_sample_tree_is_sound() {
        assert!(labour().check(|_, _| true).is_ok());
    }

    #[test]
    fn answers_walk_the_tree_one_question_at_a_time() {
        let p = labour();
        let today = d("2026-11-26");
        let w = p.walk(&[], today);
        assert!(matches!(w.step, Step::Ask(q) if q.id == "what"));
        let w = p.walk(&answers(&["0", "1"]), today);
        assert!(matches!(w.step, Step::Ask(q) if q.id == "ended"));
        let w = p.walk(&answers(&["0", "1", "2026-08-31", "15000"]), today);
        let Step::Done(o) = w.step else {
            panic!("{:?}", w.step)
        };
        assert_eq!(o.id, "to-mediation");
        assert_eq!(w.facts.ended_on, Some(d("2026-08-31")));
        assert_eq!(w.facts.amount_fen, Some(1_500_000));
        assert_eq!(w.answered.len(), 4);
        assert_eq!(w.answered[0].shown, "单位拖欠工资");
        // Extra answers after an outcome are ignored.
        let w = p.walk(&answers(&["1", "0", "0"]), today);
        assert!(matches!(w.step, Step::Done(o) if o.id == "to-arbitration"));
    }

    #[test]
    fn an_answer_that_does_not_fit_asks_the_question_again_with_the_reason() {
        let p = labour();
        let today = d("2026-11-26");
        for (a, q, e) in [
            (vec!["7"], "what", AnswerError::NoChoice),
            (vec!["x"], "what", AnswerError::NoChoice),
            (vec!["0", "1", "2026-13-01"], "ended", AnswerError::BadDate),
            (
                vec!["0", "1", "2027-01-01"],
                "ended",
                AnswerError::FutureDate,
            ),
            (vec!["0", "1", "", "-5"], "amount", AnswerError::BadAmount),
            (vec!["0", "1", "", "abc"], "amount", AnswerError::BadAmount),
        ] {
            let w = p.walk(&answers(&a), today);
            assert!(matches!(w.step, Step::Ask(x) if x.id == q), "{a:?}");
            assert_eq!(w.error, Some(e), "{a:?}");
        }
        // Skipping an optional date is an answer.
        let w = p.walk(&answers(&["0", "1", ""]), today);
        assert!(matches!(w.step, Step::Ask(x) if x.id == "amount"));
        assert_eq!(w.error, None);
    }

    #[test]
    fn broken_trees_are_refused_with_the_reason() {
        let mut p = labour();
        p.question[1].choice[1].next = "nowhere".into();
        assert!(p
            .check(|_, _| true)
            .unwrap_err()
            .iter()
            .any(|e| e.contains("nowhere")));
        let mut p = labour();
        p.question[3].next = Some("what".into());
        let e = p.check(|_, _| true).unwrap_err();
        assert!(e.iter().any(|e| e.contains("back to itself")), "{e:?}");
        let mut p = labour();
        p.question[0].choice[1].next = "still".into();
        let e = p.check(|_, _| true).unwrap_err();
        assert!(
            e.iter()
                .any(|e| e.contains("to-arbitration cannot be reached")),
            "{e:?}"
        );
        let p = labour();
        let e = p.check(|_, _| false).unwrap_err();
        assert!(e.iter().any(|e| e.contains("not quoted")), "{e:?}");
        let mut p = labour();
        p.outcome[0].cause = Some("nonsense".into());
        assert!(p.check(|_, _| true).is_err());
    }

    #[test]
    fn unpaid_pay_while_employed_does_not_run_and_after_leaving_runs_a_year() {
        let p = labour();
        let today = d("2026-11-26");
        let cal = crate::calendar::shipped();
        let w = p.walk(&answers(&["0", "0", ""]), today);
        let Step::Done(o) = w.step else { panic!() };
        let l = time_limits(o, &w.facts, today, &cal);
        assert_eq!(l[0].state, LimitState::NotYet { basis: LABOUR_PAY });
        let w = p.walk(&answers(&["0", "1", "2026-08-31", ""]), today);
        let Step::Done(o) = w.step else { panic!() };
        let LimitState::Runs(lim) = &time_limits(o, &w.facts, today, &cal)[0].state else {
            panic!()
        };
        // A year from 31 August 2026 is Tuesday 31 August 2027: a working day, so it stands.
        assert_eq!(lim.expires_on, d("2027-08-31"));
        assert!(!lim.expired);
        // Without the date the rule is stated, not computed.
        let w = p.walk(&answers(&["0", "1", "", ""]), today);
        let Step::Done(o) = w.step else { panic!() };
        assert!(matches!(
            time_limits(o, &w.facts, today, &cal)[0].state,
            LimitState::NeedsDate { .. }
        ));
    }

    #[test]
    fn day_periods_end_on_a_working_day() {
        let cal = crate::calendar::shipped();
        let facts = Facts {
            agreement_on: Some(d("2026-09-01")),
            known_on: Some(d("2026-09-01")),
            ..Facts::default()
        };
        // 1 September + 30 days = 1 October 2026, in the National Day holiday (1–7 October): the 8th.
        let LimitState::Runs(l) = limit(
            LimitRule::JudicialConfirmation,
            &facts,
            d("2026-09-02"),
            &cal,
        ) else {
            panic!()
        };
        assert_eq!(l.expires_on, d("2026-10-08"));
        let LimitState::Runs(l) = limit(
            LimitRule::AdministrativeReconsideration,
            &facts,
            d("2026-09-02"),
            &cal,
        ) else {
            panic!()
        };
        // + 60 days = 31 October 2026, a Saturday: Monday 2 November.
        assert_eq!(l.expires_on, d("2026-11-02"));
    }

    #[test]
    fn each_channel_costs_what_the_law_says() {
        let table = FeeTable::JILIN;
        assert_eq!(
            channel_cost(Channel::PeopleMediation, None, Some(1), &table),
            ChannelCost::Free {
                basis: Some("人民调解法第四条")
            }
        );
        let loan = crate::catalogue::cause("private_loan");
        // 50 000 yuan: 50 + (50 000 − 10 000) × 2.5 % = 1 050 yuan (诉讼费用交纳办法第十三条).
        let ChannelCost::Court {
            quote,
            small_claims,
        } = channel_cost(Channel::Court, loan, Some(5_000_000), &table)
        else {
            panic!()
        };
        assert_eq!(quote.acceptance_fee_fen, 105_000);
        assert!(!small_claims);
        assert_eq!(
            channel_cost(Channel::Court, loan, None, &table),
            ChannelCost::CourtNeedsAmount
        );
        // A labour case: 10 yuan (第十三条第（四）项), not prepaid for unpaid pay (第二十条).
        let pay = crate::catalogue::cause("labour_pay");
        let ChannelCost::Court { quote, .. } =
            channel_cost(Channel::Court, pay, Some(3_000_000), &table)
        else {
            panic!()
        };
        assert_eq!(quote.acceptance_fee_fen, 1_000);
        assert_eq!(quote.due_on_filing_fen, 0);
    }
}
