//! Mediation's doors: the JSON API (`api`) and the pages' no-JavaScript forms (`forms`), both thin over
//! `app::mediation::service`.

pub mod api;
pub mod forms;
pub mod room;
