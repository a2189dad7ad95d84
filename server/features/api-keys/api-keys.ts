import crypto from 'node:crypto';
import type { ApiKeyDto, ApiKeyScope, CreateApiKeyBody } from '../../../common/contracts/api-keys';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { adminWithdrawal } from '../audit/admin-withdrawal';
import { actedBy, appendAudit } from '../audit/audit';
import {
  apiKeyExists,
  findUnit,
  insertApiKey,
  insertKeyActor,
  listApiKeys,
  revokeApiKey,
} from './api-keys.repository';

/** Keys start with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'cl_';

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

function requireAdmin(user: SessionUser): void {
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以管理接口密钥');
}

/**
 * Creates a key: 32 random bytes behind a recognisable prefix, returned once and stored as its
 * sha256. A `unit` key gets an account of its own (role handler of the unit, no password) that
 * its requests act as, so the order timeline names the key.
 */
export async function createApiKey(
  ctx: AppContext,
  user: SessionUser,
  body: { name: string; scopes: ApiKeyScope[]; unitId?: number | undefined },
  ip: string | null,
): Promise<{ id: number; key: string }> {
  requireAdmin(user);
  const unitId = body.scopes.includes('unit') ? (body.unitId ?? null) : null;
  if (body.unitId !== undefined && !body.scopes.includes('unit')) {
    throw new AppError('VALIDATION_FAILED', '只有承办单位系统密钥可以指定单位', [
      { path: '/unitId', message: 'only with scope unit' },
    ]);
  }
  const unit = unitId === null ? undefined : await findUnit(ctx.db, unitId);
  if (unitId !== null && !unit) throw new AppError('UNPROCESSABLE', '指定的单位不存在');
  const key = `${API_KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
  const now = systemClock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const actorUserId = unit
      ? await insertKeyActor(trx, {
          username: `api-key-${crypto.randomBytes(6).toString('hex')}`,
          displayName: `单位系统接口：${body.name}`.slice(0, 100),
          unitId: unit.id,
          now,
        })
      : null;
    const id = await insertApiKey(trx, {
      name: body.name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashApiKey(key),
      scopes: body.scopes,
      unitId,
      actorUserId,
      createdBy: user.id,
      now,
    });
    await appendAudit(trx, {
      ...actedBy(user, now),
      action: 'api-key-created',
      targetType: 'api_key',
      targetId: id,
      details: { name: body.name, scopes: body.scopes, unitId },
      ip,
    });
    return { id, key };
  });
}

export async function findApiKeys(ctx: AppContext, user: SessionUser): Promise<{ items: ApiKeyDto[] }> {
  requireAdmin(user);
  const rows = await listApiKeys(ctx.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scopes: r.scopes as ApiKeyScope[],
      unitId: r.unitId,
      unitName: r.unitName,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
  };
}

/** Revokes a key at once (a second revocation is a no-op answered the same way). */
export const revokeKey = adminWithdrawal({
  requireAdmin,
  exists: apiKeyExists,
  notFound: '接口密钥不存在',
  withdraw: async (trx, id, now) => {
    const row = await revokeApiKey(trx, id, now);
    return row ? { action: 'api-key-revoked', targetType: 'api_key', details: { name: row.name } } : null;
  },
});

export type { CreateApiKeyBody };
