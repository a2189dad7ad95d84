import type { Db } from '../../platform/db';

export interface NewUnitSupervision {
  unitId: number;
  trigger: string;
  period: string;
  note: string;
  office: string | null;
  createdAt: Date;
  respondBy: Date;
}

/** Records the supervisions not yet recorded for their unit, trigger and month; returns how many. */
export async function insertUnitSupervisions(db: Db, rows: NewUnitSupervision[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('unit_supervision')
    .values(
      rows.map((s) => ({
        unit_id: s.unitId,
        trigger: s.trigger,
        period: s.period,
        note: s.note,
        office: s.office,
        created_at: s.createdAt,
        respond_by: s.respondBy,
      })),
    )
    .onConflict((oc) => oc.columns(['unit_id', 'trigger', 'period']).doNothing())
    .returning('id')
    .execute();
  return r.length;
}

/** Unit supervisions, newest first; only units under `path` when given. */
export function listUnitSupervisions(db: Db, path: string | null, limit = 200) {
  let q = db
    .selectFrom('unit_supervision as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.unit_id as unitId',
      'u.name as unitName',
      's.trigger',
      's.period',
      's.note',
      's.office',
      's.created_at as createdAt',
      's.respond_by as respondBy',
      's.responded_at as respondedAt',
      's.response',
    ])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit);
  if (path !== null) q = q.where('u.path', 'like', `${path}%`);
  return q.execute();
}

export function findUnitSupervision(db: Db, id: number) {
  return db
    .selectFrom('unit_supervision as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 'u.path', 's.responded_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The unit's written answer, once: false when it was already answered. */
export async function answerUnitSupervision(
  db: Db,
  id: number,
  a: { text: string; by: number; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('unit_supervision')
    .set({ response: a.text, responded_by: a.by, responded_at: a.at })
    .where('id', '=', id)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
