/** Work-order statuses (工单状态). See docs/GLOSSARY.md. */
export const ticketStatuses = [
  'pending_dispatch', // 待派单 (created; the platform reviews and dispatches)
  'dispatched', // 已派单，待签收
  'in_progress', // 办理中 (signed for by the lead unit)
  'replied', // 已答复，待审核
  'pending_callback', // 待回访
  'unsatisfied', // 不满意，待研判 (redo, close, or the unit appeals)
  'appealed', // 申诉中
  'suspended', // 挂起 (awaiting a responsibility ruling)
  'closed', // 已办结
  'answered', // 直接答复 (closed at intake)
  'not_accepted', // 不予受理
  'merged', // 已合并
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketStatusLabels: Record<TicketStatus, string> = {
  pending_dispatch: '待派单',
  dispatched: '待签收',
  in_progress: '办理中',
  replied: '待审核',
  pending_callback: '待回访',
  unsatisfied: '不满意待研判',
  appealed: '申诉中',
  suspended: '已挂起',
  closed: '已办结',
  answered: '已直接答复',
  not_accepted: '不予受理',
  merged: '已合并',
};

export const terminalStatuses: readonly TicketStatus[] = ['closed', 'answered', 'not_accepted', 'merged'];

export function isOpen(status: TicketStatus): boolean {
  return !terminalStatuses.includes(status);
}

/** Requests a unit has made that wait for the platform's decision. */
export type PendingRequest = 'return' | 'extension' | null;

/** Assignment statuses (one row per unit the order was sent to). */
export const assignmentStatuses = [
  'dispatched',
  'accepted',
  'replied',
  'forwarded',
  'returned',
  'ended',
] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];
export type AssignmentRole = 'lead' | 'co';
