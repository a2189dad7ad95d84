import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionDto } from '../../../common/contracts/supervision';
import { runSweep } from '../../jobs/sla-sweep';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';

/**
 * Supervision (督办) as records the supervised unit answers: zibo-12345 §12, §15;
 * tianjin-wuqing §23-§24; shanghai-962200 §12. Answer times are computed by hand: none of the
 * regulations sets one, so the platform default is the end of the 3rd working day after the
 * supervision (server/domain/supervision/supervision-rules.ts); November-December 2026 has no
 * public holiday.
 */
type List = { items: SupervisionDto[]; total: number; page: number; pageSize: number };

describe('supervision records (zibo-12345)', () => {
  let t: TestApp;
  let api: TicketApi;
  let rsj: number;
  beforeAll(async () => {
    ({ t, api, rsj } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
  });
  afterAll(() => t.close());

  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const list = async (user: string, query = '') => {
    const res = await get(user, `/api/supervisions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<List>();
  };
  const respond = async (user: string, id: number, text = '已约谈企业负责人，责令三日内整改并书面报告。') =>
    t.app.inject({
      method: 'POST',
      url: `/api/supervisions/${id}/respond`,
      headers: await t.as(user),
      payload: { text },
    });
  const dispatchedOrder = async (body: Record<string, unknown> = sampleOrder) => {
    const o = await api.create(body);
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    return o;
  };

  let supervised: SupervisionDto;

  it('zibo-12345 §15: a manual supervision records the lead unit, the office and a due time', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await dispatchedOrder();
    await api.ok('supervisor', o.id, 'supervise', { trigger: 'overdue', mode: 'phone', note: '请加快办理' });
    const { items } = await list('supervisor', `?ticketId=${o.id}`);
    expect(items).toHaveLength(1);
    supervised = items[0] as SupervisionDto;
    expect(supervised).toMatchObject({
      ticketId: o.id,
      ticketNo: o.ticketNo,
      trigger: 'overdue',
      mode: 'phone',
      reason: '请加快办理',
      office: '市政府市民投诉中心',
      unitId: rsj,
      unitName: '市人力资源和社会保障局',
      // Mon 23 Nov 09:00 + 3 working days: 24, 25, 26 → end of Thu 26 Nov.
      dueAt: '2026-11-26T23:59:59+08:00',
      response: null,
      respondedAt: null,
      status: 'open',
      light: 'green',
    });
    // The test clock runs on from where it is set.
    expect(supervised.createdAt).toMatch(/^2026-11-23T09:0\d:\d\d\+08:00$/);
    expect(supervised.createdBy?.id).toBeGreaterThan(0);
  });

  it('shanghai-962200 §12 scope: the supervised unit sees its own supervisions, another unit none, the center all', async () => {
    const own = await list('handler');
    expect(own.items.map((s) => s.id)).toContain(supervised.id);
    const other = await list('handler2');
    expect(other.items).toEqual([]);
    expect(other.total).toBe(0);
    const center = await list('leader', `?unitId=${rsj}`);
    expect(center.items.map((s) => s.id)).toContain(supervised.id);
    const zjj = await t.unitId('YC-ZJJ');
    expect((await list('leader', `?unitId=${zjj}`)).items).toEqual([]);
  });

  it('shanghai-962200 §12: another unit cannot answer (404), the center cannot answer for the unit (403)', async () => {
    const other = await respond('handler2', supervised.id);
    expect(other.statusCode, other.body).toBe(404);
    const center = await respond('dispatcher', supervised.id);
    expect(center.statusCode, center.body).toBe(403);
  });

  it('shanghai-962200 §12: the unit answers in writing once, recorded on the order; a second answer is 409', async () => {
    await api.setClock('2026-11-25T10:00:00+08:00');
    const res = await respond('handler', supervised.id);
    expect(res.statusCode, res.body).toBe(200);
    const answered = res.json<SupervisionDto>();
    expect(answered).toMatchObject({
      status: 'answered',
      response: '已约谈企业负责人，责令三日内整改并书面报告。',
      late: false,
      light: 'green',
    });
    expect(answered.respondedAt).toMatch(/^2026-11-25T10:0\d:\d\d\+08:00$/);
    expect(answered.respondedBy?.name).toBeTruthy();
    const events = await api.events(supervised.ticketId);
    const last = events.at(-1);
    expect(last?.action).toBe('respond-supervision');
    expect(last?.payload).toMatchObject({ supervisionId: supervised.id, late: false });
    expect(last?.fromStatus).toBe(last?.toStatus);

    const again = await respond('unit-leader', supervised.id, '补充说明');
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
  });

  it('tianjin-wuqing §24: a late answer is accepted and recorded late', async () => {
    await api.setClock('2026-11-23T11:00:00+08:00');
    const o = await dispatchedOrder();
    await api.ok('supervisor', o.id, 'supervise', { trigger: 'other', respondWithinWorkingDays: 1 });
    const [s] = (await list('handler', `?ticketId=${o.id}`)).items;
    // Mon 23 Nov + 1 working day → end of Tue 24 Nov.
    expect(s?.dueAt).toBe('2026-11-24T23:59:59+08:00');
    await api.setClock('2026-11-25T09:30:00+08:00');
    expect((await list('handler', `?ticketId=${o.id}&status=overdue`)).items.map((x) => x.id)).toEqual([
      s?.id,
    ]);
    const res = await respond('handler', s?.id ?? 0);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered', late: true, light: 'red' });
  });

  it('tianjin-wuqing §23(1): a leader instruction (批示) is recorded with its due time; other roles may not', async () => {
    await api.setClock('2026-11-26T09:00:00+08:00');
    const o = await dispatchedOrder();
    const post = async (user: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/supervisions', headers: await t.as(user), payload: body });
    const withDue = await post('leader', {
      ticketId: o.id,
      trigger: 'leader-instruction',
      note: '请人社局主要负责人亲自过问，11月30日前书面报告',
      dueAt: '2026-11-30T18:00:00+08:00',
    });
    expect(withDue.statusCode, withDue.body).toBe(201);
    expect(withDue.json()).toMatchObject({
      trigger: 'leader-instruction',
      reason: '请人社局主要负责人亲自过问，11月30日前书面报告',
      unitId: rsj,
      dueAt: '2026-11-30T18:00:00+08:00',
      office: '市政府市民投诉中心',
      status: 'open',
    });
    const byDefault = await post('supervisor', {
      ticketId: o.id,
      trigger: 'leader-instruction',
      note: '批示督办',
    });
    expect(byDefault.statusCode, byDefault.body).toBe(201);
    // Thu 26 Nov + 3 working days: 27, 30 Nov, 1 Dec → end of Tue 1 Dec.
    expect(byDefault.json()).toMatchObject({ dueAt: '2026-12-01T23:59:59+08:00' });
    expect(
      (await post('agent', { ticketId: o.id, trigger: 'leader-instruction', note: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await post('handler', { ticketId: o.id, trigger: 'leader-instruction', note: 'x' })).statusCode,
    ).toBe(403);
    const events = await api.events(o.id);
    expect(events.filter((e) => e.action === 'supervise')).toHaveLength(2);
  });

  it('zibo-12345 §15(2): a call about a matter closed within 30 days supervises the unit that closed it', async () => {
    await api.setClock('2026-11-23T14:00:00+08:00');
    const matter = { ...sampleOrder, caller: { ...sampleOrder.caller, phone: '13900001111' } };
    const first = await dispatchedOrder(matter);
    await api.ok('handler', first.id, 'reply', { result: '已责令公司支付工资', contacted: true });
    await api.ok('dispatcher', first.id, 'approve-reply');
    const closed = await api.ok('callback', first.id, 'record-callback', {
      reached: true,
      contactedByUnit: true,
      processSatisfaction: 'satisfied',
      resultSatisfaction: 'satisfied',
    });
    expect(closed.status).toBe('closed');
    expect((await list('supervisor', `?ticketId=${first.id}`)).items).toEqual([]);
    // Another caller about the same category: no repeat.
    await api.create({ ...matter, caller: { ...matter.caller, phone: '13900002222' } });
    expect((await list('supervisor', `?ticketId=${first.id}`)).items).toEqual([]);

    await api.setClock('2026-11-27T09:00:00+08:00');
    const again = await api.create(matter);
    const { items } = await list('handler', `?ticketId=${first.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      trigger: 'repeat-complaint',
      mode: 'system',
      unitId: rsj,
      office: '市政府市民投诉中心',
      // Fri 27 Nov + 3 working days: 30 Nov, 1, 2 Dec → end of Wed 2 Dec.
      dueAt: '2026-12-02T23:59:59+08:00',
    });
    expect(items[0]?.reason).toContain(again.ticketNo);
    // A third call while that one is unanswered adds no second supervision.
    await api.create(matter);
    expect((await list('handler', `?ticketId=${first.id}`)).items).toHaveLength(1);
  });

  it('zibo-12345 §12: the reminder slip of the sweep is a visible supervision with its unit and due time', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await dispatchedOrder();
    // Handling deadline end of Mon 30 Nov (5 WD); red after the end of Tue 1 Dec.
    await api.setClock('2026-12-02T09:00:00+08:00');
    await runSweep(t.ctx);
    const { items } = await list('handler', `?ticketId=${o.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      trigger: 'overdue',
      mode: 'system',
      unitId: rsj,
      unitName: '市人力资源和社会保障局',
      createdBy: null,
      // Wed 2 Dec + 3 working days: 3, 4, 7 Dec → end of Mon 7 Dec.
      dueAt: '2026-12-07T23:59:59+08:00',
      status: 'open',
    });
  });

  it('tianjin-wuqing §24: units that leave supervisions unanswered past their due time are named', async () => {
    // As of 2 Dec 09:00: due in November — the first (answered on time), the second (late), the
    // two leader instructions (due 30 Nov 18:00, open; due 1 Dec, open → the latter is in December).
    const res = await get('leader', '/api/supervisions/ignored?period=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: { unitId: number; due: number; ignored: number; late: number }[] }>();
    expect(body.items).toEqual([
      expect.objectContaining({
        unitId: rsj,
        unitName: '市人力资源和社会保障局',
        due: 3,
        ignored: 1,
        late: 1,
      }),
    ]);
    const zjjView = await get('handler2', '/api/supervisions/ignored?period=2026-11');
    expect(zjjView.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await get('leader', '/api/supervisions/ignored?period=2026-13')).statusCode).toBe(400);
  });

  it('lists open ones first and pages', async () => {
    const page = await list('supervisor', '?pageSize=2&page=1');
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.items).toHaveLength(2);
    expect(page.items.every((s) => s.status !== 'answered')).toBe(true);
    const answered = await list('supervisor', '?status=answered');
    expect(answered.items.every((s) => s.respondedAt !== null)).toBe(true);
    expect(answered.total).toBe(2);
  });
});

describe('supervision records (shanghai-962200)', () => {
  let t: TestApp;
  let api: TicketApi;
  let rsj: number;
  beforeAll(async () => {
    ({ t, api, rsj } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'shanghai-962200' }));
  });
  afterAll(() => t.close());

  it('shanghai-962200 §12: items 1-3 the management office, 4-5 the bureau office; only its modes', async () => {
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('supervisor', o.id, 'supervise', { trigger: 'flawed-procedure', mode: 'written' });
    await api.ok('supervisor', o.id, 'supervise', { trigger: 'upper-platform', mode: 'on-site' });
    const refused = await api.act('supervisor', o.id, 'supervise', { trigger: 'overdue', mode: 'system' });
    expect(refused.statusCode, refused.body).toBe(422);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/supervisions?ticketId=${o.id}`,
      headers: await t.as('supervisor'),
    });
    const offices = Object.fromEntries(res.json<List>().items.map((s) => [s.trigger, s.office]));
    expect(offices).toEqual({ 'flawed-procedure': '管理办公室', 'upper-platform': '市局办公室' });
  });
});
