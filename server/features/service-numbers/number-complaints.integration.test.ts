import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDto, ServiceNumberDto } from '../../../common/contracts/service-numbers';
import type { SupervisionDto } from '../../../common/contracts/supervision';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * Complaints about a service number under beijing-miyun, through the HTTP API with the test
 * clock. Dates by hand (December 2026 has no holiday; weekends 12-13 and 19-20):
 * - §27: dispatched Mon 7 Dec, 7 natural days → due at the end of Mon 14 Dec (23:59:59, the
 *   profile's end of day).
 * - §28: the extension is asked 2 working days before the deadline's day: by the end of Thu
 *   10 Dec (Fri 11 and Mon 14 are the two working days); at most 3 working days: Tue 15, Wed 16,
 *   Thu 17 → the end of Thu 17 Dec.
 * - §30: not replied a working day after the deadline: the end of Tue 15 Dec (14 Dec's next
 *   working day); from then on the center supervises and the unit gets a yellow warning.
 */
const complaint = {
  ...sampleOrder,
  category: undefined,
  content: '拨打人社局社保咨询电话，工作时间连续三天无人接听。',
  demand: '要求保证电话有人值守',
  serviceNumberId: 0,
  numberComplaintKind: 'unanswered',
};

describe('complaints about a service number (beijing-miyun §26-§30)', () => {
  let t: TestApp;
  let orders: ReturnType<typeof ticketApi>;
  let rsj: number;
  let numberId = 0;
  const body = (over: Record<string, unknown> = {}) => ({ ...complaint, serviceNumberId: numberId, ...over });
  const post = async (user: string, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const at = (iso: string) => t.clock.set(new Date(iso));
  const sweep = async () => expect((await post('admin', '/api/admin/sweep', {})).statusCode).toBe(200);
  const supervisions = async (ticketId: number) =>
    (await get('supervisor', `/api/supervisions?ticketId=${ticketId}`)).json<{
      items: SupervisionDto[];
    }>().items;

  async function dispatched(when: string): Promise<number> {
    at(when);
    const o = await orders.create(body());
    await orders.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    await orders.ok('handler', o.id, 'accept');
    return o.id;
  }

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-12-07T09:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
    });
    orders = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
    const applied = await post('unit-leader', '/api/service-numbers/applications', {
      unitId: rsj,
      action: 'open',
      number: '0871-65128800',
      name: '社保咨询服务电话',
      kind: 'service',
      dutyHours: '工作日 8:30-17:30',
      duties: '社会保险政策咨询',
      reason: '新设社保咨询专线',
      effectiveDate: '2027-01-21',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const approved = await post(
      'dispatcher',
      `/api/service-numbers/applications/${applied.json<{ id: number }>().id}/approve`,
      {},
    );
    numberId = approved.json<ApplicationDto>().serviceNumberId ?? 0;
    expect(numberId).toBeGreaterThan(0);
  });
  afterAll(async () => t.close());

  it('intake names the number and the kind; the order is filed as a number complaint and shows the number', async () => {
    const o = await orders.create(body());
    // An unreachable number: 服务号码不通 of the default tree.
    expect(o.category).toBe('110202');
    expect(o.numberComplaint).toEqual({
      serviceNumberId: numberId,
      number: '0871-65128800',
      name: '社保咨询服务电话',
      unitId: rsj,
      unitName: '市人力资源和社会保障局',
      kind: 'unanswered',
      kindLabel: '工作时间无人接听',
    });
    // A rude answer on the number: 服务号码投诉.
    expect((await orders.create(body({ numberComplaintKind: 'rude' }))).category).toBe('110203');
    // An ordinary order is no number complaint.
    expect((await orders.create()).numberComplaint).toBeNull();
  });

  it('bad number complaints are refused with 400 and store nothing', async () => {
    const before = (await get('admin', '/api/tickets?limit=1')).json<{ total: number }>().total;
    const refused = [
      body({ numberComplaintKind: 'noisy' }),
      body({ numberComplaintKind: undefined }),
      { ...complaint, serviceNumberId: undefined },
      body({ serviceNumberId: 999_999 }),
      body({ category: '010201' }),
    ];
    for (const payload of refused) {
      const res = await post('agent', '/api/tickets', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    const after = (await get('admin', '/api/tickets?limit=1')).json<{ total: number }>().total;
    expect(after).toBe(before);
  });

  it('§27-§28: 7 natural days; an extension asked 2 working days ahead, of at most 3 working days', async () => {
    const late = await dispatched('2026-12-07T10:00:00+08:00');
    const d = (await orders.get(late)).deadlines;
    expect(d.handleBy).toBe('2026-12-14T23:59:59+08:00');
    expect(d.extensionRequestBy).toBe('2026-12-10T23:59:59+08:00');
    at('2026-12-11T09:00:00+08:00');
    const tooLate = await orders.act('handler', late, 'request-extension', {
      workingDays: 2,
      reason: '需现场核查',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.body).toContain('已超过延期申请时限');

    const early = await dispatched('2026-12-07T10:30:00+08:00');
    at('2026-12-10T16:00:00+08:00');
    const tooLong = await orders.act('handler', early, 'request-extension', {
      workingDays: 4,
      reason: '需现场核查',
    });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.body).toContain('延期不得超过 3 个工作日');
    await orders.ok('handler', early, 'request-extension', { workingDays: 3, reason: '需现场核查' });
    const extended = await orders.ok('dispatcher', early, 'approve-extension', {});
    expect(extended.deadlines.handleBy).toBe('2026-12-17T23:59:59+08:00');
  });

  it('§30: not replied a working day after the deadline → supervised once by the center, yellow warning', async () => {
    const silent = await dispatched('2026-12-07T11:00:00+08:00');
    const answered = await dispatched('2026-12-07T11:10:00+08:00');
    at('2026-12-14T15:00:00+08:00');
    await orders.ok('handler', answered, 'reply', {
      result: '已安排专人值守，并向来电人致歉。',
      contacted: true,
      factual: 'true',
    });

    at('2026-12-15T23:59:00+08:00');
    await sweep();
    expect(await supervisions(silent)).toEqual([]);

    at('2026-12-16T00:00:01+08:00');
    await sweep();
    await sweep();
    const list = await supervisions(silent);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      trigger: 'overdue',
      mode: 'system',
      unitId: rsj,
      office: '县非紧急救助服务中心',
    });
    expect(list[0]?.reason).toContain('黄色预警');
    expect(await supervisions(answered)).toEqual([]);

    const warnings = (
      await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-12')
    ).json<{
      items: { unitCode: string; level: string; reasons: { code: string; ticketNos?: string[] }[] }[];
    }>();
    const mine = warnings.items.find((w) => w.unitCode === 'YC-RSJ');
    const silentNo = (await orders.get(silent)).ticketNo;
    expect(mine?.reasons.find((r) => r.code === 'overdue-complaint')?.ticketNos).toContain(silentNo);
    expect(['yellow', 'red']).toContain(mine?.level);
  });

  it('an upheld complaint is counted against its number in the registry', async () => {
    const o = await dispatched('2026-12-16T09:00:00+08:00');
    await orders.ok('handler', o, 'reply', {
      result: '经查属实，已对值班人员批评教育。',
      contacted: true,
      factual: 'true',
    });
    await orders.ok('dispatcher', o, 'approve-reply');
    const registry = (await get('dispatcher', '/api/service-numbers')).json<{
      items: ServiceNumberDto[];
    }>();
    const entry = registry.items.find((n) => n.id === numberId);
    expect(entry?.complaints.upheld).toBeGreaterThanOrEqual(1);
    expect(entry?.complaints.total).toBeGreaterThanOrEqual(6);
  });
});
