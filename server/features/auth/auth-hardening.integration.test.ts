import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('authentication hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('changes a password under the policy and ends the other sessions', async () => {
    const first = (await login('kb-editor', 'demo')).json<{ token: string }>();
    const second = (await login('kb-editor', 'demo')).json<{ token: string }>();
    const h = { authorization: `Bearer ${second.token}` };
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h,
      payload: { currentPassword: 'demo', newPassword: 'abcdefghij' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ error: { message: string } }>().error.message).toMatch(/至少三类/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h,
      payload: { currentPassword: 'nope', newPassword: 'Hotline#2026ok' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h,
      payload: { currentPassword: 'demo', newPassword: 'Hotline#2026ok' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: `Bearer ${first.token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect((await login('kb-editor', 'demo')).statusCode).toBe(401);
    expect((await login('kb-editor', 'Hotline#2026ok')).statusCode).toBe(200);
  });

  it('a user who must change the password can do nothing else first', async () => {
    await t.handle.db
      .updateTable('app_user')
      .set({ must_change_password: true })
      .where('username', '=', 'supervisor')
      .execute();
    const { token, user } = (await login('supervisor', 'demo')).json<{
      token: string;
      user: { mustChangePassword: boolean };
    }>();
    expect(user.mustChangePassword).toBe(true);
    const h = { authorization: `Bearer ${token}` };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: h });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h,
      payload: { currentPassword: 'demo', newPassword: 'Supervise!2026' },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/tickets', headers: h })).statusCode).toBe(200);
  });

  it('ends a session after the idle limit and after its lifetime (real time, not the test clock)', async () => {
    const { token } = (await login('leader', 'demo')).json<{ token: string }>();
    const h = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(200);
    // Moving the platform's test clock does not end sessions …
    t.clock.set(new Date('2030-01-01T00:00:00+08:00'));
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(200);
    // … real idle time does: 31 minutes without a request.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 60_000 });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(401);
    vi.useRealTimers();
  });

  it('rate-limits sign-in attempts per address and user name', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login('no-such-user', 'x')).statusCode);
    // An unknown name locks after 5 failures like an account; past 10 requests a minute the brake answers.
    expect(codes).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423, 429, 429]);
    const limited = await login('no-such-user', 'x');
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another user name from the same address is not affected.
    expect((await login('agent', 'demo')).statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('demo passwords outside demo mode', () => {
  it('are marked for a forced change, and the sign-in history shows the attempts', async () => {
    const { requireChangeOfDemoPasswords } = await import('../demo/load-demo-data');
    const t = await createTestApp();
    try {
      // The 13 demo accounts of the README, each still with the demo password.
      expect(await requireChangeOfDemoPasswords(t.handle.db)).toBe(13);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent', password: 'wrong' },
      });
      expect(bad.statusCode).toBe(401);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent', password: 'demo' },
      });
      const body = res.json<{ token: string; user: { mustChangePassword: boolean } }>();
      expect(body.user.mustChangePassword).toBe(true);
      const h = { authorization: `Bearer ${body.token}` };
      expect((await t.app.inject({ method: 'GET', url: '/api/tickets', headers: h })).statusCode).toBe(403);
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: h,
        payload: { currentPassword: 'demo', newPassword: 'Hotline!2026-ok' },
      });
      const history = (await t.app.inject({ method: 'GET', url: '/api/auth/history', headers: h })).json<
        { action: string }[]
      >();
      expect(history.map((e) => e.action)).toEqual(['password-changed', 'login', 'login-failed']);
    } finally {
      await t.close();
    }
  });
});
