import { sql, type Insertable } from 'kysely';
import type { ClassifierModelTable } from '../../db/tables/classify';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** The only SQL of the classifier models and intake suggestions. No decisions here. */

export type ModelTarget = 'category' | 'unit';

const listColumns = [
  'id',
  'name',
  'target',
  'version',
  'active',
  'source',
  'training_size',
  'trained_at',
  'held_out_accuracy',
  'held_out_macro_f1',
  'labels',
] as const;

export function listModels(db: Db) {
  return db
    .selectFrom('classifier_model')
    .select(listColumns)
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
}

/** The active version's id (cheap: asked on every suggestion to see whether the cache is current). */
export async function activeModelId(db: Db, name: string): Promise<number | null> {
  const r = await db
    .selectFrom('classifier_model')
    .select('id')
    .where('name', '=', name)
    .where('active', '=', true)
    .executeTakeFirst();
  return r?.id ?? null;
}

export function loadModel(db: Db, id: number) {
  return db
    .selectFrom('classifier_model')
    .select([...listColumns, 'weights', 'usual_units'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stores a new version of the named model and makes it the active one. */
export async function insertActiveVersion(
  trx: Trx,
  row: Omit<Insertable<ClassifierModelTable>, 'version' | 'active'>,
): Promise<{ id: number; version: number }> {
  // Serialise concurrent trainings of the same name.
  await sql`select pg_advisory_xact_lock(hashtext(${`classifier_model:${row.name}`}))`.execute(trx);
  const last = await trx
    .selectFrom('classifier_model')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('name', '=', row.name)
    .executeTakeFirst();
  const version = (last?.v ?? 0) + 1;
  await trx
    .updateTable('classifier_model')
    .set({ active: false })
    .where('name', '=', row.name)
    .where('active', '=', true)
    .execute();
  const r = await trx
    .insertInto('classifier_model')
    .values({ ...row, version, active: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, version };
}

/** Versions of a name, newest first, with whether each is active. */
export function versionsOf(trx: Trx, name: string) {
  return trx
    .selectFrom('classifier_model')
    .select(['id', 'version', 'active'])
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .execute();
}

export async function setActive(trx: Trx, name: string, id: number): Promise<void> {
  await trx
    .updateTable('classifier_model')
    .set({ active: false })
    .where('name', '=', name)
    .where('active', '=', true)
    .execute();
  await trx.updateTable('classifier_model').set({ active: true }).where('id', '=', id).execute();
}

export function lockName(trx: Trx, name: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${`classifier_model:${name}`}))`.execute(trx);
}

/**
 * Finished orders (closed after handling, or answered directly at intake) with their category
 * and, for closed ones, the unit that handled them (the newest replied lead assignment).
 */
export function closedOrderHistory(db: Db) {
  return db
    .selectFrom('ticket as t')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('ticket_assignment as a')
          .select(['a.ticket_id', 'a.unit_id'])
          .distinctOn('a.ticket_id')
          .where('a.role', '=', 'lead')
          .where('a.status', '=', 'replied')
          .orderBy('a.ticket_id')
          .orderBy('a.id', 'desc')
          .as('lead'),
      (join) => join.onRef('lead.ticket_id', '=', 't.id'),
    )
    .select(['t.id', 't.content', 't.category_code', 'lead.unit_id'])
    .where('t.status', 'in', ['closed', 'answered'])
    .orderBy('t.id')
    .execute();
}

export function unitNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name', 'active']).where('id', 'in', ids).execute();
}
