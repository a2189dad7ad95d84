import type { OrderFact } from './types';

/**
 * The counts every indicator is computed from, per unit and month (or any slice). The SQL
 * aggregation in server/features/assessment/assessment.repository.ts computes the same counts
 * with the same rules; an integration test holds them equal.
 */
export interface KpiCounts {
  /** Lead assignments dispatched to the unit (市中心派单数量). */
  dispatched: number;
  /** Approved returns, and re-assignments by the platform (批准退回数量). */
  returned: number;
  /** Returns awaiting the platform's decision (退回待审核数量). */
  returnPending: number;
  /** With the unit, no reply yet, still within the handling limit (期限内办理中数量). */
  inLimit: number;
  /** Replied, the reply awaits review (回复待审核数量). */
  replyPending: number;
  /** Completed by the handling deadline in force (按期办结数量). */
  onTime: number;
  /** Completed after the deadline. */
  late: number;
  /** With the unit, no reply, past the deadline. */
  overdueOpen: number;
  /** Re-dispatched by a sub-platform to its own units (the sub-platform is not a handling unit). */
  forwarded: number;
  /**
   * Approved returns asked after the return limit, counted as overdue handling under a scheme with
   * `lateReturnsOverdue` (zibo-12345 §11(6)); they stay in `returned` for the return rate.
   */
  lateReturned: number;
  /**
   * Handling limit missed: completed late, replied late awaiting review, open past the deadline, or
   * (under `lateReturnsOverdue`) returned after the return limit.
   */
  overdue: number;
  /** Callbacks that reached the citizen (the latest per order). */
  callbacks: number;
  /** Completed orders whose callback reached the citizen (for the callback rate). */
  calledBack: number;
  /** Of the callbacks, those on orders that are not confidential (feedback is not checked on confidential orders, SPEC §3.1). */
  feedbackCallbacks: number;
  /** Of those, the citizen confirmed the unit contacted them (已接到承办单位反馈). */
  feedbackYes: number;
  resultRated: number;
  resultSatisfied: number;
  processRated: number;
  processSatisfied: number;
  receiveDecided: number;
  receiveOnTime: number;
  contactDecided: number;
  contactOnTime: number;
  returnRequested: number;
  extensionRequested: number;
  extended: number;
  redone: number;
  supervised: number;
  supervisions: number;
  reminded: number;
  /** Upheld complaints about the unit's service numbers (beijing-miyun Annex 2 §2(4)). */
  upheldNumberComplaints: number;
  /** Knowledge-base notices of the unit due in the period and decided / answered in time (not from order facts). */
  kbNoticesDecided: number;
  kbNoticesOnTime: number;
  /**
   * Supervisions of the unit due in the month and not answered by their due time (answered late,
   * or still unanswered at the report time): tianjin-wuqing §24. Filled from the supervision records.
   */
  supervisionsIgnored: number;
}

export const countKeys = [
  'dispatched',
  'returned',
  'returnPending',
  'inLimit',
  'replyPending',
  'onTime',
  'late',
  'overdueOpen',
  'forwarded',
  'lateReturned',
  'overdue',
  'callbacks',
  'calledBack',
  'feedbackCallbacks',
  'feedbackYes',
  'resultRated',
  'resultSatisfied',
  'processRated',
  'processSatisfied',
  'receiveDecided',
  'receiveOnTime',
  'contactDecided',
  'contactOnTime',
  'returnRequested',
  'extensionRequested',
  'extended',
  'redone',
  'supervised',
  'supervisions',
  'reminded',
  'upheldNumberComplaints',
  'kbNoticesDecided',
  'kbNoticesOnTime',
  'supervisionsIgnored',
] as const satisfies readonly (keyof KpiCounts)[];

export function emptyCounts(): KpiCounts {
  return Object.fromEntries(countKeys.map((k) => [k, 0])) as unknown as KpiCounts;
}

export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const out = emptyCounts();
  for (const k of countKeys) out[k] = a[k] + b[k];
  return out;
}

/** What an upheld appeal does to the unsatisfied rating it contested. */
export type UpheldAppealRule = 'remove-rating' | 'count-satisfied' | 'keep';

export interface TallyOptions {
  /** Report time: dispatches after it do not count; open orders are judged against it. */
  asOf: Date;
  /** Ratings that count as satisfied (SPEC §3.4: by default only 满意). */
  satisfied: readonly string[];
  upheldAppeal: UpheldAppealRule;
  /** Category codes (or prefixes) of complaints about service numbers. */
  numberComplaintCategories: readonly string[];
  /** A return asked after the return limit counts as overdue handling (zibo-12345 §11(6)). */
  lateReturnsOverdue?: boolean;
}

/** The Beijing classification of one assignment (beijing-miyun Annex 2 §2(1)). */
export type OnTimeClass =
  | 'returned'
  | 'late-return'
  | 'return-pending'
  | 'in-limit'
  | 'reply-pending'
  | 'on-time'
  | 'late'
  | 'overdue-open'
  | 'forwarded';

