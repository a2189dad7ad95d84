import {
  reportContentTypes,
  type PeriodicReport,
  type ReportFormat,
  type ReportParagraph,
} from '../../../common/contracts/reports';
import type { AppContext } from '../../platform/context';
import type { AssessmentScope } from '../assessment/assessment-scope';
import { buildPeriodicReport } from './periodic-report';
import { renderReportCharts } from './report-charts';

export interface ReportFile {
  /** Chinese file name, e.g. 2026年3月12345热线运行分析报告.docx. */
  fileName: string;
  /** ASCII fallback for old clients, e.g. periodic-report-2026-03.docx. */
  asciiName: string;
  contentType: string;
  bytes: Buffer;
}

/** Renders a report model in one format, charts drawn on the server. */
export async function renderPeriodicReport(
  report: PeriodicReport,
  format: ReportFormat,
  opts: { compress?: boolean } = {},
): Promise<ReportFile> {
  const charts = await renderReportCharts(report);
  let bytes: Buffer;
  switch (format) {
    case 'docx':
      bytes = await (await import('./render-docx')).renderDocx(report, charts);
      break;
    case 'xlsx':
      bytes = await (await import('./render-xlsx')).renderXlsx(report, charts);
      break;
    case 'pdf':
      bytes = await (await import('./render-pdf')).renderPdf(report, charts, opts);
      break;
  }
  return {
    fileName: `${report.title}.${format}`,
    asciiName: `periodic-report-${report.period.id}.${format}`,
    contentType: reportContentTypes[format],
    bytes,
  };
}

/**
 * The text as edited: a paragraph replaces the generated one of the same key (its tables and
 * charts stay with it), a paragraph of a new key follows the generated ones.
 */
export function mergeParagraphs(generated: ReportParagraph[], edited: ReportParagraph[]): ReportParagraph[] {
  const byKey = new Map(edited.map((p) => [p.key, p]));
  const known = new Set(generated.map((p) => p.key));
  return [...generated.map((p) => byKey.get(p.key) ?? p), ...edited.filter((p) => !known.has(p.key))];
}

/**
 * `POST /api/reports/periodic` and `civicline report periodic`: the report of a period as a
 * docx, xlsx or pdf file, with the paragraphs as edited when given.
 */
export async function generatePeriodicReport(
  ctx: AppContext,
  input: {
    period: string;
    format: ReportFormat;
    scheme?: string | undefined;
    paragraphs?: ReportParagraph[] | undefined;
    scope?: AssessmentScope;
    asOf?: Date;
    compress?: boolean;
  },
): Promise<ReportFile & { report: PeriodicReport }> {
  const report = await buildPeriodicReport(ctx, input.period, input.scheme, {
    ...(input.scope ? { scope: input.scope } : {}),
    ...(input.asOf ? { asOf: input.asOf } : {}),
  });
  if (input.paragraphs) report.paragraphs = mergeParagraphs(report.paragraphs, input.paragraphs);
  const file = await renderPeriodicReport(
    report,
    input.format,
    input.compress === undefined ? {} : { compress: input.compress },
  );
  return { ...file, report };
}
