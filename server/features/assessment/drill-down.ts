import type { DrillItem, DrillResultContract } from '../../../common/contracts/assessment';
import { indicators, type IndicatorId, type Period, type Scheme } from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { tallyOptionsOf } from './assess-units';
import { listFacts } from './assessment.repository';

/** The orders behind a figure, as the contract shows them, with the indicator's own id. */
export type DrillResult = DrillResultContract & { indicator: IndicatorId };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The orders behind one unit's figure: every order the indicator counts, marked numerator or
 * denominator only, with the facts that decided it (same rules as the figure itself).
 */
export async function drillDown(
  ctx: AppContext,
  input: {
    scheme: Scheme;
    period: Period;
    unitId: number;
    indicator: IndicatorId;
    asOf?: Date;
    part: 'all' | 'numerator';
    limit: number;
  },
): Promise<DrillResult> {
  const ind = indicators[input.indicator];
  if (input.indicator === 'kbTimelinessRate') {
    throw new AppError('VALIDATION_FAILED', '信息库及时更新率不来自工单，无法按工单查看');
  }
  const o = tallyOptionsOf(input.scheme, input.asOf ?? ctx.clock.now(), ctx.rules.categories);
  const rows = await listFacts(
    ctx.db,
    { months: input.period.months, unitIds: [input.unitId] },
    o.asOf,
    200_000,
  );
  let numerator = 0;
  let denominator = 0;
  const items: DrillItem[] = [];
  for (const { fact: f, ticketNo, status } of rows) {
    const m = ind.membership(f, o);
    if (m === null) continue;
    if (m === 'numerator') numerator++;
    denominator++;
    if (input.part === 'numerator' && m !== 'numerator') continue;
    if (items.length >= input.limit) continue;
    items.push({
      ticketId: f.ticketId,
      ticketNo,
      status,
      month: `${Math.floor(f.periodMonth / 100)}-${String(f.periodMonth % 100).padStart(2, '0')}`,
      dispatchedAt: f.dispatchedAt.toISOString(),
      counts: m,
      outcome: f.outcome,
      handleDueAt: iso(f.handleDueAt),
      completedAt: iso(f.completedAt),
      onTime: f.onTime,
      callbackAt: iso(f.callbackAt),
      contactedByUnit: f.contactedByUnit,
      resultSatisfaction: f.resultSatisfaction,
      processSatisfaction: f.processSatisfaction,
    });
  }
  const shown = input.part === 'numerator' ? numerator : denominator;
  return {
    indicator: ind.id,
    name: ind.name,
    definition: ind.definition,
    unitId: input.unitId,
    period: input.period.id,
    asOf: o.asOf.toISOString(),
    numerator,
    denominator: ind.kind === 'count' ? numerator : denominator,
    items,
    truncated: shown > items.length,
  };
}
