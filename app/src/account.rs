//! Accounts: registration of the three public kinds, login, and the owner's own page.

pub mod account_page;
pub mod login_page;
pub mod register_page;
