import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformUnits, replayStored } from '../../test/replay-stored';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importHistory } from './import-history';

/** One history line; `events` use unit codes of the demo city 云川市. */
function line(ticketNo: string, events: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ticketNo,
    receivedAt: '2026-03-02T09:00:00+08:00',
    channel: 'phone',
    type: 'complaint',
    category: '010201',
    region: '东城区',
    urgency: 'normal',
    level: 'city',
    caller: { name: '王小明', phone: '13812345678' },
    content: '公司拖欠工资',
    events,
    ...over,
  });
}

const at = (d: string) => `2026-03-${d}+08:00`;
const closedHistory = [
  { at: at('02T09:30:00'), action: 'dispatch', payload: { unitCode: 'YC-RSJ' } },
  { at: at('02T10:00:00'), action: 'accept' },
  { at: at('02T11:00:00'), action: 'record-contact' },
  { at: at('04T15:00:00'), action: 'reply', payload: { result: '已责令公司支付', contacted: true } },
  { at: at('04T16:00:00'), action: 'approve-reply' },
  {
    at: at('05T10:00:00'),
    action: 'record-callback',
    payload: {
      reached: true,
      contactedByUnit: true,
      processSatisfaction: 'satisfied',
      resultSatisfaction: 'satisfied',
    },
  },
];

