// Starts the portal's WebAssembly. Every page is complete without it (rendered on the server, plain forms); the
// Wasm adds live checks as people type. An external module, so pages need no inline script (see the CSP).
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
const js = meta('portal-js');
const wasm = meta('portal-wasm');
if (js && wasm) {
  import(js).then((mod) => mod.default({ module_or_path: wasm }).then(() => mod.hydrate()));
}
