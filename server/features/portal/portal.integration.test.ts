import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ticketApi } from '../../test/ticket-helpers';
import { multipart, PNG_1PX, portalRequest, solvedChallenge } from './test-fixture';

/**
 * The citizen portal's public API: a request enters the center's intake with channel `web`, the
 * number and tracking code it returns track it without ever showing personal data, the citizen
 * rates the approved reply once, and the bot check and the limits per address and per phone hold.
 */
describe('citizen portal: request, track, rate', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let ip = 0;
  /** Every test its own client address, so the hourly limit per address is met only where meant. */
  const nextIp = () => `10.9.0.${++ip}`;

  const submit = async (body: Record<string, unknown>, remoteAddress = nextIp()) =>
    t.app.inject({ method: 'POST', url: '/api/public/requests', payload: body, remoteAddress });
  const submitOk = async (body: Record<string, unknown> = portalRequest) => {
    const res = await submit({ ...body, altcha: await solvedChallenge(t) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ ticketNo: string; trackingCode: string; notice: string | null }>();
  };
  const track = (no: string, code: string) =>
    t.app.inject({ method: 'GET', url: `/api/public/requests/${encodeURIComponent(no)}?code=${code}` });

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-12-07T10:00:00+08:00',
      env: {
        CIVICLINE_PORTAL_PHONE_DAILY: '3',
        CIVICLINE_PORTAL_IP_HOURLY: '4',
        // Every submission needs a solved challenge here (the free allowance is tested below).
        CIVICLINE_PORTAL_CHALLENGE_FREE: '0',
        // Light work for the test's own solver.
        CIVICLINE_CHALLENGE_MAX: '1000',
      },
    });
    api = ticketApi(t);
  });
  afterAll(async () => t.close());

  it('a request enters the center intake as a web order and answers its number and tracking code', async () => {
    const created = await submitOk();
    expect(created.ticketNo).toMatch(/^\d{8}\d+$/);
    expect(created.trackingCode).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
    expect(created.notice).toBeNull();
    const row = await t.handle.db
      .selectFrom('ticket')
      .selectAll()
      .where('ticket_no', '=', created.ticketNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'web',
      type: 'complaint',
      status: 'pending_dispatch',
      caller_name: '李四',
      caller_phone: '13900001111',
      location_address: '东城区东湖路 18 号小区南门',
      confidential: false,
      created_by: null,
    });
    // The center that takes the desk's intake holds it.
    const center = await t.handle.db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'center')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(row.platform_unit_id).toBe(center.id);
    const [event] = await api.events(row.id);
    expect(event).toMatchObject({ action: 'create', toStatus: 'pending_dispatch' });
    // The dispatcher sees it in the queue like a desk order.
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/tickets?status=pending_dispatch&channel=web',
      headers: await t.as('dispatcher'),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { ticketNo: string }[] }>().items.map((i) => i.ticketNo)).toContain(
      created.ticketNo,
    );
  });

  it('tracking shows the status and never the caller; a wrong code and an unknown number are the same 404', async () => {
    const { ticketNo, trackingCode } = await submitOk({ ...portalRequest, phone: '13900002222' });
    const res = await track(ticketNo, trackingCode.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ticketNo,
      type: 'complaint',
      status: 'pending_dispatch',
      statusLabel: '已受理，待转办',
      reply: null,
      canRate: false,
      rating: null,
      timeline: [{ label: '诉求已受理' }],
    });
    expect(res.body).not.toContain('13900002222');
    expect(res.body).not.toContain('李四');
    expect(res.body).not.toContain('东湖路');
    const wrong = await track(ticketNo, 'AAAAAAAA');
    const unknown = await track('20261207999999', trackingCode);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('the approved reply is shown (phone numbers in it masked) and the citizen rates it once', async () => {
    const { ticketNo, trackingCode } = await submitOk({ ...portalRequest, phone: '13900003333' });
    const id = (
      await t.handle.db
        .selectFrom('ticket')
        .select('id')
        .where('ticket_no', '=', ticketNo)
        .executeTakeFirstOrThrow()
    ).id;
    const zjj = await t.unitId('YC-ZJJ');
    await api.ok('dispatcher', id, 'dispatch', { unitId: zjj, category: '010201', region: '东城区' });
    await api.ok('handler2', id, 'accept');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${ticketNo}/rating`,
      payload: { code: trackingCode, rating: 'satisfied' },
    });
    expect(early.statusCode, early.body).toBe(422);
    await api.ok('handler2', id, 'reply', {
      result: '井盖已于当日更换，联系人电话13712345678。',
      contacted: true,
    });
    // Not shown before the center approves it.
    expect((await track(ticketNo, trackingCode)).json()).toMatchObject({
      statusLabel: '办理中',
      reply: null,
    });
    await api.ok('dispatcher', id, 'approve-reply');
    const after = (await track(ticketNo, trackingCode)).json<Record<string, unknown>>();
    expect(after).toMatchObject({
      status: 'pending_callback',
      statusLabel: '已答复，待回访',
      reply: { text: '井盖已于当日更换，联系人电话137****5678。' },
      canRate: true,
    });
    expect((after.timeline as { label: string }[]).map((m) => m.label)).toEqual([
      '诉求已受理',
      '已转交承办单位办理',
      '承办单位已签收',
      '承办单位已答复',
    ]);
    const rate = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${ticketNo}/rating`,
      payload: { code: trackingCode, rating: 'basically-satisfied', comment: '修得挺快' },
    });
    expect(rate.statusCode, rate.body).toBe(201);
    expect(rate.json()).toMatchObject({ rating: 'basically-satisfied' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${ticketNo}/rating`,
      payload: { code: trackingCode, rating: 'unsatisfied' },
    });
    expect(again.statusCode).toBe(409);
    const wrongCode = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${ticketNo}/rating`,
      payload: { code: 'AAAAAAAA', rating: 'unsatisfied' },
    });
    expect(wrongCode.statusCode).toBe(404);
    // The callback clerk sees the citizen's own rating; the callback itself is still owed.
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${id}/citizen-rating`,
      headers: await t.as('callback'),
    });
    expect(seen.json()).toMatchObject({ rating: { rating: 'basically-satisfied', comment: '修得挺快' } });
    expect((await api.get(id)).status).toBe('pending_callback');
    // A unit outside the order does not learn of it.
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${id}/citizen-rating`,
      headers: await t.as('handler'),
    });
    expect(other.statusCode).toBe(404);
  });

  it('photos come with the tracking code: images by content only, at most three', async () => {
    const { ticketNo, trackingCode } = await submitOk({ ...portalRequest, phone: '13900004444' });
    const send = (code: string, file: { name: string; type: string; bytes: Buffer }) => {
      const m = multipart({ code }, file);
      return t.app.inject({
        method: 'POST',
        url: `/api/public/requests/${ticketNo}/photos`,
        ...m,
        remoteAddress: '10.9.1.1',
      });
    };
    const png = { name: '井盖.png', type: 'image/png', bytes: PNG_1PX };
    expect((await send('AAAAAAAA', png)).statusCode).toBe(404);
    const ok = await send(trackingCode, png);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ photos: 1 });
    // A PDF is a document, not a photo; a text file named .png is refused by its content.
    const pdf = await send(trackingCode, {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\n%%EOF'),
    });
    expect(pdf.statusCode).toBe(415);
    const fake = await send(trackingCode, {
      name: 'b.png',
      type: 'image/png',
      bytes: Buffer.from('not an image'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FILE_TYPE' } });
    expect((await send(trackingCode, png)).statusCode).toBe(201);
    expect((await send(trackingCode, png)).statusCode).toBe(201);
    const fourth = await send(trackingCode, png);
    expect(fourth.statusCode).toBe(422);
    expect((await track(ticketNo, trackingCode)).json()).toMatchObject({ photos: 3 });
  });

  it('a matter the profile lists as out of scope is taken for the center to decide, and the citizen is told', async () => {
    const created = await submitOk({
      ...portalRequest,
      phone: '13900005555',
      content: '我想提交依申请公开的材料，申请政府信息公开本区的拆迁补偿标准文件。',
    });
    expect(created.notice).toContain('政府信息公开申请');
    const row = await t.handle.db
      .selectFrom('ticket')
      .select(['id', 'status'])
      .where('ticket_no', '=', created.ticketNo)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending_dispatch');
    const [event] = await api.events(row.id);
    expect(event?.payload).toMatchObject({ screening: { outOfScope: { matter: '政府信息公开申请' } } });
  });

  it('refuses a request without a solved challenge, and a solution used twice', async () => {
    const none = await submit({ ...portalRequest });
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ error: { code: 'CHALLENGE_FAILED' } });
    const altcha = await solvedChallenge(t);
    expect((await submit({ ...portalRequest, phone: '13900006666', altcha })).statusCode).toBe(201);
    const replay = await submit({ ...portalRequest, phone: '13900006666', altcha });
    expect(replay.statusCode).toBe(403);
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(await solvedChallenge(t), 'base64').toString()),
        number: -1,
      }),
    ).toString('base64');
    expect((await submit({ ...portalRequest, altcha: forged })).statusCode).toBe(403);
  });

  it('limits requests per phone and day (3 here) and per address and hour (4 here) with 429', async () => {
    const phone = '139 0000 7777';
    for (let i = 0; i < 3; i++) await submitOk({ ...portalRequest, phone });
    // The same number written another way is the same phone.
    const fourth = await submit({
      ...portalRequest,
      phone: '+8613900007777',
      altcha: await solvedChallenge(t),
    });
    expect(fourth.statusCode, fourth.body).toBe(429);
    expect(fourth.json()).toMatchObject({ error: { code: 'PHONE_DAILY_LIMIT' } });
    // The next service day the phone may send again.
    t.clock.set(new Date('2026-12-08T09:00:00+08:00'));
    await submitOk({ ...portalRequest, phone });

    const addr = '10.9.2.1';
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await submit(
        { ...portalRequest, phone: `1390000880${i}`, altcha: await solvedChallenge(t) },
        addr,
      );
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    }
    expect(codes).toEqual([201, 201, 201, 201, 429]);
  }, 180_000);

  it('validates the request in Chinese', async () => {
    const res = await submit({ type: 'complaint', content: '短', phone: '12', altcha: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('portal submissions without a challenge (the default allowance)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('accepts the first 3 submissions of an address in an hour without a solved challenge, then asks for one', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/requests',
        remoteAddress: '10.9.3.1',
        payload: { ...portalRequest, phone: `1390000990${i}` },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 201) {
        expect(res.json()).toMatchObject({ ticketNo: expect.stringMatching(/^\d{13}$/) });
      } else expect(res.json()).toMatchObject({ error: { code: 'CHALLENGE_FAILED' } });
    }
    expect(codes).toEqual([201, 201, 201, 403]);
    // Another address has its own allowance.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests',
      remoteAddress: '10.9.3.2',
      payload: { ...portalRequest, phone: '13900009909' },
    });
    expect(other.statusCode, other.body).toBe(201);
  });
});
