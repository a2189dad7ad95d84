import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDto, IncidentSummaryDto } from '../../../common/contracts/incidents';
import { getBuiltInProfile } from '../../domain/policy';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { sweepIncidents } from './sweep-incidents';

/**
 * Major incidents through the HTTP API, with the test clock. Expected times by hand from the
 * articles: shanghai-962200 §15 (orally within 30 minutes of the event, in writing within 2 hours),
 * beijing-miyun §8 (within half an hour).
 */
const outage = {
  ...sampleOrder,
  type: 'help',
  category: '0701',
  content: '东湖路一带自今晨十点起大面积停水，请尽快抢修。',
  demand: '尽快恢复供水',
};

function incidentApi(t: TestApp) {
  const post = async (user: string, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  async function create(payload: Record<string, unknown>, user = 'dispatcher'): Promise<IncidentDto> {
    const res = await post(user, '/api/incidents', payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<IncidentDto>();
  }
  async function detail(id: number, user = 'dispatcher'): Promise<IncidentDto> {
    const res = await get(user, `/api/incidents/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IncidentDto>();
  }
  async function list(user = 'dispatcher'): Promise<IncidentSummaryDto[]> {
    const res = await get(user, '/api/incidents');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: IncidentSummaryDto[] }>().items;
  }
  return { post, get, create, detail, list };
}

describe('incidents under shanghai-962200', () => {
  let t: TestApp;
  let api: ReturnType<typeof incidentApi>;
  let orders: ReturnType<typeof ticketApi>;
  let dispatched: number;
  let other: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CIVICLINE_PROFILE: 'shanghai-962200' },
      now: '2026-12-07T09:30:00+08:00',
    });
    api = incidentApi(t);
    orders = ticketApi(t);
    // One order sent to 市人社局 (handler's unit), one that stays at the center.
    const a = await orders.create(outage);
    await orders.ok('dispatcher', a.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    dispatched = a.id;
    other = (await orders.create(outage)).id;
  });
  afterAll(async () => t.close());

  it('the test app runs under the profile it was given', () => {
    expect(t.ctx.rules.profile.id).toBe('shanghai-962200');
  });

  it('shanghai-962200 §15: oral report by 30 minutes and written report by 2 hours after the event, lights and alerts once', async () => {
    t.clock.set(new Date('2026-12-07T10:05:00+08:00'));
    const created = await api.create({
      title: '东湖路片区大面积停水',
      occurredAt: '2026-12-07T10:00:00+08:00',
      ticketIds: [dispatched],
    });
    expect(created.reportBy).toBe('2026-12-07T10:30:00+08:00');
    expect(created.writtenReportBy).toBe('2026-12-07T12:00:00+08:00');
    expect(created.deadlines.reportBy).toMatchObject({
      form: 'oral',
      article: 'shanghai-962200 §15',
      light: 'green',
    });
    expect(created.light).toBe('green');
    expect(created.ticketCount).toBe(1);
    const id = created.id;

    // Half of the 30 minutes gone: yellow.
    t.clock.set(new Date('2026-12-07T10:20:00+08:00'));
    expect((await api.detail(id)).deadlines.reportBy?.light).toBe('yellow');
    expect((await sweepIncidents(t.ctx)).overdue).toBe(0);

    // Past 10:30 without a report: overdue, one alert however often the sweep runs.
    t.clock.set(new Date('2026-12-07T10:31:00+08:00'));
    let d = await api.detail(id);
    expect(d.deadlines.reportBy?.light).toBe('overdue');
    expect(d.deadlines.writtenReportBy?.light).toBe('green');
    expect(d.light).toBe('overdue');
    expect((await sweepIncidents(t.ctx)).overdue).toBe(1);
    expect((await sweepIncidents(t.ctx)).overdue).toBe(0);
    d = await api.detail(id);
    expect(d.alerts.map((a) => [a.deadline, a.kind, a.dueAt])).toEqual([
      ['reportBy', 'overdue', '2026-12-07T10:30:00+08:00'],
    ]);

    // Closing before the reports are made is refused.
    const early = await api.post('supervisor', `/api/incidents/${id}/close`, {});
    expect(early.statusCode, early.body).toBe(409);

    // The oral report at 10:35 (late): the light stays overdue, the incident now waits for the written one.
    t.clock.set(new Date('2026-12-07T10:35:00+08:00'));
    const oral = await api.post('supervisor', `/api/incidents/${id}/report`, {
      kind: 'oral',
      text: '已电话报告管理办公室',
    });
    expect(oral.statusCode, oral.body).toBe(200);
    d = oral.json<IncidentDto>();
    expect(d.deadlines.reportBy).toMatchObject({ light: 'overdue', onTime: false });
    expect(d.deadlines.reportBy?.reportedAt?.slice(0, 16)).toBe('2026-12-07T10:35');
    expect(d.reports[0]).toMatchObject({ kind: 'oral', reportedBy: { name: expect.any(String) as string } });
    expect(d.light).toBe('green');
    expect(d.allowedActions).not.toContain('close');

    // Written limit: yellow from 11:00, overdue after 12:00, one alert.
    t.clock.set(new Date('2026-12-07T11:01:00+08:00'));
    expect((await api.detail(id)).light).toBe('yellow');
    t.clock.set(new Date('2026-12-07T12:00:30+08:00'));
    expect((await api.detail(id)).light).toBe('overdue');
    expect((await sweepIncidents(t.ctx)).overdue).toBe(1);
    expect((await sweepIncidents(t.ctx)).overdue).toBe(0);

    t.clock.set(new Date('2026-12-07T12:10:00+08:00'));
    d = (
      await api.post('dispatcher', `/api/incidents/${id}/report`, { kind: 'written' })
    ).json<IncidentDto>();
    expect(d.deadlines.writtenReportBy).toMatchObject({ light: 'overdue', onTime: false });
    expect(d.light).toBeNull();
    expect(d.allowedActions).toContain('close');
    expect(d.alerts).toHaveLength(2);

    const closed = await api.post('leader', `/api/incidents/${id}/close`, { note: '供水已恢复' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', light: null, allowedActions: [] });
    expect((await api.post('agent', `/api/incidents/${id}/orders`, { ticketIds: [other] })).statusCode).toBe(
      409,
    );
  });

  it('shanghai-962200 §15: reports on time keep green lights and give no alert', async () => {
    t.clock.set(new Date('2026-12-07T14:00:00+08:00'));
    const { id } = await api.create({ title: '新港路停电', occurredAt: '2026-12-07T13:50:00+08:00' });
    await api.post('dispatcher', `/api/incidents/${id}/report`, { kind: 'oral' });
    t.clock.set(new Date('2026-12-07T15:00:00+08:00'));
    await api.post('dispatcher', `/api/incidents/${id}/report`, { kind: 'written' });
    t.clock.set(new Date('2026-12-07T18:00:00+08:00'));
    expect((await sweepIncidents(t.ctx)).overdue).toBe(0);
    const d = await api.detail(id);
    expect(d.deadlines.reportBy).toMatchObject({
      dueAt: '2026-12-07T14:20:00+08:00',
      light: 'green',
      onTime: true,
    });
    expect(d.deadlines.writtenReportBy).toMatchObject({
      dueAt: '2026-12-07T15:50:00+08:00',
      light: 'yellow',
      onTime: true,
    });
    expect(d.alerts).toEqual([]);
  });

  it('agents attach new orders; an order belongs to one open incident; lists are newest first with counts', async () => {
    t.clock.set(new Date('2026-12-07T19:00:00+08:00'));
    const a = await api.create({ title: '西城区燃气中断', occurredAt: '2026-12-07T18:40:00+08:00' });
    const b = await api.create({ title: '北山区供暖中断', occurredAt: '2026-12-07T18:50:00+08:00' });
    const attached = await api.post('agent', `/api/incidents/${a.id}/orders`, { ticketIds: [other, other] });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json<IncidentDto>().orders.map((o) => o.id)).toEqual([other]);
    // Again: idempotent.
    expect(
      (await api.post('agent', `/api/incidents/${a.id}/orders`, { ticketIds: [other] })).statusCode,
    ).toBe(200);
    const clash = await api.post('agent', `/api/incidents/${b.id}/orders`, { ticketIds: [other] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
    const missing = await api.post('agent', `/api/incidents/${b.id}/orders`, { ticketIds: [99999999] });
    expect(missing.statusCode).toBe(422);
    const future = await api.post('dispatcher', '/api/incidents', {
      title: '未来事件',
      occurredAt: '2026-12-07T20:00:00+08:00',
    });
    expect(future.statusCode).toBe(422);

    const items = await api.list('agent');
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    // a: report by 19:10, yellow from 18:55; b: report by 19:20, yellow from 19:05.
    expect(items.find((i) => i.id === a.id)).toMatchObject({
      ticketCount: 1,
      status: 'open',
      light: 'yellow',
    });
    expect(items.find((i) => i.id === b.id)).toMatchObject({ ticketCount: 0, light: 'green' });
  });

  it('the center keeps incidents; units read only those of their own orders, and only those orders', async () => {
    t.clock.set(new Date('2026-12-07T20:00:00+08:00'));
    const payload = { title: '权限测试事件', occurredAt: '2026-12-07T19:55:00+08:00' };
    for (const user of ['agent', 'callback', 'kb-editor', 'handler', 'unit-leader', 'dispatcher-dc']) {
      expect((await api.post(user, '/api/incidents', payload)).statusCode, user).toBe(403);
    }
    for (const user of ['dispatcher', 'supervisor', 'leader', 'admin']) {
      expect((await api.post(user, '/api/incidents', payload)).statusCode, user).toBe(201);
    }
    const inc = await api.create({ ...payload, title: '有本单位工单的事件' });
    // `dispatched` belongs to the first incident, now closed: a new incident may take it.
    const withOrder = await api.post('dispatcher', `/api/incidents/${inc.id}/orders`, {
      ticketIds: [dispatched],
    });
    expect(withOrder.statusCode, withOrder.body).toBe(200);

    // handler (市人社局) sees it, with only its own order.
    const seen = await api.detail(inc.id, 'handler');
    expect(seen.orders.map((o) => o.id)).toEqual([dispatched]);
    expect(seen.allowedActions).toEqual([]);
    expect((await api.list('handler')).map((i) => i.id)).toContain(inc.id);
    for (const [user, url, body] of [
      ['handler', `/api/incidents/${inc.id}/orders`, { ticketIds: [other] }],
      ['handler', `/api/incidents/${inc.id}/report`, { kind: 'oral' }],
      ['unit-leader', `/api/incidents/${inc.id}/close`, {}],
      ['agent', `/api/incidents/${inc.id}/report`, { kind: 'oral' }],
    ] as const) {
      expect((await api.post(user, url, body)).statusCode, `${user} ${url}`).toBe(403);
    }
    // handler2 (市住建局) has no order in it: not found, not listed.
    expect((await api.get('handler2', `/api/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await api.list('handler2')).map((i) => i.id)).not.toContain(inc.id);
    // Every center user reads it.
    expect((await api.detail(inc.id, 'callback')).orders).toHaveLength(1);
    // Without a session: 401.
    expect((await t.app.inject({ method: 'GET', url: '/api/incidents' })).statusCode).toBe(401);
  });

  it('malformed input is refused with 4xx, never 5xx', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const cases: [string, Record<string, unknown>][] = [
      ['/api/incidents', { title: 'x'.repeat(300), occurredAt: '2026-12-07T10:00:00+08:00' }],
      ['/api/incidents', { title: '停水事件', occurredAt: '0001-01-01T00:00:00Z' }],
      ['/api/incidents', { title: '停水事件', occurredAt: '1e309' }],
      ['/api/incidents', { title: '停水事件', occurredAt: '2026-12-07T10:00:00+08:00', ticketIds: [max] }],
      [
        '/api/incidents',
        { title: '停水事件', occurredAt: '2026-12-07T10:00:00+08:00', ticketIds: [1.5, -1] },
      ],
      [`/api/incidents/${max}/orders`, { ticketIds: [1] }],
      ['/api/incidents/1/orders', { ticketIds: [] }],
      [`/api/incidents/${max}/report`, { kind: 'oral' }],
      ['/api/incidents/1/report', { kind: 'telepathy' }],
      [`/api/incidents/${max}/close`, {}],
    ];
    for (const [url, body] of cases) {
      const res = await api.post('admin', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
    }
    for (const url of [`/api/incidents/${max}`, '/api/incidents/abc', '/api/incidents?status=x&limit=-1']) {
      const res = await api.get('admin', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});

describe('incidents under beijing-miyun', () => {
  let t: TestApp;
  let api: ReturnType<typeof incidentApi>;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
      now: '2026-12-07T09:30:00+08:00',
    });
    api = incidentApi(t);
  });
  afterAll(async () => t.close());

  it('beijing-miyun §8: reported within half an hour, in any form; no written limit', async () => {
    expect(t.ctx.rules.profile.id).toBe('beijing-miyun');
    t.clock.set(new Date('2026-12-31T23:55:00+08:00'));
    const created = await api.create({
      title: '密云水库周边道路塌陷',
      occurredAt: '2026-12-31T23:45:00+08:00',
    });
    expect(created.reportBy).toBe('2027-01-01T00:15:00+08:00');
    expect(created.writtenReportBy).toBeNull();
    expect(created.deadlines).toMatchObject({
      reportBy: { form: 'any', article: 'beijing-miyun §8' },
      writtenReportBy: null,
    });
    expect(created.light).toBe('green');
    t.clock.set(new Date('2027-01-01T00:00:00+08:00'));
    expect((await api.detail(created.id)).light).toBe('yellow');

    t.clock.set(new Date('2027-01-01T00:16:00+08:00'));
    expect((await api.detail(created.id)).light).toBe('overdue');
    expect((await sweepIncidents(t.ctx)).overdue).toBe(1);
    expect((await sweepIncidents(t.ctx)).overdue).toBe(0);

    // A written report meets the half-hour report; the incident may then close.
    const d = (
      await api.post('dispatcher', `/api/incidents/${created.id}/report`, { kind: 'written' })
    ).json<IncidentDto>();
    expect(d.deadlines.reportBy).toMatchObject({ light: 'overdue', onTime: false });
    expect(d.allowedActions).toContain('close');
  });

  it('a profile without an incident report rule (zibo-12345) sets no limit and no light', async () => {
    const saved = t.ctx.rules.sourceProfile;
    await t.ctx.rulesProvider.useProfile(getBuiltInProfile('zibo-12345'));
    try {
      t.clock.set(new Date('2027-01-02T10:00:00+08:00'));
      const created = await api.create({ title: '某小区停电', occurredAt: '2027-01-02T08:00:00+08:00' });
      expect(created).toMatchObject({
        reportBy: null,
        writtenReportBy: null,
        light: null,
        profileId: 'zibo-12345',
      });
      expect((await sweepIncidents(t.ctx)).overdue).toBe(0);
      expect(created.allowedActions).toContain('close');
    } finally {
      await t.ctx.rulesProvider.useProfile(saved);
    }
  });
});
