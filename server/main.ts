import { roleLabels } from '../common/enums';
import { buildApp } from './app';
import { migrateToLatest } from './db/migrate';
import { publishControlChannel } from './features/backup/backup-control';
import { demoUsers, DEMO_PASSWORD } from './features/demo/demo-city';
import {
  ensureReferenceData,
  loadDemoData,
  requireChangeOfDemoPasswords,
} from './features/demo/load-demo-data';
import { completeDemoLoad } from './features/demo/demo-steps';
import { runSweep, startSweeper } from './jobs/sla-sweep';
import { createContext } from './platform/context';
import { openDatabase } from './platform/db';
import { readEnv } from './platform/env';
import { createLogger } from './platform/logger';
import { createShutdown } from './platform/shutdown';

/** Composition root: env → logger → db → migrations → app + jobs. */
async function main(): Promise<void> {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  const demoLoaded = env.CIVICLINE_DEMO ? await loadDemoData(handle.db) : false;
  if (!env.CIVICLINE_DEMO) await requireChangeOfDemoPasswords(handle.db);

  const ctx = await createContext({ handle, env, logger });
  const { rules } = ctx;
  if (env.CIVICLINE_DEMO) {
    const demo = await completeDemoLoad(ctx, {
      knowledge: env.CIVICLINE_DEMO_KB,
      orders: env.CIVICLINE_DEMO_ORDERS,
      onOrders: (n) => process.stdout.write(`Generating ${n} demo orders…\n`),
    });
    if (demo.redone.length) logger.warn({ redone: demo.redone }, 'an interrupted first start was completed');
    if (demo.orders > 0) await runSweep(ctx);
  }
  const app = await buildApp(ctx);
  await app.listen({ port: env.PORT, host: env.HOST });
  // `civicline backup` reaches this process through it while the embedded database is held here.
  publishControlChannel(ctx, app.server.address());
  const stopSweeper = startSweeper(ctx);

  const where =
    handle.kind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `CivicLine is running: http://localhost:${env.PORT}/  (API: /api, OpenAPI: /api/openapi.json)`,
    `Database: ${where}${demoLoaded ? ' — demo city 云川市 loaded' : ''}`,
    `Policy profile: ${rules.profile.id} (${rules.profile.name}), calendar version ${rules.calendarVersion}`,
  ];
  if (env.CIVICLINE_DEMO) {
    lines.push(`Demo accounts (password "${DEMO_PASSWORD}"; demo data only, never in production):`);
    for (const u of demoUsers) {
      lines.push(`  ${u.username.padEnd(14)} ${roleLabels[u.role].padEnd(8, '　')} ${u.displayName}`);
    }
  }
  if (env.CIVICLINE_TEST_CLOCK) {
    lines.push('Test clock enabled: POST /api/admin/clock {"now": ISO}, POST /api/admin/sweep');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = createShutdown({
    app,
    stopJobs: stopSweeper,
    closeDatabase: () => handle.close(),
    timeoutMs: env.CIVICLINE_SHUTDOWN_TIMEOUT_MS,
    logger,
  });
  // A Ctrl-C reaches every process of the group (npm and the server): the signal may come twice.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      shutdown().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`CivicLine failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
