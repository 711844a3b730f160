//! With the Wasm loaded, a step's answers are saved whenever a field changes — not only when the button is
//! pressed — so a closed tab or a dropped connection loses at most the field being typed. It posts the same form
//! to the same handler (marked `X-Autosave`), which saves and answers 204.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed,
}

/// The change handler for a step's form and the state to show beside it.
pub fn use_autosave() -> (
    RwSignal<SaveState>,
    impl Fn(leptos::ev::Event) + Copy + 'static,
) {
    let state = RwSignal::new(SaveState::Idle);
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        save(ev, state);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, state);
    };
    (state, on_change)
}

#[cfg(feature = "hydrate")]
fn save(ev: leptos::ev::Event, state: RwSignal<SaveState>) {
    use wasm_bindgen::JsCast;
    let Some(form) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let body: String = params.to_string().into();
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    let Ok(headers) = web_sys::Headers::new() else {
        return;
    };
    let _ = headers.set("content-type", "application/x-www-form-urlencoded");
    let _ = headers.set("x-autosave", "1");
    init.set_headers(&headers);
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.fetch_with_str_and_init(&form.action(), &init);
    state.set(SaveState::Saving);
    leptos::task::spawn_local(async move {
        let ok = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(res) => res
                .dyn_into::<web_sys::Response>()
                .map(|r| r.status() == 204)
                .unwrap_or(false),
            Err(_) => false,
        };
        state.set(if ok {
            SaveState::Saved
        } else {
            SaveState::Failed
        });
    });
}

/// A step's form (an island): the fields are rendered on the server and stay as they are; in the browser the form
/// saves them whenever one changes, and says so beside the buttons.
#[island]
pub fn AutosaveForm(action: String, children: Children) -> impl IntoView {
    let l = crate::page_data::use_page().lang;
    let (save_state, on_change) = use_autosave();
    view! {
        <form method="post" action=action class="form" novalidate on:change=on_change>
            {children()}
            {status_view(save_state, l)}
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
        <p class="autosave" role="status" aria-live="polite">
            {move || match state.get() {
                SaveState::Idle => "",
                SaveState::Saving => tr!(l, autosave_saving),
                SaveState::Saved => tr!(l, autosave_saved),
                SaveState::Failed => tr!(l, autosave_could_not_save_automatically_press_save),
            }}
        </p>
    }
}
