import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../common/enums';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { findSessionUser, touchSession } from './auth.repository';
import { hashToken } from './password';

/** Resolves `Authorization: Bearer <token>` to the session's user, or null. */
export async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<SessionUser | null> {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Bearer ')) return null;
  const token = header.slice(7).trim();
  if (!token || token.length > 200) return null;
  const row = await findSessionUser(ctx.db, hashToken(token));
  if (!row || !row.active || row.revokedAt) return null;
  const now = systemClock.now();
  if (row.expiresAt <= now) return null;
  // Idle timeout: a session unused for longer than the idle limit is over.
  const idleMs = ctx.env.CIVICLINE_IDLE_MINUTES * 60_000;
  if (now.getTime() - row.lastSeenAt.getTime() > idleMs) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await touchSession(ctx.db, row.sessionId, now);
  return {
    id: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    unitId: row.unitId,
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword,
    ip: req.ip,
  };
}
