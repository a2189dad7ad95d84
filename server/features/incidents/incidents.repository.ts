/** The only SQL of major incidents: incident, incident_ticket, incident_report, incident_alert. */
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { IncidentTable } from '../../db/tables/incidents';
import type { Db } from '../../platform/db';
import { seesAll } from '../tickets/visibility';
import { visibleTo } from '../tickets/visibility.repository';
import type { Actor } from '../tickets/standing';

type Trx = Transaction<Database>;
export type IncidentRow = Selectable<IncidentTable>;

export interface IncidentReportRow {
  id: number;
  incident_id: number;
  kind: string;
  text: string | null;
  reported_at: Date;
  reported_by: number;
  reported_by_name: string;
}

/** Orders of the incident this actor may see, as a subquery of ticket ids. */
function visibleTicketIds(db: Db | Trx, actor: Actor) {
  return db.selectFrom('ticket as t').select('t.id').where(visibleTo(actor));
}

export async function insertIncident(trx: Trx, row: Insertable<IncidentTable>): Promise<number> {
  const r = await trx.insertInto('incident').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function lockIncident(trx: Trx, id: number): Promise<IncidentRow | undefined> {
  return trx.selectFrom('incident').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The incident if the actor may see it: the center sees all, others through their orders. */
export async function findIncident(db: Db | Trx, actor: Actor, id: number): Promise<IncidentRow | undefined> {
  let q = db.selectFrom('incident as i').selectAll('i').where('i.id', '=', id);
  if (!seesAll(actor)) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_ticket as it')
          .select('it.ticket_id')
          .whereRef('it.incident_id', '=', 'i.id')
          .where('it.ticket_id', 'in', visibleTicketIds(db, actor)),
      ),
    );
  }
  return q.executeTakeFirst();
}

/** Incidents the actor may see, newest event first, with how many of their orders it sees. */
export async function listIncidentRows(
  db: Db,
  actor: Actor,
  opts: { status: 'open' | 'closed' | 'all'; limit: number },
): Promise<(IncidentRow & { ticket_count: number })[]> {
  let counted = db
    .selectFrom('incident_ticket as it')
    .select((eb) => ['it.incident_id', eb.fn.countAll<string>().as('n')]);
  if (!seesAll(actor)) counted = counted.where('it.ticket_id', 'in', visibleTicketIds(db, actor));
  let q = db
    .selectFrom('incident as i')
    .leftJoin(counted.groupBy('it.incident_id').as('c'), 'c.incident_id', 'i.id')
    .selectAll('i')
    .select((eb) => eb.fn.coalesce('c.n', eb.val('0')).as('n'));
  if (!seesAll(actor)) q = q.where('c.n', 'is not', null);
  if (opts.status !== 'all') q = q.where('i.status', '=', opts.status);
  const rows = await q.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(opts.limit).execute();
  return rows.map(({ n, ...r }) => ({ ...r, ticket_count: Number(n) }));
}

export async function incidentOrders(db: Db, actor: Actor, incidentId: number) {
  let q = db
    .selectFrom('incident_ticket as it')
    .innerJoin('ticket as t', 't.id', 'it.ticket_id')
    .select([
      't.id',
      't.ticket_no',
      't.status',
      't.type',
      't.urgency',
      't.location_region',
      't.created_at',
      'it.attached_at',
    ])
    .where('it.incident_id', '=', incidentId);
  if (!seesAll(actor)) q = q.where('it.ticket_id', 'in', visibleTicketIds(db, actor));
  return q.orderBy('it.attached_at').orderBy('t.id').execute();
}

export async function existingTicketIds(trx: Trx, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('ticket').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => Number(r.id));
}

/** Orders already in another incident that is still open. */
export async function ticketsInOtherOpenIncidents(
  trx: Trx,
  ids: number[],
  incidentId: number | null,
): Promise<{ ticket_id: number; incident_id: number }[]> {
  if (ids.length === 0) return [];
  let q = trx
    .selectFrom('incident_ticket as it')
    .innerJoin('incident as i', 'i.id', 'it.incident_id')
    .select(['it.ticket_id', 'it.incident_id'])
    .where('it.ticket_id', 'in', ids)
    .where('i.status', '=', 'open');
  if (incidentId !== null) q = q.where('it.incident_id', '<>', incidentId);
  const rows = await q.orderBy('it.ticket_id').execute();
  return rows.map((r) => ({ ticket_id: Number(r.ticket_id), incident_id: Number(r.incident_id) }));
}

