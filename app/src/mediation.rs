//! Mediation first (把非诉讼纠纷解决机制挺在前面): the shared roster of mediation organisations and mediators,
//! booking with the other party's consent, the mediator's workspace, agreements and their signatures, judicial
//! confirmation, and failed mediation turned into a filing.

pub mod data;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod ics;
pub mod mediation_page;
#[cfg(feature = "ssr")]
pub mod meeting;
pub mod meeting_page;
pub mod meeting_texts;
pub mod roster_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod staff_pages;
