import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callServer, freshSchemaUrl, startServerProcess, type ServerProcess } from './server-process';

/**
 * One installation of CivicLine for process tests: its own database (a fresh schema on the
 * server of DATABASE_URL, else an embedded database in a temporary directory) and a server
 * process on it, which can be killed and started again on the same data.
 */
export interface Installation {
  proc: ServerProcess;
  base: string;
  token(user: string): Promise<string>;
  call(user: string, method: string, url: string, body?: unknown): ReturnType<typeof callServer>;
  /** SIGKILL, no shutdown: what a crash leaves. */
  kill(): Promise<void>;
  /** Starts the server again on the same data, with more environment. */
  restart(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export async function startInstallation(name: string, env: Record<string, string>): Promise<Installation> {
  const url = process.env.DATABASE_URL;
  const schema = url ? await freshSchemaUrl(url, name) : null;
  const dataDir = schema ? null : fs.mkdtempSync(path.join(os.tmpdir(), `civicline-${name}-`));
  const base = {
    CIVICLINE_DEMO_ORDERS: '0',
    CIVICLINE_DEMO_KB: '0',
    ...(schema ? { DATABASE_URL: schema.url } : { DATA_DIR: dataDir ?? '' }),
  };
  let proc = await startServerProcess({ ...base, ...env });
  const tokens = new Map<string, string>();
  const token = async (user: string) => {
    const known = tokens.get(user);
    if (known) return known;
    const r = await callServer(proc.base, null, 'POST', '/api/auth/login', {
      username: user,
      password: 'demo',
    });
    if (r.status !== 200) throw new Error(`login ${user}: ${JSON.stringify(r.json)}`);
    const t = (r.json as { token: string }).token;
    tokens.set(user, t);
    return t;
  };
  const inst: Installation = {
    proc,
    get base() {
      return proc.base;
    },
    token,
    call: async (user, method, u, body) => callServer(proc.base, await token(user), method, u, body),
    async kill() {
      const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
      proc.child.kill('SIGKILL');
      await exited;
    },
    async restart(more = {}) {
      proc = await startServerProcess({ ...base, ...env, ...more });
      inst.proc = proc;
    },
    async stop() {
      await proc.stop();
      await schema?.drop().catch(() => undefined);
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return inst;
}

/** Polls `check` until it returns a value (not undefined), up to `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
