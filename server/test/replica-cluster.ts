import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process';

/** Where Debian's PostgreSQL 15 server binaries live (initdb, pg_ctl, pg_basebackup). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export function replicaBinariesPresent(): boolean {
  return ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => fs.existsSync(path.join(PG_BIN, b)));
}

export interface ReplicaPair {
  primaryUrl: string;
  standbyUrl: string;
  stop(): void;
}

/** The server refuses to run as root: there, every binary runs as the `postgres` account. */
function run(bin: string, args: string[]): void {
  const exe = path.join(PG_BIN, bin);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : exe, asRoot ? ['-u', 'postgres', '--', exe, ...args] : args, {
    stdio: 'pipe',
    timeout: 120_000,
  });
}

/**
 * A throw-away primary (wal_level=replica) and a streaming standby made from it by
 * pg_basebackup (-R writes standby.signal and primary_conninfo), each on a free port, under a
 * temporary directory; trust authentication on 127.0.0.1 only.
 */
export async function startReplicaPair(): Promise<ReplicaPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-replica-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const primary = path.join(dir, 'primary');
  const standby = path.join(dir, 'standby');
  const [p1, p2] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'hot_standby = on',
      'fsync = off',
      'shared_buffers = 32MB',
      '',
    ].join('\n');
  const started: string[] = [];
  const stop = () => {
    for (const d of started.reverse()) {
      try {
        run('pg_ctl', ['-D', d, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    fs.appendFileSync(path.join(primary, 'postgresql.conf'), settings(p1));
    run('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(p1),
      '-U',
      'postgres',
      '-D',
      standby,
      '-R',
      '-X',
      'stream',
    ]);
    // The copied configuration names the primary's port; a later line wins.
    fs.appendFileSync(path.join(standby, 'postgresql.conf'), `port = ${p2}\n`);
    run('pg_ctl', ['-D', standby, '-l', path.join(dir, 'standby.log'), '-w', 'start']);
    started.push(standby);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${p1}/postgres`,
    standbyUrl: `postgres://postgres@127.0.0.1:${p2}/postgres`,
    stop,
  };
}
