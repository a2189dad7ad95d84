import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Assignment, OrderChanges, OrderEvent, UnitFacts } from '../../domain/ticket/order';
import { replaceFacts } from '../assessment/ticket-facts.repository';
import { lockTicket, type TicketRow, type Trx } from './tickets.repository';

/**
 * SQL of the action path: one load and one persist per action. No decisions here.
 * Load: the order row locked (its own statement, so what follows reads after the lock is
 * granted), then one statement for its assignments, events, the units it and the payload name,
 * and the ids new assignments will take. Persist: the order, event, assignments, deadlines,
 * facts and supervision written with as few statements as the change needs.
 */
export interface LoadedOrder {
  ticket: TicketRow;
  assignments: Assignment[];
  events: OrderEvent[];
  /** The order's units and the units the payload named, by id. */
  units: Map<number, UnitFacts>;
  newAssignmentIds: number[];
}

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));

interface JsonAssignment extends Omit<
  Assignment,
  'dispatched_at' | 'accepted_at' | 'contacted_at' | 'replied_at' | 'ended_at'
> {
  dispatched_at: string;
  accepted_at: string | null;
  contacted_at: string | null;
  replied_at: string | null;
  ended_at: string | null;
}

export async function loadOrderForAction(
  trx: Trx,
  ticketId: number,
  opts: { unitIds: readonly number[]; newAssignments: number },
): Promise<LoadedOrder | undefined> {
  const ticket = await lockTicket(trx, ticketId);
  if (!ticket) return undefined;
  const named = [
    ...new Set([
      ...opts.unitIds,
      ...(ticket.platform_unit_id ? [ticket.platform_unit_id] : []),
      ...(ticket.complained_unit_id ? [ticket.complained_unit_id] : []),
    ]),
  ];
  const row = await trx
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb.selectFrom('ticket_assignment').selectAll().where('ticket_id', '=', ticketId).orderBy('id'),
      ).as('assignments'),
      jsonArrayFrom(
        eb
          .selectFrom('ticket_event')
          .select(['at', 'action', 'party', 'payload'])
          .where('ticket_id', '=', ticketId)
          .orderBy('seq'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('org_unit')
          .select(['id', 'name', 'path', 'kind', 'active', 'is_platform'])
          .where((w) =>
            w.or([
              w(
                'id',
                'in',
                w.selectFrom('ticket_assignment').select('unit_id').where('ticket_id', '=', ticketId),
              ),
              ...(named.length ? [w('id', 'in', named)] : []),
            ]),
          ),
      ).as('units'),
      sql<
        number[]
      >`to_json(array(select nextval(pg_get_serial_sequence('ticket_assignment', 'id')) from generate_series(1, ${opts.newAssignments})))`.as(
        'ids',
      ),
    ])
    .executeTakeFirstOrThrow();
  const assignments = (row.assignments as unknown as JsonAssignment[]).map((a) => ({
    ...a,
    id: Number(a.id),
    ticket_id: Number(a.ticket_id),
    unit_id: Number(a.unit_id),
    dispatched_by_unit_id: a.dispatched_by_unit_id === null ? null : Number(a.dispatched_by_unit_id),
    parent_assignment_id: a.parent_assignment_id === null ? null : Number(a.parent_assignment_id),
    dispatched_at: new Date(a.dispatched_at),
    accepted_at: date(a.accepted_at),
    contacted_at: date(a.contacted_at),
    replied_at: date(a.replied_at),
    ended_at: date(a.ended_at),
  }));
  const events = (
    row.events as unknown as { at: string; action: string; party: string | null; payload: unknown }[]
  ).map((e) => ({
    at: new Date(e.at),
    action: e.action,
    party: e.party,
    payload: e.payload as Record<string, unknown>,
  }));
  const units = new Map(
    (row.units as unknown as UnitFacts[]).map((u) => [Number(u.id), { ...u, id: Number(u.id) }]),
  );
  return { ticket, assignments, events, units, newAssignmentIds: (row.ids ?? []).map(Number) };
}

/** Writes one action's changes (the caller holds the order's lock). */
export async function persistChanges(trx: Trx, c: OrderChanges): Promise<void> {
  const ticketId = c.event.ticket_id;
  await trx
    .updateTable('ticket')
    .set({ ...c.patch, version: sql`version + 1` })
    .where('id', '=', ticketId)
    .execute();
  await trx
    .insertInto('ticket_event')
    .values({ ...c.event, payload: JSON.stringify(c.event.payload) })
    .execute();
  for (const u of c.assignmentUpdates) {
    await trx
      .updateTable('ticket_assignment')
      .set(u.patch)
      .where('ticket_id', '=', ticketId)
      .where('id', '=', u.id)
      .execute();
  }
  if (c.assignmentInserts.length > 0) {
    await trx.insertInto('ticket_assignment').values(c.assignmentInserts).execute();
  }
  await writeDeadlines(trx, ticketId, c.deadlines);
  if (c.supervisions.length > 0) await trx.insertInto('supervision').values(c.supervisions).execute();
  await replaceFacts(trx, ticketId, c.facts);
}

/**
 * Replaces an order's stage deadlines in one statement: stages no longer computed go, the others
 * are upserted; an alert level survives when the stage's due time is unchanged.
 */
export async function writeDeadlines(trx: Trx, ticketId: number, rows: OrderChanges['deadlines']) {
  const stages = rows.map((r) => r.stage);
  if (rows.length === 0) {
    await trx.deleteFrom('ticket_deadline').where('ticket_id', '=', ticketId).execute();
    return;
  }
  await trx
    .with('gone', (db) =>
      db.deleteFrom('ticket_deadline').where('ticket_id', '=', ticketId).where('stage', 'not in', stages),
    )
    .insertInto('ticket_deadline')
    .values(
      rows.map((r) => ({
        ...r,
        alert_level: r.alert_level ?? 0,
        explanation: JSON.stringify(r.explanation),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['ticket_id', 'stage']).doUpdateSet((eb) => ({
        unit_id: eb.ref('excluded.unit_id'),
        start_at: eb.ref('excluded.start_at'),
        due_at: eb.ref('excluded.due_at'),
        warn_at: eb.ref('excluded.warn_at'),
        red_at: eb.ref('excluded.red_at'),
        met_at: eb.ref('excluded.met_at'),
        alert_level: sql<number>`case when ticket_deadline.due_at = excluded.due_at then ticket_deadline.alert_level else excluded.alert_level end`,
        provisional: eb.ref('excluded.provisional'),
        explanation: eb.ref('excluded.explanation'),
        profile_id: eb.ref('excluded.profile_id'),
        profile_version: eb.ref('excluded.profile_version'),
        calendar_version: eb.ref('excluded.calendar_version'),
      })),
    )
    .execute();
}
