import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntryDto } from '../../../common/contracts/enterprises';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import type { DeskOrder } from './enterprise-desk';
import { application, enterpriseApi } from './test-fixture';

/**
 * An order referred to a franchise enterprise and handled on the enterprise's own desk
 * (tianjin-wuqing §35-§37): the agent refers it (approved members only), the enterprise signs in
 * with its own account, sees the citizen's name and phone to contact them (audited), reports
 * back; the callback rates the service and the rating counts in the enterprise's stars.
 * Credit codes by hand (GB 32100-2015), weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
 * 915301020000000053: 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 5·28 = 338; 338 mod 31 = 28;
 * 31 − 28 = 3 → 3. 915301020000000066: 338 − 140 + 6·28 = 366; 366 mod 31 = 25; 31 − 25 = 6 → 6.
 */
const cleaning = {
  ...sampleOrder,
  type: 'help',
  category: '130101',
  content: '家中需要深度保洁，请推荐家政公司。',
};

describe('the franchise enterprise desk (tianjin-wuqing §35-§37)', () => {
  let t: TestApp;
  let api: ReturnType<typeof enterpriseApi>;
  let orders: ReturnType<typeof ticketApi>;
  let member = 0;
  let pending = 0;
  let token = '';
  const desk = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/enterprise-desk/orders',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: DeskOrder[] }>().items;
  };
  const report = (ticketId: number, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/enterprise-desk/orders/${ticketId}/report`,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-12-07T10:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'tianjin-wuqing' },
    });
    api = enterpriseApi(t);
    orders = ticketApi(t);
    member = await api.applyOk(application({ name: '安心家政', creditCode: '915301020000000053' }));
    pending = await api.applyOk(application({ name: '待审家政', creditCode: '915301020000000066' }));
    await api.approve(member);
  });
  afterAll(async () => t.close());

  it('the center opens an account for an approved member only; the account changes its password first', async () => {
    const body = { username: 'anxin', displayName: '安心家政 客服', initialPassword: 'Clean#2026start' };
    expect((await api.post('agent', `/api/enterprises/${member}/accounts`, body)).statusCode).toBe(403);
    expect((await api.post('dispatcher', `/api/enterprises/${pending}/accounts`, body)).statusCode).toBe(409);
    const res = await api.post('dispatcher', `/api/enterprises/${member}/accounts`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await api.post('dispatcher', `/api/enterprises/${member}/accounts`, body)).statusCode).toBe(409);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anxin', password: 'Clean#2026start' },
    });
    expect(login.statusCode, login.body).toBe(200);
    token = login.json<{ token: string }>().token;
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: 'Clean#2026start', newPassword: 'Clean#2026desk!' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anxin', password: 'Clean#2026desk!' },
    });
    token = again.json<{ token: string }>().token;
    expect(await desk()).toEqual([]);
    // The enterprise sees no order of the platform's lists, and no other order.
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/tickets',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    // Other people's desks are refused.
    const handlerDesk = await api.get('handler', '/api/enterprise-desk/orders');
    expect(handlerDesk.statusCode).toBe(403);
  });

  it('referral: only to an approved member, only before dispatch', async () => {
    const o = await orders.create(cleaning);
    const refused = await orders.act('agent', o.id, 'refer-enterprise', { enterpriseId: pending });
    expect(refused.statusCode).toBe(422);
    expect((await orders.get(o.id)).status).toBe('pending_dispatch');
    const done = await orders.ok('agent', o.id, 'refer-enterprise', { enterpriseId: member });
    expect(done.status).toBe('referred');
    expect(done.statusLabel).toBe('企业办理中');
    const dispatched = await orders.create(cleaning);
    await orders.ok('dispatcher', dispatched.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const late = await orders.act('agent', dispatched.id, 'refer-enterprise', { enterpriseId: member });
    expect(late.statusCode).toBe(409);
  });

  it('the enterprise contacts the citizen from its desk and reports back; the callback rates it', async () => {
    const o = await orders.create(cleaning);
    await orders.ok('agent', o.id, 'refer-enterprise', { enterpriseId: member });
    const mine = (await desk()).find((x) => x.ticketId === o.id);
    expect(mine).toMatchObject({
      ticketNo: o.ticketNo,
      status: 'referred',
      callerName: '王小明',
      callerPhone: '13812345678',
      content: '家中需要深度保洁，请推荐家政公司。',
      report: null,
      rating: null,
    });
    // The read of the citizen's contact details is in the audit log.
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('action', '=', 'read-caller')
      .where('actor_username', '=', 'anxin')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);

    // Staff cannot report for the enterprise; the enterprise cannot report an order not its own.
    expect(
      (await orders.act('handler', o.id, 'report-referral', { result: 'x', contacted: true })).statusCode,
    ).toBe(404);
    const other = await orders.create(cleaning);
    expect((await report(other.id, { result: '已上门', contacted: true })).statusCode).toBe(404);
    expect((await report(o.id, { result: '', contacted: true })).statusCode).toBe(400);

    const res = await report(o.id, {
      result: '已电话联系，12月8日上门完成深度保洁。',
      contacted: true,
      price: '300元',
      serviceTime: '2026-12-08 上午',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'pending_callback',
      report: { result: '已电话联系，12月8日上门完成深度保洁。', contacted: true, price: '300元' },
    });
    // Reported once.
    expect((await report(o.id, { result: '再次反馈', contacted: true })).statusCode).toBe(409);

    await orders.ok('callback', o.id, 'record-callback', {
      reached: true,
      contactedByUnit: true,
      resultSatisfaction: 'satisfied',
      processSatisfaction: 'satisfied',
    });
    expect((await orders.get(o.id)).status).toBe('closed');
    expect((await desk()).find((x) => x.ticketId === o.id)?.rating).toBe('satisfied');
    const entry = (await api.directory(''))
      .json<{ items: DirectoryEntryDto[] }>()
      .items.find((e) => e.id === member);
    expect(entry?.rating.ratedOrders).toBe(1);
  });
});
