import { ticketStatusLabels, type TicketStatus } from '../../../common/ticket-vocabulary';
import type { AppContext } from '../../platform/context';
import { textFor } from '../tickets/caller-privacy';
import { badRequest, Open311Error, parseW3cDatetime, w3cDatetime, type Open311Value } from './open311-format';
import { closedStatuses, findByToken, findRequests, type RequestRow } from './open311.repository';

/** The spec's window: a search spans at most 90 days, the last 90 when no date is given. */
export const WINDOW_DAYS = 90;
const WINDOW_MS = WINDOW_DAYS * 86_400_000;
/** The most requests one search answers. */
export const MAX_RESULTS = 1000;

type Query = Record<string, string | undefined>;

const list = (v: string | undefined): string[] | undefined => {
  const items = (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? [...new Set(items)] : undefined;
};

function dateParam(q: Query, name: string): Date | undefined {
  const v = q[name]?.trim();
  if (!v) return undefined;
  const d = parseW3cDatetime(v);
  if (!d) {
    throw badRequest(
      `${name} 须为 W3C 日期时间，如 2026-12-01T00:00:00+08:00（${name} is not a w3c datetime）`,
    );
  }
  return d;
}

/**
 * A request as the public may read it: the citizen's description with the caller's name, phone
 * and address and anything shaped like a phone or ID number withheld (the masking of an order
 * seen without the caller's identity); the agency is the responsible unit's name.
 */
export function presentRequest(r: RequestRow): Record<string, Open311Value> {
  const closed = (closedStatuses as readonly string[]).includes(r.status);
  const caller = { name: r.callerName, phone: r.callerPhone, address: r.callerAddress, confidential: false };
  const expected = r.expectedAt ? new Date(r.expectedAt) : null;
  return {
    service_request_id: r.ticketNo,
    status: closed ? 'closed' : 'open',
    status_notes: ticketStatusLabels[r.status as TicketStatus] ?? null,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: textFor('hidden', caller, r.content),
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: w3cDatetime(r.receivedAt),
    updated_datetime: w3cDatetime(r.updatedAt),
    expected_datetime: closed ? null : w3cDatetime(expected),
    address: r.address ? textFor('hidden', caller, r.address) : null,
    address_id: r.addressId,
    zipcode: null,
    lat: r.lat,
    long: r.long,
    media_url: r.mediaUrl,
  };
}

/**
 * GET requests: `service_request_id` (comma list) overrides every other filter; otherwise
 * `service_code` (comma list), `status` (open, closed or both), and `start_date`/`end_date` on the
 * requested time, at most 90 days apart (the last 90 days by default; one bound alone spans 90
 * days from it); newest first, at most 1000.
 */
export async function searchRequests(ctx: AppContext, q: Query) {
  const ids = list(q.service_request_id);
  if (ids) return (await findRequests(ctx.db, { ticketNos: ids, limit: MAX_RESULTS })).map(presentRequest);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
    throw badRequest('status 只能为 open 或 closed（status must be open or closed）');
  }
  let from = dateParam(q, 'start_date');
  let to = dateParam(q, 'end_date');
  if (!from && !to) {
    to = ctx.clock.now();
    from = new Date(to.getTime() - WINDOW_MS);
  } else if (!from && to) {
    from = new Date(to.getTime() - WINDOW_MS);
  } else if (from && !to) {
    to = new Date(from.getTime() + WINDOW_MS);
  }
  if (from && to && from.getTime() > to.getTime()) {
    throw badRequest('start_date 不能晚于 end_date（start_date is after end_date）');
  }
  if (from && to && to.getTime() - from.getTime() > WINDOW_MS) {
    throw badRequest('start_date 与 end_date 相隔不能超过 90 天（the range may not span more than 90 days）');
  }
  const rows = await findRequests(ctx.db, {
    ...(list(q.service_code) ? { serviceCodes: list(q.service_code) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(statuses ? { status: statuses as ('open' | 'closed')[] } : {}),
    limit: MAX_RESULTS,
  });
  return rows.map(presentRequest);
}

/** GET requests/{id}: one request (as a list of one), 404 when there is none. */
export async function oneRequest(ctx: AppContext, id: string) {
  const rows = await findRequests(ctx.db, { ticketNos: [id], limit: 1 });
  if (rows.length === 0) throw new Open311Error(404, `服务请求 ${id} 不存在（service request not found）`);
  return rows.map(presentRequest);
}

/** GET tokens/{token}: the request id the token stands for. */
export async function requestOfToken(ctx: AppContext, token: string) {
  const row = await findByToken(ctx.db, token);
  if (!row) throw new Open311Error(404, `token ${token} 不存在（token not found）`);
  return [{ service_request_id: row.ticketNo, token: row.token }];
}
