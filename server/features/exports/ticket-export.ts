import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import {
  ticketExportCells,
  ticketExportColumns,
  type TicketExportItem,
} from '../../../common/ticket-export-row';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { listTickets } from '../tickets/list-tickets';
import { serviceMinute, truncatedNote, type Cell, type XlsxSheet } from './xlsx-stream';

/** Rows per page read from the list while exporting (keyset paging). */
export const EXPORT_PAGE = 500;
/** The most rows one export writes; a note row says when there were more. */
export const EXPORT_MAX_ROWS = 100_000;

type Page = Awaited<ReturnType<typeof listTickets>>;

/** One order as the list shows it to this user (masked the same way). */
export function ticketRow(t: TicketExportItem): Cell[] {
  return ticketExportCells(t, serviceMinute);
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
  return { name: '工单列表', columns: ticketExportColumns, rows: pages() };
}
