import { describe, expect, it } from 'vitest';
import { expectReplayReproducesEveryOrder } from '../../test/replay-stored';
import { createTestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * Event replay (decision 0002): every order's stored events, run through the transition table
 * again, give its stored state.
 */
describe('event replay', () => {
  it('reproduces the state of every order created by a full scenario run', async () => {
    const t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    try {
      const api = ticketApi(t);
      const rsj = await t.unitId('YC-RSJ');
      const dc = await t.unitId('DC-RX');
      const street = await t.unitId('DC-DHJD');
      const urban = await t.unitId('DC-CGJ');
      // A spread of histories: closed, returned and re-dispatched, extended, suspended, multi-level.
      const a = await api.create();
      await api.ok('dispatcher', a.id, 'dispatch', { unitId: rsj });
      await api.ok('handler', a.id, 'accept');
      await api.ok('handler', a.id, 'reply', { result: '已处理', contacted: true });
      await api.ok('dispatcher', a.id, 'approve-reply');
      await api.ok('callback', a.id, 'record-callback', { reached: false });
      await api.ok('callback', a.id, 'record-callback', {
        reached: true,
        contactedByUnit: true,
        processSatisfaction: 'satisfied',
        resultSatisfaction: 'satisfied',
      });
      const b = await api.create();
      await api.ok('dispatcher', b.id, 'dispatch', { unitId: rsj });
      await api.ok('handler', b.id, 'request-return', { reason: '非本单位职责', basis: '三定方案' });
      await api.ok('dispatcher', b.id, 'approve-return');
      await api.ok('dispatcher', b.id, 'dispatch', { unitId: dc });
      await api.ok('dispatcher-dc', b.id, 'dispatch', { unitId: street, coUnitIds: [urban] });
      await api.ok('handler-dc', b.id, 'accept');
      const c = await api.create();
      await api.ok('dispatcher', c.id, 'dispatch', { unitId: rsj });
      await api.ok('dispatcher', c.id, 'suspend', { reason: '职责争议' });
      await api.ok('dispatcher', c.id, 'resume');
      await api.ok('handler', c.id, 'accept');
      await api.ok('handler', c.id, 'request-extension', { workingDays: 2, reason: '复杂' });
      await api.create({ ...sampleOrder, disposition: 'direct-answer', answer: '已解答' });

      expect(await expectReplayReproducesEveryOrder(t)).toBe(4);
    } finally {
      await t.close();
    }
  });
});
