#!/usr/bin/env node
/**
 * kill -9 under load, then count what survived:
 *
 *   node scripts/attack/crash-under-load.mjs [--seconds 8] [--clients 8] [--rounds 2]
 *   DATABASE_URL=postgres://… node scripts/attack/crash-under-load.mjs   # against PostgreSQL
 *
 * Starts the server (embedded database in a fresh temporary DATA_DIR, or a fresh schema of its
 * own on the PostgreSQL of DATABASE_URL, dropped at the end), has `--clients` clerks create and dispatch
 * orders as fast as it answers, kills the process with SIGKILL in the middle, starts it again on
 * the same data and checks that every acknowledged order (201) and every acknowledged dispatch
 * (200) is there, and that the audit chain still verifies. Repeats `--rounds` times. Local only,
 * bounded; prints one verdict line and exits non-zero when anything acknowledged was lost.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshSchema } from './fresh-schema.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const seconds = Math.min(opt('seconds', 8), 120);
const clients = Math.min(opt('clients', 8), 64);
const rounds = Math.min(opt('rounds', 2), 10);
const port = 3400 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-crash-'));
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  CIVICLINE_DEMO_ORDERS: '0',
  CIVICLINE_DEMO_KB: '0',
  LOG_LEVEL: 'warn',
};

// On PostgreSQL: a fresh schema of its own, dropped at the end.
let dropSchema = async () => {};
if (process.env.DATABASE_URL) {
  const fresh = await freshSchema(process.env.DATABASE_URL, 'crash');
  env.DATABASE_URL = fresh.url;
  dropSchema = fresh.drop;
}

function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Settles however and whenever the process ends (a listener added after the fact would wait forever).
  child.exited = new Promise((resolve) => {
    child.once('exit', resolve);
    child.once('error', resolve);
  });
  return child;
}

async function waitHealthy(deadlineMs = 120_000) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not come up');
}

async function call(method, url, token, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function signIn(username) {
  const r = await call('POST', '/api/auth/login', null, { username, password: 'demo' });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status}`);
  return r.json.token;
}

const order = (i) => ({
  channel: 'phone',
  type: 'complaint',
  category: '010201',
  urgency: 'normal',
  level: 'city',
  caller: { name: '测试', phone: '13800000000', confidential: false },
  location: { address: '东城区东湖路', region: '东城区' },
  content: `压力测试工单 ${i}：公司拖欠工资，请求处理。`,
});

const acknowledged = { orders: new Set(), dispatches: new Set() };
const errors = { '5xx': 0, other: 0 };
let served = 0;

async function load(until, agent, dispatcher, unitId, worker) {
  let i = 0;
  while (Date.now() < until) {
    try {
      const c = await call('POST', '/api/tickets', agent, order(`${worker}-${i++}`));
      if (c.status === 201) {
        acknowledged.orders.add(c.json.id);
        served++;
        const d = await call('POST', `/api/tickets/${c.json.id}/actions/dispatch`, dispatcher, { unitId });
        if (d.status === 200) acknowledged.dispatches.add(c.json.id);
        else if (d.status >= 500) errors['5xx']++;
      } else if (c.status >= 500) errors['5xx']++;
      else errors.other++;
    } catch {
      return; // the server is gone: this worker stops
    }
  }
}

let lost = 0;
let child = startServer();
try {
  await waitHealthy();
  for (let round = 1; round <= rounds; round++) {
    const agent = await signIn('agent');
    const dispatcher = await signIn('dispatcher');
    const units = await call('GET', '/api/units', agent);
    const unit = (units.json.items ?? units.json).find((u) => u.code === 'YC-RSJ');
    const until = Date.now() + seconds * 1000;
    const workers = Array.from({ length: clients }, (_, w) =>
      load(until + 60_000, agent, dispatcher, unit.id, `${round}.${w}`),
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    child.kill('SIGKILL');
    await Promise.all(workers);
    await child.exited;
    child = startServer();
    await waitHealthy();
    const admin = await signIn('admin');
    let missingOrders = 0;
    let missingDispatches = 0;
    for (const id of acknowledged.orders) {
      const r = await call('GET', `/api/tickets/${id}`, admin);
      if (r.status !== 200) missingOrders++;
      else if (acknowledged.dispatches.has(id) && r.json.status === 'pending_dispatch') missingDispatches++;
    }
    lost += missingOrders + missingDispatches;
    console.log(
      `round ${round}: ${acknowledged.orders.size} orders and ${acknowledged.dispatches.size} dispatches acknowledged; ` +
        `${missingOrders} orders and ${missingDispatches} dispatches lost after kill -9`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await child.exited;
}
const verify = spawnSync(process.execPath, [path.join(root, 'bin/civicline.mjs'), 'audit', 'verify'], {
  env,
  encoding: 'utf8',
});
const chainOk = verify.status === 0;
fs.rmSync(dataDir, { recursive: true, force: true });
await dropSchema();
console.log(
  `${lost === 0 && chainOk && errors['5xx'] === 0 ? 'PASS' : 'FAIL'}: ${served} orders served, ${lost} acknowledged writes lost, ` +
    `${errors['5xx']} 5xx, audit chain ${chainOk ? 'verifies' : `broken: ${verify.stdout}${verify.stderr}`}`,
);
process.exit(lost === 0 && chainOk && errors['5xx'] === 0 ? 0 : 1);
