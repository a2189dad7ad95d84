import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  briefReportRequest,
  periodicReport,
  periodicReportQuery,
  periodicReportRequest,
} from '../../../common/contracts/reports';
import type { Role } from '../../../common/enums';
import { reportContext, type AppContext } from '../../platform/context';
import { errorBody, requireRole } from '../../platform/http';
import { assessmentScope } from '../assessment/assessment-scope';
import { generateBriefReport } from './brief-report';
import { generatePeriodicReport, type ReportFile } from './generate-periodic-report';
import { buildPeriodicReport } from './periodic-report';
import { contentDisposition } from './report-format';

/** Who makes reports: the center's (or a district platform's) leaders, supervisors, administrators. */
export const reportRoles: readonly Role[] = ['leader', 'supervisor', 'admin'];

function sendFile(reply: FastifyReply, f: ReportFile) {
  return reply
    .header('Content-Type', f.contentType)
    .header('Content-Disposition', contentDisposition(f.fileName, f.asciiName))
    .header('Cache-Control', 'no-store')
    .send(f.bytes);
}

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/**
 * 报表分析: the periodic analysis report (preview as JSON, download as docx/xlsx/pdf) and
 * 专报/简报 on chosen orders. The periodic report reads like the assessment (from the replica
 * when one is configured); a 专报 reads orders as their detail does (scope, masking, audit).
 */
export function reportRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const readCtx = reportContext(appCtx);
  return async (app) => {
    app.get(
      '/api/reports/periodic/preview',
      {
        schema: {
          tags: ['reports'],
          summary:
            '运行分析报告预览 The periodic report as data: figures, rankings, hot topics, generated text',
          description:
            'period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; scheme: an assessment scheme (default: the active profile’s). The units’ figures are those of GET /api/assessment for the same scheme and period.',
          querystring: periodicReportQuery,
          response: { 200: periodicReport, ...errors },
        },
      },
      async (req) => {
        const user = requireRole(req, ...reportRoles);
        const scope = await assessmentScope(readCtx.db, user);
        return buildPeriodicReport(readCtx, req.query.period, req.query.scheme, { scope });
      },
    );

    app.post(
      '/api/reports/periodic',
      {
        schema: {
          tags: ['reports'],
          summary: '运行分析报告 The periodic report as a docx, xlsx or pdf file',
          description:
            'paragraphs: the text as edited on the screen (replaces the generated paragraphs). Answers the file with Content-Disposition (UTF-8 file name per RFC 5987).',
          body: periodicReportRequest,
          response: errors,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, ...reportRoles);
        const scope = await assessmentScope(readCtx.db, user);
        const file = await generatePeriodicReport(readCtx, { ...req.body, scope });
        return sendFile(reply, file);
      },
    );

    app.post(
      '/api/reports/brief',
      {
        schema: {
          tags: ['reports'],
          summary: '专报/简报 A special report or brief on chosen orders, as docx or pdf',
          description:
            'ticketIds and/or ticketNos (at most 200), title, kind special|brief, format docx|pdf, optional summary. Each order as the requester may see it: orders out of scope are 404, caller data masked.',
          body: briefReportRequest,
          response: errors,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, ...reportRoles);
        return sendFile(reply, await generateBriefReport(appCtx, user, req.body));
      },
    );
  };
}
