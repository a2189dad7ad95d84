import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One notification (通知) of one user. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  ticket_id: number | null;
  title: string;
  body: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** A one-time ticket that opens an event stream (hash only). */
export interface StreamTicketTable {
  token_hash: string;
  user_id: number;
  expires_at: Timestamp;
}

/** A text message (短信) waiting, sent, failed or suppressed. */
export interface SmsOutboxTable {
  id: Generated<number>;
  ticket_id: number | null;
  recipient: string;
  audience: string;
  template: string;
  text: string;
  params: ColumnType<Record<string, string>, string, string>;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  provider: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A phone that asked for no messages. */
export interface SmsOptOutTable {
  phone: string;
  reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

/** The duty leader (值班领导) of a day (`YYYY-MM-DD`). */
export interface DutyRosterTable {
  day: string;
  user_id: number;
  set_by: number | null;
  set_at: Timestamp;
}

/** An emergency page that must be acknowledged. */
export interface PageTable {
  id: Generated<number>;
  ticket_id: number;
  user_id: number;
  level: Generated<number>;
  created_at: Timestamp;
  escalate_at: Timestamp;
  acked_at: Timestamp | null;
  escalated_at: Timestamp | null;
}

/** A reminder before a deadline already sent. */
export interface DeadlineNoticeTable {
  ticket_id: number;
  stage: string;
  due_at: Timestamp;
  sent_at: Timestamp;
}

export interface NotificationTables {
  notification: NotificationTable;
  stream_ticket: StreamTicketTable;
  sms_outbox: SmsOutboxTable;
  sms_opt_out: SmsOptOutTable;
  duty_roster: DutyRosterTable;
  page: PageTable;
  deadline_notice: DeadlineNoticeTable;
}

/** Columns added to orders and users. */
export interface NotificationTicketColumns {
  tracking_code_hash: Generated<string | null>;
}
export interface NotificationUserColumns {
  mobile: Generated<string | null>;
}
