//! 网上立案 in the browser: the filer's list, the task-list wizard, the receipt, the clerk's queue and tracking.

pub mod autosave;
pub mod data;
#[cfg(feature = "ssr")]
pub mod error;
pub mod form;
pub mod live;
pub mod pages;
pub mod review;
#[cfg(feature = "ssr")]
pub mod service;
