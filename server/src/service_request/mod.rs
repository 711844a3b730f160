//! Service requests' doors: the JSON API and the no-JS forms, both onto `app::service_request::service`.

pub mod api;
pub mod forms;
