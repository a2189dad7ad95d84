import type { FastifyRequest } from 'fastify';
import type { ApiKeyScope } from '../../../common/contracts/api-keys';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { findApiKeyByHash, touchApiKey } from './api-keys.repository';
import { API_KEY_PREFIX, hashApiKey } from './api-keys';

/** A request authenticated by an `X-API-Key`. */
export interface ApiKeyPrincipal {
  id: number;
  name: string;
  scopes: ApiKeyScope[];
  unitId: number | null;
  /** Scope `unit`: the handler account of the unit the key acts as. */
  actor: SessionUser | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKeyPrincipal | null;
  }
  interface FastifyContextConfig {
    /** The API key scopes a route accepts (none: sessions only). */
    apiKeyScopes?: readonly ApiKeyScope[];
  }
}

const invalid = () => new AppError('API_KEY_INVALID', '接口密钥无效或已吊销');

/** Resolves an `X-API-Key` header to its key; an unknown or revoked key is 401 API_KEY_INVALID. */
export async function authenticateApiKey(
  ctx: AppContext,
  header: string | string[],
): Promise<ApiKeyPrincipal> {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) throw invalid();
  const row = await findApiKeyByHash(ctx.db, hashApiKey(key));
  if (!row || row.revokedAt) throw invalid();
  const now = systemClock.now();
  // Last use, cheaply: at most one write a minute per key.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchApiKey(ctx.db, row.id, now);
  }
  const scopes = row.scopes as ApiKeyScope[];
  let actor: SessionUser | null = null;
  if (scopes.includes('unit')) {
    if (row.actorId === null || !row.actorActive || row.actorUnitId === null) throw invalid();
    actor = {
      id: row.actorId,
      username: row.actorUsername ?? '',
      displayName: row.actorDisplayName ?? '',
      role: 'handler',
      unitId: row.actorUnitId,
      sessionId: 0,
    };
  }
  return { id: row.id, name: row.name, scopes, unitId: row.unitId, actor };
}

/**
 * The session gate's answer for a request with an API key: the key must hold a scope the route
 * accepts (`config.apiKeyScopes`), else 403 API_KEY_SCOPE. A `unit` key on a route that accepts
 * `unit` acts as its handler account (the request's user); other scopes leave no user.
 */
export function admitApiKey(req: FastifyRequest, key: ApiKeyPrincipal): SessionUser | null {
  const accepted = req.routeOptions.config?.apiKeyScopes ?? [];
  const granted = key.scopes.filter((s) => accepted.includes(s));
  if (granted.length === 0) throw new AppError('API_KEY_SCOPE', '接口密钥无权访问此接口');
  return granted.includes('unit') ? key.actor : null;
}

/** The key of a route served to keys of `scope` only (sessions are refused). */
export function requireApiKey(req: FastifyRequest, scope: ApiKeyScope): ApiKeyPrincipal {
  const key = req.apiKey;
  if (!key) throw new AppError('FORBIDDEN', '此接口须使用接口密钥（X-API-Key）');
  if (!key.scopes.includes(scope)) throw new AppError('API_KEY_SCOPE', '接口密钥无权访问此接口');
  return key;
}
