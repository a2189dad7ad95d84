import { z } from 'zod';
import { boundedInstant } from './instant';

/**
 * The HTTP contract of major incidents (重大突发事项 / 重大突发事件, shanghai-962200 §15;
 * beijing-miyun §8), shared by the server and the web client.
 */

const ticketIds = z
  .array(z.number().int().positive())
  .max(500, '一次最多关联 500 件工单')
  .transform((ids) => [...new Set(ids)]);

export const createIncidentBody = z.object({
  title: z.string().trim().min(2, '请填写事件名称').max(200),
  /** When the event occurred: the report limits run from here. */
  occurredAt: boundedInstant,
  /** What agents tell new callers about it (答复口径). */
  description: z.string().trim().max(2000).optional(),
  ticketIds: ticketIds.default([]),
});
export type CreateIncidentBody = z.input<typeof createIncidentBody>;

export const attachIncidentOrdersBody = z.object({
  ticketIds: ticketIds.refine((ids) => ids.length > 0, { message: '请选择要关联的工单' }),
});

export const incidentReportKinds = ['oral', 'written'] as const;
export type IncidentReportKind = (typeof incidentReportKinds)[number];
export const incidentReportKindLabels: Record<IncidentReportKind, string> = {
  oral: '口头报告',
  written: '书面报告',
};

export const recordIncidentReportBody = z.object({
  kind: z.enum(incidentReportKinds),
  text: z.string().trim().max(5000).optional(),
});

export const closeIncidentBody = z.object({
  note: z.string().trim().max(2000).optional(),
});

export const listIncidentsQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const incidentStatusLabels = { open: '处置中', closed: '已结束' } as const;
export type IncidentStatus = keyof typeof incidentStatusLabels;
export type IncidentLight = 'green' | 'yellow' | 'overdue';

/** One report deadline: when it is due, what meets it, and its light now. */
export interface IncidentDeadlineDto {
  dueAt: string;
  /** oral / any form (the first report), or written. */
  form: 'oral' | 'any' | 'written';
  article: string;
  light: IncidentLight;
  /** The report that met it, if any (frozen light). */
  reportedAt: string | null;
  onTime: boolean | null;
}

export interface IncidentSummaryDto {
  id: number;
  title: string;
  description: string | null;
  status: IncidentStatus;
  occurredAt: string;
  /** The first report's limit (oral under shanghai-962200 §15), null when the profile sets none. */
  reportBy: string | null;
  /** The written report's limit, null when the profile sets none. */
  writtenReportBy: string | null;
  deadlines: { reportBy: IncidentDeadlineDto | null; writtenReportBy: IncidentDeadlineDto | null };
  /** The worst light of the deadlines still waiting for a report; null when none is waiting. */
  light: IncidentLight | null;
  /** Orders of the incident the viewer can see. */
  ticketCount: number;
  profileId: string;
  createdAt: string;
  closedAt: string | null;
}

export interface IncidentReportDto {
  id: number;
  kind: IncidentReportKind;
  text: string | null;
  reportedAt: string;
  reportedBy: { id: number; name: string };
}

export interface IncidentOrderDto {
  id: number;
  ticketNo: string;
  status: string;
  type: string;
  urgency: string;
  locationRegion: string | null;
  createdAt: string;
  attachedAt: string;
}

export interface IncidentDto extends IncidentSummaryDto {
  orders: IncidentOrderDto[];
  reports: IncidentReportDto[];
  alerts: { deadline: string; kind: string; dueAt: string; createdAt: string }[];
  closeNote: string | null;
  allowedActions: ('attach' | 'report' | 'close')[];
}
