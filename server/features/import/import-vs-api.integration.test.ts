import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { importHistory } from './import-history';

const at = (d: string) => `2026-03-${d}+08:00`;

describe('import and API give the same record', () => {
  it('an order driven over HTTP and the same history imported are alike', async () => {
    const t = await createTestApp({ now: '2026-03-02T09:00:00+08:00' });
    try {
      const api = ticketApi(t);
      const rsj = await t.unitId('YC-RSJ');
      const steps: [string, string, string, Record<string, unknown>][] = [
        ['02T09:30:00', 'dispatcher', 'dispatch', { unitId: rsj }],
        ['02T10:00:00', 'handler', 'accept', {}],
        ['03T10:00:00', 'handler', 'request-extension', { workingDays: 2, reason: '复杂' }],
        ['03T11:00:00', 'dispatcher', 'approve-extension', {}],
        ['10T15:00:00', 'handler', 'reply', { result: '已处理', contacted: true, factual: 'true' }],
        ['10T16:00:00', 'dispatcher', 'approve-reply', {}],
        [
          '11T10:00:00',
          'callback',
          'record-callback',
          {
            reached: true,
            contactedByUnit: true,
            processSatisfaction: 'satisfied',
            resultSatisfaction: 'unsatisfied',
          },
        ],
        ['11T11:00:00', 'handler', 'appeal', { reason: '已依法答复' }],
        ['11T12:00:00', 'callback', 'uphold-appeal', {}],
      ];
      await api.setClock('2026-03-02T09:00:00+08:00');
      const o = await api.create({ ...sampleOrder, receivedAt: '2026-03-02T09:00:00+08:00' });
      for (const [time, user, action, payload] of steps) {
        await api.setClock(at(time));
        await api.ok(user, o.id, action, payload);
      }
      const history = steps.map(([time, , action, payload]) => ({
        at: at(time),
        action,
        payload: action === 'dispatch' ? { unitCode: 'YC-RSJ' } : payload,
      }));
      const r = await importHistory(t.ctx, [
        JSON.stringify({
          ticketNo: 'LEGACY-1',
          receivedAt: '2026-03-02T09:00:00+08:00',
          type: sampleOrder.type,
          category: sampleOrder.category,
          region: sampleOrder.location.region,
          caller: sampleOrder.caller,
          content: sampleOrder.content,
          events: [{ at: '2026-03-02T09:00:00+08:00', action: 'create' }, ...history],
        }),
      ]);
      expect(r.refusals).toEqual([]);
      const db = t.handle.db;
      const imported = await db
        .selectFrom('ticket')
        .selectAll()
        .where('ticket_no', '=', 'LEGACY-1')
        .executeTakeFirstOrThrow();
      const viaApi = await db
        .selectFrom('ticket')
        .selectAll()
        .where('id', '=', o.id)
        .executeTakeFirstOrThrow();
      // The test clock keeps running after each setClock, so API times carry a few milliseconds more: compare to the second.
      const sec = (v: unknown): unknown => (v instanceof Date ? Math.floor(v.getTime() / 1000) : v);
      const strip = <T extends Record<string, unknown>>(x: T, keys: string[]) =>
        Object.fromEntries(
          Object.entries(x)
            .filter(([k]) => !keys.includes(k))
            .map(([k, v]) => [k, sec(v)]),
        );
      const ticketKeys = [
        'id',
        'ticket_no',
        'created_by',
        'created_at',
        'demand',
        'location_address',
        'caller_address',
        'content_tokens',
        'content_vector',
        // A random tracking code is given at intake; imported history has none.
        'tracking_code_hash',
      ];
      expect(strip(imported, ticketKeys)).toEqual(strip(viaApi, ticketKeys));
      const ev = async (id: number) =>
        (
          await db
            .selectFrom('ticket_event')
            .select(['seq', 'at', 'action', 'party', 'payload', 'from_status', 'to_status'])
            .where('ticket_id', '=', id)
            .orderBy('seq')
            .execute()
        )
          .slice(1)
          .map((e) => strip(e, []));
      const evApi = await ev(o.id);
      expect(await ev(imported.id)).toEqual(evApi);
      const dl = async (id: number) =>
        (
          await db
            .selectFrom('ticket_deadline')
            .selectAll()
            .where('ticket_id', '=', id)
            .orderBy('stage')
            .execute()
        ).map((d) => strip(d, ['ticket_id', 'unit_id']));
      expect(await dl(imported.id)).toEqual(await dl(o.id));
      const facts = async (id: number) =>
        (await db.selectFrom('ticket_fact').selectAll().where('ticket_id', '=', id).execute()).map((f) =>
          strip(f, ['ticket_id', 'assignment_id', 'region']),
        );
      const factsApi = await facts(o.id);
      expect(factsApi).toHaveLength(1);
      expect(factsApi[0]).toMatchObject({
        outcome: 'completed',
        on_time: true,
        factual: 'true',
        appeal_upheld: true,
        extensions_approved: 1,
      });
      expect(await facts(imported.id)).toEqual(factsApi);
    } finally {
      await t.close();
    }
  });
});
