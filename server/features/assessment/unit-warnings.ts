import {
  gradeUnit,
  isOverdueComplaint,
  overdueComplaintAt,
  warningLevels,
  type Period,
  type Scheme,
  type WarningLevel,
  type WarningReason,
} from '../../domain/kpi';
import { parseClock } from '../../domain/calendar';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { assessUnits } from './assess-units';
import { numberComplaintsPastDue } from './warnings.repository';
import { schemeCategoryCodes } from './assess-units';

export interface UnitWarningItem {
  unitCode: string;
  unitName: string;
  level: WarningLevel;
  reasons: WarningReason[];
}

export interface WarningsResult {
  /** Units that missed the scheme's targets, red first; a unit meeting every target has no entry. */
  items: UnitWarningItem[];
  /** Ids of those units, in the same order (for scoping; not part of the public items). */
  unitIds: number[];
}

/**
 * 红、黄、蓝预警 (beijing-miyun §21, §30) for the handling units assessed in the period: the
 * scheme's targets judged on the same figures as the assessment, and complaints about service
 * numbers not replied to a working day after their deadline (docs/decisions/0007-unit-warnings.md).
 * A scheme without warnings is refused (422 UNPROCESSABLE), never answered with an empty list.
 */
export async function unitWarnings(
  ctx: AppContext,
  input: { scheme: Scheme; period: Period; asOf?: Date },
): Promise<WarningsResult> {
  const { scheme, period } = input;
  const rules = scheme.warnings;
  if (!rules) {
    throw new AppError('UNPROCESSABLE', `考核方案 ${scheme.id} 未规定单位预警目标，不能生成红、黄、蓝预警`, {
      scheme: scheme.id,
      reason: 'no-unit-warnings',
    });
  }
  const asOf = input.asOf ?? ctx.clock.now();
  const assessment = await assessUnits(ctx, { scheme, period, asOf });

  const overdue = new Map<number, string[]>();
  if (rules.overdueComplaint) {
    const { calendar, profile } = ctx.rules;
    const eod = parseClock(profile.endOfDay);
    const rows = await numberComplaintsPastDue(ctx.db, {
      months: period.months,
      categories: schemeCategoryCodes(scheme.numberComplaintCategories, ctx.rules.categories),
      asOf,
    });
    for (const r of rows) {
      const at = overdueComplaintAt(calendar, r.handleDueAt, rules.overdueComplaint.workingDaysAfter, eod);
      if (!isOverdueComplaint(r, asOf, at)) continue;
      const list = overdue.get(r.unitId) ?? [];
      list.push(r.ticketNo);
      overdue.set(r.unitId, list);
    }
  }

  const graded = assessment.units.flatMap((u) => {
    const w = gradeUnit(scheme, u, overdue.get(u.unitId) ?? []);
    return w
      ? [
          {
            unitId: u.unitId,
            item: { unitCode: u.unitCode, unitName: u.unitName, level: w.level, reasons: w.reasons },
          },
        ]
      : [];
  });
  graded.sort(
    (a, b) =>
      warningLevels.indexOf(b.item.level) - warningLevels.indexOf(a.item.level) ||
      a.item.unitCode.localeCompare(b.item.unitCode),
  );
  return { items: graded.map((g) => g.item), unitIds: graded.map((g) => g.unitId) };
}
