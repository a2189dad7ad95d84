import crypto from 'node:crypto';
import type { ExchangeOrderBody, ExchangeStatusBody } from '../../../common/contracts/webhooks';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import {
  claimDueDeliveries,
  eventForReport,
  orderForForward,
  recordAttempt,
  type ClaimedDelivery,
} from './webhooks.repository';

/** How long a claimed delivery is held by its worker before another may try it again. */
const LEASE_MS = 120_000;
const BATCH = 20;

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * When the next attempt after `attempts` failed ones is due, or null to give up: the waits of
 * the schedule (its last repeating) until `giveUpHours` after the delivery was written; the last
 * attempt falls on that limit.
 */
export function nextAttemptAt(
  schedule: readonly number[],
  giveUpHours: number,
  createdAt: Date,
  attempts: number,
  now: Date,
): Date | null {
  const limit = createdAt.getTime() + giveUpHours * 3_600_000;
  if (now.getTime() >= limit) return null;
  const wait = schedule[Math.min(attempts - 1, schedule.length - 1)] ?? 60;
  return new Date(Math.min(now.getTime() + wait * 1000, limit));
}

interface Request {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** The request of one delivery; null when there is nothing left to send (the order is gone). */
async function requestOf(ctx: AppContext, d: ClaimedDelivery): Promise<Request | null> {
  const base = { 'content-type': 'application/json', 'user-agent': 'CivicLine-Webhooks/1' };
  const signed = (url: string, body: string, secret: string, apiKey: string | null): Request => ({
    url,
    body,
    headers: {
      ...base,
      'x-civicline-event': d.event,
      'x-civicline-delivery': d.id,
      'x-civicline-signature': signBody(secret, body),
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
    },
  });
  if (d.endpoint) {
    // A forward to a remote installation: the order as its unit will handle it.
    const t = await orderForForward(ctx.db, d.ticketId);
    if (!t) return null;
    const order: ExchangeOrderBody = {
      externalNo: t.ticket_no,
      channel: t.channel === 'province' ? 'province' : 'hotline-12345',
      level: t.source_level === 'province' ? 'province' : 'city',
      type: t.type as ExchangeOrderBody['type'],
      ...(t.category_code ? { category: t.category_code } : {}),
      urgency: t.urgency as ExchangeOrderBody['urgency'],
      content: t.content,
      ...(t.demand ? { demand: t.demand } : {}),
      caller: {
        ...(t.caller_name ? { name: t.caller_name } : {}),
        ...(t.caller_phone ? { phone: t.caller_phone } : {}),
        ...(t.caller_address ? { address: t.caller_address } : {}),
        confidential: t.confidential,
      },
      location: {
        ...(t.location_address ? { address: t.location_address } : {}),
        ...(t.location_region ? { region: t.location_region } : {}),
      },
    };
    const body = JSON.stringify(order);
    const url = `${d.endpoint.replace(/\/+$/, '')}/api/exchange/orders`;
    return signed(url, body, d.unitKey ?? '', d.unitKey);
  }
  if (!d.url || d.secret === null) return null;
  if (d.format === 'exchange') {
    const e = await eventForReport(ctx.db, d.ticketId, d.eventSeq);
    if (!e) return null;
    const p = e.payload ?? {};
    const report: ExchangeStatusBody = {
      event: d.event,
      action: e.action ?? null,
      status: e.to_status ?? e.status,
      occurredAt: (e.at ?? d.createdAt).toISOString(),
      ticketNo: e.ticket_no,
      ...(typeof p.result === 'string' ? { result: p.result } : {}),
      ...(typeof p.contacted === 'boolean' ? { contacted: p.contacted } : {}),
      ...(typeof p.note === 'string' ? { note: p.note } : {}),
      ...(typeof p.reason === 'string' ? { note: p.reason } : {}),
    };
    const url = d.url.replace('{externalNo}', encodeURIComponent(e.external_no));
    return signed(url, JSON.stringify(report), d.secret, d.apiKey);
  }
  return signed(d.url, d.body ?? '{}', d.secret, d.apiKey);
}

/** One POST; a 2xx answer is delivered, anything else (or no answer in time) a failed attempt. */
async function attempt(
  ctx: AppContext,
  r: Request,
): Promise<{ status: number | null; error: string | null }> {
  try {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: r.headers,
      body: r.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ctx.env.CIVICLINE_WEBHOOK_TIMEOUT_MS),
    });
    const text = await res.text().catch(() => '');
    if (res.ok) return { status: res.status, error: null };
    return { status: res.status, error: `HTTP ${res.status} ${text.slice(0, 200)}`.trim() };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string } };
    const error =
      e.name === 'TimeoutError' ? '等待应答超时' : (e.cause?.code ?? e.message ?? 'network error');
    return { status: null, error: String(error).slice(0, 300) };
  }
}

/**
 * The delivery worker (run by the elected process): claims due deliveries, POSTs each and
 * records the attempt, until none is due. At least once: a worker killed after the POST but
 * before the record sends it again when the lease ends; receivers tell repeats by the delivery id.
 */
export async function deliverWebhooks(
  ctx: AppContext,
  now: () => Date = () => systemClock.now(),
): Promise<{ delivered: number; failed: number; retried: number }> {
  const out = { delivered: 0, failed: 0, retried: 0 };
  for (let round = 0; round < 50; round++) {
    const at = now();
    const due = await claimDueDeliveries(ctx.db, at, new Date(at.getTime() + LEASE_MS), BATCH);
    if (due.length === 0) break;
    // One order's deliveries in the order of its changes; different orders at once.
    const byOrder = new Map<number, ClaimedDelivery[]>();
    for (const d of due) byOrder.set(d.ticketId, [...(byOrder.get(d.ticketId) ?? []), d]);
    const one = async (d: ClaimedDelivery) => {
      const req = await requestOf(ctx, d);
      const r = req ? await attempt(ctx, req) : { status: null, error: '工单或订阅已不存在' };
      const done = now();
      if (req && r.error === null) {
        await recordAttempt(ctx.db, d.id, {
          at: done,
          httpStatus: r.status,
          error: null,
          outcome: 'delivered',
          nextAttemptAt: null,
        });
        out.delivered++;
        return;
      }
      const next = req
        ? nextAttemptAt(
            ctx.env.CIVICLINE_WEBHOOK_BACKOFF,
            ctx.env.CIVICLINE_WEBHOOK_MAX_HOURS,
            d.createdAt,
            d.attempts + 1,
            done,
          )
        : null;
      await recordAttempt(ctx.db, d.id, {
        at: done,
        httpStatus: r.status,
        error: r.error,
        outcome: next ? 'pending' : 'failed',
        nextAttemptAt: next,
      });
      if (next) out.retried++;
      else out.failed++;
      ctx.logger.warn({ delivery: d.id, event: d.event, error: r.error }, 'webhook delivery failed');
    };
    await Promise.all(
      [...byOrder.values()].map(async (list) => {
        for (const d of list) await one(d);
      }),
    );
  }
  return out;
}
