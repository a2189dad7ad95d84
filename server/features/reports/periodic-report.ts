import type { CountRow, PeriodicReport, ReportColumn } from '../../../common/contracts/reports';
import { dispositionLabels, type Disposition } from '../../../common/contracts/statistics';
import { channelLabels, ticketTypeLabels, type Channel, type TicketType } from '../../../common/enums';
import { periodLabel, previousPeriod } from '../../../common/period';
import {
  addCounts,
  emptyCounts,
  indicators,
  parsePeriod,
  type IndicatorId,
  type Scheme,
} from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { assessUnits, type AssessmentResult } from '../assessment/assess-units';
import { unitInScope, type AssessmentScope } from '../assessment/assessment-scope';
import { periodParam } from '../assessment/period-param';
import { findScheme, loadSchemes } from '../assessment/schemes';
import { categoryNames } from '../categories/categories.repository';
import { hotTopicsForReport } from './hot-topics-hook';
import { generateParagraphs } from './report-text';
import { intakeCountsForReport, type IntakeCountRow, type IntakeDimension } from './reports.repository';

/** Every report shows these three rates; the scheme's own indicators follow. */
const baseColumns: readonly IndicatorId[] = ['onTimeRate', 'feedbackRate', 'satisfactionRate'];
const none = '（未填写）';

/** The scheme asked for, or the one of the active profile, or the first. */
export async function schemeForReport(ctx: AppContext, id?: string): Promise<Scheme> {
  if (id) return findScheme(id, ctx.env.CIVICLINE_PROFILE_DIR);
  const all = await loadSchemes(ctx.env.CIVICLINE_PROFILE_DIR);
  const s = all.find((x) => x.profile === ctx.rules.profile.id) ?? all[0];
  if (!s) throw new AppError('UNPROCESSABLE', '没有可用的考核方案');
  return s;
}

function columnsOf(scheme: Scheme): ReportColumn[] {
  const ids = [...new Set([...baseColumns, ...scheme.components.map((c) => c.indicator)])];
  return ids.map((id) => ({ id, name: indicators[id].name, kind: indicators[id].kind }));
}

function countRows(rows: IntakeCountRow[], dim: IntakeDimension, label: (key: string) => string): CountRow[] {
  const byKey = new Map<string, CountRow>();
  for (const r of rows) {
    if (r.dim !== dim) continue;
    const row = byKey.get(r.key) ?? { key: r.key, label: label(r.key), count: 0, previous: 0 };
    if (r.period === 'current') row.count += r.count;
    else row.previous += r.count;
    byKey.set(r.key, row);
  }
  return [...byKey.values()].sort(
    (a, b) => b.count - a.count || b.previous - a.previous || a.key.localeCompare(b.key),
  );
}

async function visibleUnits(ctx: AppContext, scope: AssessmentScope | undefined, r: AssessmentResult) {
  if (!scope || scope.path === null) return r.units;
  const visible = await Promise.all(r.units.map((u) => unitInScope(ctx.db, scope, u.unitId)));
  return r.units.filter((_u, i) => visible[i]);
}

/**
 * The periodic analysis report as plain data: the assessment of every unit for the period and
 * the period before (the same call as GET /api/assessment), the requests taken by disposition,
 * channel, type and category, the categories that grew most, hot topics and the generated text.
 * `scope`: a district's overseers see their district's units and intake only.
 */
export async function buildPeriodicReport(
  ctx: AppContext,
  periodId: string,
  schemeId?: string,
  opts: { scope?: AssessmentScope; asOf?: Date } = {},
): Promise<PeriodicReport> {
  const period = periodParam(periodId);
  const previous = parsePeriod(previousPeriod(period.id));
  const scheme = await schemeForReport(ctx, schemeId);
  const asOf = opts.asOf ?? ctx.clock.now();
  const [current, before, intake] = await Promise.all([
    assessUnits(ctx, { scheme, period, asOf }),
    assessUnits(ctx, { scheme, period: previous, asOf }),
    intakeCountsForReport(ctx.db, {
      previousStart: previous.start,
      start: period.start,
      end: period.end,
      platformPath: opts.scope?.path ?? null,
    }),
  ]);
  const units = await visibleUnits(ctx, opts.scope, current);
  const beforeUnits = await visibleUnits(ctx, opts.scope, before);
  const prev = new Map(beforeUnits.map((u) => [u.unitId, u]));
  const columns = columnsOf(scheme);

  const pooled = units.map((u) => u.counts).reduce(addCounts, emptyCounts());
  const overall = Object.fromEntries(
    columns.map((c) => [c.id, indicators[c.id as IndicatorId].value(pooled)]),
  );

  const categoryKeys = [
    ...new Set(intake.filter((r) => r.dim.startsWith('category') && r.key).map((r) => r.key)),
  ];
  const names = await categoryNames(ctx.db, categoryKeys);
  const categoryLabel = (k: string) => (k ? (names.get(k) ?? k) : none);
  const byCategory2 = countRows(intake, 'category2', categoryLabel);
  const risingCategories = byCategory2
    .filter((r) => r.key && r.count > r.previous)
    .sort((a, b) => b.count - b.previous - (a.count - a.previous) || a.key.localeCompare(b.key))
    .slice(0, 5);
  const sum = (rows: CountRow[]) => ({
    count: rows.reduce((s, r) => s + r.count, 0),
    previous: rows.reduce((s, r) => s + r.previous, 0),
  });
  const byDisposition = countRows(intake, 'disposition', (k) => dispositionLabels[k as Disposition] ?? k);
  const totals = sum(byDisposition);

  const report: PeriodicReport = {
    title: `${periodLabel(period.id)}12345热线运行分析报告`,
    period: {
      id: period.id,
      label: periodLabel(period.id),
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      previousId: previous.id,
      previousLabel: periodLabel(previous.id),
    },
    scheme: current.scheme,
    asOf: asOf.toISOString(),
    totals: {
      intake: totals.count,
      previousIntake: totals.previous,
      dispatched: units.reduce((s, u) => s + u.counts.dispatched, 0),
      previousDispatched: beforeUnits.reduce((s, u) => s + u.counts.dispatched, 0),
      overall,
      byDisposition,
      byChannel: countRows(intake, 'channel', (k) => channelLabels[k as Channel] ?? k),
      byType: countRows(intake, 'type', (k) => ticketTypeLabels[k as TicketType] ?? k),
      byCategory: countRows(intake, 'category1', categoryLabel),
    },
    columns,
    units: units.map((u) => ({
      unitId: u.unitId,
      unitCode: u.unitCode,
      unitName: u.unitName,
      rank: u.rank,
      score: u.score,
      dispatched: u.counts.dispatched,
      values: Object.fromEntries(columns.map((c) => [c.id, u[c.id as IndicatorId]])),
      interview: u.interview,
      previousRank: prev.get(u.unitId)?.rank ?? null,
      previousScore: prev.get(u.unitId)?.score ?? null,
    })),
    risingCategories,
    hotTopics: await hotTopicsForReport(ctx, period),
    paragraphs: [],
  };
  report.paragraphs = generateParagraphs(report);
  return report;
}
