import type { Db } from '../../platform/db';
import { hashPassword } from '../auth/password';
import { defaultCategories } from '../org/default-categories';
import { insertUnit } from '../org/org.repository';
import { DEMO_PASSWORD, demoUnits, demoUsers } from './demo-city';
import { loadDemoServiceNumbers } from './demo-service-numbers';
import { markStepDone } from './demo-steps';

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
      const parentId = u.parent ? (ids.get(u.parent) ?? null) : null;
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
      if (u.active === false) {
        await trx.updateTable('org_unit').set({ active: false }).where('id', '=', id).execute();
      }
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    let adminId = 0;
    for (const u of demoUsers) {
      const unitId = ids.get(u.unit);
      if (!unitId) throw new Error(`demo user ${u.username}: unknown unit ${u.unit}`);
      const user = await trx
        .insertInto('app_user')
        .values({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          unit_id: unitId,
          password_hash: hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (u.username === 'admin') adminId = user.id;
    }
    await loadDemoServiceNumbers(trx, ids, adminId);
    await markStepDone(trx, 'demo-city', new Date());
  });
  return true;
}

/**
 * Outside demo mode, demo accounts that still have the demo password must change it before
 * anything else (GB/T 22239-2019 8.1.4.2 c: default passwords are changed).
 */
export async function requireChangeOfDemoPasswords(db: Db): Promise<number> {
  const { verifyPassword } = await import('../auth/password');
  const { demoUsers: users, DEMO_PASSWORD: pw } = await import('./demo-city');
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash'])
    .where(
      'username',
      'in',
      users.map((u) => u.username),
    )
    .where('must_change_password', '=', false)
    .execute();
  let n = 0;
  for (const r of rows) {
    if (await verifyPassword(pw, r.password_hash)) {
      await db.updateTable('app_user').set({ must_change_password: true }).where('id', '=', r.id).execute();
      n++;
    }
  }
  return n;
}
