import { z } from 'zod';
import { categoryKeyPattern, categoryRefs, resolveCategoryRef, withDescendants } from '../../domain/policy';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { appendAudit } from '../audit/audit';
import { recomputeOpenOrders } from '../calendar/calendar.service';
import {
  findCategory,
  insertCategory,
  insertVersion,
  listAllCategories,
  listMappings,
  lockCategories,
  nextSort,
  ordersUsing,
  replaceMapping,
  setActive,
  updateCategory,
  type CategoryRowOut,
} from './categories.repository';

/**
 * Administration of the category tree (问题分类) and of the mapping of the profiles' category
 * keys onto it. Codes are never deleted: orders keep theirs; a code is disabled. Every change is
 * a new category version and an audit entry, in one transaction; when it changes which codes a
 * rule of the profile in force reaches, open orders' deadlines are recomputed with a recorded
 * event, as after a calendar change.
 */

const name = z.string().trim().min(1, '分类名称不能为空').max(50, '分类名称不超过 50 字');
const code = z
  .string()
  .trim()
  .regex(/^\d{2,12}$/, '分类代码为 2-12 位数字');

export const createCategoryBody = z.object({ code, name, parentCode: code.nullable().default(null) });
export const updateCategoryBody = z
  .object({ name: name.optional(), parentCode: code.nullable().optional(), active: z.boolean().optional() })
  .refine(
    (b) => b.name !== undefined || b.parentCode !== undefined || b.active !== undefined,
    '没有要修改的内容',
  );
export const mappingBody = z.object({
  key: z.string().trim().regex(categoryKeyPattern, '分类键为小写字母、数字和连字符，如 heating'),
  codes: z.array(code).max(100),
});

export interface ChangeResult {
  version: number;
  /** Open orders checked and whose deadlines changed (both 0 when no rule reaches other codes). */
  checked: number;
  changed: number;
}

export interface CategoryTreeNode extends CategoryRowOut {
  children: CategoryTreeNode[];
}

