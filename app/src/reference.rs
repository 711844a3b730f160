//! Reference data and calculators anyone may use without logging in: the courts, the fee quote, identifier checks.

#[cfg(feature = "ssr")]
pub mod service;
