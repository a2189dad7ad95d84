import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import type { CallPopHub } from './call-pop-hub';
import { insertStreamTicket, spendStreamTicket } from './cti.repository';

const TICKET_TTL_MS = 60_000;
export const HEARTBEAT_MS = 20_000;

const hash = (ticket: string) => crypto.createHash('sha256').update(ticket).digest('hex');

/**
 * A one-time ticket that opens the screen-pop stream: EventSource cannot send the bearer token,
 * and a session token never goes into a URL (logs, history). Valid for a minute, once.
 */
export async function issueStreamTicket(
  ctx: AppContext,
  user: SessionUser,
): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = crypto.randomBytes(32).toString('base64url');
  const now = systemClock.now();
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
  await insertStreamTicket(ctx.db, { ticketHash: hash(ticket), userId: user.id, expiresAt, now });
  return { ticket, expiresAt: expiresAt.toISOString() };
}

/** Tracks open streams so that a shutdown can end them instead of waiting for them. */
export function createStreamRegistry() {
  const open = new Set<() => void>();
  return {
    add(end: () => void) {
      open.add(end);
      return () => open.delete(end);
    },
    endAll() {
      for (const end of [...open]) end();
    },
  };
}
export type StreamRegistry = ReturnType<typeof createStreamRegistry>;

/**
 * `text/event-stream` of the screen pops of the ticket's user: `event: pop` with the call, a
 * comment every 20 s so proxies keep the connection, `retry` for the browser's reconnection.
 */
export async function openCallStream(
  ctx: AppContext,
  hub: CallPopHub,
  registry: StreamRegistry,
  req: FastifyRequest,
  reply: FastifyReply,
  ticket: string,
): Promise<void> {
  const user = ticket ? await spendStreamTicket(ctx.db, hash(ticket), systemClock.now()) : undefined;
  if (!user) throw new AppError('UNAUTHENTICATED', '推送连接凭证无效或已过期');
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: 3000\n: connected\n\n`);
  let ended = false;
  const unsubscribe = hub.subscribe(user.id, (pop) => {
    res.write(`event: pop\ndata: ${JSON.stringify(pop)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(`: ping\n\n`), HEARTBEAT_MS);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    forget();
    res.end();
  };
  const forget = registry.add(end);
  req.raw.on('close', end);
  res.on('error', end);
}
