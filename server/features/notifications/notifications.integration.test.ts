import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDto, NotificationList } from '../../../common/contracts/notifications';
import { runSweep } from '../../jobs/sla-sweep';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { deliverOutbox } from '../messages/deliver-outbox';
import { httpGatewayProvider } from '../messages/sms-provider';
import { escalatePages, sweepDeadlineNotices } from './sweep-notices';

/**
 * Notifications (通知), text messages (短信) and emergency pages under zibo-12345: the profile's
 * messages section sends citizens their order number and tracking code at intake, quiet hours
 * 22:00-08:00, a reminder 24 hours before the handling deadline (zibo-12345 §12: yellow one
 * working day before), pages acknowledged within 15 minutes (zibo-12345 §13).
 */
describe('notifications, messages and pages', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;

  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const post = async (user: string, url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: await t.as(user), ...(payload ? { payload } : {}) });
  const inbox = async (user: string) => {
    const res = await get(user, '/api/notifications?limit=50');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<NotificationList>();
  };
  const messages = async (ticketId: number) => {
    const res = await get('admin', `/api/admin/messages?ticketId=${ticketId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: MessageDto[] }>().items;
  };
  const outbox = (ticketId: number) =>
    t.ctx.db.selectFrom('sms_outbox').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
  });
  afterAll(async () => t.close());

  it('intake: the citizen gets the order number and a tracking code (only its hash on the order)', async () => {
    const o = await api.create();
    const items = await messages(o.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      channel: 'sms',
      to: '*******5678', // 13812345678: only the last four digits
      template: 'citizen-intake',
      status: 'pending',
      ticketId: o.id,
    });
    expect(items[0]?.text).toContain(o.ticketNo);
    expect(items[0]?.text).toContain('查询码********');
    expect((await get('dispatcher', `/api/admin/messages?ticketId=${o.id}`)).statusCode).toBe(403);
    const [raw] = await outbox(o.id);
    const code = /查询码(\w{8})/.exec(raw?.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const row = await t.ctx.db
      .selectFrom('ticket')
      .select('tracking_code_hash')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.tracking_code_hash).toBe(createHash('sha256').update(code).digest('hex'));
    // The log provider records it as sent.
    await deliverOutbox(t.ctx);
    expect((await messages(o.id))[0]?.status).toBe('sent');
  });

  let dispatched: { id: number; ticketNo: string; handleBy: string | null };

  it('a dispatch notifies the unit’s users only, without the caller; read and unread', async () => {
    const before = (await inbox('handler2')).items.length;
    const o = await api.create();
    const d = await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    dispatched = { id: o.id, ticketNo: o.ticketNo, handleBy: d.deadlines.handleBy ?? null };
    for (const user of ['handler', 'unit-leader']) {
      const box = await inbox(user);
      const n = box.items.find((i) => i.ticketId === o.id);
      expect(n, user).toMatchObject({ kind: 'new-order', readAt: null });
      expect(n?.title).toContain(o.ticketNo);
      // Complainant protection: neither the caller's name nor phone.
      expect(n?.title).not.toMatch(/王小明|13812345678|5678/);
      expect(box.unread).toBeGreaterThanOrEqual(1);
    }
    // Other units and the center's clerks hear nothing of it.
    expect((await inbox('handler2')).items).toHaveLength(before);
    expect((await inbox('handler-dc')).items.some((i) => i.ticketId === o.id)).toBe(false);
    expect((await inbox('agent')).items.some((i) => i.ticketId === o.id)).toBe(false);

    const mine = (await inbox('handler')).items.find((i) => i.ticketId === o.id);
    const unread = (await inbox('handler')).unread;
    expect((await post('unit-leader', `/api/notifications/${mine?.id}/read`)).statusCode).toBe(404);
    const read = await post('handler', `/api/notifications/${mine?.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ unread: unread - 1 });
    expect((await inbox('handler')).items.find((i) => i.id === mine?.id)?.readAt).not.toBeNull();
    expect((await inbox('unit-leader')).unread).toBeGreaterThanOrEqual(1);
    expect((await post('unit-leader', '/api/notifications/read-all')).statusCode).toBe(200);
    expect((await inbox('unit-leader')).unread).toBe(0);
    await api.ok('handler', o.id, 'accept');
  });

  it('decisions on return requests and supervisions reach the unit that handles the order', async () => {
    t.clock.set(new Date('2026-11-24T09:00:00+08:00'));
    const a = await api.create();
    await api.ok('dispatcher', a.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', a.id, 'request-return', { reason: '不属于本单位', basis: '三定方案' });
    await api.ok('dispatcher', a.id, 'reject-return', { reason: '属于本单位职责' });
    await api.ok('supervisor', a.id, 'supervise', { trigger: 'overdue', mode: 'phone', note: '请加快办理' });
    const b = await api.create();
    await api.ok('dispatcher', b.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', b.id, 'request-return', { reason: '不属于本单位', basis: '三定方案' });
    await api.ok('dispatcher', b.id, 'approve-return');
    const titles = (await inbox('unit-leader')).items
      .filter((i) => i.ticketId === a.id || i.ticketId === b.id)
      .map((i) => [i.kind, i.title]);
    expect(titles).toEqual([
      ['decision', `工单 ${b.ticketNo} 回退申请已同意`],
      ['new-order', `新工单 ${b.ticketNo} 已派至本单位，请及时签收`],
      ['supervision', `督办：工单 ${a.ticketNo} 请按时答复督办意见`],
      ['decision', `工单 ${a.ticketNo} 回退申请被驳回`],
      ['new-order', `新工单 ${a.ticketNo} 已派至本单位，请及时签收`],
    ]);
    expect((await inbox('handler2')).items.some((i) => i.ticketId === a.id || i.ticketId === b.id)).toBe(
      false,
    );
  });

  it('a reminder 24 hours before the handling deadline, once; the reminder slip at red', async () => {
    expect(dispatched.handleBy).not.toBeNull();
    const due = new Date(dispatched.handleBy ?? '');
    t.clock.set(new Date(due.getTime() - 25 * 3_600_000));
    expect(await sweepDeadlineNotices(t.ctx)).toBe(0);
    t.clock.set(new Date(due.getTime() - 12 * 3_600_000));
    expect(await sweepDeadlineNotices(t.ctx)).toBe(1);
    expect(await sweepDeadlineNotices(t.ctx)).toBe(0);
    const notice = (await inbox('handler')).items.find((i) => i.kind === 'deadline');
    // The deadline as the detail gives it, in service time to the minute.
    expect(notice?.title).toBe(
      `临期提醒：工单 ${dispatched.ticketNo} 将于 ${dispatched.handleBy?.slice(0, 10)} ${dispatched.handleBy?.slice(11, 16)} 到期`,
    );
    expect((await inbox('handler2')).items.some((i) => i.kind === 'deadline')).toBe(false);

    // zibo-12345 §12: red one working day after the deadline brings the reminder slip (催办单).
    const red = await t.ctx.db
      .selectFrom('ticket_deadline')
      .select('red_at')
      .where('ticket_id', '=', dispatched.id)
      .where('stage', '=', 'handleBy')
      .executeTakeFirstOrThrow();
    t.clock.set(red.red_at ?? due);
    await runSweep(t.ctx);
    const slips = (await inbox('handler')).items.filter(
      (i) => i.kind === 'reminder' && i.ticketId === dispatched.id,
    );
    expect(slips).toHaveLength(1);
    // The sweep's supervision comes with the slip: no second notice for it.
    expect(
      (await inbox('handler')).items.filter((i) => i.kind === 'supervision' && i.ticketId === dispatched.id),
    ).toHaveLength(0);
    expect((await inbox('handler2')).items.some((i) => i.kind === 'reminder')).toBe(false);
  });

  it('messages to citizens wait for the end of the quiet hours; an opted-out phone gets nothing', async () => {
    t.clock.set(new Date('2026-12-07T23:10:00+08:00'));
    const late = await api.create({
      ...sampleOrder,
      caller: { ...sampleOrder.caller, phone: '13700001234' },
    });
    const [m] = await outbox(late.id);
    expect(m?.next_attempt_at.toISOString()).toBe(new Date('2026-12-08T08:00:00+08:00').toISOString());
    await deliverOutbox(t.ctx);
    expect((await messages(late.id))[0]?.status).toBe('pending');
    t.clock.set(new Date('2026-12-08T08:00:00+08:00'));
    await deliverOutbox(t.ctx);
    expect((await messages(late.id))[0]?.status).toBe('sent');

    const optOut = await post('agent', '/api/messages/opt-outs', {
      phone: '139-0000-4321',
      reason: '来电人要求不再接收短信',
    });
    expect(optOut.statusCode, optOut.body).toBe(201);
    const quiet = await api.create({
      ...sampleOrder,
      caller: { ...sampleOrder.caller, phone: '13900004321' },
    });
    await deliverOutbox(t.ctx);
    expect((await messages(quiet.id)).map((x) => x.status)).toEqual(['suppressed']);
  });

  it('a failing gateway: the dispatch goes through, the message is retried after a minute', async () => {
    const seen = new Map<string, number>();
    const bodies: Record<string, unknown>[] = [];
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(data) as Record<string, unknown>;
        bodies.push(body);
        const id = String(body.requestId);
        const n = (seen.get(id) ?? 0) + 1;
        seen.set(id, n);
        if (n === 1) {
          res.writeHead(503).end('busy');
        } else if (n === 2) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"1","msg":"rate"}');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"0"}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const gateway = httpGatewayProvider({
        url: `http://127.0.0.1:${port}/sms`,
        account: 'civicline',
        secret: 's3cret',
        sign: '云川12345',
        templateIds: { 'citizen-intake': 'SMS_100' },
        successField: 'code=0',
        timeoutMs: 2000,
      });
      t.clock.set(new Date('2026-12-08T09:00:00+08:00'));
      const o = await api.create({ ...sampleOrder, caller: { ...sampleOrder.caller, phone: '13600005555' } });
      const [m] = await outbox(o.id);
      await deliverOutbox(t.ctx, gateway); // 503
      // The order moves on whatever the gateway does.
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
      let [after] = await outbox(o.id);
      expect(after).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' });
      expect(after?.next_attempt_at.toISOString()).toBe(new Date('2026-12-08T09:01:00+08:00').toISOString());
      await deliverOutbox(t.ctx, gateway); // not due yet: no call
      expect(seen.get(String(m?.id))).toBe(1);
      t.clock.set(new Date('2026-12-08T09:01:00+08:00'));
      await deliverOutbox(t.ctx, gateway); // 200 but code 1: a failure, 2 minutes
      [after] = await outbox(o.id);
      expect(after).toMatchObject({ status: 'pending', attempts: 2, last_error: 'code=1' });
      t.clock.set(new Date('2026-12-08T09:03:00+08:00'));
      await deliverOutbox(t.ctx, gateway);
      [after] = await outbox(o.id);
      expect(after).toMatchObject({ status: 'sent', attempts: 3, provider: 'http' });
      const body = bodies.find((b) => b.requestId === String(m?.id));
      expect(body).toMatchObject({
        account: 'civicline',
        sign: '云川12345',
        phone: '13600005555',
        templateId: 'SMS_100',
        templateParams: { ticketNo: o.ticketNo },
      });
      // HMAC-SHA256 of account + timestamp + phone, keyed by the secret.
      expect(body?.signature).toBe(
        createHmac('sha256', 's3cret')
          .update(`civicline${String(body?.timestamp)}13600005555`)
          .digest('hex'),
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('an emergency order pages the liaison and the duty leader; unanswered pages escalate', async () => {
    t.clock.set(new Date('2026-12-09T10:00:00+08:00'));
    const liaisonUser = await t.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'unit-leader')
      .executeTakeFirstOrThrow();
    // The administrator records the liaison's mobile on the account.
    const mobile = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${liaisonUser.id}`,
      headers: await t.as('admin'),
      payload: { mobile: '13811112222' },
    });
    expect(mobile.statusCode, mobile.body).toBe(200);
    const supervisor = await t.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/duty-roster/2026-12-09',
      headers: await t.as('admin'),
      payload: { userId: supervisor.id },
    });
    expect(set.statusCode, set.body).toBe(200);
    const o = await api.create({ ...sampleOrder, type: 'help', urgency: 'emergency' });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const pages = async (user: string) =>
      (await get(user, '/api/pages'))
        .json<{
          items: {
            id: number;
            ticketId: number;
            level: number;
            ackedAt: string | null;
            escalateAt: string;
          }[];
        }>()
        .items.filter((p) => p.ticketId === o.id);
    const liaison = await pages('unit-leader');
    const duty = await pages('supervisor');
    expect(liaison).toHaveLength(1);
    expect(duty).toHaveLength(1);
    expect(duty[0]?.escalateAt).toBe(new Date('2026-12-09T10:15:00+08:00').toISOString());
    expect(
      (await inbox('unit-leader')).items.find((i) => i.kind === 'emergency' && i.ticketId === o.id),
    ).toBeDefined();
    // The liaison's text message (its mobile), sent at once.
    const sent = await messages(o.id);
    expect(sent.find((x) => x.template === 'page-emergency')).toMatchObject({ to: '*******2222' });
    // The liaison also gets the dispatch message (the unit's other users have no mobile).
    expect(sent.filter((x) => x.template === 'unit-dispatch').map((x) => x.to)).toEqual(['*******2222']);
    // Nobody else's page can be acknowledged.
    expect((await post('unit-leader', `/api/pages/${duty[0]?.id}/ack`)).statusCode).toBe(404);
    expect((await post('unit-leader', `/api/pages/${liaison[0]?.id}/ack`)).statusCode).toBe(200);

    t.clock.set(new Date('2026-12-09T10:14:00+08:00'));
    expect(await escalatePages(t.ctx)).toBe(0);
    t.clock.set(new Date('2026-12-09T10:15:00+08:00'));
    expect(await escalatePages(t.ctx)).toBe(1);
    // The duty leader did not answer: the center's leader is paged; the acknowledged page stays.
    const up = await pages('leader');
    expect(up).toMatchObject([{ level: 1, ackedAt: null }]);
    expect((await inbox('leader')).items.find((i) => i.ticketId === o.id)?.title).toContain('【升级】');
    t.clock.set(new Date('2026-12-09T10:30:00+08:00'));
    expect(await escalatePages(t.ctx)).toBe(1);
    expect(await pages('admin')).toMatchObject([{ level: 2 }]);
    t.clock.set(new Date('2026-12-09T11:00:00+08:00'));
    expect(await escalatePages(t.ctx)).toBe(0);
  });

  it('the stream opens once per ticket and pushes the unread count when a dispatch reaches the unit', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications/stream?ticket=aaaaaaaaaaaaaaaaaaaa' }))
        .statusCode,
    ).toBe(401);
    const res = await post('handler2', '/api/notifications/stream-ticket');
    expect(res.statusCode, res.body).toBe(200);
    const { ticket } = res.json<{ ticket: string }>();
    // Only the hash is stored.
    const stored = await t.ctx.db.selectFrom('stream_ticket').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).toContain(createHash('sha256').update(ticket).digest('hex'));

    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const events: { unread: number }[] = [];
    let waiting: (() => void) | null = null;
    const req = http.get(`${address}/api/notifications/stream?ticket=${ticket}`);
    const response = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    let buffer = '';
    response.on('data', (c: Buffer) => {
      buffer += c.toString();
      for (let k = buffer.indexOf('\n\n'); k >= 0; k = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, k);
        buffer = buffer.slice(k + 2);
        const data = /^event: notifications\ndata: (.*)$/m.exec(block)?.[1];
        if (data) {
          events.push(JSON.parse(data) as { unread: number });
          waiting?.();
        }
      }
    });
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        waiting = () => events.length >= count && resolve();
        waiting();
      });
    await next(1);
    const first = events[0]?.unread ?? -1;
    expect(first).toBe((await inbox('handler2')).unread);
    // The ticket was good once.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/notifications/stream?ticket=${ticket}` })).statusCode,
    ).toBe(401);
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-ZJJ') });
    await next(2);
    expect(events[1]?.unread).toBe(first + 1);
    req.destroy();
  });
});
