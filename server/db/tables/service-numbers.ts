import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A public service or emergency-repair number's identity and owning unit. */
export interface ServiceNumberTable {
  id: Generated<number>;
  unit_id: number;
  created_at: Timestamp;
}

/** What a number is, as an application asks for it and a version makes it effective. */
export interface NumberParticulars {
  number: string;
  name: string;
  kind: string;
  duty_hours: string;
  duties: string;
  /** `YYYY-MM-DD` (a `date` column). */
  effective_date: string;
}

/** An application to open, change or close a number, and the center's decision. */
export interface ServiceNumberApplicationTable extends NumberParticulars {
  id: Generated<number>;
  unit_id: number;
  action: string;
  service_number_id: number | null;
  reason: string | null;
  status: Generated<string>;
  applied_by: number;
  applied_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** One version of a number in its history (what an approved application made effective). */
export interface ServiceNumberVersionTable extends NumberParticulars {
  service_number_id: number;
  seq: number;
  action: string;
  application_id: number | null;
  approved_by: number | null;
  approved_at: Timestamp;
}

/** A unit's semi-annual review task (beijing-miyun §10) and its report. */
export interface ServiceNumberReviewTable {
  id: Generated<number>;
  period: string;
  unit_id: number;
  due_at: Timestamp;
  created_by: number;
  created_at: Timestamp;
  report: string | null;
  answered_by: number | null;
  answered_at: Timestamp | null;
}

/** Columns the registry adds to orders: the number a complaint is about, and the kind of complaint. */
export interface ServiceNumberTicketColumns {
  service_number_id: Generated<number | null>;
  number_complaint_kind: Generated<string | null>;
}

/** A registered volunteer (志愿者). */
export interface VolunteerTable {
  id: Generated<number>;
  name: string;
  skills: string[];
  phone: string;
  availability: string;
  active: Generated<boolean>;
  created_by: number;
  created_at: Timestamp;
}

/** A volunteer assigned to an order, with the outcome. */
export interface TicketVolunteerTable {
  ticket_id: number;
  id: Generated<number>;
  volunteer_id: number;
  note: string | null;
  assigned_by: number;
  assigned_at: Timestamp;
  outcome: string | null;
  outcome_note: string | null;
  outcome_by: number | null;
  outcome_at: Timestamp | null;
}

export interface ServiceNumberTables {
  service_number: ServiceNumberTable;
  service_number_application: ServiceNumberApplicationTable;
  service_number_version: ServiceNumberVersionTable;
  service_number_review: ServiceNumberReviewTable;
  volunteer: VolunteerTable;
  ticket_volunteer: TicketVolunteerTable;
}
