import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';
import { ticketApi } from './ticket-helpers';
import { seededRandom as rng } from '../../common/seeded-random';

/**
 * Thousands of malformed and hostile requests to every route of the OpenAPI document: wrong
 * types, huge bodies, SQL and script injection strings, unicode edge cases. No request may
 * produce a 5xx, and requests from a user who may change nothing change no data.
 */

/** Lone surrogates cannot be percent-encoded; send an invalid UTF-8 sequence instead. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80%FF';
  }
}

const hostileStrings = [
  "' OR '1'='1",
  '1; DROP TABLE ticket; --',
  '"); DELETE FROM app_user; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '😀'.repeat(50),
  '𠮷野家',
  'a'.repeat(10_000),
  '',
  ' ',
  '\u0000',
  '%00',
  '\\u0000',
  'null',
  '-1',
  '1e309',
  '__proto__',
  '{"$gt": ""}',
];

// Thousands of requests one after the other per test: more than the default limit per test when
// other test files share the cores.
describe('fuzzing every route', { timeout: 240_000 }, () => {
  let t: TestApp;
  let routes: { method: string; path: string; query: string[] }[];
  beforeAll(async () => {
    t = await createTestApp();
    const api = ticketApi(t);
    const o = await api.create();
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>();
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Routes whose every accepted request is a whole job (a backup copies the database, a sweep
   * walks every deadline): a few requests each; their input handling is the same for all.
   */
  const heavy = new Set(['/api/admin/backup', '/api/admin/sweep']);

  /** Sign-out would end the fuzzing session itself; it is fuzzed without a session only. */
  function makeRequests(seed: number, perRoute: number, skip: string[] = ['/api/auth/logout']) {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const scalar = (): unknown =>
      pick<() => unknown>([
        () => pick(hostileStrings),
        () => Math.floor(r() * 1e6) - 1000,
        () => pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]),
        () => pick([true, false, null]),
        () => [pick(hostileStrings), 1, null],
        () => ({
          [pick(['unitId', 'reason', 'result', 'now', 'q', '__proto__', 'constructor'])]:
            pick(hostileStrings),
        }),
      ])();
    const body = (): unknown =>
      pick<() => unknown>([
        () => scalar(),
        () => ({}),
        () =>
          Object.fromEntries(
            Array.from({ length: 1 + Math.floor(r() * 6) }, () => [
              pick([
                'unitId',
                'coUnitIds',
                'reason',
                'result',
                'contacted',
                'type',
                'content',
                'caller',
                'username',
                'password',
                'now',
                'year',
                'days',
                'workingDays',
                'title',
                'q',
                'limit',
                'intoTicketId',
                'reached',
              ]),
              scalar(),
            ]),
          ),
        () => ({ nested: { deeper: { deepest: Array.from({ length: 50 }, () => scalar()) } } }),
      ])();
    const out: { method: string; url: string; payload?: string; headers?: Record<string, string> }[] = [];
    for (const route of routes.filter((x) => !skip.includes(x.path))) {
      for (let i = 0; i < (heavy.has(route.path) ? Math.min(perRoute, 3) : perRoute); i++) {
        const path = route.path.replace(/\{[^}]+\}/g, () =>
          encode(
            String(
              pick(['1', '2', '0', '-5', 'abc', '99999999999999999999', '1.5', "1' OR 1=1", '%00', '\u202e']),
            ),
          ),
        );
        const q = route.query
          .filter(() => r() < 0.5)
          .map((k) => `${k}=${encode(String(scalar()))}`)
          .join('&');
        const url = q ? `${path}?${q}` : path;
        if (route.method === 'GET') out.push({ method: 'GET', url });
        else {
          const huge = r() < 0.02;
          out.push({
            method: route.method,
            url,
            payload: huge
              ? JSON.stringify({ content: 'x'.repeat(1_200_000) })
              : r() < 0.05
                ? '{"unterminated": '
                : JSON.stringify(body()),
            headers: { 'content-type': r() < 0.05 ? 'text/plain' : 'application/json' },
          });
        }
      }
    }
    return out;
  }

  async function fingerprint() {
    const tables = [
      'ticket',
      'ticket_event',
      'ticket_assignment',
      'ticket_deadline',
      'org_unit',
      'app_user',
      'category',
      'calendar_version',
      'supervision',
    ];
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      const row = await sql<{
        n: number;
        h: string;
      }>`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t`.execute(
        t.handle.db,
      );
      out[table] = row.rows[0];
    }
    return out;
  }

  async function fire(reqs: ReturnType<typeof makeRequests>, headers: Record<string, string>) {
    const failures: string[] = [];
    const codes = new Map<number, number>();
    for (const req of reqs) {
      const res = await t.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: { ...headers, ...req.headers },
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
      });
      codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) {
        failures.push(`${req.method} ${req.url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    if (process.env.FUZZ_STATS) {
      process.stdout.write(`fuzz status codes: ${JSON.stringify([...codes].sort())}\n`);
    }
    return failures;
  }

  it('a unit user with nothing to act on: no 5xx and no change to data', async () => {
    const before = await fingerprint();
    const reqs = makeRequests(1, 12);
    expect(reqs.length).toBeGreaterThan(2000);
    const failures = await fire(reqs, await t.as('handler2'));
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('without a session: no 5xx and no change to data', async () => {
    const before = await fingerprint();
    const failures = await fire(makeRequests(2, 10, []), {});
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('an administrator: no 5xx on malformed and hostile input', async () => {
    const failures = await fire(makeRequests(3, 10), await t.as('admin'));
    expect(failures).toEqual([]);
  });
});
