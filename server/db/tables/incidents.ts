import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A major incident (重大突发事项) with its stored report limits. */
export interface IncidentTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  occurred_at: Timestamp;
  report_by: Timestamp | null;
  written_report_by: Timestamp | null;
  /** The first report's form under the profile: oral or any. */
  report_form: string | null;
  report_article: string | null;
  written_report_article: string | null;
  profile_id: string;
  profile_version: string;
  status: Generated<string>;
  created_by: number;
  created_at: Timestamp;
  closed_by: number | null;
  closed_at: Timestamp | null;
  close_note: string | null;
}

/** An order about the incident. */
export interface IncidentTicketTable {
  ticket_id: number;
  incident_id: number;
  attached_by: number;
  attached_at: Timestamp;
}

/** A report made on the incident (口头报告 / 书面报告). */
export interface IncidentReportTable {
  id: Generated<number>;
  incident_id: number;
  kind: string;
  text: string | null;
  reported_by: number;
  reported_at: Timestamp;
}

/** An alert on a report deadline, issued once (primary key incident, deadline, kind). */
export interface IncidentAlertTable {
  incident_id: number;
  deadline: string;
  kind: string;
  due_at: Timestamp;
  created_at: Timestamp;
}

export interface IncidentTables {
  incident: IncidentTable;
  incident_ticket: IncidentTicketTable;
  incident_report: IncidentReportTable;
  incident_alert: IncidentAlertTable;
}
