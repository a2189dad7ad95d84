// Test harness of the browser tests: builds the web client when stale, starts the server on a
// free port with a fresh data directory and the test clock, launches Chromium, and runs tests
// in order with a tiny runner that prints "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '..');
export const artifacts = path.join(root, 'e2e/artifacts');

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export function buildWebIfNeeded(): void {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`no port in ${String(address)}`));
        return;
      }
      s.close(() => resolve(address.port));
    });
  });
}

/** The server under test: its base URL, how to stop it, and what it printed. */
export interface Server {
  base: string;
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts the server with demo data and the test clock at `now`; returns { base, stop }. */
export async function startServer({ now }: { now: string }): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_DEMO: '1',
    // Enough demo orders for every state and realistic screens, few enough to start fast.
    CIVICLINE_DEMO_ORDERS: process.env.E2E_DEMO_ORDERS ?? '60',
    // A failed webhook delivery is retried within seconds here (30 s in service), so the webhook
    // test sees the retry without waiting half a minute.
    CIVICLINE_WEBHOOK_BACKOFF: '3',
    CIVICLINE_WEBHOOK_INTERVAL_MS: '1000',
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
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise<void>((r) => {
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

export async function launchBrowser(): Promise<Browser> {
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

/**
 * A JSON API client for test setup. Answers are typed by the caller (`api.get<TicketPage>(…)`):
 * the server's JSON is trusted to match the shared contract, as the screens trust it.
 */
export interface Api {
  get<T>(user: string, url: string): Promise<T>;
  post<T = unknown>(user: string, url: string, body?: unknown): Promise<T>;
}

export function apiClient(base: string): Api {
  const tokens = new Map<string, string>();
  async function call(user: string, method: string, url: string, body?: unknown): Promise<unknown> {
    let token = tokens.get(user);
    if (!token && user) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: 'demo' }),
      });
      if (!r.ok) throw new Error(`login ${user}: ${r.status}`);
      token = ((await r.json()) as { token: string }).token;
      tokens.set(user, token);
    }
    const r = await fetch(`${base}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${String(token)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data: unknown = await r.json().catch(() => null);
    if (!r.ok) throw new Error(`${method} ${url} as ${user}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  }
  return {
    get: async <T>(user: string, url: string) => (await call(user, 'GET', url)) as T,
    post: async <T>(user: string, url: string, body?: unknown) =>
      (await call(user, 'POST', url, body ?? {})) as T,
  };
}

/** How a test is registered on the runner: its name (listed in CI, matched by E2E_ONLY) and body. */
export type Test = (name: string, fn: () => Promise<void>) => void;

/** What the runner calls when a test fails (screenshots of the open pages). */
export interface RunContext {
  onFailure?: (name: string) => Promise<void>;
}

/** The tiny runner: tests run in order; a failure is reported and the next test runs. */
export function runner(): {
  test: Test;
  run: (context: RunContext) => Promise<{ passed: number; failed: number }>;
} {
  const tests: { name: string; fn: () => Promise<void> }[] = [];
  return {
    test: (name, fn) => {
      tests.push({ name, fn });
    },
    async run(context) {
      let passed = 0;
      let failed = 0;
      const only = process.env.E2E_ONLY;
      for (const t of tests) {
        if (only && !only.split('|').some((o) => t.name.includes(o))) continue;
        const started = Date.now();
        try {
          await t.fn();
          passed++;
          process.stdout.write(`✓ ${t.name} (${Date.now() - started} ms)\n`);
        } catch (e) {
          failed++;
          process.stdout.write(
            `✗ ${t.name} (${Date.now() - started} ms)\n  ${errorText(e)
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

/** An error's stack (or the thrown value as text). */
export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

/** A value an earlier test left in the shared state; missing when that test failed or was skipped. */
export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what} (left by an earlier test)`);
  return value;
}
