//! Reference data and calculators' door: the JSON API over `app::reference::service`.

pub mod api;
