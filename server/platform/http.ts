import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../common/enums';
import { AppError } from './errors';

/** The signed-in user as every route sees it (set by the auth hook). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  sessionId: number;
  /** Demo or reset passwords must be changed before anything else. */
  mustChangePassword?: boolean;
  /** The client's address on this request (for the audit log; set per request, not stored). */
  ip?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.user;
}

export function requireRole(req: FastifyRequest, ...allowed: Role[]): SessionUser {
  const user = requireUser(req);
  if (!allowed.includes(user.role)) throw new AppError('FORBIDDEN', '当前角色无权执行此操作');
  return user;
}

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The error responses of a route's schema: each status given answers with `errorBody`. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody])) as Record<S, typeof errorBody>;
}

export function sendError(reply: FastifyReply, e: AppError): FastifyReply {
  return reply.status(e.status).send({ error: { code: e.code, message: e.message, details: e.details } });
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });
