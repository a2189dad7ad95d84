import cluster from 'node:cluster';
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
import { advisoryLeadership, soleLeadership, startJobs } from './jobs/leader';
import { runSweep } from './jobs/sla-sweep';
import { createContext } from './platform/context';
import { openDatabase, openReplica, type DatabaseHandle } from './platform/db';
import { readEnv } from './platform/env';
import { createLogger } from './platform/logger';
import { createShutdown } from './platform/shutdown';

/** Composition root: env → logger → db → migrations → app + jobs. */
async function main(): Promise<void> {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  const replica: DatabaseHandle | null = env.DATABASE_REPLICA_URL
    ? await openReplica(env.DATABASE_REPLICA_URL, undefined, env.DATABASE_POOL_SIZE)
    : null;
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  const demoLoaded = env.CIVICLINE_DEMO ? await loadDemoData(handle.db) : false;
  if (!env.CIVICLINE_DEMO) await requireChangeOfDemoPasswords(handle.db);

  const ctx = await createContext({ handle, env, logger, ...(replica ? { readDb: replica.db } : {}) });
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
  const app = await buildApp(ctx, { listenSession: handle.openSession });
  await app.listen({ port: env.PORT, host: env.HOST });
  // `civicline backup` reaches this process through it while the embedded database is held here.
  publishControlChannel(ctx, app.server.address());
  // Every process runs the loop; the one holding the advisory lock runs the jobs (docs/OPERATIONS.md).
  const jobs = startJobs(
    ctx,
    handle.openSession ? advisoryLeadership(handle.openSession, logger) : soleLeadership,
    env.CIVICLINE_JOB_INTERVAL_MS,
  );

  const where =
    handle.kind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `CivicLine is running: http://localhost:${env.PORT}/  (API: /api, OpenAPI: /api/openapi.json)`,
    `Database: ${where}${demoLoaded ? ' — demo city 云川市 loaded' : ''}${replica ? ', reports from the replica (DATABASE_REPLICA_URL)' : ''}`,
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
  // Under `npm start` with CIVICLINE_WORKERS > 1 the first worker prints the banner, the others a line.
  const worker = cluster.isWorker ? cluster.worker : undefined;
  if (worker && worker.id > 1) process.stdout.write(`Worker ${worker.id} (pid ${process.pid}) is serving.\n`);
  else process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = createShutdown({
    app,
    stopJobs: () => jobs.stop(),
    closeDatabase: async () => {
      await replica?.close();
      await handle.close();
    },
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
