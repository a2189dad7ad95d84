import type { Insertable } from 'kysely';
import type { TicketTable } from '../../db/tables/core';
import type { KbTicketColumns } from '../../db/tables/kb';
import type { SimilarTicketColumns } from '../../db/tables/similar';
import { segmentForIndex } from '../../domain/kb/segment';
import { lshKeys } from '../../domain/similar/shingles';
import type { Rules } from '../../platform/context';
import { laterOrderColumns } from '../tickets/intake.repository';
import type { PlannedOrder } from './plan-order';

export interface ImportRefs {
  importUserId: number;
  centerId: number;
}

const openedStatus = {
  create: 'pending_dispatch',
  'direct-answer': 'answered',
  'intake-not-accept': 'not_accepted',
} as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The order's row as intake (createTicket) would have written it when it was opened. */
export function openedTicketRow(
  plan: PlannedOrder,
  rules: Rules,
  refs: ImportRefs,
): Insertable<TicketTable & Pick<KbTicketColumns, 'content_tokens'> & SimilarTicketColumns> {
  const o = plan.order;
  const op = plan.opening;
  const status = openedStatus[op.action];
  return {
    ticket_no: o.ticketNo,
    status,
    channel: o.channel,
    type: o.type,
    category_code: o.category,
    urgency: o.urgency,
    source_level: o.level,
    caller_name: o.caller.name,
    caller_phone: o.caller.phone,
    caller_address: o.caller.address,
    confidential: o.caller.confidential,
    location_address: o.address,
    location_region: o.region,
    content: o.content,
    demand: o.demand,
    // Segmented as intake does, so the search box and similar cases find imported orders too.
    content_tokens: segmentForIndex(`${o.content} ${o.demand ?? ''}`),
    similar_keys: lshKeys(o.content),
    channel_ref: null,
    tags: o.tags,
    complex: o.complex,
    answer: op.action === 'direct-answer' ? str(op.payload.answer) : null,
    not_accepted_reason: op.action === 'intake-not-accept' ? str(op.payload.reason) : null,
    suggested_channel: op.action === 'intake-not-accept' ? str(op.payload.suggestedChannel) : null,
    platform_unit_id: refs.centerId,
    ...laterOrderColumns,
    profile_id: rules.profile.id,
    profile_version: rules.profile.version,
    calendar_version: rules.calendarVersion,
    received_at: o.receivedAt,
    dispatched_at: null,
    replied_at: null,
    callback_at: null,
    closed_at: status === 'pending_dispatch' ? null : op.at,
    created_by: refs.importUserId,
    created_at: op.at,
    updated_at: op.at,
  };
}

/** The opening event as intake records it. */
export function openingEvent(plan: PlannedOrder, ticketId: number, refs: ImportRefs) {
  const o = plan.order;
  const op = plan.opening;
  const answer = str(op.payload.answer);
  const reason = str(op.payload.reason);
  return {
    ticketId,
    at: op.at,
    actorUserId: refs.importUserId,
    actorUnitId: refs.centerId,
    action: op.action,
    party: 'agent',
    payload: {
      channel: o.channel,
      type: o.type,
      ...(op.action === 'direct-answer' && answer ? { answer } : {}),
      ...(op.action === 'intake-not-accept' && reason
        ? { reason, suggestedChannel: str(op.payload.suggestedChannel) }
        : {}),
    },
    from: null,
    to: openedStatus[op.action],
  };
}

/** YYYYMMDD + 5-digit numbers (the platform's own shape) → day and sequence, for the counter. */
export function counterOf(ticketNo: string): { day: string; seq: number } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{5})$/.exec(ticketNo);
  if (!m) return null;
  const [, y, mo, d, n] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day: `${y}-${mo}-${d}`, seq: Number(n) };
}
