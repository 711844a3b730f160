// The payment notice (交费通知书), with JavaScript on and off, on a 360 px phone: a filing of the demo citizen is
// registered by the clerk of 吉0202 (through the API, the wizard has its own tests); the filer opens the notice
// from the filing's page and finds the amount with its articles, the deadline, the court's account, the payment
// reference and the QR code of the online address; printed, only the notice remains; the print button exists only
// with JavaScript. The public look-up shows the fee and its deadline.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function login(page, name) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', 'demo-pass-2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${BASE}/me`);
}

/** A JSON call with this site's Origin (the API refuses state changes from elsewhere), as the logged-in page. */
async function api(page, method, path, data) {
  const res = await page.request.fetch(`${BASE}${path}`, { method, data, headers: { Origin: BASE } });
  const body = await res.json();
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** A loan claim of 50,000 yuan by the demo citizen at 昌邑 (吉0202): 1,050 yuan within seven days. */
const loanClaim = () => ({
  cause: 'private_loan',
  parties: [
    { role: 'plaintiff', kind: 'natural', name: '张三', id_number: '220202199001011234', mobile: '13900000001',
      address: '吉林市昌邑区解放北路1号', address_confirmed: true },
    { role: 'defendant', kind: 'natural', name: '李四', id_number: residentId('22020219850505003'),
      address: '吉林市昌邑区通江路8号', address_confirmed: true },
  ],
  claims: [{ text: '判令被告偿还借款本金', amount: '50,000' }],
  facts: '2024年3月被告向原告借款5万元，约定半年内归还，至今未还。',
  known_on: '2025-06-01',
  evidence: [{ name: '借条', original: true }],
  court_code: '吉0202',
  competent_court_code: '吉0202',
});

/** The page fits a 360 px screen (no sideways scrolling). */
async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what}: ${page.url()} is ${width}px wide`);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';
  test(`the payment notice tells how much, by when, where and under which reference (${mode})`, async () => {
    const viewport = { width: 360, height: 740 };
    const filerContext = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport });
    const page = await filerContext.newPage();
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
    await login(page, '13900000001');
    const created = await api(page, 'POST', '/api/v1/filings', loanClaim());
    const id = created.id;
    const submitted = await api(page, 'POST', `/api/v1/filings/${id}/submit`, {});
    const receipt = submitted.filing.receipt_no;
    const code = submitted.query_code;

    const clerkContext = await browser.newContext({ locale: 'zh-CN' });
    const clerk = await clerkContext.newPage();
    await login(clerk, 'clerk.changyi');
    const registered = await api(clerk, 'POST', `/api/v1/filings/${id}/review`, { action: 'register' });
    const due = registered.payment_due;
    assert.match(due, /^\d{4}-\d{2}-\d{2}$/);

    // From the filing's page to the notice.
    await page.goto(`${BASE}/filings/${id}`);
    await page.getByRole('link', { name: '交费通知书（可打印）' }).click();
    await page.waitForURL(`${BASE}/filings/${id}/payment-notice`);
    assert.equal((await page.textContent('h1')).trim(), '交费通知书');
    assert.match(await page.textContent('.fee-due'), /1,050\.00/);
    assert.match(await page.textContent('.notice-lines'), /第十三条第（一）项/);
    assert.equal((await page.textContent('.payment-due')).trim(), due);
    assert.match(await page.textContent('main'), /按撤诉处理（《诉讼费用交纳办法》第二十二条）/);
    assert.match(await page.textContent('.account'), /吉林市昌邑区人民法院/);
    const reference = (await page.textContent('.payment-reference')).trim();
    assert.match(reference, /^220202 [0-9A-Z]+ [0-9A-Z]$/);
    const qr = page.getByRole('img', { name: /在线交费地址的二维码/ });
    assert.equal(await qr.count(), 1, 'the QR code is named for those who cannot see it');
    assert.equal(await page.locator('.qr-code svg path').count(), 1);
    const url = (await page.textContent('.payment-url')).trim();
    assert.equal(url, `https://pay.example/court?ref=${reference.replaceAll(' ', '')}`);
    assert.equal(await page.getByRole('link', { name: '申请缓交、减交或免交' }).getAttribute('href'), `/filings/${id}#relief`);

    // Printing: the hint always; the button only where a script can print.
    assert.equal(await page.locator('.print-actions .hint').isVisible(), true);
    const button = page.getByRole('button', { name: '打印' });
    if (javaScriptEnabled) {
      await button.waitFor();
      await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
      await button.click();
      assert.equal(await page.evaluate(() => window.printed), 1, 'the button prints');
    } else {
      assert.equal(await button.count(), 0, 'no button that would do nothing');
    }
    await fits(page, 'notice');
    await shot(page, `payment-notice-${mode}`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.print-actions']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('.qr-code svg').isVisible(), true, 'the QR code is printed');
    await shot(page, `payment-notice-print-${mode}`);
    await page.emulateMedia({ media: 'screen' });

    // The public look-up: the fee and the deadline.
    const visitor = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport });
    const look = await visitor.newPage();
    await look.goto(`${BASE}/track`);
    await look.fill('#f-receipt', receipt);
    await look.fill('#f-code', code);
    await look.getByRole('button', { name: '查询' }).click();
    await look.locator('.track-fee').waitFor();
    const fee = await look.textContent('.track-fee');
    assert.ok(fee.includes('待交费') && fee.includes('1,050.00') && fee.includes(due), fee);
    await fits(look, 'track');

    // Someone else's notice is not found.
    const stranger = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' });
    const other = await stranger.newPage();
    await login(other, '13900000003');
    const res = await other.goto(`${BASE}/filings/${id}/payment-notice`);
    assert.equal(res.status(), 404);
    assert.equal(await other.locator('.payment-reference').count(), 0);

    assert.deepEqual(failed, [], 'no request of the filer failed');
    await Promise.all([filerContext, clerkContext, visitor, stranger].map((c) => c.close()));
  });
}
