import { describe, expect, it } from 'vitest';
import { runSweep } from '../../jobs/sla-sweep';
import { sampleOrder, useTicketApp } from '../../test/ticket-helpers';

/**
 * Dispatch and feedback limits as tracked stages through the API. Expected values by hand from
 * the articles and the 2026 State Council schedule (国庆 Oct 1-7 off, make-up Sat Oct 10).
 */
describe('zibo-12345 dispatch limit', () => {
  const app = useTicketApp({ now: '2026-09-30T10:05:00+08:00' });

  it('zibo-12345 §11(2): received Wed 2026-09-30 → dispatchBy the 1st working day, Thu 2026-10-08 end of day; overdue alerted, met at dispatch', async () => {
    await app.api.setClock('2026-09-30T10:05:00+08:00');
    const late = await app.api.create();
    const onTime = await app.api.create();
    expect(late.deadlines.dispatchBy).toBe('2026-10-08T23:59:59+08:00');

    await app.api.setClock('2026-10-08T15:00:00+08:00');
    await app.api.ok('dispatcher', onTime.id, 'dispatch', { unitId: app.rsj });

    await app.api.setClock('2026-10-09T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await app.api.alerts(late.id, 'dispatchBy')).toEqual(['overdue']);
    expect(await app.api.alerts(onTime.id, 'dispatchBy')).toEqual([]);
    expect(await app.api.stage(late.id, 'dispatchBy')).toMatchObject({
      metAt: null,
      light: 'overdue',
    });
    expect(await app.api.stage(onTime.id, 'dispatchBy')).toMatchObject({
      metAt: '2026-10-08T15:00:00+08:00',
      light: 'green',
    });

    // Met (late): the stage has no light any more; the time it was met tells it was late.
    await app.api.ok('dispatcher', late.id, 'dispatch', { unitId: app.rsj });
    expect(await app.api.stage(late.id, 'dispatchBy')).toMatchObject({
      metAt: '2026-10-09T09:00:00+08:00',
      open: false,
      light: 'green',
    });
  });

  it('zibo-12345 §11(2), §13: an emergency order is dispatched at once: no dispatch stage', async () => {
    await app.api.setClock('2026-09-30T10:05:00+08:00');
    const o = await app.api.create({ ...sampleOrder, urgency: 'emergency' });
    expect(o.deadlines.dispatchBy).toBeUndefined();
  });
});

describe('beijing-miyun feedback limit', () => {
  const app = useTicketApp({ now: '2026-09-28T08:00:00+08:00', profile: 'beijing-miyun' });

  const accepted = () => app.api.accepted(app.rsj, '2026-09-28T08:00:00+08:00', '2026-09-28T09:00:00+08:00');

  it('beijing-miyun §19: accepted Mon 2026-09-28 → feedback within 10 working days (Sep 29, 30, Oct 8, 9, 10, 12-16) → 2026-10-16 end of day; met by a reply that told the caller', async () => {
    const o = await accepted();
    expect(o.deadlines.feedbackBy).toBe('2026-10-16T23:59:59+08:00');
    await app.api.setClock('2026-10-12T10:00:00+08:00');
    await app.api.ok('handler', o.id, 'reply', {
      result: '已协调企业支付拖欠工资，并电话告知来电人。',
      contacted: true,
    });
    expect(await app.api.stage(o.id, 'feedbackBy')).toMatchObject({
      metAt: '2026-10-12T10:00:00+08:00',
      light: 'green',
    });
  });

  it('beijing-miyun §19: a reply that did not tell the caller leaves feedback open; overdue after 2026-10-16 is alerted', async () => {
    const o = await accepted();
    await app.api.setClock('2026-10-12T10:00:00+08:00');
    await app.api.ok('handler', o.id, 'reply', { result: '已协调企业支付拖欠工资。', contacted: false });
    await app.api.setClock('2026-10-17T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await app.api.alerts(o.id, 'feedbackBy')).toEqual(['overdue']);
    expect(await app.api.stage(o.id, 'feedbackBy')).toMatchObject({
      metAt: null,
      light: 'overdue',
    });
  });
});

describe('tianjin-urban return window', () => {
  const app = useTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'tianjin-urban' });

  const signedAt = async (accept: string) => {
    await app.api.setClock('2026-11-23T09:00:00+08:00');
    const o = await app.api.create();
    await app.api.setClock('2026-11-23T09:30:00+08:00');
    await app.api.ok('dispatcher', o.id, 'dispatch', { unitId: app.rsj });
    await app.api.setClock(accept);
    return app.api.ok('handler', o.id, 'accept');
  };
  const returned = async (id: number, at: string) => {
    await app.api.setClock(at);
    await app.api.ok('handler', id, 'request-return', { reason: '不属于本单位职责', basis: '三定方案' });
    return (await app.api.events(id)).find((e) => e.action === 'request-return')?.payload;
  };

  it('tianjin-urban §8(5): signed for 14:00 → return within 8 h of receipt, by 22:00: a return at 21:00 is in time, one at 22:30 late', async () => {
    const o = await signedAt('2026-11-23T14:00:00+08:00');
    expect(o.deadlines.returnBy).toBe('2026-11-23T22:00:00+08:00');
    expect(await returned(o.id, '2026-11-23T21:00:00+08:00')).toMatchObject({ late: false });
    const other = await signedAt('2026-11-23T14:00:00+08:00');
    expect(await returned(other.id, '2026-11-23T22:30:00+08:00')).toMatchObject({ late: true });
  });
});
