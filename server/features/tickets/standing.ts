import type { Role } from '../../../common/enums';
import type { ActorStanding, Party, TransitionState } from '../../domain/ticket/transitions';
import type { AssignmentStatus, PendingRequest, TicketStatus } from '../../domain/ticket/statuses';
import type { Db } from '../../platform/db';
import type { SessionUser } from '../../platform/http';
import { findUnit, unitsByIds, type AssignmentRow, type TicketRow } from './tickets.repository';
import { activeAssignments, leadAssignment } from '../../domain/ticket/order';

export { activeAssignments, leadAssignment };

export interface UnitRef {
  id: number;
  path: string;
  kind: string;
  is_platform: boolean;
}

export interface Actor {
  /** null: acting for a unit without a signed-in user (history import, demo data). */
  userId: number | null;
  role: Role;
  unit: UnitRef;
}

export async function loadActor(db: Db, user: SessionUser): Promise<Actor> {
  return { userId: user.id, role: user.role, unit: await unitRefOf(db, user.unitId) };
}

/** An actor standing for a unit and role without a user account (history import, demo data). */
export async function unitActor(db: Db, unitId: number, role: Role): Promise<Actor> {
  return { userId: null, role, unit: await unitRefOf(db, unitId) };
}

async function unitRefOf(db: Db, unitId: number): Promise<UnitRef> {
  const u = await findUnit(db, unitId);
  if (!u) throw new Error(`no unit ${unitId}`);
  return { id: u.id, path: u.path, kind: u.kind, is_platform: u.is_platform };
}

const isAncestorOrSelf = (ancestor: UnitRef, path: string) => path.startsWith(ancestor.path);

/** Roles that act as the platform (dispatch, review, decide returns and extensions). */
const platformRoles: readonly Role[] = ['dispatcher', 'admin'];
const unitRoles: readonly Role[] = ['handler', 'unit-leader', 'dispatcher'];

/** Can this unit act for an assignment's unit: the unit itself, or a non-platform parent of it. */
function actsFor(actor: Actor, unitPath: string, unitId: number): boolean {
  if (actor.unit.id === unitId) return true;
  return !actor.unit.is_platform && isAncestorOrSelf(actor.unit, unitPath);
}

export function standingOf(
  actor: Actor,
  ticket: TicketRow,
  assignments: AssignmentRow[],
  unitPaths: Map<number, string>,
): ActorStanding {
  const parties = new Set<Party>();
  const platformPath = ticket.platform_unit_id ? unitPaths.get(ticket.platform_unit_id) : undefined;
  if (platformRoles.includes(actor.role) && actor.unit.is_platform) {
    if (!platformPath || isAncestorOrSelf(actor.unit, platformPath)) parties.add('platform');
  }
  let coAssignmentStatus: AssignmentStatus | null = null;
  if (unitRoles.includes(actor.role)) {
    for (const a of activeAssignments(assignments)) {
      const path = unitPaths.get(a.unit_id) ?? '';
      if (!actsFor(actor, path, a.unit_id)) continue;
      if (a.role === 'lead') parties.add('lead');
      else {
        parties.add('co');
        coAssignmentStatus = a.status as AssignmentStatus;
      }
    }
  }
  if (actor.role === 'callback' || actor.role === 'admin') parties.add('callback');
  if (actor.role === 'supervisor' || actor.role === 'admin' || actor.role === 'leader') {
    parties.add('supervisor');
  }
  if (actor.role === 'agent') parties.add('agent');
  // The city platform over the district platform holding the order [tianjin-wuqing §21].
  const abovePlatform =
    parties.has('platform') && platformPath !== undefined && actor.unit.id !== ticket.platform_unit_id;
  return { parties, coAssignmentStatus, abovePlatform };
}

export function transitionStateOf(
  ticket: TicketRow,
  assignments: AssignmentRow[],
  platformUnitIds: Set<number>,
): TransitionState {
  const lead = leadAssignment(assignments);
  return {
    status: ticket.status as TicketStatus,
    pendingRequest: (ticket.pending_request as PendingRequest) ?? null,
    statusBeforeSuspend: (ticket.status_before_suspend as TicketStatus | null) ?? null,
    leadIsPlatform: lead ? platformUnitIds.has(lead.unit_id) : false,
  };
}

/** Loads path and platform flag of every unit an order touches. */
export async function unitInfo(db: Db, ticket: TicketRow, assignments: AssignmentRow[]) {
  const ids = new Set<number>(assignments.map((a) => a.unit_id));
  if (ticket.platform_unit_id) ids.add(ticket.platform_unit_id);
  const rows = await unitsByIds(db, [...ids]);
  return {
    paths: new Map(rows.map((r) => [r.id, r.path])),
    platforms: new Set(rows.filter((r) => r.is_platform).map((r) => r.id)),
    names: new Map(rows.map((r) => [r.id, r.name])),
  };
}
