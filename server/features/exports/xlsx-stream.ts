import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { formatServiceTime } from '../../../common/service-time';

/**
 * Excel exports (issue 16): a workbook written row by row with exceljs' streaming writer straight
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

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An instant as service time to the minute, '' without one (dates in exports). */
export function serviceMinute(value: string | Date | null | undefined): string {
  return value ? formatServiceTime(value, 'minute') : '';
}

/** `工单列表-20261207-0900.xlsx` in service time; the header carries it RFC 5987-encoded. */
export function exportFileName(base: string, now: Date): string {
  const stamp = formatServiceTime(now, 'minute').replace(/[-:]/g, '').replace(' ', '-');
  return `${base}-${stamp}.xlsx`;
}

async function writeWorkbook(out: PassThrough, sheets: XlsxSheet[]): Promise<void> {
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
