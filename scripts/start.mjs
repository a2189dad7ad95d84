// `npm start`: builds the web client when it is missing or older than its sources, then
// runs the server (API + web) in this process through tsx — or, with CIVICLINE_WORKERS=N (N > 1,
// PostgreSQL only), in N worker processes sharing the port (node:cluster), see docs/OPERATIONS.md.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const webSrc = path.join(root, 'web/src');
if (cluster.isPrimary && fs.existsSync(webSrc)) {
  const stale = !fs.existsSync(dist) || newest(webSrc) > fs.statSync(dist).mtimeMs;
  if (stale) {
    process.stdout.write('Building the web client (first start or sources changed)…\n');
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const requested = Number(process.env.CIVICLINE_WORKERS ?? '1');
const workers = Number.isInteger(requested) && requested > 1 && requested <= 64 ? requested : 1;

if (cluster.isPrimary && workers > 1) {
  if (!process.env.DATABASE_URL) {
    process.stderr.write(
      'CivicLine failed to start: CIVICLINE_WORKERS > 1 needs DATABASE_URL (the embedded database allows one process).\n',
    );
    process.exit(1);
  }
  runPrimary(workers);
} else {
  // The server runs in this process (no child): a signal reaches it once per sender and its own
  // handler closes the database before exiting.
  register();
  await import('../server/main.ts');
}

/**
 * The primary only supervises: the first worker starts alone (it applies the migrations and
 * loads the demo city), the others once it listens; a worker that dies is replaced; a signal
 * stops every worker (each one shuts down cleanly) and then the primary.
 */
function runPrimary(n) {
  let stopping = false;
  let started = false;
  const fork = () => cluster.fork();
  const first = fork();
  first.once('listening', () => {
    started = true;
    for (let i = 1; i < n; i++) fork();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!started) {
      // The first start failed (configuration, database): do not loop.
      process.exit(code ?? 1);
    }
    process.stderr.write(
      `Worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another.\n`,
    );
    setTimeout(fork, 1000).unref();
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      const alive = Object.values(cluster.workers ?? {});
      if (alive.length === 0) process.exit(0);
      for (const w of alive) w?.process.kill('SIGTERM');
    });
  }
}
