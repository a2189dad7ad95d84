import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiKeyScope } from '../../../common/contracts/api-keys';
import type { Role } from '../../../common/enums';
import { errorResponses, requireRole, requireUser, type SessionUser } from '../../platform/http';
import { exportFileName, sendXlsx, XLSX_NOTE, type XlsxSheet } from './xlsx-stream';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** A workbook whose file name depends on what was read (a scheme's or a unit's name). */
export interface XlsxBook {
  name: string;
  sheets: XlsxSheet[];
}

/** One `GET …/export.xlsx` route: the list's filters, its permission, the file name and the sheets. */
export interface XlsxRouteSpec<Q extends z.ZodType> {
  path: string;
  /** `导出… Excel: …` (OpenAPI summary). */
  summary: string;
  /** What follows the common note (rows, scope, masking). */
  description?: string;
  querystring?: Q;
  /** Roles allowed beyond signing in (the list's own check), refused with FORBIDDEN. */
  roles?: Role[];
  apiKeyScopes?: ApiKeyScope[];
  /** Error statuses beyond 400, 401 and 403 (404, 422). */
  errors?: (404 | 422)[];
  /** The file's base name (a timestamp is added); a build answering an `XlsxBook` names its own. */
  name?: string;
  build: (
    user: SessionUser,
    query: z.output<Q>,
  ) => Promise<XlsxSheet | XlsxSheet[] | XlsxBook> | XlsxSheet | XlsxSheet[] | XlsxBook;
}

/** Registers an export route; `now` stamps the file name in service time. */
export function xlsxRoute<Q extends z.ZodType>(app: App, now: () => Date, spec: XlsxRouteSpec<Q>): void {
  const schema = {
    tags: ['exports'],
    summary: spec.summary,
    description: spec.description ? `${XLSX_NOTE} ${spec.description}` : XLSX_NOTE,
    ...(spec.querystring ? { querystring: spec.querystring } : {}),
    response: errorResponses(400, 401, 403, ...(spec.errors ?? [])),
  };
  app.get(
    spec.path,
    { schema, ...(spec.apiKeyScopes ? { config: { apiKeyScopes: spec.apiKeyScopes } } : {}) },
    async (req, reply) => {
      const user = spec.roles ? requireRole(req, ...spec.roles) : requireUser(req);
      const out = await spec.build(user, req.query as z.output<Q>);
      const book: XlsxBook =
        'sheets' in out ? out : { name: spec.name ?? '导出', sheets: Array.isArray(out) ? out : [out] };
      return sendXlsx(reply, exportFileName(book.name, now()), book.sheets);
    },
  );
}
