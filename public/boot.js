// Starts the portal's WebAssembly. Every page is complete without it (rendered on the server, plain forms); the
// Wasm brings the page's islands to life — fields checked as they are typed, the fee following the amounts, steps
// saved as they change. An external module, so pages need no inline script (see the CSP).
//
// Each <leptos-island data-component="…" data-props="…"> is hydrated by the module's function of that name. An
// island's server-rendered children sit in <leptos-children>; islands inside them are hydrated after the parent
// has handed the children their place (the callback it leaves on that element).
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

async function hydrateIslands(mod) {
  const pendingChildren = [];
  async function visit(el) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'leptos-island') {
      const hydrateFn = mod[el.dataset.component];
      const onChildren = pendingChildren[pendingChildren.length - 1];
      if (onChildren) onChildren();
      if (hydrateFn) {
        await hydrateFn(el);
      } else {
        console.warn(`no island function ${el.dataset.component}`);
      }
    }
    const isChildren = tag === 'leptos-children';
    if (isChildren) pendingChildren.push(el.$$on_hydrate);
    for (const child of el.children) await visit(child);
    if (isChildren) pendingChildren.pop();
  }
  await visit(document.body);
}

// A print button (the payment notice's): shown and wired only here, so without JavaScript the page's own hint —
// the browser's Print — is the way, and nothing on the page is a button that does nothing.
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

const js = meta('portal-js');
const wasm = meta('portal-wasm');
// A page without islands (the home page, the tracking page, …) is complete as the server sent it: it fetches no
// WebAssembly and no glue code at all.
if (js && wasm && document.querySelector('leptos-island')) {
  import(js).then(async (mod) => {
    await mod.default({ module_or_path: wasm });
    mod.hydrate();
    await hydrateIslands(mod);
  });
}
