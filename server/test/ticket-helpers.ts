import { expect } from 'vitest';
import { ticketDetail, type TicketDetail } from '../../common/contracts/ticket-responses';
import type { TestApp } from './test-app';

/** The order as the API returns it: the response contract, parsed (a shape drift fails the test). */
export type TicketDto = TicketDetail;

export const sampleOrder = {
  channel: 'phone',
  type: 'complaint',
  category: '010201',
  urgency: 'normal',
  level: 'city',
  caller: {
    name: '王小明',
    phone: '13812345678',
    address: '云川市东城区东湖路18号3单元',
    confidential: false,
  },
  location: { address: '东城区东湖路18号', region: '东城区' },
  content: '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。',
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
    return res.json() as {
      seq: number;
      action: string;
      toStatus: string;
      fromStatus: string | null;
      payload: Record<string, unknown>;
    }[];
  }
  async function setClock(iso: string) {
    t.clock.set(new Date(iso));
  }
  return { create, act, ok, get, events, setClock };
}
