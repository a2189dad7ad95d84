import { useMutation, useQuery } from '@tanstack/react-query';
import {
  periodicReport,
  type BriefReportInput,
  type PeriodicReportRequest,
} from '../../../common/contracts/reports';
import { apiDownload, apiParsed } from './client';

/** The periodic report as data, for the screen (GET /api/reports/periodic/preview). */
export function usePeriodicReport(period: string, scheme: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'periodic', period, scheme],
    queryFn: ({ signal }) =>
      apiParsed(periodicReport, '/api/reports/periodic/preview', { query: { period, scheme }, signal }),
    enabled: !!scheme,
    staleTime: 60_000,
  });
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the periodic report as docx, xlsx or pdf, with the paragraphs as edited. */
export function useDownloadPeriodicReport() {
  return useMutation({
    mutationFn: async (body: PeriodicReportRequest) => {
      const { blob, fileName } = await apiDownload(
        '/api/reports/periodic',
        body,
        `periodic-report-${body.period}.${body.format}`,
      );
      save(blob, fileName);
      return fileName;
    },
  });
}

/** Downloads a 专报/简报 on the chosen orders. */
export function useDownloadBriefReport() {
  return useMutation({
    mutationFn: async (body: BriefReportInput) => {
      const { blob, fileName } = await apiDownload(
        '/api/reports/brief',
        body,
        `${body.kind}-report.${body.format}`,
      );
      save(blob, fileName);
      return fileName;
    },
  });
}
