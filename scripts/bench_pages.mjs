// Page weight as a phone on a slow network pays it: every byte Chromium receives for a page (HTML, CSS, scripts,
// WebAssembly, icons; compressed as sent), and how much of it is the WebAssembly with its glue code. Pages without
// islands must load none. Usage: node scripts/bench_pages.mjs http://127.0.0.1:PORT
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function weigh(context, path, prepare) {
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let total = 0;
  let wasm = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    total += e.encodedDataLength;
    if (/\.wasm$|\/pkg\/portal\.js$/.test(url)) wasm += e.encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  const islands = await page.locator('leptos-island').count();
  await page.close();
  return { path, total, wasm, islands };
}

const rows = [];
const anon = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': 'br, gzip' } });
for (const path of ['/', '/login', '/register', '/track', '/mediation', '/meeting-check']) rows.push(await weigh(anon, path));
// A wizard step, logged in (the page with the most islands).
const user = await browser.newContext();
const login = await user.newPage();
await login.goto(base + '/login');
await login.fill('#f-login_name', '13900000001');
await login.fill('#f-password', 'demo-pass-2026');
await Promise.all([login.waitForNavigation(), login.click('form[action^="/login"] button[type=submit]')]);
await login.goto(base + '/filings');
await Promise.all([login.waitForNavigation(), login.click('form[action="/filings/new"] button')]);
const step = new URL(login.url()).pathname.replace(/\/cause$/, '/claims');
await login.close();
rows.push(await weigh(user, step));

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('page                                      total KB   Wasm+glue KB   islands');
for (const r of rows) {
  console.log(`${r.path.padEnd(40)} ${kb(r.total)}     ${kb(r.wasm)}        ${String(r.islands).padStart(3)}`);
}
const home = rows[0];
console.log(`home page: ${kb(home.total)} KB in all (target <= 20 KB), ${kb(home.wasm)} KB of it WebAssembly (target 0)`);
await browser.close();
