/**
 * The only SQL of franchise enterprises: enterprise, enterprise_visit, enterprise_recommendation,
 * enterprise_referral, enterprise_credit_record.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { EnterpriseTable } from '../../db/tables/enterprises';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

export type EnterpriseRow = Selectable<EnterpriseTable>;

export interface RatingCountRow {
  enterprise_id: number;
  satisfied: number;
  basically_satisfied: number;
  unsatisfied: number;
}

export async function insertEnterprise(trx: Trx, row: Insertable<EnterpriseTable>): Promise<number> {
  const r = await trx.insertInto('enterprise').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A live (not rejected) application or membership with this credit code. */
export async function findLiveByCreditCode(db: Trx, creditCode: string): Promise<EnterpriseRow | undefined> {
  return db
    .selectFrom('enterprise')
    .selectAll()
    .where('credit_code', '=', creditCode)
    .where('status', '<>', 'rejected')
    .executeTakeFirst();
}

export async function findEnterprise(db: Trx, id: number): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockEnterprise(trx: Trx, id: number): Promise<EnterpriseRow | undefined> {
  return trx.selectFrom('enterprise').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateEnterprise(
  trx: Trx,
  id: number,
  set: Partial<Insertable<EnterpriseTable>>,
): Promise<void> {
  await trx.updateTable('enterprise').set(set).where('id', '=', id).execute();
}

/**
 * Approved enterprises offering the service: a code of theirs is the requested one, lies below it
 * (asking for 13 finds 1301) or above it (an enterprise offering 13 serves 1301).
 */
export async function approvedEnterprises(db: Db, service: string | null): Promise<EnterpriseRow[]> {
  let q = db.selectFrom('enterprise as e').selectAll('e').where('e.status', '=', 'approved');
  if (service) {
    q = q.where(
      sql<boolean>`exists (select 1 from unnest(e.services) as s(code)
        where s.code like ${service} || '%' or ${service} like s.code || '%')`,
    );
  }
  return q.orderBy('e.id').execute();
}

export async function listEnterpriseRows(
  db: Db,
  opts: { status: string; q: string | null; limit: number },
): Promise<EnterpriseRow[]> {
  let q = db.selectFrom('enterprise').selectAll();
  if (opts.status !== 'all') q = q.where('status', '=', opts.status);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('credit_code', 'like', like.toUpperCase())]));
  }
  return q.orderBy('applied_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Callback ratings of referred orders, counted per enterprise. */
export async function ratingCounts(db: Trx, ids: readonly number[]): Promise<Map<number, RatingCountRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('enterprise_referral')
    .select((eb) => [
      'enterprise_id',
      eb.fn.countAll<string>().filterWhere('rating', '=', 'satisfied').as('satisfied'),
      eb.fn.countAll<string>().filterWhere('rating', '=', 'basically-satisfied').as('basically_satisfied'),
      eb.fn.countAll<string>().filterWhere('rating', '=', 'unsatisfied').as('unsatisfied'),
    ])
    .where('enterprise_id', 'in', ids)
    .groupBy('enterprise_id')
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.enterprise_id),
      {
        enterprise_id: Number(r.enterprise_id),
        satisfied: Number(r.satisfied),
        basically_satisfied: Number(r.basically_satisfied),
        unsatisfied: Number(r.unsatisfied),
      },
    ]),
  );
}

