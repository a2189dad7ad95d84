import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFigures as callFiguresContract,
  type CallFigures,
  type CallPop,
} from '../../../common/contracts/cti';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { createLogger } from '../../platform/logger';
import { createCallPopHub } from './call-pop-hub';
import { eventsOf, expectedFigures, FROM, generateCalls, TO } from '../../test/call-stream-fixture';

describe('telephony: events, call figures, screen pop', () => {
  let t: TestApp;
  let cti: string;
  const logLines: string[] = [];

  const sendEvent = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/cti/events', headers: { 'x-api-key': cti }, payload });
  const figures = async (user: string, from: number, to: number) =>
    t.app.inject({
      method: 'GET',
      url: `/api/stats/calls?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
      headers: await t.as(user),
    });

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logLines.push(chunk.toString());
        cb();
      },
    });
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00', logger: createLogger('warn', sink) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: await t.as('admin'),
      payload: { name: '话务系统', scopes: ['cti'] },
    });
    cti = res.json<{ key: string }>().key;
  });
  afterAll(async () => t.close());

  it('figures over a generated stream with duplicates and out-of-order events match an independent count', async () => {
    const calls = generateCalls();
    const { events, distinct } = eventsOf(calls);
    let stored = 0;
    for (const e of events) {
      const res = await sendEvent(e);
      expect(res.statusCode, res.body).toBe(200);
      if (res.json<{ stored: boolean }>().stored) stored++;
    }
    expect(stored).toBe(distinct);
    const res = await figures('leader', FROM, TO);
    expect(res.statusCode, res.body).toBe(200);
    const got: CallFigures = callFiguresContract.parse(res.json());
    const want = expectedFigures(calls);
    expect(want.offered).toBeGreaterThan(50);
    expect(want.abandoned).toBeGreaterThan(5);
    expect({ o: got.offered, a: got.answered, ab: got.abandoned, w: got.answeredWithin10s }).toEqual({
      o: want.offered,
      a: want.answered,
      ab: want.abandoned,
      w: want.answeredWithin10s,
    });
    expect(got.connectionRate).toBeCloseTo(want.connectionRate, 12);
    expect(got.within10sRate).toBeCloseTo(want.within10sRate, 12);
    expect(got.averageWaitSeconds).toBeCloseTo(want.averageWaitSeconds, 6);
    expect(got.byHour).toEqual(want.byHour);
    expect(got.byDay).toEqual(want.byDay);
    expect(got.byDay.map((d) => d.day)).toEqual(['2026-11-02', '2026-11-03']);
    // zibo-12345 sets no target for the call figures.
    expect(got.targets).toEqual([]);
    expect(
      new Map(
        got.byAgent.map((a) => [a.agent, { answered: a.answered, answeredWithin10s: a.answeredWithin10s }]),
      ),
    ).toEqual(want.byAgent);
    expect(got.byAgent.find((a) => a.agent === 'agent')?.displayName).toBe('话务员 李晓梅');
    expect(got.byAgent.find((a) => a.agent === 'ghost-agent')?.displayName).toBeNull();
    expect(new Map(got.byQueue.map(({ queue, ...rest }) => [queue, rest]))).toEqual(want.byQueue);

    // A period without calls: nothing offered, rates and the mean are null, not 0.
    const empty = callFiguresContract.parse(
      (
        await figures(
          'admin',
          Date.parse('2026-10-01T00:00:00+08:00'),
          Date.parse('2026-10-02T00:00:00+08:00'),
        )
      ).json(),
    );
    expect(empty).toMatchObject({
      offered: 0,
      connectionRate: null,
      within10sRate: null,
      averageWaitSeconds: null,
    });
  });

  it('the figures are the center’s: units are refused, a bad range is 400', async () => {
    for (const user of ['handler', 'unit-leader', 'enterprise']) {
      expect((await figures(user, FROM, TO)).statusCode, user).toBe(403);
    }
    for (const user of ['agent', 'dispatcher', 'supervisor', 'admin']) {
      expect((await figures(user, FROM, TO)).statusCode, user).toBe(200);
    }
    expect((await figures('leader', TO, FROM)).statusCode).toBe(400);
  });

  it('a malformed event is 400 and stores nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('call_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const bad of [
      { type: 'offered', at: '2026-12-07T09:00:00+08:00' },
      { callId: 'bad-1', type: 'ringing', at: '2026-12-07T09:00:00+08:00', caller: '13912340000' },
      { callId: 'bad-2', type: 'offered', at: 'yesterday' },
      { callId: 'bad 3', type: 'offered', at: '2026-12-07T09:00:00+08:00' },
      { callId: 'bad-4', type: 'offered', at: '1999-12-31T00:00:00Z' },
    ]) {
      const res = await sendEvent(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const after = await t.ctx.db
      .selectFrom('call_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Logged for the exchange's operators, without the caller's number or the key.
    const refused = logLines.filter((l) => l.includes('malformed telephony event refused'));
    expect(refused).toHaveLength(5);
    expect(refused.join('')).not.toContain('13912340000');
    expect(refused.join('')).not.toContain(cti);
  });

  it('an answered call pops the intake desk in that agent’s browser only, through a one-time ticket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const ticketRes = await t.app.inject({
      method: 'POST',
      url: '/api/cti/stream-ticket',
      headers: await t.as('agent'),
    });
    expect(ticketRes.statusCode).toBe(200);
    const { ticket } = ticketRes.json<{ ticket: string }>();
    const abort = new AbortController();
    const res = await fetch(`${address}/api/cti/stream?ticket=${encodeURIComponent(ticket)}`, {
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value);
      }
    };
    await until(': connected');
    // Another agent's answer does not reach this stream; this agent's does (first event seen).
    const now = new Date().toISOString();
    expect(
      (
        await sendEvent({
          callId: 'pop-other',
          type: 'answered',
          at: now,
          agent: 'dispatcher',
          caller: '13700000000',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await sendEvent({ callId: 'pop-1', type: 'offered', at: now, caller: '13812345678', queue: '综合' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await sendEvent({ callId: 'pop-1', type: 'answered', at: now, agent: 'agent', caller: '13812345678' }))
        .statusCode,
    ).toBe(200);
    await until('event: pop');
    await until('}\n\n');
    const data = /event: pop\ndata: (.*)\n\n/.exec(text)?.[1];
    const pop = JSON.parse(data ?? 'null') as CallPop;
    expect(pop).toMatchObject({ callId: 'pop-1', caller: '13812345678', queue: '综合' });
    abort.abort();
    // The ticket was spent; no ticket, no stream.
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/cti/stream?ticket=${encodeURIComponent(ticket)}`,
    });
    expect(again.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/cti/stream' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/cti/stream-ticket' })).statusCode).toBe(401);
  });

  it('orders are linked to their call: by the call id from the pop, or by the agent’s call in progress', async () => {
    const api = ticketApi(t);
    const byId = await api.create({ ...sampleOrder, callId: 'pop-1' });
    const call = async (id: number, user: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/tickets/${id}/call`, headers: await t.as(user) })
      ).json<{
        call: { callId: string; caller: string | null; agent: string | null } | null;
      }>();
    expect((await call(byId.id, 'agent')).call).toMatchObject({
      callId: 'pop-1',
      caller: '13812345678',
      agent: '话务员 李晓梅',
    });
    // Masked for whoever sees the order's caller masked.
    expect((await call(byId.id, 'leader')).call).toMatchObject({ callId: 'pop-1', caller: '138****5678' });

    // The agent answered a call a minute before intake (order clock) and did not send its id.
    const at = (s: number) => new Date(t.clock.now().getTime() - s * 1000).toISOString();
    await sendEvent({ callId: 'window-1', type: 'offered', at: at(70), caller: '13655556666' });
    await sendEvent({ callId: 'window-1', type: 'answered', at: at(60), agent: 'agent' });
    const byWindow = await api.create({
      ...sampleOrder,
      caller: { ...sampleOrder.caller, phone: '13655556666' },
    });
    expect((await call(byWindow.id, 'agent')).call).toMatchObject({
      callId: 'window-1',
      caller: '13655556666',
    });
    // The call's timeline, in the order of the events' times, with the orders taken on it.
    const detail = await t.app.inject({
      method: 'GET',
      url: '/api/cti/calls/pop-1',
      headers: await t.as('leader'),
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      callId: 'pop-1',
      caller: '138****5678',
      agent: '话务员 李晓梅',
      orders: [{ id: byId.id, ticketNo: byId.ticketNo }],
    });
    expect(detail.json<{ events: { type: string }[] }>().events.map((e) => e.type)).toEqual([
      'offered',
      'answered',
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/cti/calls/pop-1', headers: await t.as('handler') }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/cti/calls/nope', headers: await t.as('agent') }))
        .statusCode,
    ).toBe(404);
    // Another channel is not a call.
    const web = await api.create({ ...sampleOrder, channel: 'web' });
    expect((await call(web.id, 'agent')).call).toBeNull();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/tickets/${byId.id}/call`,
          headers: await t.as('handler2'),
        })
      ).statusCode,
    ).toBe(404);
  });

  it.runIf(process.env.DATABASE_URL)('pops cross server processes through LISTEN/NOTIFY', async () => {
    const openSession = t.handle.openSession;
    if (!openSession) throw new Error('no PostgreSQL session');
    const a = createCallPopHub(t.ctx, openSession);
    const b = createCallPopHub(t.ctx, openSession);
    try {
      const received = new Promise<CallPop>((resolve) => b.subscribe(42, resolve));
      await b.ready();
      await a.publish(42, {
        callId: 'x-1',
        caller: null,
        queue: null,
        answeredAt: '2026-12-07T01:00:00.000Z',
      });
      expect(await received).toMatchObject({ callId: 'x-1' });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
