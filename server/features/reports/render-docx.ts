import { Document, Packer, Paragraph, type Table } from 'docx';
import type { PeriodicReport } from '../../../common/contracts/reports';
import type { ReportChart } from './report-charts';
import { body, centered, chartParagraph, docStyles, heading, table, titleParagraph } from './docx-kit';
import { hotspotTables, intakeTables, keyFigures, unitTable, type TextTable } from './report-tables';

const caption = (t: TextTable) => centered(t.title, 22);
const tableBlock = (t: TextTable): (Paragraph | Table)[] => [
  caption(t),
  table(t.columns, t.rows),
  new Paragraph({}),
];

/** The tables and charts that follow each generated paragraph. */
function after(key: string, r: PeriodicReport, charts: Map<string, ReportChart>): (Paragraph | Table)[] {
  const chart = (k: string) => {
    const c = charts.get(k);
    return c ? [chartParagraph(c)] : [];
  };
  switch (key) {
    case 'overview':
      return [...intakeTables(r).flatMap(tableBlock), ...chart('channels')];
    case 'assessment':
      return r.units.length ? [...tableBlock(unitTable(r)), ...chart('scores')] : [];
    case 'hotspots':
      return [...hotspotTables(r).flatMap(tableBlock), ...chart('categories')];
    default:
      return [];
  }
}

/**
 * The report as a Word document: title, the key figures, each paragraph (as generated or as
 * edited) under its heading with its tables and charts. Every figure is a text run ("98.50%").
 */
export async function renderDocx(r: PeriodicReport, charts: ReportChart[]): Promise<Buffer> {
  const byKey = new Map(charts.map((c) => [c.key, c]));
  const children: (Paragraph | Table)[] = [
    titleParagraph(r.title),
    centered(`考核方案：${r.scheme.name}　数据截至：${r.asOf.slice(0, 10)}`, 21),
    new Paragraph({}),
    ...body(keyFigures(r)),
  ];
  for (const p of r.paragraphs) {
    children.push(heading(p.title), ...body(p.text), ...after(p.key, r, byKey));
  }
  const doc = new Document({
    creator: 'CivicLine',
    title: r.title,
    description: `${r.period.label}运行分析报告`,
    styles: docStyles,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1304, right: 1304 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
