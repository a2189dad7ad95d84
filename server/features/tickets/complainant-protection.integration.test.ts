import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi, type TicketDto } from '../../test/ticket-helpers';

/**
 * Complainant protection (投诉人保护): the party complained about never learns who complained
 * [zibo-12345 §17; tianjin-wuqing §30(4); beijing-miyun §25(7)].
 */
type Dto = TicketDto & {
  complainedUnitId: number | null;
  complainedUnitName: string | null;
  complainedPerson: string | null;
  content: string;
};
type ListBody = { items: { id: number; caller: Record<string, unknown>; summary: string }[] };

const PHONE = '13812345678';
const NAME = '王小明';
const complaint = {
  ...sampleOrder,
  content: `投诉市人力资源和社会保障局窗口工作人员态度恶劣，来电人${NAME}，联系电话${PHONE}，请核实处理。`,
};

describe('complainant protection', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  let sb: number;
  let zjj: number;
  let order: Dto;

  beforeAll(async () => {
    t = await createTestApp();
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
    sb = await t.unitId('YC-RSJ-SB');
    zjj = await t.unitId('YC-ZJJ');
    // A handler of the sub-unit 社会保险科, signing in with the demo password.
    const handler = await t.handle.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'handler')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('app_user')
      .values({
        username: 'handler-sb',
        display_name: '社保科 陈静',
        password_hash: handler.password_hash,
        role: 'handler',
        unit_id: sb,
      })
      .execute();
    order = await api.create({
      ...complaint,
      complainedUnitId: rsj,
      complainedPerson: '窗口工号 0231',
    });
    await api.ok('dispatcher', order.id, 'dispatch', {
      unitId: sb,
      coUnitIds: [zjj],
      note: '被投诉科室负责该业务，由人社局督促整改',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const raw = async (user: string, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: await t.as(user) });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it('zibo-12345 §17: intake records the unit and the person complained about, shown to the center', async () => {
    const seen = (await api.get(order.id, 'dispatcher')) as Dto;
    expect(seen).toMatchObject({
      complainedUnitId: rsj,
      complainedUnitName: '市人力资源和社会保障局',
      complainedPerson: '窗口工号 0231',
    });
  });

  it('zibo-12345 §17: the complained unit and its sub-unit see neither name nor phone (detail, list, timeline)', async () => {
    for (const user of ['handler', 'unit-leader', 'handler-sb']) {
      const detail = (await api.get(order.id, user)) as Dto;
      expect(detail.caller, `${user} detail`).toMatchObject({
        name: null,
        phone: null,
        address: null,
        masked: true,
      });
      // Free text the unit reads carries neither the name nor any digit of the phone.
      const list = JSON.parse(await raw(user, '/api/tickets?pageSize=200')) as ListBody;
      const item = list.items.find((i) => i.id === order.id);
      expect(item?.caller, `${user} list`).toMatchObject({ name: null, phone: null, address: null });
      const bodies = [
        await raw(user, `/api/tickets/${order.id}`),
        JSON.stringify(item),
        await raw(user, `/api/tickets/${order.id}/events`),
      ];
      for (const body of bodies) {
        expect(body, user).not.toContain(NAME);
        expect(body, user).not.toContain('5678');
        expect(body, user).not.toContain('王*');
      }
    }
  });

  it('tianjin-wuqing §30(4): another unit sees the usual masked form, the center what its role allows', async () => {
    // 住建局 co-handles: while it must contact the citizen it has the phone, the name masked.
    expect((await api.get(order.id, 'handler2')).caller).toMatchObject({
      name: '王**',
      phone: PHONE,
      masked: true,
    });
    const list = JSON.parse(await raw('handler2', '/api/tickets?pageSize=200')) as ListBody;
    expect(list.items.find((i) => i.id === order.id)?.caller).toMatchObject({
      name: '王**',
      phone: '138****5678',
    });
    expect((await api.get(order.id, 'dispatcher')).caller).toMatchObject({
      name: NAME,
      phone: PHONE,
      masked: false,
    });
    expect((await api.get(order.id, 'supervisor')).caller).toMatchObject({
      name: '王**',
      phone: '138****5678',
    });
  });

  it('beijing-miyun §25(7): reveal-caller is refused to the complained unit with 403 and the refusal is audited', async () => {
    for (const user of ['handler', 'handler-sb']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/tickets/${order.id}/reveal-caller`,
        headers: await t.as(user),
        payload: { reason: '需电话联系诉求人' },
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('COMPLAINANT_PROTECTED');
      expect(res.body).not.toContain(PHONE);
      const audited = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'details'])
        .where('actor_username', '=', user)
        .where('action', '=', 'reveal-caller-refused')
        .execute();
      expect(audited, user).toEqual([
        {
          action: 'reveal-caller-refused',
          target_id: String(order.id),
          details: { reason: '需电话联系诉求人', rule: 'complainant-protection' },
        },
      ]);
    }
    // Another unit acting on the order may still reveal it.
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${order.id}/reveal-caller`,
      headers: await t.as('handler2'),
      payload: { reason: '需电话联系诉求人' },
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('zibo-12345 §17: a supervisor’s note naming the complainant reaches the complained unit without the name or phone', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/supervisions',
      headers: await t.as('supervisor'),
      payload: {
        ticketId: order.id,
        trigger: 'leader-instruction',
        note: `请尽快联系来电人${NAME}（${PHONE}）了解情况并整改。`,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const unitView = await raw('handler-sb', `/api/supervisions?ticketId=${order.id}`);
    expect(unitView).not.toContain(PHONE);
    expect(unitView).not.toContain(NAME);
    expect(unitView).toContain('[已隐去]');
    // The center reads the note as it was written.
    expect(await raw('supervisor', `/api/supervisions?ticketId=${order.id}`)).toContain(PHONE);
  });

  it('zibo-12345 §17: the complained unit cannot find the order by the complainant’s phone or name', async () => {
    for (const query of [`phone=${PHONE}`, `q=${encodeURIComponent(NAME)}`, `q=${PHONE}`]) {
      const list = JSON.parse(await raw('handler', `/api/tickets?${query}`)) as ListBody;
      expect(
        list.items.map((i) => i.id),
        query,
      ).not.toContain(order.id);
    }
    // The center still finds it by phone.
    const center = JSON.parse(await raw('dispatcher', `/api/tickets?phone=${PHONE}`)) as ListBody;
    expect(center.items.map((i) => i.id)).toContain(order.id);
  });

  it('zibo-12345 §17: dispatching to the complained unit or its sub-unit needs a recorded reason', async () => {
    const o = await api.create({ ...complaint, complainedUnitId: rsj });
    for (const unitId of [rsj, sb]) {
      const res = await api.act('dispatcher', o.id, 'dispatch', { unitId });
      expect(res.statusCode, res.body).toBe(422);
      const err = res.json<{ error: { code: string; message: string } }>().error;
      expect(err.code).toBe('REASON_REQUIRED');
      expect(err.message).toMatch(/理由/);
    }
    // As a co-handling unit too.
    const co = await api.act('dispatcher', o.id, 'dispatch', { unitId: zjj, coUnitIds: [sb] });
    expect(co.statusCode, co.body).toBe(422);
    expect((await api.get(o.id)).status).toBe('pending_dispatch');
    // Another unit needs none; the complained unit with a reason is accepted and the reason kept.
    const p = await api.create({ ...complaint, complainedUnitId: rsj });
    await api.ok('dispatcher', p.id, 'dispatch', { unitId: zjj });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj, note: '该局为唯一有权处理单位' });
    const ev = (await api.events(o.id)).find((e) => e.action === 'dispatch');
    expect(ev?.payload).toMatchObject({
      unitId: rsj,
      note: '该局为唯一有权处理单位',
      toComplainedUnit: true,
    });
  });

  it('zibo-12345 §17: the center records the party complained about after intake, as an event', async () => {
    const o = await api.create(complaint);
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    expect((await api.get(o.id, 'handler')).caller).toMatchObject({ name: '王**', phone: PHONE });
    expect((await api.act('agent', o.id, 'update', { complainedUnitId: rsj })).statusCode).toBe(409);
    expect((await api.act('handler', o.id, 'update', { complainedUnitId: rsj })).statusCode).toBe(409);
    expect((await api.act('dispatcher', o.id, 'update', {})).statusCode).toBe(400);
    const center = await t.unitId('YC-12345');
    expect((await api.act('dispatcher', o.id, 'update', { complainedUnitId: center })).statusCode).toBe(400);
    const updated = (await api.ok('dispatcher', o.id, 'update', {
      complainedUnitId: rsj,
      complainedPerson: '科员 赵某',
      note: '回访时来电人补充了被投诉单位',
    })) as Dto;
    expect(updated).toMatchObject({
      complainedUnitId: rsj,
      complainedPerson: '科员 赵某',
      status: 'dispatched',
    });
    const ev = (await api.events(o.id)).find((e) => e.action === 'update');
    expect(ev?.payload).toMatchObject({
      complainedUnitId: rsj,
      complainedPerson: '科员 赵某',
      previous: { complainedUnitId: null, complainedPerson: null },
    });
    expect((await api.get(o.id, 'handler')).caller).toMatchObject({ name: null, phone: null });
    // Cleared again, the unit's usual view returns.
    await api.ok('dispatcher', o.id, 'update', { complainedUnitId: null, complainedPerson: null });
    expect((await api.get(o.id, 'handler')).caller).toMatchObject({ name: '王**', phone: PHONE });
  });

  it('tianjin-wuqing §30(4): a list returning unmasked caller data writes one audit entry per request', async () => {
    const count = async () =>
      (await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'list-caller').execute())
        .length;
    const before = await count();
    const body = JSON.parse(
      await raw('dispatcher', '/api/tickets?pageSize=200&type=complaint'),
    ) as ListBody & { total: number };
    const unmasked = body.items.filter((i) => i.caller.masked === false).map((i) => i.id);
    expect(unmasked.length).toBeGreaterThan(0);
    expect(await count()).toBe(before + 1);
    const row = await t.handle.db
      .selectFrom('audit_log')
      .select(['actor_username', 'target_type', 'details'])
      .where('action', '=', 'list-caller')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_username).toBe('dispatcher');
    expect(row.target_type).toBe('ticket-list');
    const details = row.details as { count: number; ids: number[]; query: Record<string, unknown> };
    expect(details.count).toBe(unmasked.length);
    expect([...details.ids].sort((a, b) => a - b)).toEqual([...unmasked].sort((a, b) => a - b));
    expect(details.query).toMatchObject({ type: 'complaint' });
    // A masked list (supervisor) and a unit's list write none.
    await raw('supervisor', '/api/tickets?pageSize=200');
    await raw('handler', '/api/tickets?pageSize=200');
    expect(await count()).toBe(before + 1);
  });
});
