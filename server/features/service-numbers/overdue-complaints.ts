import { citationNames, citeArticle } from '../../../common/article-citation';
import { parseClock } from '../../domain/calendar';
import { overdueComplaintAt } from '../../domain/kpi';
import { resolveCategoryRef } from '../../domain/policy/category-keys';
import type { AppContext } from '../../platform/context';
import { withRetry } from '../../platform/retry';
import { recordSupervision } from '../supervision/record-supervision';
import { lockUnsupervisedLateComplaints } from './service-numbers.repository';

const levelNames = { red: '红色', yellow: '黄色', blue: '蓝色' } as const;

/**
 * beijing-miyun §30: a complaint about a service number not replied to a working day (the
 * profile's `unitWarnings.overdueComplaint.workingDaysAfter`) after its deadline is put under
 * supervision by the center, and the unit gets the rule's warning (yellow; the unit-warnings
 * report lists it). Runs with the deadline sweep; each overdue complaint is supervised once
 * (a later redo with a new deadline may be supervised again). Returns how many were supervised.
 */
export async function superviseOverdueNumberComplaints(ctx: AppContext): Promise<number> {
  const { profile, calendar, categories } = ctx.rules;
  const rule = profile.unitWarnings?.overdueComplaint;
  if (!rule) return 0;
  const codes = resolveCategoryRef(categories, rule.category).codes;
  if (codes.length === 0) return 0;
  const now = ctx.clock.now();
  const eod = parseClock(profile.endOfDay);
  return withRetry(ctx.db, async (trx) => {
    const rows = await lockUnsupervisedLateComplaints(trx, codes, now);
    let n = 0;
    for (const r of rows) {
      const at = overdueComplaintAt(calendar, r.due_at, rule.workingDaysAfter, eod);
      if (at.getTime() > now.getTime()) continue;
      await recordSupervision(trx, ctx.rules, {
        ticketId: r.id,
        trigger: 'overdue',
        mode: 'system',
        note: `便民服务电话投诉超期${rule.workingDaysAfter}个工作日未办复，启动督办（${levelNames[rule.level]}预警，${citeArticle(rule.article, citationNames(profile))}）`,
        createdBy: null,
        now,
      });
      n++;
    }
    return n;
  });
}
