import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { startReceiver } from '../../test/webhook-receiver';
import { deliverWebhooks } from '../webhooks/deliver-webhooks';

/** The exchange endpoints of one installation: orders received, status reports, forwards. */
describe('exchange between installations', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let exchangeKey = '';
  let boundKey = '';
  let unboundKey = '';
  const order = {
    externalNo: '20261120000042',
    type: 'complaint',
    category: '010201',
    content: '小区电梯长期故障无人维修，请求督促物业维修。',
    caller: { name: '李四', phone: '13900001111', confidential: false },
    location: { address: '东城区东湖路18号', region: '东城区' },
  };
  const withKey = (key: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'x-api-key': key, ...headers },
      payload: payload as Record<string, unknown>,
    });
  const newKey = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: await t.as('admin'),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ key: string }>().key;
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    receiver = await startReceiver();
    exchangeKey = await newKey({ name: '市平台', scopes: ['exchange'] });
    boundKey = await newKey({
      name: '住建局平台',
      scopes: ['exchange', 'unit'],
      unitId: await t.unitId('YC-ZJJ'),
    });
    unboundKey = await newKey({ name: '其他平台', scopes: ['exchange', 'cti'] });
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('an order forwarded by the city becomes a local order, once', async () => {
    const bySession = await t.app.inject({
      method: 'POST',
      url: '/api/exchange/orders',
      headers: await t.as('admin'),
      payload: order,
    });
    expect(bySession.statusCode).toBe(403);
    const cti = await newKey({ name: '话务', scopes: ['cti'] });
    expect((await withKey(cti, '/api/exchange/orders', order)).statusCode).toBe(403);
    const res = await withKey(exchangeKey, '/api/exchange/orders', order);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<{ id: number; ticketNo: string; created: boolean }>();
    expect(made.created).toBe(true);
    const again = await withKey(exchangeKey, '/api/exchange/orders', order);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...made, created: false });
    const detail = await ticketApi(t).get(made.id, 'dispatcher');
    expect(detail.status).toBe('pending_dispatch');
    expect(detail.channel).toBe('hotline-12345');
    expect(detail.level).toBe('city');
    expect(detail.caller.name).toBe('李四');
  });

  it('a provincial order gets the provincial limits (zibo-12345 §11(4), §11(6))', async () => {
    const res = await withKey(exchangeKey, '/api/exchange/orders', {
      ...order,
      externalNo: 'SD-2026-000777',
      channel: 'province',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: number }>();
    const api = ticketApi(t);
    const d = await api.ok('dispatcher', id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    expect(d.level).toBe('province');
    // §11(6) provincial: return within 1 WD of the dispatch (Mon 11-23) → end of Tue 11-24.
    expect(d.deadlines.returnBy).toBe('2026-11-24T23:59:59+08:00');
    // §11(4) provincial: extension asked 1 WD before the deadline (Mon 11-30) → end of Fri 11-27.
    expect(d.deadlines.extensionRequestBy).toBe('2026-11-27T23:59:59+08:00');
  });

  it('a unit marked as another installation gets the order forwarded with the dispatch', async () => {
    const zjj = await t.unitId('YC-ZJJ');
    const put = async (user: string, body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/units/${zjj}/exchange`,
        headers: await t.as(user),
        payload: body as Record<string, unknown>,
      });
    const endpoint = receiver.url.replace(/\/hook$/, '');
    expect((await put('dispatcher', { endpoint, apiKey: 'cl_remote-key-123' })).statusCode).toBe(403);
    expect((await put('admin', { endpoint })).statusCode).toBe(400);
    const ok = await put('admin', { endpoint, apiKey: 'cl_remote-key-123' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ unitId: zjj, endpoint, hasApiKey: true });
    const api = ticketApi(t);
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: zjj });
    await deliverWebhooks(t.ctx);
    const forward = receiver.received.find((r) => r.url === '/api/exchange/orders');
    expect(forward?.headers['x-api-key']).toBe('cl_remote-key-123');
    expect(forward?.headers['x-civicline-event']).toBe('exchange.forward');
    expect(JSON.parse(forward?.body ?? '{}')).toMatchObject({
      externalNo: o.ticketNo,
      channel: 'hotline-12345',
      content: sampleOrder.content,
      caller: { name: sampleOrder.caller.name, phone: sampleOrder.caller.phone },
    });
  });

  it('status reports: the key bound to the unit signs for and replies; repeats do nothing', async () => {
    const api = ticketApi(t);
    const zjj = await t.unitId('YC-ZJJ');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: zjj });
    const other = await api.create();
    await api.ok('dispatcher', other.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const report = (action: string, extra: Record<string, unknown> = {}) => ({
      event: `ticket.${action}`,
      action,
      status: 'in_progress',
      occurredAt: '2026-11-23T10:00:00+08:00',
      ticketNo: 'DC-0001',
      ...extra,
    });
    const url = (no: string) => `/api/exchange/orders/${no}/status`;
    const unbound = await withKey(unboundKey, url(o.ticketNo), report('accept'));
    expect(unbound.statusCode).toBe(403);
    expect(unbound.json()).toMatchObject({ error: { code: 'API_KEY_SCOPE' } });
    // Not this unit's order.
    expect((await withKey(boundKey, url(other.ticketNo), report('accept'))).statusCode).toBe(404);
    expect((await withKey(boundKey, url('nope'), report('accept'))).statusCode).toBe(404);
    const d1 = { 'x-civicline-delivery': '7f0c7f4e-0000-4000-8000-000000000001' };
    const accepted = await withKey(boundKey, url(o.ticketNo), report('accept'), d1);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ ticketId: o.id, applied: ['accept'], duplicate: false });
    const repeat = await withKey(boundKey, url(o.ticketNo), report('accept'), d1);
    expect(repeat.json()).toEqual({ ticketId: o.id, applied: [], duplicate: true });
    const replied = await withKey(
      boundKey,
      url(o.ticketNo),
      report('reply', {
        status: 'replied',
        result: '已督促物业更换电梯主板，电梯恢复运行。',
        contacted: true,
      }),
      { 'x-civicline-delivery': '7f0c7f4e-0000-4000-8000-000000000002' },
    );
    expect(replied.json()).toEqual({ ticketId: o.id, applied: ['reply'], duplicate: false });
    const detail = await api.get(o.id, 'dispatcher');
    expect(detail.status).toBe('replied');
    const events = await api.events(o.id);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'dispatch',
      'exchange-progress',
      'accept',
      'exchange-progress',
      'reply',
    ]);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${o.id}/events`,
      headers: await t.as('dispatcher'),
    });
    const progress = listed
      .json<{ action: string; actionLabel: string }[]>()
      .find((e) => e.action === 'exchange-progress');
    expect(progress?.actionLabel).toBe('下级平台进展');
    expect(events.find((e) => e.action === 'reply')?.payload).toMatchObject({
      result: '已督促物业更换电梯主板，电梯恢复运行。',
    });
    // The city goes on as with any unit's reply.
    expect((await api.ok('dispatcher', o.id, 'approve-reply')).status).toBe('pending_callback');
  });
});
