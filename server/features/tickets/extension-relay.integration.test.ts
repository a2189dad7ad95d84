import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayStored } from '../../test/replay-stored';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';

/**
 * The extension relay through a district: tianjin-wuqing §21 (专线服务中心应及时将延期办结时限和
 * 原因上报市便民专线服务中心) and tianjin-urban §8(6) (由派件平台向市便民服务专线提出延期办理申请).
 * The city (YC-12345) dispatches to the district platform 东城区热线分中心, which forwards the order to
 * 东湖街道; the street asks for more time; the district forwards, the city decides.
 */
async function districtOrder(t: TestApp, api: TicketApi) {
  const o = await api.create({ ...sampleOrder, type: 'complaint' });
  await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('DC-RX') });
  await api.ok('dispatcher-dc', o.id, 'dispatch', { unitId: await t.unitId('DC-DHJD') });
  await api.ok('handler-dc', o.id, 'accept');
  await api.ok('handler-dc', o.id, 'request-extension', {
    workingDays: 3,
    reason: '涉及多个部门，需联合现场核查',
  });
  return o;
}

describe.each([
  ['tianjin-wuqing', 'tianjin-wuqing §21'],
  ['tianjin-urban', 'tianjin-urban §8(6)'],
])('%s extension relay', (profile, article) => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: profile }));
  });
  afterAll(() => t.close());

  it(`${article}: the district cannot decide the request itself; it forwards it, and the city decides`, async () => {
    const o = await districtOrder(t, api);
    const before = (await api.get(o.id, 'dispatcher-dc')).deadlines.handleBy;

    expect((await api.get(o.id, 'dispatcher-dc')).allowedActions).toContain('forward-extension');
    expect((await api.get(o.id, 'dispatcher-dc')).allowedActions).not.toContain('approve-extension');
    for (const action of ['approve-extension', 'reject-extension']) {
      const res = await api.act('dispatcher-dc', o.id, action, {});
      expect(res.statusCode).toBe(409);
      const err = res.json<{ error: { code: string; message: string } }>().error;
      expect(err.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(err.message).toContain('转报上级平台');
      expect(err.message).toContain(article);
    }
    // The city may not decide before the district forwarded the request.
    expect((await api.act('dispatcher', o.id, 'approve-extension', {})).statusCode).toBe(409);

    await api.ok('dispatcher-dc', o.id, 'forward-extension', { note: '情况属实，报请市专线审批' });
    expect((await api.act('dispatcher-dc', o.id, 'approve-extension', {})).statusCode).toBe(409);
    expect((await api.act('dispatcher-dc', o.id, 'forward-extension', {})).statusCode).toBe(409);
    expect((await api.get(o.id, 'dispatcher')).allowedActions).toContain('approve-extension');

    const after = await api.ok('dispatcher', o.id, 'approve-extension', { workingDays: 3 });
    expect(after.pendingRequest).toBeNull();
    expect(after.deadlines.handleBy).not.toBe(before);

    // The history alone, run through the table again, gives the same state.
    const replayed = await replayStored(t.handle.db, o.id);
    expect(replayed.status).toBe('in_progress');
    expect(replayed.pendingRequest).toBeNull();
  });

  it(`${article}: a request held by the city platform itself is decided there, without relay`, async () => {
    const o = await api.create({ ...sampleOrder, type: 'complaint' });
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    await api.ok('handler', o.id, 'accept');
    await api.ok('handler', o.id, 'request-extension', { workingDays: 2, reason: '需补充调查' });
    expect((await api.get(o.id, 'dispatcher')).allowedActions).not.toContain('forward-extension');
    await api.ok('dispatcher', o.id, 'approve-extension', { workingDays: 2 });
  });
});

describe('zibo-12345 §11(4): no relay, the district decides', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00' }));
  });
  afterAll(() => t.close());

  it('zibo-12345 §11(4): the district platform approves its unit’s extension itself', async () => {
    const o = await districtOrder(t, api);
    expect((await api.get(o.id, 'dispatcher-dc')).allowedActions).not.toContain('forward-extension');
    await api.ok('dispatcher-dc', o.id, 'approve-extension', { workingDays: 3 });
  });
});
