import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import type { BriefReport } from './brief-report';
import { body, centered, docStyles, heading, table, titleParagraph } from './docx-kit';
import { centeredLine, createPdf, drawTable, heading as pdfHeading, paragraph, title } from './pdf-kit';
import type { TextTable } from './report-tables';

function ordersTable(b: BriefReport): TextTable {
  return {
    title: `${b.kindLabel}工单明细（共${b.orders.length}件）`,
    columns: [
      { title: '序号', width: 6 },
      { title: '工单编号', width: 15 },
      { title: '受理日期', width: 11 },
      { title: '问题分类', width: 12 },
      { title: '承办单位', width: 14 },
      { title: '状态', width: 9 },
      { title: '诉求摘要', width: 33, align: 'left' },
    ],
    rows: b.orders.map((o, i) => [
      String(i + 1),
      o.ticketNo,
      o.date,
      o.category,
      o.unit,
      o.status,
      o.summary,
    ]),
  };
}

const masthead = (b: BriefReport) => `12345政务服务便民热线${b.kindLabel}`;
const issuer = (b: BriefReport) => `12345政务服务便民热线中心　${b.date}`;

/** 专报/简报 as a Word document: the red masthead, the title, the summary and the orders. */
export async function renderBriefDocx(b: BriefReport): Promise<Buffer> {
  const t = ordersTable(b);
  const doc = new Document({
    creator: 'CivicLine',
    title: b.title,
    styles: docStyles,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1304, right: 1304 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: masthead(b), font: '宋体', size: 52, bold: true, color: 'C00000' }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 4 } },
            spacing: { after: 240 },
            children: [new TextRun({ text: issuer(b), size: 24 })],
          }),
          titleParagraph(b.title),
          heading('一、基本情况'),
          ...body(b.summary),
          heading('二、工单明细'),
          centered(t.title, 22),
          table(t.columns, t.rows),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same 专报/简报 as PDF. */
export async function renderBriefPdf(b: BriefReport, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done } = await createPdf({ title: b.title, ...opts });
  doc.fontSize(22).fillColor('#c00000').text(masthead(b), { align: 'center' });
  centeredLine(doc, issuer(b), 11);
  const y = doc.y + 4;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(1.5)
    .stroke('#c00000');
  doc.y = y + 12;
  doc.lineWidth(0.5);
  title(doc, b.title);
  pdfHeading(doc, '一、基本情况');
  paragraph(doc, b.summary);
  pdfHeading(doc, '二、工单明细');
  drawTable(doc, ordersTable(b));
  doc.end();
  return done;
}
