import {
  briefKindLabels,
  reportContentTypes,
  type BriefKind,
  type BriefReportRequest,
} from '../../../common/contracts/reports';
import { serviceDate } from '../../../common/service-time';
import type { TicketDetail } from '../../../common/contracts/ticket-responses';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { maskPhone } from '../tickets/caller-privacy';
import { getTicket } from '../tickets/get-ticket';
import type { ReportFile } from './generate-periodic-report';
import { thousands } from './report-format';
import { ticketIdsByNumber } from './reports.repository';

export interface BriefOrder {
  ticketNo: string;
  date: string;
  category: string;
  unit: string;
  status: string;
  summary: string;
}

export interface BriefReport {
  kind: BriefKind;
  kindLabel: string;
  title: string;
  date: string;
  summary: string;
  orders: BriefOrder[];
}

const finished = new Set(['closed', 'answered', 'not_accepted', 'merged']);
const SUMMARY_CHARS = 150;
/** Mobile numbers, landlines, resident ID numbers in free text. */
const phoneLike = /(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{17}[\dXx])(?!\d)/g;

/**
 * An order's text as the requester may see it: whatever the order's own view already withheld,
 * and, for a requester who sees the caller masked, every phone or ID number in the text masked
 * the same way (138****1234).
 */
function summaryOf(t: TicketDetail): string {
  let text = t.content.replace(/\s+/g, ' ').trim();
  if (t.caller.masked) text = text.replace(phoneLike, (m) => maskPhone(m) ?? '');
  const chars = [...text];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('')}…` : text;
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([k, n]) => `${k}（${n}件）`)
    .join('、');
}

/** The generated summary: how many orders, their categories and units, how many are finished. */
export function briefSummary(kind: BriefKind, tickets: TicketDetail[]): string {
  const done = tickets.filter((t) => finished.has(t.status)).length;
  const dates = tickets.map((t) => serviceDate(t.receivedAt)).sort();
  const span = dates.length ? `${dates[0]}至${dates[dates.length - 1]}` : '';
  const parts = [
    `${span}，热线受理的以下${thousands(tickets.length)}件群众诉求需予关注。`,
    `涉及问题分类：${tally(tickets.map((t) => t.categoryName ?? '未分类'))}。`,
  ];
  const units = tally(tickets.filter((t) => t.leadUnitName).map((t) => t.leadUnitName ?? ''));
  if (units) parts.push(`承办单位：${units}。`);
  parts.push(`截至目前，已办结${done}件，尚在办理${tickets.length - done}件。`);
  parts.push(`现将有关情况${kind === 'special' ? '专报' : '简报'}如下，请阅示。`);
  return parts.join('');
}

async function resolveIds(ctx: AppContext, req: BriefReportRequest): Promise<number[]> {
  const byNo = await ticketIdsByNumber(ctx.db, req.ticketNos);
  const missing = req.ticketNos.filter((n) => !byNo.has(n));
  if (missing.length) {
    throw new AppError('NOT_FOUND', `工单不存在：${missing.join('、')}`, { ticketNos: missing });
  }
  return [...new Set([...req.ticketIds, ...req.ticketNos.map((n) => byNo.get(n) ?? 0)])];
}

/** The 专报/简报 as plain data: each order as the requester may see it (scope and masking). */
export async function buildBriefReport(
  ctx: AppContext,
  user: SessionUser,
  req: BriefReportRequest,
): Promise<BriefReport> {
  const tickets: TicketDetail[] = [];
  for (const id of await resolveIds(ctx, req)) tickets.push(await getTicket(ctx, user, id));
  return {
    kind: req.kind,
    kindLabel: briefKindLabels[req.kind],
    title: req.title,
    date: serviceDate(ctx.clock.now()),
    summary: req.summary?.trim() ? req.summary : briefSummary(req.kind, tickets),
    orders: tickets.map((t) => ({
      ticketNo: t.ticketNo,
      date: serviceDate(t.receivedAt),
      category: t.categoryName ?? '未分类',
      unit: t.leadUnitName ?? '—',
      status: t.statusLabel,
      summary: summaryOf(t),
    })),
  };
}

/** `POST /api/reports/brief`: the 专报/简报 as docx or pdf. */
export async function generateBriefReport(
  ctx: AppContext,
  user: SessionUser,
  req: BriefReportRequest,
  opts: { compress?: boolean } = {},
): Promise<ReportFile> {
  const brief = await buildBriefReport(ctx, user, req);
  // The document libraries load on first use, not with the server.
  const { renderBriefDocx, renderBriefPdf } = await import('./render-brief');
  const bytes = req.format === 'docx' ? await renderBriefDocx(brief) : await renderBriefPdf(brief, opts);
  return {
    fileName: `${brief.kindLabel}-${brief.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.${req.format}`,
    asciiName: `${req.kind}-report-${brief.date}.${req.format}`,
    contentType: reportContentTypes[req.format],
    bytes,
  };
}
