#!/usr/bin/env node
// Race attack on a local server (not part of the test run). Starts the server with the test
// clock against DATABASE_URL (in a fresh schema of its own, dropped at the end) or on a fresh
// embedded database in a temporary directory, then runs:
//   1. crossed merges: `merge A→B` and `merge B→A` at the same moment, PAIRS times;
//   2. the deadline sweep racing clerks: ORDERS orders cross their deadlines (the test clock is
//      moved, which sweeps, and the sweep is triggered again) while CLERKS clients accept and
//      supervise them;
//   3. 50 conflicting actions on one order at once.
// Prints the number of 5xx answers and of broken invariants per scenario, and exits 1 if any.
//
//   node scripts/attack/races.mjs [--orders 300] [--clerks 8] [--pairs 30]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node scripts/attack/races.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshSchema } from './fresh-schema.mjs';
import { sampleOrder } from './sample-order.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ORDERS = arg('orders', 300);
const CLERKS = arg('clerks', 8);
const PAIRS = arg('pairs', 30);
const PORT = arg('port', 3900 + Math.floor(Math.random() * 90));
const START = '2026-11-23T09:00:00+08:00';
const LATER = '2026-12-02T09:00:00+08:00'; // past the red line of a 5-working-day handling deadline

const env = {
  ...process.env,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  CIVICLINE_TEST_CLOCK: '1',
  CIVICLINE_NOW: START,
};
env.CIVICLINE_DEMO = '1';
env.CIVICLINE_DEMO_ORDERS = '0';
env.CIVICLINE_DEMO_KB = '0';
env.LOG_LEVEL = 'warn';
let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const fresh = await freshSchema(process.env.DATABASE_URL, 'attack');
  env.DATABASE_URL = fresh.url;
  cleanup = fresh.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-attack-'));
  env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;

async function waitUp() {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

const tokens = new Map();
async function call(user, method, url, body) {
  const headers = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Bearer ${tokens.get(user)}`;
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json };
}
async function login(user) {
  const r = await call(null, 'POST', '/api/auth/login', { username: user, password: 'demo' });
  if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.json)}`);
  tokens.set(user, r.json.token);
}
const order = sampleOrder;
const act = (user, id, action, payload = {}) =>
  call(user, 'POST', `/api/tickets/${id}/actions/${action}`, payload);
async function create() {
  const r = await call('agent', 'POST', '/api/tickets', order);
  if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}
const report = [];
const tally = (name, statuses, violations) => {
  const count5xx = statuses.filter((s) => s >= 500).length;
  report.push({ scenario: name, requests: statuses.length, '5xx': count5xx, violations: violations.length });
  for (const v of violations.slice(0, 5)) console.log(`  ${name}: ${v}`);
};

async function crossedMerges() {
  const statuses = [];
  const violations = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = await create();
    const b = await create();
    const [ab, ba] = await Promise.all([
      act('dispatcher', a.id, 'merge', { intoTicketId: b.id }),
      act('dispatcher', b.id, 'merge', { intoTicketId: a.id }),
    ]);
    statuses.push(ab.status, ba.status);
    const wins = [ab, ba].filter((r) => r.status === 200).length;
    if (wins !== 1) violations.push(`pair ${a.id}/${b.id}: ${wins} merges succeeded`);
    const [ra, rb] = await Promise.all([
      call('admin', 'GET', `/api/tickets/${a.id}`),
      call('admin', 'GET', `/api/tickets/${b.id}`),
    ]);
    const merged = [ra.json, rb.json].filter((t) => t.status === 'merged').length;
    if (merged !== 1) violations.push(`pair ${a.id}/${b.id}: ${merged} orders merged`);
  }
  tally('crossed merges', statuses, violations);
}

