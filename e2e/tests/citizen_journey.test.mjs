// A new visitor registers as a citizen with the WebAssembly running, then logs in, switches language and mode.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId, typeUntil, uniqueMobile } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('register with live validation, log in, Korean, elderly mode, log out', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  // The home page has no island: it fetches no WebAssembly and no glue code.
  const wasmOnHome = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\.wasm$|\/pkg\/portal\.js$/.test(r.name)).map((r) => r.name));
  assert.deepEqual(wasmOnHome, [], 'the home page loads no WebAssembly');
  // Nor does the login page: its fields have nothing to check as they are typed, so they are not islands.
  await page.goto(`${BASE}/login`, { waitUntil: 'networkidle' });
  const wasmOnLogin = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\.wasm$|\/pkg\/portal\.js$/.test(r.name)).map((r) => r.name));
  assert.deepEqual(wasmOnLogin, [], 'the login page loads no WebAssembly');
  await page.goto(`${BASE}/`);
  // Every service that works leads somewhere: tracking opens without logging in.
  assert.equal(await page.getAttribute('a[href="/track"]', 'href'), '/track');
  await page.getByRole('link', { name: '注册账号' }).click();
  await page.waitForURL(`${BASE}/register`);

  // Wait for the WebAssembly to hydrate the page: the form then validates as the person types.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));
  const idInput = page.locator('#f-id_number');
  const idError = page.locator('#f-id_number-error');
  const first17 = '22020219880808001';
  const valid = residentId(first17);
  const wrong = first17 + (valid.endsWith('1') ? '2' : '1');
  await page.fill('#f-name', '韩梅梅');
  // Typed character by character, without submitting: the error appears when the 18th character arrives.
  assert.match(await typeUntil(page, '#f-id_number', wrong, '#f-id_number-error', '校验码'), /校验码不正确/);
  assert.equal(await idInput.getAttribute('aria-invalid'), 'true');
  assert.equal(page.url(), `${BASE}/register`, 'nothing was submitted');
  await shot(page, 'register-live-error');

  await idInput.fill(valid);
  assert.equal((await idError.textContent()).trim(), '');
  const mobile = uniqueMobile();
  await page.fill('#f-mobile', mobile);
  await page.fill('#f-password', 'e2e-secret-pass');
  await page.fill('#f-password_confirm', 'e2e-secret-pass');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  // Registering lands on what to do next (new_user_account.test.mjs follows it); the account page is one link away.
  await page.waitForURL(`${BASE}/welcome`);
  await page.getByRole('link', { name: '我的账户', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
  await page.getByRole('heading', { name: '韩梅梅' }).waitFor();
  assert.ok((await page.textContent('main')).includes(valid), 'own page shows the full ID number');
  await shot(page, 'account-page');

  // Log out, then log in again with the mobile number.
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.getByRole('link', { name: '登录' }).first().click();
  await page.fill('#f-login_name', mobile);
  await page.fill('#f-password', 'e2e-secret-pass');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);

  // Korean, remembered across pages.
  await page.getByRole('button', { name: '한국어' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
  await page.goto(`${BASE}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.ok((await page.textContent('h1')).includes('조정'));

  // Elderly mode: larger type.
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.getByRole('button', { name: '어르신 모드' }).click();
  await page.waitForFunction(() => document.body.classList.contains('elderly'));
  const afterSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(afterSize > before, `font grows in elderly mode (${before} → ${afterSize})`);
  await shot(page, 'home-korean-elderly');

  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.getByRole('link', { name: '로그인' }).first().waitFor();
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), [], 'no script errors');
  await context.close();
});

test('keyboard: the skip link comes first and moves focus to the main content', async () => {
  const page = await browser.newPage();
  await page.goto(`${BASE}/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /#main$/);
  await page.close();
});
