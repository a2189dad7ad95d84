import type { OrderFact } from './types';
import { beforeEvents } from './facts';
import { monthOf } from './period';

/** A fact factory for tests: a completed, on-time order of unit 1 unless told otherwise. */
export function fact(over: Partial<OrderFact> = {}): OrderFact {
  const dispatchedAt = over.dispatchedAt ?? new Date('2026-03-02T10:00:00+08:00');
  return {
    ticketId: 1,
    assignmentId: 1,
    unitId: 1,
    periodMonth: monthOf(dispatchedAt),
    dispatchedAt,
    channel: 'phone',
    type: 'complaint',
    categoryCode: '010201',
    region: null,
    sourceLevel: 'city',
    urgency: 'normal',
    confidential: false,
    outcome: 'completed',
    handleDueAt: new Date('2026-03-09T23:59:59+08:00'),
    receiveDueAt: null,
    acceptedAt: null,
    firstContactDueAt: null,
    contactedAt: null,
    repliedAt: null,
    replyLate: null,
    completedAt: new Date('2026-03-05T10:00:00+08:00'),
    onTime: true,
    ...beforeEvents,
    ...over,
  };
}

export function calledBack(
  contacted: boolean,
  result: string | null,
  process: string | null = null,
): Partial<OrderFact> {
  return {
    callbackAt: new Date('2026-03-06T10:00:00+08:00'),
    callbackAttempts: 1,
    contactedByUnit: contacted,
    resultSatisfaction: result,
    processSatisfaction: process,
  };
}
