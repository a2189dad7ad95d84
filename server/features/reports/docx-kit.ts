import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import type { ReportChart } from './report-charts';

/**
 * Building blocks of the Word documents (periodic report, 专报/简报): the usual faces of a
 * government document — 黑体 headings, 仿宋 body text — with fallbacks Word substitutes.
 */
export const BODY_FONT = '仿宋';
export const HEADING_FONT = '黑体';
export const TITLE_FONT = '宋体';

export const docStyles: IStylesOptions = {
  default: {
    document: { run: { font: BODY_FONT, size: 28 }, paragraph: { spacing: { line: 360 } } },
    heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' } },
    heading2: { run: { font: HEADING_FONT, size: 30, bold: false, color: '000000' } },
  },
};

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: TITLE_FONT, size: 40, bold: true })],
  });
}

export function centered(text: string, size = 24): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size })] });
}

export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: HEADING_FONT })],
  });
}

/** A body paragraph with a two-character first-line indent; one per line of `text`. */
export function body(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map(
      (line) =>
        new Paragraph({
          indent: { firstLine: 560 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: line.trim() })],
        }),
    );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, opts: { head?: boolean; width: number; align?: 'left' | 'center' | 'right' }) {
  const alignment =
    opts.align === 'right'
      ? AlignmentType.RIGHT
      : opts.align === 'left'
        ? AlignmentType.LEFT
        : AlignmentType.CENTER;
  return new TableCell({
    borders,
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    ...(opts.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment,
        spacing: { line: 260 },
        children: [
          new TextRun({ text, size: 20, bold: !!opts.head, font: opts.head ? HEADING_FONT : '宋体' }),
        ],
      }),
    ],
  });
}

export interface TableColumn {
  title: string;
  /** Share of the table width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A simple bordered table: a shaded header row repeated on each page, then text cells. */
export function table(columns: TableColumn[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.title, { head: true, width: c.width })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell(r[i] ?? '', { width: c.width, align: c.align ?? 'center' })),
          }),
      ),
    ],
  });
}

/** A chart as an inline PNG, 15 cm wide. */
export function chartParagraph(chart: ReportChart): Paragraph {
  const width = 567;
  const height = Math.round((chart.height / chart.width) * width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width, height },
        altText: { name: chart.key, title: chart.title, description: chart.title },
      }),
    ],
  });
}
