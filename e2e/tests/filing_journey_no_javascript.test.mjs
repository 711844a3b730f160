// The whole online filing with JavaScript switched off, on a 360 px phone: a new citizen registers, writes every
// step of the wizard with plain HTML forms (rows added by a server round trip, a real file uploaded as multipart),
// submits and gets the receipt and query code; the clerk of 吉0202 registers it from the queue; the public tracking
// page then shows the case number. Every page fits 360 px, and the WebAssembly is never fetched.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, shot, residentId, uniqueMobile } from './helpers.mjs';

// A complete, valid 1×1 PNG (signature, IHDR, IDAT, IEND).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'nojs-filing-'));
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page fits a 360 px screen (no sideways scrolling), then a full-page screenshot. */
async function fits(page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.equal(typeof width, 'number', `${name}: the page could not be measured`);
  assert.ok(width <= 360, `${name}: ${page.url()} is ${width}px wide, wider than the 360px screen`);
  await shot(page, `nojs-${name}`);
}

async function login(page, name, password) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
}

async function logout(page) {
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(`${BASE}/`);
  assert.equal(await page.getByRole('button', { name: '退出' }).count(), 0, 'logged out');
}

test('the whole filing works without JavaScript at 360 px', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const wasm = [];
  const failed = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`); });

  // 1. A new citizen registers and is logged in. Birth date and sequence vary per run so the ID number is new.
  const seq = Date.now();
  const birth = `1988${String(Math.floor(seq / 1000) % 12 + 1).padStart(2, '0')}${String(Math.floor(seq / 12000) % 28 + 1).padStart(2, '0')}`;
  const idNumber = residentId(`220202${birth}${String(seq % 1000).padStart(3, '0')}`);
  const mobile = uniqueMobile();
  const name = '王晓明';
  await page.goto(`${BASE}/register`);
  assert.equal((await page.textContent('h1')).trim(), '注册账号');
  await page.fill('#f-name', name);
  await page.fill('#f-id_number', idNumber);
  await page.fill('#f-mobile', mobile);
  await page.fill('#f-password', 'nojs-filing-pass');
  await page.fill('#f-password_confirm', 'nojs-filing-pass');
  await fits(page, '01-register');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.waitForURL(`${BASE}/welcome`);
  await page.getByRole('link', { name: '我的账户', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
  assert.ok((await page.textContent('main')).includes(idNumber), 'the account page shows the new ID number');
  assert.ok((await page.textContent('header')).includes(name), 'the header shows the new account');
  await fits(page, '02-account');

  // 2. The wizard, one plain form per step.
  await page.goto(`${BASE}/filings`);
  assert.match(await page.textContent('main'), /还没有案件/);
  await fits(page, '03-filings');
  await page.getByRole('button', { name: '开始网上立案' }).click();
  await page.waitForURL(/\/filings\/[0-9a-f]+\/cause$/);
  const id = page.url().split('/').at(-2);
  const stepUrl = (step) => `${BASE}/filings/${id}/${step}`;
  assert.match(await page.textContent('.step-of'), /第 1 \/ 7/);
  await page.check('#cause-private_loan');
  await fits(page, '04-cause');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('parties'));

  // Parties: the two rows the server starts with, the filer as claimant.
  assert.equal(await page.inputValue('#f-parties-0-role'), 'plaintiff');
  assert.equal(await page.inputValue('#f-parties-1-role'), 'defendant');
  await page.fill('#f-parties-0-name', name);
  await page.fill('#f-parties-0-id_number', idNumber);
  await page.fill('#f-parties-0-mobile', mobile);
  await page.fill('#f-parties-0-address', '吉林市昌邑区解放北路1号');
  await page.check('#f-parties-0-address_confirmed');
  await page.fill('#f-parties-1-name', '李四');
  await page.fill('#f-parties-1-id_number', residentId('22020219850505003'));
  await page.fill('#f-parties-1-address', '吉林市昌邑区通江路8号');
  await fits(page, '05-parties');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('claims'));

  // Claims: a second row is added by a round trip to the server, which keeps what was typed in the first.
  await page.fill('#f-claims-0-text', '判令被告偿还借款本金');
  await page.fill('#f-claims-0-amount', '50000');
  assert.equal(await page.locator('#f-claims-1-text').count(), 0);
  await page.getByRole('button', { name: '添加诉讼请求' }).click();
  await page.locator('#f-claims-1-text').waitFor();
  assert.equal(page.url(), stepUrl('claims'));
  assert.equal(await page.inputValue('#f-claims-0-text'), '判令被告偿还借款本金');
  assert.equal(await page.inputValue('#f-claims-0-amount'), '50000');
  await page.fill('#f-claims-1-text', '判令被告承担本案诉讼费用');
  await fits(page, '06-claims');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('facts'));

  await page.fill('#f-facts', '2024年3月被告向原告借款5万元，约定半年内归还，至今未还。');
  await page.fill('#f-known_on', '2025-06-01');
  await page.fill('#f-place', '吉林市昌邑区');
  await fits(page, '07-facts');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('evidence'));

  // Evidence: a row typed first, then a real PNG through the upload button of the same form: the typed row is
  // saved with the file (nothing typed is lost), and the server serves the file back.
  await page.fill('#f-evidence-0-name', '手写的借条');
  const photo = join(dir, 'jietiao.png');
  writeFileSync(photo, PNG);
  await page.fill('#f-upload-label', '借条照片');
  await page.setInputFiles('#f-upload-file', photo);
  await fits(page, '08-evidence-upload');
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await page.waitForURL(`${stepUrl('evidence')}?uploaded=1`);
  assert.match(await page.textContent('.upload'), /文件已上传/);
  assert.equal(await page.inputValue('#f-evidence-0-name'), '手写的借条', 'the row typed before the upload was kept');
  assert.equal(await page.inputValue('#f-evidence-1-name'), '借条照片');
  assert.ok(await page.isChecked('#f-evidence-1-original'), 'the upload\'s "I have the original" was kept');
  const fileLink = page.getByRole('link', { name: '查看已上传的文件' });
  assert.equal(await fileLink.count(), 1);
  const download = await page.request.get(new URL(await fileLink.getAttribute('href'), BASE).href);
  assert.equal(download.status(), 200);
  assert.equal(download.headers()['content-type'], 'image/png');
  assert.deepEqual(await download.body(), PNG, 'the stored file is the one uploaded');
  await page.fill('#f-evidence-2-name', '银行转账记录');
  await page.check('#f-evidence-2-original');
  await fits(page, '09-evidence');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('court'));

  // Court: the competent court is suggested by the server; 吉0202 is chosen so its clerk gets the filing.
  assert.match(await page.textContent('#court-suggestions'), /吉林市昌邑区人民法院（吉0202）/);
  await page.selectOption('#f-competent_court_code', '吉0202');
  await page.selectOption('#f-court_code', '吉0202');
  await fits(page, '10-court');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(stepUrl('check'));

  // 3. Check and submit: everything saved shows, with the fee and the limitation worked out on the server.
  assert.equal(await page.locator('.error-summary').count(), 0, 'nothing left to correct');
  const summary = await page.textContent('.summary-list');
  for (const part of ['民间借贷纠纷', `${name}（原告）`, '李四（被告）', '判令被告偿还借款本金（50000元）', '判令被告承担本案诉讼费用',
    '借条照片', '银行转账记录', '吉林市昌邑区人民法院（吉0202）']) {
    assert.ok(summary.includes(part), `the summary shows ${part}: ${summary}`);
  }
  assert.match(await page.textContent('.fee-total'), /1,050\.00/);
  assert.match(await page.textContent('main'), /诉讼时效届满日：2028-06-0\d/);
  assert.equal(await page.isChecked('#f-mediation_consent'), false);
  await fits(page, '11-check');
  await page.getByRole('button', { name: '提交立案申请' }).click();
  await page.waitForURL(`${BASE}/filings/${id}`);
  await fits(page, '12-receipt');
  const receipt = (await page.textContent('.receipt-no')).trim();
  assert.match(receipt, /^SL\d{8}[0-9A-F]{8}$/);
  assert.equal((await page.textContent('main .status')).trim(), '待审查');
  assert.equal(await page.locator('.query-code').count(), 1, 'the one-time query code is shown with the receipt number');
  const code = (await page.textContent('.query-code')).trim();
  assert.match(code, /^[2-9A-HJKMNP-Z]{10}$/);
  await logout(page);

  // 4. The clerk of 吉0202 finds it in the queue and registers it.
  await login(page, 'clerk.changyi', 'demo-pass-2026');
  await page.goto(`${BASE}/staff/queue`);
  const row = page.locator('table.queue tr', { has: page.getByRole('link', { name: receipt, exact: true }) });
  assert.equal(await row.count(), 1, 'the filing is in the queue');
  assert.match(await row.textContent(), /民间借贷纠纷/);
  await fits(page, '13-queue');
  await row.getByRole('link', { name: receipt, exact: true }).click();
  await page.waitForURL(`${BASE}/filings/${id}`);
  const review = await page.textContent('.review');
  assert.ok(review.includes(name), 'the court reviews its own case with the full identity');
  assert.ok(!(await page.textContent('main')).includes('已收到您的立案申请'), 'the page speaks to the clerk, not the filer');
  assert.equal(await page.locator('.query-code').count(), 0, 'the filer\'s query code is not shown to the next person on this browser');
  await fits(page, '14-review');
  // 登记立案 asks first: without the tick the browser does not send it (HTML validation, no script needed).
  await page.getByRole('button', { name: '登记立案' }).click();
  assert.equal(await page.locator('.case-number').count(), 0);
  await page.check('#f-confirm-register');
  await page.getByRole('button', { name: '登记立案' }).click();
  await page.locator('.case-number strong').waitFor();
  assert.equal(page.url(), `${BASE}/filings/${id}`);
  const number = (await page.textContent('.case-number strong')).trim();
  assert.match(number, /^（\d{4}）吉0202民初\d+号$/);
  assert.equal((await page.textContent('main .status')).trim(), '已立案');
  assert.equal(await page.locator('.review').count(), 0, 'no review actions once registered');
  await fits(page, '15-registered');
  await logout(page);

  // 5. Anyone with the receipt number and the query code can follow it, logged out; a wrong code finds nothing.
  await page.goto(`${BASE}/track`);
  await page.fill('#f-receipt', receipt);
  await page.fill('#f-code', code.slice(0, 5) + ((Number(code[5]) + 1) % 10));
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('main .error-message').waitFor();
  assert.equal(page.url(), `${BASE}/track`, 'the form posts: nothing in the address');
  assert.match(await page.textContent('main .error-message'), /没有找到/);
  assert.equal(await page.locator('.case-number').count(), 0);
  await fits(page, '16-track-wrong-code');
  await page.fill('#f-receipt', receipt);
  await page.fill('#f-code', code);
  await fits(page, '17-track-form');
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('.case-number strong').waitFor();
  assert.equal(page.url(), `${BASE}/track`, 'the result page carries no code');
  assert.equal((await page.textContent('main .status')).trim(), '已立案');
  assert.equal((await page.textContent('.case-number strong')).trim(), number);
  assert.match(await page.textContent('.timeline'), /登记立案/);
  await fits(page, '18-tracked');

  assert.deepEqual(wasm, [], 'no WebAssembly is fetched with JavaScript off');
  assert.deepEqual(failed, [], 'no request failed');
  await context.close();
});
