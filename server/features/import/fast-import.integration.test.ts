import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../bench/gen-history';
import type { Db } from '../../platform/db';
import { createTestApp, type TestApp } from '../../test/test-app';
import { makeFastWriter } from './fast/fast-writer';
import { exactWriter, importHistory, type ImportReport } from './import-history';

const at = (d: string) => `2026-03-${d}+08:00`;
function line(ticketNo: string, events: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ticketNo,
    receivedAt: at('02T09:00:00'),
    type: 'complaint',
    category: '010201',
    content: '诉求',
    events,
    ...over,
  });
}
const dispatch = (d: string, unitCode: string, extra: Record<string, unknown> = {}) => ({
  at: at(d),
  action: 'dispatch',
  payload: { unitCode, ...extra },
});

/** Histories the generator does not make: merges, suspensions, reminders, co-handling replies, refusals of every kind. */
const handMade = [
  line('M-1', [dispatch('02T09:10:00', 'YC-RSJ')]),
  line('M-2', [{ at: at('02T09:20:00'), action: 'merge', payload: { intoTicketNo: 'M-1' } }]),
  line('M-3', [{ at: at('02T09:20:00'), action: 'merge', payload: { intoTicketNo: 'NOWHERE' } }]),
  line('S-1', [
    dispatch('02T09:30:00', 'YC-RSJ', { coUnitCodes: ['YC-ZJJ'] }),
    { at: at('02T10:00:00'), action: 'suspend', payload: { reason: '职责争议' } },
    { at: at('05T10:00:00'), action: 'resume' },
    { at: at('05T11:00:00'), action: 'accept' },
    { at: at('05T11:10:00'), action: 'accept', unitCode: 'YC-ZJJ' },
    { at: at('05T12:00:00'), action: 'record-contact', unitCode: 'YC-ZJJ' },
    {
      at: at('06T12:00:00'),
      action: 'reply',
      unitCode: 'YC-ZJJ',
      payload: { result: '协办意见', contacted: true },
    },
    { at: at('16T12:00:00'), action: 'remind' },
    {
      at: at('16T13:00:00'),
      action: 'supervise',
      payload: { trigger: 'overdue', mode: 'phone', respondWithinWorkingDays: 2 },
    },
    {
      at: at('17T12:00:00'),
      action: 'report-progress',
      payload: { progress: '推进中', committedDate: '2026-03-30' },
    },
  ]),
  line('R-1', [
    dispatch('02T09:30:00', 'YC-RSJ'),
    { at: at('02T10:00:00'), action: 'accept' },
    { at: at('02T11:00:00'), action: 'request-extension', payload: { workingDays: 6, reason: '太长' } },
  ]),
  line('R-2', [
    dispatch('02T09:30:00', 'YC-RSJ'),
    { at: at('02T10:00:00'), action: 'accept' },
    { at: at('12T11:00:00'), action: 'request-extension', payload: { workingDays: 2, reason: '太晚' } },
  ]),
  line('R-3', [
    dispatch('02T09:30:00', 'YC-RSJ'),
    { at: at('02T10:00:00'), action: 'accept' },
    { at: at('02T11:00:00'), action: 'record-contact', payload: { at: '2026-03-03T11:00:00+08:00' } },
  ]),
  line('R-4', [
    dispatch('02T09:30:00', 'DC-RX'),
    dispatch('02T09:40:00', 'DC-DHJD'),
    { at: at('02T10:00:00'), action: 'accept', unitCode: 'YC-ZJJ' },
  ]),
  line('R-5', [dispatch('02T09:30:00', 'YC-RSJ'), { at: at('02T10:00:00'), action: 'fly' }]),
  line('R-6', [
    dispatch('02T09:30:00', 'YC-RSJ'),
    { at: at('02T10:00:00'), action: 'reply', payload: { contacted: true } },
  ]),
  line('N-1', [
    {
      at: at('02T09:10:00'),
      action: 'not-accept',
      payload: { reason: '属诉讼事项', suggestedChannel: '法院' },
    },
  ]),
  line('M-1', []),
  '',
  'garbage',
];

async function importBoth(
  lines: string[],
  exact: TestApp,
  fast: TestApp,
): Promise<[ImportReport, ImportReport]> {
  const a = await importHistory(exact.ctx, lines, { writer: exactWriter, batchSize: 37 });
  const b = await importHistory(fast.ctx, lines, {
    writer: makeFastWriter({ chunkOrders: 40 }),
    batchSize: 130,
  });
  return [a, b];
}

