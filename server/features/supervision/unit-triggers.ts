import { periodLabel, previousPeriod } from '../../../common/period';
import { serviceDate } from '../../../common/service-time';
import { parsePeriod } from '../../domain/kpi';
import { addDuration } from '../../domain/sla';
import { officeFor, respondWithinFor } from '../../domain/supervision/supervision-rules';
import type { AppContext } from '../../platform/context';
import { assessUnits } from '../assessment/assess-units';
import { loadSchemes } from '../assessment/schemes';
import { overdueByUnit } from '../kb/overdue-report';
import { insertUnitSupervisions, type NewUnitSupervision } from './unit-supervision.repository';

/** zibo-12345 §20: the last three places of the ranking (排名后3位). */
export const LOW_RANK_PLACES = 3;

/** The month whose units were already looked at, per context (the unique key keeps it exact). */
const done = new WeakMap<AppContext, string>();

/**
 * Supervision of units (督办, zibo-12345 §15(4)(5)), once a month for the month that ended: the
 * units in the last three places of the profile's assessment scheme (§15(4), §20), and the units
 * whose knowledge-base entries are past their review date or whose policy notices are unanswered
 * past their 5 working days (§15(5)). Only triggers the active profile lists; each unit, trigger
 * and month at most once. Returns how many were recorded.
 */
export async function superviseUnits(ctx: AppContext): Promise<number> {
  const profile = ctx.rules.profile;
  const triggers = new Set(profile.supervision?.triggers.map((t) => t.trigger) ?? []);
  if (!triggers.has('low-rank') && !triggers.has('kb-outdated')) return 0;
  const now = ctx.clock.now();
  const month = previousPeriod(serviceDate(now).slice(0, 7));
  if (done.get(ctx) === month) return 0;
  const respondBy = addDuration(ctx.rules.calendar, now, respondWithinFor(profile), {
    endOfDay: profile.endOfDay,
  }).at;
  const rows: NewUnitSupervision[] = [];
  const record = (unitId: number, trigger: 'low-rank' | 'kb-outdated', note: string) =>
    rows.push({
      unitId,
      trigger,
      period: month,
      note,
      office: officeFor(profile, trigger),
      createdAt: now,
      respondBy,
    });

  if (triggers.has('low-rank')) {
    const scheme = (await loadSchemes(ctx.env.CIVICLINE_PROFILE_DIR)).find((s) => s.profile === profile.id);
    if (scheme) {
      const result = await assessUnits(ctx, { scheme, period: parsePeriod(month), asOf: now });
      const ranked = result.units.filter((u) => u.rank !== null);
      if (ranked.length > LOW_RANK_PLACES) {
        // Every unit placed at or below the third-last rank (ties included).
        const cut = [...ranked].sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[LOW_RANK_PLACES - 1]?.rank ?? 0;
        for (const u of ranked.filter((x) => (x.rank ?? 0) >= cut)) {
          record(
            u.unitId,
            'low-rank',
            `${periodLabel(month)}考核排名第 ${u.rank} 位（共 ${ranked.length} 个单位），得分 ${u.score?.toFixed(2) ?? '—'}，请分析原因并书面答复整改措施`,
          );
        }
      }
    }
  }

  if (triggers.has('kb-outdated')) {
    const report = await overdueByUnit(ctx, undefined);
    for (const u of report.units) {
      if (u.unitId === null || u.reviewOverdueCount + u.noticesOverdueCount === 0) continue;
      const parts = [
        u.reviewOverdueCount ? `知识条目复核逾期 ${u.reviewOverdueCount} 条` : '',
        u.noticesOverdueCount ? `政策文件逾期未登记答复 ${u.noticesOverdueCount} 件` : '',
      ].filter(Boolean);
      record(u.unitId, 'kb-outdated', `知识库维护更新不及时：${parts.join('，')}，请尽快更新并书面答复`);
    }
  }

  const n = await insertUnitSupervisions(ctx.db, rows);
  done.set(ctx, month);
  if (n > 0) ctx.logger.info({ month, supervisions: n }, 'units supervised for the month');
  return n;
}
