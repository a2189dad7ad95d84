/**
 * Write-path bench: how many SQL statements intake and the common actions send to the database,
 * counted through a Kysely plugin on the real use cases (transaction BEGIN/COMMIT not included),
 * and their mean wall time over a few hundred orders. Embedded database by default, or the
 * server named by DATABASE_URL (a schema of its own, dropped afterwards).
 *
 *   npx tsx bench/write-path.bench.ts [--orders 200] [--show]
 */
import { demoSessions } from './bench-db';
import { openScratchDb } from './bench-open';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { migrateToLatest } from '../server/db/migrate';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { createTicket } from '../server/features/tickets/create-ticket';
import { performAction } from '../server/features/tickets/perform-action';
import { TestClock } from '../server/platform/clock';
import { createContext } from '../server/platform/context';
import { readEnv } from '../server/platform/env';
import { createLogger } from '../server/platform/logger';
import { buildApp } from '../server/app';
import { DEMO_PASSWORD } from '../server/features/demo/demo-city';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('orders', 200);
const show = process.argv.includes('--show');

/** Counts the statements Kysely sends (every query, raw SQL included, passes a plugin). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  kinds: string[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    if (show) this.kinds.push(args.node.kind);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

async function main() {
  const { handle, cleanup } = await openScratchDb();
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  await loadDemoData(handle.db);
  const counter = new StatementCounter();
  const db = handle.db.withPlugin(counter);
  const env = readEnv({
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_NOW: '2026-11-23T10:00:00+08:00',
    LOG_LEVEL: 'silent',
    CIVICLINE_PROFILE: 'zibo-12345',
  });
  const ctx = await createContext({ handle: { db, kind: handle.kind }, env, logger: createLogger('silent') });
  const clock = ctx.clock;
  if (!(clock instanceof TestClock)) throw new Error('the bench runs on the test clock');
  const session = await demoSessions(handle.db);
  const rsj = (
    await handle.db.selectFrom('org_unit').select('id').where('code', '=', 'YC-RSJ').executeTakeFirstOrThrow()
  ).id;
  const agent = session('agent');
  const dispatcher = session('dispatcher');
  const handler = session('handler');
  const steps = ['intake', 'dispatch', 'accept', 'reply'] as const;
  const counts = new Map<string, number[]>(steps.map((s) => [s, []]));
  const times = new Map<string, number[]>(steps.map((s) => [s, []]));
  const measure = async (step: string, fn: () => Promise<unknown>) => {
    counter.count = 0;
    counter.kinds = [];
    const t0 = performance.now();
    await fn();
    times.get(step)?.push(performance.now() - t0);
    counts.get(step)?.push(counter.count);
    if (show && counts.get(step)?.length === 1) console.log(step, counter.kinds.join(' '));
  };
  for (let i = 0; i < N; i++) {
    let id = 0;
    await measure('intake', async () => {
      id = await createTicket(ctx, agent, {
        channel: 'phone',
        type: 'complaint',
        category: '010201',
        urgency: 'normal',
        level: 'city',
        caller: { name: '王小明', phone: `1381234${String(i).padStart(4, '0')}`, confidential: false },
        location: { address: '东城区东湖路18号', region: '东城区' },
        content: '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。',
        complex: false,
        tags: [],
        disposition: 'order',
      });
    });
    await measure('dispatch', () => performAction(ctx, dispatcher, id, 'dispatch', { unitId: rsj }));
    await measure('accept', () => performAction(ctx, handler, id, 'accept', {}));
    await measure('reply', () =>
      performAction(ctx, handler, id, 'reply', { result: '已核实并处理', contacted: true }),
    );
  }
  // The same over HTTP (in-process requests): authentication, the write, the response.
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  const bearer = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
  };
  const agentH = await bearer('agent');
  const dispatcherH = await bearer('dispatcher');
  for (const s of ['http intake', 'http dispatch'] as const) {
    counts.set(s, []);
    times.set(s, []);
  }
  for (let i = 0; i < N; i++) {
    let id = 0;
    await measure('http intake', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: agentH,
        payload: {
          channel: 'phone',
          type: 'complaint',
          category: '010201',
          caller: { name: '李四', phone: `1391234${String(i).padStart(4, '0')}` },
          location: { address: '东城区东湖路18号', region: '东城区' },
          content: '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。',
        },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      id = res.json<{ id: number }>().id;
    });
    await measure('http dispatch', async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/tickets/${id}/actions/dispatch`,
        headers: dispatcherH,
        payload: { unitId: rsj },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
  }
  await app.close();
  console.log(`write path, ${N} orders, ${handle.kind}`);
  for (const s of counts.keys()) {
    const c = counts.get(s) ?? [];
    const t = times.get(s) ?? [];
    const mean = t.reduce((a, b) => a + b, 0) / Math.max(1, t.length);
    console.log(`${s.padEnd(9)} statements ${Math.min(...c)}-${Math.max(...c)}  mean ${mean.toFixed(2)} ms`);
  }
  await cleanup();
}

await main();
