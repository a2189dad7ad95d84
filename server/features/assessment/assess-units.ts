import type { AssessmentResultContract, UnitAssessmentContract } from '../../../common/contracts/assessment';
import { ignoredSupervisionCounts } from './supervision-counts.repository';
import {
  addCounts,
  emptyCounts,
  formatMonth,
  indicatorIds,
  interviewCandidates,
  previousMonth,
  rankByScore,
  scoreUnit,
  type ComponentResult,
  type IndicatorId,
  type KpiCounts,
  type Period,
  type Scheme,
  type TallyOptions,
} from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import {
  groupedCounts,
  kbNoticeCounts,
  unitsById,
  type FactFilter,
  type GroupCounts,
} from './assessment.repository';
import { resolveCategoryRef, type CategoryIndex } from '../../domain/policy/category-keys';

/** A unit's figures as the contract shows them, typed by the scoring's own ids and counts. */
export type UnitAssessment = Omit<UnitAssessmentContract, 'components' | 'counts'> & {
  components: ComponentResult[];
  counts: KpiCounts;
} & Record<IndicatorId, number | null>;

export type AssessmentResult = Omit<AssessmentResultContract, 'units'> & { units: UnitAssessment[] };

export function tallyOptionsOf(scheme: Scheme, asOf: Date, categories?: CategoryIndex): TallyOptions {
  return {
    asOf,
    satisfied: scheme.satisfied,
    upheldAppeal: scheme.upheldAppeal,
    numberComplaintCategories: schemeCategoryCodes(scheme.numberComplaintCategories, categories),
    lateReturnsOverdue: scheme.lateReturnsOverdue,
  };
}

/**
 * A scheme's category references as the city's codes: a mapped key (service-number-complaint)
 * becomes the codes it is mapped to and their sub-categories; a code stays itself (matched with
 * its sub-categories).
 */
export function schemeCategoryCodes(refs: readonly string[], index: CategoryIndex | undefined): string[] {
  if (!index) return [...refs];
  return [
    ...new Set(
      refs.flatMap((ref) => {
        const { codes } = resolveCategoryRef(index, ref);
        return codes.length ? codes : [ref];
      }),
    ),
  ];
}

type ByUnit = Map<number, Map<number, KpiCounts>>;

function byUnit(rows: GroupCounts[]): ByUnit {
  const out: ByUnit = new Map();
  for (const r of rows) {
    const id = Number(r.key);
    let m = out.get(id);
    if (!m) out.set(id, (m = new Map<number, KpiCounts>()));
    m.set(r.month, addCounts(m.get(r.month) ?? emptyCounts(), r.counts));
  }
  return out;
}

/**
 * A scheme's figures for every handling unit that had orders dispatched to it in the period
 * (platform units, which only re-dispatch, are left out), ranked by score
 * (docs/decisions/0003-assessment.md).
 */
export async function assessUnits(
  ctx: AppContext,
  input: { scheme: Scheme; period: Period; asOf?: Date; filter?: Omit<FactFilter, 'months'> },
): Promise<AssessmentResult> {
  const { scheme, period } = input;
  const asOf = input.asOf ?? ctx.clock.now();
  const o = tallyOptionsOf(scheme, asOf, ctx.rules.categories);
  const last = period.months[period.months.length - 1] ?? 0;
  const runMonths: number[] = [];
  if (scheme.interview) {
    for (let m = last, i = 0; i < scheme.interview.months; i++, m = previousMonth(m)) runMonths.unshift(m);
  }
  const months = [...new Set([...period.months, ...runMonths])].sort((a, b) => a - b);
  const rows = await groupedCounts(ctx.db, { ...input.filter, months }, o, 'unit');
  if (scheme.components.some((c) => c.indicator === 'kbTimelinessRate')) {
    rows.push(...(await kbNoticeCounts(ctx.db, months, asOf)));
  }
  if (scheme.components.some((c) => c.indicator === 'ignoredSupervisionCount')) {
    rows.push(...(await ignoredSupervisionCounts(ctx.db, months, asOf)));
  }
  const counts = byUnit(rows);
  const units = new Map((await unitsById(ctx.db, [...counts.keys()])).map((u) => [u.id, u]));
  const handling = (id: number) => {
    const u = units.get(id);
    return u !== undefined && !u.is_platform;
  };
  const monthCounts = (id: number, m: number) => counts.get(id)?.get(m) ?? emptyCounts();
  const assessed = [...counts.keys()].filter(
    (id) => handling(id) && period.months.some((m) => monthCounts(id, m).dispatched > 0),
  );

  const scores = new Map(
    assessed.map((id) => [
      id,
      scoreUnit(
        scheme,
        period.months.map((m) => monthCounts(id, m)),
      ),
    ]),
  );
  const ranks = rankByScore(assessed.map((id) => ({ key: id, score: scores.get(id)?.score ?? null })));

  let interview: Set<number> | null = null;
  if (scheme.interview) {
    const monthly = runMonths.map((m) =>
      [...counts.keys()]
        .filter((id) => handling(id) && monthCounts(id, m).dispatched > 0)
        .map((id) => ({ key: id, score: scoreUnit(scheme, [monthCounts(id, m)]).score })),
    );
    interview = interviewCandidates(monthly, scheme.interview.bottom);
  }

  const out: UnitAssessment[] = assessed.map((id) => {
    const s = scores.get(id);
    const u = units.get(id);
    if (!s || !u) throw new Error(`unit ${id} vanished`);
    const values = Object.fromEntries(indicatorIds.map((k) => [k, s.values[k]])) as Record<
      IndicatorId,
      number | null
    >;
    return {
      unitId: id,
      unitCode: u.code,
      unitName: u.name,
      score: s.score,
      rank: ranks.get(id) ?? null,
      ...values,
      months: s.months,
      interview: interview ? interview.has(id) : null,
      components: s.components,
      counts: s.counts,
    };
  });
  out.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      a.unitCode.localeCompare(b.unitCode),
  );
  return {
    scheme: { id: scheme.id, name: scheme.name, version: scheme.version },
    period: {
      id: period.id,
      months: period.months.map(formatMonth),
      start: period.start.toISOString(),
      end: period.end.toISOString(),
    },
    asOf: asOf.toISOString(),
    units: out,
  };
}
