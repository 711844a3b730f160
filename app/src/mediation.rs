//! Mediation first (把非诉讼纠纷解决机制挺在前面): the shared roster of mediation organisations and mediators,
//! booking with the other party's consent, the mediator's workspace, agreements and their signatures, judicial
//! confirmation, and failed mediation turned into a filing.

#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod service;
