import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { ticketApi } from '../test/ticket-helpers';

// The race is only real with several sessions (PostgreSQL); the embedded database serialises
// transactions, so there the same scenario runs smaller, as a check of the bookkeeping.
const ORDERS = process.env.DATABASE_URL ? 200 : 80;
const CLERKS = 4;

/**
 * The deadline sweep racing clerks: hundreds of orders cross their deadlines while several
 * clients accept and supervise them. No request and no sweep may fail, and every alert is
 * issued exactly once with its reminder slip.
 */
describe('deadline sweep racing clerks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('completes, answers no 5xx and issues every alert once', { timeout: 240_000 }, async () => {
    const api = ticketApi(t);
    const rsj = await t.unitId('YC-RSJ');
    const ids: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const o = await api.create();
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
      ids.push(o.id);
    }
    // Dispatched Mon Nov 23 09:00, never signed for: by Wed Dec 2 09:00 the handling deadline
    // (end of Mon Nov 30) is past its red line (end of Tue Dec 1), and so is the signing one.
    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    const admin = await t.as('admin');
    const sweep = () => t.app.inject({ method: 'POST', url: '/api/admin/sweep', headers: admin });

    // The clerks work from the newest order back while the sweep goes forward, so they meet.
    const backwards = [...ids].reverse();
    const statuses: number[] = [];
    const clerk = async (k: number) => {
      for (let i = k; i < backwards.length; i += CLERKS) {
        const id = backwards[i] ?? 0;
        statuses.push((await api.act('handler', id, 'accept')).statusCode);
        statuses.push(
          (await api.act('supervisor', id, 'supervise', { trigger: 'overdue', note: '请加快办理' }))
            .statusCode,
        );
      }
    };
    const [sweepRes] = await Promise.all([sweep(), ...Array.from({ length: CLERKS }, (_, k) => clerk(k))]);
    expect(sweepRes.statusCode, sweepRes.body).toBe(200);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(statuses).toHaveLength(ORDERS * 2);

    // Orders skipped while a clerk held them are picked up by the next passes; then nothing is left.
    for (let pass = 0; pass < 3; pass++) expect((await sweep()).statusCode).toBe(200);
    const quiet = await sweep();
    expect(quiet.json()).toMatchObject({ yellow: 0, overdue: 0, red: 0, reminders: 0 });

    const db = t.handle.db;
    const now = new Date('2026-12-02T09:00:00+08:00');
    // No lost alert: every unmet stage whose lines were crossed carries them.
    const missing = await db
      .selectFrom('ticket_deadline as d')
      .select(['d.ticket_id', 'd.stage'])
      .where('d.ticket_id', 'in', ids)
      .where('d.met_at', 'is', null)
      .where('d.red_at', '<=', now)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('ticket_alert as a')
              .select('a.kind')
              .whereRef('a.ticket_id', '=', 'd.ticket_id')
              .whereRef('a.stage', '=', 'd.stage')
              .where('a.kind', '=', 'red'),
          ),
        ),
      )
      .execute();
    expect(missing).toEqual([]);
    const handleRed = await db
      .selectFrom('ticket_alert')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('ticket_id', 'in', ids)
      .where('stage', '=', 'handleBy')
      .where('kind', '=', 'red')
      .executeTakeFirstOrThrow();
    expect(handleRed.n).toBe(ORDERS);

    // Exactly once: one reminder slip (event + system supervision) per red alert, per order and stage.
    const red = await db
      .selectFrom('ticket_alert')
      .select(['ticket_id', 'stage'])
      .where('ticket_id', 'in', ids)
      .where('kind', '=', 'red')
      .execute();
    const reminds = await db
      .selectFrom('ticket_event')
      .select(['ticket_id', 'payload'])
      .where('ticket_id', 'in', ids)
      .where('action', '=', 'remind')
      .execute();
    const slips = await db
      .selectFrom('supervision')
      .select(['ticket_id', 'note'])
      .where('ticket_id', 'in', ids)
      .where('mode', '=', 'system')
      .execute();
    const key = (id: number, stage: string) => `${id}/${stage}`;
    const redKeys = red.map((r) => key(r.ticket_id, r.stage)).sort();
    const remindKeys = reminds
      .map((r) => key(r.ticket_id, String((r.payload as { note?: string }).note).split(' ')[0] ?? ''))
      .sort();
    const slipKeys = slips
      .map((s) => key(s.ticket_id, (s.note ?? '').replace(/^催办单：(\S+) 已超期$/, '$1')))
      .sort();
    expect(remindKeys).toEqual(redKeys);
    expect(slipKeys).toEqual(redKeys);
    // And the clerks' own supervision items all landed.
    const manual = await db
      .selectFrom('supervision')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('ticket_id', 'in', ids)
      .where('mode', '!=', 'system')
      .executeTakeFirstOrThrow();
    expect(manual.n).toBe(ORDERS);
  });
});
