import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReplayReproducesEveryOrder } from '../../test/replay-stored';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * The whole lifecycle over HTTP under the zibo-12345 profile (the default), with the test clock.
 * Expected deadlines are worked out by hand from zibo-12345 §11(3) (5 working days from
 * dispatch) and §12 (lights), with the 2026 holiday schedule.
 */
describe('work-order lifecycle (zibo-12345)', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  let zjj: number;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
    zjj = await t.unitId('YC-ZJJ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('happy path: create → dispatch → accept → contact → reply → approve → callback satisfied → closed', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const created = await api.create();
    expect(created.status).toBe('pending_dispatch');
    expect(created.ticketNo).toMatch(/^20261123\d{5}$/);
    // The agent may merge a duplicate or refer the citizen to a franchise enterprise, not dispatch.
    expect(created.allowedActions).toEqual(['merge', 'refer-enterprise']);

    const dispatched = await api.ok('dispatcher', created.id, 'dispatch', { unitId: rsj });
    expect(dispatched.status).toBe('dispatched');
    // Monday 2026-11-23 09:00 + 5 WD: Nov 24, 25, 26, 27, 30 → end of Monday Nov 30.
    expect(dispatched.deadlines.handleBy).toBe('2026-11-30T23:59:59+08:00');
    expect(dispatched.light).toBe('green');

    const h = await api.get(created.id, 'handler');
    expect(h.allowedActions).toEqual(expect.arrayContaining(['accept', 'request-return']));
    expect(h.allowedActions).not.toContain('reply');

    await api.setClock('2026-11-23T10:00:00+08:00');
    expect((await api.ok('handler', created.id, 'accept')).status).toBe('in_progress');
    expect((await api.ok('handler', created.id, 'record-contact')).status).toBe('in_progress');
    await api.setClock('2026-11-25T15:00:00+08:00');
    const replied = await api.ok('handler', created.id, 'reply', {
      result: '已责令公司三日内支付拖欠工资，公司已承诺。',
      contacted: true,
    });
    expect(replied.status).toBe('replied');
    expect((await api.ok('dispatcher', created.id, 'approve-reply')).status).toBe('pending_callback');
    const closed = await api.ok('callback', created.id, 'record-callback', {
      reached: true,
      contactedByUnit: true,
      processSatisfaction: 'satisfied',
      resultSatisfaction: 'satisfied',
    });
    expect(closed.status).toBe('closed');
    expect(closed.light).toBe('green');
    const ev = await api.events(created.id);
    expect(ev.map((e) => e.action)).toEqual([
      'create',
      'dispatch',
      'accept',
      'record-contact',
      'reply',
      'approve-reply',
      'record-callback',
    ]);
    expect(ev.at(-1)?.toStatus).toBe('closed');
  });

  it('lights follow zibo §12: yellow with one working day left, overdue, red with an automatic reminder slip', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');

    await api.setClock('2026-11-27T15:00:00+08:00'); // Friday: 1 WD (Nov 30) is still ahead after today
    expect((await api.get(o.id)).light).toBe('green');
    await api.setClock('2026-11-28T10:00:00+08:00'); // after the end of Fri Nov 27, the last WD before the deadline's day
    expect((await api.get(o.id)).light).toBe('yellow');
    await api.setClock('2026-12-01T10:00:00+08:00'); // past Mon Nov 30 23:59:59
    expect((await api.get(o.id)).light).toBe('overdue');

    const sweep1 = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sweep',
      headers: await t.as('admin'),
    });
    expect(sweep1.statusCode).toBe(200);
    expect((await api.events(o.id)).filter((e) => e.action === 'remind')).toHaveLength(0);

    await api.setClock('2026-12-02T09:00:00+08:00'); // past the end of Tue Dec 1, the first WD after the deadline's day
    expect((await api.get(o.id)).light).toBe('red');
    await t.app.inject({ method: 'POST', url: '/api/admin/sweep', headers: await t.as('admin') });
    await t.app.inject({ method: 'POST', url: '/api/admin/sweep', headers: await t.as('admin') });
    const reminders = (await api.events(o.id)).filter((e) => e.action === 'remind');
    expect(reminders).toHaveLength(1);
    expect((await api.get(o.id)).status).toBe('in_progress');
  });

  it('a reply stops the clock: a reply before the deadline stays green afterwards', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    await api.setClock('2026-11-26T09:00:00+08:00');
    await api.ok('handler', o.id, 'reply', { result: '已处理', contacted: true });
    await api.setClock('2026-12-10T09:00:00+08:00');
    expect((await api.get(o.id)).light).toBe('green');
  });

  it('return: request → approve → back to the platform → re-dispatch to another unit', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create({
      ...sampleOrder,
      category: '020201',
      content: '小区物业不作为，电梯坏了一周没人修。',
    });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const asked = await api.ok('handler', o.id, 'request-return', {
      reason: '物业管理不属于本单位职责',
      basis: '《物业管理条例》第五条',
      suggestedUnitId: zjj,
    });
    expect(asked.status).toBe('dispatched');
    expect(asked.pendingRequest).toBe('return');
    // While the return waits, the handler cannot also sign for it.
    expect((await api.act('handler', o.id, 'accept')).statusCode).toBe(409);
    const back = await api.ok('dispatcher', o.id, 'approve-return');
    expect(back.status).toBe('pending_dispatch');
    expect(back.leadUnitId).toBeNull();
    // The former unit no longer sees it among its actions.
    expect((await api.get(o.id, 'handler')).allowedActions).toEqual([]);
    await api.setClock('2026-11-24T09:00:00+08:00');
    const re = await api.ok('dispatcher', o.id, 'dispatch', { unitId: zjj });
    expect(re.status).toBe('dispatched');
    // New dispatch on Tue Nov 24 → 5 WD: Nov 25, 26, 27, 30, Dec 1.
    expect(re.deadlines.handleBy).toBe('2026-12-01T23:59:59+08:00');
    expect((await api.ok('handler2', o.id, 'accept')).status).toBe('in_progress');
  });

  it('a rejected return leaves the order with the unit', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'request-return', { reason: '不属于本单位', basis: '三定方案' });
    const kept = await api.ok('dispatcher', o.id, 'reject-return', { reason: '工资拖欠属劳动监察职责' });
    expect(kept.status).toBe('dispatched');
    expect(kept.pendingRequest).toBeNull();
    expect((await api.ok('handler', o.id, 'accept')).status).toBe('in_progress');
  });

  it('redo after an unsatisfied callback, then closed on a satisfied one', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    await api.ok('handler', o.id, 'reply', { result: '已转告公司', contacted: false });
    await api.ok('dispatcher', o.id, 'approve-reply');
    const unsat = await api.ok('callback', o.id, 'record-callback', {
      reached: true,
      contactedByUnit: false,
      processSatisfaction: 'unsatisfied',
      resultSatisfaction: 'unsatisfied',
    });
    expect(unsat.status).toBe('unsatisfied');
    await api.setClock('2026-11-24T09:00:00+08:00');
    const redo = await api.ok('dispatcher', o.id, 'redo', { reason: '单位未联系诉求人' });
    expect(redo.status).toBe('in_progress');
    // The redo gives a fresh handling limit from Tue Nov 24: → end of Tue Dec 1.
    expect(redo.deadlines.handleBy).toBe('2026-12-01T23:59:59+08:00');
    await api.ok('handler', o.id, 'reply', { result: '已督促公司支付工资，诉求人已收到', contacted: true });
    await api.ok('dispatcher', o.id, 'approve-reply');
    const basic = await api.ok('callback', o.id, 'record-callback', {
      reached: true,
      contactedByUnit: true,
      processSatisfaction: 'satisfied',
      resultSatisfaction: 'basically-satisfied',
    });
    // By default only 满意 counts as satisfied (SPEC §3.4).
    expect(basic.status).toBe('unsatisfied');
    const closed = await api.ok('dispatcher', o.id, 'close');
    expect(closed.status).toBe('closed');
  });

  it('appeal of an unsatisfied rating: upheld closes the order, dismissed returns it for judgement', async () => {
    for (const [decision, expected] of [
      ['uphold-appeal', 'closed'],
      ['dismiss-appeal', 'unsatisfied'],
    ] as const) {
      await api.setClock('2026-11-23T09:00:00+08:00');
      const o = await api.create();
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
      await api.ok('handler', o.id, 'accept');
      await api.ok('handler', o.id, 'reply', { result: '已依法处理', contacted: true });
      await api.ok('dispatcher', o.id, 'approve-reply');
      await api.ok('callback', o.id, 'record-callback', {
        reached: true,
        contactedByUnit: true,
        processSatisfaction: 'satisfied',
        resultSatisfaction: 'unsatisfied',
      });
      const appealed = await api.ok('handler', o.id, 'appeal', { reason: '诉求超出法定职责，已依法答复' });
      expect(appealed.status).toBe('appealed');
      expect((await api.ok('callback', o.id, decision)).status).toBe(expected);
    }
  });

  it('multi-level dispatch: city → district sub-platform → street, with a co-handling unit', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create({
      ...sampleOrder,
      type: 'help',
      category: '060102',
      content: '东湖路菜市场门口占道经营严重，影响通行。',
    });
    const dc = await t.unitId('DC-RX');
    const street = await t.unitId('DC-DHJD');
    const urban = await t.unitId('DC-CGJ');
    const toDistrict = await api.ok('dispatcher', o.id, 'dispatch', { unitId: dc });
    expect(toDistrict.status).toBe('dispatched');
    // The district platform re-dispatches; the city dispatcher's own view says it may re-assign.
    const dcView = await api.get(o.id, 'dispatcher-dc');
    expect(dcView.allowedActions).toContain('dispatch');
    expect(dcView.allowedActions).not.toContain('accept');
    const toStreet = await api.ok('dispatcher-dc', o.id, 'dispatch', { unitId: street, coUnitIds: [urban] });
    expect(toStreet.status).toBe('dispatched');
    expect(toStreet.deadlines.handleBy).toBe(toDistrict.deadlines.handleBy); // the clock runs from the city's dispatch
    const active = toStreet.assignments.filter((a) => a.active);
    expect(active.map((a) => [a.unitId, a.role])).toEqual([
      [street, 'lead'],
      [urban, 'co'],
    ]);
    // The district platform may not dispatch outside its district.
    const outside = await api.act('dispatcher-dc', o.id, 'dispatch', { unitId: rsj });
    expect(outside.statusCode).toBe(400);
    expect((await api.ok('handler-dc', o.id, 'accept')).status).toBe('in_progress');
    expect(
      (await api.ok('handler-dc', o.id, 'reply', { result: '已联合城管取缔占道摊点', contacted: true }))
        .status,
    ).toBe('replied');
    // The district platform reviews its unit's reply.
    expect((await api.ok('dispatcher-dc', o.id, 'approve-reply')).status).toBe('pending_callback');
  });

  it('merge: a duplicate is merged into the original before dispatch (一事一单)', async () => {
    const a = await api.create();
    const b = await api.create();
    const merged = await api.ok('dispatcher', b.id, 'merge', { intoTicketId: a.id });
    expect(merged.status).toBe('merged');
    expect((await api.act('dispatcher', b.id, 'dispatch', { unitId: rsj })).statusCode).toBe(409);
    expect((await api.act('dispatcher', a.id, 'merge', { intoTicketId: b.id })).statusCode).toBe(409); // b has ended
    expect((await api.act('dispatcher', a.id, 'merge', { intoTicketId: a.id })).statusCode).toBe(400);
  });

  it('suspension stops the clock while responsibility is ruled on (zibo §16)', async () => {
    await api.setClock('2026-11-23T09:00:00+08:00');
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.setClock('2026-11-24T09:00:00+08:00');
    expect((await api.ok('dispatcher', o.id, 'suspend', { reason: '职责争议，提请编办认定' })).status).toBe(
      'suspended',
    );
    expect((await api.act('handler', o.id, 'accept')).statusCode).toBe(409);
    await api.setClock('2026-12-04T09:00:00+08:00');
    const resumed = await api.ok('dispatcher', o.id, 'resume');
    expect(resumed.status).toBe('dispatched');
    expect(resumed.light).toBe('green');
    expect(Date.parse(resumed.deadlines.handleBy ?? '')).toBeGreaterThan(
      Date.parse('2026-12-04T09:00:00+08:00'),
    );
  });

  it('direct answer and not-accepted at intake', async () => {
    const answered = await api.create({
      ...sampleOrder,
      type: 'consult',
      disposition: 'direct-answer',
      answer: '可携带身份证到社保中心办理。',
    });
    expect(answered.status).toBe('answered');
    const refused = await api.create({
      ...sampleOrder,
      type: 'help',
      disposition: 'not-accepted',
      notAcceptedReason: '属于正在诉讼中的事项',
      suggestedChannel: '人民法院',
    });
    expect(refused.status).toBe('not_accepted');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: await t.as('agent'),
      payload: { ...sampleOrder, disposition: 'direct-answer' },
    });
    expect(missing.statusCode).toBe(400);
  });

  it('supervision and progress reports are recorded without changing the status', async () => {
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', o.id, 'accept');
    expect(
      (
        await api.ok('supervisor', o.id, 'supervise', {
          trigger: 'leader-instruction',
          mode: 'written',
          note: '领导批示',
        })
      ).status,
    ).toBe('in_progress');
    expect(
      (
        await api.ok('handler', o.id, 'report-progress', {
          progress: '已约谈公司负责人',
          committedDate: '2026-12-10',
        })
      ).status,
    ).toBe('in_progress');
    const rows = await t.handle.db
      .selectFrom('supervision')
      .selectAll()
      .where('ticket_id', '=', o.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses actions by the wrong party and invalid payloads', async () => {
    const o = await api.create();
    expect((await api.act('handler', o.id, 'dispatch', { unitId: rsj })).statusCode).toBe(404); // not visible yet
    expect((await api.act('dispatcher', o.id, 'dispatch', {})).statusCode).toBe(400);
    expect((await api.act('dispatcher', o.id, 'fly-away', {})).statusCode).toBe(400);
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const wrong = await api.act('handler2', o.id, 'accept');
    expect(wrong.statusCode).toBe(404); // handler2's unit was never assigned: the order is invisible to it
    const notNow = await api.act('handler', o.id, 'reply', { result: 'x', contacted: true });
    expect(notNow.statusCode).toBe(409);
    expect(notNow.json<{ error: { code: string } }>().error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('two clerks acting at once: exactly one wins, the other gets a conflict', async () => {
    const o = await api.create();
    const results = await Promise.all([
      api.act('dispatcher', o.id, 'dispatch', { unitId: rsj }),
      api.act('dispatcher', o.id, 'not-accept', { reason: '重复诉求' }),
      api.act('dispatcher', o.id, 'merge', { intoTicketId: 1 }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(2);
    const ev = await api.events(o.id);
    expect(ev).toHaveLength(2); // create + the single winner
  });

  it('event replay reproduces the state of every order above', async () => {
    expect(await expectReplayReproducesEveryOrder(t)).toBeGreaterThan(15);
  });
});
