import type { Light } from '../../../common/enums';
import type { SlaFacts, StageDeadlines } from './types';

/**
 * The light of an order from its handling deadline (zibo-12345 §12, SPEC §4.1): green; yellow
 * from warnAt; overdue after dueAt; red from redAt. A reply stops the clock (the light is frozen
 * as of repliedAt); suspended time does not run (frozen at the start of an ongoing pause).
 */
export function lightAt(deadlines: StageDeadlines, facts: SlaFacts, now: Date): Light {
  const h = deadlines.handleBy;
  if (!h) return 'green';
  let t = now.getTime();
  if (facts.repliedAt && facts.repliedAt.getTime() < t) t = facts.repliedAt.getTime();
  const pauses = [...facts.pauses].sort((a, b) => b.from.getTime() - a.from.getTime());
  for (const p of pauses) {
    const from = p.from.getTime();
    const to = p.to === null ? Number.POSITIVE_INFINITY : p.to.getTime();
    if (from <= t && t < to) t = from;
  }
  if (h.redAt && t >= h.redAt.getTime()) return 'red';
  if (t > h.dueAt.getTime()) return 'overdue';
  if (h.warnAt && t >= h.warnAt.getTime()) return 'yellow';
  return 'green';
}

/**
 * The light of one stage (dispatch, receive, feedback…) as of `now`, or frozen when the stage
 * was met: red from redAt, overdue after dueAt, yellow from warnAt, else green. Stages without
 * a yellow or red line (only the handling stage has them, zibo-12345 §12) are green or overdue.
 */
export function stageLightAt(
  d: { dueAt: Date; warnAt: Date | null; redAt: Date | null },
  metAt: Date | null,
  now: Date,
): Light {
  const t = metAt && metAt.getTime() < now.getTime() ? metAt.getTime() : now.getTime();
  if (d.redAt && t >= d.redAt.getTime()) return 'red';
  if (t > d.dueAt.getTime()) return 'overdue';
  if (d.warnAt && t >= d.warnAt.getTime()) return 'yellow';
  return 'green';
}
