//! What the service-request pages show, and the server functions that load it (they call `service` only).

use crate::error::AppError;
use domain::service_request::{RequestKind, RequestStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequestSummary {
    pub id: String,
    pub kind: RequestKind,
    pub kind_name: String,
    pub subject: String,
    /// The court that must answer now.
    pub court_code: String,
    pub court_name: String,
    pub status: RequestStatus,
    pub status_name: String,
    /// When the answer is promised (UTC ms).
    pub due_at: i64,
    pub overdue: bool,
    /// An answer the person has not opened yet.
    pub unread: bool,
    /// 办不成事反映
    pub cannot_get_done: bool,
    /// The sender's name, masked (court staff only).
    pub requester: Option<String>,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MessageView {
    /// submit | answer | reply | transfer | close | rate
    pub action: String,
    pub action_name: String,
    pub by_staff: bool,
    pub author: String,
    pub body: String,
    /// For a transfer: where it went.
    pub to_court: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequestView {
    #[serde(flatten)]
    pub summary: RequestSummary,
    pub department: String,
    pub case_ref: String,
    pub promised_hours: u32,
    pub messages: Vec<MessageView>,
    pub rating: Option<u8>,
    pub rating_reason: Option<String>,
    /// What the caller may do now.
    pub may_answer: bool,
    pub may_reply: bool,
    pub may_rate: bool,
    /// The caller sent it.
    pub mine: bool,
    /// Courts to transfer to (court staff only): (code, name).
    pub courts: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListData {
    pub staff: bool,
    pub items: Vec<RequestSummary>,
    pub now_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewData {
    pub courts: Vec<(String, String)>,
    /// (kind code, name, promised hours)
    pub kinds: Vec<(String, String, u32)>,
}

#[cfg(feature = "ssr")]
fn caller() -> Result<(crate::ssr::RequestInfo, crate::ssr::ServerCtx), AppError> {
    Ok((
        crate::ssr::request_info().ok_or(AppError::Internal)?,
        crate::ssr::ctx()?,
    ))
}

#[server(prefix = "/rpc")]
pub async fn load_requests() -> Result<ListData, AppError> {
    let (info, ctx) = caller()?;
    let (staff, items) = super::service::list(&info, &ctx)
        .await
        .map_err(|e| AppError::from_service(&e, info.lang))?;
    Ok(ListData {
        staff,
        items,
        now_ms: info.now_ms,
    })
}

#[server(prefix = "/rpc")]
pub async fn load_request(id: String) -> Result<(RequestView, i64), AppError> {
    let (info, ctx) = caller()?;
    super::service::view(&info, &id, &ctx)
        .await
        .map(|v| (v, info.now_ms))
        .map_err(|e| AppError::from_service(&e, info.lang))
}

#[server(prefix = "/rpc")]
pub async fn load_new_request() -> Result<NewData, AppError> {
    let (info, ctx) = caller()?;
    if info.user.is_none() {
        return Err(AppError::Unauthorized);
    }
    let courts = db::courts::shared(&ctx.db)
        .await
        .map_err(|_| AppError::Internal)?;
    Ok(NewData {
        courts: courts
            .iter()
            .map(|c| (c.code.clone(), c.name.clone()))
            .collect(),
        kinds: RequestKind::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_string(),
                    super::texts::kind_name(*k, info.lang).to_string(),
                    ctx.service_hours.of(*k),
                )
            })
            .collect(),
    })
}
