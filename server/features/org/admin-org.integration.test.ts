import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { verifyAuditChain } from '../audit/audit';

describe('administration of units and users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a unit under a district and a user in it who must change the first password', async () => {
    const h = await t.as('admin');
    const dc = await t.unitId('DC-RX');
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: h,
      payload: {
        code: 'DC-XHJD',
        name: '东城区新河街道办事处',
        kind: 'town',
        parentId: dc,
        region: '东城区',
        duties: ['0601'],
      },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const unitId = unit.json<{ id: number }>().id;
    const row = await t.handle.db
      .selectFrom('org_unit')
      .select(['path'])
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`/1/${dc}/${unitId}/`);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: h,
      payload: { code: 'DC-XHJD', name: '重复', kind: 'town', parentId: dc },
    });
    expect(dup.statusCode).toBe(409);

    const user = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: h,
      payload: {
        username: 'xinhe01',
        displayName: '新河街道 赵敏',
        role: 'handler',
        unitId,
        initialPassword: 'Start#2026-xh',
      },
    });
    expect(user.statusCode, user.body).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xinhe01', password: 'Start#2026-xh' },
    });
    expect(login.json<{ user: { mustChangePassword: boolean; unitId: number } }>().user).toMatchObject({
      mustChangePassword: true,
      unitId,
    });
  });

  it('deactivating a user signs them out; only administrators administer; every change is audited', async () => {
    const target = await t.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'handler2')
      .executeTakeFirstOrThrow();
    const session = await t.as('handler2');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(200);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${target.id}`,
      headers: await t.as('dispatcher'),
      payload: { active: false },
    });
    expect(refused.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${target.id}`,
      headers: await t.as('admin'),
      payload: { active: false },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    const self = await t.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const selfOff = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${self.id}`,
      headers: await t.as('admin'),
      payload: { active: false },
    });
    expect(selfOff.statusCode).toBe(400);

    const audit = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/audit?targetType=user',
        headers: await t.as('admin'),
      })
    ).json<{
      items: { action: string; actor: string; details: { before?: { active: boolean } } }[];
    }>();
    const update = audit.items.find((i) => i.action === 'user-updated');
    expect(update).toMatchObject({
      actor: 'admin',
      details: { before: { active: true }, after: { active: false } },
    });
    expect(audit.items.map((i) => i.action)).toContain('user-created');
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('a unit with orders in progress cannot be deactivated', async () => {
    const { ticketApi } = await import('../../test/ticket-helpers');
    const api = ticketApi(t);
    const o = await api.create();
    const rsj = await t.unitId('YC-RSJ');
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: rsj });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/units/${rsj}`,
      headers: await t.as('admin'),
      payload: { active: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/在办工单/);
  });
});
