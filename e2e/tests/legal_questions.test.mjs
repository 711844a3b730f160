// Legal questions as a new visitor meets them, with JavaScript on and off, on a 360 px phone: from the home page
// they ask in their own words (with JavaScript, questions are suggested while they type), find the answer with
// the words that matched marked, read the article of the law it rests on quoted in full, walk the labour pathway
// one question a page (the browser's Back button goes back one question), see the channel recommended, the last
// day of the one-year arbitration limit counted from their own date and what each channel costs, and go on into
// the mediation booking with the dispute already chosen.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const QUESTION = '老板拖欠工资三个月怎么办';
const ENTRY = '/questions/labour-unpaid-wages';
const DAY = 86400e3;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The day the person left work: about two months before today in Beijing, moved further back until its first
 * anniversary is a Monday–Friday outside the seasons of China's public holidays (New Year, Spring Festival,
 * Qingming, Labour Day, Dragon Boat, Mid-Autumn and National Day), so the limit's last day does not depend on
 * the holiday calendar loaded and the test gives the same answer on any day of the year.
 */
function leftWorkOn() {
  const today = Date.parse(isoDay(Date.now() + 8 * 3600e3));
  const holidaySeason = (md) => md >= 1229 || md <= 104 || (md >= 120 && md <= 229) || (md >= 402 && md <= 407)
    || (md >= 428 && md <= 506) || (md >= 528 && md <= 625) || (md >= 908 && md <= 1008);
  for (let back = 60; back < 200; back++) {
    const d = new Date(today - back * DAY);
    const a = new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));
    const md = (a.getUTCMonth() + 1) * 100 + a.getUTCDate();
    if (a.getUTCDate() === d.getUTCDate() && a.getUTCDay() >= 1 && a.getUTCDay() <= 5 && !holidaySeason(md)) {
      return { date: isoDay(d.getTime()), anniversary: isoDay(a.getTime()) };
    }
  }
  throw new Error('no suitable day found');
}

async function fits(page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${name}: ${page.url()} is ${width}px wide`);
  await shot(page, name);
}

/** With JavaScript: types until the suggestions list offers `href` (the island may still be hydrating). */
async function typeUntilSuggested(page, text, href) {
  const input = page.locator('#kb-q');
  const link = page.locator(`#kb-suggest li a[href="${href}"]`);
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill('');
    await input.pressSequentially(text, { delay: 5 });
    // Suggestions are asked for 250 ms after the last key; this waits for them rather than sleeping.
    if (await link.first().waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false)) return true;
  }
  return false;
}

const answersIn = (url) => url.searchParams.getAll('a');

/** Submits one pathway question and waits for the page with `answered` answers in its address. */
async function next(page, answered) {
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/pathways/labour' && answersIn(url).length === answered);
}

