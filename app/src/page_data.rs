//! What the server knows about a request that the page needs: language, elderly mode, who is logged in, today's
//! date in Asia/Shanghai, and the outcome of a form just submitted.
//!
//! The server renders it into the page head as JSON; the WebAssembly entry reads it back before hydrating, so
//! both sides render from the same facts (no view renders differently on server and client) and no extra request
//! is needed to learn them.

use domain::registration::AccountKind;
use domain::{Date, FieldError, Lang};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub lang: Lang,
    pub elderly: bool,
    pub user: Option<UserSummary>,
    /// Today in Asia/Shanghai, so the browser validates dates against the server's calendar, not its own clock.
    pub today: Date,
    pub form: Option<FormOutcome>,
    /// The fee table the server quotes with, so estimates in the browser agree with it.
    pub fees: domain::fees::FeeTable,
}

/// The public holidays the server counts periods with (the yearly notices it loaded). For views the server renders;
/// an island that needs it gets it as a property, so only its page carries the dates.
pub fn holiday_calendar() -> domain::calendar::HolidayCalendar {
    #[cfg(feature = "ssr")]
    if let Some(ctx) = leptos::prelude::use_context::<crate::ssr::ServerCtx>() {
        return (*ctx.calendar).clone();
    }
    Default::default()
}

/// The logged-in account, as much as the page chrome needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: String,
    pub kind: AccountKind,
    pub display_name: String,
}

/// A submitted form that did not go through: what was typed (never passwords) and what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOutcome {
    pub form: String,
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, FieldError)>,
    /// A problem with the whole form rather than one field (wrong password, too many attempts).
    pub notice: Option<FormNotice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormNotice {
    BadCredentials,
    TooManyAttempts,
    /// A detail of the registration is already registered (which one is not said).
    Taken,
    /// Too many codes asked for or tried (a password reset, a look-up): locked for a while.
    TooManyTries,
    /// A look-up that matched nothing: an unknown receipt and a wrong code read the same.
    NothingFound,
    /// The mediation slot was booked by someone else a moment earlier: the page shows the free times again.
    SlotTaken,
}

impl FormNotice {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            FormNotice::BadCredentials => tr!(lang, page_the_account_or_password_is_not),
            FormNotice::TooManyAttempts => tr!(lang, page_too_many_failed_attempts_try_again),
            FormNotice::Taken => tr!(lang, error_this_is_already_registered_please_log),
            FormNotice::TooManyTries => tr!(lang, error_too_many_attempts),
            FormNotice::NothingFound => tr!(lang, track_nothing_found_check_the_receipt_number),
            FormNotice::SlotTaken => tr!(lang, mediation_slot_taken),
        }
    }
}

impl FormOutcome {
    pub fn value(&self, field: &str) -> String {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
    pub fn error(&self, field: &str) -> Option<FieldError> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, e)| *e)
    }
}

impl PageData {
    /// The outcome of `form` if that is the form that was just submitted.
    pub fn outcome(&self, form: &str) -> Option<&FormOutcome> {
        self.form.as_ref().filter(|o| o.form == form)
    }

    /// JSON safe to place inside a `<script>` element.
    pub fn to_script_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|_| "null".into())
            .replace('<', "\\u003c")
    }
}

pub const PAGE_DATA_ID: &str = "page-data";

impl PageData {
    /// Used when no request is behind the render (route-list generation at start-up) or the page data is unreadable.
    pub fn fallback() -> PageData {
        PageData {
            lang: Lang::Zh,
            elderly: false,
            user: None,
            today: domain::date::shanghai_date(0),
            form: None,
            fees: domain::fees::FeeTable::JILIN,
        }
    }
}

#[cfg(feature = "hydrate")]
pub fn read_from_document() -> PageData {
    let text = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(PAGE_DATA_ID))
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| PageData::fallback())
}

/// The page data of this render: provided by the shell on the server; in the browser each island reads it from the
/// page once (islands are hydrated one by one, with no context from the page around them).
pub fn use_page() -> PageData {
    if let Some(data) = leptos::prelude::use_context::<PageData>() {
        return data;
    }
    #[cfg(feature = "hydrate")]
    {
        thread_local! {
            static FROM_DOCUMENT: PageData = read_from_document();
        }
        FROM_DOCUMENT.with(Clone::clone)
    }
    #[cfg(not(feature = "hydrate"))]
    PageData::fallback()
}
