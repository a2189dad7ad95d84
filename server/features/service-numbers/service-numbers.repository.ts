import { sql, type Insertable } from 'kysely';
import type {
  ServiceNumberApplicationTable,
  ServiceNumberVersionTable,
} from '../../db/tables/service-numbers';
import type { Trx } from '../tickets/tickets.repository';

/** The only SQL of the service-number registry. No decisions here. */

export function findUnit(db: Trx, id: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'kind', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertApplication(
  trx: Trx,
  row: Insertable<ServiceNumberApplicationTable>,
): Promise<number> {
  const r = await trx
    .insertInto('service_number_application')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function applications(db: Trx) {
  return db
    .selectFrom('service_number_application as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .innerJoin('app_user as ap', 'ap.id', 'a.applied_by')
    .leftJoin('app_user as dp', 'dp.id', 'a.decided_by')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path', 'ap.display_name as applied_by_name'])
    .select('dp.display_name as decided_by_name');
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function findApplication(db: Trx, id: number) {
  return applications(db).where('a.id', '=', id).executeTakeFirst();
}

export function lockApplication(trx: Trx, id: number) {
  return trx
    .selectFrom('service_number_application')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listApplications(
  db: Trx,
  f: { unitPath: string | null; status: string | null; unitId?: number | undefined },
) {
  let q = applications(db);
  if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.unitId) q = q.where('a.unit_id', '=', f.unitId);
  return q.orderBy('a.applied_at', 'desc').orderBy('a.id', 'desc').limit(500).execute();
}

export async function hasPendingFor(db: Trx, serviceNumberId: number): Promise<boolean> {
  const r = await db
    .selectFrom('service_number_application')
    .select('id')
    .where('service_number_id', '=', serviceNumberId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r !== undefined;
}

export async function recordDecision(
  trx: Trx,
  id: number,
  d: { status: 'approved' | 'rejected'; by: number; at: Date; note: string | null; numberId: number | null },
): Promise<void> {
  await trx
    .updateTable('service_number_application')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: d.at,
      decision_note: d.note,
      // An approved opening records the number it created.
      ...(d.numberId === null ? {} : { service_number_id: d.numberId }),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertServiceNumber(trx: Trx, unitId: number, at: Date): Promise<number> {
  const r = await trx
    .insertInto('service_number')
    .values({ unit_id: unitId, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function lockServiceNumber(trx: Trx, id: number) {
  return trx
    .selectFrom('service_number as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .select(['n.id', 'n.unit_id', 'u.path as unit_path'])
    .where('n.id', '=', id)
    .forUpdate('n')
    .executeTakeFirst();
}

export function findServiceNumber(db: Trx, id: number) {
  return db
    .selectFrom('service_number as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .select(['n.id', 'n.unit_id', 'u.name as unit_name', 'u.path as unit_path'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** Appends a version; the caller holds the number's row lock, so max(seq)+1 is race-free. */
export async function insertVersion(
  trx: Trx,
  v: Omit<Insertable<ServiceNumberVersionTable>, 'seq'>,
): Promise<number> {
  const r = await trx
    .insertInto('service_number_version')
    .values((eb) => ({
      ...v,
      seq: eb
        .selectFrom('service_number_version')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
        .where('service_number_id', '=', v.service_number_id),
    }))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return r.seq;
}

export function listNumbers(db: Trx, f: { unitPath: string | null }) {
  let q = db
    .selectFrom('service_number as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .select(['n.id', 'n.unit_id', 'u.name as unit_name']);
  if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
  return q.orderBy('u.path').orderBy('n.id').execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function listVersions(db: Trx, numberIds: number[]) {
  if (numberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_number_version')
    .selectAll()
    .where('service_number_id', 'in', numberIds)
    .orderBy('service_number_id')
    .orderBy('seq')
    .execute();
}

/**
 * Complaints per number: every order that names it, those not closed yet, and those whose
 * approved reply found the complaint true or partly true (the assessment's upheld complaints).
 */
export async function complaintCounts(db: Trx, numberIds: number[]) {
  if (numberIds.length === 0) return new Map<number, { total: number; open: number; upheld: number }>();
  const rows = await db
    .selectFrom('ticket as t')
    .leftJoin('ticket_fact as f', 'f.ticket_id', 't.id')
    .select('t.service_number_id')
    .select(sql<number>`count(distinct t.id)::int`.as('total'))
    .select(sql<number>`count(distinct t.id) filter (where t.closed_at is null)::int`.as('open'))
    .select(
      sql<number>`count(distinct t.id) filter (where f.outcome = 'completed' and f.factual in ('true', 'partly'))::int`.as(
        'upheld',
      ),
    )
    .where('t.service_number_id', 'in', numberIds)
    .groupBy('t.service_number_id')
    .execute();
  return new Map(
    rows.map((r) => [Number(r.service_number_id), { total: r.total, open: r.open, upheld: r.upheld }]),
  );
}

/** The version in force on a date of every number, unless it closed the number. */
export function publishedOn(db: Trx, date: string) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('service_number_version as v')
        .innerJoin('service_number as n', 'n.id', 'v.service_number_id')
        .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
        .distinctOn('v.service_number_id')
        .select([
          'v.service_number_id as id',
          'v.action',
          'v.number',
          'v.name',
          'v.kind',
          'v.duty_hours',
          'v.duties',
          'u.name as unit_name',
          'u.path as unit_path',
        ])
        .where('v.effective_date', '<=', date)
        .orderBy('v.service_number_id')
        .orderBy('v.effective_date', 'desc')
        .orderBy('v.seq', 'desc')
        .as('cur'),
    )
    .selectAll('cur')
    .where('cur.action', '<>', 'close')
    .orderBy('cur.unit_path')
    .orderBy('cur.id')
    .execute();
}

/** Units that own at least one number (the semi-annual review asks each of them). */
export async function unitsWithNumbers(db: Trx): Promise<number[]> {
  const rows = await db.selectFrom('service_number').select('unit_id').distinct().execute();
  return rows.map((r) => r.unit_id);
}

export async function insertReviews(
  trx: Trx,
  rows: { period: string; unitId: number; dueAt: Date; by: number; at: Date }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await trx
    .insertInto('service_number_review')
    .values(
      rows.map((x) => ({
        period: x.period,
        unit_id: x.unitId,
        due_at: x.dueAt,
        created_by: x.by,
        created_at: x.at,
      })),
    )
    .onConflict((oc) => oc.columns(['period', 'unit_id']).doNothing())
    .returning('id')
    .execute();
  return r.length;
}

function reviews(db: Trx) {
  return db
    .selectFrom('service_number_review as r')
    .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
    .leftJoin('app_user as a', 'a.id', 'r.answered_by')
    .selectAll('r')
    .select(['u.name as unit_name', 'u.path as unit_path', 'a.display_name as answered_by_name']);
}

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export function findReview(db: Trx, id: number) {
  return reviews(db).where('r.id', '=', id).executeTakeFirst();
}

export function listReviews(db: Trx, f: { unitPath: string | null; period: string | null }) {
  let q = reviews(db);
  if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
  if (f.period) q = q.where('r.period', '=', f.period);
  return q.orderBy('r.period', 'desc').orderBy('u.path').execute();
}

/** Records the unit's report once; false when it was already answered. */
export async function answerReviewRow(
  trx: Trx,
  id: number,
  a: { report: string; by: number; at: Date },
): Promise<boolean> {
  const r = await trx
    .updateTable('service_number_review')
    .set({ report: a.report, answered_by: a.by, answered_at: a.at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export function numbersOfUnit(db: Trx, unitId: number) {
  return db.selectFrom('service_number').select('id').where('unit_id', '=', unitId).execute();
}

/** A registered number an intake names as complained about, with its owning unit. */
export async function numberForComplaint(db: Trx, id: number) {
  return db
    .selectFrom('service_number as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .select(['n.id', 'n.unit_id', 'u.name as unit_name'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** The number an order complains about, as last registered (null: not a number complaint). */
export async function complaintOfOrder(db: Trx, ticketId: number) {
  return db
    .selectFrom('ticket as t')
    .innerJoin('service_number as n', 'n.id', 't.service_number_id')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .innerJoin('service_number_version as v', (j) =>
      j
        .onRef('v.service_number_id', '=', 'n.id')
        .on(
          'v.seq',
          '=',
          sql<number>`(select max(seq) from service_number_version w where w.service_number_id = n.id)`,
        ),
    )
    .select([
      'n.id',
      't.number_complaint_kind as kind',
      'v.number',
      'v.name',
      'n.unit_id',
      'u.name as unit_name',
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
}

/**
 * Open number complaints (not replied to) whose handling deadline has passed and that have no
 * system supervision since it, locked (orders in use are skipped: the next tick takes them).
 */
export async function lockUnsupervisedLateComplaints(trx: Trx, categories: string[], now: Date) {
  if (categories.length === 0) return [];
  return trx
    .selectFrom('ticket as t')
    .innerJoin('ticket_deadline as d', (j) =>
      j.onRef('d.ticket_id', '=', 't.id').on('d.stage', '=', 'handleBy').on('d.met_at', 'is', null),
    )
    .select(['t.id', 't.ticket_no', 'd.due_at'])
    .where('t.status', 'in', ['dispatched', 'in_progress'])
    .where('t.category_code', 'in', categories)
    .where('d.due_at', '<=', now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('supervision as s')
            .select('s.id')
            .whereRef('s.ticket_id', '=', 't.id')
            .where('s.trigger', '=', 'overdue')
            .where('s.created_by', 'is', null)
            .whereRef('s.created_at', '>=', 'd.due_at'),
        ),
      ),
    )
    .orderBy('t.id')
    .forUpdate('t')
    .skipLocked()
    .execute();
}
