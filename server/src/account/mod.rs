//! Accounts' doors: the JSON API (`api`) and the no-JavaScript forms (`forms`), both thin over
//! `app::account::service`.

pub mod api;
pub mod forms;
