import { channelLabels, ticketTypeLabels, type Channel, type TicketType } from '../../../common/enums';
import {
  addCounts,
  emptyCounts,
  indicatorIds,
  indicators,
  type IndicatorId,
  type KpiCounts,
  type Period,
  type TallyOptions,
} from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import { categoryNames } from '../categories/categories.repository';
import { groupedCounts, unitsById, type FactFilter, type Grouping } from './assessment.repository';

export type StatsRow = { key: string; label: string; counts: KpiCounts } & Record<IndicatorId, number | null>;

export interface StatsResult {
  groupBy: Grouping;
  period: string;
  asOf: string;
  rows: StatsRow[];
  total: StatsRow;
}

async function labels(ctx: AppContext, groupBy: Grouping, keys: string[]): Promise<Map<string, string>> {
  switch (groupBy) {
    case 'unit': {
      const units = await unitsById(ctx.db, keys.map(Number));
      return new Map(units.map((u) => [String(u.id), u.name]));
    }
    case 'category': {
      return categoryNames(ctx.db, keys);
    }
    case 'channel':
      return new Map(keys.map((k) => [k, channelLabels[k as Channel] ?? k]));
    case 'type':
      return new Map(keys.map((k) => [k, ticketTypeLabels[k as TicketType] ?? k]));
    case 'level':
      return new Map(keys.map((k) => [k, k === 'province' ? '省级工单' : k === 'city' ? '市级工单' : k]));
    case 'region':
    case 'month':
      return new Map(keys.map((k) => [k, k || '（未填写）']));
  }
}

function row(key: string, label: string, c: KpiCounts): StatsRow {
  const values = Object.fromEntries(indicatorIds.map((id) => [id, indicators[id].value(c)])) as Record<
    IndicatorId,
    number | null
  >;
  return { key, label, ...values, counts: c };
}

/**
 * Figures for dashboards: every indicator per unit, category, region, channel, type, source
 * level or month over a period, rates over the pooled counts of the period (not monthly means).
 */
export async function unitStats(
  ctx: AppContext,
  input: { groupBy: Grouping; period: Period; options: TallyOptions; filter?: Omit<FactFilter, 'months'> },
): Promise<StatsResult> {
  const rows = await groupedCounts(
    ctx.db,
    { ...input.filter, months: input.period.months },
    input.options,
    input.groupBy,
  );
  const byKey = new Map<string, KpiCounts>();
  for (const r of rows) byKey.set(r.key, addCounts(byKey.get(r.key) ?? emptyCounts(), r.counts));
  const names = await labels(ctx, input.groupBy, [...byKey.keys()]);
  const out = [...byKey]
    .map(([k, c]) => row(k, names.get(k) ?? k, c))
    .sort((a, b) => b.counts.dispatched - a.counts.dispatched || a.key.localeCompare(b.key));
  return {
    groupBy: input.groupBy,
    period: input.period.id,
    asOf: input.options.asOf.toISOString(),
    rows: out,
    total: row('total', '合计', [...byKey.values()].reduce(addCounts, emptyCounts())),
  };
}