export function buildTree(rows: CategoryRowOut[]): CategoryTreeNode[] {
  const nodes = new Map(rows.map((r) => [r.code, { ...r, children: [] as CategoryTreeNode[] }]));
  const roots: CategoryTreeNode[] = [];
  const sorted = [...nodes.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  for (const n of sorted) {
    const parent = n.parentCode === null ? undefined : nodes.get(n.parentCode);
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/** The whole tree (disabled codes included) for administrators, with its version. */
export async function adminTree(ctx: AppContext) {
  return { version: ctx.rules.categoryVersion, items: buildTree(await listAllCategories(ctx.db)) };
}

/** Enabled categories only (a disabled parent hides its subtree), flat, for pickers. */
export async function enabledCategories(db: Db) {
  const rows = await listAllCategories(db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const enabled = (r: CategoryRowOut): boolean => {
    for (
      let c: CategoryRowOut | undefined = r;
      c;
      c = c.parentCode === null ? undefined : byCode.get(c.parentCode)
    ) {
      if (!c.active) return false;
    }
    return true;
  };
  return rows
    .filter(enabled)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code: c, name: n, parentCode, level, sort }) => ({ code: c, name: n, parentCode, level, sort }));
}

/** Every key the profile in force names, plus every mapped key, with its codes and whether it reaches any. */
export async function mappingsView(ctx: AppContext) {
  const mapping = await listMappings(ctx.db);
  const refs = categoryRefs(ctx.rules.sourceProfile);
  const keys = new Set<string>([
    ...refs.map((r) => r.ref).filter((r) => categoryKeyPattern.test(r)),
    ...mapping.keys(),
  ]);
  return {
    version: ctx.rules.categoryVersion,
    profile: ctx.rules.sourceProfile.id,
    items: [...keys].sort().map((key) => ({
      key,
      codes: mapping.get(key) ?? [],
      articles: [...new Set(refs.filter((r) => r.ref === key).map((r) => r.article))],
      reached: resolveCategoryRef(ctx.rules.categories, key).codes.length,
    })),
  };
}

async function audit(
  trx: Parameters<typeof appendAudit>[0],
  admin: SessionUser,
  action: string,
  target: string,
  details: Record<string, unknown>,
) {
  await appendAudit(trx, {
    at: systemClock.now(),
    actorUserId: admin.id,
    actorUsername: admin.username,
    ip: admin.ip ?? null,
    action,
    targetType: 'category',
    targetId: target,
    details,
  });
}

/** After a committed change: the rules pick up the tree; open orders are recomputed if a rule reaches other codes. */
async function apply(ctx: AppContext, version: number): Promise<ChangeResult> {
  const changed = await ctx.rulesProvider.reloadCategories();
  if (!changed) return { version, checked: 0, changed: 0 };
  const r = await recomputeOpenOrders(ctx, `问题分类版本 ${version} 生效`);
  return { version, ...r };
}

/**
 * Picks up a category version stored by another instance (its open orders were recomputed by
 * the instance that made the change): only the rules in memory are refreshed.
 */
export function reloadCategoriesIfNewer(ctx: AppContext): Promise<boolean> {
  return ctx.rulesProvider.reloadCategoriesIfNewer();
}

function notFound(c: string): AppError {
  return new AppError('NOT_FOUND', `问题分类 ${c} 不存在`, { code: c });
}

export async function createCategory(
  ctx: AppContext,
  admin: SessionUser,
  body: z.infer<typeof createCategoryBody>,
): Promise<ChangeResult> {
  const version = await ctx.db.transaction().execute(async (trx) => {
    await lockCategories(trx);
    if (await findCategory(trx, body.code)) {
      throw new AppError('CONFLICT', `分类代码 ${body.code} 已存在`, { code: body.code });
    }
    let level = 1;
    if (body.parentCode !== null) {
      const parent = await findCategory(trx, body.parentCode);
      if (!parent) {
        throw new AppError('VALIDATION_FAILED', `上级分类 ${body.parentCode} 不存在`, [
          { path: '/parentCode', message: 'unknown' },
        ]);
      }
      level = parent.level + 1;
    }
    const expected = body.parentCode === null ? /^\d{2}$/ : new RegExp(`^${body.parentCode}\\d{2}$`);
    if (!expected.test(body.code)) {
      throw new AppError(
        'VALIDATION_FAILED',
        body.parentCode === null
          ? '一级分类代码为 2 位数字'
          : `下级分类代码为上级代码 ${body.parentCode} 加 2 位数字`,
        [{ path: '/code', message: 'pattern' }],
      );
    }
    await insertCategory(trx, {
      code: body.code,
      name: body.name,
      parentCode: body.parentCode,
      level,
      sort: await nextSort(trx, body.parentCode),
    });
    const v = await insertVersion(trx, { actorUserId: admin.id, change: 'create', details: { ...body } });
    await audit(trx, admin, 'category-created', body.code, { ...body, version: v });
    return v;
  });
  return apply(ctx, version);
}

export async function changeCategory(
  ctx: AppContext,
  admin: SessionUser,
  target: string,
  body: z.infer<typeof updateCategoryBody>,
): Promise<ChangeResult> {
  const version = await ctx.db.transaction().execute(async (trx) => {
    await lockCategories(trx);
    const cat = await findCategory(trx, target);
    if (!cat) throw notFound(target);
    const all = await listAllCategories(trx);
    const nodes = all.map((r) => ({ code: r.code, parentCode: r.parentCode, active: r.active }));
    const subtree = withDescendants(nodes, [target]);
    let v = 0;
    const record = async (change: string, action: string, details: Record<string, unknown>) => {
      v = await insertVersion(trx, { actorUserId: admin.id, change, details: { code: target, ...details } });
      await audit(trx, admin, action, target, { ...details, version: v });
    };
    if (body.name !== undefined && body.name !== cat.name) {
      await updateCategory(trx, target, { name: body.name });
      await record('rename', 'category-renamed', { from: cat.name, to: body.name });
    }
    if (body.parentCode !== undefined && body.parentCode !== cat.parentCode) {
      let level = 1;
      if (body.parentCode !== null) {
        const parent = all.find((r) => r.code === body.parentCode);
        if (!parent) {
          throw new AppError('VALIDATION_FAILED', `上级分类 ${body.parentCode} 不存在`, [
            { path: '/parentCode', message: 'unknown' },
          ]);
        }
        if (subtree.includes(parent.code)) {
          throw new AppError('VALIDATION_FAILED', '不能移动到自身或其下级分类之下', [
            { path: '/parentCode', message: 'cycle' },
          ]);
        }
        level = parent.level + 1;
      }
      const shift = level - cat.level;
      for (const c of subtree) {
        const row = all.find((r) => r.code === c);
        if (row && c !== target && shift !== 0) await updateCategory(trx, c, { level: row.level + shift });
      }
      await updateCategory(trx, target, {
        parent_code: body.parentCode,
        level,
        sort: await nextSort(trx, body.parentCode),
      });
      await record('move', 'category-moved', { from: cat.parentCode, to: body.parentCode });
    }
    if (body.active !== undefined && body.active !== cat.active) {
      if (body.active) {
        const parent = cat.parentCode === null ? undefined : all.find((r) => r.code === cat.parentCode);
        const parentAfterMove =
          body.parentCode !== undefined ? all.find((r) => r.code === body.parentCode) : parent;
        if (parentAfterMove && !parentAfterMove.active) {
          throw new AppError(
            'VALIDATION_FAILED',
            `上级分类 ${parentAfterMove.code} 已停用，请先启用上级分类`,
          );
        }
        await setActive(trx, [target], true);
        await record('enable', 'category-enabled', {});
      } else {
        // The whole subtree is disabled; orders keep their codes and rules still reach them.
        const disabled = subtree.filter((c) => all.find((r) => r.code === c)?.active);
        await setActive(trx, disabled, false);
        await record('disable', 'category-disabled', {
          codes: disabled,
          ordersKeeping: await ordersUsing(trx, subtree),
        });
      }
    }
    if (v === 0) return null;
    return v;
  });
  return version === null
    ? { version: ctx.rules.categoryVersion, checked: 0, changed: 0 }
    : apply(ctx, version);
}

export async function setMapping(
  ctx: AppContext,
  admin: SessionUser,
  body: z.infer<typeof mappingBody>,
): Promise<ChangeResult> {
  const codes = [...new Set(body.codes)].sort();
  const version = await ctx.db.transaction().execute(async (trx) => {
    await lockCategories(trx);
    const all = await listAllCategories(trx);
    const missing = codes.filter((c) => !all.some((r) => r.code === c));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `问题分类 ${missing.join('、')} 不存在`,
        missing.map((c) => ({ path: '/codes', message: `unknown ${c}` })),
      );
    }
    const before = (await listMappings(trx)).get(body.key) ?? [];
    await replaceMapping(trx, body.key, codes);
    const v = await insertVersion(trx, {
      actorUserId: admin.id,
      change: 'mapping',
      details: { key: body.key, from: before, to: codes },
    });
    await appendAudit(trx, {
      at: systemClock.now(),
      actorUserId: admin.id,
      actorUsername: admin.username,
      ip: admin.ip ?? null,
      action: 'category-mapping-set',
      targetType: 'category-key',
      targetId: body.key,
      details: { from: before, to: codes, version: v },
    });
    return v;
  });
  return apply(ctx, version);
}
