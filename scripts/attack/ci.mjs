#!/usr/bin/env node
/**
 * The fast attack checks, as one CI suite: kill -9 under load on the embedded database and (with
 * DATABASE_URL) on PostgreSQL, and the race scenarios (crossed merges, the sweep racing clerks,
 * conflicting actions) on PostgreSQL, each in a short, bounded form. Prints `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
const withoutDb = { ...process.env };
delete withoutDb.DATABASE_URL;
const checks = [
  [
    'kill -9 under load (embedded)',
    'crash-under-load.mjs',
    ['--seconds', '5', '--clients', '4', '--rounds', '1'],
    withoutDb,
  ],
];
if (process.env.DATABASE_URL) {
  checks.push(
    [
      'kill -9 under load (PostgreSQL)',
      'crash-under-load.mjs',
      ['--seconds', '5', '--clients', '8', '--rounds', '1'],
      process.env,
    ],
    ['races (PostgreSQL)', 'races.mjs', ['--orders', '120', '--clerks', '6', '--pairs', '10'], process.env],
  );
}
let passed = 0;
let failed = 0;
for (const [name, script, args, env] of checks) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(here, script), ...args], {
    env,
    stdio: 'inherit',
    timeout: 300_000,
  });
  const ok = r.status === 0;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
