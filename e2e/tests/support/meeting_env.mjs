// What the video meeting's browser test needs around the browser: more server instances (on a fresh SQLite or a
// fresh PostgreSQL database), a coturn TURN server on 127.0.0.1, SQL run the way an operator would (sqlite3, psql),
// and the API calls that set up a video mediation happening now. Every process started here is stopped by
// `stopAll()`; every database made here is dropped by it.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SERVER_BIN = resolve(process.env.SERVER_BIN ?? 'target/release/server');
export const SITE_ROOT = resolve(process.env.LEPTOS_SITE_ROOT ?? 'target/site');
export const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TURNSERVER = process.env.TURNSERVER ?? '/usr/bin/turnserver';

const children = [];
const cleanups = [];

export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A TCP port nobody listens on now (coturn takes the same number for UDP). */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The last lines of a log file, for failure messages. */
export function tail(file, lines = 40) {
  if (!file || !existsSync(file)) return `(no log at ${file})`;
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

function start(cmd, args, opts, log) {
  // Output goes straight to a log file (a descriptor the child inherits), read back only when something fails.
  const out = openSync(log, 'a');
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', out, out] });
  closeSync(out);
  children.push(child);
  child.exited = null;
  child.on('exit', (code, signal) => { child.exited = code ?? signal; });
  child.on('error', (e) => { child.exited = String(e); });
  return child;
}

/**
 * Starts the portal's server binary with `env` (on top of a clean base) on a free port and waits for its health
 * check. Returns { base, log, child }.
 */
export async function startServer(name, env) {
  const dir = tempDir(`server-${name}`);
  const port = await freePort();
  const log = join(dir, 'server.log');
  // The test run's environment (LEPTOS_OUTPUT_NAME and the like), less the test server's own database and key.
  const { DATABASE_URL, PORTAL_SECRET_FILE, PORTAL_SECRET, ...inherited } = process.env;
  const child = start(SERVER_BIN, [], {
    env: {
      ...inherited,
      PORTAL_UPLOAD_DIR: join(dir, 'uploads'),
      PORTAL_DEMO_DATA: '1',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: SITE_ROOT,
      RUST_LOG: 'warn',
      ...env,
    },
  }, log);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exited !== null) throw new Error(`server ${name} exited (${child.exited}):\n${tail(log)}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, log, child };
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error(`server ${name} did not answer its health check in 60 s:\n${tail(log)}`);
}

/** A fresh SQLite database URL in its own directory. */
export function freshSqlite(name) {
  return `sqlite://${join(tempDir(`sqlite-${name}`), 'portal.db')}?mode=rwc`;
}

/** A fresh PostgreSQL database next to TEST_POSTGRES_URL's, dropped by stopAll(). */
export function freshPostgres() {
  const name = `portal_meeting_${Date.now()}_${randomBytes(3).toString('hex')}`;
  psql(PG_URL, `CREATE DATABASE ${name}`);
  cleanups.push(() => {
    try { psql(PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch (e) { console.warn(String(e)); }
  });
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function psql(url, sql) {
  return execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' });
}

/** Runs one SQL statement on a database URL the server takes (sqlite://… or postgres://…). */
export function runSql(databaseUrl, sql) {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = decodeURIComponent(databaseUrl.replace(/^sqlite:(\/\/)?/, '').split('?')[0]);
    // The server has the file open: wait for its write lock rather than fail.
    return execFileSync('sqlite3', ['-cmd', '.timeout 10000', path, sql], { encoding: 'utf8' });
  }
  return psql(databaseUrl, sql);
}

/** A random 64-hex PORTAL_SECRET, shared by the instances of one deployment. */
export const newSecret = () => randomBytes(32).toString('hex');

/**
 * coturn on 127.0.0.1 with TURN REST credentials (the portal's PORTAL_TURN_SECRET is its static-auth-secret).
 * Loopback peers must be allowed: both browsers' relayed addresses are 127.0.0.1. Returns { url, secret, log }.
 */
export async function startCoturn() {
  const dir = tempDir('coturn');
  const port = await freePort();
  const secret = randomBytes(16).toString('hex');
  const log = join(dir, 'turn.log');
  // A relay port range of its own, away from the listening port.
  const minPort = 40000 + Math.floor(Math.random() * 400) * 50;
  const args = [
    '-n', // no /etc/turnserver.conf
    '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`,
    `--min-port=${minPort}`, `--max-port=${minPort + 49}`,
    '--use-auth-secret', `--static-auth-secret=${secret}`, '--realm=portal.test',
    '--allow-loopback-peers', '--no-cli', '--no-tls', '--no-dtls', '--fingerprint',
    `--log-file=${log}`, '--simple-log', '--no-stdout-log',
    `--pidfile=${join(dir, 'turn.pid')}`, `--userdb=${join(dir, 'turndb')}`,
  ];
  const child = start(TURNSERVER, args, {}, join(dir, 'stdout.log'));
  for (let i = 0; i < 50; i++) {
    if (child.exited !== null) throw new Error(`turnserver exited (${child.exited}):\n${tail(log)}`);
    if (await stunAnswers(port)) {
      return { url: `turn:127.0.0.1:${port}?transport=udp`, secret, log, command: [TURNSERVER, ...args].join(' ') };
    }
    await sleep(200);
  }
  throw new Error(`turnserver did not answer a STUN binding request on 127.0.0.1:${port}:\n${tail(log)}`);
}

/** Whether a STUN binding request to 127.0.0.1:port gets a success response within 300 ms. */
function stunAnswers(port) {
  return new Promise((ok) => {
    const socket = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0); // Binding request, no attributes
    request.writeUInt32BE(0x2112a442, 4); // magic cookie
    randomBytes(12).copy(request, 8);
    const done = (answer) => { clearTimeout(timer); socket.close(); ok(answer); };
    const timer = setTimeout(() => done(false), 300);
    socket.on('message', (msg) => done(msg.length >= 20 && msg.readUInt16BE(0) === 0x0101));
    socket.on('error', () => done(false));
    socket.send(request, port, '127.0.0.1');
  });
}

/** Stops every process started here (TERM, then KILL) and removes their directories and databases. */
export async function stopAll() {
  for (const child of children.splice(0)) {
    if (child.exited !== null) continue;
    child.kill('SIGTERM');
    for (let i = 0; i < 30 && child.exited === null; i++) await sleep(100);
    if (child.exited === null) child.kill('SIGKILL');
  }
  for (const clean of cleanups.splice(0).reverse()) clean();
}

// ---- the API, as another system (or the person's phone) calls it ----

/** An API client for one person on one instance: their session cookie, this site's Origin. */
export function apiClient(base, headers = {}) {
  let cookie = '';
  return {
    base,
    async call(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Origin: base, Accept: 'application/json', ...headers,
          ...(body ? { 'Content-Type': 'application/json' } : {}), ...(cookie ? { Cookie: cookie } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const set = res.headers.getSetCookie?.() ?? [];
      if (set.length) {
        const jar = new Map(cookie.split('; ').filter(Boolean).map((c) => c.split(/=(.*)/s).slice(0, 2)));
        for (const c of set) { const [k, v] = c.split(';')[0].split(/=(.*)/s); jar.set(k, v); }
        cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      }
      const text = await res.text();
      let json = null;
      try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      if (!res.ok) throw new Error(`${method} ${base}${path}: ${res.status} ${text.slice(0, 500)}`);
      return json;
    },
  };
}

export const DEMO_PASSWORD = 'demo-pass-2026';
/** The demo mediator's id, as db::demo::demo_mediator_id makes it. */
export const demoMediatorId = (login) => `med-${createHash('sha256').update(login).digest('hex').slice(0, 12)}`;

/**
 * A video mediation of the demo citizen 张三 with 陈调解 (mediator.changyi), accepted by the other party, moved
 * to now (started five minutes ago) with SQL on `databaseUrl`. Returns { id, joinLink } — the requester's own
 * join link (relative).
 */
export async function videoMediationNow(base, databaseUrl, headers = {}) {
  const requester = apiClient(base, headers);
  await requester.call('POST', '/api/v1/session', { login_name: '13900000001', password: DEMO_PASSWORD });
  const mediator = demoMediatorId('mediator.changyi');
  const roster = await requester.call('GET', '/api/v1/mediators');
  if (!roster.mediators.some((m) => m.id === mediator)) {
    throw new Error(`the demo mediator ${mediator} is not in GET /api/v1/mediators`);
  }
  const slots = await requester.call('GET', `/api/v1/mediators/${mediator}/slots?days=21`);
  const start = slots.slots?.[0]?.start;
  if (!start) throw new Error(`no free slot for ${mediator}: ${JSON.stringify(slots)}`);
  const mobile = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const booked = await requester.call('POST', '/api/v1/mediations', {
    cause: 'private_loan', court_code: '吉0202', mediator_id: mediator, start, mode: 'video',
    summary: '2024年借给对方3万元，约定半年归还，至今未还。',
    respondent: { name: '王借款', mobile },
  });
  // Taken as it stands in the link, as the server's own tests do (no form decoding of its characters).
  const token = booked.invitation_link.split('t=')[1];
  await apiClient(base, headers).call('POST', `/api/v1/mediations/${booked.id}/response`, { accept: true, token });
  const now = Date.now();
  runSql(databaseUrl,
    `UPDATE mediations SET start_ms = ${now - 5 * 60_000}, end_ms = ${now + 55 * 60_000} WHERE id = '${booked.id}'`);
  const meeting = await requester.call('GET', `/api/v1/mediations/${booked.id}/meeting`);
  if (!meeting?.join_link) throw new Error(`no join link: ${JSON.stringify(meeting)}`);
  return { id: booked.id, joinLink: meeting.join_link };
}
