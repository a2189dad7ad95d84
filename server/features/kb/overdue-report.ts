import { parseDay } from '../../domain/calendar/time';
import { isKbManager } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { articleCountsByUnit, reviewOverdueArticles, unitNames } from './kb-report.repository';
import { todayOf } from './kb-time';
import { noticesOf } from './policy-notices';

/**
 * Overdue-update report per unit (知识库更新及时性): published entries past their review date,
 * and policy notices not answered within 5 working days (open ones and late answers).
 * Managers, leaders and supervisors see every unit; units see themselves.
 */
export async function overdueReport(ctx: AppContext, user: SessionUser, f: { unitId?: number | undefined }) {
  const all = isKbManager(user.role) || ['leader', 'supervisor'].includes(user.role);
  return overdueByUnit(ctx, all ? f.unitId : user.unitId);
}

/** The report for one unit, or for every unit with something overdue when `unitId` is undefined. */
export async function overdueByUnit(ctx: AppContext, unitId: number | undefined) {
  const today = todayOf(ctx.clock.now());
  const [articles, notices, counts, names] = await Promise.all([
    reviewOverdueArticles(ctx.db, today, unitId),
    noticesOf(ctx, unitId),
    articleCountsByUnit(ctx.db, unitId),
    unitNames(ctx.db),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  type Row = {
    unitId: number | null;
    unitName: string;
    publishedArticles: number;
    reviewOverdue: { id: number; title: string; reviewBy: string; daysOverdue: number }[];
    noticesOverdue: (typeof notices)[number][];
    noticesAnsweredLate: (typeof notices)[number][];
  };
  const byUnit = new Map<number | null, Row>();
  const row = (id: number | null): Row => {
    let r = byUnit.get(id);
    if (!r) {
      r = {
        unitId: id,
        unitName: id === null ? '热线中心（未指定单位）' : (nameOf.get(id) ?? String(id)),
        publishedArticles: 0,
        reviewOverdue: [],
        noticesOverdue: [],
        noticesAnsweredLate: [],
      };
      byUnit.set(id, r);
    }
    return r;
  };
  for (const c of counts) if (c.published > 0) row(c.owner_unit_id).publishedArticles = c.published;
  for (const a of articles) {
    const reviewBy = a.review_by ?? today;
    row(a.owner_unit_id).reviewOverdue.push({
      id: a.id,
      title: a.title,
      reviewBy,
      daysOverdue: parseDay(today) - parseDay(reviewBy),
    });
  }
  for (const n of notices) {
    if (n.state === 'overdue') row(n.unitId).noticesOverdue.push(n);
    if (n.state === 'answered-late') row(n.unitId).noticesAnsweredLate.push(n);
  }
  const units = [...byUnit.values()]
    .filter(
      (r) =>
        r.reviewOverdue.length + r.noticesOverdue.length + r.noticesAnsweredLate.length > 0 ||
        unitId !== undefined,
    )
    .map((r) => ({
      ...r,
      reviewOverdueCount: r.reviewOverdue.length,
      noticesOverdueCount: r.noticesOverdue.length,
      noticesAnsweredLateCount: r.noticesAnsweredLate.length,
    }))
    .sort(
      (a, b) =>
        b.reviewOverdueCount + b.noticesOverdueCount - (a.reviewOverdueCount + a.noticesOverdueCount) ||
        a.unitName.localeCompare(b.unitName),
    );
  return { asOf: today, units };
}
