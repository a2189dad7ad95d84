import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { formatServiceTime } from '../../../common/service-time';

/**
 * Excel exports: a workbook written row by row with exceljs' streaming writer straight
 * into the response, so a large result never sits in memory; rows come from an async source
 * (keyset pages). Text cells are written as text, never as formulas.
 */

export type Cell = string | number | null;

export interface XlsxSheet {
  name: string;
  columns: { header: string; width?: number }[];
  /** Rows in batches (one page at a time). */
  rows: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
}

/** The OpenAPI note every export route carries. */
export const XLSX_NOTE =
  'Answers an .xlsx workbook (Chinese headers, times in service time UTC+8), streamed row by row; errors before the first row answer as JSON.';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An instant as service time to the minute, '' without one (dates in exports). */
export function serviceMinute(value: string | Date | null | undefined): string {
  return value ? formatServiceTime(value, 'minute') : '';
}

/** A fraction 0-1 as a percentage with two decimals; '' without one (rates in exports). */
export function percentCell(v: number | null | undefined): Cell {
  return v === null || v === undefined ? '' : Math.round(v * 10000) / 100;
}

/** 是 / 否, '' when unknown. */
export function yesNo(v: boolean | null | undefined): Cell {
  return v === null || v === undefined ? '' : v ? '是' : '否';
}

/** A row that spans the sheet's first column: a note that the export stopped at its limit. */
export function truncatedNote(limit: number): Cell[] {
  return [`（结果超过 ${limit} 条，仅导出前 ${limit} 条，请缩小筛选范围后分批导出）`];
}

/**
 * Rows of a list read page by page (`read(page)` answers one page of `pageSize` items, the list's
 * own paging), written as they come; stops at a short page or at `limit` rows with a note row.
 * The first page is read before the response starts, so a refusal answers as JSON.
 */
export async function pagedRows<T>(
  read: (page: number) => Promise<T[]>,
  row: (item: T) => Cell[],
  pageSize: number,
  limit: number,
): Promise<AsyncGenerator<Cell[][]>> {
  const first = await read(1);
  async function* pages(): AsyncGenerator<Cell[][]> {
    let written = 0;
    for (let page = 1; ; page++) {
      const items = page === 1 ? first : await read(page);
      const room = limit - written;
      yield items.slice(0, room).map(row);
      written += Math.min(room, items.length);
      if (items.length < pageSize) return;
      if (written >= limit) {
        if ((await read(page + 1)).length > 0) yield [truncatedNote(limit)];
        return;
      }
    }
  }
  return pages();
}

/** `工单列表-20261207-0900.xlsx` in service time; the header carries it RFC 5987-encoded. */
export function exportFileName(base: string, now: Date): string {
  const stamp = formatServiceTime(now, 'minute').replace(/[-:]/g, '').replace(' ', '-');
  return `${base}-${stamp}.xlsx`;
}

async function writeWorkbook(out: PassThrough, sheets: XlsxSheet[]): Promise<void> {
  // exceljs loads on the first export, not with the server.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const batch of sheet.rows) {
      for (const row of batch) ws.addRow(row.map((v) => (v === null ? '' : v))).commit();
    }
    ws.commit();
  }
  await workbook.commit();
}

/**
 * Sends the workbook. Failures before the first byte surface as the route's error; a failure
 * while streaming cuts the response (the client sees an incomplete download, never a wrong file).
 */
export async function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  sheets: XlsxSheet[],
): Promise<FastifyReply> {
  const out = new PassThrough();
  reply
    .header('Content-Type', XLSX_TYPE)
    .header(
      'Content-Disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  writeWorkbook(out, sheets).catch((err: unknown) => {
    reply.log.error({ err }, 'xlsx export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}
