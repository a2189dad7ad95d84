import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationDto,
  PublicServiceNumberDto,
  ReviewDto,
  ServiceNumberDto,
} from '../../../common/contracts/service-numbers';
import { createTestApp, type TestApp } from '../../test/test-app';
import { numberOpening } from '../../test/service-number-fixture';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * The registry of service numbers through the HTTP API with the test clock (beijing-miyun
 * §9-§12). Dates by hand: applied on 7 December 2026, 45 natural days later is 21 January 2027
 * (24 days to 31 December, 21 in January); 44 days is 20 January.
 */
const opening = numberOpening;

function api(t: TestApp) {
  const post = async (user: string | null, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: user ? await t.as(user) : {}, payload });
  const get = async (user: string | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: user ? await t.as(user) : {} });
  async function apply(user: string, body: Record<string, unknown>): Promise<number> {
    const res = await post(user, '/api/service-numbers/applications', body);
    expect(res.statusCode, res.body).toBe(201);
    const json = res.json<{ id: number; status: string }>();
    expect(json.status).toBe('pending');
    return json.id;
  }
  async function approve(id: number, user = 'dispatcher'): Promise<ApplicationDto> {
    const res = await post(user, `/api/service-numbers/applications/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ApplicationDto>();
  }
  async function published(): Promise<PublicServiceNumberDto[]> {
    const res = await get(null, '/api/public/service-numbers');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: PublicServiceNumberDto[] }>().items;
  }
  async function registry(user: string): Promise<ServiceNumberDto[]> {
    const res = await get(user, '/api/service-numbers');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ServiceNumberDto[] }>().items;
  }
  return { post, get, apply, approve, published, registry };
}

describe('service-number registry', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  let rsj: number;
  let zjj: number;
  let numberId = 0;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00' });
    a = api(t);
    rsj = await t.unitId('YC-RSJ');
    zjj = await t.unitId('YC-ZJJ');
  });
  afterAll(async () => t.close());

  it('§11: an effective date less than 45 natural days after the application is refused', async () => {
    const res = await a.post('unit-leader', '/api/service-numbers/applications', {
      ...opening,
      unitId: rsj,
      effectiveDate: '2027-01-20',
    });
    expect(res.statusCode).toBe(422);
    const err = res.json<{ error: { code: string; details: { earliest: string } } }>().error;
    expect(err.code).toBe('NOTICE_TOO_SHORT');
    expect(err.details.earliest).toBe('2027-01-21');
  });

  it('only the unit’s leader or the center applies; a unit never for another unit', async () => {
    const body = { ...opening, unitId: rsj, effectiveDate: '2027-01-21' };
    expect((await a.post('handler', '/api/service-numbers/applications', body)).statusCode).toBe(403);
    const other = { ...body, unitId: zjj };
    expect((await a.post('unit-leader', '/api/service-numbers/applications', other)).statusCode).toBe(403);
  });

  it('the unit applies 45 days ahead, the center approves; the number is published from its effective date', async () => {
    const id = await a.apply('unit-leader', { ...opening, unitId: rsj, effectiveDate: '2027-01-21' });
    // The applying unit never approves its own application.
    const own = await a.post('unit-leader', `/api/service-numbers/applications/${id}/approve`, {});
    expect(own.statusCode).toBe(403);
    const queue = await a.get('dispatcher', '/api/service-numbers/applications?status=pending');
    expect(queue.json<{ items: ApplicationDto[] }>().items.map((x) => x.id)).toContain(id);

    const approved = await a.approve(id);
    expect(approved.status).toBe('approved');
    expect(approved.serviceNumberId).not.toBeNull();
    numberId = approved.serviceNumberId ?? 0;
    // Approved, but not yet in force.
    expect((await a.published()).map((n) => n.id)).not.toContain(numberId);
    const mine = (await a.registry('unit-leader')).find((n) => n.id === numberId);
    expect(mine?.state).toBe('scheduled');

    t.clock.set(new Date('2027-01-20T23:59:00+08:00'));
    expect((await a.published()).map((n) => n.id)).not.toContain(numberId);
    t.clock.set(new Date('2027-01-21T00:00:00+08:00'));
    const shown = (await a.published()).find((n) => n.id === numberId);
    expect(shown).toEqual({
      id: numberId,
      number: '0871-65128800',
      name: '社保咨询服务电话',
      unitName: '市人力资源和社会保障局',
      kind: 'service',
      dutyHours: '工作日 8:30-17:30',
      duties: '社会保险政策咨询、投诉',
    });
  });

  it('a decided application cannot be decided again; the applicant never decides its own', async () => {
    const id = await a.apply('admin', {
      ...opening,
      number: '0871-96106',
      name: '住建服务热线',
      unitId: zjj,
      effectiveDate: '2027-03-07',
    });
    expect((await a.post('admin', `/api/service-numbers/applications/${id}/approve`, {})).statusCode).toBe(
      403,
    );
    // Rejected with a reason (a reason is required).
    expect(
      (await a.post('dispatcher', `/api/service-numbers/applications/${id}/reject`, {})).statusCode,
    ).toBe(400);
    const res = await a.post('dispatcher', `/api/service-numbers/applications/${id}/reject`, {
      note: '号码与已公布号码重复',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '号码与已公布号码重复' });
    const twice = await a.post('dispatcher', `/api/service-numbers/applications/${id}/approve`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('a change keeps the history and takes over on its date; one pending application per number', async () => {
    // Now 21 January 2027: 45 days later is 7 March 2027 (10 days to 31 January, 28 in February, 7).
    const change = {
      ...opening,
      action: 'change',
      serviceNumberId: numberId,
      unitId: rsj,
      number: '0871-65128899',
      dutyHours: '每日 8:00-20:00',
      effectiveDate: '2027-03-07',
    };
    expect(
      (
        await a.post('unit-leader', '/api/service-numbers/applications', {
          ...change,
          effectiveDate: '2027-03-06',
        })
      ).statusCode,
    ).toBe(422);
    const id = await a.apply('unit-leader', change);
    const again = await a.post('unit-leader', '/api/service-numbers/applications', change);
    expect(again.statusCode).toBe(409);
    await a.approve(id);
    t.clock.set(new Date('2027-03-06T12:00:00+08:00'));
    expect((await a.published()).find((n) => n.id === numberId)?.number).toBe('0871-65128800');
    t.clock.set(new Date('2027-03-07T08:00:00+08:00'));
    expect((await a.published()).find((n) => n.id === numberId)).toMatchObject({
      number: '0871-65128899',
      dutyHours: '每日 8:00-20:00',
    });
    const entry = (await a.registry('dispatcher')).find((n) => n.id === numberId);
    expect(entry?.history.map((v) => [v.action, v.number, v.effectiveDate])).toEqual([
      ['open', '0871-65128800', '2027-01-21'],
      ['change', '0871-65128899', '2027-03-07'],
    ]);
    // Another unit does not see this unit's numbers.
    expect((await a.registry('handler2')).map((n) => n.id)).not.toContain(numberId);
  });

  it('complaints about a number are counted in the registry', async () => {
    const orders = ticketApi(t);
    await orders.create({
      ...sampleOrder,
      category: undefined,
      content: '拨打社保咨询电话，工作时间长时间无人接听。',
      serviceNumberId: numberId,
      numberComplaintKind: 'unanswered',
    });
    const entry = (await a.registry('dispatcher')).find((n) => n.id === numberId);
    expect(entry?.complaints).toEqual({ total: 1, open: 1, upheld: 0 });
  });

  it('§10: the semi-annual review is a task per unit with a deadline and a report of what changed', async () => {
    // Only the center opens it.
    const body = { period: '2027-H1', dueDate: '2027-03-31' };
    expect((await a.post('unit-leader', '/api/service-numbers/reviews', body)).statusCode).toBe(403);
    const opened = await a.post('dispatcher', '/api/service-numbers/reviews', body);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json<{ created: number }>().created).toBeGreaterThanOrEqual(1);
    // Opening it again adds nothing.
    const again = await a.post('dispatcher', '/api/service-numbers/reviews', body);
    expect(again.json<{ created: number }>().created).toBe(0);

    const res = await a.get('unit-leader', '/api/service-numbers/reviews?period=2027-H1');
    const items = res.json<{ items: ReviewDto[] }>().items;
    expect(items.map((r) => r.unitId)).toEqual([rsj]);
    const task = items[0];
    expect(task?.dueAt).toBe('2027-03-31T23:59:59+08:00');
    expect(task?.overdue).toBe(false);
    // Both versions took effect within January-June 2027.
    expect(task?.changes.filter((c) => c.serviceNumberId === numberId).map((c) => c.action)).toEqual([
      'open',
      'change',
    ]);
    const answer = await a.post('unit-leader', `/api/service-numbers/reviews/${task?.id ?? 0}/answer`, {
      report: '本期开通社保咨询电话一部，3月7日起变更为0871-65128899，已核对无误。',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ answeredBy: '人社局联络员 吴刚' });
    const twice = await a.post('unit-leader', `/api/service-numbers/reviews/${task?.id ?? 0}/answer`, {
      report: '再次答复',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a closing ends publication on its effective date; a closed number takes no further application', async () => {
    // Now 7 March 2027: 45 days later is 21 April 2027 (24 days to 31 March, 21 in April).
    const id = await a.apply('dispatcher', {
      ...opening,
      action: 'close',
      serviceNumberId: numberId,
      unitId: rsj,
      number: '0871-65128899',
      reason: '并入12345热线',
      effectiveDate: '2027-04-21',
    });
    await a.approve(id, 'admin');
    t.clock.set(new Date('2027-04-20T18:00:00+08:00'));
    expect((await a.published()).map((n) => n.id)).toContain(numberId);
    t.clock.set(new Date('2027-04-21T00:00:01+08:00'));
    expect((await a.published()).map((n) => n.id)).not.toContain(numberId);
    const entry = (await a.registry('dispatcher')).find((n) => n.id === numberId);
    expect(entry?.state).toBe('closed');
    expect(entry?.history).toHaveLength(3);
    const late = await a.post('unit-leader', '/api/service-numbers/applications', {
      ...opening,
      action: 'change',
      serviceNumberId: numberId,
      unitId: rsj,
      effectiveDate: '2027-07-01',
    });
    expect(late.statusCode).toBe(409);
  });

  it('the registry needs a session; the public list does not', async () => {
    expect((await a.get(null, '/api/service-numbers')).statusCode).toBe(401);
    expect((await a.get(null, '/api/public/service-numbers')).statusCode).toBe(200);
  });
});
