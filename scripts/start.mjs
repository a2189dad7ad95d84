// `npm start`: builds the web client when it is missing or older than its sources, then
// runs the server (API + web) in this process through tsx.
import { spawnSync } from 'node:child_process';
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
if (fs.existsSync(webSrc)) {
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

// The server runs in this process (no child): a signal reaches it once per sender and its own
// handler closes the database before exiting.
register();
await import('../server/main.ts');
