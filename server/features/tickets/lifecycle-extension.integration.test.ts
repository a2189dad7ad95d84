import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, ticketApi } from '../../test/ticket-helpers';

/**
 * Extension requests in the lifecycle under the zibo-12345 profile, with the test clock.
 * Expected deadlines are worked out by hand from zibo-12345 §11(3) (5 working days from
 * dispatch) and §11(4) (extensions of at most 5 working days).
 */
describe('work-order lifecycle (zibo-12345): extensions', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  beforeAll(async () => {
    ({ t, api, rsj } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('extension: request → approve moves the deadline by the approved working days after the original deadline day', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    await api.setClock('2026-11-26T10:00:00+08:00');
    const asked = await api.ok('handler', o.id, 'request-extension', {
      workingDays: 3,
      reason: '需现场核查',
    });
    expect(asked.pendingRequest).toBe('extension');
    expect(asked.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    const approved = await api.ok('dispatcher', o.id, 'approve-extension');
    expect(approved.pendingRequest).toBeNull();
    // Original deadline day Mon Nov 30 + 3 WD → Dec 1, 2, 3 → end of Thu Dec 3.
    expect(approved.deadlines.handleBy).toBe('2026-12-03T23:59:59+08:00');
    const ev = await api.events(o.id);
    expect(ev.find((e) => e.action === 'approve-extension')?.payload).toMatchObject({
      workingDays: 3,
      previousHandleBy: '2026-11-30T15:59:59.000Z',
    });
  });

  it('extension beyond zibo §11(4) 5 working days is refused; a rejected one leaves the deadline', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    const tooLong = await api.act('handler', o.id, 'request-extension', { workingDays: 6, reason: '复杂' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json<{ error: { code: string } }>().error.code).toBe('TRANSITION_NOT_ALLOWED');
    await api.ok('handler', o.id, 'request-extension', { workingDays: 2, reason: '复杂' });
    const rejected = await api.ok('dispatcher', o.id, 'reject-extension', { reason: '可按期办结' });
    expect(rejected.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
  });
});