/** Every row an import writes, with ids replaced by order numbers and per-order ordinals. */
async function snapshot(db: Db) {
  const tickets = await db.selectFrom('ticket').selectAll().orderBy('ticket_no').execute();
  const noOf = new Map(tickets.map((t) => [t.id, t.ticket_no]));
  const assignments = await db
    .selectFrom('ticket_assignment')
    .selectAll()
    .orderBy('ticket_id')
    .orderBy('id')
    .execute();
  const ordinal = new Map<number, number>();
  const perTicket = new Map<number, number>();
  for (const a of assignments) {
    const n = (perTicket.get(a.ticket_id) ?? 0) + 1;
    perTicket.set(a.ticket_id, n);
    ordinal.set(a.id, n);
  }
  const no = (id: number | null) => (id === null ? null : (noOf.get(id) ?? `?${id}`));
  const drop = <T extends object>(row: T, ...keys: string[]): Record<string, unknown> =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
  const byNo = <T extends { no: string | null }>(rows: T[]) =>
    rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return {
    units: await db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'kind', 'parent_id', 'path'])
      .orderBy('id')
      .execute(),
    counters: await db.selectFrom('ticket_counter').selectAll().orderBy('day').execute(),
    tickets: tickets.map((t): Record<string, unknown> => ({
      ...drop(t, 'id', 'content_vector'),
      merged_into_id: no(t.merged_into_id),
    })),
    assignments: byNo(
      assignments.map((a) => ({
        ...drop(a, 'id', 'ticket_id', 'parent_assignment_id'),
        no: no(a.ticket_id),
        n: ordinal.get(a.id),
        parent: a.parent_assignment_id === null ? null : ordinal.get(a.parent_assignment_id),
      })),
    ),
    events: byNo(
      (await db.selectFrom('ticket_event').selectAll().execute()).map((e) => {
        const p = { ...e.payload };
        if (typeof p.intoTicketId === 'number') p.intoTicketId = no(p.intoTicketId);
        return { ...drop(e, 'id', 'ticket_id', 'payload'), no: no(e.ticket_id), payload: p };
      }),
    ),
    deadlines: byNo(
      (await db.selectFrom('ticket_deadline').selectAll().execute()).map((d) => ({
        ...drop(d, 'ticket_id'),
        no: no(d.ticket_id),
      })),
    ),
    supervisions: byNo(
      (await db.selectFrom('supervision').selectAll().execute()).map((s) => ({
        ...drop(s, 'id', 'ticket_id'),
        no: no(s.ticket_id),
      })),
    ),
    facts: byNo(
      (await db.selectFrom('ticket_fact').selectAll().execute()).map((f) => ({
        ...drop(f, 'ticket_id', 'assignment_id'),
        no: no(f.ticket_id),
        n: ordinal.get(f.assignment_id),
      })),
    ),
  };
}

describe('fast import = import through the use cases', () => {
  let exact: TestApp;
  let fast: TestApp;
  beforeAll(async () => {
    exact = await createTestApp({ now: '2026-04-20T09:00:00+08:00' });
    fast = await createTestApp({ now: '2026-04-20T09:00:00+08:00' });
  });
  afterAll(async () => {
    await exact.close();
    await fast.close();
  });

  it('gives identical rows and refusals on the same file', async () => {
    const generated = [
      ...generateHistory({
        orders: 240,
        from: '2026-03',
        months: 1,
        seed: 21,
        until: new Date('2026-03-28T12:00:00+08:00'),
      }),
    ];
    const lines = [...generated.slice(0, 100), ...handMade, ...generated.slice(100)];
    const [a, b] = await importBoth(lines, exact, fast);
    expect(b.refusals).toEqual(a.refusals);
    expect(a.refusals.map((r) => [r.ticketNo, r.event, r.reason])).toEqual([
      ['M-3', 1, '合并目标工单 NOWHERE 不存在'],
      ['R-1', 3, expect.stringMatching(/^延期不得超过 5 个工作日/)],
      ['R-2', 3, expect.stringMatching(/^已超过延期申请时限/)],
      ['R-3', 3, '联系时间不能晚于当前时间'],
      ['R-4', 3, '单位 YC-ZJJ 不是该工单的承办单位'],
      ['R-5', 2, '未知操作 fly'],
      ['R-6', 2, expect.stringMatching(/（payload\/result）$/)],
      [null, null, '不是合法的 JSON'],
    ]);
    expect({ ...b, seconds: 0, throughUseCases: 0 }).toEqual({ ...a, seconds: 0, throughUseCases: 0 });
    expect(a.throughUseCases).toBe(a.imported);
    expect(b.throughUseCases).toBe(0);
    expect(a.imported).toBeGreaterThan(200);
    const [sa, sb] = [await snapshot(exact.handle.db), await snapshot(fast.handle.db)];
    for (const k of Object.keys(sa) as (keyof typeof sa)[]) expect(sb[k], k).toEqual(sa[k]);
    expect(sa.supervisions.length).toBeGreaterThan(0);
    expect(sa.tickets.find((t) => t.ticket_no === 'M-2')).toMatchObject({
      status: 'merged',
      merged_into_id: 'M-1',
    });

    // A second run changes nothing, on either path.
    const [a2, b2] = await importBoth(lines, exact, fast);
    expect([a2.imported, b2.imported]).toEqual([0, 0]);
    expect(await snapshot(fast.handle.db)).toEqual(sb);
  }, 600_000);
});
