/**
 * The assessment's unit of account: one fact per order and lead assignment (承办记录), kept by
 * the use cases and by the history import (table `ticket_fact`). Indicators are pure functions
 * of facts; reports aggregate facts in SQL with the same definitions.
 */

/**
 * Where the assignment stands:
 * - in-progress: with the unit, no reply standing (dispatched, signed for, suspended, or redone before a first completion);
 * - reply-pending: replied, the reply awaits the platform's review (回复待审核);
 * - return-pending: the unit asked to return it and the platform has not decided (退回待审核);
 * - completed: a reply of the unit passed review (办结 as far as the unit is concerned); stays so after a redo;
 * - returned: the platform approved the unit's return (批准退回);
 * - returned-late: the same, but the unit asked after its return limit (zibo-12345 §11(6): 超期回退的视为超期办理件;
 *   a scheme with `lateReturnsOverdue` counts it as overdue handling, others as a return);
 * - reassigned: the platform re-dispatched the order elsewhere without a return;
 * - forwarded: a sub-platform re-dispatched it to one of its own units.
 */
export const factOutcomes = [
  'in-progress',
  'reply-pending',
  'return-pending',
  'completed',
  'returned',
  'returned-late',
  'reassigned',
  'forwarded',
] as const;
export type FactOutcome = (typeof factOutcomes)[number];

export interface OrderFact {
  ticketId: number;
  assignmentId: number;
  unitId: number;
  /** YYYYMM of the dispatch to the unit, in Asia/Shanghai: the month the order counts in. */
  periodMonth: number;
  dispatchedAt: Date;
  channel: string;
  type: string;
  categoryCode: string | null;
  region: string | null;
  sourceLevel: string;
  urgency: string;
  confidential: boolean;
  outcome: FactOutcome;
  /** Handling deadline in force (after approved extensions) while the assignment is current. */
  handleDueAt: Date | null;
  receiveDueAt: Date | null;
  acceptedAt: Date | null;
  firstContactDueAt: Date | null;
  contactedAt: Date | null;
  /** The unit's reply that stands (not rejected in review, not superseded by a redo). */
  repliedAt: Date | null;
  replyLate: boolean | null;
  /** Time of the first reply that passed review. */
  completedAt: Date | null;
  /** That reply was made by the handling deadline in force at the time. */
  onTime: boolean | null;
  /** The approved reply's finding: true / partly / false / n/a (beijing-miyun §18). */
  factual: string | null;
  returnRequests: number;
  extensionRequests: number;
  extensionsApproved: number;
  redoCount: number;
  supervisionCount: number;
  reminderCount: number;
  callbackAttempts: number;
  /** Latest callback that reached the citizen, and what it recorded. */
  callbackAt: Date | null;
  contactedByUnit: boolean | null;
  processSatisfaction: string | null;
  resultSatisfaction: string | null;
  /** The unit's appeal against that rating: upheld (true), dismissed (false), none (null). */
  appealUpheld: boolean | null;
}
