import { exchangeRoutes } from './features/exchange/exchange.routes';
import { webhookRoutes } from './features/webhooks/webhooks.routes';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type pg from 'pg';
import sjson from 'secure-json-parse';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { assessmentRoutes } from './features/assessment/assessment.routes';
import { statisticsRoutes } from './features/statistics/statistics.routes';
import { reportRoutes } from './features/reports/reports.routes';
import { trendsRoutes } from './features/trends/trends.routes';
import { authenticate } from './features/auth/authenticate';
import { authRoutes } from './features/auth/auth.routes';
import { backupRoutes } from './features/backup/backup.routes';
import { adminRoutes } from './features/admin/admin.routes';
import { apiKeyRoutes } from './features/api-keys/api-keys.routes';
import { admitApiKey, authenticateApiKey } from './features/api-keys/authenticate-api-key';
import { calendarRoutes } from './features/calendar/calendar.routes';
import { ctiRoutes } from './features/cti/cti.routes';
import { demoRoutes } from './features/demo/demo.routes';
import { healthRoutes } from './features/health/health.routes';
import { kbRoutes } from './features/kb/kb.routes';
import { similarRoutes } from './features/similar/similar.routes';
import { adminOrgRoutes } from './features/org/admin-org.routes';
import { orgRoutes } from './features/org/org.routes';
import { ticketRoutes } from './features/tickets/tickets.routes';
import { incidentRoutes } from './features/incidents/incidents.routes';
import { supervisionRoutes } from './features/supervision/supervision.routes';
import { enterpriseRoutes } from './features/enterprises/enterprises.routes';
import { serviceNumberRoutes } from './features/service-numbers/service-numbers.routes';
import { volunteerRoutes } from './features/volunteers/volunteers.routes';
import { notificationRoutes } from './features/notifications/notifications.routes';
import { messageRoutes } from './features/messages/messages.routes';
import { classifyRoutes } from './features/classify/classify.routes';
import { attachmentRoutes } from './features/attachments/attachments.routes';
import { portalRoutes } from './features/portal/portal.routes';
import { open311Routes } from './features/open311/open311.routes';
import { exportRoutes } from './features/exports/exports.routes';
import { tick } from './jobs/sla-sweep';
import type { AppContext } from './platform/context';
import { AppError, isAppError } from './platform/errors';
import { sendError } from './platform/http';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Route plugins of every feature, in registration order. */
export type RoutePlugin = (ctx: AppContext) => FastifyPluginAsyncZod;
const featureRoutes: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  orgRoutes,
  ticketRoutes,
  (ctx) => adminRoutes(ctx, tick),
  adminOrgRoutes,
  calendarRoutes,
  kbRoutes,
  assessmentRoutes,
  statisticsRoutes,
  reportRoutes,
  trendsRoutes,
  backupRoutes,
  incidentRoutes,
  supervisionRoutes,
  enterpriseRoutes,
  serviceNumberRoutes,
  volunteerRoutes,
  apiKeyRoutes,
  webhookRoutes,
  exchangeRoutes,
  notificationRoutes,
  messageRoutes,
  similarRoutes,
  classifyRoutes,
  attachmentRoutes,
  portalRoutes,
  open311Routes,
  exportRoutes,
  demoRoutes,
];

