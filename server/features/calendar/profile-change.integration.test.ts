import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltInProfile } from '../../domain/policy';
import { tick } from '../../jobs/sla-sweep';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';
import { recomputeForProfileChange } from './calendar.service';

/**
 * A profile change recomputes open orders (SPEC §4.1, DESIGN rule 4). Orders dispatched Mon
 * 2026-11-23 (no holiday until January): under zibo-12345 §11(3) 5 working days → Mon Nov 30;
 * under tianjin-wuqing §19(2) a complaint has 7 working days → Nov 24-27, 30, Dec 1, 2 → Wed Dec 2.
 */
describe('profile change', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
  });
  afterAll(() => t.close());

  it('orders computed under zibo-12345, started under tianjin-wuqing: deadlines follow tianjin-wuqing §19(2), with an event naming it', async () => {
    const rsj = await t.unitId('YC-RSJ');
    const o = await api.create({ ...sampleOrder, type: 'complaint' });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const closed = await api.create({ ...sampleOrder, type: 'complaint' });
    await api.ok('dispatcher', closed.id, 'not-accept', { reason: '不属于受理范围' });
    expect((await api.get(o.id)).deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');

    // The platform starts again with another profile.
    await t.ctx.rulesProvider.useProfile(getBuiltInProfile('tianjin-wuqing'));
    await api.setClock('2026-11-24T08:00:00+08:00');
    const r = await recomputeForProfileChange(t.ctx);
    expect(r.changed).toBeGreaterThanOrEqual(1);

    const after = (await api.get(o.id)) as Awaited<ReturnType<typeof api.get>> & { profileId: string };
    expect(after.deadlines.handleBy).toBe('2026-12-02T23:59:59+08:00');
    expect(after.deadlines.returnBy).toBeUndefined(); // tianjin-wuqing sets no return window
    expect(after.profileId).toBe('tianjin-wuqing');
    const ev = (await api.events(o.id)).filter((e) => e.action === 'recompute-deadlines');
    expect(ev).toHaveLength(1);
    expect(String(ev[0]?.payload.reason)).toContain('tianjin-wuqing');
    expect(String(ev[0]?.payload.reason)).toContain('原为 zibo-12345');
    expect(ev[0]?.payload.changes).toContainEqual({
      stage: 'handleBy',
      old: '2026-11-30T15:59:59.000Z',
      new: '2026-12-02T15:59:59.000Z',
    });
    // A closed order is never rewritten.
    expect((await api.events(closed.id)).some((e) => e.action === 'recompute-deadlines')).toBe(false);

    // Once recomputed, a second start under the same profile changes nothing.
    expect((await recomputeForProfileChange(t.ctx)).changed).toBe(0);

    // The background job does it on its first tick: shanghai-962200 §11(2), 5 working days → Mon Nov 30.
    await t.ctx.rulesProvider.useProfile(getBuiltInProfile('shanghai-962200'));
    await tick(t.ctx);
    expect((await api.get(o.id)).deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    const evs = (await api.events(o.id)).filter((e) => e.action === 'recompute-deadlines');
    expect(evs).toHaveLength(2);
    expect(String(evs[1]?.payload.reason)).toContain('shanghai-962200');
  });
});
