//! With the Wasm loaded, a step's answers are saved as they are typed (a short pause after the last key), when a
//! field changes, and when the page is left (`pagehide`, with a request that outlives the page) — so Back, a closed
//! tab or a dropped connection loses nothing typed. It posts the same form to the same handler (marked
//! `X-Autosave`), which saves and answers 204. The status line says "saving…" until the server has confirmed, and
//! leaving the page with input the server has not confirmed asks first.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    /// Typed, not yet sent.
    Unsaved,
    Saving,
    Saved,
    Failed,
}

/// How long typing pauses before the answers are sent.
#[cfg(feature = "hydrate")]
const DEBOUNCE_MS: u64 = 800;

#[cfg(feature = "hydrate")]
fn params(form: &web_sys::HtmlFormElement) -> Option<web_sys::UrlSearchParams> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()
}

#[cfg(feature = "hydrate")]
fn send(form: &web_sys::HtmlFormElement) -> Option<wasm_bindgen_futures::JsFuture> {
    let params = params(form)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let body: String = params.to_string().into();
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    let headers = web_sys::Headers::new().ok()?;
    let _ = headers.set("content-type", "application/x-www-form-urlencoded");
    let _ = headers.set("x-autosave", "1");
    init.set_headers(&headers);
    let promise = web_sys::window()?.fetch_with_str_and_init(&form.action(), &init);
    Some(wasm_bindgen_futures::JsFuture::from(promise))
}

/// On leaving the page: a beacon, which the browser delivers after the page is gone. It cannot carry a header, so
/// the form says it is an autosave in a field of its own.
#[cfg(feature = "hydrate")]
fn send_on_leaving(form: &web_sys::HtmlFormElement) {
    let Some(params) = params(form) else {
        return;
    };
    params.append("_autosave", "1");
    if let Some(window) = web_sys::window() {
        let _ = window
            .navigator()
            .send_beacon_with_opt_url_search_params(&form.action(), Some(&params));
    }
}

#[cfg(feature = "hydrate")]
fn save(form: web_sys::HtmlFormElement, state: RwSignal<SaveState>) {
    use wasm_bindgen::JsCast;
    let Some(request) = send(&form) else {
        state.set(SaveState::Failed);
        return;
    };
    state.set(SaveState::Saving);
    leptos::task::spawn_local(async move {
        let ok = match request.await {
            Ok(res) => res
                .dyn_into::<web_sys::Response>()
                .map(|r| r.status() == 204)
                .unwrap_or(false),
            Err(_) => false,
        };
        // Typing that went on while this request was out is not covered by it.
        if state.get_untracked() == SaveState::Saving {
            state.set(if ok {
                SaveState::Saved
            } else {
                SaveState::Failed
            });
        }
    });
}

/// A step's form (an island): the fields are rendered on the server and stay as they are; in the browser the form
/// saves them as they are typed and when the page is left, and says so beside the buttons.
#[island]
pub fn AutosaveForm(action: String, children: Children) -> impl IntoView {
    let l = crate::page_data::use_page().lang;
    let state = RwSignal::new(SaveState::Idle);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    let (on_input, on_change, on_submit) = {
        let timer: StoredValue<Option<leptos::prelude::TimeoutHandle>, LocalStorage> =
            StoredValue::new_local(None);
        let submitting = StoredValue::new(false);
        let save_now = move || {
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            if let Some(form) = form_ref.get_untracked() {
                save(form, state);
            }
        };
        let on_input = move |_: leptos::ev::Event| {
            state.set(SaveState::Unsaved);
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let handle = leptos::prelude::set_timeout_with_handle(
                save_now,
                std::time::Duration::from_millis(DEBOUNCE_MS),
            )
            .ok();
            timer.set_value(handle);
        };
        let on_change = move |_: leptos::ev::Event| save_now();
        let on_submit = move |_: leptos::ev::SubmitEvent| {
            submitting.set_value(true);
            if let Some(t) = timer.get_value() {
                t.clear();
            }
        };
        // Leaving the page (Back, another link, closing the tab): what is not confirmed yet is sent with a request
        // the browser completes after the page is gone.
        let pagehide = window_event_listener_untyped("pagehide", move |_| {
            if !submitting.get_value()
                && matches!(
                    state.get_untracked(),
                    SaveState::Unsaved | SaveState::Failed
                )
            {
                if let Some(form) = form_ref.get_untracked() {
                    send_on_leaving(&form);
                }
            }
        });
        // …and the person is asked first while the server has not confirmed what they typed.
        let beforeunload = window_event_listener_untyped("beforeunload", move |ev| {
            if !submitting.get_value()
                && matches!(
                    state.get_untracked(),
                    SaveState::Unsaved | SaveState::Saving | SaveState::Failed
                )
            {
                ev.prevent_default();
            }
        });
        on_cleanup(move || {
            pagehide.remove();
            beforeunload.remove();
        });
        (on_input, on_change, on_submit)
    };
    #[cfg(not(feature = "hydrate"))]
    let (on_input, on_change, on_submit) = (
        |_: leptos::ev::Event| {},
        |_: leptos::ev::Event| {},
        |_: leptos::ev::SubmitEvent| {},
    );
    view! {
        <form method="post" action=action class="form" novalidate node_ref=form_ref
            on:input=on_input on:change=on_change on:submit=on_submit>
            {children()}
            {status_view(state, l)}
            <div class="actions">
                <button type="submit" name="go" value="next" class="button">{tr!(l, autosave_save_and_continue)}</button>
                <button type="submit" name="go" value="list" class="button secondary">{tr!(l, autosave_save_and_return_to_the_steps)}</button>
            </div>
        </form>
    }
}

/// The polite status line beside a step's buttons.
pub fn status_view(state: RwSignal<SaveState>, l: domain::Lang) -> impl IntoView {
    view! {
        <p class="autosave" role="status" aria-live="polite" data-state=move || format!("{:?}", state.get()).to_lowercase()>
            {move || match state.get() {
                SaveState::Idle => "",
                SaveState::Unsaved => tr!(l, autosave_not_saved_yet),
                SaveState::Saving => tr!(l, autosave_saving),
                SaveState::Saved => tr!(l, autosave_saved),
                SaveState::Failed => tr!(l, autosave_could_not_save_automatically_press_save),
            }}
        </p>
    }
}
