import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoUsers } from '../demo/demo-city';

/**
 * Sign-in that cannot be bypassed: failures counted atomically, addresses taken only from
 * configured proxies, limits per address and per account, unknown accounts answered like
 * wrong passwords. Policy (docs/SECURITY.md): 5 failures lock an account for 15 minutes;
 * 20 failures from one address within a 15-minute window refuse that address until the window ends.
 */
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const inject = (
  t: TestApp,
  username: string,
  password: string,
  remoteAddress = '127.0.0.1',
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
    headers,
  });

async function history(t: TestApp, token: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/auth/history',
    headers: { authorization: `Bearer ${token}` },
  });
  return res.json<{ action: string; ip: string | null }[]>();
}

async function checkedFailures(t: TestApp, username: string): Promise<number> {
  const rows = await t.handle.db
    .selectFrom('audit_log')
    .select('details')
    .where('actor_username', '=', username)
    .where('action', '=', 'login-failed')
    .execute();
  return rows.length;
}

describe('sign-in guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('40 concurrent wrong guesses lock the account after 5 checked attempts; the right password is then refused', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) =>
      inject(t, 'dispatcher', `guess-${i}`, `203.0.113.${i + 1}`),
    );
    const codes = (await Promise.all(guesses)).map((r) => r.statusCode);
    // 5 attempts reach the password check (401); the other 35 are refused as locked (423).
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 423)).toHaveLength(35);
    expect(await checkedFailures(t, 'dispatcher')).toBe(5);
    const right = await inject(t, 'dispatcher', 'demo', '198.51.100.200');
    expect(right.statusCode).toBe(423);
    expect(right.json<ErrorBody>().error.code).toBe('ACCOUNT_LOCKED');
    const retryAfter = Number(right.headers['retry-after']);
    // Locked for 15 minutes from the fifth failure: at most 900 s left, and more than 800 s.
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const row = await t.handle.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('username', '=', 'dispatcher')
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
  });

  it('four failures then the right password still sign in (the fifth attempt is within the policy)', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await inject(t, 'handler2', `wrong-${i}`, '198.51.100.4')).statusCode).toBe(401);
    }
    expect((await inject(t, 'handler2', 'demo', '198.51.100.4')).statusCode).toBe(200);
    // The success cleared the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) {
      expect((await inject(t, 'handler2', `wrong-${i}`, '198.51.100.5')).statusCode).toBe(401);
    }
    expect((await inject(t, 'handler2', 'demo', '198.51.100.5')).statusCode).toBe(200);
  });

  it('an unknown account answers exactly like a wrong password, and locks the same way', async () => {
    const known = await inject(t, 'callback', 'not-the-password', '198.51.100.10');
    const unknown = await inject(t, 'nobody-here', 'not-the-password', '198.51.100.11');
    const inactiveId = await t.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'unit-leader')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .updateTable('app_user')
      .set({ active: false })
      .where('id', '=', inactiveId.id)
      .execute();
    // A disabled account answers the same, even for its right password.
    const inactive = await inject(t, 'unit-leader', 'demo', '198.51.100.12');
    for (const res of [known, unknown, inactive]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
      expect(res.headers['retry-after']).toBeUndefined();
    }
    // Four more failures each: all three names are now locked alike.
    for (let i = 0; i < 4; i++) {
      await inject(t, 'callback', `x${i}`, '198.51.100.10');
      await inject(t, 'nobody-here', `x${i}`, '198.51.100.11');
      await inject(t, 'unit-leader', `x${i}`, '198.51.100.12');
    }
    const answers = await Promise.all([
      inject(t, 'callback', 'y', '198.51.100.13'),
      inject(t, 'nobody-here', 'y', '198.51.100.13'),
      inject(t, 'unit-leader', 'y', '198.51.100.13'),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(423);
      expect(res.json<ErrorBody>().error.code).toBe('ACCOUNT_LOCKED');
      expect(res.json<ErrorBody>().error.message).toMatch(
        /^连续登录失败次数过多，账号已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      );
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    }
  });

  it('refuses a common password on change, and the user name in disguise', async () => {
    const h = await t.as('supervisor');
    for (const newPassword of [
      'Woaini1314!!',
      'P@ssw0rd2026',
      'Qwerty123456!',
      'Supervisor#2026',
      'Rosivrepus#2026',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: h,
        payload: { currentPassword: 'demo', newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    }
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: h,
      payload: { currentPassword: 'demo', newPassword: 'tulip-Orbit-73-lamp' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('records the connecting address, not a forged X-Forwarded-For, when no proxy is configured', async () => {
    const res = await inject(t, 'kb-editor', 'demo', '198.51.100.77', { 'x-forwarded-for': '1.2.3.4' });
    expect(res.statusCode).toBe(200);
    const rows = await history(t, res.json<{ token: string }>().token);
    expect(rows[0]).toMatchObject({ action: 'login', ip: '198.51.100.77' });
  });
});

describe('password spraying from one address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('spraying 20 accounts from one address is refused after 20 failures, whatever X-Forwarded-For says', async () => {
    // The demo city's clerks (not the enterprise account), then 8 more made-up names.
    const demo = demoUsers.filter((u) => u.role !== 'enterprise').map((u) => u.username);
    const accounts = [...demo, ...Array.from({ length: 8 }, (_, i) => `clerk${i + 1}`)];
    expect(accounts).toHaveLength(20);
    const codes: number[] = [];
    let last: Awaited<ReturnType<typeof inject>> | undefined;
    for (const password of ['123456', 'woaini1314']) {
      for (const [i, username] of accounts.entries()) {
        last = await inject(t, username, password, '192.0.2.50', { 'x-forwarded-for': `10.9.8.${i}` });
        codes.push(last.statusCode);
      }
    }
    // The first round is 20 checked failures; the second is refused before any check.
    expect(codes.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(codes.slice(20)).toEqual(Array.from({ length: 20 }, () => 429));
    expect(last && last.json<ErrorBody>().error).toEqual({
      code: 'RATE_LIMITED',
      message: '登录失败次数过多，请稍后再试',
    });
    const retryAfter = Number(last?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // The right password from that address is refused too; from another address it works.
    expect((await inject(t, 'agent', 'demo', '192.0.2.50')).statusCode).toBe(429);
    expect((await inject(t, 'agent', 'demo', '192.0.2.51')).statusCode).toBe(200);
  });
});

describe('sign-in behind a configured proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CIVICLINE_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the client address from X-Forwarded-For only when the proxy sends it', async () => {
    const viaProxy = await inject(t, 'leader', 'demo', '10.0.0.1', { 'x-forwarded-for': '203.0.113.9' });
    expect(viaProxy.statusCode).toBe(200);
    expect((await history(t, viaProxy.json<{ token: string }>().token))[0]).toMatchObject({
      ip: '203.0.113.9',
    });
    const viaRange = await inject(t, 'leader', 'demo', '10.1.2.3', { 'x-forwarded-for': '203.0.113.10' });
    expect((await history(t, viaRange.json<{ token: string }>().token))[0]).toMatchObject({
      ip: '203.0.113.10',
    });
    const direct = await inject(t, 'leader', 'demo', '198.51.100.8', { 'x-forwarded-for': '203.0.113.11' });
    expect((await history(t, direct.json<{ token: string }>().token))[0]).toMatchObject({
      ip: '198.51.100.8',
    });
  });

  it('limits per forwarded client: two clients behind the proxy have separate counts', async () => {
    for (let i = 0; i < 20; i++) {
      expect(
        (await inject(t, `spray${i}`, 'x', '10.0.0.1', { 'x-forwarded-for': '203.0.113.20' })).statusCode,
      ).toBe(401);
    }
    expect(
      (await inject(t, 'spray-more', 'x', '10.0.0.1', { 'x-forwarded-for': '203.0.113.20' })).statusCode,
    ).toBe(429);
    expect(
      (await inject(t, 'spray-more', 'x', '10.0.0.1', { 'x-forwarded-for': '203.0.113.21' })).statusCode,
    ).toBe(401);
  });
});
