import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi, type TicketDto } from '../../test/ticket-helpers';
import { tick } from '../../jobs/sla-sweep';
import { historyLineSchema } from '../import/history-line';

let t: TestApp;
let api: TicketApi;
beforeAll(async () => {
  ({ t, api } = await openTicketApp());
});
afterAll(async () => t.close());

async function countByContent(content: string): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('content', '=', content)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('ETag and If-Match', () => {
  it('GET sends the version as an entity tag; every standard If-Match form is honoured', async () => {
    const order = await api.create();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${order.id}`,
      headers: await t.as('dispatcher'),
    });
    expect(res.headers.etag).toBe(`"${order.version}"`);
    const stale = res.headers.etag as string;
    const unit = await t.unitId('YC-RSJ');
    // The first dispatch with the current tag passes and changes the version.
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${order.id}/actions/dispatch`,
      headers: { ...(await t.as('dispatcher')), 'if-match': stale },
      payload: { unitId: unit },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe(`"${first.json<TicketDto>().version}"`);
    expect(first.headers.etag).not.toBe(stale);
    // A form filled before that change fails, in the quoted, weak and bare forms alike.
    for (const form of [stale, `W/${stale}`, stale.replace(/"/g, '')]) {
      const late = await t.app.inject({
        method: 'POST',
        url: `/api/tickets/${order.id}/actions/supervise`,
        headers: { ...(await t.as('supervisor')), 'if-match': form },
        payload: { note: '请加快办理' },
      });
      expect(late.statusCode, `${form}: ${late.body}`).toBe(409);
      expect(late.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
    }
  });

  it('a malformed If-Match is refused, not ignored', async () => {
    const order = await api.create();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${order.id}/actions/dispatch`,
      headers: { ...(await t.as('dispatcher')), 'if-match': 'version-one' },
      payload: { unitId: await t.unitId('YC-RSJ') },
    });
    expect(res.statusCode).toBe(400);
    expect((await api.get(order.id)).status).toBe('pending_dispatch');
  });
});

describe('Idempotency-Key', () => {
  it('a retried intake returns the first order instead of creating a second', async () => {
    const body = { ...sampleOrder, content: `重试登记测试：小区门口井盖缺失，存在安全隐患。${Date.now()}` };
    const headers = { ...(await t.as('agent')), 'idempotency-key': 'intake-retry-0001' };
    const a = await t.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: body });
    const b = await t.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: body });
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json<TicketDto>().id).toBe(a.json<TicketDto>().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await countByContent(body.content)).toBe(1);
  });

  it('concurrent retries with one key create one order', async () => {
    const body = { ...sampleOrder, content: `并发重试登记测试：路灯不亮已有一周。${Date.now()}` };
    const headers = { ...(await t.as('agent')), 'idempotency-key': 'intake-burst-0001' };
    const all = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: body }),
      ),
    );
    const ids = new Set(all.map((r) => r.json<TicketDto>().id));
    expect(all.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(ids.size).toBe(1);
    expect(await countByContent(body.content)).toBe(1);
  });

  it('the same key with another request is refused', async () => {
    const headers = { ...(await t.as('agent')), 'idempotency-key': 'intake-reuse-0001' };
    const first = await t.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: sampleOrder });
    expect(first.statusCode).toBe(201);
    const other = { ...sampleOrder, content: '另一件事：噪音扰民，夜间施工至凌晨两点。' };
    const second = await t.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: other });
    expect(second.statusCode).toBe(422);
    expect(second.json<{ error: { code: string } }>().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countByContent(other.content)).toBe(0);
  });

  it('keys belong to their user: another clerk with the same key gets an order of their own', async () => {
    const body = { ...sampleOrder, content: `两位话务员同一个键：${Date.now()}` };
    const key = 'shared-key-0001';
    const a = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...(await t.as('agent')), 'idempotency-key': key },
      payload: body,
    });
    const b = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...(await t.as('dispatcher')), 'idempotency-key': key },
      payload: body,
    });
    expect(a.json<TicketDto>().id).not.toBe(b.json<TicketDto>().id);
  });

  it('a retried action answers like the first instead of 409', async () => {
    const order = await api.create();
    await api.ok('dispatcher', order.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const headers = { ...(await t.as('handler')), 'idempotency-key': `accept-${order.id}-0001` };
    const url = `/api/tickets/${order.id}/actions/accept`;
    const a = await t.app.inject({ method: 'POST', url, headers, payload: {} });
    const b = await t.app.inject({ method: 'POST', url, headers, payload: {} });
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const accepts = (await api.events(order.id)).filter((e) => e.action === 'accept');
    expect(accepts).toHaveLength(1);
    // Without the key the same retry is a second action, refused by the lifecycle.
    const plain = await api.act('handler', order.id, 'accept', {});
    expect(plain.statusCode).toBe(409);
  });

  it('a malformed key is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...(await t.as('agent')), 'idempotency-key': 'short' },
      payload: sampleOrder,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('date bounds', () => {
  it.each(['0001-01-01T00:00:00+08:00', '1999-12-31T23:59:59+08:00', '2100-01-01T00:00:00+08:00'])(
    'intake refuses receivedAt %s',
    async (receivedAt) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: await t.as('agent'),
        payload: { ...sampleOrder, receivedAt },
      });
      expect(res.statusCode, res.body).toBe(400);
    },
  );

  it('a history line dated year 1 is refused, one dated 2019 is read', () => {
    const line = { ticketNo: 'H1', channel: 'phone', type: 'complaint', content: '历史工单', events: [] };
    expect(historyLineSchema.safeParse({ ...line, receivedAt: '0001-03-01T09:00:00+08:00' }).success).toBe(
      false,
    );
    expect(historyLineSchema.safeParse({ ...line, receivedAt: '2019-03-01T09:00:00+08:00' }).success).toBe(
      true,
    );
  });
});

describe('idempotency keys are forgotten after a day', () => {
  it('the sweep prunes keys older than 24 hours and keeps fresh ones', async () => {
    const now = t.clock.now().getTime();
    const agent = await t.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'agent')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('idempotency_key')
      .values([
        {
          user_id: agent.id,
          key: 'old-key-00000001',
          request_hash: 'x',
          ticket_id: null,
          created_at: new Date(now - 25 * 3_600_000),
        },
        {
          user_id: agent.id,
          key: 'new-key-00000001',
          request_hash: 'x',
          ticket_id: null,
          created_at: new Date(now - 23 * 3_600_000),
        },
      ])
      .execute();
    await tick(t.ctx);
    const left = await t.ctx.db
      .selectFrom('idempotency_key')
      .select('key')
      .where('key', 'like', '%-key-00000001')
      .execute();
    expect(left.map((r) => r.key)).toEqual(['new-key-00000001']);
  });
});

describe('junk and over-long input is refused, never stored or cut', () => {
  it.each(['---', '12', '()'])(
    'a phone of %j is refused with a Chinese message naming the field',
    async (phone) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: await t.as('agent'),
        payload: { ...sampleOrder, caller: { ...sampleOrder.caller, phone } },
      });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json<{ error: { message: string; details: { path: string }[] } }>();
      expect(body.error.details.map((d) => d.path).join()).toContain('phone');
      expect(body.error.message).toMatch(/电话/);
    },
  );

  it('a landline with area code and extension is taken', async () => {
    const order = await api.create({
      ...sampleOrder,
      caller: { ...sampleOrder.caller, phone: '0871-65123456-801' },
    });
    expect(order.id).toBeGreaterThan(0);
  });

  it('a description of 6,000 characters is refused, not cut to 5,000', async () => {
    const content = '噪'.repeat(6000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: await t.as('agent'),
      payload: { ...sampleOrder, content },
    });
    expect(res.statusCode).toBe(400);
    expect(await countByContent(content.slice(0, 5000))).toBe(0);
  });
});
