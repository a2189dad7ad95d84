import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppContext } from '../../platform/context';

/**
 * Local control channel of a server running on the embedded database. PGlite allows one process
 * per data directory, so `civicline backup` cannot open the database while the server runs; it
 * asks the server instead. At start the server writes `DATA_DIR/.control-token` (mode 0600, so
 * only the account running the server can read it): its pid, port and a random 256-bit token.
 * `POST /control/backup` accepts a request only from a loopback address, without proxy headers,
 * carrying that token; the token file is removed when the process exits.
 */
export const CONTROL_FILE = '.control-token';
export const CONTROL_HEADER = 'x-civicline-control';
export const CONTROL_BACKUP_PATH = '/control/backup';

export interface ControlInfo {
  pid: number;
  port: number;
  token: string;
}

export function controlFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), CONTROL_FILE);
}

export function readControlInfo(dataDir: string): ControlInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(controlFile(dataDir), 'utf8')) as Partial<ControlInfo>;
    if (typeof v.pid !== 'number' || typeof v.port !== 'number' || typeof v.token !== 'string') return null;
    return { pid: v.pid, port: v.port, token: v.token };
  } catch {
    return null;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const ANY = new Set(['0.0.0.0', '::', ...LOOPBACK]);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

/**
 * Writes the token file of a server on the embedded database listening at `address`; returns what
 * removes it. Nothing is written for PostgreSQL (the command line opens its own session there) or
 * when the server does not listen on a loopback or wildcard address.
 */
export function publishControlChannel(
  ctx: Pick<AppContext, 'dbKind' | 'env'>,
  address: AddressInfo | string | null,
): () => void {
  if (ctx.dbKind !== 'pglite' || !address || typeof address === 'string' || !ANY.has(address.address)) {
    return () => undefined;
  }
  const file = controlFile(ctx.env.DATA_DIR);
  const info: ControlInfo = {
    pid: process.pid,
    port: address.port,
    token: crypto.randomBytes(32).toString('base64url'),
  };
  fs.rmSync(file, { force: true });
  // 'wx' with mode 0600: a fresh file nobody else could have opened in between.
  fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
  const remove = () => {
    if (readControlInfo(ctx.env.DATA_DIR)?.token === info.token) fs.rmSync(file, { force: true });
  };
  // Removed however the process ends normally (a signal's shutdown ends in process.exit).
  process.once('exit', remove);
  return () => {
    process.removeListener('exit', remove);
    remove();
  };
}

/** True when `presented` is the token this process published for `dataDir`. */
export function isControlToken(dataDir: string, presented: string | undefined): boolean {
  const info = readControlInfo(dataDir);
  if (!info || info.pid !== process.pid || !presented) return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(info.token).digest();
  return crypto.timingSafeEqual(a, b);
}

/** The pid holding the embedded database's lock file (see platform/db.ts), when that process lives. */
export function embeddedLockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(path.resolve(dataDir), 'civicline.lock'), 'utf8'));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** POSTs to the running server's control channel; no time limit (a large backup takes a while). */
export function callControl(info: ControlInfo, urlPath: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: info.port,
        path: urlPath,
        method: 'POST',
        headers: { [CONTROL_HEADER]: info.token, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** What the running server answered, once the file is at its final place. */
export interface RemoteBackup {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  sha256: string;
}

/**
 * Asks the server holding the embedded database in `dataDir` (process `holder`) for a backup, then
 * moves the file it wrote under DATA_DIR/backups to `target`: copied beside the target, verified
 * again (same SHA-256 as the server reported, every check of verifyBackup), renamed into place.
 */
export async function backupThroughServer(
  dataDir: string,
  holder: number,
  target: string,
): Promise<RemoteBackup> {
  const info = readControlInfo(dataDir);
  if (!info || info.pid !== holder) {
    throw new Error(
      `the embedded database in ${path.resolve(dataDir)} is in use by process ${holder}, which offers no control channel ` +
        `(${CONTROL_FILE} missing or not its own): take the backup with POST /api/admin/backup as an administrator, or stop that process`,
    );
  }
  const res = await callControl(info, CONTROL_BACKUP_PATH);
  const body = res.body as Partial<RemoteBackup> & { error?: { message?: string } };
  if (res.status !== 200 || typeof body.file !== 'string' || typeof body.sha256 !== 'string') {
    throw new Error(
      `the running server refused the backup (HTTP ${res.status}): ${body.error?.message ?? JSON.stringify(res.body)}`,
    );
  }
  const { verifyBackup } = await import('./backup-verify');
  const source = body.file;
  if (path.resolve(source) === target) return { ...(body as RemoteBackup), file: target };
  const tmp = `${target}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.copyFileSync(source, tmp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(tmp, 0o600);
    const v = await verifyBackup(tmp);
    if (v.sha256 !== body.sha256) throw new Error('the copied backup differs from the file the server wrote');
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.rmSync(source, { force: true });
  return { ...(body as RemoteBackup), file: target };
}
