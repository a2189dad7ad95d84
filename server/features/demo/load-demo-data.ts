import type { Db } from '../../platform/db';
import { hashPassword } from '../auth/password';
import { defaultCategories } from '../org/default-categories';
import { insertUnit } from '../org/org.repository';
import { DEMO_PASSWORD, demoUnits, demoUsers } from './demo-city';

/** Reference data every installation needs: the default category taxonomy. */
export async function ensureReferenceData(db: Db): Promise<void> {
  const existing = await db.selectFrom('category').select('code').limit(1).executeTakeFirst();
  if (existing) return;
  const rows = defaultCategories().map((c) => ({
    code: c.code,
    name: c.name,
    parent_code: c.parentCode,
    level: c.level,
    sort: c.sort,
  }));
  await db.insertInto('category').values(rows).execute();
}

/** Loads the fictional city (units, one user per role) into an empty database. Returns false if not empty. */
export async function loadDemoData(db: Db): Promise<boolean> {
  const any = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const u of demoUnits) {
      const parentId = u.parent ? ids.get(u.parent) ?? null : null;
      const { id } = await insertUnit(trx, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId,
        region: u.region ?? null,
        isPlatform: u.isPlatform ?? false,
        duties: u.duties ?? [],
        phone: u.phone ?? null,
      });
      ids.set(u.code, id);
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of demoUsers) {
      const unitId = ids.get(u.unit);
      if (!unitId) throw new Error(`demo user ${u.username}: unknown unit ${u.unit}`);
      await trx
        .insertInto('app_user')
        .values({ username: u.username, display_name: u.displayName, role: u.role, unit_id: unitId, password_hash: hash })
        .execute();
    }
  });
  return true;
}
