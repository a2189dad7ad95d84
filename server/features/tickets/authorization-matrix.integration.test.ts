import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi, type TicketDto } from '../../test/ticket-helpers';

/**
 * Who sees which order and what of its caller (SPEC §9; zibo §17; wuqing §30(4);
 * tianjin-urban §8(2)): every demo role against an order of its own unit, of another unit, of
 * a sub-unit, of a district street, and a confidential one.
 */
type Where = 'own' | 'other' | 'sub' | 'district' | 'confidential' | 'complained';
const wheres: Where[] = ['own', 'other', 'sub', 'district', 'confidential', 'complained'];
const center = ['admin', 'agent', 'dispatcher', 'callback', 'supervisor', 'leader', 'kb-editor'];

const visible: Record<string, Where[]> = {
  ...Object.fromEntries(center.map((u) => [u, wheres])),
  handler: ['own', 'sub', 'confidential', 'complained'],
  'unit-leader': ['own', 'sub', 'confidential', 'complained'],
  handler2: ['other', 'complained'],
  'dispatcher-dc': ['district'],
  'handler-dc': ['district'],
};

/** What the viewer sees of the caller 王小明 / 13812345678 on a dispatched order. */
function expectedCaller(user: string, where: Where) {
  const full = { name: '王小明', phone: '13812345678', masked: false };
  const masked = { name: '王**', phone: '138****5678', masked: true };
  const contact = { name: '王**', phone: '13812345678', masked: true };
  const hidden = { name: null, phone: null, address: null, masked: true };
  // Platform staff, the district platform included, relay contact and see the caller in full.
  if (['admin', 'agent', 'dispatcher', 'callback', 'dispatcher-dc'].includes(user)) {
    return where === 'confidential' ? { ...full, name: '李四', phone: '13900001111' } : full;
  }
  if (['supervisor', 'leader', 'kb-editor'].includes(user)) {
    return where === 'confidential' ? { name: '李*', phone: '139****1111', masked: true } : masked;
  }
  if (where === 'confidential') return hidden;
  // zibo-12345 §17: the unit complained about (人社局, above the handling sub-unit) sees no identity at all.
  if (where === 'complained' && (user === 'handler' || user === 'unit-leader')) {
    return { ...hidden, protected: true };
  }
  // The lead unit (and a parent acting for its sub-unit) sees the phone while it must contact the citizen.
  return contact;
}

