//! The knowledge base's search box (an island). Rendered on the server it is a plain GET form that works without
//! scripts; in the browser it also suggests questions as the person types, from the public search API, after a
//! short pause (so a slow network is asked once per pause, not once per key).

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
struct Suggestion {
    id: String,
    title: String,
}

#[cfg(feature = "hydrate")]
#[derive(serde::Deserialize)]
struct Found {
    hits: Vec<Suggestion>,
}

#[cfg(feature = "hydrate")]
const PAUSE_MS: u64 = 250;

#[cfg(feature = "hydrate")]
async fn suggestions(q: String, lang: String) -> Option<Vec<Suggestion>> {
    use wasm_bindgen::JsCast;
    let url = format!(
        "/api/v1/kb/search?limit=5&lang={}&q={}",
        lang,
        crate::mediation::roster_page::urlencode(&q)
    );
    let window = web_sys::window()?;
    let res = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()?;
    let res: web_sys::Response = res.dyn_into().ok()?;
    if !res.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(res.text().ok()?)
        .await
        .ok()?;
    serde_json::from_str::<Found>(&text.as_string()?)
        .ok()
        .map(|f| f.hits)
}

#[island]
pub fn KbSearchBox(
    q: String,
    label: String,
    hint: String,
    button: String,
    suggestions: String,
    lang: String,
) -> impl IntoView {
    let found = RwSignal::new(Vec::<Suggestion>::new());
    #[cfg(feature = "hydrate")]
    let on_input = {
        let timer: StoredValue<Option<leptos::prelude::TimeoutHandle>, LocalStorage> =
            StoredValue::new_local(None);
        let lang = lang.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let lang = lang.clone();
            let handle = leptos::prelude::set_timeout_with_handle(
                move || {
                    let typed = value.trim().to_string();
                    if typed.chars().count() < 2 || typed.chars().count() > 200 {
                        found.set(Vec::new());
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        found.set(self::suggestions(typed, lang).await.unwrap_or_default());
                    });
                },
                std::time::Duration::from_millis(PAUSE_MS),
            )
            .ok();
            timer.set_value(handle);
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_input = move |_: leptos::ev::Event| {};
    let _ = &lang;
    // The suggestions are a plain reactive block rather than <Show>/<For>: the list is replaced whole each time, and
    // the keyed-list machinery would add kilobytes to the WebAssembly for five links.
    view! {
        <form method="get" action="/questions" class="kb-search" role="search">
            <label for="kb-q">{label}</label>
            <p class="hint" id="kb-q-hint">{hint}</p>
            <div class="kb-search-row">
                <input id="kb-q" name="q" type="search" value=q maxlength="200" autocomplete="off"
                    aria-describedby="kb-q-hint" aria-controls="kb-suggest" on:input=on_input/>
                <button type="submit" class="button">{button}</button>
            </div>
            <div id="kb-suggest" class="kb-suggest" aria-live="polite">
                {move || {
                    let list = found.get();
                    let label = suggestions.clone();
                    (!list.is_empty()).then(move || view! {
                        <p class="hint">{label}</p>
                        <ul>
                            {list.into_iter().map(|s| view! {
                                <li><a href=format!("/questions/{}", s.id)>{s.title}</a></li>
                            }).collect_view()}
                        </ul>
                    })
                }}
            </div>
        </form>
    }
}
