// The video mediation room, on 360 px phones with fake cameras and microphones: the mediator (logged in) opens
// the room, the requester opens their personal join link without logging in and waits in the lobby, the mediator
// admits them, and sound and picture flow both ways (the bytes each side receives grow); a chat line from the
// requester reaches the mediator. Three ways the room is deployed:
//   1. one instance on SQLite (the test run's server);
//   2. two instances on one PostgreSQL database, the mediator on one and the requester on the other (the room's
//      messages cross instances through the database);
//   3. media forced through a TURN relay (coturn on 127.0.0.1, PORTAL_ICE_TRANSPORT_POLICY=relay), as behind a
//      strict firewall: both sides' selected ICE candidates are relayed.
//
// Needs BASE_URL and DATABASE_URL (the running server's), SERVER_BIN, PostgreSQL at TEST_POSTGRES_URL (a user that
// may create databases), /usr/bin/turnserver (Debian's coturn), sqlite3 and psql.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, shot } from './helpers.mjs';
import {
  startServer, startCoturn, freshPostgres, freshSqlite, newSecret, stopAll, tail, videoMediationNow, DEMO_PASSWORD,
} from './support/meeting_env.mjs';

let browser;
before(async () => {
  browser = await launch([
    // A fake camera (a moving test picture) and microphone (a beep), allowed without a prompt.
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    // Chromium leaves the loopback interface out of WebRTC; on a machine (or container) with no other network
    // it would find no path at all, not even to a TURN server on 127.0.0.1.
    '--allow-loopback-in-peer-connection',
  ]);
});
after(async () => {
  await browser?.close();
  await stopAll();
});

const viewport = { width: 360, height: 780 };
const MEDIA_MS = 45_000;

/** Waits until the room says `state`; on timeout, says what the room showed instead. */
async function roomState(page, state, who) {
  try {
    await page.waitForFunction((s) => window.portalMeeting?.state === s, state, { timeout: 30_000 });
  } catch {
    const seen = await page.evaluate(() => ({
      state: window.portalMeeting?.state, status: document.getElementById('meeting-status')?.textContent,
    })).catch((e) => String(e));
    assert.fail(`${who}: the room did not reach "${state}" at ${page.url()}: ${JSON.stringify(seen)}`);
  }
}

const inbound = (page) => page.evaluate(() => window.portalMeeting.inboundBytes());
const peerState = (page) => page.evaluate(() => Object.fromEntries(
  [...window.portalMeeting.peers].map(([pid, pc]) => [pid, `${pc.connectionState}/${pc.iceConnectionState}`])));

/** Media from `other` reaches `page`: two samples about 2 s apart, both above zero, the second larger. */
async function mediaFlows(page, other, who) {
  const deadline = Date.now() + MEDIA_MS;
  let first = 0;
  while (!(first > 0) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    first = (await inbound(page))[other] ?? 0;
  }
  assert.ok(first > 0, `${who}: nothing received from ${other} in ${MEDIA_MS / 1000} s; peers: `
    + `${JSON.stringify(await peerState(page))}, status: ${await page.textContent('#meeting-status')}`);
  await page.waitForTimeout(2000);
  const second = (await inbound(page))[other] ?? 0;
  assert.ok(second > first, `${who}: bytes from ${other} stopped growing (${first} then ${second})`);
  // And the picture is decoded: the other person's tile shows a video frame.
  await page.waitForFunction(() => [...document.querySelectorAll('#meeting-videos figure:not(.mine) video')]
    .some((v) => v.videoWidth > 0), null, { timeout: 15_000 });
}

