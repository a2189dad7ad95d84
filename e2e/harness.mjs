// Test harness of the browser tests: builds the web client when stale, starts the server on a
// free port with a fresh data directory and the test clock, launches Chromium, and runs tests
// in order with a tiny runner that prints "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '..');
export const artifacts = path.join(root, 'e2e/artifacts');

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export function buildWebIfNeeded() {
  const dist = path.join(root, 'web/dist/index.html');
  const sources = ['web/src', 'web/index.html', 'vite.config.ts', 'common'].map((p) =>
    newest(path.join(root, p)),
  );
  if (fs.existsSync(dist) && Math.max(...sources) <= fs.statSync(dist).mtimeMs) return;
  process.stdout.write('building the web client…\n');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server with demo data and the test clock at `now`; returns { base, stop }. */
export async function startServer({ now }) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_DEMO: '1',
    // Enough demo orders for every state and realistic screens, few enough to start fast.
    CIVICLINE_DEMO_ORDERS: process.env.E2E_DEMO_ORDERS ?? '60',
    CIVICLINE_NOW: now,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  // Always a fresh embedded database, whatever the CI exports.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // A loaded machine may need longer (E2E_START_TIMEOUT_MS).
  const deadline = Date.now() + Number(process.env.E2E_START_TIMEOUT_MS ?? 90_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited during start:\n${output}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return { base, stop, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server did not become healthy:\n${output}`);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A JSON API client for test setup. */
export function apiClient(base) {
  const tokens = new Map();
  async function call(user, method, url, body) {
    let token = tokens.get(user);
    if (!token && user) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: 'demo' }),
      });
      if (!r.ok) throw new Error(`login ${user}: ${r.status}`);
      token = (await r.json()).token;
      tokens.set(user, token);
    }
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await r.json().catch(() => null);
    if (!r.ok) throw new Error(`${method} ${url} as ${user}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  }
  return {
    get: (user, url) => call(user, 'GET', url),
    post: (user, url, body) => call(user, 'POST', url, body ?? {}),
  };
}

/** The tiny runner: tests run in order; a failure is reported and the next test runs. */
export function runner() {
  const tests = [];
  return {
    test: (name, fn) => tests.push({ name, fn }),
    async run(context) {
      let passed = 0;
      let failed = 0;
      const only = process.env.E2E_ONLY;
      for (const t of tests) {
        if (only && !only.split('|').some((o) => t.name.includes(o))) continue;
        const started = Date.now();
        try {
          await t.fn(context);
          passed++;
          process.stdout.write(`✓ ${t.name} (${Date.now() - started} ms)\n`);
        } catch (e) {
          failed++;
          process.stdout.write(
            `✗ ${t.name} (${Date.now() - started} ms)\n  ${String(e?.stack ?? e)
              .split('\n')
              .slice(0, 6)
              .join('\n  ')}\n`,
          );
          await context.onFailure?.(t.name).catch(() => {});
        }
      }
      return { passed, failed };
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}
