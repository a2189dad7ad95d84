import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyDto } from '../../../common/contracts/api-keys';
import { ticketDetail, ticketPage } from '../../../common/contracts/ticket-responses';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/** API keys (open platform): shown once, stored hashed, scoped, revocable; a unit key is its handler. */
describe('API keys', () => {
  let t: TestApp;
  const keys: Record<string, { id: number; key: string }> = {};
  const k = (name: string) => {
    const found = keys[name];
    if (!found) throw new Error(`no key ${name}`);
    return found;
  };

  const withKey = (key: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { 'x-api-key': key },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const callEvent = { callId: 'k-1', type: 'offered', at: '2026-12-07T09:00:00+08:00', queue: '综合' };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('administrators create keys, shown once and listed without them', async () => {
    const create = async (user: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: await t.as(user), payload: body });
    expect((await create('dispatcher', { name: '话务系统', scopes: ['cti'] })).statusCode).toBe(403);
    expect((await create('admin', { name: '人社局系统', scopes: ['unit'] })).statusCode).toBe(400);
    expect((await create('admin', { name: '无权限', scopes: [] })).statusCode).toBe(400);
    const rsj = await t.unitId('YC-RSJ');
    for (const [name, body] of [
      ['cti', { name: '话务系统', scopes: ['cti'] }],
      ['unit', { name: '人社局业务系统', scopes: ['unit'], unitId: rsj }],
      ['open311', { name: '第三方应用', scopes: ['open311'] }],
    ] as const) {
      const res = await create('admin', body);
      expect(res.statusCode, res.body).toBe(201);
      keys[name] = res.json<{ id: number; key: string }>();
      expect(keys[name].key).toMatch(/^cl_[A-Za-z0-9_-]{43}$/);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/api-keys',
      headers: await t.as('admin'),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: ApiKeyDto[] }>().items;
    expect(items.map((k) => [k.name, k.scopes, k.unitId, k.revokedAt, k.lastUsedAt])).toEqual([
      ['第三方应用', ['open311'], null, null, null],
      ['人社局业务系统', ['unit'], rsj, null, null],
      ['话务系统', ['cti'], null, null, null],
    ]);
    expect(items[1]?.unitName).toBe('市人力资源和社会保障局');
    for (const created of Object.values(keys)) expect(list.body).not.toContain(created.key);
    // Stored as the sha256 of the key, never the key.
    const stored = await t.ctx.db.selectFrom('api_key').select(['key_hash', 'prefix']).execute();
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash) && r.prefix.startsWith('cl_'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(k('cti').key);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: await t.as('leader') }))
        .statusCode,
    ).toBe(403);
  });

  it('a key reaches only what its scope allows, and a session never the key-only routes', async () => {
    const cti = k('cti').key;
    const unit = k('unit').key;
    const open311 = k('open311').key;
    const unknown = await withKey('cl_' + 'x'.repeat(43), 'GET', '/api/tickets');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: { code: 'API_KEY_INVALID' } });
    expect((await withKey('not-a-key', 'POST', '/api/cti/events', callEvent)).statusCode).toBe(401);
    // Staff routes: no key scope is accepted there.
    for (const key of [cti, open311, unit]) {
      for (const url of ['/api/admin/api-keys', '/api/volunteers', '/api/me', '/api/assessment/schemes']) {
        const res = await withKey(key, 'GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'API_KEY_SCOPE' } });
      }
    }
    expect((await withKey(cti, 'GET', '/api/tickets')).statusCode).toBe(403);
    expect((await withKey(open311, 'GET', '/api/tickets')).statusCode).toBe(403);
    expect(
      (await withKey(cti, 'GET', '/api/stats/calls?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z'))
        .statusCode,
    ).toBe(403);
    // The telephony events: a cti key only.
    expect((await withKey(unit, 'POST', '/api/cti/events', callEvent)).statusCode).toBe(403);
    expect((await withKey(open311, 'POST', '/api/cti/events', callEvent)).statusCode).toBe(403);
    const bySession = await t.app.inject({
      method: 'POST',
      url: '/api/cti/events',
      headers: await t.as('admin'),
      payload: callEvent,
    });
    expect(bySession.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/cti/events', payload: callEvent })).statusCode,
    ).toBe(401);
    const ok = await withKey(cti, 'POST', '/api/cti/events', callEvent);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ callId: 'k-1', stored: true });
  });

  it('a unit key works exactly like a handler of its unit over the order API, and nothing else', async () => {
    const api = ticketApi(t);
    const unit = k('unit').key;
    const rsj = await t.unitId('YC-RSJ');
    const ours = await api.create();
    await api.ok('dispatcher', ours.id, 'dispatch', { unitId: rsj });
    const other = await api.create({
      ...sampleOrder,
      content: '小区电梯长期故障无人维修，请求住建部门督促物业维修。',
    });
    await api.ok('dispatcher', other.id, 'dispatch', { unitId: await t.unitId('YC-ZJJ') });

    // The list is the handler's list.
    const byKey = ticketPage.parse((await withKey(unit, 'GET', '/api/tickets?pageSize=100')).json());
    const byHandler = ticketPage.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/tickets?pageSize=100',
          headers: await t.as('handler'),
        })
      ).json(),
    );
    expect(byKey.items.map((i) => i.id)).toEqual(byHandler.items.map((i) => i.id));
    expect(byKey.items.map((i) => i.id)).toContain(ours.id);
    expect(byKey.items.map((i) => i.id)).not.toContain(other.id);
    expect((await withKey(unit, 'GET', `/api/tickets/${other.id}`)).statusCode).toBe(404);
    const detail = ticketDetail.parse((await withKey(unit, 'GET', `/api/tickets/${ours.id}`)).json());
    expect(detail.allowedActions).toContain('accept');
    // The handler's view of the caller: contact data only while handling, as for a person.
    expect(detail.caller.phone).toBe(
      ticketDetail.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/tickets/${ours.id}`,
            headers: await t.as('handler'),
          })
        ).json(),
      ).caller.phone,
    );

    const act = (action: string, payload: Record<string, unknown> = {}) =>
      withKey(unit, 'POST', `/api/tickets/${ours.id}/actions/${action}`, payload);
    expect((await act('dispatch', { unitId: rsj })).statusCode).toBe(409);
    expect((await act('accept')).statusCode).toBe(200);
    const ext = await act('request-extension', { workingDays: 3, reason: '需现场核查用人单位账目' });
    expect(ext.statusCode, ext.body).toBe(200);
    const events = await api.events(ours.id);
    expect(events.map((e) => e.action).filter((a) => ['accept', 'request-extension'].includes(a))).toEqual([
      'accept',
      'request-extension',
    ]);
    // Recorded as the key's own account, a handler of the unit.
    const actors = await t.ctx.db
      .selectFrom('ticket_event as e')
      .innerJoin('app_user as u', 'u.id', 'e.actor_user_id')
      .innerJoin('api_key as k', 'k.actor_user_id', 'u.id')
      .select(['e.action', 'u.role', 'u.unit_id', 'k.name'])
      .where('e.ticket_id', '=', ours.id)
      .orderBy('e.seq')
      .execute();
    expect(actors).toEqual([
      { action: 'accept', role: 'handler', unit_id: rsj, name: '人社局业务系统' },
      { action: 'request-extension', role: 'handler', unit_id: rsj, name: '人社局业务系统' },
    ]);
    // Its account cannot sign in.
    const keyUser = await t.ctx.db
      .selectFrom('api_key as k')
      .innerJoin('app_user as u', 'u.id', 'k.actor_user_id')
      .select('u.username')
      .where('k.id', '=', k('unit').id)
      .executeTakeFirstOrThrow();
    for (const password of ['!api-key', '', 'demo123']) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: keyUser.username, password },
      });
      expect([400, 401]).toContain(login.statusCode);
    }
    // Other handler routes are not the unit system's.
    expect((await withKey(unit, 'GET', `/api/tickets/${ours.id}/volunteers`)).statusCode).toBe(403);
    expect(
      (await withKey(unit, 'POST', `/api/tickets/${ours.id}/reveal-caller`, { reason: '联系来电人' }))
        .statusCode,
    ).toBe(403);
  });

  it('a revoked key is refused at once; last use and both changes are recorded', async () => {
    const before = (
      await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: await t.as('admin') })
    ).json<{
      items: ApiKeyDto[];
    }>();
    expect(before.items.find((x) => x.id === k('cti').id)?.lastUsedAt).not.toBeNull();
    expect(before.items.find((x) => x.id === k('open311').id)?.lastUsedAt).not.toBeNull();
    const del = (user: string, id: number) =>
      t
        .as(user)
        .then((headers) => t.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${id}`, headers }));
    expect((await del('dispatcher', k('cti').id)).statusCode).toBe(403);
    expect((await del('admin', 999999)).statusCode).toBe(404);
    expect((await del('admin', k('cti').id)).statusCode).toBe(204);
    expect((await del('admin', k('unit').id)).statusCode).toBe(204);
    const refused = await withKey(k('cti').key, 'POST', '/api/cti/events', {
      ...callEvent,
      type: 'answered',
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'API_KEY_INVALID' } });
    expect((await withKey(k('unit').key, 'GET', '/api/tickets')).statusCode).toBe(401);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: await t.as('admin') })
    ).json<{
      items: ApiKeyDto[];
    }>();
    expect(
      after.items
        .filter((k) => k.revokedAt !== null)
        .map((k) => k.name)
        .sort(),
    ).toEqual(['人社局业务系统', '话务系统'].sort());
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('target_type', '=', 'api_key')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'api-key-created',
      'api-key-created',
      'api-key-created',
      'api-key-revoked',
      'api-key-revoked',
    ]);
  });
});
