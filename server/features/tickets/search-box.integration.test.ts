import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi, type TicketDto } from '../../test/ticket-helpers';

/**
 * 工单查询's one search box: the most common follow-up call is "我上周反映的事怎么样了", and the
 * clerk has the caller's phone, its last four digits or the caller's name, or the words of the
 * matter. Expected hits are the orders made here by hand.
 */
let t: TestApp;
let api: ReturnType<typeof ticketApi>;
let manhole: TicketDto;
let wages: TicketDto;
let noise: TicketDto;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
  api = ticketApi(t);
  for (const user of ['agent', 'dispatcher', 'handler', 'handler2', 'supervisor']) await t.as(user);
  manhole = await api.create({
    ...sampleOrder,
    type: 'help',
    category: '060101',
    caller: { name: '王小明', phone: '13812345678', confidential: false },
    location: { address: '东城区东湖路18号', region: '东城区' },
    content: '东湖路18号门口井盖缺失，晚上很危险，请尽快处理。',
    demand: '尽快补装井盖',
  });
  wages = await api.create({
    ...sampleOrder,
    caller: { name: '李秀英', phone: '13955556666', confidential: false },
    location: { address: '西城区新华街', region: '西城区' },
    content: '公司拖欠三个月工资共计两万元，多次讨要无果。',
    demand: '要求支付工资',
  });
  t.clock.set(new Date('2026-11-25T10:00:00+08:00'));
  noise = await api.create({
    ...sampleOrder,
    type: 'complaint',
    caller: { name: '赵强', phone: '13700001234', confidential: false },
    location: { address: '东城区东湖小区', region: '东城区' },
    content: '小区旁工地夜间施工噪音扰民，持续到凌晨两点。',
    demand: '停止夜间施工',
  });
  await api.ok('dispatcher', wages.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
});
afterAll(async () => t.close());

async function search(user: string, query: Record<string, string>): Promise<number[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/tickets?${new URLSearchParams({ pageSize: '100', ...query }).toString()}`,
    headers: await t.as(user),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ items: { id: number }[] }>()
    .items.map((i) => i.id)
    .sort((a, b) => a - b);
}

describe('the search box for those who may see callers', () => {
  it.each([
    ['the full phone', '13812345678'],
    ['the phone as dictated', '138 1234 5678'],
    ['the last four digits', '5678'],
    ['the caller name', '王小明'],
    ['content words', '井盖 缺失'],
  ])('%s finds the order', async (_what, q) => {
    expect(await search('agent', { q })).toEqual([manhole.id]);
  });

  it('words of a compound are found apart in the content (拖欠工资 in 拖欠三个月工资)', async () => {
    expect(await search('agent', { q: '拖欠工资' })).toEqual([wages.id]);
  });

  it('the order number', async () => {
    expect(await search('agent', { q: noise.ticketNo })).toEqual([noise.id]);
  });
});

describe('units search content, never callers', () => {
  it('a handler finds its order by words, not by the caller’s phone, name or last digits', async () => {
    expect(await search('handler', { q: '拖欠工资' })).toEqual([wages.id]);
    expect(await search('handler', { q: '13955556666' })).toEqual([]);
    expect(await search('handler', { q: '6666' })).toEqual([]);
    expect(await search('handler', { q: '李秀英' })).toEqual([]);
  });
});

describe('filters', () => {
  it('by the day received, in the service time zone', async () => {
    expect(await search('agent', { receivedFrom: '2026-11-24' })).toEqual([noise.id]);
    expect(await search('agent', { receivedTo: '2026-11-23' })).toEqual([manhole.id, wages.id]);
    expect(await search('agent', { receivedFrom: '2026-11-23', receivedTo: '2026-11-25' })).toEqual(
      [manhole.id, wages.id, noise.id].sort((a, b) => a - b),
    );
  });

  it('by district and lead unit, combined with the search box', async () => {
    expect(await search('agent', { region: '东城区' })).toEqual([manhole.id, noise.id]);
    expect(await search('agent', { region: '东城区', q: '噪音' })).toEqual([noise.id]);
    expect(await search('agent', { leadUnitId: String(await t.unitId('YC-RSJ')) })).toEqual([wages.id]);
  });

  it('a malformed day is refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/tickets?receivedFrom=2026-13-01',
      headers: await t.as('agent'),
    });
    expect(res.statusCode).toBe(400);
  });
});
