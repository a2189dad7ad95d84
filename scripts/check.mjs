// Static checks as one suite: formatting, type-check and lint, each counted as a test.
import { spawnSync } from 'node:child_process';

const steps = [
  ['format', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['type-check', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  [
    'lint',
    [
      'npx',
      'eslint',
      '--max-warnings',
      '0',
      '--no-error-on-unmatched-pattern',
      'server',
      'common',
      'web/src',
      'e2e',
      'bench',
      'scripts',
    ],
  ],
];
let passed = 0;
let failed = 0;
for (const [name, [cmd, ...args]] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) {
    passed++;
    console.log(`✓ ${name}`);
  } else {
    failed++;
    console.log(`✗ ${name}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
