//! 网上立案 in the browser: the filer's list, the task-list wizard, the receipt, the clerk's queue and tracking.

pub mod autosave;
mod check_page;
pub mod common;
pub mod data;
#[cfg(feature = "ssr")]
pub mod error;
pub mod filing_page;
pub mod filings_page;
pub mod form;
pub mod live;
#[cfg(feature = "ssr")]
pub mod online_payment;
pub mod payment_notice_page;
pub mod review;
#[cfg(feature = "ssr")]
pub mod service;
mod step_fields;
pub mod step_page;
pub mod track_page;
