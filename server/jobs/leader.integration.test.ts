import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callServer, freshSchemaUrl, startServerProcess, type ServerProcess } from '../test/server-process';
import { sampleOrder as order } from '../test/ticket-helpers';

/**
 * Two server processes on one PostgreSQL database (a schema of its own), both running the job
 * loop every 300 ms and both serving clerks. The embedded database allows one process, so this
 * runs with DATABASE_URL only.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.info('leader.integration.test.ts skipped: two server processes need PostgreSQL (DATABASE_URL)');
}

// zibo-12345: handling limit 5 WD from dispatch [§11(3)]. Dispatched Monday 2026-11-23 09:00 →
// due at the end of Monday 2026-11-30; red from the end of the first working day after the
// deadline's day (Tuesday 2026-12-01 23:59:59) with one reminder slip [§12]. LATER is past it.
const START = '2026-11-23T09:00:00+08:00';
const LATER = '2026-12-02T09:00:00+08:00';
const ORDERS = 6;
const SUPERVISIONS = 20;

describe.skipIf(!url)('two server processes on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let drop: () => Promise<void> = () => Promise.resolve();
  let schema = '';
  let client: pg.Client;
  const tokens = new Map<string, string>();

  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<T>(text, values)).rows;
  const call = (p: ServerProcess, user: string | null, method: string, path: string, body?: unknown) =>
    callServer(p.base, user ? (tokens.get(user) ?? null) : null, method, path, body);
  const act = (p: ServerProcess, user: string, id: number, action: string, body: unknown = {}) =>
    call(p, user, 'POST', `/api/tickets/${id}/actions/${action}`, body);

  beforeAll(async () => {
    const fresh = await freshSchemaUrl(url ?? '', 'two');
    drop = fresh.drop;
    schema = fresh.schema;
    client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    const env = {
      DATABASE_URL: fresh.url,
      CIVICLINE_TEST_CLOCK: '1',
      CIVICLINE_NOW: START,
      CIVICLINE_DEMO: '1',
      CIVICLINE_DEMO_ORDERS: '0',
      CIVICLINE_DEMO_KB: '0',
      CIVICLINE_JOB_INTERVAL_MS: '300',
    };
    // The first applies the migrations and loads the demo city; the second finds them done.
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    // Sessions live in the database: a token signed in on one process works on the other.
    for (const u of ['admin', 'agent', 'dispatcher', 'handler', 'supervisor']) {
      const r = await callServer(u.length % 2 ? a.base : b.base, null, 'POST', '/api/auth/login', {
        username: u,
        password: 'demo',
      });
      expect(r.status).toBe(200);
      tokens.set(u, (r.json as { token: string }).token);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await client?.end();
    await drop();
  }, 120_000);

  async function unitId(): Promise<number> {
    const r = await call(b, 'dispatcher', 'GET', '/api/units');
    const unit = (r.json as { id: number; code: string }[]).find((u) => u.code === 'YC-RSJ');
    if (!unit) throw new Error('unit YC-RSJ not found');
    return unit.id;
  }

  async function createDispatched(p: ServerProcess, unit: number): Promise<number> {
    const created = await call(p, 'agent', 'POST', '/api/tickets', order);
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    expect((await act(p === a ? b : a, 'dispatcher', id, 'dispatch', { unitId: unit })).status).toBe(200);
    return id;
  }

  const jobLockHolders = () =>
    q<{ pid: number }>(
      `select pid from pg_locks where locktype = 'advisory' and granted
        and objid = (hashtext('civicline.jobs:' || $1::text)::bigint & 4294967295)`,
      [schema],
    );

  it('elects one process for the jobs', async () => {
    let holders: { pid: number }[] = [];
    for (let i = 0; i < 100 && holders.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      holders = await jobLockHolders();
    }
    expect(holders).toHaveLength(1);
  }, 60_000);

  it('issues one reminder slip per order while both processes sweep', async () => {
    const unit = await unitId();
    const ids: number[] = [];
    for (let i = 0; i < ORDERS; i++) ids.push(await createDispatched(i % 2 ? a : b, unit));
    // Both clocks move (each move sweeps in its process), both are asked to sweep again at
    // once, and the elected loop keeps sweeping every 300 ms meanwhile.
    const moved = await Promise.all([
      call(a, 'admin', 'POST', '/api/admin/clock', { now: LATER }),
      call(b, 'admin', 'POST', '/api/admin/clock', { now: LATER }),
    ]);
    expect(moved.map((r) => r.status)).toEqual([200, 200]);
    const sweeps = await Promise.all(
      [a, b, a, b].map((p) => call(p, 'supervisor', 'POST', '/api/admin/sweep')),
    );
    expect(sweeps.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await new Promise((r) => setTimeout(r, 1500));

    const reminders = await q<{ ticket_id: number; n: string }>(
      `select ticket_id::int as ticket_id, count(*) as n from ticket_event
        where action = 'remind' and ticket_id = any($1) group by ticket_id order by ticket_id`,
      [ids],
    );
    expect(reminders.map((r) => [r.ticket_id, Number(r.n)])).toEqual(ids.map((id) => [id, 1]));
    const alerts = await q<{ kind: string; n: string }>(
      `select kind, count(*) as n from ticket_alert
        where ticket_id = any($1) and stage = 'handleBy' group by kind order by kind`,
      [ids],
    );
    expect(alerts.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['overdue', ORDERS],
      ['red', ORDERS],
      ['yellow', ORDERS],
    ]);
    const slips = await q<{ n: string }>(
      `select count(*) as n from supervision where ticket_id = any($1) and mode = 'system'`,
      [ids],
    );
    expect(Number(slips[0]?.n)).toBe(ORDERS);
  }, 240_000);

  it('loses no update when both processes serve actions on one order at once', async () => {
    const id = await createDispatched(a, await unitId());
    // Two clerks sign for it at once, one through each process: one wins, the other is judged
    // against the new state (in progress) and refused.
    const accepts = await Promise.all([act(a, 'handler', id, 'accept'), act(b, 'handler', id, 'accept')]);
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409]);
    const before = await q<{ version: number }>('select version from ticket where id = $1', [id]);
    const supervise = Array.from({ length: SUPERVISIONS }, (_, i) =>
      act(i % 2 ? a : b, 'supervisor', id, 'supervise', { note: `督办 ${i + 1}` }),
    );
    const answers = await Promise.all(supervise);
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: SUPERVISIONS }, () => 200));

    // Hand-computed: create, dispatch, accept, then 20 supervisions: 23 events numbered 1..23,
    // the order still in progress, its version 20 above what it was after the accept.
    const events = await q<{ seq: number; action: string; from_status: string; to_status: string }>(
      'select seq, action, from_status, to_status from ticket_event where ticket_id = $1 order by seq',
      [id],
    );
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 3 + SUPERVISIONS }, (_, i) => i + 1));
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'dispatch',
      'accept',
      ...Array.from({ length: SUPERVISIONS }, () => 'supervise'),
    ]);
    const notes = await q<{ note: string }>(
      `select payload->>'note' as note from ticket_event where ticket_id = $1 and action = 'supervise'`,
      [id],
    );
    expect(notes.map((n) => n.note).sort()).toEqual(
      Array.from({ length: SUPERVISIONS }, (_, i) => `督办 ${i + 1}`).sort(),
    );
    const after = await q<{ version: number; status: string }>(
      'select version, status from ticket where id = $1',
      [id],
    );
    expect(after[0]?.status).toBe('in_progress');
    expect(after[0]?.version).toBe((before[0]?.version ?? 0) + SUPERVISIONS);
  }, 240_000);

  it('hands the jobs to the other process when the leader stops', async () => {
    const [holder] = await jobLockHolders();
    expect(holder).toBeDefined();
    const leaderIsA = await isLeader(a);
    const leader = leaderIsA ? a : b;
    await leader.stop();
    let holders: { pid: number }[] = [];
    for (let i = 0; i < 100; i++) {
      holders = await jobLockHolders();
      if (holders.length === 1 && holders[0]?.pid !== holder?.pid) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(holders).toHaveLength(1);
    expect(holders[0]?.pid).not.toBe(holder?.pid);
    expect((await call(leaderIsA ? b : a, 'admin', 'GET', '/api/admin/clock')).status).toBe(200);
  }, 120_000);

  /** Whether `p`'s process holds the job lock: its election session is named after its pid. */
  async function isLeader(p: ServerProcess): Promise<boolean> {
    const rows = await q<{ n: string }>(
      `select count(*) as n from pg_locks l join pg_stat_activity s on s.pid = l.pid
        where l.locktype = 'advisory' and l.granted and s.application_name = $1`,
      [`civicline-jobs:${p.child.pid ?? 0}`],
    );
    return Number(rows[0]?.n) > 0;
  }
});
