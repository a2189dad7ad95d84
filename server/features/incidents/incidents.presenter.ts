import type {
  IncidentDeadlineDto,
  IncidentReportKind,
  IncidentStatus,
  IncidentSummaryDto,
} from '../../../common/contracts/incidents';
import { formatInstant } from '../../domain/calendar/time';
import {
  firstMeetingReport,
  incidentLight,
  reportLight,
  type ReportDeadlineKey,
} from '../../domain/incident/report-limits';
import type { IncidentReportRow, IncidentRow } from './incidents.repository';

const iso = (d: Date) => formatInstant(d);

function deadline(
  row: IncidentRow,
  key: ReportDeadlineKey,
  reports: readonly IncidentReportRow[],
  now: Date,
): IncidentDeadlineDto | null {
  const dueAt = key === 'reportBy' ? row.report_by : row.written_report_by;
  if (!dueAt) return null;
  const met = firstMeetingReport(
    key,
    reports.map((r) => ({ kind: r.kind as IncidentReportKind, reportedAt: r.reported_at })),
  );
  const reportedAt = met?.reportedAt ?? null;
  return {
    dueAt: iso(dueAt),
    form: key === 'writtenReportBy' ? 'written' : row.report_form === 'oral' ? 'oral' : 'any',
    article: (key === 'reportBy' ? row.report_article : row.written_report_article) ?? '',
    light: reportLight(row.occurred_at, dueAt, reportedAt, now),
    reportedAt: reportedAt ? iso(reportedAt) : null,
    onTime: reportedAt ? reportedAt.getTime() <= dueAt.getTime() : null,
  };
}

/** Reports still missing before the incident may be closed. */
export function missingReports(row: IncidentRow, reports: readonly IncidentReportRow[]): ReportDeadlineKey[] {
  const out: ReportDeadlineKey[] = [];
  const kinds = reports.map((r) => ({ kind: r.kind as IncidentReportKind, reportedAt: r.reported_at }));
  if (row.report_by && !firstMeetingReport('reportBy', kinds)) out.push('reportBy');
  if (row.written_report_by && !firstMeetingReport('writtenReportBy', kinds)) out.push('writtenReportBy');
  return out;
}

export function presentSummary(
  row: IncidentRow,
  reports: readonly IncidentReportRow[],
  ticketCount: number,
  now: Date,
): IncidentSummaryDto {
  const reportBy = deadline(row, 'reportBy', reports, now);
  const writtenReportBy = deadline(row, 'writtenReportBy', reports, now);
  const waiting = [reportBy, writtenReportBy].filter((d): d is IncidentDeadlineDto => d !== null);
  // A closed incident waits for nothing (it closes only once its reports are made).
  const light =
    row.status === 'open'
      ? incidentLight(
          waiting.map((d) => ({ light: d.light, reportedAt: d.reportedAt ? new Date(d.reportedAt) : null })),
        )
      : null;
  return {
    id: Number(row.id),
    title: row.title,
    description: row.description,
    status: row.status as IncidentStatus,
    occurredAt: iso(row.occurred_at),
    reportBy: reportBy?.dueAt ?? null,
    writtenReportBy: writtenReportBy?.dueAt ?? null,
    deadlines: { reportBy, writtenReportBy },
    light,
    ticketCount,
    profileId: row.profile_id,
    createdAt: iso(row.created_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
  };
}
