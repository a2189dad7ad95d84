import type { Light, StageKey } from '../../../common/enums';
import type { TicketStatus } from '../../../common/ticket-vocabulary';
import { stageLightAt } from './light-at';
import type { SlaFacts } from './types';

/** Stages that are windows (a right of the unit), not obligations: never a light, never alerted. */
export const windowStages: readonly StageKey[] = ['returnBy', 'extensionRequestBy'];

const unitStages: readonly StageKey[] = ['receiveBy', 'firstContactBy', 'handleBy', 'feedbackBy'];

/**
 * The stages an order still owes in a status: the platform's dispatch while it waits for
 * dispatch, the unit's stages while the unit has it (or it is suspended there), the callback
 * while it waits for one. Telling the citizen the result (反馈, beijing-miyun §19) is owed until
 * it is done or the order closes, whoever holds the order. Closed: none. A stage not owed has no
 * light and puts the order in no queue.
 */
export function stagesOwed(status: string): readonly StageKey[] {
  switch (status as TicketStatus) {
    case 'pending_dispatch':
      return ['dispatchBy'];
    case 'dispatched':
    case 'in_progress':
    case 'suspended':
      return unitStages;
    case 'replied':
    case 'unsatisfied':
    case 'appealed':
      return ['feedbackBy'];
    case 'pending_callback':
      return ['callbackBy', 'feedbackBy'];
    case 'closed':
    case 'answered':
    case 'not_accepted':
    case 'merged':
    case 'referred': // with a franchise enterprise: no legal limit of the platform's (tianjin-wuqing §36)
      return [];
  }
  return [];
}

const rank: Record<Light, number> = { green: 0, yellow: 1, overdue: 2, red: 3 };
export const lightOfRank: readonly Light[] = ['green', 'yellow', 'overdue', 'red'];

/** The worse of two lights. */
export function worseLight(a: Light, b: Light): Light {
  return rank[a] >= rank[b] ? a : b;
}

/** The instant the clocks stand at: `now`, or the start of the suspension `now` falls in. */
function clockAt(pauses: SlaFacts['pauses'], now: Date): number {
  let t = now.getTime();
  const sorted = [...pauses].sort((a, b) => b.from.getTime() - a.from.getTime());
  for (const p of sorted) {
    const to = p.to === null ? Number.POSITIVE_INFINITY : p.to.getTime();
    if (p.from.getTime() <= t && t < to) t = p.from.getTime();
  }
  return t;
}

export interface StageLine {
  stage: StageKey;
  dueAt: Date;
  warnAt: Date | null;
  redAt: Date | null;
  /** When the stage was met or ended (null: still running). */
  metAt: Date | null;
}

/**
 * The light of an order (zibo-12345 §12, SPEC §4.1): the worst light of the stages it still owes
 * in its status and has not met; green when there are none. A met stage, a window and a stage the
 * status no longer owes have no light. Suspended time does not run.
 */
export function orderLightAt(
  lines: readonly StageLine[],
  status: string,
  pauses: SlaFacts['pauses'],
  now: Date,
): Light {
  const owed = stagesOwed(status);
  const t = new Date(clockAt(pauses, now));
  let light: Light = 'green';
  for (const l of lines) {
    if (!owed.includes(l.stage) || windowStages.includes(l.stage)) continue;
    if (l.metAt && l.metAt.getTime() <= t.getTime()) continue;
    light = worseLight(light, stageLightAt(l, null, t));
  }
  return light;
}
