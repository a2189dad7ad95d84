#!/usr/bin/env node
// HTTP write benchmark on PostgreSQL (not part of the test run).
//
// Alternates, at 1, 4 and 16 clients, in one run on the same server:
//   raw      pgbench running bench/http-raw-insert.sql: one transaction = one order row (a table with
//            2 indexes) + one event row — the floor of what one intake costs the database;
//   intake   POST /api/tickets through the product (agent), keep-alive HTTP;
//   dispatch POST /api/tickets/:id/actions/dispatch (dispatcher) on the orders the intake made;
// then prints each rate, the ratio product / raw, and the resident memory of every server process.
// Done with 1 server process and with `--workers` processes (npm start with CIVICLINE_WORKERS).
//
//   npm run bench:http -- [--seconds 10] [--clients 1,4,16] [--workers 1,2] [--url postgres://…/postgres]
//
// It creates (and drops at the end) two databases of its own on the server: civicline_bench_http
// (the product) and civicline_bench_raw (pgbench's tables); pgbench comes from PATH or
// /usr/lib/postgresql/15/bin.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sampleOrder } from '../scripts/attack/sample-order.mjs';

const root = path.resolve(import.meta.dirname, '..');
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SECONDS = Number(opt('seconds', '10'));
const CLIENTS = opt('clients', '1,4,16').split(',').map(Number);
const WORKERS = opt('workers', '1,2').split(',').map(Number);
const BASE_URL = opt('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const PORT = Number(opt('port', String(3950 + Math.floor(Math.random() * 40))));
const APP_DB = 'civicline_bench_http';
const RAW_DB = 'civicline_bench_raw';
const dbUrl = (name) => {
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

function pgbenchPath() {
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  const dflt = '/usr/lib/postgresql/15/bin/pgbench';
  if (fs.existsSync(dflt)) return dflt;
  throw new Error('pgbench not found (PATH or /usr/lib/postgresql/15/bin)');
}

async function admin(sqlText) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

async function recreateDatabases() {
  for (const name of [APP_DB, RAW_DB]) {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  }
  const c = new pg.Client({ connectionString: dbUrl(RAW_DB) });
  await c.connect();
  await c.query(fs.readFileSync(path.join(root, 'bench/http-raw-schema.sql'), 'utf8'));
  await c.end();
}

function runPgbench(clients) {
  const url = new URL(dbUrl(RAW_DB));
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, os.cpus().length)),
    '-T',
    String(SECONDS),
    '-f',
    path.join(root, 'bench/http-raw-insert.sql'),
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    RAW_DB,
  ];
  const env = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const r = spawnSync(pgbenchPath(), args, { encoding: 'utf8', env });
  const m = /tps = ([\d.]+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

/** The server: `npm start`'s script, with CIVICLINE_WORKERS processes. */
function startServer(workers) {
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl(APP_DB),
    PORT: String(PORT),
    HOST: '127.0.0.1',
    CIVICLINE_WORKERS: String(workers),
    CIVICLINE_DEMO: '1',
    CIVICLINE_DEMO_ORDERS: '0',
    CIVICLINE_DEMO_KB: '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_REPLICA_URL;
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

const base = `http://127.0.0.1:${PORT}`;

async function waitUp(child, workers) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok && serverPids(child.pid).length >= workers) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

function childrenOf(pid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}

const isNode = (pid) => {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`) === fs.realpathSync(process.execPath);
  } catch {
    return false;
  }
};

/** The processes that serve: the one process, or the cluster's workers (not the primary, not esbuild). */
function serverPids(pid) {
  const kids = childrenOf(pid).filter(isNode);
  return kids.length > 0 ? kids : [pid];
}

function rssMb(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

const tokens = new Map();
async function call(user, method, url, body, retry = true) {
  const res = await send(user, method, url, body).catch((err) => {
    // A kept-alive connection the server closed while idle (between phases): the request never
    // reached it; send it once more on a new connection.
    if (retry && err.cause?.code === 'UND_ERR_SOCKET') return null;
    throw err;
  });
  if (res === null) return call(user, method, url, body, false);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

function send(user, method, url, body) {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const contents = [
  '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。',
  '小区门口夜间施工噪音扰民，影响休息，希望尽快处理。',
  '咨询灵活就业人员社保缴费基数和缴费方式。',
  '路边餐馆油烟直排，楼上住户无法开窗，请求查处。',
];
let seq = 0;
const order = () => ({
  ...sampleOrder,
  caller: {
    name: '王小明',
    phone: `138${String(10000000 + (seq % 89999999)).slice(0, 8)}`,
    confidential: false,
  },
  content: `${contents[seq++ % contents.length]}（编号 ${seq}）`,
});

/** `clients` loops for SECONDS (or until `next` has no more work); returns successes per second. */
async function drive(clients, step) {
  const until = Date.now() + SECONDS * 1000;
  let ok = 0;
  let failed = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        // A dropped connection counts as a failure (and is printed once), not as the end of the run.
        const r = await step().catch((err) => {
          if (failed === 0) console.error(`request failed: ${err.cause?.message ?? err.message}`);
          return false;
        });
        if (r === null) return;
        if (r) ok++;
        else failed++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { rate: ok / elapsed, ok, failed };
}

async function main() {
  console.log(
    `Load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${os.cpus().length} cores`,
  );
  await recreateDatabases();
  const rows = [];
  for (const workers of WORKERS) {
    const server = startServer(workers);
    try {
      await waitUp(server, workers);
      for (const u of ['agent', 'dispatcher']) {
        const r = await call(null, 'POST', '/api/auth/login', { username: u, password: 'demo' });
        if (r.status !== 200) throw new Error(`login ${u}: ${r.status}`);
        tokens.set(u, r.json.token);
      }
      const units = (await call('dispatcher', 'GET', '/api/units')).json;
      const unitId = units.find((u) => u.code === 'YC-RSJ')?.id;
      if (!unitId) throw new Error('unit YC-RSJ not found');
      const peak = new Map();
      const sample = () => {
        for (const pid of serverPids(server.pid)) {
          const m = rssMb(pid);
          peak.set(pid, Math.max(peak.get(pid) ?? 0, m.rss));
        }
      };
      const sampler = setInterval(sample, 500);
      for (const clients of CLIENTS) {
        const raw = runPgbench(clients);
        const made = [];
        const intake = await drive(clients, async () => {
          const r = await call('agent', 'POST', '/api/tickets', order());
          if (r.status === 201) made.push(r.json.id);
          return r.status === 201;
        });
        const dispatch = await drive(clients, async () => {
          const id = made.shift();
          if (id === undefined) return null;
          const r = await call('dispatcher', 'POST', `/api/tickets/${id}/actions/dispatch`, { unitId });
          return r.status === 200;
        });
        sample();
        const rss = serverPids(server.pid).map((pid) => rssMb(pid).rss);
        const row = {
          workers,
          clients,
          'raw tx/s': Math.round(raw),
          'intake/s': Math.round(intake.rate * 10) / 10,
          'intake/raw': (intake.rate / raw).toFixed(3),
          'dispatch/s': Math.round(dispatch.rate * 10) / 10,
          'dispatch/raw': (dispatch.rate / raw).toFixed(3),
          failed: intake.failed + dispatch.failed,
          'RSS MB per process': rss.map((m) => m.toFixed(0)).join(' / '),
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
      clearInterval(sampler);
      console.log(
        `workers=${workers}: peak RSS per process (MB): ${[...peak.values()].map((m) => m.toFixed(0)).join(' / ')}`,
      );
    } finally {
      server.kill('SIGTERM');
      if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
    }
  }
  console.table(rows);
  console.log(
    `Load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

try {
  await main();
} finally {
  if (!process.argv.includes('--keep')) {
    for (const name of [APP_DB, RAW_DB])
      await admin(`drop database if exists ${name} with (force)`).catch(() => {});
  }
}
