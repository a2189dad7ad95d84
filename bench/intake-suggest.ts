/**
 * Latency of `POST /api/intake/suggest` on the demo city: an embedded database in a temporary
 * folder, the demo orders, the demo's models trained from them, then sequential requests through
 * the whole HTTP stack (Fastify inject: routing, session, validation, serialisation).
 *
 *   npx tsx bench/intake-suggest.ts [--orders 150] [--requests 300]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app';
import { migrateToLatest } from '../server/db/migrate';
import { trainDemoClassifiers } from '../server/features/classify/demo-classifier';
import { DEMO_PASSWORD } from '../server/features/demo/demo-city';
import { requestTemplates } from '../server/features/demo/demo-requests';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { loadDemoOrders } from '../server/features/demo/load-demo-orders';
import { createContext } from '../server/platform/context';
import { openPglite } from '../server/platform/db';
import { readEnv } from '../server/platform/env';
import { pct } from './bench-db';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-suggest-'));
const handle = await openPglite(dir);
try {
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  await loadDemoData(handle.db);
  const ctx = await createContext({ handle, env: readEnv({ LOG_LEVEL: 'silent', DATA_DIR: dir }) });
  await loadDemoOrders(ctx, arg('orders', 150));
  const t0 = performance.now();
  const models = await trainDemoClassifiers(ctx);
  const trainMs = performance.now() - t0;
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'agent', password: DEMO_PASSWORD },
  });
  const token = login.json<{ token: string }>().token;
  const texts = requestTemplates.map(
    (r) => `${r.content.replace('{place}', '幸福路12号')}联系电话13912345678`,
  );
  const times: number[] = [];
  const n = arg('requests', 300);
  for (let i = 0; i < n + 20; i++) {
    const s = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/intake/suggest',
      headers: { authorization: `Bearer ${token}` },
      payload: { content: texts[i % texts.length] },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    if (i >= 20) times.push(performance.now() - s); // the first requests warm up
  }
  process.stdout.write(
    `models ${models.join(', ')} trained in ${trainMs.toFixed(0)} ms; ${n} suggestions: ` +
      `p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms\n`,
  );
  await app.close();
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
