import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { ticketApi } from '../test/ticket-helpers';
import { runSweep } from './sla-sweep';

describe('deadline sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('issues each alert and reminder slip exactly once with two concurrent sweepers', async () => {
    const api = ticketApi(t);
    const rsj = await t.unitId('YC-RSJ');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const o = await api.create();
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
      await api.ok('handler', o.id, 'accept');
      ids.push(o.id);
    }
    // One of them replies in time and must never be reminded.
    await api.ok('handler', ids[0] ?? 0, 'reply', { result: '已办理', contacted: true });

    // Handling deadline: end of Mon Nov 30 (5 WD from Mon Nov 23); red after the end of Tue Dec 1.
    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    const [a, b] = await Promise.all([runSweep(t.ctx, { batchSize: 2 }), runSweep(t.ctx, { batchSize: 2 })]);
    expect(a.reminders + b.reminders).toBe(5);
    expect(a.red + b.red).toBe(5);
    expect(a.yellow + b.yellow).toBe(5);
    const again = await runSweep(t.ctx);
    expect(again).toEqual({ yellow: 0, overdue: 0, red: 0, reminders: 0 });

    const reminds = await t.handle.db
      .selectFrom('ticket_event')
      .select(['ticket_id'])
      .where('action', '=', 'remind')
      .orderBy('ticket_id')
      .execute();
    expect(reminds.map((r) => r.ticket_id)).toEqual(ids.slice(1));
    const slips = await t.handle.db
      .selectFrom('supervision')
      .select('ticket_id')
      .where('mode', '=', 'system')
      .execute();
    expect(slips).toHaveLength(5);
    const replied = await api.get(ids[0] ?? 0);
    expect(replied.light).toBe('green');
  });

  it('finds a line by its earliest boundary not alerted yet (next_alert_at), none once met', async () => {
    const o = await ticketApi(t).create();
    const { stage } = await t.handle.db
      .selectFrom('ticket_deadline')
      .select('stage')
      .where('ticket_id', '=', o.id)
      .orderBy('stage')
      .executeTakeFirstOrThrow();
    const warn = '2026-12-03T17:30:00+08:00';
    const due = '2026-12-04T17:30:00+08:00';
    const red = '2026-12-07T17:30:00+08:00';
    const next = async (set: { alert_level: number; warn_at?: string | null; met_at?: string | null }) => {
      await t.handle.db
        .updateTable('ticket_deadline')
        .set({ warn_at: warn, due_at: due, red_at: red, met_at: null, ...set })
        .where('ticket_id', '=', o.id)
        .where('stage', '=', stage)
        .execute();
      const r = await t.handle.db
        .selectFrom('ticket_deadline')
        .select('next_alert_at')
        .where('ticket_id', '=', o.id)
        .where('stage', '=', stage)
        .executeTakeFirstOrThrow();
      return r.next_alert_at?.toISOString() ?? null;
    };
    const iso = (s: string) => new Date(s).toISOString();
    expect(await next({ alert_level: 0 })).toBe(iso(warn));
    expect(await next({ alert_level: 0, warn_at: null })).toBe(iso(due));
    expect(await next({ alert_level: 1 })).toBe(iso(due));
    expect(await next({ alert_level: 2 })).toBe(iso(red));
    expect(await next({ alert_level: 3 })).toBeNull();
    expect(await next({ alert_level: 0, met_at: '2026-12-01T10:00:00+08:00' })).toBeNull();
  });
});