/** Links orders; an order already linked stays as it was. Returns how many were new. */
export async function attachTickets(
  trx: Trx,
  incidentId: number,
  ids: number[],
  userId: number,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await trx
    .insertInto('incident_ticket')
    .values(
      ids.map((ticket_id) => ({ ticket_id, incident_id: incidentId, attached_by: userId, attached_at: now })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('ticket_id')
    .execute();
  return rows.length;
}

export async function insertReport(
  trx: Trx,
  r: { incidentId: number; kind: string; text: string | null; userId: number; at: Date },
): Promise<void> {
  await trx
    .insertInto('incident_report')
    .values({
      incident_id: r.incidentId,
      kind: r.kind,
      text: r.text,
      reported_by: r.userId,
      reported_at: r.at,
    })
    .execute();
}

export async function reportsOf(db: Db | Trx, incidentIds: number[]): Promise<IncidentReportRow[]> {
  if (incidentIds.length === 0) return [];
  const rows = await db
    .selectFrom('incident_report as r')
    .innerJoin('app_user as u', 'u.id', 'r.reported_by')
    .select([
      'r.id',
      'r.incident_id',
      'r.kind',
      'r.text',
      'r.reported_at',
      'r.reported_by',
      'u.display_name as reported_by_name',
    ])
    .where('r.incident_id', 'in', incidentIds)
    .orderBy('r.reported_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    incident_id: Number(r.incident_id),
    reported_by: Number(r.reported_by),
  }));
}

export async function closeIncidentRow(
  trx: Trx,
  id: number,
  by: { userId: number; at: Date; note: string | null },
): Promise<void> {
  await trx
    .updateTable('incident')
    .set({ status: 'closed', closed_by: by.userId, closed_at: by.at, close_note: by.note })
    .where('id', '=', id)
    .execute();
}

export async function alertsOf(db: Db, incidentId: number) {
  return db
    .selectFrom('incident_alert')
    .select(['deadline', 'kind', 'due_at', 'created_at'])
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('deadline')
    .execute();
}

/**
 * Open incidents with a report deadline passed and not met by a report, and no overdue alert on
 * it yet (read without a lock; the sweep locks and checks again).
 */
export async function overdueCandidates(db: Db, now: Date, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('incident as i')
    .select('i.id')
    .where('i.status', '=', 'open')
    .where('i.id', '>', after)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('i.report_by', '<', now),
          eb.not(
            eb.exists(
              eb.selectFrom('incident_report as r').select('r.id').whereRef('r.incident_id', '=', 'i.id'),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('incident_alert as a')
                .select('a.incident_id')
                .whereRef('a.incident_id', '=', 'i.id')
                .where('a.deadline', '=', 'reportBy'),
            ),
          ),
        ]),
        eb.and([
          eb('i.written_report_by', '<', now),
          eb.not(
            eb.exists(
              eb
                .selectFrom('incident_report as r')
                .select('r.id')
                .whereRef('r.incident_id', '=', 'i.id')
                .where('r.kind', '=', 'written'),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('incident_alert as a')
                .select('a.incident_id')
                .whereRef('a.incident_id', '=', 'i.id')
                .where('a.deadline', '=', 'writtenReportBy'),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('i.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Locks the given incidents in id order, skipping those another transaction holds. */
export async function lockFreeIncidents(trx: Trx, ids: number[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('incident')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Records an alert once; true when it is new. */
export async function insertAlertOnce(
  trx: Trx,
  a: { incidentId: number; deadline: string; kind: string; dueAt: Date; at: Date },
): Promise<boolean> {
  const r = await trx
    .insertInto('incident_alert')
    .values({
      incident_id: a.incidentId,
      deadline: a.deadline,
      kind: a.kind,
      due_at: a.dueAt,
      created_at: a.at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('incident_id')
    .executeTakeFirst();
  return r !== undefined;
}
