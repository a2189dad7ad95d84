/**
 * Report limits of a major incident (重大突发事项 / 重大突发事件), pure:
 * - shanghai-962200 §15: reported orally to the management office within 30 minutes of the event
 *   (口头报告), then in writing within 2 hours (书面报告, 续报);
 * - beijing-miyun §8: the information is reported within half an hour, in any form;
 * - a profile without such a rule (zibo-12345, tianjin-wuqing, tianjin-urban) sets no limit:
 *   both limits are null and the incident has no report light.
 *
 * The limits are natural time from the moment the event occurred (`occurredAt`), never working
 * time. Meeting them:
 * - the first report (`reportBy`) is met by the first report of any kind: a written report says
 *   at least what an oral one does;
 * - the written report (`writtenReportBy`) only by a written report.
 * Lights (the same words as an order's, zibo-12345 §12): green; yellow once half the time from the
 * event to the limit has passed (no regulation sets a warning time for these reports; half of
 * 30 minutes leaves a quarter of an hour to act); overdue after the limit. A report stops the
 * light: it stays as it was at the moment of the report.
 */
import { MS_PER_HOUR, localDayOfMs, msOfLocal, parseClock } from '../calendar/time';
import type { IncidentReportRule, Profile } from '../policy';

export type ReportKind = 'oral' | 'written';
export type ReportLight = 'green' | 'yellow' | 'overdue';
export const reportDeadlineKeys = ['reportBy', 'writtenReportBy'] as const;
export type ReportDeadlineKey = (typeof reportDeadlineKeys)[number];

export interface ReportLimit {
  key: ReportDeadlineKey;
  /** Which report the rule asks for first: oral, any form, or written. */
  form: IncidentReportRule['form'];
  dueAt: Date;
  article: string;
}

export interface IncidentReportLimits {
  reportBy: ReportLimit | null;
  writtenReportBy: ReportLimit | null;
}

/** The instant a natural-time limit ends: exactly N hours later, or the end of the N-th day after. */
export function addNaturalTime(
  fromMs: number,
  rule: Pick<IncidentReportRule, 'amount' | 'unit'>,
  endOfDay: string,
): number {
  if (rule.unit === 'h') return fromMs + Math.round(rule.amount * MS_PER_HOUR);
  return msOfLocal(localDayOfMs(fromMs) + rule.amount, parseClock(endOfDay));
}

/** The report limits of an incident that occurred at `occurredAt`, under `profile`. */
export function incidentReportLimits(profile: Profile, occurredAt: Date): IncidentReportLimits {
  const rules = profile.emergency?.reports ?? [];
  const limit = (key: ReportDeadlineKey, rule: IncidentReportRule | undefined): ReportLimit | null =>
    rule
      ? {
          key,
          form: rule.form,
          dueAt: new Date(addNaturalTime(occurredAt.getTime(), rule, profile.endOfDay)),
          article: rule.article,
        }
      : null;
  return {
    reportBy: limit(
      'reportBy',
      rules.find((r) => r.form !== 'written'),
    ),
    writtenReportBy: limit(
      'writtenReportBy',
      rules.find((r) => r.form === 'written'),
    ),
  };
}

/** Does a report of this kind meet this deadline? */
export function reportMeets(key: ReportDeadlineKey, kind: ReportKind): boolean {
  return key === 'reportBy' || kind === 'written';
}

/** The first report meeting a deadline, from the incident's reports (any order). */
export function firstMeetingReport<R extends { kind: ReportKind; reportedAt: Date }>(
  key: ReportDeadlineKey,
  reports: readonly R[],
): R | null {
  let first: R | null = null;
  for (const r of reports) {
    if (!reportMeets(key, r.kind)) continue;
    if (!first || r.reportedAt.getTime() < first.reportedAt.getTime()) first = r;
  }
  return first;
}

/**
 * The light of one report deadline at `now`: frozen at the time of the report that met it.
 * The warning starts halfway between the event and the limit.
 */
export function reportLight(occurredAt: Date, dueAt: Date, reportedAt: Date | null, now: Date): ReportLight {
  let t = now.getTime();
  if (reportedAt && reportedAt.getTime() < t) t = reportedAt.getTime();
  const due = dueAt.getTime();
  if (t > due) return 'overdue';
  const warn = occurredAt.getTime() + Math.floor((due - occurredAt.getTime()) / 2);
  return t >= warn ? 'yellow' : 'green';
}

const rank: Record<ReportLight, number> = { green: 0, yellow: 1, overdue: 2 };

/**
 * The incident's light: the worst light of the deadlines still waiting for their report; null
 * when none is waiting (no limit under the profile, or every report made). A report made late
 * is history, kept on its deadline, and no longer lights the incident.
 */
export function incidentLight(
  lights: readonly { light: ReportLight; reportedAt: Date | null }[],
): ReportLight | null {
  let worst: ReportLight | null = null;
  for (const l of lights) {
    if (l.reportedAt) continue;
    if (worst === null || rank[l.light] > rank[worst]) worst = l.light;
  }
  return worst;
}