async function sweepRacingClerks() {
  const rsj = (await call('admin', 'GET', '/api/units')).json?.find?.((u) => u.code === 'YC-RSJ')?.id;
  if (!rsj) throw new Error('unit YC-RSJ not found');
  const ids = [];
  for (let i = 0; i < ORDERS; i++) {
    const o = await create();
    const d = await act('dispatcher', o.id, 'dispatch', { unitId: rsj });
    if (d.status !== 200) throw new Error(`dispatch: ${d.status}`);
    ids.push(o.id);
  }
  const statuses = [];
  const violations = [];
  const backwards = [...ids].reverse();
  const clerk = async (k) => {
    for (let i = k; i < backwards.length; i += CLERKS) {
      statuses.push((await act('handler', backwards[i], 'accept')).status);
      statuses.push(
        (await act('supervisor', backwards[i], 'supervise', { trigger: 'overdue', note: '请加快办理' }))
          .status,
      );
    }
  };
  const sweeps = [];
  const started = Date.now();
  await Promise.all([
    call('admin', 'POST', '/api/admin/clock', { now: LATER }).then((r) => sweeps.push(r.status)),
    ...Array.from({ length: CLERKS }, (_, k) => clerk(k)),
    new Promise((r) => setTimeout(r, 200))
      .then(() => call('admin', 'POST', '/api/admin/sweep'))
      .then((r) => sweeps.push(r.status)),
  ]);
  const seconds = (Date.now() - started) / 1000;
  for (let i = 0; i < 3; i++) sweeps.push((await call('admin', 'POST', '/api/admin/sweep')).status);
  statuses.push(...sweeps);
  for (const s of sweeps) if (s !== 200) violations.push(`sweep answered ${s}`);
  for (const s of statuses) if (s !== 200) violations.push(`answer ${s}`);
  for (const id of ids) {
    const [t, ev] = await Promise.all([
      call('admin', 'GET', `/api/tickets/${id}`),
      call('admin', 'GET', `/api/tickets/${id}/events`),
    ]);
    const reminds = ev.json.filter(
      (e) => e.action === 'remind' && String(e.payload?.note ?? '').startsWith('handleBy '),
    ).length;
    if (reminds !== 1) violations.push(`order ${id}: ${reminds} handling reminder slips`);
    if (t.json.light !== 'red') violations.push(`order ${id}: light ${t.json.light}`);
  }
  tally(
    `sweep racing ${CLERKS} clerks over ${ORDERS} orders (${seconds.toFixed(1)} s)`,
    statuses,
    violations,
  );
}

async function conflictingActions() {
  const rsj = (await call('admin', 'GET', '/api/units')).json.find((u) => u.code === 'YC-RSJ').id;
  const o = await create();
  await act('dispatcher', o.id, 'dispatch', { unitId: rsj });
  const moves = [];
  for (let i = 0; i < 50; i++) {
    const k = i % 5;
    if (k === 0 || k === 1) moves.push(['handler', 'accept', {}]);
    else if (k === 2) moves.push(['supervisor', 'supervise', { note: '督办' }]);
    else if (k === 3) moves.push(['dispatcher', 'suspend', { reason: '职责争议，提请认定' }]);
    else moves.push(['handler', 'request-return', { reason: '不属于本单位职责', basis: '三定方案' }]);
  }
  const res = await Promise.all(moves.map(([u, a, p]) => act(u, o.id, a, p)));
  const statuses = res.map((r) => r.status);
  const violations = [];
  const ok = (name) => res.filter((r, i) => r.status === 200 && moves[i][1] === name).length;
  if (ok('accept') > 1) violations.push(`${ok('accept')} accepts succeeded`);
  if (ok('suspend') > 1) violations.push(`${ok('suspend')} suspensions succeeded`);
  const ev = (await call('admin', 'GET', `/api/tickets/${o.id}/events`)).json;
  ev.forEach((e, i) => {
    if (e.seq !== i + 1) violations.push(`event ${i + 1} has seq ${e.seq}`);
    if (i > 0 && e.fromStatus !== ev[i - 1].toStatus)
      violations.push(`event ${e.seq} starts from ${e.fromStatus}, previous ended ${ev[i - 1].toStatus}`);
  });
  const unexpected = statuses.filter((s) => ![200, 400, 409, 422].includes(s));
  for (const s of unexpected) violations.push(`answer ${s}`);
  tally('50 conflicting actions on one order', statuses, violations);
}

let failed = false;
try {
  await waitUp();
  for (const u of ['admin', 'agent', 'dispatcher', 'handler', 'supervisor']) await login(u);
  await crossedMerges();
  await conflictingActions();
  await sweepRacingClerks();
  console.table(report);
  failed = report.some((r) => r['5xx'] > 0 || r.violations > 0);
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await cleanup();
}
process.exit(failed ? 1 : 0);
