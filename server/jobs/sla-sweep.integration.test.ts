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
});
