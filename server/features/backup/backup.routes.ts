import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/http';
import { appendAudit } from '../audit/audit';
import { CONTROL_BACKUP_PATH, CONTROL_HEADER, isControlToken, isLoopback } from './backup-control';
import { BackupInvalidError, backupTo, type BackupResult } from './backup.service';
import { attachmentBackupFiles } from '../attachments/backup-files';

const backupSummary = z.object({
  file: z.string(),
  tables: z.number().int(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
});

/** `DATA_DIR/backups/civicline-20261207T051500Z-1a2b.jsonl.gz` (UTC time; never overwrites). */
export function backupFileName(dataDir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return path.join(path.resolve(dataDir), 'backups', `civicline-${stamp}-${suffix}.jsonl.gz`);
}

/**
 * Online backups taken by the running server: `POST /api/admin/backup` for administrators, and
 * `POST /control/backup` for `civicline backup` on the same machine (see backup-control.ts).
 * One backup at a time; both are audited.
 */
export function backupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  let running = false;
  const take = async (
    req: FastifyRequest,
    actor: { id: number; username: string } | null,
  ): Promise<BackupResult> => {
    if (running) throw new AppError('CONFLICT', '已有备份正在进行，请稍后再试');
    running = true;
    try {
      const file = backupFileName(ctx.env.DATA_DIR, systemClock.now());
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const r = await backupTo({ db: ctx.db, kind: ctx.dbKind }, file, {
        files: attachmentBackupFiles(ctx.env),
      });
      await appendAudit(ctx.db, {
        at: systemClock.now(),
        actorUserId: actor?.id ?? null,
        actorUsername: actor?.username ?? null,
        action: 'backup',
        targetType: 'backup',
        targetId: path.basename(file),
        details: {
          via: actor ? 'api' : 'command-line',
          tables: r.tables,
          rows: r.rows,
          bytes: r.bytes,
          sha256: r.sha256,
        },
        ip: req.ip,
      });
      return r;
    } catch (e) {
      if (e instanceof BackupInvalidError) {
        throw new AppError('INTERNAL', `备份文件校验失败，未保存：${e.message}`);
      }
      throw e;
    } finally {
      running = false;
    }
  };
  const summary = (r: BackupResult) => ({
    file: r.file,
    tables: r.tables,
    rows: r.rows,
    bytes: r.bytes,
    sha256: r.sha256,
  });

  return async (app) => {
    app.post(
      '/api/admin/backup',
      {
        schema: {
          tags: ['admin'],
          summary: '在线备份 Back up the whole database into DATA_DIR/backups (one snapshot, verified)',
          response: { 200: backupSummary },
        },
      },
      async (req) => {
        const admin = requireRole(req, 'admin');
        return summary(await take(req, admin));
      },
    );

    app.post(
      CONTROL_BACKUP_PATH,
      { schema: { hide: true, response: { 200: backupSummary } } },
      async (req) => {
        const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
        if (!isLoopback(req.socket.remoteAddress) || forwarded) {
          throw new AppError('FORBIDDEN', '控制接口仅限本机调用');
        }
        const token = req.headers[CONTROL_HEADER];
        if (!isControlToken(ctx.env.DATA_DIR, typeof token === 'string' ? token : undefined)) {
          throw new AppError('UNAUTHENTICATED', '控制令牌无效');
        }
        return summary(await take(req, null));
      },
    );
  };
}
