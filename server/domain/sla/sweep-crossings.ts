import type { Light, StageKey } from '../../../common/enums';
import { lightOfRank, stagesOwed, worseLight } from './order-light';

/** A stage line found crossed by the sweep, with the level alerted so far (0-3). */
export interface CrossedLine {
  ticket_id: number;
  stage: string;
  due_at: Date;
  warn_at: Date | null;
  red_at: Date | null;
  alert_level: number;
}

export type AlertKind = 'yellow' | 'overdue' | 'red';

/** What the sweep writes for one batch of locked orders. */
export interface SweepWrites {
  alerts: { ticketId: number; stage: string; kind: AlertKind; dueAt: Date }[];
  levels: { ticketId: number; stage: string; level: number }[];
  lights: { ticketId: number; light: Light }[];
}

const KIND_BY_LEVEL = ['', 'yellow', 'overdue', 'red'] as const;

/**
 * The alerts, alert levels and lights of crossed lines at `now`. Levels: 1 yellow (warning time
 * passed), 2 overdue (due time passed), 3 red (red time passed). Each level not alerted yet up to
 * the one reached is one alert (a stage without a warning or red time has none of that kind). A
 * stage the order's status no longer owes (awaiting review, callback…) is passed over silently:
 * no alert, no light [SPEC §4.1], but its level is stored so it is not found again. The order's
 * light only rises between actions (which recompute it whole): the worse of the stored one and
 * each owed line's; only changed lights are written. `status` and `light` hold the locked orders
 * still running (a line of another order is ignored).
 */
export function sweepCrossings(
  lines: readonly CrossedLine[],
  orders: { status: ReadonlyMap<number, string>; light: ReadonlyMap<number, Light> },
  now: Date,
): SweepWrites {
  const out: SweepWrites = { alerts: [], levels: [], lights: [] };
  const raised = new Map<number, Light>();
  for (const r of lines) {
    const status = orders.status.get(r.ticket_id);
    if (status === undefined) continue;
    const reached = r.red_at && r.red_at <= now ? 3 : r.due_at <= now ? 2 : 1;
    const owed = stagesOwed(status).includes(r.stage as StageKey);
    for (let level = r.alert_level + 1; owed && level <= reached; level++) {
      if (level === 1 && !r.warn_at) continue;
      if (level === 3 && !r.red_at) continue;
      const kind = KIND_BY_LEVEL[level] as AlertKind;
      out.alerts.push({ ticketId: r.ticket_id, stage: r.stage, kind, dueAt: r.due_at });
    }
    // Stages that never get a yellow or red light skip straight past those levels.
    const level = Math.max(r.alert_level, reached === 2 && !r.red_at ? 3 : reached);
    out.levels.push({ ticketId: r.ticket_id, stage: r.stage, level });
    if (owed) {
      const before = raised.get(r.ticket_id) ?? orders.light.get(r.ticket_id) ?? 'green';
      raised.set(r.ticket_id, worseLight(before, lightOfRank[reached] ?? 'green'));
    }
  }
  for (const [ticketId, light] of raised) {
    if (light !== orders.light.get(ticketId)) out.lights.push({ ticketId, light });
  }
  return out;
}
