// Codes a person is given, and the password they forgot — with JavaScript on and off, on a 360 px phone.
//
// 忘记密码: from the login page a new user asks for a code for their mobile number; the code goes through the
// notification channel (the outbox the SMS gateway reads — read here the way the gateway does, with
// `server outbox --peek`); a wrong code is refused next to its field; the right one with a new password ends in a
// page that says so, and the new password logs in.
//
// The query code: a filer who lost it issues a new one from the filing's page; it is shown once, with a text file
// to keep and (with JavaScript) a print button, printed the receipt alone; it also goes to the filer's own mobile;
// the old one finds nothing; the public look-up posts its form, takes the receipt number in small letters, and
// leaves no code in the address.
//
// Reading the outbox needs the running server's database and key: DATABASE_URL and PORTAL_SECRET_FILE (or
// PORTAL_SECRET), and the server binary (SERVER_BIN, default target/release/server).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BASE, launch, shot, residentId, uniqueMobile } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SERVER_BIN = process.env.SERVER_BIN ?? 'target/release/server';

/** What waits in the outbox, as the SMS gateway reads it (nothing is marked delivered: --peek). */
function outbox() {
  assert.ok(process.env.DATABASE_URL && (process.env.PORTAL_SECRET_FILE || process.env.PORTAL_SECRET),
    'set DATABASE_URL and PORTAL_SECRET_FILE (or PORTAL_SECRET) to the running server\'s: this test reads the '
    + 'outbox as the SMS gateway does');
  const out = execFileSync(SERVER_BIN, ['outbox', '--peek', '--limit', '10000'],
    { env: { ...process.env, RUST_LOG: 'error' }, encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The code of the newest message of `purpose` to `to`: the token of `len` symbols from the codes' alphabet. */
function codeSentTo(to, purpose, len) {
  const message = outbox().filter((m) => m.to === to && m.purpose === purpose).pop();
  assert.ok(message, `a ${purpose} message to ${to} in the outbox`);
  assert.equal(message.channel, 'sms');
  const code = message.body.split(/[^0-9A-Za-z]/).find((t) => t.length === len && /^[2-9A-HJKMNP-Z]+$/.test(t));
  assert.ok(code, message.body);
  return { code, body: message.body };
}

/** The page fits a 360 px screen (no sideways scrolling). */
async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what}: ${page.url()} is ${width}px wide`);
}

/** A JSON call with this site's Origin, as the page's browser (its cookies). */
async function api(page, method, path, data) {
  const res = await page.request.fetch(`${BASE}${path}`, { method, data, headers: { Origin: BASE } });
  const body = await res.json();
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

async function login(page, name, password) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
}

/** The error shown next to a field. */
const fieldError = (page, name) => page.textContent(`#f-${name}-error`);

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';
  const viewport = { width: 360, height: 740 };

  test(`a forgotten password is reset with a code sent to the account's own mobile (${mode})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport });
    const page = await context.newPage();
    // A new user: registered, then logged out (through the API, the registration form has its own tests).
    const mobile = uniqueMobile();
    const id = residentId(`2202021990${mode === 'js' ? '0202' : '0303'}${mobile.slice(-3)}`);
    await api(page, 'POST', '/api/v1/accounts', {
      kind: 'citizen', name: '孙八', id_number: id, mobile,
      password: 'first-pass-2026', password_confirm: 'first-pass-2026',
    });
    await page.request.fetch(`${BASE}/api/v1/session`, { method: 'DELETE', headers: { Origin: BASE } });

    await page.goto(`${BASE}/login`);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.waitForURL(`${BASE}/password-reset`);
    await fits(page, 'reset request');
    // Nothing typed: the error is next to the field.
    await page.getByRole('button', { name: '发送验证码' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await fieldError(page, 'login_name'), /此项必填/);
    await page.fill('#f-login_name', mobile);
    await page.getByRole('button', { name: '发送验证码' }).click();
    await page.waitForURL(`${BASE}/password-reset/confirm?sent=1`);
    assert.match(await page.textContent('#reset-sent'), /验证码已发送/);
    assert.equal(await page.inputValue('#f-login_name'), mobile, 'the login name is filled in');
    await fits(page, 'reset confirm');
    await shot(page, `password-reset-sent-${mode}`);
    const { code, body } = codeSentTo(mobile, 'password_reset', 8);
    assert.match(body, /15分钟/);

    // A wrong code: refused next to the code field; nothing typed in the password fields comes back.
    await page.fill('#f-code', 'WXYZ2345');
    await page.fill('#f-password', 'second-pass-2027');
    await page.fill('#f-password_confirm', 'second-pass-2027');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await fieldError(page, 'code'), /验证码不正确或已失效/);
    assert.equal(await page.inputValue('#f-password'), '');
    await shot(page, `password-reset-wrong-code-${mode}`);
    // The right code, typed in small letters, and a new password.
    await page.fill('#f-code', code.toLowerCase());
    await page.fill('#f-password', 'second-pass-2027');
    await page.fill('#f-password_confirm', 'second-pass-2027');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.waitForURL(`${BASE}/password-reset/done`);
    assert.match(await page.textContent('main'), /密码已重置/);
    await fits(page, 'reset done');
    await shot(page, `password-reset-done-${mode}`);
    await page.locator('main a[href="/login"]').click();
    await page.waitForURL(`${BASE}/login`);
    await login(page, mobile, 'second-pass-2027');
    await context.close();
  });

  test(`a lost query code is re-issued to the filer alone and stays out of addresses (${mode})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport });
    const page = await context.newPage();
    await login(page, '13900000001', 'demo-pass-2026');
    // A submitted filing (through the API, the wizard has its own tests): its first code, shown once, is lost.
    const created = await api(page, 'POST', '/api/v1/filings', {
      cause: 'private_loan',
      parties: [
        { role: 'plaintiff', kind: 'natural', name: '张三', id_number: '220202199001011234', mobile: '13900000001',
          address: '吉林市昌邑区解放北路1号', address_confirmed: true },
        { role: 'defendant', kind: 'natural', name: '李四', id_number: residentId(`22020219850606${mode === 'js' ? '601' : '611'}`),
          address: '吉林市昌邑区通江路8号', address_confirmed: true },
      ],
      claims: [{ text: '判令被告偿还借款本金', amount: '30,000' }],
      facts: '2024年3月被告向原告借款3万元，约定半年内归还，至今未还。',
      known_on: '2025-06-01',
      evidence: [{ name: '借条', original: true }],
      court_code: '吉0202',
      competent_court_code: '吉0202',
    });
    const receipt = await api(page, 'POST', `/api/v1/filings/${created.id}/submit`, {});
    const receiptNo = receipt.filing.receipt_no;
    const lost = receipt.query_code;

    await page.goto(`${BASE}/filings/${created.id}`);
    assert.equal(await page.locator('.query-code').count(), 0, 'the first code is not shown again');
    assert.match(await page.textContent('.query-code-lost'), /139\*\*\*\*0001/);
    await page.getByRole('button', { name: '重新生成查询码' }).click();
    await page.locator('.query-code').waitFor();
    await page.waitForLoadState('load');
    const code = (await page.textContent('.query-code')).trim();
    assert.notEqual(code, lost);
    assert.match(await page.textContent('#query-code-reissued'), /原查询码已失效[\s\S]*139\*\*\*\*0001/);
    assert.match(await page.textContent('.query-code-actions'), /Ctrl\+P/);
    // The print button exists only where it works; the text file and the browser's own Print work everywhere.
    assert.equal(await page.locator('.query-code-actions button[data-print]').isVisible(), javaScriptEnabled);
    await fits(page, 'reissued');
    await shot(page, `query-code-reissued-${mode}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-query-code')]);
    assert.equal(download.suggestedFilename(), `${receiptNo}.txt`);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.includes(receiptNo) && text.includes(code) && text.includes('/track'), text);
    // Printed, the receipt with its code remains, nothing else of the page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.query-code').isVisible(), true);
    for (const hidden of ['.site-header', '.query-code-actions', '.timeline']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    await shot(page, `query-code-print-${mode}`);
    await page.emulateMedia({ media: 'screen' });
    // The same code went to the filer's own mobile.
    const sent = codeSentTo('13900000001', 'query_code', 10);
    assert.equal(sent.code, code);
    assert.ok(sent.body.includes(receiptNo), sent.body);

    // Anyone with the receipt and the new code follows it, logged out; the old code finds nothing.
    const visitor = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport });
    const look = await visitor.newPage();
    await look.goto(`${BASE}/track`);
    await look.fill('#f-receipt', receiptNo);
    await look.fill('#f-code', lost);
    await look.getByRole('button', { name: '查询' }).click();
    await look.locator('main .error-message').waitFor();
    assert.match(await look.textContent('main .error-message'), /没有找到/);
    assert.equal(await look.inputValue('#f-receipt'), receiptNo, 'the receipt number is kept');
    assert.equal(look.url(), `${BASE}/track`);
    // The receipt number in small letters, the code as printed.
    await look.fill('#f-receipt', receiptNo.toLowerCase());
    await look.fill('#f-code', code);
    await look.getByRole('button', { name: '查询' }).click();
    await look.locator('.track-result').waitFor();
    assert.equal(look.url(), `${BASE}/track`, 'no code in the address');
    assert.equal((await look.textContent('.track-result .receipt-no')).trim(), receiptNo);
    assert.equal((await look.textContent('main .status')).trim(), '待审查');
    assert.ok(!(await look.content()).includes(code), 'the result page does not repeat the code');
    await fits(look, 'tracked');
    await shot(look, `track-posted-${mode}`);
    // Reloading shows the same result without asking again for the code.
    await look.reload();
    assert.equal((await look.textContent('.track-result .receipt-no')).trim(), receiptNo);
    await visitor.close();
    await context.close();
  });
}
