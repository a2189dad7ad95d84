import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';

/** Merging duplicates (一事一单) under races, cycles and the viewer's scope. */
describe('merge', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp());
  });
  afterAll(() => t.close());

  it('of two crossed merges A→B and B→A exactly one wins; the survivor stays open', async () => {
    for (let round = 0; round < 10; round++) {
      const a = await api.create();
      const b = await api.create();
      const [ab, ba] = await Promise.all([
        api.act('dispatcher', a.id, 'merge', { intoTicketId: b.id }),
        api.act('dispatcher', b.id, 'merge', { intoTicketId: a.id }),
      ]);
      const codes = [ab.statusCode, ba.statusCode].sort();
      expect(codes, `${ab.body} ${ba.body}`).toEqual([200, 409]);
      const [winner, survivor] = ab.statusCode === 200 ? [a, b] : [b, a];
      const merged = await t.handle.db
        .selectFrom('ticket')
        .select(['id', 'status', 'merged_into_id'])
        .where('id', 'in', [a.id, b.id])
        .orderBy('id')
        .execute();
      const byId = new Map(merged.map((r) => [r.id, r]));
      expect(byId.get(winner.id)).toMatchObject({ status: 'merged', merged_into_id: survivor.id });
      expect(byId.get(survivor.id)).toMatchObject({ status: 'pending_dispatch', merged_into_id: null });
    }
  });

  it('refuses a cycle: after A→B, B→A is refused and both keep their state', async () => {
    const a = await api.create();
    const b = await api.create();
    await api.ok('dispatcher', a.id, 'merge', { intoTicketId: b.id });
    const back = await api.act('dispatcher', b.id, 'merge', { intoTicketId: a.id });
    expect(back.statusCode).toBe(409);
    expect(back.json<{ error: { code: string } }>().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await api.get(b.id)).status).toBe('pending_dispatch');
    expect((await api.get(a.id)).status).toBe('merged');
  });

  it('refuses a closed target', async () => {
    const closed = await api.create({
      ...sampleOrder,
      disposition: 'direct-answer',
      answer: '已当场答复政策口径。',
    });
    const dup = await api.create();
    const res = await api.act('dispatcher', dup.id, 'merge', { intoTicketId: closed.id });
    expect(res.statusCode).toBe(409);
    expect((await api.get(dup.id)).status).toBe('pending_dispatch');
  });

  it('a district dispatcher cannot merge into an order outside its scope: answered like a missing one', async () => {
    const cityOrder = await api.create(); // held by the hotline center, not visible to the district
    const own = await api.create(undefined, 'dispatcher-dc');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/tickets/${cityOrder.id}`,
          headers: await t.as('dispatcher-dc'),
        })
      ).statusCode,
    ).toBe(404);

    const missing = await api.act('dispatcher-dc', own.id, 'merge', { intoTicketId: 987_654_321 });
    expect(missing.statusCode).toBe(400);
    const hidden = await api.act('dispatcher-dc', own.id, 'merge', { intoTicketId: cityOrder.id });
    expect(hidden.statusCode).toBe(missing.statusCode);
    expect(hidden.json()).toEqual(missing.json());
    expect(hidden.body).not.toContain(cityOrder.ticketNo);
    expect(hidden.body).not.toContain(String(cityOrder.id));
    expect((await api.get(own.id)).status).toBe('pending_dispatch');
    expect((await api.get(cityOrder.id)).status).toBe('pending_dispatch');

    // Within its scope the same dispatcher merges.
    const own2 = await api.create(undefined, 'dispatcher-dc');
    const ok = await api.ok('dispatcher-dc', own2.id, 'merge', { intoTicketId: own.id });
    expect(ok.status).toBe('merged');
  });
});
