//! The one error type of the UI's server functions. The browser sees a code it can act on, never a cause chain.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    Unauthorized,
    /// Also what another person's matter looks like: it does not exist for you.
    #[error("not found")]
    NotFound,
    #[error("something went wrong on our side")]
    Internal,
    #[error("request failed: {0}")]
    ServerFn(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::NotFound => 404,
            AppError::Internal | AppError::ServerFn(_) => 500,
        }
    }

    pub fn message(&self, lang: domain::Lang) -> &'static str {
        match self {
            AppError::Unauthorized => {
                lang.pick("请先登录。", "Please log in first.", "먼저 로그인하십시오.")
            }
            AppError::NotFound => lang.pick("未找到。", "Not found.", "찾을 수 없습니다."),
            AppError::Internal | AppError::ServerFn(_) => lang.pick(
                "服务暂时出错，请稍后再试。",
                "Something went wrong on our side. Please try again later.",
                "일시적인 오류입니다. 잠시 후 다시 시도하십시오.",
            ),
        }
    }
}
