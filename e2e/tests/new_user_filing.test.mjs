// What a new user tripped over in the filing wizard, each checked as they would notice it: a wrong ID number keeps
// them on the step with the problem named (JavaScript on and off); amounts written "5万" and dates written
// "2025年6月1日" count; what is typed is saved as it is typed and when the page is left with Back, and the status
// line says "not saved yet" until the server has it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId, typeUntil } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function login(page, name) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', 'demo-pass-2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const wasmLoaded = (page) => page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));

/** Starts a filing of a private loan and lands on the parties step; returns its id. */
async function startLoan(page) {
  await page.goto(`${BASE}/filings`);
  await page.getByRole('button', { name: '开始网上立案' }).click();
  await page.waitForURL(/\/filings\/[0-9a-f]+\/cause$/);
  const id = page.url().split('/').at(-2);
  await page.check('#cause-private_loan');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/parties`);
  return id;
}

async function wrongIdStaysOnTheStep(page, id, label) {
  await page.fill('#f-parties-0-name', '张三');
  await page.fill('#f-parties-0-id_number', '220202199001011235');
  await page.fill('#f-parties-0-address', '吉林市昌邑区解放北路1号');
  await page.fill('#f-parties-1-name', '李四');
  await page.fill('#f-parties-1-id_number', residentId('22020219850505003'));
  await page.fill('#f-parties-1-address', '吉林市昌邑区通江路8号');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/parties?check=1#error-summary`);
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /原告（申请人） 张三：公民身份号码（自然人）：.*校验码/, `${label}: the summary names whose field: ${summary}`);
  // Its link lands on the field, with the field's own message beside it.
  await page.locator('.error-summary a').first().click();
  assert.match(page.url(), /#f-parties-0-id_number$/);
  assert.match(await page.textContent('#f-parties-0-id_number-error'), /校验码/);
  await assert.doesNotReject(page.locator('#f-parties-0-id_number-error').isVisible());
  await shot(page, `new-user-wrong-id-${label}`);
  // Corrected, the step lets them on.
  await page.fill('#f-parties-0-id_number', '220202199001011234');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/claims`);
}

test('a wrong ID number keeps the filer on the step, its owner named (JavaScript off)', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await login(page, '13900000001');
  const id = await startLoan(page);
  await wrongIdStaysOnTheStep(page, id, 'nojs');
  // Without JavaScript too, "5万" is fifty thousand yuan on the check page's fee, not nothing.
  await page.fill('#f-claims-0-text', '判令被告偿还借款本金');
  await page.fill('#f-claims-0-amount', '5万');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/facts`);
  await page.goto(`${BASE}/filings/${id}/check`);
  assert.match(await page.textContent('.fee-total'), /1,050\.00/);
  await context.close();
});

test('amounts, dates and autosave as a new user meets them (JavaScript on)', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await login(page, '13900000001');
  const id = await startLoan(page);
  await wasmLoaded(page);
  await wrongIdStaysOnTheStep(page, id, 'js');

  // Every input is styled like the rest, including those without a type attribute (the claim rows).
  for (const sel of ['#f-claims-0-text', '#f-claims-0-amount']) {
    const border = await page.locator(sel).evaluate((e) => getComputedStyle(e).borderTopWidth);
    assert.equal(border, '2px', `${sel} is styled`);
  }
  // "5万" is fifty thousand yuan: the fee follows it (Art. 13: 50 + 40,000 × 2.5% = 1,050 yuan).
  await wasmLoaded(page);
  await page.fill('#f-claims-0-text', '判令被告偿还借款本金');
  assert.match(await typeUntil(page, '#f-claims-0-amount', '5万', '.fee-live', '1,050.00'), /1,050\.00/);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/facts`);

  // A date written the Chinese way counts.
  await wasmLoaded(page);
  assert.match(await typeUntil(page, '#f-known_on', '2025年6月1日', '.limitation-live', '2028'), /2028-06-0\d/);
  // Typing shows "not saved yet" at once, then "saved" once the server has it, without leaving the field.
  await page.locator('#f-facts').pressSequentially('借款5万元至今未还', { delay: 5 });
  assert.match(await page.textContent('.autosave'), /未保存/);
  await page.waitForFunction(() => document.querySelector('.autosave')?.textContent.includes('已自动保存'));
  // Typed and left at once with Back (no pause, no change event): the page's leaving sends it.
  await page.locator('#f-place').pressSequentially('吉林市昌邑区', { delay: 5 });
  // Leaving with input the server has not confirmed asks first; the person chooses to leave.
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.accept(); }));
  await page.goBack();
  assert.equal(await asked, 'beforeunload');
  await page.waitForURL(`${BASE}/filings/${id}/claims`);
  await page.goto(`${BASE}/filings/${id}/facts`);
  assert.equal(await page.inputValue('#f-place'), '吉林市昌邑区');
  assert.match(await page.inputValue('#f-facts'), /借款5万元至今未还/);
  assert.equal(await page.inputValue('#f-known_on'), '2025年6月1日');
  await shot(page, 'new-user-facts-saved');
  await context.close();
});
