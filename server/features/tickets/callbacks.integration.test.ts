import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, type TicketApi } from '../../test/ticket-helpers';
import { samplePoint } from '../../domain/callback/sampling';
import { platformUnits, replayStored } from '../../test/replay-stored';

/**
 * Callbacks under each profile, over HTTP: compulsory redo (tianjin-urban §7(2)), the callback
 * sample and closing without a callback (zibo-12345 §11(8), shanghai-962200 §13), the callback
 * channel (zibo-12345 §11(8)) and the quality inspection of unsatisfied orders (tianjin-wuqing §25).
 */
async function toCallback(t: TestApp, api: TicketApi) {
  const rsj = await t.unitId('YC-RSJ');
  const o = await api.create();
  await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
  await api.ok('handler', o.id, 'accept');
  await api.ok('handler', o.id, 'reply', { result: '已依法处理', contacted: true });
  return api.ok('dispatcher', o.id, 'approve-reply');
}

/** The event history alone reproduces each order's status (decision 0002, Replay). */
async function expectReplayReproduces(t: TestApp) {
  const isPlatformUnit = await platformUnits(t.handle.db);
  const tickets = await t.handle.db.selectFrom('ticket').select(['id', 'status']).execute();
  for (const row of tickets) {
    expect((await replayStored(t.handle.db, row.id, isPlatformUnit)).status).toBe(row.status);
  }
  return tickets.length;
}

const unsatisfied = {
  reached: true,
  contactedByUnit: true,
  processSatisfaction: 'unsatisfied',
  resultSatisfaction: 'unsatisfied',
};

describe('callbacks (tianjin-urban)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'tianjin-urban' }));
  });
  afterAll(async () => {
    expect(await expectReplayReproduces(t)).toBeGreaterThan(0);
    await t.close();
  });

  it('tianjin-urban §7(2): an unsatisfied order is handled again, never closed', async () => {
    const o = await toCallback(t, api);
    // One overall rating under tianjin-urban (§5(5), §6(3), §7(2)).
    const rated = await api.ok('callback', o.id, 'record-callback', {
      ...unsatisfied,
      processSatisfaction: undefined,
    });
    expect(rated.status).toBe('unsatisfied');
    expect(rated.allowedActions).toContain('redo');
    expect(rated.allowedActions).not.toContain('close');
    expect((await api.get(o.id, 'dispatcher')).allowedActions).not.toContain('close');
    for (const user of ['dispatcher', 'callback']) {
      const refused = await api.act(user, o.id, 'close');
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<{ error: { message: string } }>().error.message).toContain('tianjin-urban §7(2)');
    }
    expect((await api.ok('dispatcher', o.id, 'redo', { reason: '再次办理' })).status).toBe('in_progress');
  });
});

describe('callbacks (zibo-12345)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
  });
  afterAll(async () => {
    expect(await expectReplayReproduces(t)).toBeGreaterThan(0);
    await t.close();
  });

  it('zibo-12345 §11(9)-(10): redo is a decision, an unsatisfied order may still be closed', async () => {
    const o = await toCallback(t, api);
    const rated = await api.ok('callback', o.id, 'record-callback', unsatisfied);
    expect(rated.allowedActions).toEqual(expect.arrayContaining(['redo', 'close']));
    expect((await api.ok('dispatcher', o.id, 'close')).status).toBe('closed');
  });

  it('zibo-12345 §11(8): every order is called back; closing without a rating needs a failed attempt', async () => {
    const o = await toCallback(t, api);
    expect(o.allowedActions).not.toContain('close');
    const refused = await api.act('dispatcher', o.id, 'close');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('zibo-12345 §11(8)');
    const missed = await api.ok('callback', o.id, 'record-callback', { reached: false });
    expect(missed.status).toBe('pending_callback');
    expect(missed.allowedActions).toContain('close');
    expect((await api.ok('dispatcher', o.id, 'close')).status).toBe('closed');
    const close = (await api.events(o.id)).find((e) => e.action === 'close');
    expect(close?.payload.withoutCallback).toBe('not-reached');
  });

  it('zibo-12345 §11(8): the callback is by phone; the channel is recorded on the event', async () => {
    const o = await toCallback(t, api);
    const sms = await api.act('callback', o.id, 'record-callback', { reached: false, channel: 'sms' });
    expect(sms.statusCode, sms.body).toBe(422);
    await api.ok('callback', o.id, 'record-callback', { reached: false });
    const cb = (await api.events(o.id)).filter((e) => e.action === 'record-callback');
    expect(cb.map((e) => e.payload.channel)).toEqual(['phone']);
  });
});

