//! The cross-cutting layers every door shares: who is asking (request context), whether a state-changing request
//! comes from our own pages (CSRF/Origin), cookies, security headers, errors as problem+json or an error page, typed
//! extractors whose rejections are problems too, the page cache for anonymous public pages, and the way back to a
//! page after logging in.
//!
//! Nothing here knows a feature: features (`crate::account`, `crate::filing`, …) use these, never the reverse.

pub mod context;
pub mod cookies;
pub mod csrf;
pub mod error_page;
pub mod extract;
pub mod form_page;
pub mod headers;
pub mod page_cache;
pub mod problem;
pub mod return_to;
pub mod rpc;
