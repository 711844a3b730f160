// A citizen files a loan claim start to finish with the WebAssembly running: a field error appears while typing,
// the fee follows the amount as it is typed, fee and risk are shown before submitting; a clerk registers the
// filing and the case number appears on the filer's page and on the public tracking page.
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
  await page.waitForURL(`${BASE}/me`);
}

async function logout(page) {
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(`${BASE}/`);
}

const wasmLoaded = (page) => page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')));

test('file a case, see fee and risk, clerk registers, number appears', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, '13900000001');

  await page.goto(`${BASE}/filings`);
  await page.getByRole('button', { name: '开始网上立案' }).click();
  await page.waitForURL(/\/filings\/[0-9a-f]+\/cause$/);
  const id = page.url().split('/').at(-2);
  await page.check('#cause-private_loan');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/parties`);

  // Parties: the ID-number error appears as it is typed (WebAssembly), before anything is sent.
  await wasmLoaded(page);
  assert.match(await typeUntil(page, '#f-parties-0-id_number', '220202199001011235', '#f-parties-0-id_number-error', '校验码'), /校验码不正确/);
  await page.fill('#f-parties-0-id_number', '220202199001011234');
  await page.fill('#f-parties-0-name', '张三');
  await page.fill('#f-parties-0-mobile', '13900000001');
  await page.fill('#f-parties-0-address', '吉林市昌邑区解放北路1号');
  await page.check('#f-parties-0-address_confirmed');
  await page.fill('#f-parties-1-name', '李四');
  await page.fill('#f-parties-1-id_number', residentId('22020219850505003'));
  await page.fill('#f-parties-1-address', '吉林市昌邑区通江路8号');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/claims`);

  // Claims: the fee estimate follows the amount as it is typed (Art. 13: 50 + 40,000 × 2.5% = 1,050 yuan).
  await wasmLoaded(page);
  await page.fill('#f-claims-0-text', '判令被告偿还借款本金');
  assert.match(await typeUntil(page, '#f-claims-0-amount', '50000', '.fee-live', '1,050.00'), /1,050\.00/);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/facts`);
  await page.fill('#f-facts', '2024年3月被告向原告借款5万元，约定半年内归还，至今未还。');
  await wasmLoaded(page);
  // The limitation period's end follows the date as it is typed (Civil Code Art. 188: three years), in WebAssembly.
  assert.match(await typeUntil(page, '#f-known_on', '2025-06-01', '.limitation-live', '2028'), /诉讼时效预计届满日：2028-06-0\d（民法典第一百八十八条第一款）/);
  await page.fill('#f-place', '吉林市昌邑区');
  // Answers are saved as fields change, without pressing the button: a closed tab loses nothing.
  await page.press('#f-known_on', 'Tab');
  await page.waitForFunction(() => document.querySelector('.autosave')?.textContent.includes('已自动保存'));
  await page.goto(`${BASE}/filings/${id}/facts`);
  assert.equal(await page.inputValue('#f-known_on'), '2025-06-01');
  assert.match(await page.inputValue('#f-facts'), /借款5万元/);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/evidence`);
  // Uploads: a file that is not PDF/JPEG/PNG by its content is refused with the reason; the retry succeeds.
  await page.setInputFiles('#f-upload-file', { name: 'jietiao.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await page.waitForURL(`${BASE}/filings/${id}/evidence?upload_error=wrong_type`);
  assert.match(await page.textContent('#f-upload-file-error'), /PDF、JPEG或PNG/);
  await page.fill('#f-upload-label', '借条照片');
  await page.setInputFiles('#f-upload-file', { name: 'jietiao.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await page.waitForURL(`${BASE}/filings/${id}/evidence?uploaded=1`);
  assert.equal(await page.inputValue('#f-evidence-0-name'), '借条照片');
  assert.equal(await page.getByRole('link', { name: '查看已上传的文件' }).count(), 1);
  await page.fill('#f-evidence-1-name', '借条');
  await page.check('#f-evidence-1-original');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/court`);
  // The competent court is suggested from the place of performance and the defendant's domicile (Art. 24) and
  // preselected; the filer could still pick a nearer court to file at.
  assert.match(await page.textContent('#court-suggestions'), /吉林市昌邑区人民法院（吉0202）.*第二十四条/s);
  assert.equal(await page.inputValue('#f-competent_court_code'), '吉0202');
  assert.equal(await page.inputValue('#f-court_code'), '吉0202');
  // The preservation fee follows the amount as it is typed (Art. 14(2): 1,000 yuan → 30 yuan), in WebAssembly.
  await wasmLoaded(page);
  assert.match(await typeUntil(page, '#f-preservation_amount', '1000', '.preservation-live', '30.00'), /财产保全申请费 30\.00 元.*第十四条/);
  await page.fill('#f-preservation_amount', '');
  await shot(page, 'filing-court');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.waitForURL(`${BASE}/filings/${id}/check`);

  // Before submitting: the fee line by line with its article, the risk estimate and the mediation offer.
  assert.match(await page.textContent('.fee-total'), /1,050\.00/);
  assert.match(await page.textContent('.fee-table'), /第十三条/);
  assert.match(await page.textContent('main'), /风险等级/);
  // Assessed from this filing: the IOU uploaded, no transfer record or demand, no phone for 李四, his property
  // unknown — medium; each typical item of the cause checked against what was listed and uploaded.
  assert.match(await page.textContent('.risk-level'), /风险等级：中/);
  const evidenceCheck = await page.textContent('.evidence-check');
  assert.match(evidenceCheck, /借条或借款合同 — 已上传/);
  assert.match(evidenceCheck, /转账凭证或收条 — 未提供/);
  assert.match(await page.textContent('main'), /诉前调解/);
  await shot(page, 'filing-check');
  await page.getByRole('button', { name: '提交立案申请' }).click();
  await page.waitForURL(`${BASE}/filings/${id}`);
  const receipt = (await page.textContent('.receipt-no')).trim();
  const code = (await page.textContent('.query-code')).trim();
  assert.match(receipt, /^SL\d{8}[0-9A-F]{8}$/);
  assert.match(code, /^[2-9A-HJKMNP-Z]{10}$/);
  await shot(page, 'filing-receipt');
  await logout(page);

  // The clerk of 昌邑 registers it from the queue.
  await login(page, 'clerk.changyi');
  await page.goto(`${BASE}/staff/queue`);
  await page.getByRole('link', { name: receipt }).click();
  await page.waitForURL(`${BASE}/filings/${id}`);
  // The clerk's review shows the whole filing with full identities (the court's own case), and asks before
  // registering.
  const review = await page.textContent('.review');
  assert.ok(review.includes('张三') && review.includes('220202199001011234'), 'the full identity is shown to the court');
  assert.match(review, /借条照片/);
  assert.equal(await page.getByRole('link', { name: '返回审查队列' }).count(), 1);
  await page.check('#f-confirm-register');
  await page.getByRole('button', { name: '登记立案' }).click();
  await page.waitForURL(`${BASE}/filings/${id}`);
  const number = (await page.textContent('.case-number strong')).trim();
  assert.match(number, /^（\d{4}）吉0202民初\d+号$/);
  await logout(page);

  // The filer sees the number at once; anyone with the receipt and the code can follow it without logging in.
  await login(page, '13900000001');
  await page.goto(`${BASE}/filings/${id}`);
  assert.equal((await page.textContent('.case-number strong')).trim(), number);
  assert.match(await page.textContent('main'), /已立案/);
  // The payment notice follows registration: the fee and the seven-day deadline (Art. 22).
  assert.equal((await page.textContent('.payment-status')).trim(), '待交费');
  assert.match(await page.textContent('.payment-due'), /^\d{4}-\d{2}-\d{2}$/);
  await logout(page);
  // The look-up form posts: the code never goes into the address.
  await page.goto(`${BASE}/track`);
  await page.fill('#f-receipt', receipt);
  await page.fill('#f-code', code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.locator('.case-number strong').waitFor();
  assert.equal(page.url(), `${BASE}/track`);
  assert.equal((await page.textContent('.case-number strong')).trim(), number);
  await shot(page, 'filing-tracked');
  await context.close();
});