describe('authorisation matrix', () => {
  let t: TestApp;
  const ids = {} as Record<Where, number>;
  beforeAll(async () => {
    t = await createTestApp();
    const api = ticketApi(t);
    const send = async (where: Where, unit: string, body: Record<string, unknown> = sampleOrder) => {
      const o = await api.create(body);
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId(unit) });
      ids[where] = o.id;
    };
    await send('own', 'YC-RSJ');
    await send('other', 'YC-ZJJ');
    await send('sub', 'YC-RSJ-SB');
    await send('confidential', 'YC-RSJ', {
      ...sampleOrder,
      caller: { name: '李四', phone: '13900001111', address: '东城区某路1号', confidential: true },
    });
    // A complaint about 人社局, handled by its 劳动监察支队 with 住建局 co-handling.
    const c = await api.create({ ...sampleOrder, complainedUnitId: await t.unitId('YC-RSJ') });
    await api.ok('dispatcher', c.id, 'dispatch', {
      unitId: await t.unitId('YC-RSJ-LD'),
      coUnitIds: [await t.unitId('YC-ZJJ')],
      note: '劳动监察支队为有权处理单位',
    });
    ids.complained = c.id;
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('DC-RX') });
    await api.ok('dispatcher-dc', o.id, 'dispatch', { unitId: await t.unitId('DC-DHJD') });
    ids.district = o.id;
  });
  afterAll(async () => {
    await t.close();
  });

  for (const [user, sees] of Object.entries(visible)) {
    it(`${user}: detail, list and caller masking`, async () => {
      const h = await t.as(user);
      for (const where of wheres) {
        const res = await t.app.inject({ method: 'GET', url: `/api/tickets/${ids[where]}`, headers: h });
        if (!sees.includes(where)) {
          expect(res.statusCode, `${user} must not see ${where}`).toBe(404);
          const events = await t.app.inject({
            method: 'GET',
            url: `/api/tickets/${ids[where]}/events`,
            headers: h,
          });
          expect(events.statusCode).toBe(404);
          continue;
        }
        expect(res.statusCode, `${user} sees ${where}`).toBe(200);
        const body = res.json<TicketDto>();
        expect(body.caller, `${user} caller of ${where}`).toMatchObject(expectedCaller(user, where));
      }
      const list = (
        await t.app.inject({ method: 'GET', url: '/api/tickets?pageSize=200', headers: h })
      ).json<{
        items: { id: number }[];
        total: number;
      }>();
      const listed = list.items.map((i) => i.id).sort((a, b) => a - b);
      expect(listed, `${user} list`).toEqual(sees.map((w) => ids[w]).sort((a, b) => a - b));
      expect(list.total).toBe(sees.length);
    });
  }

  it('only the lead unit may sign for, and only the platform may dispatch or decide', async () => {
    const expectations: [string, Where, string, boolean][] = [
      ['handler', 'own', 'accept', true],
      ['unit-leader', 'own', 'accept', true],
      ['handler', 'sub', 'accept', true],
      ['handler2', 'other', 'accept', true],
      ['handler2', 'own', 'accept', false],
      ['dispatcher', 'own', 'dispatch', true],
      ['agent', 'own', 'dispatch', false],
      ['callback', 'own', 'accept', false],
      ['supervisor', 'own', 'supervise', true],
      ['leader', 'own', 'supervise', true],
      ['kb-editor', 'own', 'supervise', false],
      ['handler-dc', 'district', 'accept', true],
      ['dispatcher-dc', 'district', 'dispatch', true],
      ['dispatcher-dc', 'district', 'accept', false],
      ['dispatcher', 'complained', 'update', true],
      ['agent', 'complained', 'update', false],
      ['handler', 'complained', 'update', false],
      ['handler2', 'complained', 'accept', true],
    ];
    for (const [user, where, action, allowed] of expectations) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/tickets/${ids[where]}`,
        headers: await t.as(user),
      });
      const actions: string[] = res.statusCode === 200 ? res.json<TicketDto>().allowedActions : [];
      expect(actions.includes(action), `${user} ${action} on ${where}`).toBe(allowed);
    }
    // A refused action changes nothing.
    const before = await ticketApi(t).get(ids.own);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${ids.own}/actions/accept`,
      headers: await t.as('callback'),
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect((await ticketApi(t).get(ids.own)).version).toBe(before.version);
  });

  it('administrative endpoints by role; everything but health, sign-in and public needs a session', async () => {
    const cases: [string, string, string, unknown, number[]][] = [
      ['POST', '/api/admin/clock', 'admin', { now: '2026-11-23T09:00:00+08:00' }, [200]],
      ['POST', '/api/admin/clock', 'dispatcher', { now: '2026-11-23T09:00:00+08:00' }, [403]],
      ['POST', '/api/admin/sweep', 'handler', {}, [403]],
      ['POST', '/api/admin/sweep', 'supervisor', {}, [200]],
      ['POST', '/api/admin/calendar/import', 'leader', { year: 2027, days: [] }, [403]],
      ['GET', '/api/units', 'handler', undefined, [200]],
      // Excel exports keep their list's roles.
      ['GET', '/api/admin/users/export.xlsx', 'dispatcher', undefined, [403]],
      ['GET', '/api/admin/users/export.xlsx', 'admin', undefined, [200]],
      ['GET', '/api/enterprises/export.xlsx', 'handler', undefined, [403]],
      ['GET', '/api/admin/audit/export.xlsx', 'handler', undefined, [403]],
    ];
    for (const [method, url, user, payload, codes] of cases) {
      const res = await t.app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: await t.as(user),
        ...(payload ? { payload: payload } : {}),
      });
      expect(codes, `${user} ${method} ${url}: ${res.body}`).toContain(res.statusCode);
    }
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const open = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);
    for (const [path, methods] of Object.entries(spec.paths)) {
      // The portal's public API, and Open311 (public reads; its POST answers the spec's 403 without a key).
      if (open.has(path) || path.startsWith('/api/public/') || path.startsWith('/open311/')) continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        expect(res.statusCode, `${method.toUpperCase()} ${path} without a session`).toBe(401);
      }
    }
  });
});
