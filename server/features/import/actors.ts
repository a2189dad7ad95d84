import type { Role } from '../../../common/enums';
import type { Actor } from '../tickets/standing';
import { Refusal, type PlannedEvent } from './plan-order';
import type { UnitDirectory, UnitInfo } from './unit-directory';

/**
 * Who acted (the file names no users): decisions by the platform, handling by the unit of the
 * event (default the lead unit), callbacks and appeal judgements by the callback desk of the
 * center, supervision by the center's supervisors, reminders by the system.
 */
type ActorKind = 'platform' | 'unit' | 'callback' | 'supervisor' | 'system';

export const importActorKinds: Readonly<Record<string, ActorKind>> = {
  dispatch: 'platform',
  'approve-reply': 'platform',
  'reject-reply': 'platform',
  'approve-return': 'platform',
  'reject-return': 'platform',
  'approve-extension': 'platform',
  'reject-extension': 'platform',
  'not-accept': 'platform',
  merge: 'platform',
  suspend: 'platform',
  resume: 'platform',
  redo: 'platform',
  close: 'platform',
  accept: 'unit',
  'record-contact': 'unit',
  reply: 'unit',
  'request-return': 'unit',
  'request-extension': 'unit',
  'report-progress': 'unit',
  appeal: 'unit',
  'record-callback': 'callback',
  'uphold-appeal': 'callback',
  'dismiss-appeal': 'callback',
  supervise: 'supervisor',
  remind: 'system',
};

const roleOf: Record<Exclude<ActorKind, 'system'>, Role> = {
  platform: 'dispatcher',
  unit: 'handler',
  callback: 'callback',
  supervisor: 'supervisor',
};

export interface Holders {
  platformUnitId: number | null;
  leadUnitId: number | null;
}

/**
 * The platform that dispatches to `target`: the lead unit when it is a sub-platform above the
 * target (a re-dispatch to its own units), else the nearest platform above the target,
 * starting from the platform that holds the order.
 */
function dispatcherFor(units: UnitDirectory, holders: Holders, targetId: unknown): UnitInfo {
  const target = typeof targetId === 'number' ? units.get(targetId) : undefined;
  const lead = holders.leadUnitId !== null ? units.get(holders.leadUnitId) : undefined;
  if (target && lead && lead.isPlatform && units.isBelow(target, lead)) return lead;
  let p = (holders.platformUnitId !== null ? units.get(holders.platformUnitId) : undefined) ?? units.center;
  while (target && !(p.isPlatform && units.isBelow(target, p))) {
    const up = units.parent(p);
    if (!up) break;
    p = up;
  }
  return p;
}

/** The actor of one imported event, given who holds the order now; null = the system. */
export function importActor(
  e: PlannedEvent,
  holders: Holders,
  units: UnitDirectory,
  importUserId: number,
): Actor | null {
  const kind = importActorKinds[e.action];
  if (!kind) throw new Refusal(`不支持导入的操作 ${e.action}`);
  if (kind === 'system') return null;
  let unit: UnitInfo | undefined;
  const named = e.actingUnitId !== null ? units.get(e.actingUnitId) : undefined;
  // A unit named on a decision of the platform, the callback desk or supervision counts only
  // when it is a platform (a file may name the unit concerned there); otherwise it is inferred.
  const namedPlatform = named?.isPlatform ? named : undefined;
  switch (kind) {
    case 'platform':
      unit =
        namedPlatform ??
        (e.action === 'dispatch' ? dispatcherFor(units, holders, e.payload.unitId) : undefined);
      unit ??=
        (holders.platformUnitId !== null ? units.get(holders.platformUnitId) : undefined) ?? units.center;
      break;
    case 'unit':
      unit =
        named ?? (holders.leadUnitId !== null ? units.get(holders.leadUnitId) : undefined) ?? units.center;
      break;
    case 'callback':
    case 'supervisor':
      unit = namedPlatform ?? units.center;
      break;
  }
  return {
    userId: importUserId,
    role: roleOf[kind],
    unit: { id: unit.id, path: unit.path, kind: unit.kind, is_platform: unit.isPlatform },
  };
}