async function login(page, base, name) {
  await page.goto(`${base}/login`);
  await page.fill('#f-login_name', name);
  await page.fill('#f-password', DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The room's own words (the server's, in the page's language), for finding its buttons. */
const texts = (page) => page.evaluate(() => JSON.parse(document.getElementById('meeting-texts')?.textContent || '{}'));

/**
 * The meeting between the mediator (on `mediatorBase`) and the requester (on `partyBase`, by their join link).
 * `logs` are the server logs to show when something fails. Returns both pages' candidate types.
 */
async function meeting({ label, mediatorBase, partyBase, databaseUrl, logs = [], headers = {} }) {
  const contexts = [];
  try {
    const { id, joinLink } = await videoMediationNow(mediatorBase, databaseUrl, headers);
    const mediatorContext = await browser.newContext({ locale: 'zh-CN', viewport, extraHTTPHeaders: headers });
    const partyContext = await browser.newContext({ locale: 'zh-CN', viewport, extraHTTPHeaders: headers });
    contexts.push(mediatorContext, partyContext);
    const mediator = await mediatorContext.newPage();
    const party = await partyContext.newPage();
    const errors = [];
    for (const [who, page] of [['mediator', mediator], ['requester', party]]) {
      page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    }

    await login(mediator, mediatorBase, 'mediator.changyi');
    await mediator.goto(`${mediatorBase}/mediations/${id}/meeting`);
    await roomState(mediator, 'admitted', 'mediator');
    const mediatorPid = await mediator.getAttribute('#meeting', 'data-me');

    // The requester, not logged in, by their personal link: the lobby until admitted.
    await party.goto(`${partyBase}${joinLink}`);
    await roomState(party, 'lobby', 'requester');
    const partyPid = await party.getAttribute('#meeting', 'data-me');
    assert.notEqual(partyPid, mediatorPid);
    await shot(party, `meeting-lobby-${label}`);

    const words = await texts(mediator);
    const admit = mediator.locator('#meeting-people-list').getByRole('button', { name: words.admit ?? '允许进入' });
    await admit.waitFor({ timeout: 30_000 });
    await admit.click();
    await roomState(party, 'admitted', 'requester');

    await mediaFlows(mediator, partyPid, 'mediator');
    await mediaFlows(party, mediatorPid, 'requester');
    for (const page of [mediator, party]) {
      assert.equal(await page.locator('#meeting-videos figure').count(), 2, 'one tile each, oneself included');
    }

    // A chat line from the requester reaches the mediator.
    const line = `您好，我已进入调解室（${label}）`;
    await party.fill('#meeting-chat-text', line);
    await party.press('#meeting-chat-text', 'Enter');
    await mediator.locator('#meeting-chat-log li', { hasText: line }).waitFor({ timeout: 15_000 });

    for (const [page, who] of [[mediator, 'mediator'], [party, 'requester']]) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${who}: the room is ${width}px wide on a 360 px phone`);
      await shot(page, `meeting-${who}-${label}`);
    }
    assert.deepEqual(errors, [], 'no script errors');
    return {
      mediator: (await mediator.evaluate(() => window.portalMeeting.candidateTypes()))[partyPid],
      party: (await party.evaluate(() => window.portalMeeting.candidateTypes()))[mediatorPid],
    };
  } catch (e) {
    e.message += logs.map((log) => `\n--- ${log} ---\n${tail(log)}`).join('');
    throw e;
  } finally {
    for (const c of contexts) await c.close();
  }
}

test('video meeting on one instance (SQLite)', { timeout: 240_000 }, async () => {
  assert.ok(process.env.DATABASE_URL, 'set DATABASE_URL to the running server\'s database (its mediations are moved to now with SQL)');
  // The test run's server trusts its loopback proxy: these people get their own client address.
  const headers = { 'X-Forwarded-For': `10.77.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` };
  await meeting({ label: 'sqlite', mediatorBase: BASE, partyBase: BASE, databaseUrl: process.env.DATABASE_URL, headers });
});

test('video meeting across two instances on one PostgreSQL database', { timeout: 300_000 }, async () => {
  const databaseUrl = freshPostgres();
  const env = { DATABASE_URL: databaseUrl, PORTAL_SECRET: newSecret() };
  // One after the other: the first makes the schema and the demo data.
  const one = await startServer('pg-1', env);
  const two = await startServer('pg-2', env);
  await meeting({
    label: 'postgres', mediatorBase: one.base, partyBase: two.base, databaseUrl, logs: [one.log, two.log],
  });
});

test('video meeting through a TURN relay only (coturn)', { timeout: 300_000 }, async () => {
  const turn = await startCoturn();
  const databaseUrl = freshSqlite('turn');
  const server = await startServer('turn', {
    DATABASE_URL: databaseUrl, PORTAL_SECRET: newSecret(),
    PORTAL_TURN_URLS: turn.url, PORTAL_TURN_SECRET: turn.secret, PORTAL_ICE_TRANSPORT_POLICY: 'relay',
  });
  const types = await meeting({
    label: 'turn', mediatorBase: server.base, partyBase: server.base, databaseUrl, logs: [server.log, turn.log],
  });
  assert.deepEqual(types, { mediator: ['relay', 'relay'], party: ['relay', 'relay'] },
    `both sides' selected candidate pairs are relayed through ${turn.url}`);

  // The device check, before a meeting: camera, microphone, and a relayed candidate from the page's TURN server.
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/meeting-check`);
    await page.click('#check-start');
    await page.evaluate(() => window.portalDeviceCheck.done);
    const words = await page.evaluate(() => JSON.parse(document.getElementById('check-texts')?.textContent || '{}'));
    assert.equal(await page.textContent('#check-camera-result'), words.camera_ok ?? '摄像头正常。');
    assert.equal(await page.textContent('#check-mic-result'), words.mic_ok ?? '麦克风正常：说话时音量条会跳动。');
    const network = await page.textContent('#check-network-result');
    assert.ok(network.includes(words.relay_ok ?? '可以连接视频服务器。'), `the TURN server is reached: ${network}`);
    assert.ok(await page.evaluate(() => document.getElementById('check-video').videoWidth > 0), 'the camera shows');
    await page.click('#check-speaker');
    await shot(page, 'meeting-device-check');
  } finally {
    await context.close();
  }
});
