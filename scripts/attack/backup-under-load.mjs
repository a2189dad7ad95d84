#!/usr/bin/env node
// Backup under load (not part of the test run; local only). Starts the server on a fresh embedded
// database in a temporary directory, or against DATABASE_URL in a fresh schema of its own (dropped
// at the end); creates --orders orders; then CLERKS clients keep creating, dispatching and
// accepting orders over HTTP while `civicline backup FILE` runs (on the embedded database the
// command goes through the running server). Afterwards it stops the server, restores the file into
// another fresh database with `civicline restore`, and checks: restored row counts equal the
// file's, no event without its order, every order in the state of its last event, every restored
// event identical to the source's. Prints one verdict line; exits 1 on failure.
//
//   node scripts/attack/backup-under-load.mjs [--orders 100] [--clerks 3]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node scripts/attack/backup-under-load.mjs
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import { sampleOrder } from './sample-order.mjs';

register();
const root = path.resolve(import.meta.dirname, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ORDERS = arg('orders', 100);
const CLERKS = arg('clerks', 3);
const MAX_WRITES = 5000; // bound on the writes made while the backup runs
const PORT = arg('port', 3800 + Math.floor(Math.random() * 90));
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-backup-attack-'));
const file = path.join(work, 'under-load.jsonl.gz');

const baseEnv = { ...process.env, LOG_LEVEL: 'warn', CIVICLINE_DEMO_ORDERS: '0', CIVICLINE_DEMO_KB: '0' };
const schemas = [];
/** The environment of a fresh database: a schema on the server, or a directory. */
async function freshDatabase(name) {
  if (kind === 'pglite') return { DATA_DIR: path.join(work, name) };
  const schema = `attack_${name}_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  schemas.push(schema);
  const url = new URL(process.env.DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return { DATABASE_URL: url.toString(), schema };
}
async function cleanup() {
  for (const schema of schemas) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
}

function run(args, env) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(root, 'bin/civicline.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}

const source = await freshDatabase('source');
const serverEnv = { ...baseEnv, ...source, PORT: String(PORT), HOST: '127.0.0.1', CIVICLINE_DEMO: '1' };
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
  cwd: root,
  env: serverEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
const tokens = new Map();
async function call(user, method, url, body) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}
const order = sampleOrder;
let unitId = 0;
const latencies = [];
async function oneOrder(timed) {
  const steps = [
    () => call('agent', 'POST', '/api/tickets', order),
    (id) => call('dispatcher', 'POST', `/api/tickets/${id}/actions/dispatch`, { unitId }),
    (id) => call('handler', 'POST', `/api/tickets/${id}/actions/accept`, {}),
  ];
  let id = 0;
  for (const step of steps) {
    const t0 = performance.now();
    const r = await step(id);
    if (timed()) latencies.push(performance.now() - t0);
    if (r.status >= 300) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.json)}`);
    id ||= r.json.id;
  }
}

let verdict = '';
let ok = false;
try {
  for (
    let i = 0;
    i < 1200 &&
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const user of ['agent', 'dispatcher', 'handler']) {
    const r = await call(null, 'POST', '/api/auth/login', { username: user, password: 'demo' });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status}`);
    tokens.set(user, r.json.token);
  }
  const units = await call('dispatcher', 'GET', '/api/units');
  unitId =
    (Array.isArray(units.json) ? units.json : (units.json?.items ?? [])).find((u) => u.code === 'YC-RSJ')
      ?.id ?? 0;
  if (!unitId) throw new Error('unit YC-RSJ not found');
  for (let i = 0; i < ORDERS; i++) await oneOrder(() => false);

  let backingUp = true;
  let writes = 0;
  const clerks = Array.from({ length: CLERKS }, async () => {
    while (backingUp && writes < MAX_WRITES) {
      await oneOrder(() => backingUp);
      writes += 3;
    }
  });
  const t0 = performance.now();
  const backup = await run(['backup', file], { ...baseEnv, ...source });
  const seconds = (performance.now() - t0) / 1000;
  backingUp = false;
  await Promise.all(clerks);
  if (backup.code !== 0) throw new Error(`backup failed: ${backup.out.trim()}`);

  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));

  const target = await freshDatabase('restored');
  const restore = await run(['restore', file], { ...baseEnv, ...target });
  if (restore.code !== 0) throw new Error(`restore failed: ${restore.out.trim()}`);

  const { openDatabase } = await import('../../server/platform/db.ts');
  const { verifyBackup } = await import('../../server/features/backup/backup-verify.ts');
  const { sql } = await import('kysely');
  const v = await verifyBackup(file);
  const open = (e) =>
    openDatabase({
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      ...(e.schema ? { schema: e.schema } : {}),
    });
  const restored = await open(target);
  const problems = [];
  let events = new Map();
  try {
    for (const [t, n] of Object.entries(v.counts)) {
      const r = await sql`select count(*)::int as n from ${sql.table(t)}`.execute(restored.db);
      if (r.rows[0].n !== n) problems.push(`${t}: ${r.rows[0].n} rows restored, ${n} in the file`);
    }
    const orphans =
      await sql`select count(*)::int as n from ticket_event e where not exists (select 1 from ticket k where k.id = e.ticket_id)`.execute(
        restored.db,
      );
    if (orphans.rows[0].n) problems.push(`${orphans.rows[0].n} events without their order`);
    const stale = await sql`select count(*)::int as n from ticket k left join lateral
      (select to_status from ticket_event where ticket_id = k.id order by seq desc limit 1) e on true
      where e.to_status is distinct from k.status`.execute(restored.db);
    if (stale.rows[0].n) problems.push(`${stale.rows[0].n} orders not in the state of their last event`);
    const rows = await sql`select id, md5(x::text) as h from ticket_event x`.execute(restored.db);
    events = new Map(rows.rows.map((r) => [r.id, r.h]));
  } finally {
    await restored.close();
  }
  const src = await open(source);
  try {
    const rows = await sql`select id, md5(x::text) as h from ticket_event x`.execute(src.db);
    const inSource = new Map(rows.rows.map((r) => [r.id, r.h]));
    const differing = [...events].filter(([id, h]) => inSource.get(id) !== h).length;
    if (differing) problems.push(`${differing} restored events differ from the source`);
    if (inSource.size <= events.size)
      problems.push('no write landed after the snapshot: the test proved nothing');
  } finally {
    await src.close();
  }
  const maxLatency = latencies.length ? Math.max(...latencies) / 1000 : 0;
  ok = problems.length === 0 && writes > 0;
  verdict =
    `backup-under-load (${kind}): ${ok ? 'PASS' : 'FAIL'} — ${v.rows} rows in ${seconds.toFixed(1)} s, ` +
    `${writes} writes by ${CLERKS} clerks during the backup (slowest ${maxLatency.toFixed(2)} s), ` +
    `restored ${events.size} events${problems.length ? `; ${problems.join('; ')}` : ', identical to the file and the source'}`;
} catch (e) {
  verdict = `backup-under-load (${kind}): FAIL — ${e instanceof Error ? e.message : String(e)}`;
} finally {
  if (server.exitCode === null) server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  await cleanup();
}
console.log(verdict);
process.exit(ok ? 0 : 1);