export interface BuildAppOptions {
  /** Extra route plugins (features mounted by the composition root). */
  routes?: RoutePlugin[];
  serveWeb?: boolean;
  /** PostgreSQL: a session outside the pool for LISTEN (screen pops across server processes). */
  listenSession?: () => pg.Client;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    // Request lines come from the hook below: every request with the access log, else slow ones.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // A client that sends its request slowly is cut off (408) instead of holding a connection.
    requestTimeout: ctx.env.CIVICLINE_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: 5_000,
    // X-Forwarded-For is believed only from the configured reverse proxies (CIVICLINE_TRUST_PROXY).
    trustProxy: ctx.env.CIVICLINE_TRUST_PROXY.length > 0 ? ctx.env.CIVICLINE_TRUST_PROXY : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  app.decorateRequest('apiKey', null);
  // An empty JSON body counts as {} (clients often send the header without a body).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    // PostgreSQL text cannot hold NUL; refuse it at the edge instead of failing in the database.
    if (text.includes('\\u0000') || text.includes('\u0000')) {
      return done(new AppError('VALIDATION_FAILED', '提交的内容包含非法字符'), undefined);
    }
    try {
      done(
        null,
        sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as unknown,
      );
    } catch {
      done(new AppError('BAD_REQUEST', '请求体不是合法的 JSON'), undefined);
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'CivicLine API', description: '政务服务便民热线平台接口', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Security headers: CSP (antd's CSS-in-JS needs inline styles), no framing, no sniffing.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  // Rate limits only where a route asks for one (sign-in) and on public, unauthenticated routes.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/public/') && !route.config?.rateLimit) {
      route.config = {
        ...route.config,
        rateLimit: { max: 120, timeWindow: '1 minute' },
      };
    }
  });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: () => new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });

  // Uploads (attachments): parsed by the routes that take them, one file at a time (read-upload.ts).
  await app.register(fastifyMultipart, {
    limits: { fileSize: Math.round(ctx.env.CIVICLINE_ATTACHMENT_MAX_MB * 1024 * 1024), files: 1 },
  });

  /** Routes that answer without a session; everything else under /api needs one. */
  // Streams check their own one-time ticket (EventSource cannot send headers).
  const openPaths = new Set([
    '/api/health',
    '/api/auth/login',
    '/api/openapi.json',
    '/api/cti/stream',
    '/api/notifications/stream',
  ]);
  const passwordRoutes = new Set(['/api/auth/password', '/api/auth/logout', '/api/me']);
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) {
      reply.header('Cache-Control', 'no-store');
      if (/%00|\u0000/i.test(req.url)) throw new AppError('VALIDATION_FAILED', '请求地址包含非法字符');
      const path = req.url.split('?')[0] ?? '';
      const apiKey = req.headers['x-api-key'];
      if (apiKey !== undefined) {
        // An API key reaches only the routes that accept one of its scopes (config.apiKeyScopes).
        req.apiKey = await authenticateApiKey(ctx, apiKey);
        if (!req.routeOptions.url || openPaths.has(path) || path.startsWith('/api/public/')) return;
        req.user = admitApiKey(req, req.apiKey);
        return;
      }
      req.user = await authenticate(ctx, req);
      if (!req.user && !openPaths.has(path) && !path.startsWith('/api/public/')) {
        throw new AppError('UNAUTHENTICATED', '请先登录');
      }
      if (req.user?.mustChangePassword && !passwordRoutes.has(req.url.split('?')[0] ?? '')) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
      }
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    const ms = reply.elapsedTime;
    if (ctx.env.CIVICLINE_ACCESS_LOG) {
      req.log.info({ req, res: { statusCode: reply.statusCode }, responseTime: ms }, 'request completed');
    } else if (ms >= ctx.env.CIVICLINE_SLOW_REQUEST_MS) {
      req.log.warn({ req, res: { statusCode: reply.statusCode }, responseTime: ms }, 'slow request');
    }
  });

  app.setErrorHandler((err, req, reply) => {
    if (isAppError(err)) return sendError(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: v.instancePath || '/',
        message: v.message,
      }));
      // The first problem in the clerk's language when the contract wrote one (it names the field).
      const first = details.find((d) => /[\u4e00-\u9fff]/.test(d.message ?? ''));
      const message = first?.message ? `提交的数据不符合要求：${first.message}` : '提交的数据不符合要求';
      return sendError(reply, new AppError('VALIDATION_FAILED', message, details));
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) return sendError(reply, new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大'));
    if (status && status >= 400 && status < 500) {
      return sendError(reply, new AppError('BAD_REQUEST', '请求格式不正确'));
    }
    req.log.error({ err, req }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
  });

  const cti: RoutePlugin = (c) => ctiRoutes(c, opts.listenSession);
  for (const plugin of [...featureRoutes, cti, ...(opts.routes ?? [])]) {
    await app.register(plugin(ctx));
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = (opts.serveWeb ?? true) && fs.existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && serveWeb && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, new AppError('NOT_FOUND', '请求的资源不存在'));
  });

  return app as unknown as FastifyInstance;
}
