import type { Db } from '../../platform/db';
import {
  auditEntriesBefore,
  listAuditPage,
  ticketIdByNumber,
  ticketNumbers,
  type AuditFilter,
} from './audit.repository';

/** Ticket ids an entry refers to: its target, and the orders a list or desk read showed. */
function ticketIdsOf(e: { targetType: string | null; targetId: string | null; details: unknown }): number[] {
  const ids: number[] = [];
  if (e.targetType === 'ticket' && e.targetId && /^\d+$/.test(e.targetId)) ids.push(Number(e.targetId));
  const d = e.details as Record<string, unknown> | null;
  for (const key of ['ids', 'ticketIds']) {
    const v = d?.[key];
    if (Array.isArray(v)) for (const x of v) if (Number.isSafeInteger(x)) ids.push(x as number);
  }
  return ids;
}

/**
 * One page of the audit log, newest first, with the order numbers of the orders each entry
 * refers to (a person reads 工单 YC2026…, not an internal id).
 */
export async function listAudit(
  db: Db,
  q: Omit<AuditFilter, 'ticketId'> & { ticketNo?: string },
  page: number,
  pageSize: number,
) {
  const { ticketNo, ...f } = q;
  let filter: AuditFilter = f;
  if (ticketNo) {
    const id = await ticketIdByNumber(db, ticketNo);
    if (id === undefined) return { total: 0, items: [] };
    filter = { ...f, ticketId: id };
  }
  const { total, items } = await listAuditPage(db, filter, page, pageSize);
  const numbers = await ticketNumbers(db, [...new Set(items.flatMap(ticketIdsOf))]);
  return {
    total,
    items: items.map((e) => ({
      ...e,
      ticketNos: Object.fromEntries(
        ticketIdsOf(e)
          .filter((id) => numbers.has(id))
          .map((id) => [String(id), numbers.get(id) ?? '']),
      ),
    })),
  };
}

/**
 * The same entries for an export, by keyset: the `limit` entries older than `beforeId` (newest
 * first), with their order numbers; null when the order number names no order.
 */
export async function auditEntriesForExport(
  db: Db,
  q: Omit<AuditFilter, 'ticketId'> & { ticketNo?: string },
  beforeId: number | null,
  limit: number,
) {
  const { ticketNo, ...f } = q;
  let filter: AuditFilter = f;
  if (ticketNo) {
    const id = await ticketIdByNumber(db, ticketNo);
    if (id === undefined) return [];
    filter = { ...f, ticketId: id };
  }
  const items = await auditEntriesBefore(db, filter, beforeId, limit);
  const numbers = await ticketNumbers(db, [...new Set(items.flatMap(ticketIdsOf))]);
  return items.map((e) => ({
    ...e,
    ticketNos: ticketIdsOf(e)
      .map((id) => numbers.get(id))
      .filter((n): n is string => n !== undefined),
  }));
}
