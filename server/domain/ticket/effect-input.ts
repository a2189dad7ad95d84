import type { z } from 'zod';
import type { actionPayloads, ActionName } from '../../../common/contracts/tickets';
import { formatServiceTime } from '../../../common/service-time';
import type { StageDeadlines } from '../sla';
import {
  ActionRefusal,
  activeAssignments,
  leadAssignment,
  type ActionRefs,
  type Assignment,
  type CoreRules,
  type NewSupervision,
  type Order,
  type OrderEvent,
  type OrderPatch,
} from './order';
import type { Decision } from './transitions';

export type ActionPayload<A extends ActionName> = z.infer<(typeof actionPayloads)[A]>;

/**
 * The assignments of an order while an action runs: the working list, and the inserts and
 * updates to persist (an update of a row inserted by the same action folds into the insert).
 */
export class AssignmentWork {
  readonly list: Assignment[];
  readonly inserts: Assignment[] = [];
  readonly updates = new Map<number, Partial<Assignment>>();

  constructor(
    assignments: readonly Assignment[],
    private readonly nextId: () => number,
  ) {
    this.list = assignments.map((a) => ({ ...a }));
  }

  update(id: number, patch: Partial<Assignment>): void {
    const k = this.list.findIndex((a) => a.id === id);
    const a = this.list[k];
    if (!a) return;
    this.list[k] = { ...a, ...patch };
    const inserted = this.inserts.findIndex((x) => x.id === id);
    const row = this.inserts[inserted];
    if (row) this.inserts[inserted] = { ...row, ...patch };
    else this.updates.set(id, { ...this.updates.get(id), ...patch });
  }

  insert(
    row: Omit<Assignment, 'id' | 'accepted_at' | 'contacted_at' | 'replied_at' | 'reply' | 'ended_at'>,
  ): void {
    const a: Assignment = {
      ...row,
      id: this.nextId(),
      accepted_at: null,
      contacted_at: null,
      replied_at: null,
      reply: null,
      ended_at: null,
    };
    this.list.push(a);
    this.inserts.push(a);
  }
}

export interface EffectInput<A extends ActionName> {
  rules: CoreRules;
  now: Date;
  refs: ActionRefs;
  order: Order;
  events: readonly OrderEvent[];
  /** The stage deadlines as they stood before the action. */
  deadlines: StageDeadlines;
  decision: Decision;
  payload: ActionPayload<A>;
  work: AssignmentWork;
  supervisions: NewSupervision[];
}

export interface EffectOutput {
  patch: OrderPatch;
  /** What the event records besides the payload (computed facts such as lateness). */
  eventExtra?: Record<string, unknown>;
}

export type Effect<A extends ActionName> = (i: EffectInput<A>) => EffectOutput;

export const none = (): EffectOutput => ({ patch: {} });

export const refuse = (message: string, details?: unknown) =>
  new ActionRefusal('TRANSITION_NOT_ALLOWED', message, details);

/** The acting unit's own assignment: the lead's, or its co-handling one. */
export function myAssignment(i: EffectInput<ActionName>): Assignment {
  const active = activeAssignments(i.work.list);
  const mine =
    i.decision.party === 'lead'
      ? leadAssignment(i.work.list)
      : (active.find((a) => a.role === 'co' && a.unit_id === i.refs.actor.unit.id) ??
        active.find((a) => a.role === 'co'));
  if (!mine) throw refuse('未找到本单位的承办记录');
  return mine;
}

/** Instants in the service time zone (UTC+8) for messages. */
export function fmt(d: Date): string {
  return formatServiceTime(d, 'second');
}
