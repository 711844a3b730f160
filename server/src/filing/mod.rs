//! Online filing's doors: the JSON API (`api`) and the no-JavaScript forms (`forms`), both thin over
//! `app::filing::service`.

pub mod api;
pub mod forms;
