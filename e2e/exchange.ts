// Browser test of webhooks (推送订阅): an administrator subscribes a receiver that fails the first
// attempt; an order taken afterwards reaches it signed, retried with the same delivery id, and
// the delivery log shows the failed attempt and then the delivery.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { TicketDetail } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

/** A receiver on a free port that answers 500 to its first request and 200 afterwards. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

async function failingFirstReceiver(): Promise<{ url: string; received: Received[]; close: () => void }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"ok":true}' : '{"error":"busy"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert(address !== null && typeof address === 'object', 'the receiver listens on a port');
  return { url: `http://127.0.0.1:${address.port}/hook`, received, close: () => server.close() };
}

const verified = (secret: string, body: string, header: string | string[] | undefined): boolean => {
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
  return (
    typeof header === 'string' &&
    header.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected))
  );
};

/** Registers the webhook test on the runner; `h` is the suite (server, API, signed-in pages). */
export function registerExchangeTests(test: Test, h: Suite): void {
  test('webhooks: a signed delivery reaches a receiver that fails the first attempt; the log shows both', async () => {
    const receiver = await failingFirstReceiver();
    try {
      const admin = await h.as('admin');
      await admin.goto(`${h.base()}/admin?tab=webhooks`);
      await admin.getByRole('button', { name: '新建订阅' }).click();
      const form = admin.locator('.ant-modal:visible');
      await form.locator('#url').fill(receiver.url);
      const secret = await form.locator('#secret').inputValue();
      assert(secret.length >= 16, 'a generated secret');
      await admin.screenshot({ path: path.join(h.artifacts, 'webhook-create.png') });
      await form.locator('.ant-modal-footer .ant-btn-primary').click();
      const row = admin.getByTestId('webhook-list').locator('tr', { hasText: receiver.url });
      await row.waitFor();
      assert(!(await admin.content()).includes(secret), 'the secret is not shown in the list');

      const order = await h.api().post<TicketDetail>('agent', '/api/tickets', {
        type: 'consult',
        caller: { name: '赵六', phone: '13700006666', confidential: false },
        content: '咨询公积金提取需要哪些材料。',
      });
      // The first attempt fails (500), the retry 30 s later goes through.
      await h.waitUntil(async () => receiver.received.length >= 1, 'the first attempt', 30_000);
      await row.getByRole('button', { name: '投递记录' }).click();
      const log = admin.getByTestId('webhook-deliveries');
      await log.getByText('HTTP 500').first().waitFor({ timeout: 15_000 });
      await admin.screenshot({ path: path.join(h.artifacts, 'webhook-first-attempt-failed.png') });
      await h.waitUntil(async () => receiver.received.length >= 2, 'the retry', 90_000);
      await log.getByText('已送达').first().waitFor({ timeout: 20_000 });
      await admin.screenshot({ path: path.join(h.artifacts, 'webhook-delivered.png') });

      const [first, second] = receiver.received;
      assert(first && second, 'two attempts received');
      assert(first.status === 500 && second.status === 200, 'failed first, then delivered');
      assert(
        first.headers['x-civicline-delivery'] === second.headers['x-civicline-delivery'],
        'the same delivery id on the retry',
      );
      assert(second.headers['x-civicline-event'] === 'ticket.created', 'the event header');
      assert(
        verified(secret, second.body, second.headers['x-civicline-signature']),
        'the signature verifies',
      );
      const body = JSON.parse(second.body) as { ticket: { number: string } };
      assert(body.ticket.number === order.ticketNo, `the order's number: ${second.body}`);
      assert(!second.body.includes('13700006666') && !second.body.includes('赵六'), 'no personal data');
    } finally {
      receiver.close();
    }
  });
}
