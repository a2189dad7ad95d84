import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../jobs/sla-sweep';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi, type TicketDto } from '../../test/ticket-helpers';

/**
 * Desk lists page by keyset (`cursor` / `nextCursor`) and count up to a cap. Expected orders
 * come from the dispatch times chosen here: the same kind of order dispatched on a later working
 * day is due later, so the to-do by deadline lists them in dispatch order.
 */
interface ListBody {
  items: { id: number; light: string }[];
  total: number;
  totalIsCapped: boolean;
  nextCursor: string | null;
}

let t: TestApp;
let api: ReturnType<typeof ticketApi>;
const mine: TicketDto[] = [];
let coHandled: TicketDto;

async function list(user: string, query: Record<string, string>) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/tickets?${new URLSearchParams(query).toString()}`,
    headers: await t.as(user),
  });
  return res;
}

async function body(user: string, query: Record<string, string>): Promise<ListBody> {
  const res = await list(user, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListBody>();
}

/** Every id of a list, page after page through the cursor. */
async function walk(user: string, query: Record<string, string>, pageSize: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const b = await body(user, { ...query, pageSize: String(pageSize), ...(cursor ? { cursor } : {}) });
    ids.push(...b.items.map((x) => x.id));
    cursor = b.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
  api = ticketApi(t);
  const rsj = await t.unitId('YC-RSJ');
  const zjj = await t.unitId('YC-ZJJ');
  // Monday to Thursday, one order dispatched to 人社局 each working morning.
  for (const day of ['23', '24', '25', '26']) {
    t.clock.set(new Date(`2026-11-${day}T09:00:00+08:00`));
    const o = await api.create(sampleOrder);
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    mine.push(o);
  }
  // Led by 住建局 with 人社局 co-handling, dispatched on the Monday.
  t.clock.set(new Date('2026-11-23T10:00:00+08:00'));
  coHandled = await api.create(sampleOrder);
  await api.ok('dispatcher', coHandled.id, 'dispatch', { unitId: zjj, coUnitIds: [rsj] });
  t.clock.set(new Date('2026-11-26T12:00:00+08:00'));
});
afterAll(async () => t.close());

describe('keyset paging', () => {
  it('the unit to-do by deadline lists its lead and co-handled orders in deadline order', async () => {
    const ids = await walk('handler', { scope: 'todo', sort: 'due' }, 2);
    const ours = ids.filter((id) => [...mine, coHandled].some((o) => o.id === id));
    // co-handled: dispatched Monday 10:00, due after Monday 09:00's order, before Tuesday's.
    expect(ours).toEqual([mine[0]?.id, coHandled.id, mine[1]?.id, mine[2]?.id, mine[3]?.id]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pages by cursor give the same rows as pages by number, for every sort', async () => {
    for (const [user, query] of [
      ['handler', { scope: 'todo', sort: 'due' }],
      ['handler', { scope: 'todo', sort: '-due' }],
      ['dispatcher', { sort: '-received' }],
      ['dispatcher', { sort: 'received' }],
      ['dispatcher', { sort: 'due', status: 'dispatched' }],
      ['handler', { status: 'dispatched' }],
    ] as const) {
      const byCursor = await walk(user, query, 2);
      const all = await body(user, { ...query, pageSize: '200' });
      expect(byCursor, `${user} ${JSON.stringify(query)}`).toEqual(all.items.map((i) => i.id));
      expect(all.nextCursor).toBeNull();
      expect(all.total).toBe(all.items.length);
      const second = await body(user, { ...query, pageSize: '2', page: '2' });
      expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    }
  });

  it('refuses a cursor made for another sort, or not made by the server', async () => {
    const first = await body('dispatcher', { sort: '-received', pageSize: '1' });
    expect(first.nextCursor).not.toBeNull();
    const other = await list('dispatcher', { sort: 'received', cursor: first.nextCursor ?? '' });
    expect(other.statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify(['-received', "x'; drop table ticket; --", 1])).toString(
      'base64url',
    );
    expect((await list('dispatcher', { cursor: forged })).statusCode).toBe(400);
    expect((await list('dispatcher', { cursor: 'not-a-cursor' })).statusCode).toBe(400);
  });
});

describe('the stored light', () => {
  it('the late list holds what the sweep found overdue', async () => {
    const before = await body('supervisor', { light: 'overdue,red', pageSize: '200' });
    expect(before.items.some((i) => i.id === mine[0]?.id)).toBe(false);
    // zibo-12345: a complaint is due within 5 working days (Monday 09:00 → the next Monday).
    t.clock.set(new Date('2026-12-01T12:00:00+08:00'));
    await runSweep(t.ctx);
    const after = await body('supervisor', { light: 'overdue,red', pageSize: '200' });
    const first = after.items.find((i) => i.id === mine[0]?.id);
    expect(first?.light).toMatch(/^(overdue|red)$/);
    const todo = await body('supervisor', { scope: 'todo', pageSize: '200' });
    expect(todo.items.map((i) => i.id)).toEqual(after.items.map((i) => i.id));
  });
});

describe('counts stop at 10,000', () => {
  it('answers 10,000 and capped beyond it, the exact count below it', async () => {
    await sql`
      insert into ticket (ticket_no, status, channel, type, content, profile_id, profile_version,
                          received_at, created_at, updated_at)
      select 'CAP' || g, 'closed', 'phone', 'consult', '咨询', 'zibo-12345', '1',
             timestamptz '2026-10-01 08:00+08' + g * interval '1 minute', now(), now()
      from generate_series(1, 10005) g`.execute(t.ctx.db);
    const all = await body('dispatcher', { pageSize: '5' });
    expect(all).toMatchObject({ total: 10_000, totalIsCapped: true });
    expect(all.items).toHaveLength(5);
    const open = await body('dispatcher', { status: 'dispatched', pageSize: '5' });
    expect(open.totalIsCapped).toBe(false);
    expect(open.total).toBeGreaterThanOrEqual(4);
    expect(open.total).toBeLessThan(100);
  });
});
