import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { resolveProfileCategories } from '../policy/category-keys';
import { at, local } from '../sla/test-helpers';
import { applyAction } from './apply-action';
import { ActionRefusal, type Assignment, type CoreRules, type Order, type OrderEvent } from './order';
import { extensionTermsOf } from './order-effects';
import { stageRowsOf } from './order-deadlines';
import type { Decision } from './transitions';

/**
 * beijing-miyun §17 (复杂疑难诉求可申请延期，延期最长不超过3个工作日) and §28 (complaints about a
 * service number: the extension is asked 2 working days before the deadline, at most 3 working
 * days). The §28 case names the key `service-number-complaint`, mapped here onto code 1102; a
 * rule reaches its codes and every code below them in the tree (category-keys.ts). Sub-category
 * 1199 sits below 1102 without sharing its prefix; 110299 shares the prefix but sits elsewhere.
 */
const rules: CoreRules = {
  profile: resolveProfileCategories(getBuiltInProfile('beijing-miyun'), {
    nodes: [
      { code: '11', parentCode: null, active: true },
      { code: '1102', parentCode: '11', active: true },
      { code: '1199', parentCode: '1102', active: true },
      { code: '110299', parentCode: '11', active: true },
    ],
    mapping: new Map([['service-number-complaint', ['1102']]]),
  }),
  calendar: shippedCalendar(),
  calendarVersion: 1,
};

const dispatched = at('2026-11-02 10:00'); // a Monday; no holiday until the deadline
const order = (category: string): Order => ({
  id: 7,
  ticket_no: '2026110200001',
  status: 'in_progress',
  version: 3,
  channel: 'phone',
  type: 'complaint',
  category_code: category,
  urgency: 'normal',
  source_level: 'city',
  location_region: null,
  confidential: false,
  complex: true,
  platform_unit_id: 1,
  lead_unit_id: 5,
  status_before_suspend: null,
  pending_request: null,
  merged_into_id: null,
  complained_unit_id: null,
  complained_person: null,
  emergency_result_days: null,
  process_satisfaction: null,
  result_satisfaction: null,
  contacted_by_unit: null,
  redo_count: 0,
  received_at: at('2026-11-02 09:00'),
  dispatched_at: dispatched,
  replied_at: null,
  callback_at: null,
  closed_at: null,
});
const lead: Assignment = {
  id: 11,
  ticket_id: 7,
  unit_id: 5,
  role: 'lead',
  status: 'accepted',
  dispatched_by_unit_id: 1,
  parent_assignment_id: null,
  dispatched_at: dispatched,
  accepted_at: at('2026-11-02 11:00'),
  contacted_at: null,
  replied_at: null,
  reply: null,
  ended_at: null,
};
const events: OrderEvent[] = [
  { at: at('2026-11-02 09:00'), action: 'create', party: 'agent', payload: {} },
  { at: dispatched, action: 'dispatch', party: 'platform', payload: { unitId: 5 } },
  { at: at('2026-11-02 11:00'), action: 'accept', party: 'lead', payload: { unitId: 5 } },
];
const decision: Decision = {
  action: 'request-extension',
  party: 'lead',
  from: 'in_progress',
  to: 'in_progress',
  pendingRequest: 'extension',
  statusBeforeSuspend: null,
};
const refs = {
  actor: { userId: 9, unit: { id: 5, path: '/1/5/' } },
  units: new Map(),
  nextAssignmentId: () => 100,
};

function request(category: string, workingDays: number, now: string) {
  return applyAction(
    { order: order(category), assignments: [lead], events },
    decision,
    { workingDays, reason: '需协调多个部门' },
    refs,
    rules,
    at(now),
  );
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionRefusal) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'allowed';
}

describe('extension terms: the deadline and the refusal read the same case', () => {
  it('a sub-category below the mapped code takes §28 for both (2 WD ahead, at most 3 WD)', () => {
    const s = stageRowsOf(rules, order('1199'), [lead], events, at('2026-11-03 09:00'));
    // Due: Mon Nov 2 + 7 natural days → Mon Nov 9; 2 working days before that day: Thu Nov 5.
    expect(local(s.deadlines.handleBy?.dueAt)).toBe('2026-11-09 23:59:59');
    expect(s.deadlines.extensionRequestBy?.article).toBe('beijing-miyun §28');
    expect(local(s.deadlines.extensionRequestBy?.dueAt)).toBe('2026-11-05 23:59:59');
    expect(extensionTermsOf(rules, order('1199'))?.article).toBe('beijing-miyun §28');
    expect(refusal(() => request('1199', 4, '2026-11-03 09:00'))).toBe(
      'TRANSITION_NOT_ALLOWED: 延期不得超过 3 个工作日（beijing-miyun §28）',
    );
    // On the deadline's day the §28 request comes too late; under §17 it would still be in time.
    expect(refusal(() => request('1199', 2, '2026-11-09 10:00'))).toBe(
      'TRANSITION_NOT_ALLOWED: 已超过延期申请时限（须在 2026-11-05 23:59:59 前申请，beijing-miyun §28）',
    );
    expect(request('1199', 3, '2026-11-05 18:00').event.payload).toEqual({
      workingDays: 3,
      reason: '需协调多个部门',
    });
  });

  it('a code that only shares the prefix is not in the case: §17 for both', () => {
    const s = stageRowsOf(rules, order('110299'), [lead], events, at('2026-11-03 09:00'));
    expect(s.deadlines.extensionRequestBy?.article).toBe('beijing-miyun §17');
    expect(local(s.deadlines.extensionRequestBy?.dueAt)).toBe('2026-11-09 23:59:59');
    expect(refusal(() => request('110299', 4, '2026-11-03 09:00'))).toBe(
      'TRANSITION_NOT_ALLOWED: 延期不得超过 3 个工作日（beijing-miyun §17）',
    );
    expect(refusal(() => request('110299', 2, '2026-11-09 10:00'))).toBe('allowed');
  });
});

describe('applyAction describes the changes without writing them', () => {
  it('a request records the event after the last one and leaves the assignments alone', () => {
    const c = request('1199', 2, '2026-11-03 09:00');
    expect(c.event).toMatchObject({ ticket_id: 7, seq: 4, action: 'request-extension', party: 'lead' });
    expect(c.event.actor_user_id).toBe(9);
    expect(c.patch).toMatchObject({ status: 'in_progress', pending_request: 'extension' });
    expect(c.assignmentInserts).toEqual([]);
    expect(c.assignmentUpdates).toEqual([]);
    expect(c.facts.map((f) => f.assignmentId)).toEqual([11]);
  });
});
