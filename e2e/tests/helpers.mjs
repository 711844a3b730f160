import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/e2e';
mkdirSync(SHOTS, { recursive: true });

export async function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...args],
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A valid resident ID number (GB 11643-1999 check digit) from 17 digits. */
export function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export function uniqueMobile() {
  return '137' + String(Date.now() % 1e8).padStart(8, '0');
}

/**
 * Types `text` into `selector` the way a person does, until `shown` (a selector) contains `expected`: the Wasm may
 * still be hydrating the island when typing starts, so the first tries can go unseen. Returns what `shown` says.
 */
export async function typeUntil(page, selector, text, shown, expected) {
  const input = page.locator(selector);
  for (let attempt = 0; attempt < 20; attempt++) {
    await input.fill('');
    await input.pressSequentially(text, { delay: 5 });
    if ((await page.textContent(shown)).includes(expected)) break;
    await page.waitForTimeout(250);
  }
  return page.textContent(shown);
}
