import PDFDocument from 'pdfkit';
import { cjkFontBytes } from './cjk-font';
import type { ReportChart } from './report-charts';
import type { TextTable } from './report-tables';

/**
 * Building blocks of the PDF documents: pdfkit with the embedded CJK font (a subset with its
 * ToUnicode map, so every figure stays extractable text), simple ruled tables that continue on
 * the next page with their header, charts as PNG.
 */
export type Pdf = PDFKit.PDFDocument;

const FONT = 'cjk';
const MARGIN = 50;

export async function createPdf(info: {
  title: string;
  compress?: boolean;
}): Promise<{ doc: Pdf; done: Promise<Buffer> }> {
  const font = await cjkFontBytes();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: info.compress ?? true,
    info: { Title: info.title, Creator: 'CivicLine' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, font);
  doc.font(FONT);
  return { doc, done };
}

const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page unless `height` still fits on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function title(doc: Pdf, text: string): void {
  doc.fontSize(18).fillColor('#000000').text(text, { align: 'center' });
  doc.moveDown(0.5);
}

export function centeredLine(doc: Pdf, text: string, size = 10): void {
  doc.fontSize(size).fillColor('#333333').text(text, { align: 'center' });
  doc.fillColor('#000000');
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.fontSize(14).fillColor('#000000').text(text, doc.page.margins.left);
  doc.moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string): void {
  for (const line of text.split(/\n+/).filter((l) => l.trim())) {
    doc
      .fontSize(11)
      .fillColor('#000000')
      .text(line.trim(), doc.page.margins.left, doc.y, { indent: 22, lineGap: 4, align: 'left' });
    doc.moveDown(0.3);
  }
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], size: number): number {
  doc.fontSize(size);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 40) - 8 }))) + 8;
}

function drawRow(doc: Pdf, t: TextTable, cells: string[], widths: number[], head: boolean): void {
  const size = 9;
  const h = rowHeight(doc, cells, widths, size);
  if (doc.y + h > bottom(doc)) {
    doc.addPage();
    if (!head) drawHeader(doc, t, widths);
  }
  const y = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((c, i) => {
    const w = widths[i] ?? 40;
    if (head) doc.rect(x, y, w, h).fillAndStroke('#d9e2f3', '#808080');
    else doc.rect(x, y, w, h).stroke('#808080');
    const align = head ? 'center' : (t.columns[i]?.align ?? 'center');
    doc
      .fillColor('#000000')
      .fontSize(size)
      .text(c, x + 4, y + 4, { width: w - 8, align, lineBreak: true });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + h;
}

function drawHeader(doc: Pdf, t: TextTable, widths: number[]): void {
  drawRow(
    doc,
    t,
    t.columns.map((c) => c.title),
    widths,
    true,
  );
}

/** A ruled table with its caption; the header row is repeated after a page break. */
export function drawTable(doc: Pdf, t: TextTable): void {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * contentWidth(doc));
  ensureSpace(doc, 60);
  doc.moveDown(0.4);
  doc.fontSize(10).text(t.title, doc.page.margins.left, doc.y, { align: 'center', width: contentWidth(doc) });
  doc.moveDown(0.2);
  doc.lineWidth(0.5);
  drawHeader(doc, t, widths);
  for (const r of t.rows) drawRow(doc, t, r, widths, false);
  doc.moveDown(0.6);
}

/** A chart image across the text width. */
export function drawChart(doc: Pdf, c: ReportChart): void {
  const w = contentWidth(doc);
  const h = (c.height / c.width) * w;
  ensureSpace(doc, h + 10);
  doc.image(c.png, doc.page.margins.left, doc.y, { width: w, height: h });
  doc.y += h + 10;
  doc.x = doc.page.margins.left;
}