describe('civicline import (through the use cases)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-04-01T09:00:00+08:00' });
  });
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.handle.db;
  const ticketByNo = (no: string) =>
    db().selectFrom('ticket').selectAll().where('ticket_no', '=', no).executeTakeFirstOrThrow();
  const eventsOf = (id: number) =>
    db()
      .selectFrom('ticket_event as e')
      .leftJoin('org_unit as u', 'u.id', 'e.actor_unit_id')
      .select(['e.seq', 'e.action', 'e.party', 'e.payload', 'e.to_status', 'e.at', 'u.code as unit'])
      .where('e.ticket_id', '=', id)
      .orderBy('e.seq')
      .execute();

  it('imports a closed order, inferring who acted, and keeps the daily counter ahead', async () => {
    const r = await importHistory(t.ctx, [line('2026030200001', closedHistory)]);
    expect(r).toMatchObject({ imported: 1, skipped: 0, refused: 0 });
    const row = await ticketByNo('2026030200001');
    expect(row.status).toBe('closed');
    expect(row.closed_at?.toISOString()).toBe('2026-03-05T02:00:00.000Z');
    const ev = await eventsOf(row.id);
    expect(ev.map((e) => [e.action, e.party, e.unit])).toEqual([
      ['create', 'agent', 'YC-12345'],
      ['dispatch', 'platform', 'YC-12345'],
      ['accept', 'lead', 'YC-RSJ'],
      ['record-contact', 'lead', 'YC-RSJ'],
      ['reply', 'lead', 'YC-RSJ'],
      ['approve-reply', 'platform', 'YC-12345'],
      ['record-callback', 'callback', 'YC-12345'],
    ]);
    // zibo-12345 (the default profile): 5 WD from Mon Mar 2 → end of Mon Mar 9; the reply on Mar 4 is on time.
    expect(ev[4]?.payload).toMatchObject({ late: false });
    const fact = await db()
      .selectFrom('ticket_fact')
      .selectAll()
      .where('ticket_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(fact).toMatchObject({
      outcome: 'completed',
      on_time: true,
      contacted_by_unit: true,
      period_month: 202603,
    });
    const counter = await db()
      .selectFrom('ticket_counter')
      .select('last_value')
      .where('day', '=', '2026-03-02')
      .executeTakeFirst();
    expect(counter?.last_value).toBeGreaterThanOrEqual(1);
  });

  it('refuses a history the rules do not allow, with its line and event, and imports the other lines', async () => {
    const r = await importHistory(t.ctx, [
      line('2026030200010', closedHistory),
      line('2026030200011', [
        { at: at('02T09:30:00'), action: 'dispatch', payload: { unitCode: 'YC-RSJ' } },
        { at: at('02T10:00:00'), action: 'reply', payload: { result: '已处理', contacted: true } },
      ]),
      '{"ticketNo": "broken"',
      line('2026030200012', [{ at: at('02T09:30:00'), action: 'dispatch', payload: { unitCode: 'YC-RSJ' } }]),
      line('2026030200013', [
        { at: at('02T09:30:00'), action: 'dispatch', payload: { unitCode: 'YC-RSJ' } },
        { at: at('02T09:00:00'), action: 'accept' },
      ]),
    ]);
    expect(r).toMatchObject({ lines: 5, imported: 2, refused: 3 });
    expect(r.refusals.map((x) => [x.line, x.ticketNo, x.event, x.action])).toEqual([
      [2, '2026030200011', 2, 'reply'],
      [3, null, null, null],
      [5, '2026030200013', 2, 'accept'],
    ]);
    expect(r.refusals[0]?.reason).toMatch(/不能执行“答复”.*待签收/);
    // The refused order left nothing behind.
    expect(
      await db()
        .selectFrom('ticket')
        .select('id')
        .where('ticket_no', '=', '2026030200011')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await ticketByNo('2026030200012')).status).toBe('dispatched');
  });

  it('is idempotent by ticketNo: a second import of the same file changes nothing', async () => {
    const file = [line('2026030300001', closedHistory), line('2026030300002', closedHistory.slice(0, 3))];
    const first = await importHistory(t.ctx, file);
    expect(first).toMatchObject({ imported: 2, skipped: 0 });
    const count = async () =>
      Promise.all(
        (
          [
            'ticket',
            'ticket_event',
            'ticket_assignment',
            'ticket_deadline',
            'ticket_fact',
            'org_unit',
          ] as const
        ).map(async (tbl) =>
          Number(
            (
              await db()
                .selectFrom(tbl)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    const second = await importHistory(t.ctx, file);
    expect(second).toMatchObject({ imported: 0, skipped: 2, refused: 0 });
    expect(await count()).toEqual(before);
  });

  it('creates unknown unit codes under the center (kind department) and accepts them in payloads', async () => {
    const r = await importHistory(t.ctx, [
      line('2026030400001', [
        {
          at: at('04T09:30:00'),
          action: 'dispatch',
          payload: { unitCode: 'LEGACY-WSJ', coUnitCodes: ['LEGACY-CGJ'] },
        },
        { at: at('04T10:00:00'), action: 'accept' },
        { at: at('04T10:05:00'), action: 'accept', unitCode: 'LEGACY-CGJ' },
        {
          at: at('04T11:00:00'),
          action: 'request-return',
          payload: { reason: '非本单位职责', basis: '三定方案', suggestedUnitCode: 'LEGACY-SWJ' },
        },
      ]),
    ]);
    expect(r).toMatchObject({ imported: 1, refused: 0 });
    expect(r.unitsCreated).toEqual(['LEGACY-WSJ', 'LEGACY-CGJ', 'LEGACY-SWJ']);
    const center = await t.unitId('YC-12345');
    const unit = await db()
      .selectFrom('org_unit')
      .selectAll()
      .where('code', '=', 'LEGACY-WSJ')
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ kind: 'department', parent_id: center, is_platform: false });
    const row = await ticketByNo('2026030400001');
    expect(row.pending_request).toBe('return');
    const ev = await eventsOf(row.id);
    expect(ev.map((e) => [e.action, e.party, e.unit])).toContainEqual(['accept', 'co', 'LEGACY-CGJ']);
  });

  it('a unit named on a platform or callback event does not make it the actor', async () => {
    const r = await importHistory(t.ctx, [
      line('2026030700001', [
        { at: at('07T09:30:00'), action: 'dispatch', unitCode: 'YC-RSJ' },
        { at: at('07T10:00:00'), action: 'accept', unitCode: 'YC-RSJ' },
        {
          at: at('07T11:00:00'),
          action: 'reply',
          unitCode: 'YC-RSJ',
          payload: { result: '已处理', contacted: true },
        },
        { at: at('07T12:00:00'), action: 'approve-reply', unitCode: 'YC-RSJ' },
        {
          at: at('08T12:00:00'),
          action: 'record-callback',
          unitCode: 'YC-RSJ',
          payload: {
            reached: true,
            contactedByUnit: true,
            processSatisfaction: 'satisfied',
            resultSatisfaction: 'satisfied',
          },
        },
      ]),
    ]);
    expect(r.refusals).toEqual([]);
    const ev = await eventsOf((await ticketByNo('2026030700001')).id);
    expect(ev.slice(1).map((e) => [e.action, e.party, e.unit])).toEqual([
      ['dispatch', 'platform', 'YC-12345'],
      ['accept', 'lead', 'YC-RSJ'],
      ['reply', 'lead', 'YC-RSJ'],
      ['approve-reply', 'platform', 'YC-12345'],
      ['record-callback', 'callback', 'YC-12345'],
    ]);
  });

  it('opens orders as the first event says: direct answer, not accepted, or created and waiting for dispatch', async () => {
    const r = await importHistory(t.ctx, [
      line(
        '2026030500001',
        [{ at: at('05T09:01:00'), action: 'direct-answer', payload: { answer: '可到社保中心办理' } }],
        { type: 'consult' },
      ),
      line('2026030500002', [
        {
          at: at('05T09:01:00'),
          action: 'intake-not-accept',
          payload: { reason: '诉讼中', suggestedChannel: '法院' },
        },
      ]),
      line('2026030500003', []),
      line('2026030500004', [{ at: at('05T09:01:00'), action: 'direct-answer', payload: {} }]),
    ]);
    expect(r).toMatchObject({ imported: 3, refused: 1 });
    expect((await ticketByNo('2026030500001')).status).toBe('answered');
    expect((await ticketByNo('2026030500002')).status).toBe('not_accepted');
    expect((await ticketByNo('2026030500003')).status).toBe('pending_dispatch');
    expect(r.refusals[0]).toMatchObject({ line: 4, event: 1, action: 'direct-answer' });
  });

  it('multi-level dispatch: the district platform re-dispatches to its street; return, extension and redo histories', async () => {
    const r = await importHistory(t.ctx, [
      line('2026030600001', [
        { at: at('06T09:30:00'), action: 'dispatch', payload: { unitCode: 'DC-RX' } },
        {
          at: at('06T10:00:00'),
          action: 'dispatch',
          payload: { unitCode: 'DC-DHJD', coUnitCodes: ['DC-CGJ'] },
        },
        { at: at('06T11:00:00'), action: 'accept' },
        { at: at('09T11:00:00'), action: 'reply', payload: { result: '已取缔', contacted: true } },
        { at: at('09T12:00:00'), action: 'approve-reply' },
      ]),
      line('2026030600002', [
        { at: at('06T09:30:00'), action: 'dispatch', payload: { unitCode: 'YC-RSJ' } },
        {
          at: at('06T10:00:00'),
          action: 'request-return',
          payload: { reason: '物业不归本单位', basis: '物业管理条例' },
        },
        { at: at('06T11:00:00'), action: 'approve-return' },
        { at: at('06T12:00:00'), action: 'dispatch', payload: { unitCode: 'YC-ZJJ' } },
        { at: at('06T13:00:00'), action: 'accept' },
        {
          at: at('09T10:00:00'),
          action: 'request-extension',
          payload: { workingDays: 2, reason: '需现场核查' },
        },
        { at: at('09T11:00:00'), action: 'approve-extension' },
        { at: at('14T11:00:00'), action: 'reply', payload: { result: '已修复', contacted: false } },
        { at: at('14T12:00:00'), action: 'approve-reply' },
        {
          at: at('15T10:00:00'),
          action: 'record-callback',
          payload: {
            reached: true,
            contactedByUnit: false,
            processSatisfaction: 'unsatisfied',
            resultSatisfaction: 'unsatisfied',
          },
        },
        { at: at('15T11:00:00'), action: 'redo', payload: { reason: '未联系诉求人' } },
        { at: at('16T11:00:00'), action: 'reply', payload: { result: '已联系并修复', contacted: true } },
      ]),
    ]);
    expect(r.refusals).toEqual([]);
    const a = await ticketByNo('2026030600001');
    expect(a.status).toBe('pending_callback');
    const evA = await eventsOf(a.id);
    expect(evA.map((e) => [e.action, e.party, e.unit])).toEqual([
      ['create', 'agent', 'YC-12345'],
      ['dispatch', 'platform', 'YC-12345'],
      ['dispatch', 'lead', 'DC-RX'],
      ['accept', 'lead', 'DC-DHJD'],
      ['reply', 'lead', 'DC-DHJD'],
      ['approve-reply', 'platform', 'DC-RX'],
    ]);
    const b = await ticketByNo('2026030600002');
    expect(b.status).toBe('replied');
    const facts = await db()
      .selectFrom('ticket_fact')
      .selectAll()
      .where('ticket_id', '=', b.id)
      .orderBy('assignment_id')
      .execute();
    // RSJ returned it. ZJJ: dispatched Fri Mar 6 → 5 WD (Mar 9-13) → end of Fri Mar 13, extended by 2 WD → end of
    // Tue Mar 17; replied Sat Mar 14, on time; then redone on Sun Mar 15, which restarts the limit: 5 WD (Mar 16-20).
    expect(facts.map((f) => [f.outcome, f.on_time, f.extensions_approved, f.redo_count])).toEqual([
      ['returned', null, 0, 0],
      ['completed', true, 1, 1],
    ]);
    expect(facts[1]?.handle_due_at?.toISOString()).toBe('2026-03-20T15:59:59.000Z');
    expect(facts[1]?.replied_at?.toISOString()).toBe('2026-03-16T03:00:00.000Z'); // the redo's reply awaits review
  });

  it('replay of the imported records reproduces every order’s state', async () => {
    const isPlatformUnit = await platformUnits(db());
    const tickets = await db().selectFrom('ticket').selectAll().execute();
    expect(tickets.length).toBeGreaterThan(8);
    for (const row of tickets) {
      const state = await replayStored(db(), row.id, isPlatformUnit);
      expect(state.status, row.ticket_no).toBe(row.status);
      expect(state.leadUnitId, row.ticket_no).toBe(row.lead_unit_id);
    }
  });
});
