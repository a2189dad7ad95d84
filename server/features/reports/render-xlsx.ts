import ExcelJS from 'exceljs';
import type { CountRow, PeriodicReport } from '../../../common/contracts/reports';
import type { ReportChart } from './report-charts';
import { changeRatio } from './report-format';

/** Rates are numbers (the assessment's fractions) shown as percentages with two decimals. */
export const RATE_FORMAT = '0.00%';
const SCORE_FORMAT = '0.00';
const CHANGE_FORMAT = '0.0%';
const header = { bold: true, color: { argb: 'FFFFFFFF' } };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1677FF' } };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = header;
    c.fill = headerFill;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function summarySheet(wb: ExcelJS.Workbook, r: PeriodicReport, charts: ReportChart[]): void {
  const ws = wb.addWorksheet('报告概要');
  ws.columns = [{ width: 26 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 40 }];
  ws.mergeCells('A1:E1');
  const title = ws.getCell('A1');
  title.value = r.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.addRow([`考核方案：${r.scheme.name}`]);
  ws.addRow([`数据截至：${r.asOf}`]);
  ws.addRow([]);
  styleHeader(ws.addRow(['指标', r.period.label, r.period.previousLabel, '环比']));
  const t = r.totals;
  const countRow = (label: string, now: number, before: number) => {
    const row = ws.addRow([label, now, before, changeRatio(now, before)]);
    row.getCell(4).numFmt = CHANGE_FORMAT;
  };
  countRow('受理诉求（件）', t.intake, t.previousIntake);
  countRow('派单至承办单位（件次）', t.dispatched, t.previousDispatched);
  for (const c of r.columns) {
    const row = ws.addRow([`全部承办单位${c.name}`, t.overall[c.id] ?? null]);
    if (c.kind === 'rate') row.getCell(2).numFmt = RATE_FORMAT;
  }
  ws.addRow([]);
  for (const p of r.paragraphs) {
    ws.addRow([p.title]).getCell(1).font = { bold: true, size: 12 };
    const row = ws.addRow([p.text]);
    ws.mergeCells(row.number, 1, row.number, 5);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.min(409, 16 * Math.max(2, Math.ceil([...p.text].length / 48)));
  }
  let at = (ws.lastRow?.number ?? 0) + 1;
  for (const chart of charts) {
    const id = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
    const w = 640;
    const h = Math.round((chart.height / chart.width) * w);
    ws.addImage(id, { tl: { col: 0, row: at }, ext: { width: w, height: h } });
    at += Math.ceil(h / 20) + 1;
  }
}

function unitsSheet(wb: ExcelJS.Workbook, r: PeriodicReport): void {
  const ws = wb.addWorksheet('单位考核');
  const cols = [
    { header: '排名', width: 7 },
    { header: '承办单位', width: 30 },
    { header: '单位编码', width: 12 },
    { header: '派单量', width: 9 },
    ...r.columns.map((c) => ({ header: c.name, width: 13 })),
    { header: '得分', width: 9 },
    { header: `${r.period.previousLabel}排名`, width: 12 },
    { header: `${r.period.previousLabel}得分`, width: 12 },
    { header: '约谈', width: 7 },
  ];
  ws.columns = cols.map((c) => ({ width: c.width }));
  styleHeader(ws.addRow(cols.map((c) => c.header)));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  for (const u of r.units) {
    const row = ws.addRow([
      u.rank,
      u.unitName,
      u.unitCode,
      u.dispatched,
      ...r.columns.map((c) => u.values[c.id] ?? null),
      u.score,
      u.previousRank,
      u.previousScore,
      u.interview ? '约谈' : '',
    ]);
    r.columns.forEach((c, i) => {
      if (c.kind === 'rate') row.getCell(5 + i).numFmt = RATE_FORMAT;
    });
    const scoreAt = 5 + r.columns.length;
    row.getCell(scoreAt).numFmt = SCORE_FORMAT;
    row.getCell(scoreAt + 2).numFmt = SCORE_FORMAT;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
}

function countSection(ws: ExcelJS.Worksheet, title: string, rows: CountRow[], r: PeriodicReport): void {
  ws.addRow([title]).getCell(1).font = { bold: true, size: 12 };
  styleHeader(ws.addRow(['编码', '名称', r.period.label, r.period.previousLabel, '环比']));
  for (const c of rows) {
    const row = ws.addRow([c.key, c.label, c.count, c.previous, changeRatio(c.count, c.previous)]);
    row.getCell(5).numFmt = CHANGE_FORMAT;
  }
  ws.addRow([]);
}

function countsSheet(
  wb: ExcelJS.Workbook,
  name: string,
  sections: [string, CountRow[]][],
  r: PeriodicReport,
) {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 16 }, { width: 30 }, { width: 14 }, { width: 14 }, { width: 10 }];
  for (const [title, rows] of sections) countSection(ws, title, rows, r);
}

function hotTopicsSheet(wb: ExcelJS.Workbook, r: PeriodicReport): void {
  const ws = wb.addWorksheet('热点问题');
  ws.columns = [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 40 }];
  styleHeader(ws.addRow(['热点问题', r.period.label, r.period.previousLabel, '说明']));
  for (const h of r.hotTopics) ws.addRow([h.title, h.count, h.previous, h.note ?? '']);
  if (r.hotTopics.length === 0) ws.addRow(['（本期未识别出热点问题，见“问题分类”表中增长较多的分类）']);
}

/**
 * The report as a workbook: a summary sheet (key figures, the text, the charts), the units'
 * assessment table, the intake tables and hot topics. Figures are cell values: rates as the
 * assessment's fractions with the format 0.00%, scores with 0.00.
 */
export async function renderXlsx(r: PeriodicReport, charts: ReportChart[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CivicLine';
  wb.title = r.title;
  wb.created = new Date(r.asOf);
  summarySheet(wb, r, charts);
  unitsSheet(wb, r);
  countsSheet(
    wb,
    '受理情况',
    [
      ['按处置方式', r.totals.byDisposition],
      ['按受理渠道', r.totals.byChannel],
      ['按诉求类型', r.totals.byType],
    ],
    r,
  );
  countsSheet(
    wb,
    '问题分类',
    [
      ['一级分类', r.totals.byCategory],
      ['增长较多的二级分类', r.risingCategories],
    ],
    r,
  );
  hotTopicsSheet(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
