import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';

/**
 * Emergency and provincial orders under zibo-12345, expected values by hand:
 * §13: an emergency order's first response within 2 hours of dispatch, its result within the
 * 1-3 working days the dispatcher sets; §11(6): a provincial order is returned within 1 WD;
 * §11(4): a provincial order asks for an extension at least 1 WD before the deadline.
 */
describe('order kinds (zibo-12345)', () => {
  let t: TestApp;
  let api: TicketApi;
  let rsj: number;
  beforeAll(async () => {
    ({ t, api, rsj } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
    // Sign in before any clock is set: the test clock keeps flowing, and a slow sign-in after
    // setting it would move the instants the deadlines are computed from.
    for (const user of ['agent', 'dispatcher', 'handler', 'admin']) await t.as(user);
  });
  afterAll(() => t.close());

  it('an emergency order: response in 2 h, result in the working days the dispatcher sets', async () => {
    await api.setClock('2026-11-27T15:30:00+08:00'); // a Friday afternoon
    const o = await api.create({
      ...sampleOrder,
      type: 'help',
      urgency: 'emergency',
      category: '070101',
      content: '东城区大面积停水，已持续六小时。',
    });
    const d = await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj, emergencyResultDays: 1 });
    expect(d.deadlines.firstContactBy).toBe('2026-11-27T17:30:00+08:00');
    // 1 WD from Fri Nov 27: Mon Nov 30, end of day.
    expect(d.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
  });

  it('an emergency order without a set number of days gets the default 3', async () => {
    await api.setClock('2026-11-27T15:30:00+08:00');
    const o = await api.create({ ...sampleOrder, type: 'help', urgency: 'emergency' });
    const d = await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    // 3 WD from Fri Nov 27: Nov 30, Dec 1, Dec 2.
    expect(d.deadlines.handleBy).toBe('2026-12-02T23:59:59+08:00');
  });

  it('a provincial order: return within 1 WD, extension asked at least 1 WD before the deadline', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create({ ...sampleOrder, level: 'province', channel: 'province' });
    const d = await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    expect(d.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    expect(d.deadlines.returnBy).toBe('2026-11-24T23:59:59+08:00');
    // End of the 1st WD before Mon Nov 30 = end of Fri Nov 27.
    expect(d.deadlines.extensionRequestBy).toBe('2026-11-27T23:59:59+08:00');
    await api.ok('handler', o.id, 'accept');
    await api.setClock('2026-11-28T10:00:00+08:00');
    const late = await api.act('handler', o.id, 'request-extension', {
      workingDays: 2,
      reason: '需协调省级部门',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/已超过延期申请时限/);
  });

  it('a late return is accepted and recorded as late (zibo §11(6): 超期回退的视为超期办理件)', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.setClock('2026-11-26T09:00:00+08:00'); // the city window (2 WD) ended with Wed Nov 25
    await api.ok('handler', o.id, 'request-return', { reason: '非本单位职责', basis: '三定方案' });
    const ev = (await api.events(o.id)).find((e) => e.action === 'request-return');
    expect(ev?.payload).toMatchObject({ late: true });
  });
});
