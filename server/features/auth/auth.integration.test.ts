import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in a demo user and returns the user with its unit on /api/me', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'handler', password: 'demo' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; user: { role: string; unitId: number } }>();
    expect(body.user.role).toBe('handler');
    expect(body.user.unitId).toBe(await t.unitId('YC-RSJ'));
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'handler', unitName: '市人力资源和社会保障局' });
  });

  it('refuses a wrong password with a stable code and no hint which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
  });

  it('locks an account after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: 'x' },
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'demo' },
    });
    expect(res.statusCode).toBe(423);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('rejects requests without a token and after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const h = await t.as('callback');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: h })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(401);
  });

  it('answers malformed bodies with VALIDATION_FAILED', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
    });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      openapi: string;
      paths: object;
    }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/auth/login');
  });
});
