import type { CallFigures } from '../../../common/contracts/cti';
import type { Role } from '../../../common/enums';
import { reportContext, type AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { callFigureRows, displayNames, type FigureRow } from './cti.repository';

/** The center's roles and the leaders; units and enterprises never see the call figures. */
export const figureRoles: readonly Role[] = [
  'admin',
  'leader',
  'supervisor',
  'dispatcher',
  'agent',
  'callback',
];

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const counts = (r: FigureRow) => ({
  offered: r.offered,
  answered: r.answered,
  abandoned: r.abandoned,
  answeredWithin10s: r.within10,
});

/**
 * 话务统计: calls offered in [from, to) (wuqing §1 "三个100%", beijing-miyun §14 10秒接通率):
 * connectionRate = answered / offered, within10sRate = answeredWithin10s / offered,
 * averageWaitSeconds = mean(answered − offered) over answered calls. A rate over no offered call,
 * or a mean over no answered call, is null (not 0: nothing was measured).
 */
export async function callFigures(
  ctx: AppContext,
  user: SessionUser,
  range: { from: string; to: string },
): Promise<CallFigures> {
  if (!figureRoles.includes(user.role)) throw new AppError('FORBIDDEN', '当前角色无权查看话务统计');
  const db = reportContext(ctx).db;
  const from = new Date(range.from);
  const to = new Date(range.to);
  const rows = await callFigureRows(db, from, to);
  const all = rows.find((r) => r.set === 'all');
  const total = all ? counts(all) : { offered: 0, answered: 0, abandoned: 0, answeredWithin10s: 0 };
  const hours = new Map(rows.filter((r) => r.set === 'hour').map((r) => [r.hour, r]));
  const agents = rows.filter((r) => r.set === 'agent' && r.agent !== null && r.answered > 0);
  const names = new Map(
    (
      await displayNames(
        db,
        agents.map((a) => a.agent as string),
      )
    ).map((u) => [u.username, u.display_name]),
  );
  const rates = {
    connectionRate: ratio(total.answered, total.offered),
    within10sRate: ratio(total.answeredWithin10s, total.offered),
  };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...total,
    ...rates,
    averageWaitSeconds: total.answered > 0 ? (all?.avgWait ?? null) : null,
    byHour: Array.from({ length: 24 }, (_, hour) => {
      const r = hours.get(hour);
      return { hour, ...(r ? counts(r) : { offered: 0, answered: 0, abandoned: 0, answeredWithin10s: 0 }) };
    }),
    byDay: rows
      .filter((r) => r.set === 'day')
      .map((r) => ({ day: r.day as string, ...counts(r) }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    byAgent: agents
      .map((r) => ({
        agent: r.agent as string,
        displayName: names.get(r.agent as string) ?? null,
        answered: r.answered,
        answeredWithin10s: r.within10,
        averageWaitSeconds: r.avgWait,
      }))
      .sort((a, b) => b.answered - a.answered || a.agent.localeCompare(b.agent)),
    byQueue: rows
      .filter((r) => r.set === 'queue')
      .map((r) => ({ queue: r.queue, ...counts(r) }))
      .sort((a, b) => b.offered - a.offered || (a.queue ?? '').localeCompare(b.queue ?? '')),
    targets: (ctx.rules.profile.calls?.targets ?? []).map((t) => {
      const actual = rates[t.figure];
      return { ...t, actual, met: actual === null ? null : actual >= t.target };
    }),
  };
}
