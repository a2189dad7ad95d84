import type { DeadlineExplanation } from '../../../common/contracts/deadline-explanation';
import type { WorkCalendar } from '../calendar';
import type { OrderFact } from '../kpi';
import type { Profile } from '../policy';

/**
 * Where an order stands among the units and who it complains about: columns the stored record
 * (server/db/tables/core.ts) and the core's view of it declare alike.
 */
export interface OrderRouting {
  platform_unit_id: number | null;
  lead_unit_id: number | null;
  status_before_suspend: string | null;
  pending_request: string | null;
  merged_into_id: number | null;
  /** 被投诉单位: never sees the caller (zibo-12345 §17). */
  complained_unit_id: number | null;
  /** 被投诉人: a staff member's name or badge number, free text. */
  complained_person: string | null;
}

/**
 * An order as the lifecycle core reads it: plain data, shaped like the stored record (snake_case
 * field names), so loading and persisting need no mapping. The core never sees the database.
 */
export interface Order extends OrderRouting {
  id: number;
  ticket_no: string;
  status: string;
  version: number;
  channel: string;
  type: string;
  category_code: string | null;
  urgency: string;
  source_level: string;
  location_region: string | null;
  confidential: boolean;
  complex: boolean;
  emergency_result_days: number | null;
  process_satisfaction: string | null;
  result_satisfaction: string | null;
  contacted_by_unit: boolean | null;
  redo_count: number;
  received_at: Date;
  dispatched_at: Date | null;
  replied_at: Date | null;
  callback_at: Date | null;
  closed_at: Date | null;
}

/** What an action writes on the order row besides its state (stored columns). */
export type OrderPatch = Partial<Omit<Order, 'id' | 'ticket_no' | 'version'>> & {
  not_accepted_reason?: string | null;
  suggested_channel?: string | null;
  updated_at?: Date;
};

/** One unit the order was sent to (lead or co-handling), as stored. */
export interface Assignment {
  id: number;
  ticket_id: number;
  unit_id: number;
  role: string;
  status: string;
  dispatched_by_unit_id: number | null;
  parent_assignment_id: number | null;
  dispatched_at: Date;
  accepted_at: Date | null;
  contacted_at: Date | null;
  replied_at: Date | null;
  reply: string | null;
  ended_at: Date | null;
}

/** A recorded event, as the rules read it. */
export interface OrderEvent {
  at: Date;
  action: string;
  party: string | null;
  payload: Record<string, unknown>;
}

/** An order with its assignments and events: everything an action is decided and applied on. */
export interface OrderSnapshot {
  order: Order;
  assignments: readonly Assignment[];
  events: readonly OrderEvent[];
}

/** The rules in force: the profile (category keys resolved), the calendar and its version. */
export interface CoreRules {
  profile: Profile;
  calendar: WorkCalendar;
  calendarVersion: number;
}

/** A unit named by an action (dispatch targets, suggested unit, party complained about). */
export interface UnitFacts {
  id: number;
  name: string;
  path: string;
  kind: string;
  active: boolean;
  is_platform: boolean;
}

/** What the core needs from outside the order: the actor, the units it names, ids to hand out. */
export interface ActionRefs {
  actor: { userId: number | null; unit: { id: number; path: string } };
  /** Every unit the payload names and the order's complained unit, by id (missing: unknown). */
  units: ReadonlyMap<number, UnitFacts>;
  /** merge: the target, already checked for scope and chains by the caller. */
  mergeTarget?: { id: number; ticket_no: string; status: string };
  /** Ids for new assignments (preallocated from the table's sequence). */
  nextAssignmentId: () => number;
  /**
   * A replayed history event (import): what happened is recorded as it happened, so the desk's
   * own completeness rules (category and district before dispatch) are not applied to it.
   */
  history?: boolean;
}

/** A refusal by a rule of the action (mapped to the error vocabulary by the caller). */
export class ActionRefusal extends Error {
  constructor(
    readonly code:
      | 'TRANSITION_NOT_ALLOWED'
      | 'VALIDATION_FAILED'
      | 'UNPROCESSABLE'
      | 'REASON_REQUIRED'
      | 'CLASSIFICATION_REQUIRED',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ActionRefusal';
  }
}

export interface NewEvent {
  ticket_id: number;
  seq: number;
  at: Date;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  action: string;
  party: string | null;
  payload: Record<string, unknown>;
  from_status: string | null;
  to_status: string;
}

export interface NewSupervision {
  ticket_id: number;
  trigger: string;
  mode: string;
  note: string | null;
  unit_id: number | null;
  office: string | null;
  created_by: number | null;
  created_at: Date;
  respond_by: Date;
}

/** One stage deadline row (ticket_deadline); alert_level null keeps the stored level if due is unchanged. */
export interface StageRow {
  ticket_id: number;
  stage: string;
  unit_id: number | null;
  start_at: Date;
  due_at: Date;
  warn_at: Date | null;
  red_at: Date | null;
  met_at: Date | null;
  alert_level: number | null;
  provisional: boolean;
  explanation: DeadlineExplanation;
  profile_id: string;
  profile_version: string;
  calendar_version: number;
}

/** The order-level summary of its deadlines, stored on the order row. */
export interface DeadlineSummary {
  light: string;
  handle_due_at: Date | null;
  provisional: boolean;
  profile_id: string;
  profile_version: string;
  calendar_version: number;
}

/** Everything one action changes, as a plain description for the caller to persist. */
export interface OrderChanges {
  /** Columns to write on the order (state, effects, summary); the version is bumped by one. */
  patch: OrderPatch & DeadlineSummary;
  /** The order as it stands after the action. */
  order: Order;
  assignments: Assignment[];
  assignmentInserts: Assignment[];
  assignmentUpdates: { id: number; patch: Partial<Assignment> }[];
  event: NewEvent;
  supervisions: NewSupervision[];
  deadlines: StageRow[];
  facts: OrderFact[];
}

/** Active assignments: those still in the order's current dispatch chain. */
export function activeAssignments<A extends Pick<Assignment, 'status'>>(assignments: readonly A[]): A[] {
  return assignments.filter(
    (a) => a.status !== 'returned' && a.status !== 'ended' && a.status !== 'forwarded',
  );
}

export function leadAssignment<A extends Pick<Assignment, 'status' | 'role'>>(
  assignments: readonly A[],
): A | undefined {
  return activeAssignments(assignments).find((a) => a.role === 'lead');
}
