import { addCounts, emptyCounts, type KpiCounts } from './counts';
import { indicatorIds, type IndicatorId } from './indicator';
import { indicators } from './indicators';
import { componentMax, type Scheme, type SchemeComponent } from './schemes/scheme-schema';

/** Float noise (0.1 + 0.2) never decides a tier or shows in a score. */
const EPS = 1e-12;
const round = (x: number) => Math.round(x * 1e10) / 1e10;

/**
 * An indicator's value over a period from its monthly counts: a count is summed; a rate is the
 * mean of the monthly rates of the months that have one ("年度平均", beijing-miyun Annex 2 §3)
 * or, with `pooled`, one rate over the summed counts.
 */
export function periodValue(
  id: IndicatorId,
  monthly: readonly KpiCounts[],
  aggregation: Scheme['aggregation'],
): number | null {
  const ind = indicators[id];
  if (ind.kind === 'count' || aggregation === 'pooled') {
    return ind.value(monthly.reduce(addCounts, emptyCounts()));
  }
  const values = monthly.map((c) => ind.value(c)).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function componentPoints(c: SchemeComponent, value: number | null): number | null {
  if (value === null) return null;
  switch (c.kind) {
    case 'linear':
      return c.weight * value;
    case 'tiers': {
      let points = c.tiers[0]?.points ?? 0;
      for (const t of c.tiers) if (value + EPS >= t.from) points = t.points;
      return points;
    }
    case 'deduction':
      return Math.max(c.floor, c.base - c.perUnit * value);
  }
}

export interface ComponentResult {
  indicator: IndicatorId;
  value: number | null;
  points: number | null;
  max: number;
}

export interface UnitScore {
  /** Months of the period in which the unit had dispatches. */
  months: number;
  counts: KpiCounts;
  values: Record<IndicatorId, number | null>;
  components: ComponentResult[];
  /** Null when no component has a value. */
  score: number | null;
}

/** A unit's figures and score over a period, from its counts of each month of the period. */
export function scoreUnit(scheme: Scheme, monthly: readonly KpiCounts[]): UnitScore {
  const withData = monthly.filter(
    (c) => c.dispatched > 0 || c.kbNoticesDecided > 0 || c.supervisionsIgnored > 0,
  );
  const values = Object.fromEntries(
    indicatorIds.map((id) => [id, periodValue(id, withData, scheme.aggregation)]),
  ) as Record<IndicatorId, number | null>;
  const components = scheme.components.map((c) => ({
    indicator: c.indicator,
    value: values[c.indicator],
    points: componentPoints(c, values[c.indicator]),
    max: componentMax(c),
  }));
  const total = components.reduce((s, c) => s + c.max, 0);
  const available = components.filter((c) => c.points !== null);
  let score: number | null;
  if (scheme.missingRate === 'zero') score = components.reduce((s, c) => s + (c.points ?? 0), 0);
  else if (available.length === 0) score = null;
  else {
    const got = available.reduce((s, c) => s + (c.points ?? 0), 0);
    const max = available.reduce((s, c) => s + c.max, 0);
    score = max > 0 ? (got * total) / max : null;
  }
  return {
    months: withData.filter((c) => c.dispatched > 0).length,
    counts: monthly.reduce(addCounts, emptyCounts()),
    values,
    components: components.map((c) => ({ ...c, points: c.points === null ? null : round(c.points) })),
    score: score === null ? null : round(score),
  };
}

/** Competition ranking by score, best first (1, 2, 2, 4); no score, no rank. */
export function rankByScore<K>(items: readonly { key: K; score: number | null }[]): Map<K, number | null> {
  const scored = items.filter((i) => i.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const out = new Map<K, number | null>();
  scored.forEach((item, i) => {
    const prev = scored[i - 1];
    const prevRank = prev ? out.get(prev.key) : null;
    out.set(
      item.key,
      prev && prevRank != null && Math.abs((prev.score ?? 0) - (item.score ?? 0)) < EPS ? prevRank : i + 1,
    );
  });
  for (const i of items) if (i.score === null) out.set(i.key, null);
  return out;
}

/**
 * The units in the bottom `bottom` of one month's ranking (ties with the last of them included);
 * units without a score are not ranked and never in the bottom.
 */
export function bottomOf<K>(items: readonly { key: K; score: number | null }[], bottom: number): Set<K> {
  const scored = items.filter((i) => i.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  const cut = scored[Math.min(bottom, scored.length) - 1];
  if (!cut || cut.score === null) return new Set();
  return new Set(scored.filter((i) => (i.score ?? 0) <= (cut.score ?? 0) + EPS).map((i) => i.key));
}

/**
 * Units in the bottom of the monthly ranking in each of the given consecutive months
 * (zibo-12345 §20: 连续三个月排名后3位 → 约谈).
 */
export function interviewCandidates<K>(
  months: readonly (readonly { key: K; score: number | null }[])[],
  bottom: number,
): Set<K> {
  const [first, ...rest] = months;
  if (!first) return new Set<K>();
  let out = bottomOf(first, bottom);
  for (const m of rest) {
    const b = bottomOf(m, bottom);
    out = new Set([...out].filter((k) => b.has(k)));
  }
  return out;
}
