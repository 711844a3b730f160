// Mediation first, as people meet it, with JavaScript on and off, on a 360 px phone: a new citizen books mediation
// from the home page (the portal recommends mediators and says why; they pick one and one of the truly free
// times), the other party accepts from the link sent to their mobile without an account, then registers with that
// mobile; the mediator records the agreement with its amount in figures and capital letters; both sign; both apply
// for judicial confirmation; the judge confirms and the citizen sees the 民特 ruling number.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot, residentId } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const digits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');

function freshPerson(name) {
  const year = 1980 + Math.floor(Math.random() * 20);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return { name, idNumber: residentId(`220202${year}${month}${day}${digits(3)}`), mobile: `135${digits(8)}` };
}

/** A day some weeks ahead in Beijing, as a date input takes it. */
const beijingDay = (days) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

async function fits(page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${name}: ${page.url()} is ${width}px wide`);
  await shot(page, name);
}

async function register(page, who) {
  await page.goto(`${BASE}/register`);
  await page.fill('#f-name', who.name);
  await page.fill('#f-id_number', who.idNumber);
  await page.fill('#f-mobile', who.mobile);
  await page.fill('#f-password', 'mediation-pass-1');
  await page.fill('#f-password_confirm', 'mediation-pass-1');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.waitForURL(`${BASE}/welcome`);
}

async function login(page, name) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', 'demo-pass-2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';

  test(`mediation from the home page to a confirmed agreement (${mode})`, async () => {
    const viewport = { width: 360, height: 780 };
    // Each person on their own phone: their own client address (the test server trusts its loopback proxy), so the
    // per-client registration limit counts them apart, as it would in the field.
    let phone = 0;
    const net = 20 + Math.floor(Math.random() * 200);
    const newContext = () => browser.newContext({
      javaScriptEnabled, locale: 'zh-CN', viewport,
      extraHTTPHeaders: { 'X-Forwarded-For': `10.${net}.${javaScriptEnabled ? 1 : 2}.${++phone}` },
    });
    const citizenContext = await newContext();
    const citizen = await citizenContext.newPage();
    const me = freshPerson(javaScriptEnabled ? '高秀兰' : '韩立军');
    const them = freshPerson(javaScriptEnabled ? '孟庆山' : '吕春花');
    await register(citizen, me);

    // From the home page: mediation is open, and it comes first.
    await citizen.goto(`${BASE}/`);
    await citizen.locator('.services a[href="/mediation"]').click();
    await citizen.waitForURL(`${BASE}/mediation`);
    await citizen.selectOption('#f-cause', 'private_loan');
    await citizen.selectOption('#f-court', '吉0202');
    await citizen.getByRole('button', { name: '查找调解员' }).click();
    await citizen.waitForURL(/\/mediation\?.*cause=private_loan/);
    // Recommended for a loan dispute at 昌邑, with the reasons shown.
    const first = citizen.locator('.mediator-card').first();
    assert.match(await first.locator('.reasons').textContent(), /擅长此类纠纷/);
    assert.match(await first.locator('.reasons').textContent(), /服务所选法院/);
    await fits(citizen, `mediation-roster-${mode}`);
    // Anyone may be chosen: 陈调解, a court-invited mediator.
    await citizen.locator('.mediator-card h3 a', { hasText: '陈调解' }).click();
    await citizen.waitForURL(/\/mediation\/mediators\//);
    await fits(citizen, `mediation-mediator-${mode}`);

    // Step 1, a time: none chosen is an error next to the times.
    await citizen.getByRole('button', { name: '选择这个时间，下一步' }).click();
    await citizen.locator('#error-summary').waitFor();
    assert.match(await citizen.textContent('#error-summary'), /必填/);
    // One of the truly free times: it is held while the details are given.
    await citizen.locator('.slots input[type=radio]').first().check();
    const when = await citizen.locator('.slots input[type=radio]').first().getAttribute('value');
    assert.match(when, /\+08:00$/);
    await citizen.getByRole('button', { name: '选择这个时间，下一步' }).click();
    await citizen.waitForURL(/\/mediations\/[0-9a-f]+\/book$/);
    assert.match(await citizen.textContent('.held'), /已为您保留/);
    await fits(citizen, `mediation-held-${mode}`);
    // Step 2, the details: what is missing is said next to each field, nothing typed is lost.
    await citizen.fill('#f-summary', '去年借给对方3万元，约定半年归还，至今未还。');
    await citizen.getByRole('button', { name: '提交预约并邀请对方' }).click();
    await citizen.locator('#error-summary').waitFor();
    assert.match(await citizen.textContent('#error-summary'), /必填/);
    assert.equal(await citizen.inputValue('#f-summary'), '去年借给对方3万元，约定半年归还，至今未还。');
    // In person, at the room whose address is shown.
    assert.match(await citizen.textContent('label[for="mode-in_person"]'), /调解室/);
    await citizen.fill('#f-respondent-name', them.name);
    await citizen.fill('#f-respondent-mobile', them.mobile);
    await citizen.getByRole('button', { name: '提交预约并邀请对方' }).click();
    await citizen.waitForURL(/\/mediations\/[0-9a-f]+\?booked=1/);
    const mediationUrl = citizen.url().split('?')[0];
    assert.match(await citizen.textContent('.mediation-status'), /等待对方同意/);
    const link = await citizen.locator('.invite-link').getAttribute('href');
    assert.match(link, /\/invitation\?t=/);
    await fits(citizen, `mediation-booked-${mode}`);

    // The other party opens the link on their phone — no account needed to answer — and agrees.
    const otherContext = await newContext();
    const other = await otherContext.newPage();
    await other.goto(`${BASE}${link}`);
    assert.match(await other.textContent('main'), /申请与您调解/);
    assert.match(await other.textContent('main'), new RegExp(`${me.name[0]}\\*`), 'the requester is masked');
    await fits(other, `mediation-invitation-${mode}`);
    await other.getByRole('button', { name: '同意调解', exact: true }).click();
    await other.waitForURL(/\/invitation\?t=/);
    assert.match(await other.textContent('.mediation-status'), /已预约/);
    // They register with the invited mobile: the mediation is theirs to follow.
    await register(other, them);
    await other.goto(`${BASE}/mediations`);
    await other.locator('.matter a').first().click();
    await other.waitForURL(mediationUrl);
    assert.match(await other.textContent('.mediation-status'), /已预约/);

    // The mediator records the agreement from their workspace.
    const mediatorContext = await newContext();
    const mediator = await mediatorContext.newPage();
    await login(mediator, 'mediator.changyi');
    await mediator.goto(`${BASE}/mediator`);
    await mediator.locator(`a[href="${new URL(mediationUrl).pathname}"]`).first().click();
    await mediator.waitForURL(mediationUrl);
    await mediator.check('#result-success');
    await mediator.fill('#f-term-0-text', '被申请人向申请人偿还借款');
    await mediator.fill('#f-term-0-amount', '30000');
    await mediator.fill('#f-term-0-due', beijingDay(45));
    await mediator.fill('#f-term-1-text', '申请人放弃利息请求');
    await mediator.getByRole('button', { name: '记录调解结果' }).click();
    await mediator.waitForURL(mediationUrl);
    assert.match(await mediator.textContent('.mediation-status'), /调解成功/);
    assert.match(await mediator.textContent('.agreement'), /人民币叁万元整/);

    // Both sign: the agreement takes effect with the second signature.
    for (const [page, name] of [[citizen, 'citizen'], [other, 'other']]) {
      await page.goto(mediationUrl);
      assert.match(await page.textContent('.agreement'), /30,000\.00/);
      assert.match(await page.textContent('.agreement'), /人民币叁万元整/);
      await page.getByRole('button', { name: '确认并签署调解协议' }).click();
      await page.waitForURL(mediationUrl);
      if (name === 'citizen') await fits(page, `mediation-agreement-${mode}`);
    }
    assert.match(await other.textContent('.effective-on'), /\d{4}-\d{2}-\d{2}/);
    // Both apply for judicial confirmation (jointly).
    for (const page of [citizen, other]) {
      await page.goto(mediationUrl);
      await page.getByRole('button', { name: '申请司法确认' }).click();
      await page.waitForURL(mediationUrl);
    }
    assert.match(await other.textContent('.confirmation-status'), /法官审查中/);

    // The judge of 昌邑 confirms it.
    const judgeContext = await newContext();
    const judge = await judgeContext.newPage();
    await login(judge, 'judge.changyi');
    await judge.goto(`${BASE}/staff/mediations`);
    await judge.locator('.confirmations a', { hasText: '法官审查中' }).first().click();
    await judge.waitForURL(/\/confirmations\//);
    await judge.getByRole('button', { name: '裁定调解协议有效' }).click();
    await judge.waitForURL(/\/confirmations\/[0-9a-f]+$/);
    assert.match(await judge.textContent('.confirmation-number'), /吉0202民特\d+号/);

    // The citizen sees the ruling's number.
    await citizen.goto(mediationUrl);
    const number = (await citizen.textContent('.confirmation-number')).trim();
    assert.match(number, /^（\d{4}）吉0202民特\d+号$/);
    assert.match(await citizen.textContent('.timeline'), /裁定确认有效/);
    await fits(citizen, `mediation-confirmed-${mode}`);

    for (const c of [citizenContext, otherContext, mediatorContext, judgeContext]) await c.close();
  });
}
