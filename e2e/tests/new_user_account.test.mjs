// What a new user trips over, with JavaScript on and off, on a 360 px phone: after registering, a page that says
// what to do next (file, mediation coming, track); a new filing names the person as the plaintiff with their own
// details; starting again opens the untouched draft instead of another; my matters show the date, the other party,
// the case type and the state; a draft is deleted after a confirmation page, its evidence file with it, while a
// submitted filing offers no deletion; a page that needs a login brings the person back to it after logging in, and
// a `next` pointing at another site is ignored.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId } from './helpers.mjs';

// A complete, valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const digits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');

/** A person nobody registered yet: a valid ID number (born 1980–1999) and a mobile number, both random. */
function freshPerson(name) {
  const year = 1980 + Math.floor(Math.random() * 20);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return { name, idNumber: residentId(`220202${year}${month}${day}${digits(3)}`), mobile: `136${digits(8)}` };
}

/** Today in Beijing, as the pages show dates. */
const beijingToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

/** The page fits a 360 px screen, then a screenshot. */
async function fits(page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${name}: ${page.url()} is ${width}px wide`);
  await shot(page, name);
}

/** A JSON call with this site's Origin, as the logged-in page (the API refuses state changes from elsewhere). */
async function api(page, method, path, data) {
  const res = await page.request.fetch(`${BASE}${path}`, { method, data, headers: { Origin: BASE } });
  const body = await res.json();
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';

  test(`${mode}: register, next steps, a filing with oneself as plaintiff, resumed, listed, deleted after confirming`, async () => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const me = freshPerson(javaScriptEnabled ? '林小雨' : '周大山');

    // Registering lands on what to do next, not on the account's details.
    await page.goto(`${BASE}/register`);
    await page.fill('#f-name', me.name);
    await page.fill('#f-id_number', me.idNumber);
    await page.fill('#f-mobile', me.mobile);
    await page.fill('#f-password', 'new-user-pass-1');
    await page.fill('#f-password_confirm', 'new-user-pass-1');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.waitForURL(`${BASE}/welcome`);
    assert.equal((await page.textContent('h1')).trim(), '注册成功');
    assert.match(await page.textContent('#next-file'), /自动填为原告/);
    assert.match(await page.textContent('#next-mediation'), /预约调解.*司法确认/s);
    assert.equal(await page.locator('#next-track a[href="/filings"]').count(), 1);
    assert.equal(await page.locator('#next-track a[href="/track"]').count(), 1);
    await fits(page, `${mode}-welcome`);
    // Mediation is open: its link leads to the booking, which recommends mediators.
    await page.locator('#next-mediation a[href="/mediation"]').click();
    await page.waitForURL(`${BASE}/mediation`);
    assert.equal(await page.locator('.mediator-card').count() >= 40, true);
    await page.goBack();
    await page.waitForURL(`${BASE}/welcome`);

    // Filing from there: the wizard, with the person as the plaintiff and the defendant's row empty.
    await page.getByRole('button', { name: '开始网上立案' }).click();
    await page.waitForURL(/\/filings\/[0-9a-f]+\/cause$/);
    const id = page.url().split('/').at(-2);
    await page.goto(`${BASE}/filings/${id}/parties`);
    assert.equal(await page.inputValue('#f-parties-0-role'), 'plaintiff');
    assert.equal(await page.inputValue('#f-parties-0-name'), me.name);
    assert.equal(await page.inputValue('#f-parties-0-id_number'), me.idNumber, 'the full ID number, on the owner\'s own draft');
    assert.equal(await page.inputValue('#f-parties-0-mobile'), me.mobile);
    assert.equal(await page.inputValue('#f-parties-1-role'), 'defendant');
    assert.equal(await page.inputValue('#f-parties-1-name'), '');
    await fits(page, `${mode}-prefilled-parties`);

    // Starting again opens the same, untouched draft and says so.
    await page.goto(`${BASE}/filings`);
    await page.getByRole('button', { name: '开始网上立案' }).click();
    await page.waitForURL(`${BASE}/filings/${id}/cause?resumed=1`);
    assert.match(await page.textContent('main .notice'), /已为您继续打开/);

    // Something typed: the case type and the defendant. Then an evidence file.
    await page.check('#cause-private_loan');
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.waitForURL(`${BASE}/filings/${id}/parties`);
    await page.fill('#f-parties-0-address', '吉林市昌邑区解放北路1号');
    await page.fill('#f-parties-1-name', '李四');
    await page.fill('#f-parties-1-address', '吉林市昌邑区通江路8号');
    // Saved either way; a step with a problem left in it keeps the filer on it.
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.waitForURL(new RegExp(`/filings/${id}/(claims|parties\\?check=1)`));
    await page.goto(`${BASE}/filings/${id}/evidence`);
    await page.fill('#f-upload-label', '借条照片');
    await page.setInputFiles('#f-upload-file', { name: 'jietiao.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.waitForURL(`${BASE}/filings/${id}/evidence?uploaded=1`);
    const fileHref = await page.getByRole('link', { name: '查看已上传的文件' }).getAttribute('href');
    assert.equal((await page.request.get(new URL(fileHref, BASE).href)).status(), 200);

    // A second matter, submitted (through the API: the wizard has its own tests).
    const submitted = await api(page, 'POST', '/api/v1/filings', {
      cause: 'private_loan',
      parties: [
        { role: 'plaintiff', kind: 'natural', name: me.name, id_number: me.idNumber, mobile: me.mobile,
          address: '吉林市昌邑区解放北路1号', address_confirmed: true },
        { role: 'defendant', kind: 'natural', name: '王五', id_number: residentId('22020219850505003'),
          address: '吉林市昌邑区通江路8号', address_confirmed: true },
      ],
      claims: [{ text: '判令被告偿还借款本金', amount: '50,000' }],
      facts: '2024年3月被告向原告借款5万元，约定半年内归还，至今未还。',
      known_on: '2025-06-01',
      place: '吉林市昌邑区',
      evidence: [{ name: '借条', original: true }],
      court_code: '吉0202',
      competent_court_code: '吉0202',
    });
    await api(page, 'POST', `/api/v1/filings/${submitted.id}/submit`, {});

    // My matters: each line says against whom, where it stands, since when; only the draft can be deleted.
    await page.goto(`${BASE}/filings`);
    const row = (fid) => page.locator('li.matter', { has: page.locator(`h3 a[href="/filings/${fid}"]`) });
    const draftRow = await row(id).textContent();
    for (const part of ['民间借贷纠纷', '对方当事人', '李四', '草稿', `创建于${beijingToday()}`]) {
      assert.ok(draftRow.replace(/\s+/g, '').includes(part), `the draft's line shows ${part}: ${draftRow}`);
    }
    const submittedRow = await row(submitted.id).textContent();
    for (const part of ['民间借贷纠纷', '王五', '待审查', `提交于${beijingToday()}`, '收件号']) {
      assert.ok(submittedRow.replace(/\s+/g, '').includes(part), `the submitted line shows ${part}: ${submittedRow}`);
    }
    assert.equal(await row(submitted.id).getByRole('link', { name: '删除草稿' }).count(), 0, 'a submitted filing is not deletable');
    await fits(page, `${mode}-my-matters`);

    // Deleting asks first; "no" changes nothing; "yes" removes the draft and its file.
    await row(id).getByRole('link', { name: '删除草稿' }).click();
    await page.waitForURL(`${BASE}/filings/${id}/delete`);
    assert.equal((await page.textContent('h1')).trim(), '删除这份草稿？');
    assert.match(await page.textContent('main'), /已上传的证据文件都会被清除/);
    await fits(page, `${mode}-delete-confirm`);
    await page.getByRole('link', { name: '不删除，返回我的案件' }).click();
    await page.waitForURL(`${BASE}/filings`);
    assert.equal(await row(id).count(), 1, 'nothing deleted without the confirmation');
    await row(id).getByRole('link', { name: '删除草稿' }).click();
    await page.waitForURL(`${BASE}/filings/${id}/delete`);
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.waitForURL(`${BASE}/filings?deleted=1`);
    assert.match(await page.textContent('main .notice'), /草稿已删除/);
    assert.equal(await row(id).count(), 0, 'the draft is gone from the list');
    assert.equal(await row(submitted.id).count(), 1, 'the submitted filing stays');
    assert.equal((await page.request.get(new URL(fileHref, BASE).href)).status(), 404, 'its evidence file is gone');
    assert.equal((await page.goto(`${BASE}/filings/${id}`)).status(), 404);
    // The submitted filing's confirmation page refuses.
    const refused = await page.goto(`${BASE}/filings/${submitted.id}/delete`);
    assert.equal(refused.status(), 409);
    assert.match(await page.textContent('h1'), /已提交的立案申请不能删除/);
    await context.close();
  });

  test(`${mode}: a page that needs a login brings the person back to it; another site is never the way back`, async () => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto(`${BASE}/filings`);
    await page.waitForURL(`${BASE}/login?next=/filings`);
    assert.equal((await page.textContent('h1')).trim(), '登录');
    // A wrong password first: the page comes back with the message, still on its way back.
    await page.fill('#f-login_name', '13900000001');
    await page.fill('#f-password', 'not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${BASE}/login?next=/filings`);
    assert.match(await page.textContent('main'), /账号或密码不正确/);
    await page.fill('#f-password', 'demo-pass-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${BASE}/filings`);
    assert.equal((await page.textContent('h1')).trim(), '网上立案');
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${BASE}/`);

    // A deep page with its query comes back whole.
    await page.goto(`${BASE}/me?link=invalid`);
    await page.waitForURL(/\/login\?next=/);
    await page.fill('#f-login_name', '13900000001');
    await page.fill('#f-password', 'demo-pass-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${BASE}/me?link=invalid`);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${BASE}/`);

    // A `next` made up to lead elsewhere is ignored: the account page, on this site.
    for (const evil of ['//evil.example/', 'https://evil.example/', '/%5Cevil.example']) {
      await page.goto(`${BASE}/login?next=${evil}`);
      await page.fill('#f-login_name', '13900000001');
      await page.fill('#f-password', 'demo-pass-2026');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(`${BASE}/me`);
      await page.getByRole('button', { name: '退出' }).click();
      await page.waitForURL(`${BASE}/`);
    }
    await context.close();
  });
}
