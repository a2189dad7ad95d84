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
