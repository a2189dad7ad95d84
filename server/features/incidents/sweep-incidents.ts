import type { AppContext } from '../../platform/context';
import { withRetry } from '../../platform/retry';
import { insertAlertOnce, lockFreeIncidents, overdueCandidates, reportsOf } from './incidents.repository';
import { missingReports } from './incidents.presenter';

export interface IncidentSweepResult {
  overdue: number;
}

/**
 * Report deadlines that passed without their report (shanghai-962200 §15; beijing-miyun §8)
 * each give one `overdue` alert: the alert row's primary key (incident, deadline, kind) makes a
 * second sweep, or a second instance, issue nothing more. Candidates are read unlocked, then
 * locked FOR UPDATE SKIP LOCKED (an incident being reported on waits for the next tick) and
 * checked again under the lock.
 */
export async function sweepIncidents(
  ctx: AppContext,
  opts: { batchSize?: number } = {},
): Promise<IncidentSweepResult> {
  const now = ctx.clock.now();
  const batchSize = opts.batchSize ?? 100;
  let overdue = 0;
  for (let after = 0; ;) {
    const ids = await overdueCandidates(ctx.db, now, after, batchSize);
    if (ids.length > 0) overdue += await sweepBatch(ctx, now, ids);
    if (ids.length < batchSize) break;
    after = ids[ids.length - 1] ?? after;
  }
  return { overdue };
}

/** One batch in one transaction; incidents in use are left for the next tick. */
async function sweepBatch(ctx: AppContext, now: Date, ids: number[]): Promise<number> {
  return withRetry(ctx.db, async (trx) => {
    let n = 0;
    const locked = await lockFreeIncidents(trx, ids);
    const reports = await reportsOf(
      trx,
      locked.map((r) => Number(r.id)),
    );
    for (const incident of locked) {
      const id = Number(incident.id);
      const missing = missingReports(
        incident,
        reports.filter((r) => r.incident_id === id),
      );
      for (const deadline of missing) {
        const dueAt = deadline === 'reportBy' ? incident.report_by : incident.written_report_by;
        if (!dueAt || dueAt.getTime() >= now.getTime()) continue;
        if (await insertAlertOnce(trx, { incidentId: id, deadline, kind: 'overdue', dueAt, at: now })) n++;
      }
    }
    return n;
  });
}
