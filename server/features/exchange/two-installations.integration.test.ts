import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../common/contracts/ticket-responses';
import { eventually, startInstallation, type Installation } from '../../test/installation';
import { sampleOrder } from '../../test/ticket-helpers';

/**
 * Two running installations: the city's and a sector installation (the housing bureau runs its
 * own CivicLine). The city dispatches an order to the bureau's unit, which forwards it; the
 * bureau dispatches, signs for and replies locally, and every change is reported back; the
 * city sees the progress, gets the reply as the unit's and closes the order. Each installation
 * has its own database (embedded in a temporary directory, or a schema on DATABASE_URL).
 */
const fast = {
  CIVICLINE_JOB_INTERVAL_MS: '300',
  CIVICLINE_WEBHOOK_INTERVAL_MS: '200',
  CIVICLINE_WEBHOOK_BACKOFF: '1',
};

interface Row {
  id: number;
  ticketNo: string;
  status: string;
  channel: string;
}

describe('city and sector installations exchange an order through its whole life', () => {
  let city: Installation;
  let bureau: Installation;

  beforeAll(async () => {
    [city, bureau] = await Promise.all([
      startInstallation('exch_city', fast),
      startInstallation('exch_district', fast),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([city?.stop(), bureau?.stop()]);
  }, 120_000);

  const unitId = async (inst: Installation, code: string) => {
    const r = await inst.call('admin', 'GET', '/api/units');
    const u = (r.json as { id: number; code: string }[]).find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  const act = async (inst: Installation, user: string, id: number, action: string, body: unknown = {}) => {
    const r = await inst.call(user, 'POST', `/api/tickets/${id}/actions/${action}`, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json as { status: string };
  };
  const events = async (inst: Installation, id: number) =>
    ((await inst.call('admin', 'GET', `/api/tickets/${id}/events`)).json as TicketEvent[]).map(
      (e) => e.action,
    );

  it('intake → forward → the bureau handles and replies → the city reviews, calls back and closes', async () => {
    // The bureau issues the city an exchange key; the city issues the bureau one bound to its unit.
    const bureauKey = await bureau.call('admin', 'POST', '/api/admin/api-keys', {
      name: '市12345平台',
      scopes: ['exchange'],
    });
    expect(bureauKey.status).toBe(201);
    const zjj = await unitId(city, 'YC-ZJJ');
    const cityKey = await city.call('admin', 'POST', '/api/admin/api-keys', {
      name: '住建局平台',
      scopes: ['exchange', 'unit'],
      unitId: zjj,
    });
    expect(cityKey.status).toBe(201);
    const mark = await city.call('admin', 'PUT', `/api/admin/units/${zjj}/exchange`, {
      endpoint: bureau.base,
      apiKey: (bureauKey.json as { key: string }).key,
    });
    expect(mark.status, JSON.stringify(mark.json)).toBe(200);
    const report = await bureau.call('admin', 'POST', '/api/admin/webhooks', {
      url: `${city.base}/api/exchange/orders/{externalNo}/status`,
      events: ['*'],
      secret: 'bureau-to-city-secret-0001',
      apiKey: (cityKey.json as { key: string }).key,
      format: 'exchange',
    });
    expect(report.status, JSON.stringify(report.json)).toBe(201);

    // City: intake and dispatch to the bureau's unit.
    const made = await city.call('agent', 'POST', '/api/tickets', {
      ...sampleOrder,
      content: '小区电梯长期故障无人维修，请求住建部门督促物业维修。',
    });
    expect(made.status).toBe(201);
    const cityOrder = made.json as { id: number; ticketNo: string };
    await act(city, 'dispatcher', cityOrder.id, 'dispatch', { unitId: zjj });

    // Bureau: the order arrives, waiting for its dispatch.
    const local = await eventually(async () => {
      const r = await bureau.call('dispatcher', 'GET', '/api/tickets?channel=hotline-12345&pageSize=50');
      return (r.json as { items: Row[] }).items.find((x) => x.status === 'pending_dispatch');
    });
    const detail = (await bureau.call('dispatcher', 'GET', `/api/tickets/${local.id}`)).json as {
      content: string;
      channelRef: string | null;
    };
    expect(detail.content).toBe('小区电梯长期故障无人维修，请求住建部门督促物业维修。');
    await act(bureau, 'dispatcher', local.id, 'dispatch', { unitId: await unitId(bureau, 'YC-RSJ') });
    await act(bureau, 'handler', local.id, 'accept');

    // City: the bureau's dispatch is progress; its signing for the order is the unit's.
    await eventually(async () => {
      const r = await city.call('dispatcher', 'GET', `/api/tickets/${cityOrder.id}`);
      return (r.json as { status: string }).status === 'in_progress' ? true : undefined;
    });
    await act(bureau, 'handler', local.id, 'reply', {
      result: '已督促物业更换电梯主板，电梯已恢复运行。',
      contacted: true,
    });

    // City: the reply arrives as the unit's reply; the city's review, callback and close follow.
    const replied = await eventually(async () => {
      const r = await city.call('dispatcher', 'GET', `/api/tickets/${cityOrder.id}`);
      const t = r.json as { status: string };
      return t.status === 'replied' ? t : undefined;
    });
    expect(replied.status).toBe('replied');
    expect(await events(city, cityOrder.id)).toEqual([
      'create',
      'dispatch',
      'exchange-progress', // the bureau's dispatch
      'exchange-progress', // its signing for
      'accept',
      'exchange-progress', // its reply
      'reply',
    ]);
    const reply = (
      (await city.call('admin', 'GET', `/api/tickets/${cityOrder.id}/events`)).json as TicketEvent[]
    ).find((e) => e.action === 'reply');
    expect(reply?.payload).toMatchObject({
      result: '已督促物业更换电梯主板，电梯已恢复运行。',
      contacted: true,
    });
    expect(reply?.actorUnitName).toBe('市住房和城乡建设局');
    await act(city, 'dispatcher', cityOrder.id, 'approve-reply');
    const closed = await act(city, 'callback', cityOrder.id, 'record-callback', {
      reached: true,
      contactedByUnit: true,
      processSatisfaction: 'satisfied',
      resultSatisfaction: 'satisfied',
    });
    expect(closed.status).toBe('closed');
  }, 300_000);
});
