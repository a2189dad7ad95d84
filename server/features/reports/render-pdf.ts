import type { PeriodicReport } from '../../../common/contracts/reports';
import {
  centeredLine,
  createPdf,
  drawChart,
  drawTable,
  heading,
  paragraph,
  title,
  type Pdf,
} from './pdf-kit';
import type { ReportChart } from './report-charts';
import { hotspotTables, intakeTables, keyFigures, unitTable } from './report-tables';

function after(doc: Pdf, key: string, r: PeriodicReport, charts: Map<string, ReportChart>): void {
  const chart = (k: string) => {
    const c = charts.get(k);
    if (c) drawChart(doc, c);
  };
  switch (key) {
    case 'overview':
      for (const t of intakeTables(r)) drawTable(doc, t);
      chart('channels');
      return;
    case 'assessment':
      if (r.units.length) {
        drawTable(doc, unitTable(r));
        chart('scores');
      }
      return;
    case 'hotspots':
      for (const t of hotspotTables(r)) drawTable(doc, t);
      chart('categories');
      return;
    default:
      return;
  }
}

/**
 * The report as PDF (A4, Noto Sans SC embedded): the same sections, tables and charts as the
 * Word document. `compress: false` leaves the page streams readable (tests).
 */
export async function renderPdf(
  r: PeriodicReport,
  charts: ReportChart[],
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const { doc, done } = await createPdf({ title: r.title, ...opts });
  const byKey = new Map(charts.map((c) => [c.key, c]));
  title(doc, r.title);
  centeredLine(doc, `考核方案：${r.scheme.name}　数据截至：${r.asOf.slice(0, 10)}`);
  doc.moveDown(0.8);
  paragraph(doc, keyFigures(r));
  for (const p of r.paragraphs) {
    heading(doc, p.title);
    paragraph(doc, p.text);
    after(doc, p.key, r, byKey);
  }
  doc.end();
  return done;
}
