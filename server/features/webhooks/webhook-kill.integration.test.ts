import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryDto, WebhookDto } from '../../../common/contracts/webhooks';
import { eventually, startInstallation, type Installation } from '../../test/installation';
import { sampleOrder } from '../../test/ticket-helpers';
import { signatureValid, startReceiver } from '../../test/webhook-receiver';

const SECRET = 'kill-nine-test-secret-0123456789';

/**
 * Nothing lost when the process is killed: the order change and its delivery are one commit, so
 * a server killed with SIGKILL before its worker ran delivers after the restart. Runs on the
 * embedded database (its own directory) or on PostgreSQL (a schema of its own).
 */
describe('webhook delivery survives kill -9', () => {
  let city: Installation;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver({ failFirst: 1 });
    // No worker runs in the first life: the jobs and deliveries are an hour away.
    city = await startInstallation('exch_kill', {
      CIVICLINE_JOB_INTERVAL_MS: '3600000',
      CIVICLINE_WEBHOOK_INTERVAL_MS: '600000',
      CIVICLINE_WEBHOOK_BACKOFF: '1',
    });
  }, 300_000);
  afterAll(async () => {
    await city?.stop();
    await receiver?.close();
  }, 120_000);

  it('an order taken just before the kill reaches the receiver after the restart, signed, same id on retry', async () => {
    const sub = await city.call('admin', 'POST', '/api/admin/webhooks', {
      url: receiver.url,
      events: ['ticket.created'],
      secret: SECRET,
    });
    expect(sub.status).toBe(201);
    const hook = (sub.json as WebhookDto).id;
    const made = await city.call('agent', 'POST', '/api/tickets', sampleOrder);
    expect(made.status).toBe(201);
    const order = made.json as { id: number; ticketNo: string };
    await city.kill();
    expect(receiver.received).toHaveLength(0);

    await city.restart({ CIVICLINE_WEBHOOK_INTERVAL_MS: '200', CIVICLINE_JOB_INTERVAL_MS: '300' });
    await eventually(async () => (receiver.received.some((r) => r.answered === 200) ? true : undefined));
    const [first, second] = receiver.received;
    expect(first?.answered).toBe(500);
    expect(second?.answered).toBe(200);
    expect(second?.headers['x-civicline-delivery']).toBe(first?.headers['x-civicline-delivery']);
    expect(second?.headers['x-civicline-event']).toBe('ticket.created');
    expect(signatureValid(SECRET, second?.body ?? '', second?.headers['x-civicline-signature'])).toBe(true);
    expect(JSON.parse(second?.body ?? '{}')).toMatchObject({
      event: 'ticket.created',
      ticket: { id: order.id, number: order.ticketNo, status: 'pending_dispatch' },
    });
    const log = await eventually(async () => {
      const r = await city.call('admin', 'GET', `/api/admin/webhooks/${hook}/deliveries`);
      const items = (r.json as { items: WebhookDeliveryDto[] }).items;
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    expect(log.map((d) => [d.event, d.status, d.attempts])).toEqual([['ticket.created', 'delivered', 2]]);
  }, 300_000);
});
