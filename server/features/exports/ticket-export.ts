import { channelLabels, lightLabels, ticketTypeLabels, urgencyLabels } from '../../../common/enums';
import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import { pendingRequestLabels } from '../../../common/ticket-vocabulary';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { listTickets } from '../tickets/list-tickets';
import { serviceMinute, truncatedNote, type Cell, type XlsxSheet } from './xlsx-stream';

/** Rows per page read from the list while exporting (keyset paging). */
export const EXPORT_PAGE = 500;
/** The most rows one export writes; a note row says when there were more. */
export const EXPORT_MAX_ROWS = 100_000;

export const ticketColumns = [
  { header: '工单编号', width: 16 },
  { header: '状态', width: 12 },
  { header: '待决申请', width: 10 },
  { header: '预警', width: 10 },
  { header: '诉求类型', width: 10 },
  { header: '紧急程度', width: 10 },
  { header: '来源渠道', width: 12 },
  { header: '问题分类', width: 14 },
  { header: '诉求摘要', width: 50 },
  { header: '来电人', width: 10 },
  { header: '联系电话', width: 15 },
  { header: '区域', width: 10 },
  { header: '主办单位', width: 22 },
  { header: '受理时间', width: 17 },
  { header: '派单时间', width: 17 },
  { header: '办理时限', width: 17 },
  { header: '办结时间', width: 17 },
];

type Page = Awaited<ReturnType<typeof listTickets>>;
type Item = Page['items'][number];

/** One order as the list shows it to this user (masked the same way). */
export function ticketRow(t: Item): Cell[] {
  return [
    t.ticketNo,
    t.statusLabel,
    t.pendingRequest ? pendingRequestLabels[t.pendingRequest as keyof typeof pendingRequestLabels] : '',
    lightLabels[t.light as keyof typeof lightLabels] ?? t.light,
    ticketTypeLabels[t.type as keyof typeof ticketTypeLabels] ?? t.type,
    urgencyLabels[t.urgency as keyof typeof urgencyLabels] ?? t.urgency,
    channelLabels[t.channel as keyof typeof channelLabels] ?? t.channel,
    t.categoryName ?? '',
    t.summary,
    t.caller.confidential && !t.caller.name ? '（保密）' : (t.caller.name ?? ''),
    t.caller.phone ?? '',
    t.region ?? '',
    t.leadUnitName ?? '',
    serviceMinute(t.receivedAt),
    serviceMinute(t.dispatchedAt),
    serviceMinute(t.handleBy),
    serviceMinute(t.closedAt),
  ];
}

/**
 * The order list with the same filters as `GET /api/tickets`, every page through the list's own
 * keyset paging: the same rows, the same masking, and the same audit of unmasked callers (one
 * entry per page read). The first page is read before the response starts, so a refused filter
 * answers as JSON.
 */
export async function ticketExportSheet(
  ctx: AppContext,
  user: SessionUser,
  query: Omit<ListTicketsQuery, 'page' | 'pageSize' | 'cursor'>,
): Promise<XlsxSheet> {
  const q: ListTicketsQuery = { ...query, page: 1, pageSize: EXPORT_PAGE };
  const first = await listTickets(ctx, user, q, { count: false });
  async function* pages(): AsyncGenerator<Cell[][]> {
    let page: Page = first;
    let written = 0;
    for (;;) {
      const room = EXPORT_MAX_ROWS - written;
      yield page.items.slice(0, room).map(ticketRow);
      written += Math.min(room, page.items.length);
      if (!page.nextCursor) return;
      if (written >= EXPORT_MAX_ROWS) {
        yield [truncatedNote(EXPORT_MAX_ROWS)];
        return;
      }
      page = await listTickets(ctx, user, { ...q, cursor: page.nextCursor }, { count: false });
    }
  }
  return { name: '工单列表', columns: ticketColumns, rows: pages() };
}
