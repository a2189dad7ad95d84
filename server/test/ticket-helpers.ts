import { afterAll, beforeAll, expect } from 'vitest';
import { ticketDetail, type TicketDetail } from '../../common/contracts/ticket-responses';
import { sampleOrder as attackOrder } from '../../scripts/attack/sample-order.mjs';
import { createTestApp, type TestApp } from './test-app';

/** The order as the API returns it: the response contract, parsed (a shape drift fails the test). */
export type TicketDto = TicketDetail;

/** The attack scripts' sample order, with the caller's full address and a demand. */
export const sampleOrder = {
  ...attackOrder,
  caller: { ...attackOrder.caller, address: '云川市东城区东湖路18号3单元' },
  demand: '要求公司支付拖欠工资',
};

export function ticketApi(t: TestApp) {
  async function create(body: Record<string, unknown> = sampleOrder, user = 'agent'): Promise<TicketDto> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: await t.as(user),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return ticketDetail.parse(res.json());
  }
  async function act(user: string, id: number, action: string, payload: Record<string, unknown> = {}) {
    return t.app.inject({
      method: 'POST',
      url: `/api/tickets/${id}/actions/${action}`,
      headers: await t.as(user),
      payload,
    });
  }
  async function ok(
    user: string,
    id: number,
    action: string,
    payload: Record<string, unknown> = {},
  ): Promise<TicketDto> {
    const res = await act(user, id, action, payload);
    expect(res.statusCode, `${user} ${action}: ${res.body}`).toBe(200);
    return ticketDetail.parse(res.json());
  }
  async function get(id: number, user = 'admin'): Promise<TicketDto> {
    const res = await t.app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: await t.as(user) });
    expect(res.statusCode, res.body).toBe(200);
    return ticketDetail.parse(res.json());
  }
  async function events(id: number, user = 'admin') {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${id}/events`,
      headers: await t.as(user),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<
      {
        seq: number;
        action: string;
        toStatus: string;
        fromStatus: string | null;
        payload: Record<string, unknown>;
      }[]
    >();
  }
  async function setClock(iso: string) {
    t.clock.set(new Date(iso));
  }
  /** One stage deadline of the order, as the API shows it. */
  async function stage(id: number, key: string) {
    return (await get(id)).deadlineDetails.find((d) => d.stage === key);
  }
  /** The alerts the sweep raised for one stage of the order, by kind. */
  async function alerts(id: number, key: string): Promise<string[]> {
    const rows = await t.handle.db
      .selectFrom('ticket_alert')
      .select('kind')
      .where('ticket_id', '=', id)
      .where('stage', '=', key)
      .execute();
    return rows.map((r) => r.kind).sort();
  }
  /** A new order, created at `createdAt`, dispatched to `unitId` and accepted there at `acceptedAt`. */
  async function accepted(unitId: number, createdAt: string, acceptedAt: string): Promise<TicketDto> {
    await setClock(createdAt);
    const o = await create();
    await ok('dispatcher', o.id, 'dispatch', { unitId });
    await setClock(acceptedAt);
    return ok('handler', o.id, 'accept');
  }
  return { create, act, ok, get, events, setClock, stage, alerts, accepted };
}

export type TicketApi = ReturnType<typeof ticketApi>;

/** A test app, the ticket API on it and 市人社局 (YC-RSJ), the unit most orders are dispatched to. */
export interface TicketApp {
  t: TestApp;
  api: TicketApi;
  rsj: number;
}

/** Opens the test app a block of ticket tests runs on; `profile` sets CIVICLINE_PROFILE. */
export async function openTicketApp(
  opts: { now?: string; profile?: string; env?: Partial<Record<string, string>> } = {},
): Promise<TicketApp> {
  const env = opts.profile ? { CIVICLINE_PROFILE: opts.profile, ...opts.env } : opts.env;
  const t = await createTestApp({ now: opts.now, env });
  return { t, api: ticketApi(t), rsj: await t.unitId('YC-RSJ') };
}

/**
 * The ticket app of a block of tests: opened before the block's first test and closed after its
 * last. Its parts are filled in then, so read them inside the tests (`app.api`, `app.rsj`).
 */
export function useTicketApp(opts: Parameters<typeof openTicketApp>[0] = {}): TicketApp {
  const app = {} as TicketApp;
  beforeAll(async () => {
    Object.assign(app, await openTicketApp(opts));
  });
  afterAll(() => app.t.close());
  return app;
}
