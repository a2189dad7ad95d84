import type { Db } from '../../platform/db';

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  region?: string | null;
  isPlatform?: boolean;
  duties?: string[];
  phone?: string | null;
}

/** Inserts a unit and sets its materialised path (`/1/5/12/`), used for subtree scoping. */
export async function insertUnit(db: Db, u: NewUnit): Promise<{ id: number; path: string }> {
  const parentPath = u.parentId
    ? (await db.selectFrom('org_unit').select('path').where('id', '=', u.parentId).executeTakeFirstOrThrow())
        .path
    : '/';
  const { id } = await db
    .insertInto('org_unit')
    .values({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent_id: u.parentId,
      region: u.region ?? null,
      is_platform: u.isPlatform ?? false,
      duty_categories: u.duties ?? [],
      phone: u.phone ?? null,
      duty_contact: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${id}/`;
  await db.updateTable('org_unit').set({ path }).where('id', '=', id).execute();
  return { id, path };
}

export function listUnits(db: Db) {
  return db
    .selectFrom('org_unit')
    .select([
      'id',
      'code',
      'name',
      'kind',
      'parent_id as parentId',
      'path',
      'region',
      'is_platform as isPlatform',
      'duty_categories as duties',
      'phone',
      'active',
    ])
    .orderBy('path')
    .execute();
}

export function findUnit(db: Db, id: number) {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Db, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Whether the installation has any unit at all. */
export async function anyUnitExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The installation's own hotline center (热线中心), the first center unit: orders that arrive by
 * exchange or from the portal are taken there.
 */
export function centerUnit(db: Db) {
  return db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'center')
    .orderBy('id')
    .executeTakeFirstOrThrow();
}
