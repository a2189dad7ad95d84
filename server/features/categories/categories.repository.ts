import { sql, type Transaction } from 'kysely';
import type { CategoryTables } from '../../db/tables/categories';
import type { Database } from '../../db/schema';
import type { CategoryIndex, CategoryNode } from '../../domain/policy';
import type { Db } from '../../platform/db';
import { defaultCategories, defaultCategoryMappings } from '../org/default-categories';
import type { CategoryRow } from '../../../common/contracts/categories';

/** The category tree, its key mapping and its version history: the only SQL of the feature. */

type AnyDb = Db | Transaction<Database>;

const withCat = (db: AnyDb) => db.withTables<CategoryTables>();

/** Serialises changes of the tree across connections and instances ("CLCT"). */
const CATEGORY_LOCK = 0x43_4c_43_54;

export async function lockCategories(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CATEGORY_LOCK})`.execute(trx);
}

export type CategoryRowOut = CategoryRow;

/** Names of the given codes, by code (`activeOnly`: only categories still in use). */
export async function categoryNames(
  db: AnyDb,
  codes: readonly string[],
  opts: { activeOnly?: boolean } = {},
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  let q = withCat(db)
    .selectFrom('category')
    .select(['code', 'name'])
    .where('code', 'in', [...codes]);
  if (opts.activeOnly) q = q.where('active', '=', true);
  return new Map((await q.execute()).map((r) => [r.code, r.name]));
}

export function listAllCategories(db: AnyDb): Promise<CategoryRowOut[]> {
  return db
    .selectFrom('category')
    .select(['code', 'name', 'parent_code as parentCode', 'level', 'sort', 'active'])
    .orderBy('level')
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export function findCategory(db: AnyDb, code: string): Promise<CategoryRowOut | undefined> {
  return db
    .selectFrom('category')
    .select(['code', 'name', 'parent_code as parentCode', 'level', 'sort', 'active'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function nextSort(db: AnyDb, parentCode: string | null): Promise<number> {
  const row = await db
    .selectFrom('category')
    .select((eb) => eb.fn.max<number | null>('sort').as('m'))
    .where((eb) => (parentCode === null ? eb('parent_code', 'is', null) : eb('parent_code', '=', parentCode)))
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

export async function insertCategory(db: AnyDb, row: Omit<CategoryRowOut, 'active'>): Promise<void> {
  await db
    .insertInto('category')
    .values({ code: row.code, name: row.name, parent_code: row.parentCode, level: row.level, sort: row.sort })
    .execute();
}

export async function updateCategory(
  db: AnyDb,
  code: string,
  patch: { name?: string; parent_code?: string | null; level?: number; sort?: number; active?: boolean },
): Promise<void> {
  await db.updateTable('category').set(patch).where('code', '=', code).execute();
}

export async function setActive(db: AnyDb, codes: readonly string[], active: boolean): Promise<void> {
  if (codes.length === 0) return;
  await db
    .updateTable('category')
    .set({ active })
    .where('code', 'in', [...codes])
    .execute();
}

export async function listMappings(db: AnyDb): Promise<Map<string, string[]>> {
  const rows = await withCat(db)
    .selectFrom('category_mapping')
    .select(['profile_key', 'category_code'])
    .orderBy('profile_key')
    .orderBy('category_code')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.profile_key) ?? [];
    list.push(r.category_code);
    out.set(r.profile_key, list);
  }
  return out;
}

export async function replaceMapping(db: AnyDb, key: string, codes: readonly string[]): Promise<void> {
  const c = withCat(db);
  await c.deleteFrom('category_mapping').where('profile_key', '=', key).execute();
  if (codes.length > 0) {
    await c
      .insertInto('category_mapping')
      .values(codes.map((code) => ({ profile_key: key, category_code: code })))
      .execute();
  }
}

export async function insertVersion(
  db: AnyDb,
  v: { actorUserId: number | null; change: string; details: Record<string, unknown> },
): Promise<number> {
  const row = await withCat(db)
    .insertInto('category_version')
    .values({ actor_user_id: v.actorUserId, change: v.change, details: JSON.stringify(v.details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function currentVersion(db: AnyDb): Promise<number> {
  const row = await withCat(db)
    .selectFrom('category_version')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : 0;
}

export async function listVersions(db: AnyDb, limit: number) {
  return withCat(db)
    .selectFrom('category_version')
    .select(['id', 'created_at as at', 'actor_user_id as actorUserId', 'change', 'details'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many orders carry each of the given codes. */
export async function ordersUsing(db: AnyDb, codes: readonly string[]): Promise<number> {
  if (codes.length === 0) return 0;
  const row = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_code', 'in', [...codes])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The first time the rules are loaded on a database: the default taxonomy's later additions
 * (only under a parent of the same name, so a site's own tree is left alone) and the default
 * key mappings (only onto codes that exist), recorded as version 1. Later starts change nothing,
 * so a mapping an administrator cleared stays cleared.
 */
export async function seedCategoryVersion(db: Db): Promise<void> {
  if ((await currentVersion(db)) > 0) return;
  await db.transaction().execute(async (trx) => {
    await lockCategories(trx);
    if ((await currentVersion(trx)) > 0) return;
    const existing = await listAllCategories(trx);
    const byCode = new Map(existing.map((c) => [c.code, c]));
    const defaults = defaultCategories();
    const defaultByCode = new Map(defaults.map((c) => [c.code, c]));
    const added: string[] = [];
    if (existing.length > 0) {
      for (const c of defaults) {
        if (byCode.has(c.code) || c.parentCode === null) continue;
        const parent = byCode.get(c.parentCode);
        if (!parent || parent.name !== defaultByCode.get(c.parentCode)?.name) continue;
        await insertCategory(trx, { ...c, sort: await nextSort(trx, c.parentCode) });
        byCode.set(c.code, { ...c, active: true });
        added.push(c.code);
      }
    }
    const mapped: Record<string, string[]> = {};
    for (const [key, codes] of Object.entries(defaultCategoryMappings)) {
      const present = codes.filter((c) => byCode.has(c));
      if (present.length === 0) continue;
      await withCat(trx)
        .insertInto('category_mapping')
        .values(present.map((code) => ({ profile_key: key, category_code: code })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      mapped[key] = present;
    }
    await insertVersion(trx, { actorUserId: null, change: 'seed', details: { added, mapped } });
  });
}

/** The tree and mapping as the domain sees them, with the version in force. */
export async function loadCategoryIndex(db: Db): Promise<{ index: CategoryIndex; version: number }> {
  await seedCategoryVersion(db);
  const [rows, mapping, version] = await Promise.all([
    listAllCategories(db),
    listMappings(db),
    currentVersion(db),
  ]);
  const nodes: CategoryNode[] = rows.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    active: r.active,
  }));
  return { index: { nodes, mapping }, version };
}