export function onTimeClass(f: OrderFact, asOf: Date, lateReturnsOverdue = false): OnTimeClass {
  switch (f.outcome) {
    case 'returned-late':
      return lateReturnsOverdue ? 'late-return' : 'returned';
    case 'returned':
    case 'reassigned':
      return 'returned';
    case 'forwarded':
      return 'forwarded';
    case 'return-pending':
      return 'return-pending';
    case 'reply-pending':
      return 'reply-pending';
    case 'completed':
      return f.onTime ? 'on-time' : 'late';
    case 'in-progress':
      return f.handleDueAt === null || asOf.getTime() <= f.handleDueAt.getTime()
        ? 'in-limit'
        : 'overdue-open';
  }
}

/** The handling limit was missed (超期): the overdue count's rule, shared by the tally and the drill-down. */
export function isOverdueClass(cls: OnTimeClass, f: OrderFact): boolean {
  return (
    cls === 'late' ||
    cls === 'overdue-open' ||
    cls === 'late-return' ||
    (cls === 'reply-pending' && f.replyLate === true)
  );
}

export function rated(
  f: OrderFact,
  rating: string | null,
  o: TallyOptions,
): { rated: boolean; satisfied: boolean } {
  if (f.callbackAt === null || rating === null) return { rated: false, satisfied: false };
  const ok = o.satisfied.includes(rating);
  if (f.appealUpheld === true && !ok) {
    if (o.upheldAppeal === 'remove-rating') return { rated: false, satisfied: false };
    if (o.upheldAppeal === 'count-satisfied') return { rated: true, satisfied: true };
  }
  return { rated: true, satisfied: ok };
}

export function isNumberComplaint(categoryCode: string | null, categories: readonly string[]): boolean {
  return categoryCode !== null && categories.some((c) => categoryCode.startsWith(c));
}

/** Adds one fact to the counts (facts dispatched after `asOf` are not counted). */
export function tallyFact(c: KpiCounts, f: OrderFact, o: TallyOptions): void {
  const asOf = o.asOf.getTime();
  if (f.dispatchedAt.getTime() > asOf) return;
  c.dispatched++;
  const cls = onTimeClass(f, o.asOf, o.lateReturnsOverdue);
  switch (cls) {
    case 'returned':
      c.returned++;
      break;
    case 'late-return':
      c.returned++;
      c.lateReturned++;
      break;
    case 'forwarded':
      c.forwarded++;
      break;
    case 'return-pending':
      c.returnPending++;
      break;
    case 'in-limit':
      c.inLimit++;
      break;
    case 'reply-pending':
      c.replyPending++;
      break;
    case 'on-time':
      c.onTime++;
      break;
    case 'late':
      c.late++;
      break;
    case 'overdue-open':
      c.overdueOpen++;
      break;
  }
  if (isOverdueClass(cls, f)) {
    c.overdue++;
  }
  if (f.callbackAt !== null) {
    c.callbacks++;
    if (cls === 'on-time' || cls === 'late') c.calledBack++;
    if (!f.confidential && f.contactedByUnit !== null) {
      c.feedbackCallbacks++;
      if (f.contactedByUnit) c.feedbackYes++;
    }
  }
  const result = rated(f, f.resultSatisfaction, o);
  if (result.rated) c.resultRated++;
  if (result.satisfied) c.resultSatisfied++;
  const process = rated(f, f.processSatisfaction, o);
  if (process.rated) c.processRated++;
  if (process.satisfied) c.processSatisfied++;
  if (f.receiveDueAt !== null && (f.acceptedAt !== null || asOf > f.receiveDueAt.getTime())) {
    c.receiveDecided++;
    if (f.acceptedAt !== null && f.acceptedAt.getTime() <= f.receiveDueAt.getTime()) c.receiveOnTime++;
  }
  if (f.firstContactDueAt !== null && (f.contactedAt !== null || asOf > f.firstContactDueAt.getTime())) {
    c.contactDecided++;
    if (f.contactedAt !== null && f.contactedAt.getTime() <= f.firstContactDueAt.getTime()) c.contactOnTime++;
  }
  if (f.returnRequests > 0) c.returnRequested++;
  if (f.extensionRequests > 0) c.extensionRequested++;
  if (f.extensionsApproved > 0) c.extended++;
  if (f.redoCount > 0 && (cls === 'on-time' || cls === 'late')) c.redone++;
  if (f.supervisionCount > 0) c.supervised++;
  c.supervisions += f.supervisionCount;
  if (f.reminderCount > 0) c.reminded++;
  if (
    f.outcome === 'completed' &&
    (f.factual === 'true' || f.factual === 'partly') &&
    isNumberComplaint(f.categoryCode, o.numberComplaintCategories)
  ) {
    c.upheldNumberComplaints++;
  }
}

export function tally(facts: Iterable<OrderFact>, o: TallyOptions): KpiCounts {
  const c = emptyCounts();
  for (const f of facts) tallyFact(c, f, o);
  return c;
}
