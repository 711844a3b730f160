//! Accounts: registration of the three public kinds, login, the owner's own page, and what to do after registering.

pub mod account_page;
#[cfg(feature = "ssr")]
pub mod error;
pub mod login_page;
pub mod password_reset_page;
pub mod register_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod welcome_page;
