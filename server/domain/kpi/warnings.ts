/**
 * Unit warnings (预警督查), beijing-miyun §21: "对未完成工作目标的相关单位及时启动红、黄、蓝预警督查机制"
 * (targets: 按期办结率100%、反馈率100%、群众满意率不低于75%、便民及应急抢险电话规范管理被投诉率为零), and §30:
 * "对于超期未办复的投诉事项……在超期1个工作日后启动督办程序……直接启动黄色预警机制". The grading is data of
 * the scheme (`warnings`); see docs/decisions/0007-unit-warnings.md.
 */
import { localDayOfMs, msOfLocal, type WorkCalendar } from '../calendar';
import { indicatorIds, type IndicatorId } from './indicator';
import { indicators } from './indicators';
import { warningLevels, type Scheme, type SchemeWarnings, type WarningLevel } from './schemes/scheme-schema';

/** Float noise (0.1 + 0.2) never decides a miss. */
const EPS = 1e-12;

export interface WarningReason {
  /** Stable code: the indicator in kebab case (`on-time-rate`), or `overdue-complaint` (§30). */
  code: string;
  indicator: IndicatorId | null;
  /** The target (a rate as a fraction 0-1, or a count) and the unit's value in the period. */
  target: number;
  actual: number;
  /** The level this reason gives on its own (§30), or null when the level comes from the number of misses. */
  level: WarningLevel | null;
  message: string;
  article: string;
  /** Orders behind the reason (overdue complaints). */
  ticketNos?: string[];
}

export interface UnitWarning {
  level: WarningLevel;
  reasons: WarningReason[];
}

export const OVERDUE_COMPLAINT = 'overdue-complaint';

/** onTimeRate → on-time-rate. */
export function reasonCode(id: IndicatorId): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function percent(x: number): string {
  const v = Math.round(x * 1000) / 10;
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}

/** A rate misses its target below it; a count misses it above it. */
export function missesTarget(id: IndicatorId, value: number, target: number): boolean {
  return indicators[id].kind === 'rate' ? value + EPS < target : value > target + EPS;
}

/** The scheme's targets the unit missed; an indicator without a value (no denominator) is not judged. */
export function targetMisses(
  scheme: Scheme,
  values: Readonly<Record<IndicatorId, number | null>>,
): WarningReason[] {
  const article = scheme.warnings?.article ?? scheme.source.article;
  const out: WarningReason[] = [];
  for (const id of indicatorIds) {
    const target = scheme.targets[id];
    const actual = values[id];
    if (target === undefined || actual === null || !missesTarget(id, actual, target)) continue;
    const ind = indicators[id];
    const message =
      ind.kind === 'rate'
        ? `${ind.name}${percent(actual)}，未达到目标（${target >= 1 ? percent(target) : `不低于${percent(target)}`}）`
        : `${ind.name}${actual}次，超过目标（${target}次）`;
    out.push({ code: reasonCode(id), indicator: id, target, actual, level: null, message, article });
  }
  return out;
}

/** The level of `misses` missed targets: the highest escalation step reached, or null. */
export function escalationLevel(rules: SchemeWarnings, misses: number): WarningLevel | null {
  let level: WarningLevel | null = null;
  for (const step of rules.escalation) if (misses >= step.misses) level = step.level;
  return level;
}

export function severer(a: WarningLevel | null, b: WarningLevel | null): WarningLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return warningLevels.indexOf(a) >= warningLevels.indexOf(b) ? a : b;
}

/**
 * When a complaint with the handling deadline `dueAt` becomes "超期 n 个工作日": the end of the
 * n-th working day after the deadline's day (as the red light, decision 0001), never before the deadline.
 */
export function overdueComplaintAt(
  calendar: WorkCalendar,
  dueAt: Date,
  workingDaysAfter: number,
  endOfDayMs: number,
): Date {
  const dueMs = dueAt.getTime();
  const day = calendar.addWorkingDays(localDayOfMs(dueMs), workingDaysAfter);
  return new Date(Math.max(dueMs, msOfLocal(day, endOfDayMs)));
}

/** A service-number complaint of the unit, as the §30 rule reads it. */
export interface ComplaintFact {
  ticketNo: string;
  handleDueAt: Date;
  /** The reply that completed it (or the one awaiting review); null while none. */
  repliedAt: Date | null;
}

/**
 * §30: the complaint was still not replied to when it became overdue by the rule's working days
 * (the reply, or the report time if there is none yet, at or after that moment).
 */
export function isOverdueComplaint(c: ComplaintFact, asOf: Date, at: Date): boolean {
  const t = c.repliedAt && c.repliedAt.getTime() < asOf.getTime() ? c.repliedAt.getTime() : asOf.getTime();
  return t >= at.getTime();
}

/**
 * A unit's warning in the period: the level of its missed targets (by their number) and of its
 * overdue complaints about service numbers, whichever is severer; null when it meets every target.
 */
export function gradeUnit(
  scheme: Scheme,
  values: Readonly<Record<IndicatorId, number | null>>,
  overdueComplaintNos: readonly string[],
): UnitWarning | null {
  const rules = scheme.warnings;
  if (!rules) return null;
  const reasons = targetMisses(scheme, values);
  let level = escalationLevel(rules, reasons.length);
  const oc = rules.overdueComplaint;
  if (oc && overdueComplaintNos.length > 0) {
    reasons.push({
      code: OVERDUE_COMPLAINT,
      indicator: null,
      target: 0,
      actual: overdueComplaintNos.length,
      level: oc.level,
      message: `便民服务电话投诉超期${oc.workingDaysAfter}个工作日未办复${overdueComplaintNos.length}件（${overdueComplaintNos.join('、')}）`,
      article: oc.article,
      ticketNos: [...overdueComplaintNos],
    });
    level = severer(level, oc.level);
  }
  return level === null ? null : { level, reasons };
}