/** The page asks question `n`, and no answer was refused. */
async function asks(page, n) {
  assert.match(await page.textContent('.pathway-step'), new RegExp(`第 ${n} 个问题`), page.url());
  assert.equal(await page.locator('#pw-error').count(), 0, `question ${n - 1}'s answer was refused`);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'js' : 'nojs';

  test(`a labour question from the home page to a mediation booking (${mode})`, async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();

      // The home page's legal-question service.
      await page.goto(`${BASE}/`);
      await fits(page, `kb-${mode}-home`);
      const service = page.getByRole('link', { name: '法律咨询', exact: true }).and(page.locator('a[href="/questions"]'));
      if (await service.count()) await service.first().click();
      else await page.goto(`${BASE}/questions`);
      await page.waitForURL(`${BASE}/questions`);
      assert.equal((await page.textContent('h1')).trim(), '法律问答');
      await fits(page, `kb-${mode}-questions`);

      // The question in their own words.
      if (javaScriptEnabled) {
        assert.ok(await typeUntilSuggested(page, QUESTION, ENTRY), 'the suggestions offer the unpaid-wages answer');
        await fits(page, `kb-${mode}-suggest`);
        await page.locator('#kb-q').press('Enter');
      } else {
        await page.fill('#kb-q', QUESTION);
        await page.getByRole('button', { name: '搜索', exact: true }).click();
      }
      await page.waitForURL((url) => url.pathname === '/questions' && url.searchParams.get('q') === QUESTION);

      // The answer comes first, with the words that matched marked.
      const first = page.locator('.kb-hit').first();
      assert.equal(await first.locator('.kb-hit-title').getAttribute('href'), ENTRY);
      assert.ok(await first.locator('.kb-snippet mark').count() > 0, 'the matched words are marked');
      await fits(page, `kb-${mode}-results`);
      await first.locator('.kb-hit-title').click();
      await page.waitForURL(`${BASE}${ENTRY}`);

      // The article the answer rests on, quoted in full under the law's full name.
      const article = page.locator('blockquote.kb-article')
        .filter({ hasText: '中华人民共和国劳动争议调解仲裁法' })
        .filter({ has: page.locator('.kb-article-name', { hasText: '第二十七条' }) });
      assert.equal(await article.count(), 1);
      assert.match(await article.locator('.kb-article-name').textContent(), /《中华人民共和国劳动争议调解仲裁法》\s*第二十七条/);
      assert.match(await article.textContent(), /劳动争议申请仲裁的时效期间为一年/);
      await fits(page, `kb-${mode}-entry`);

      // The labour pathway, one question a page.
      await page.locator('a.button[href^="/pathways/labour"]').click();
      await page.waitForURL((url) => url.pathname === '/pathways/labour' && answersIn(url).length === 0);
      await asks(page, 1);
      await fits(page, `kb-${mode}-pathway-1`);
      const choose = (text) => page.locator('.pathway-choices .radio').filter({ hasText: text }).locator('input[type="radio"]');
      assert.equal(await choose('拖欠工资').count(), 1);
      await choose('拖欠工资').check();
      await next(page, 1);

      await asks(page, 2);
      await fits(page, `kb-${mode}-pathway-2`);
      assert.equal(await choose('离职').count(), 1);
      await choose('离职').check();
      await next(page, 2);

      await asks(page, 3);
      assert.equal(await page.getAttribute('#pw-input', 'type'), 'date');
      const left = leftWorkOn();
      await page.fill('#pw-input', left.date);
      await fits(page, `kb-${mode}-pathway-3`);
      await next(page, 3);

      await asks(page, 4);
      await page.fill('#pw-input', '15000');
      await fits(page, `kb-${mode}-pathway-4`);
      await next(page, 4);

      // The outcome: labour arbitration (after free mediation), its one-year limit from the day they left, costs.
      await page.locator('.pathway-outcome').waitFor();
      assert.match(await page.textContent('.pathway-channel'), /劳动仲裁/);
      const limit = page.locator('.pathway-limits li').filter({ hasText: '劳动仲裁时效' });
      assert.equal(await limit.count(), 1);
      const lastDay = await limit.locator('time').getAttribute('datetime');
      assert.match(lastDay, /^\d{4}-\d{2}-\d{2}$/);
      // One year on; a rest day would move it to the next working day (at most 3 days for a weekend).
      const moved = (Date.parse(lastDay) - Date.parse(left.anniversary)) / DAY;
      assert.ok(moved >= 0 && moved <= 3, `left on ${left.date}: last day ${lastDay}, expected ${left.anniversary}`);
      assert.equal(await limit.evaluate((li) => li.classList.contains('expired')), false);
      const costs = page.locator('.pathway-costs');
      assert.equal(await costs.locator('tr[data-channel="labourarbitration"]').count(), 1);
      assert.match(await costs.locator('tr[data-channel="court"]').textContent(), /10\.00/);
      await fits(page, `kb-${mode}-outcome`);

      // Back goes back one question (the amount), forward returns to the outcome.
      await page.goBack();
      await page.locator('#pw-input').waitFor();
      assert.equal(answersIn(new URL(page.url())).length, 3);
      await asks(page, 4);
      await fits(page, `kb-${mode}-back`);
      await page.goForward();
      await page.locator('.pathway-outcome').waitFor();
      assert.equal(answersIn(new URL(page.url())).length, 4);

      // Into the mediation booking with the dispute already chosen.
      await page.locator('a[href^="/mediation?cause=labour_pay"]').click();
      await page.waitForURL((url) => url.pathname === '/mediation' && url.searchParams.get('cause') === 'labour_pay');
      assert.equal(await page.inputValue('#f-cause'), 'labour_pay');
      await fits(page, `kb-${mode}-mediation`);
    } finally {
      await context.close();
    }
  });
}
