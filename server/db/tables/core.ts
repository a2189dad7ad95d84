import type { ColumnType, Generated, GeneratedAlways, JSONColumnType } from 'kysely';

import type { DeadlineExplanation } from '../../../common/contracts/deadline-explanation';
import type { OrderRouting } from '../../domain/ticket/order';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  path: Generated<string>;
  region: string | null;
  is_platform: Generated<boolean>;
  duty_categories: Generated<string[]>;
  phone: string | null;
  duty_contact: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  /** The franchise enterprise of an `enterprise` account (migration 20261207230000). */
  enterprise_id: Generated<number | null>;
}

export interface AuthSessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface CategoryTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface CalendarDayRow {
  date: string;
  isOffDay: boolean;
  name: string;
}

export interface CalendarVersionTable {
  id: Generated<number>;
  created_at: CreatedAt;
  source: string;
  note: string | null;
  days: JSONColumnType<CalendarDayRow[]>;
}

export interface TicketCounterTable {
  day: string;
  last_value: number;
}

/** The order; its routing columns are declared once with the lifecycle core's view (OrderRouting). */
export interface TicketTable extends OrderRouting {
  id: Generated<number>;
  ticket_no: string;
  status: string;
  version: Generated<number>;
  channel: string;
  type: string;
  category_code: string | null;
  urgency: Generated<string>;
  source_level: Generated<string>;
  caller_name: string | null;
  caller_phone: string | null;
  caller_address: string | null;
  confidential: Generated<boolean>;
  location_address: string | null;
  location_region: string | null;
  content: string;
  demand: string | null;
  channel_ref: string | null;
  tags: Generated<string[]>;
  answer: string | null;
  not_accepted_reason: string | null;
  suggested_channel: string | null;
  complex: Generated<boolean>;
  emergency_result_days: number | null;
  process_satisfaction: string | null;
  result_satisfaction: string | null;
  contacted_by_unit: boolean | null;
  redo_count: Generated<number>;
  profile_id: string;
  profile_version: string;
  calendar_version: number | null;
  light: Generated<string>;
  /** Stored, generated: light is overdue or red (the late list's index key; never written). */
  late: Generated<boolean>;
  provisional: Generated<boolean>;
  handle_due_at: Timestamp | null;
  received_at: Timestamp;
  dispatched_at: Timestamp | null;
  replied_at: Timestamp | null;
  callback_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketAssignmentTable {
  ticket_id: number;
  id: Generated<number>;
  unit_id: number;
  role: string;
  status: string;
  dispatched_by_unit_id: number | null;
  parent_assignment_id: number | null;
  dispatched_at: Timestamp;
  accepted_at: Timestamp | null;
  contacted_at: Timestamp | null;
  replied_at: Timestamp | null;
  reply: string | null;
  ended_at: Timestamp | null;
}

export interface TicketEventTable {
  ticket_id: number;
  seq: number;
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  action: string;
  party: string | null;
  payload: JSONColumnType<Record<string, unknown>>;
  from_status: string | null;
  to_status: string;
}

export interface TicketDeadlineTable {
  ticket_id: number;
  stage: string;
  unit_id: number | null;
  start_at: Timestamp;
  due_at: Timestamp;
  warn_at: Timestamp | null;
  red_at: Timestamp | null;
  met_at: Timestamp | null;
  alert_level: Generated<number>;
  /** Stored, generated: the earliest boundary not alerted yet, null once met (the sweep's index; never written). */
  next_alert_at: GeneratedAlways<Date | null>;
  provisional: boolean;
  explanation: JSONColumnType<DeadlineExplanation>;
  profile_id: string;
  profile_version: string;
  calendar_version: number | null;
}

export interface TicketAlertTable {
  ticket_id: number;
  stage: string;
  kind: string;
  due_at: Timestamp;
  created_at: Timestamp;
}

export interface SupervisionTable {
  ticket_id: number;
  id: Generated<number>;
  trigger: string;
  mode: string;
  note: string | null;
  unit_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  respond_by: Timestamp | null;
  responded_at: Timestamp | null;
  response: string | null;
  /** The supervising office by trigger (migration 20261207070000). */
  office: Generated<string | null>;
  /** Who answered (migration 20261207070000). */
  responded_by: Generated<number | null>;
}

/** A unit's supervision for a month (low rank, knowledge base not updated), migration 20261209150000. */
export interface UnitSupervisionTable {
  id: Generated<number>;
  unit_id: number;
  trigger: string;
  period: string;
  note: string;
  office: string | null;
  created_at: Timestamp;
  respond_by: Timestamp | null;
  responded_at: Timestamp | null;
  response: string | null;
  responded_by: number | null;
}

export interface CoreTables {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  auth_session: AuthSessionTable;
  category: CategoryTable;
  calendar_version: CalendarVersionTable;
  ticket_counter: TicketCounterTable;
  ticket: TicketTable;
  ticket_assignment: TicketAssignmentTable;
  ticket_event: TicketEventTable;
  ticket_deadline: TicketDeadlineTable;
  ticket_alert: TicketAlertTable;
  supervision: SupervisionTable;
  unit_supervision: UnitSupervisionTable;
}
