// The same pages with JavaScript disabled: everything renders on the server and the forms still work.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId, uniqueMobile } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('pages render and forms work without JavaScript', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  for (const [path, heading] of [['/', '有纠纷，先调解'], ['/register', '注册账号'], ['/login', '登录'], ['/register?kind=enterprise', '注册账号']]) {
    const res = await page.goto(`${BASE}${path}`);
    assert.equal(res.status(), 200, path);
    assert.equal((await page.textContent('h1')).trim(), heading, path);
  }
  // The page fits a 360 px phone: nothing wider than the viewport.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await shot(page, 'nojs-enterprise-register');

  // A wrong ID number comes back from the server with the error next to the field and the answers kept.
  await page.goto(`${BASE}/register`);
  const first17 = '22020219750101003';
  const valid = residentId(first17);
  await page.fill('#f-name', '李雷');
  await page.fill('#f-id_number', first17 + (valid.endsWith('1') ? '2' : '1'));
  const mobile = uniqueMobile();
  await page.fill('#f-mobile', mobile);
  await page.fill('#f-password', 'nojs-secret-pass');
  await page.fill('#f-password_confirm', 'nojs-secret-pass');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  assert.match(await page.textContent('#f-id_number-error'), /校验码不正确/);
  assert.equal(await page.inputValue('#f-name'), '李雷');
  assert.equal(await page.inputValue('#f-password'), '');
  const summaryLink = page.locator('.error-summary a[href="#f-id_number"]');
  assert.equal(await summaryLink.count(), 1);
  await shot(page, 'nojs-register-error');

  await page.fill('#f-id_number', valid);
  await page.fill('#f-password', 'nojs-secret-pass');
  await page.fill('#f-password_confirm', 'nojs-secret-pass');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.waitForURL(`${BASE}/welcome`);
  await page.getByRole('link', { name: '我的账户', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
  assert.ok((await page.textContent('main')).includes(valid));

  // Log out and log in as the demo citizen; the header shows the account.
  await page.getByRole('button', { name: '退出' }).click();
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', '13900000001');
  await page.fill('#f-password', 'demo-pass-2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
  assert.ok((await page.textContent('header')).includes('张三'));
  // Switching to English works without JavaScript.
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok((await page.textContent('header')).includes('Log out'));
  await context.close();
});
