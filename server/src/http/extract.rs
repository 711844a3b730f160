//! Extractors for the JSON API whose rejections are problems with the right status, in the caller's language:
//! a wrong content type 415, malformed JSON 400, a missing or mistyped field 422 naming the field, a body over the
//! limit 413.

use super::problem::Problem;
use app::ssr::RequestInfo;
use app::texts::Message;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use domain::{FieldError, Lang};
use serde::de::DeserializeOwned;

fn lang_of(ext: &axum::http::Extensions) -> Lang {
    ext.get::<RequestInfo>().map(|i| i.lang).unwrap_or_default()
}

/// The field a serde message names (``missing field `kind` ``, ``unknown variant `x`, expected …`` has none).
fn field_named(message: &str) -> Option<String> {
    let rest = message.split_once("missing field `")?.1;
    Some(rest.split_once('`')?.0.to_string())
}

fn json_problem(rejection: JsonRejection, lang: Lang) -> Problem {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            Problem::status_only(StatusCode::UNSUPPORTED_MEDIA_TYPE, lang)
        }
        JsonRejection::JsonSyntaxError(e) => Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            &format!(
                "{}{}",
                app::tr!(lang, api_the_body_is_not_valid_json),
                e.body_text()
            ),
            lang,
        ),
        JsonRejection::JsonDataError(e) => {
            let text = e.body_text();
            let mut p = Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                &format!("{}{text}", app::tr!(lang, api_a_field_of_the_body_is)),
                lang,
            );
            if let Some(field) = field_named(&text) {
                p.errors
                    .insert(field, FieldError::Required.message(lang).into());
            }
            p
        }
        other => Problem::status_only(other.status(), lang),
    }
}

/// `Json<T>` for the API: a rejection is a problem.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = lang_of(req.extensions());
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(json_problem(rejection, lang)),
        }
    }
}

/// `Query<T>` for the API: a missing or malformed parameter is a 422 problem naming it.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let lang = lang_of(&parts.extensions);
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(ApiQuery(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => {
                let text = e.body_text();
                let mut p =
                    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", &text, lang);
                if let Some(field) = field_named(&text) {
                    p.errors
                        .insert(field, FieldError::Required.message(lang).into());
                }
                Err(p)
            }
            Err(other) => Err(Problem::status_only(other.status(), lang)),
        }
    }
}

/// The caller, as the request-context layer worked it out.
pub struct Caller(pub RequestInfo);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestInfo>()
            .cloned()
            .map(Caller)
            .ok_or_else(|| Problem::status_only(StatusCode::INTERNAL_SERVER_ERROR, Lang::default()))
    }
}

/// What a form door needs of a POST: the caller, the request's parts (to render the page again) and the form. A
/// body that does not parse counts as an empty form: the service then says what is missing, next to each field.
pub async fn form_request<T, S>(req: Request, state: &S) -> (RequestInfo, Parts, T)
where
    T: DeserializeOwned + Default,
    S: Send + Sync,
{
    let caller = caller_of(req.extensions());
    let (parts, body) = req.into_parts();
    let form = match axum::Form::<T>::from_request(Request::from_parts(parts.clone(), body), state)
        .await
    {
        Ok(axum::Form(form)) => form,
        Err(_) => T::default(),
    };
    (caller, parts, form)
}

/// The caller the request-context layer worked out (an anonymous one of now, should a route ever run without it).
pub fn caller_of(extensions: &axum::http::Extensions) -> RequestInfo {
    extensions.get::<RequestInfo>().cloned().unwrap_or_else(|| {
        let now = crate::state::now_ms();
        RequestInfo {
            ip: "unknown".into(),
            lang: Lang::default(),
            elderly: false,
            user: None,
            today: domain::date::shanghai_date(now),
            now_ms: now,
            device: None,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_missing_field_is_named() {
        assert_eq!(
            super::field_named("Failed to deserialize the JSON body into the target type: missing field `kind` at line 1 column 2").as_deref(),
            Some("kind")
        );
        assert_eq!(super::field_named("invalid type: string"), None);
    }
}
