import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryDto, WebhookDto } from '../../../common/contracts/webhooks';
import { runSweep } from '../../jobs/sla-sweep';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { signatureValid, startReceiver } from '../../test/webhook-receiver';
import { deliverWebhooks, nextAttemptAt } from './deliver-webhooks';

const SECRET = 'a-shared-secret-of-the-receiver';

/** Webhooks: written with the order change, signed, delivered at least once with backoff, logged. */
describe('webhooks', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dead: Awaited<ReturnType<typeof startReceiver>>;
  let hookId = 0;
  let deadId = 0;
  const admin = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, user = 'admin') =>
    t.app.inject({
      method,
      url,
      headers: await t.as(user),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const log = async (id: number) =>
    (await admin('GET', `/api/admin/webhooks/${id}/deliveries`)).json<{ items: WebhookDeliveryDto[] }>()
      .items;
  const later = (seconds: number) => () => new Date(Date.now() + seconds * 1000);

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    receiver = await startReceiver({ failFirst: 1 });
    dead = await startReceiver({ alwaysFail: true });
  });
  afterAll(async () => {
    await receiver.close();
    await dead.close();
    await t.close();
  });

  it('administrators subscribe; the secret is never shown again', async () => {
    const body = { url: receiver.url, events: ['ticket.created', 'ticket.dispatched'], secret: SECRET };
    expect((await admin('POST', '/api/admin/webhooks', body, 'dispatcher')).statusCode).toBe(403);
    expect((await admin('POST', '/api/admin/webhooks', { ...body, url: 'ftp://x' })).statusCode).toBe(400);
    expect((await admin('POST', '/api/admin/webhooks', { ...body, secret: 'short' })).statusCode).toBe(400);
    expect((await admin('POST', '/api/admin/webhooks', { ...body, events: ['order.made'] })).statusCode).toBe(
      400,
    );
    const res = await admin('POST', '/api/admin/webhooks', body);
    expect(res.statusCode, res.body).toBe(201);
    hookId = res.json<WebhookDto>().id;
    const other = await admin('POST', '/api/admin/webhooks', {
      url: dead.url,
      events: ['*'],
      secret: SECRET,
    });
    deadId = other.json<WebhookDto>().id;
    const list = await admin('GET', '/api/admin/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(SECRET);
    expect(list.json<{ items: WebhookDto[] }>().items.map((w) => [w.id, w.events])).toEqual([
      [deadId, ['*']],
      [hookId, ['ticket.created', 'ticket.dispatched']],
    ]);
  });

  it('signed deliveries, without personal data, retried with the same id after a failed first attempt', async () => {
    const api = ticketApi(t);
    const order = await api.create();
    await api.ok('dispatcher', order.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    // Written with the changes, before any worker ran: one per event.
    const pending = await log(hookId);
    expect(pending.map((d) => [d.event, d.status, d.attempts])).toEqual([
      ['ticket.dispatched', 'pending', 0],
      ['ticket.created', 'pending', 0],
    ]);
    // First pass: the receiver fails the first request (500); the other goes through.
    await deliverWebhooks(t.ctx);
    const first = await log(hookId);
    const failed = first.find((d) => d.attempts === 1 && d.status === 'pending');
    expect(failed?.lastStatus).toBe(500);
    expect(failed?.lastError).toContain('HTTP 500');
    // The first retry within a minute: 30 s after the failed attempt.
    const wait = Date.parse(failed?.nextAttemptAt ?? '') - Date.parse(failed?.lastAttemptAt ?? '');
    expect(wait).toBe(30_000);
    expect(first.filter((d) => d.status === 'delivered')).toHaveLength(1);
    // Not due yet: nothing is sent.
    const sent = receiver.received.length;
    await deliverWebhooks(t.ctx);
    expect(receiver.received.length).toBe(sent);
    await deliverWebhooks(t.ctx, later(31));
    const done = await log(hookId);
    expect(done.map((d) => [d.event, d.status])).toEqual([
      ['ticket.dispatched', 'delivered'],
      ['ticket.created', 'delivered'],
    ]);
    expect(receiver.received).toHaveLength(3);
    const [a, , c] = receiver.received;
    // The retried delivery kept its id; the receiver sees the same id twice.
    expect(c?.headers['x-civicline-delivery']).toBe(a?.headers['x-civicline-delivery']);
    expect(a?.answered).toBe(500);
    for (const r of receiver.received) {
      expect(signatureValid(SECRET, r.body, r.headers['x-civicline-signature'])).toBe(true);
      expect(signatureValid('another-secret-entirely', r.body, r.headers['x-civicline-signature'])).toBe(
        false,
      );
      const body = JSON.parse(r.body) as { event: string; ticket: { id: number; number: string } };
      expect(r.headers['x-civicline-event']).toBe(body.event);
      expect(body.ticket).toMatchObject({ id: order.id, number: order.ticketNo });
      for (const personal of [sampleOrder.caller.name, sampleOrder.caller.phone, '东湖路', '工资']) {
        expect(r.body).not.toContain(personal);
      }
    }
    const ids = new Set(receiver.received.map((r) => r.headers['x-civicline-delivery']));
    expect(ids.size).toBe(2);
  });

  it('a refused action writes no delivery; events not subscribed to none', async () => {
    const api = ticketApi(t);
    const before = (await log(hookId)).length;
    const order = await api.create();
    const refused = await api.act('dispatcher', order.id, 'accept');
    expect(refused.statusCode).toBe(409);
    // Only ticket.created (this subscription does not want the others).
    expect((await log(hookId)).length).toBe(before + 1);
    expect((await log(deadId)).filter((d) => d.ticketId === order.id).map((d) => d.event)).toEqual([
      'ticket.created',
    ]);
  });

  it('gives up after a day', async () => {
    await deliverWebhooks(t.ctx);
    const tried = (await log(deadId)).filter((d) => d.status === 'pending');
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((d) => d.attempts >= 1 && d.lastStatus === 500)).toBe(true);
    await deliverWebhooks(t.ctx, later(24 * 3600 + 60));
    expect((await log(deadId)).every((d) => d.status === 'failed' && d.nextAttemptAt === null)).toBe(true);
  });

  it('the backoff: 30 s, 2 min, 10 min, … the last attempt when the day is over', () => {
    const schedule = [30, 120, 600, 1800, 3600, 7200, 14400, 28800];
    const created = new Date('2026-12-01T00:00:00Z');
    const at = (s: number) => new Date(created.getTime() + s * 1000);
    expect(nextAttemptAt(schedule, 24, created, 1, at(0))?.toISOString()).toBe(at(30).toISOString());
    expect(nextAttemptAt(schedule, 24, created, 2, at(30))?.toISOString()).toBe(at(150).toISOString());
    expect(nextAttemptAt(schedule, 24, created, 3, at(150))?.toISOString()).toBe(at(750).toISOString());
    // The 10th failure waits the last step (8 h), cut at the day's end.
    expect(nextAttemptAt(schedule, 24, created, 10, at(80_000))?.toISOString()).toBe(
      at(86_400).toISOString(),
    );
    expect(nextAttemptAt(schedule, 24, created, 11, at(86_400))).toBeNull();
  });

  it('ticket.overdue from the sweep, with the alert', async () => {
    const res = await admin('POST', '/api/admin/webhooks', {
      url: receiver.url,
      events: ['ticket.overdue'],
      secret: SECRET,
    });
    const id = res.json<WebhookDto>().id;
    const api = ticketApi(t);
    const order = await api.create();
    await api.ok('dispatcher', order.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    // zibo-12345 §11(3): 5 working days from dispatch (Mon 2026-11-23) → due end of Mon 11-30.
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    await runSweep(t.ctx);
    const rows = await log(id);
    expect(rows.filter((d) => d.ticketId === order.id).map((d) => d.event)).toEqual(['ticket.overdue']);
    // A second sweep finds the alert issued: no second delivery.
    await runSweep(t.ctx);
    expect((await log(id)).filter((d) => d.ticketId === order.id)).toHaveLength(1);
  });

  it('a deleted subscription gets nothing more', async () => {
    expect((await admin('DELETE', `/api/admin/webhooks/${deadId}`, undefined, 'leader')).statusCode).toBe(
      403,
    );
    expect((await admin('DELETE', `/api/admin/webhooks/${deadId}`)).statusCode).toBe(204);
    const before = (await log(deadId)).length;
    await ticketApi(t).create();
    expect((await log(deadId)).length).toBe(before);
    const list = (await admin('GET', '/api/admin/webhooks')).json<{ items: WebhookDto[] }>();
    expect(list.items.map((w) => w.id)).not.toContain(deadId);
  });
});