/** Times of the bad records recorded since `since`, per enterprise. */
export async function badRecordTimes(
  db: Trx,
  ids: readonly number[],
  since: Date,
): Promise<Map<number, Date[]>> {
  const out = new Map<number, Date[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('enterprise_credit_record')
    .select(['enterprise_id', 'recorded_at'])
    .where('enterprise_id', 'in', ids)
    .where('recorded_at', '>', since)
    .execute();
  for (const r of rows) {
    const id = Number(r.enterprise_id);
    out.set(id, [...(out.get(id) ?? []), r.recorded_at]);
  }
  return out;
}

export async function countsPer(
  db: Db,
  table: 'enterprise_visit' | 'enterprise_recommendation',
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['enterprise_id', eb.fn.countAll<string>().as('n')])
    .where('enterprise_id', 'in', ids)
    .groupBy('enterprise_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.enterprise_id), Number(r.n)]));
}

/** Codes among these that are active categories. */
export async function activeCategoryCodes(db: Trx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('category')
    .select('code')
    .where('code', 'in', codes)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertVisit(
  trx: Trx,
  v: { enterpriseId: number; visitedOn: string; result: string; note: string | null; by: number; at: Date },
): Promise<void> {
  await trx
    .insertInto('enterprise_visit')
    .values({
      enterprise_id: v.enterpriseId,
      visited_on: v.visitedOn,
      result: v.result,
      note: v.note,
      recorded_by: v.by,
      recorded_at: v.at,
    })
    .execute();
}

export async function latestVisit(trx: Trx, enterpriseId: number) {
  return trx
    .selectFrom('enterprise_visit')
    .select(['result', 'visited_on'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertRecommendation(
  trx: Trx,
  r: { enterpriseId: number; association: string; note: string | null; by: number | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('enterprise_recommendation')
    .values({
      enterprise_id: r.enterpriseId,
      association: r.association,
      note: r.note,
      recorded_by: r.by,
      recorded_at: r.at,
    })
    .execute();
}

export async function insertCreditRecord(
  trx: Trx,
  r: {
    enterpriseId: number;
    kind: string;
    ticketId: number | null;
    note: string | null;
    by: number | null;
    at: Date;
  },
): Promise<number> {
  const row = await trx
    .insertInto('enterprise_credit_record')
    .values({
      enterprise_id: r.enterpriseId,
      kind: r.kind,
      ticket_id: r.ticketId,
      note: r.note,
      recorded_by: r.by,
      recorded_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function ticketExists(db: Trx, id: number): Promise<boolean> {
  return !!(await db.selectFrom('ticket').select('id').where('id', '=', id).executeTakeFirst());
}

/** Inserts the referral; false when the order was already referred to this enterprise. */
export async function insertReferral(
  trx: Trx,
  r: { ticketId: number; enterpriseId: number; by: number | null; at: Date },
): Promise<boolean> {
  const rows = await trx
    .insertInto('enterprise_referral')
    .values({ ticket_id: r.ticketId, enterprise_id: r.enterpriseId, referred_by: r.by, referred_at: r.at })
    .onConflict((oc) => oc.columns(['ticket_id', 'enterprise_id']).doNothing())
    .returning('ticket_id')
    .execute();
  return rows.length > 0;
}

/** Sets the callback's rating on the order's referrals; returns the enterprises rated. */
export async function rateReferrals(
  trx: Trx,
  r: { ticketId: number; rating: string; at: Date },
): Promise<number[]> {
  const rows = await trx
    .updateTable('enterprise_referral')
    .set({ rating: r.rating, rated_at: r.at })
    .where('ticket_id', '=', r.ticketId)
    .returning('enterprise_id')
    .execute();
  return rows.map((x) => Number(x.enterprise_id));
}

export async function enterpriseHistory(db: Db, id: number) {
  const visits = await db
    .selectFrom('enterprise_visit as v')
    .innerJoin('app_user as u', 'u.id', 'v.recorded_by')
    .select(['v.id', 'v.visited_on', 'v.result', 'v.note', 'u.display_name as recorded_by_name'])
    .where('v.enterprise_id', '=', id)
    .orderBy('v.visited_on')
    .orderBy('v.id')
    .execute();
  const recommendations = await db
    .selectFrom('enterprise_recommendation')
    .select(['id', 'association', 'note', 'recorded_at'])
    .where('enterprise_id', '=', id)
    .orderBy('id')
    .execute();
  const credit = await db
    .selectFrom('enterprise_credit_record as c')
    .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.kind',
      'c.ticket_id',
      'c.note',
      'c.recorded_at',
      'u.display_name as recorded_by_name',
    ])
    .where('c.enterprise_id', '=', id)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return { visits, recommendations, credit };
}

export async function userName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const r = await db.selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirst();
  return r?.display_name ?? null;
}

/** The active category tree, for the services an enterprise may offer. */
export async function activeCategories(db: Db) {
  return db
    .selectFrom('category')
    .select(['code', 'name', 'parent_code', 'level'])
    .where('active', '=', true)
    .orderBy('level')
    .orderBy('sort')
    .orderBy('code')
    .execute();
}
