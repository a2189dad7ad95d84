import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One row per order and lead assignment: the facts the assessment counts (server/domain/kpi/types.ts). */
export interface TicketFactTable {
  ticket_id: number;
  assignment_id: number;
  unit_id: number;
  period_month: number;
  dispatched_at: Timestamp;
  channel: string;
  type: string;
  category_code: string | null;
  region: string | null;
  source_level: string;
  urgency: string;
  confidential: boolean;
  outcome: string;
  handle_due_at: Timestamp | null;
  receive_due_at: Timestamp | null;
  accepted_at: Timestamp | null;
  first_contact_due_at: Timestamp | null;
  contacted_at: Timestamp | null;
  replied_at: Timestamp | null;
  reply_late: boolean | null;
  completed_at: Timestamp | null;
  on_time: boolean | null;
  factual: string | null;
  return_requests: number;
  extension_requests: number;
  extensions_approved: number;
  redo_count: number;
  supervision_count: number;
  reminder_count: number;
  callback_attempts: number;
  callback_at: Timestamp | null;
  contacted_by_unit: boolean | null;
  process_satisfaction: string | null;
  result_satisfaction: string | null;
  appeal_upheld: boolean | null;
}

export interface AssessmentTables {
  ticket_fact: TicketFactTable;
}
