import type { TicketStatus } from '../../../common/ticket-vocabulary';

/** Work-order statuses (工单状态), their labels and assignment statuses: one copy in common/. */
export {
  assignmentStatuses,
  ticketStatuses,
  ticketStatusLabels,
  type AssignmentRole,
  type AssignmentStatus,
  type PendingRequest,
  type TicketStatus,
} from '../../../common/ticket-vocabulary';

export const terminalStatuses: readonly TicketStatus[] = ['closed', 'answered', 'not_accepted', 'merged'];

export function isOpen(status: TicketStatus): boolean {
  return !terminalStatuses.includes(status);
}
