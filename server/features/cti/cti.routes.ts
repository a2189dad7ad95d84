import type pg from 'pg';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callDetail as callDetailContract,
  callIdParam,
  callEventAccepted,
  callEventBody,
  callFigures as callFiguresContract,
  callFiguresQuery,
  orderCall as orderCallContract,
  streamTicket,
} from '../../../common/contracts/cti';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { idParam, requireUser } from '../../platform/http';
import { requireApiKey } from '../api-keys/authenticate-api-key';
import { callDetail } from './call-detail';
import { callFigures } from './call-figures';
import { createCallPopHub } from './call-pop-hub';
import { createStreamRegistry, issueStreamTicket, openCallStream } from './call-stream';
import { recordCallEvent } from './record-call-event';
import { orderCall } from './order-call';

/**
 * The telephone system (CTI): call events from the exchange (`cti` keys), call figures, the
 * screen-pop stream of agents and the call an order was taken on. `openSession`: a PostgreSQL
 * session for LISTEN, so pops reach agents connected to other server processes.
 */
export function ctiRoutes(ctx: AppContext, openSession?: () => pg.Client): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = createCallPopHub(ctx, openSession);
    const streams = createStreamRegistry();
    app.addHook('preClose', async () => streams.endAll());
    app.addHook('onClose', async () => hub.close());

    app.post(
      '/api/cti/events',
      {
        config: { apiKeyScopes: ['cti'] },
        // A malformed event is logged before it is refused (the exchange's operators read the log).
        attachValidation: true,
        schema: {
          tags: ['cti'],
          summary: '话务事件 A telephony event from the telephone system (X-API-Key with scope cti)',
          description:
            'Idempotent per (callId, type): a repeated event answers stored=false. Events may come in any order; an unknown call is created by its first event. A first answered event naming an agent (username) pops the intake desk in that agent’s browser. Malformed: 400 VALIDATION_FAILED, logged, nothing stored.',
          body: callEventBody,
          response: { 200: callEventAccepted },
        },
      },
      async (req) => {
        const key = requireApiKey(req, 'cti');
        if (req.validationError) {
          const problems = (
            req.validationError as { validation?: { instancePath?: string; message?: string }[] }
          ).validation;
          const details = (problems ?? []).map((v) => ({
            path: v.instancePath || '/',
            message: v.message,
          }));
          req.log.warn({ apiKeyId: key.id, details }, 'malformed telephony event refused');
          throw new AppError('VALIDATION_FAILED', '话务事件格式不正确', details);
        }
        return recordCallEvent(ctx, hub, req.body);
      },
    );

    app.get(
      '/api/stats/calls',
      {
        schema: {
          tags: ['cti'],
          summary: '话务统计 Call figures of calls offered in [from, to)',
          description:
            'connectionRate = answered / offered; within10sRate = answeredWithin10s / offered (answered at most 10 s after being offered); averageWaitSeconds = mean(answered − offered) over answered calls. Rates and means over nothing are null. byHour: hours of day 0-23 and byDay: days, both in Beijing time. Center roles and leaders only.',
          querystring: callFiguresQuery,
          response: { 200: callFiguresContract },
        },
      },
      async (req) => callFigures(ctx, requireUser(req), req.query),
    );

    app.post(
      '/api/cti/stream-ticket',
      {
        schema: {
          tags: ['cti'],
          summary: '弹屏推送凭证 A one-time ticket (1 minute) that opens the screen-pop stream',
          response: { 200: streamTicket },
        },
      },
      async (req) => issueStreamTicket(ctx, requireUser(req)),
    );

    app.get(
      '/api/cti/stream',
      {
        schema: {
          tags: ['cti'],
          summary: '弹屏推送 Server-sent events: `pop` when the signed-in agent answers a call',
          description:
            'Opened with ?ticket= from POST /api/cti/stream-ticket (used once). Events: `pop` {callId, caller, queue, answeredAt}; a comment every 20 s keeps the connection.',
          querystring: z.object({ ticket: z.string().max(200).optional() }),
        },
      },
      async (req, reply) => openCallStream(ctx, hub, streams, req, reply, req.query.ticket ?? ''),
    );

    app.get(
      '/api/cti/calls/:callId',
      {
        schema: {
          tags: ['cti'],
          summary: '呼叫详情 A call with its events (in time order) and the orders taken on it',
          params: callIdParam,
          response: { 200: callDetailContract },
        },
      },
      async (req) => callDetail(ctx, requireUser(req), req.params.callId),
    );

    app.get(
      '/api/tickets/:id/call',
      {
        schema: {
          tags: ['cti'],
          summary: '工单来电 The call the order was taken on (the caller as the order shows them)',
          params: idParam,
          response: { 200: orderCallContract },
        },
      },
      async (req) => orderCall(ctx, requireUser(req), req.params.id),
    );
  };
}
