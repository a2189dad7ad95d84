import type { z } from 'zod';
import type {
  IncidentDto,
  IncidentReportKind,
  IncidentSummaryDto,
  listIncidentsQuery,
} from '../../../common/contracts/incidents';
import { formatInstant } from '../../domain/calendar/time';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { mayDo } from './incident-access';
import { alertsOf, findIncident, incidentOrders, listIncidentRows, reportsOf } from './incidents.repository';
import { missingReports, presentSummary } from './incidents.presenter';

/** `GET /api/incidents`: newest event first, each with its lights at the platform's now. */
export async function listIncidents(
  ctx: AppContext,
  user: SessionUser,
  q: z.output<typeof listIncidentsQuery>,
): Promise<{ items: IncidentSummaryDto[] }> {
  const actor = await loadActor(ctx.db, user);
  const rows = await listIncidentRows(ctx.db, actor, q);
  const reports = await reportsOf(
    ctx.db,
    rows.map((r) => Number(r.id)),
  );
  const now = ctx.clock.now();
  return {
    items: rows.map((r) =>
      presentSummary(
        r,
        reports.filter((x) => x.incident_id === Number(r.id)),
        r.ticket_count,
        now,
      ),
    ),
  };
}

/** `GET /api/incidents/:id`: the incident with its orders (those the viewer may see) and reports. */
export async function getIncident(ctx: AppContext, user: SessionUser, id: number): Promise<IncidentDto> {
  const actor = await loadActor(ctx.db, user);
  const row = await findIncident(ctx.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND', '重大事件不存在');
  const [orders, reports, alerts] = await Promise.all([
    incidentOrders(ctx.db, actor, id),
    reportsOf(ctx.db, [id]),
    alertsOf(ctx.db, id),
  ]);
  const open = row.status === 'open';
  const allowedActions: IncidentDto['allowedActions'] = [];
  if (open && mayDo(actor, 'attach')) allowedActions.push('attach');
  if (open && mayDo(actor, 'report')) allowedActions.push('report');
  if (open && mayDo(actor, 'close') && missingReports(row, reports).length === 0) {
    allowedActions.push('close');
  }
  return {
    ...presentSummary(row, reports, orders.length, ctx.clock.now()),
    orders: orders.map((o) => ({
      id: Number(o.id),
      ticketNo: o.ticket_no,
      status: o.status,
      type: o.type,
      urgency: o.urgency,
      locationRegion: o.location_region,
      createdAt: formatInstant(o.created_at),
      attachedAt: formatInstant(o.attached_at),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind as IncidentReportKind,
      text: r.text,
      reportedAt: formatInstant(r.reported_at),
      reportedBy: { id: r.reported_by, name: r.reported_by_name },
    })),
    alerts: alerts.map((a) => ({
      deadline: a.deadline,
      kind: a.kind,
      dueAt: formatInstant(a.due_at),
      createdAt: formatInstant(a.created_at),
    })),
    closeNote: row.close_note,
    allowedActions,
  };
}
