// Times the fee quote and the risk estimate per call inside Chromium's WebAssembly (the code the filing pages
// run), against a running portal: node scripts/bench_wasm.mjs http://127.0.0.1:PORT
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
// The registration page has islands, so it loads the WebAssembly (the home page loads none).
await page.goto(base + '/register');
await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));
await page.waitForTimeout(500);
const result = await page.evaluate(async () => {
  const m = await import('/pkg/portal.js');
  const time = (f, n) => { f(Math.max(1, n / 10)); const t = performance.now(); f(n); return ((performance.now() - t) * 1000) / n; };
  return { fee: time(m.bench_fee_quote, 100000), risk: time(m.bench_risk_estimate, 20000) };
});
console.log(`fee quote                    ${result.fee.toFixed(2).padStart(10)} µs per call (Chromium WebAssembly)`);
console.log(`risk estimate                ${result.risk.toFixed(2).padStart(10)} µs per call (Chromium WebAssembly)`);
await browser.close();
