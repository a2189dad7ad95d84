import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { plainText } from '../../../common/plain-text';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { isAppError } from '../../platform/errors';
import {
  badRequest,
  formatOfUrl,
  Open311Error,
  sendOpen311,
  sendOpen311Error,
  splitFormat,
  type Open311Value,
} from './open311-format';
import { oneRequest, requestOfToken, searchRequests } from './query-requests';
import { attributesOf, findService, listServices } from './service-catalogue';
import { submitRequest, type Fields } from './submit-request';

/** Base path of the GeoReport v2 endpoints. */
export const OPEN311_BASE = '/open311/v2';

const readLimit = { rateLimit: { max: 600, timeWindow: '1 minute' } };
const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Form fields (`a=1&a=2`) or a JSON object, as one multimap; the query string's fields after them. */
function fieldsOf(req: FastifyRequest): Fields {
  const out: Fields = new Map();
  const add = (k: string, v: unknown) => {
    if (v === undefined || v === null) return;
    const values = Array.isArray(v) ? v.map(plainText) : [plainText(v)];
    out.set(k, [...(out.get(k) ?? []), ...values]);
  };
  const body = req.body;
  if (body instanceof URLSearchParams) for (const [k, v] of body) add(k, v);
  else if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) add(k, v);
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) add(k, v);
  return out;
}

function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? v.map(plainText).join(',') : plainText(v)]),
  );
}

const headerKey = (req: FastifyRequest) => {
  const h = req.headers['x-api-key'];
  return Array.isArray(h) ? h[0] : h;
};

const list = (root: string, item: string) => ({ root, item });

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2: services from the category
 * tree, service definitions, POST requests with an `open311` API key, the public searches, tokens.
 * Every answer is JSON or XML by the resource's suffix; every error the spec's error list.
 */
export function open311Routes(ctx: AppContext): FastifyPluginAsyncZod {
  const v2: FastifyPluginAsync = async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) =>
        done(null, new URLSearchParams(typeof body === 'string' ? body : body.toString())),
    );

    app.setErrorHandler((err, req, reply) => {
      const format = formatOfUrl(req.url);
      if (err instanceof Open311Error) return sendOpen311Error(reply, format, err);
      if (isAppError(err) && err.code === 'RATE_LIMITED') {
        return sendOpen311Error(
          reply,
          format,
          new Open311Error(429, '请求过于频繁，请稍后再试（rate limited）'),
        );
      }
      const status = (err as { statusCode?: number }).statusCode;
      if (isAppError(err) ? err.status < 500 : status !== undefined && status >= 400 && status < 500) {
        return sendOpen311Error(
          reply,
          format,
          badRequest((err as Error).message || '请求格式不正确（bad request）'),
        );
      }
      req.log.error({ err, req }, 'open311 error');
      return sendOpen311Error(
        reply,
        format,
        new Open311Error(500, '服务器内部错误，请稍后重试（internal error）'),
      );
    });
    app.setNotFoundHandler((req, reply: FastifyReply) =>
      sendOpen311Error(reply, formatOfUrl(req.url), new Open311Error(404, '资源不存在（not found）')),
    );

    const notFound = () => new Open311Error(404, '资源不存在（not found）');

    app.get<{ Params: { file: string } }>(
      '/:file',
      {
        config: readLimit,
        schema: { tags: ['open311'], summary: 'GeoReport v2: services.{format} / requests.{format}' },
      },
      async (req, reply) => {
        const { name, format } = splitFormat(req.params.file);
        if (name === 'services') {
          const services = await listServices(ctx.db);
          return sendOpen311(
            reply,
            format,
            200,
            services as unknown as Open311Value,
            list('services', 'service'),
          );
        }
        if (name === 'requests') {
          const found = await searchRequests(ctx, queryOf(req));
          return sendOpen311(reply, format, 200, found, list('service_requests', 'request'));
        }
        throw notFound();
      },
    );

    app.post<{ Params: { file: string } }>(
      '/:file',
      {
        config: writeLimit,
        schema: {
          tags: ['open311'],
          summary: 'GeoReport v2: POST requests.{format} (form-encoded, api_key)',
        },
      },
      async (req, reply) => {
        const { name, format } = splitFormat(req.params.file);
        if (name !== 'requests') throw notFound();
        const created = await submitRequest(ctx, fieldsOf(req), headerKey(req));
        return sendOpen311(reply, format, 201, [{ ...created }], list('service_requests', 'request'));
      },
    );

    app.get<{ Params: { file: string } }>(
      '/services/:file',
      { config: readLimit, schema: { tags: ['open311'], summary: 'GeoReport v2: service definition' } },
      async (req, reply) => {
        const { name, format } = splitFormat(req.params.file);
        const service = await findService(ctx.db, name);
        if (!service) throw new Open311Error(404, `service_code ${name} 不存在（service_code not found）`);
        const attributes = attributesOf(service.service_code).map((a) => ({
          variable: a.variable,
          code: a.code,
          datatype: a.datatype,
          required: a.required,
          datatype_description: a.datatype_description,
          order: a.order,
          description: a.description,
          ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
        }));
        const body = { service_code: service.service_code, attributes };
        // XML: <attributes><attribute>…<values><value><key/><name/></value></values></attribute></attributes>
        const xmlBody = {
          service_code: service.service_code,
          attributes: {
            attribute: attributes.map((a) => ({
              ...a,
              ...(a.values ? { values: { value: a.values } } : {}),
            })),
          },
        };
        return sendOpen311(reply, format, 200, format === 'json' ? body : xmlBody, {
          root: 'service_definition',
        });
      },
    );

    // One service request, by its id or by the token its submission answered.
    const lookups = [
      { path: '/requests/:file', summary: 'GeoReport v2: one service request', find: oneRequest },
      { path: '/tokens/:file', summary: 'GeoReport v2: request id from a token', find: requestOfToken },
    ];
    for (const { path, summary, find } of lookups) {
      app.get<{ Params: { file: string } }>(
        path,
        { config: readLimit, schema: { tags: ['open311'], summary } },
        async (req, reply) => {
          const { name, format } = splitFormat(req.params.file);
          return sendOpen311(reply, format, 200, await find(ctx, name), list('service_requests', 'request'));
        },
      );
    }
  };
  return async (app) => {
    await app.register(v2, { prefix: OPEN311_BASE });
  };
}
