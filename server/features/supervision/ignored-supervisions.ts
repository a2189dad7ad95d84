import type { IgnoredSupervisionRow } from '../../../common/contracts/supervision';
import { instantOfServiceTime } from '../../../common/service-time';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { supervisionScope } from './supervision-access';
import { ignoredByUnit } from './supervision.repository';

/** Start of a month in the service time zone. */
function monthStart(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  return instantOfServiceTime(first);
}

/**
 * Units that ignore supervision (督办仍不按要求办理, tianjin-wuqing §24: named and lose points):
 * per supervised unit, the supervisions due in the month (Asia/Shanghai), how many had no answer
 * by their due time and how many were answered late. Units with neither are not listed.
 */
export async function ignoredSupervisions(
  ctx: AppContext,
  user: SessionUser,
  period: string,
): Promise<{ period: string; items: IgnoredSupervisionRow[] }> {
  const actor = await loadActor(ctx.db, user);
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const rows = await ignoredByUnit(ctx.db, {
    from: monthStart(year, month),
    to: month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1),
    now: ctx.clock.now(),
    unitPath: supervisionScope(actor).unitPath,
  });
  return {
    period,
    items: rows.map((r) => ({
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      due: r.due,
      ignored: r.ignored,
      late: r.late,
    })),
  };
}
