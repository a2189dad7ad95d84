import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localDay, civilFromDays } from '../../domain/calendar';
import { unresolvedCategoryRefs } from '../../domain/policy';
import type { AppContext } from '../../platform/context';
import { countProvisionalOpenOrders } from './health.repository';

/**
 * Category references of the profile in force that reach no category of the tree: a key with
 * no mapping, or a code the tree does not hold. Their rules would never apply.
 */
export function categoryWarnings(ctx: AppContext): string[] {
  const byRef = new Map<string, { problem: string; articles: Set<string> }>();
  for (const r of unresolvedCategoryRefs(ctx.rules.sourceProfile, ctx.rules.categories)) {
    const e = byRef.get(r.ref) ?? { problem: r.problem, articles: new Set<string>() };
    e.articles.add(r.article);
    byRef.set(r.ref, e);
  }
  return [...byRef].map(([ref, e]) => {
    const where = `${ctx.rules.sourceProfile.id}：${[...e.articles].join('；')}`;
    return e.problem === 'unmapped-key'
      ? `政策分类键 ${ref} 未对应本地问题分类（${where}），相关规则不会生效；请在系统管理 → 问题分类中设置对应`
      : `政策引用的问题分类代码 ${ref} 不在分类树中（${where}），相关规则不会生效`;
  });
}

/**
 * Warnings an operator must act on: a coming year without an official schedule, provisional
 * deadlines, category-keyed rules of the profile that reach no category.
 */
export async function healthWarnings(ctx: AppContext): Promise<string[]> {
  const warnings: string[] = [];
  const today = civilFromDays(localDay(ctx.clock.now()));
  const cal = ctx.rules.calendar;
  if (!cal.isYearCovered(today.year)) {
    warnings.push(`${today.year} 年节假日安排尚未导入，时限按法定节假日暂定计算（provisional）`);
  }
  if (today.month >= 11 && !cal.isYearCovered(today.year + 1)) {
    warnings.push(
      `${today.year + 1} 年节假日安排尚未导入；国务院通常于 11 月公布，公布后请导入（civicline calendar import）`,
    );
  }
  const n = await countProvisionalOpenOrders(ctx.db);
  if (n > 0) warnings.push(`${n} 件在办工单的时限为暂定（所在年份的节假日安排未导入）`);
  warnings.push(...categoryWarnings(ctx));
  return warnings;
}

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查',
          security: [],
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.string(),
              profile: z.string(),
              calendarVersion: z.number(),
              warnings: z.array(z.string()),
            }),
          },
        },
      },
      async () => ({
        status: 'ok' as const,
        database: ctx.dbKind,
        profile: ctx.rules.profile.id,
        calendarVersion: ctx.rules.calendarVersion,
        warnings: await healthWarnings(ctx),
      }),
    );
  };
}
