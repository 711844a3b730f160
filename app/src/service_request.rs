//! Service requests (诉讼服务请求): the 12368 hotline's functions online — consultation, case enquiries, contacting
//! the judge or clerk, appointments, transfers, complaints and suggestions (with 办不成事反映) — answered by the
//! court's staff within the time promised for each kind, replied to once and rated.

pub mod data;
#[cfg(feature = "ssr")]
pub mod error;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod texts;