describe('callbacks (shanghai-962200)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'shanghai-962200' }));
  });
  afterAll(async () => {
    expect(await expectReplayReproduces(t)).toBeGreaterThan(0);
    await t.close();
  });

  /** Orders up to the callback until one falls on the wanted side of the 30 % sample. */
  async function orderInSample(inSample: boolean) {
    for (let i = 0; i < 20; i++) {
      const o = await toCallback(t, api);
      if (samplePoint(o.ticketNo) < 0.3 === inSample) return o;
    }
    throw new Error('no order on that side of the sample');
  }

  it('shanghai-962200 §13: an order outside the monthly sample is closed without a callback', async () => {
    const o = await orderInSample(false);
    expect(o.allowedActions).toContain('close');
    const d = (await api.get(o.id, 'callback')) as unknown as {
      callback: { inSample: boolean; rate: number };
    };
    expect(d.callback).toMatchObject({ inSample: false, rate: 0.3 });
    const sms = await api.ok('callback', o.id, 'record-callback', { reached: false, channel: 'sms' });
    expect(sms.status).toBe('pending_callback');
    expect((await api.ok('callback', o.id, 'close')).status).toBe('closed');
    const close = (await api.events(o.id)).find((e) => e.action === 'close');
    expect(close?.payload.withoutCallback).toBe('outside-sample');
  });

  it('shanghai-962200 §13: an order in the sample needs a callback', async () => {
    const o = await orderInSample(true);
    expect(o.allowedActions).not.toContain('close');
    expect((await api.act('callback', o.id, 'close')).statusCode).toBe(409);
  });

  it('shanghai-962200 §13: every supervised order is called back, even outside the sample', async () => {
    const o = await orderInSample(false);
    await api.ok('supervisor', o.id, 'supervise', { trigger: 'flawed-procedure', mode: 'written' });
    const refused = await api.act('callback', o.id, 'close');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('督办事项逐件回访');
  });
});

describe('callbacks (tianjin-wuqing)', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'tianjin-wuqing' }));
  });
  afterAll(async () => {
    expect(await expectReplayReproduces(t)).toBeGreaterThan(0);
    await t.close();
  });

  it('tianjin-wuqing §25: an unsatisfied order gets a quality inspection with a fault finding', async () => {
    const o = await toCallback(t, api);
    expect(o.allowedActions).not.toContain('inspect');
    const rated = await api.ok('callback', o.id, 'record-callback', {
      ...unsatisfied,
      processSatisfaction: undefined,
    });
    expect(rated.allowedActions).toContain('inspect');
    const bad = await api.act('callback', o.id, 'inspect', { finding: 'maybe' });
    expect(bad.statusCode).toBe(400);
    const handler = await api.act('handler', o.id, 'inspect', { finding: 'not-at-fault' });
    expect(handler.statusCode).toBe(409);
    const done = await api.ok('callback', o.id, 'inspect', {
      finding: 'unit-at-fault',
      note: '单位未联系诉求人',
    });
    expect(done.status).toBe('unsatisfied');
    const ev = (await api.events(o.id)).find((e) => e.action === 'inspect');
    expect(ev?.payload).toMatchObject({ finding: 'unit-at-fault', article: 'tianjin-wuqing §25' });
  });
});
