//! The court portal's rules, written once and run in two places: compiled to WebAssembly they validate what a
//! person types in the browser, compiled natively the server re-runs them on everything it receives.
//!
//! Nothing here does I/O or reads a clock: "today" is always an argument, so the same input gives the same
//! answer in the browser, on the server and in tests.

pub mod amount_words;
pub mod calendar;
pub mod catalogue;
pub mod date;
pub mod error;
pub mod fees;
pub mod filing;
pub mod filing_status;
pub mod ids;
pub mod interest;
pub mod jurisdiction;
pub mod kb;
pub mod lang;
pub mod limitation;
pub mod mask;
pub mod mediation;
pub mod mediator_match;
pub mod meeting;
pub mod pathway;
pub mod payment;
pub mod payment_notice;
pub mod registration;
pub mod risk;
pub mod service_request;
pub mod slots;
pub mod upload;

pub use date::Date;
pub use error::{FieldError, FieldErrors};
pub use ids::{LawyerLicence, Mobile, ResidentId, Uscc, UsccCheck};
pub use lang::Lang;
