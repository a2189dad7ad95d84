import { sql, type Insertable, type Selectable } from 'kysely';
import type { TicketFactTable } from '../../db/tables/assessment';
import { factSourceOf, type FactSource, type OrderFact } from '../../domain/kpi';
import type { Trx } from '../tickets/tickets.repository';

/** SQL of the assessment facts (ticket_fact). No decisions here. */
export type FactRow = Selectable<TicketFactTable>;

/** The order's record as the fact derivation reads it. */
export async function loadFactSource(trx: Trx, ticketId: number): Promise<FactSource | null> {
  const t = await trx
    .selectFrom('ticket')
    .select([
      'id',
      'status',
      'pending_request',
      'channel',
      'type',
      'category_code',
      'location_region',
      'source_level',
      'urgency',
      'confidential',
    ])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!t) return null;
  const [assignments, events, deadlines] = await Promise.all([
    trx
      .selectFrom('ticket_assignment')
      .select(['id', 'unit_id', 'role', 'dispatched_at', 'accepted_at', 'contacted_at'])
      .where('ticket_id', '=', ticketId)
      .execute(),
    trx
      .selectFrom('ticket_event')
      .select(['at', 'action', 'party', 'payload'])
      .where('ticket_id', '=', ticketId)
      .orderBy('seq')
      .execute(),
    trx.selectFrom('ticket_deadline').select(['stage', 'due_at']).where('ticket_id', '=', ticketId).execute(),
  ]);
  return factSourceOf({
    ticket: t,
    assignments,
    events: events.map((e) => ({
      at: e.at,
      action: e.action,
      party: e.party,
      payload: e.payload,
    })),
    deadlines,
  });
}

export function factToRow(f: OrderFact): Insertable<TicketFactTable> {
  return {
    ticket_id: f.ticketId,
    assignment_id: f.assignmentId,
    unit_id: f.unitId,
    period_month: f.periodMonth,
    dispatched_at: f.dispatchedAt,
    channel: f.channel,
    type: f.type,
    category_code: f.categoryCode,
    region: f.region,
    source_level: f.sourceLevel,
    urgency: f.urgency,
    confidential: f.confidential,
    outcome: f.outcome,
    handle_due_at: f.handleDueAt,
    receive_due_at: f.receiveDueAt,
    accepted_at: f.acceptedAt,
    first_contact_due_at: f.firstContactDueAt,
    contacted_at: f.contactedAt,
    replied_at: f.repliedAt,
    reply_late: f.replyLate,
    completed_at: f.completedAt,
    on_time: f.onTime,
    factual: f.factual,
    return_requests: f.returnRequests,
    extension_requests: f.extensionRequests,
    extensions_approved: f.extensionsApproved,
    redo_count: f.redoCount,
    supervision_count: f.supervisionCount,
    reminder_count: f.reminderCount,
    callback_attempts: f.callbackAttempts,
    callback_at: f.callbackAt,
    contacted_by_unit: f.contactedByUnit,
    process_satisfaction: f.processSatisfaction,
    result_satisfaction: f.resultSatisfaction,
    appeal_upheld: f.appealUpheld,
  };
}

export function rowToFact(r: FactRow): OrderFact {
  return {
    ticketId: r.ticket_id,
    assignmentId: r.assignment_id,
    unitId: r.unit_id,
    periodMonth: r.period_month,
    dispatchedAt: r.dispatched_at,
    channel: r.channel,
    type: r.type,
    categoryCode: r.category_code,
    region: r.region,
    sourceLevel: r.source_level,
    urgency: r.urgency,
    confidential: r.confidential,
    outcome: r.outcome as OrderFact['outcome'],
    handleDueAt: r.handle_due_at,
    receiveDueAt: r.receive_due_at,
    acceptedAt: r.accepted_at,
    firstContactDueAt: r.first_contact_due_at,
    contactedAt: r.contacted_at,
    repliedAt: r.replied_at,
    replyLate: r.reply_late,
    completedAt: r.completed_at,
    onTime: r.on_time,
    factual: r.factual,
    returnRequests: r.return_requests,
    extensionRequests: r.extension_requests,
    extensionsApproved: r.extensions_approved,
    redoCount: r.redo_count,
    supervisionCount: r.supervision_count,
    reminderCount: r.reminder_count,
    callbackAttempts: r.callback_attempts,
    callbackAt: r.callback_at,
    contactedByUnit: r.contacted_by_unit,
    processSatisfaction: r.process_satisfaction,
    resultSatisfaction: r.result_satisfaction,
    appealUpheld: r.appeal_upheld,
  };
}

/**
 * Stores an order's facts: rows are updated in place (most actions change a few columns of one
 * row, so PostgreSQL can keep the tuple on its page), new ones inserted, vanished ones deleted.
 */
export async function replaceFacts(trx: Trx, ticketId: number, facts: readonly OrderFact[]): Promise<void> {
  const keep = facts.map((f) => f.assignmentId);
  let del = trx.deleteFrom('ticket_fact').where('ticket_id', '=', ticketId);
  if (keep.length > 0) del = del.where('assignment_id', 'not in', keep);
  await del.execute();
  if (facts.length === 0) return;
  const rows = facts.map(factToRow);
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).filter(
    (c) => c !== 'ticket_id' && c !== 'assignment_id',
  ) as (keyof typeof first)[];
  await trx
    .insertInto('ticket_fact')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['ticket_id', 'assignment_id'])
        .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])))
        .where(sql<boolean>`(ticket_fact.*) is distinct from (excluded.*)`),
    )
    .execute();
}
