import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exchangeOrderAccepted,
  exchangeOrderBody,
  exchangeStatusAccepted,
  exchangeStatusBody,
  unitExchangeBody,
} from '../../../common/contracts/webhooks';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { requireApiKey } from '../api-keys/authenticate-api-key';
import { receiveExchangeOrder } from './receive-order';
import { receiveExchangeStatus } from './receive-status';
import { configureUnitExchange, findUnitExchange } from './unit-exchange';

const unitExchangeDto = z.object({
  unitId: z.number(),
  endpoint: z.string().nullable(),
  hasApiKey: z.boolean(),
});

/** The exchange between installations (平台间交换): keys of scope `exchange` only. */
export function exchangeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/exchange/orders',
      {
        config: { apiKeyScopes: ['exchange'] },
        schema: {
          tags: ['exchange'],
          summary: '接收上级平台转办工单 An order forwarded by the city installation or the province',
          description:
            'X-API-Key with scope exchange. Creates a local order waiting for dispatch (channel hotline-12345, or province with the provincial limits of zibo-12345 §11(4),(6)); externalNo is the sender’s order number. Idempotent on externalNo: 200 with created=false for a repeat, 201 for a new order.',
          body: exchangeOrderBody,
          response: { 200: exchangeOrderAccepted, 201: exchangeOrderAccepted },
        },
      },
      async (req, reply) => {
        const key = requireApiKey(req, 'exchange');
        const r = await receiveExchangeOrder(ctx, key, req.body);
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );

    app.post(
      '/api/exchange/orders/:externalNo/status',
      {
        config: { apiKeyScopes: ['exchange'] },
        schema: {
          tags: ['exchange'],
          summary: '接收下级平台进展 A status change of a forwarded order, reported back',
          description:
            'X-API-Key with scopes exchange and unit (bound to the remote unit). Recorded on the order as 下级平台进展; action accept signs for the order and reply replies as the unit. A repeated X-CivicLine-Delivery is answered with duplicate=true and no effect.',
          params: z.object({ externalNo: z.string().min(1).max(64) }),
          body: exchangeStatusBody,
          response: { 200: exchangeStatusAccepted },
        },
      },
      async (req) => {
        const key = requireApiKey(req, 'exchange');
        const delivery = req.headers['x-civicline-delivery'];
        return receiveExchangeStatus(
          ctx,
          key,
          req.params.externalNo,
          typeof delivery === 'string' && delivery.length <= 100 ? delivery : undefined,
          req.body,
        );
      },
    );

    app.get(
      '/api/admin/units/:id/exchange',
      {
        schema: {
          tags: ['exchange'],
          summary: '下级平台设置 Whether a unit is another installation (its endpoint)',
          params: idParam,
          response: { 200: unitExchangeDto },
        },
      },
      async (req) => findUnitExchange(ctx, requireUser(req), req.params.id),
    );

    app.put(
      '/api/admin/units/:id/exchange',
      {
        schema: {
          tags: ['exchange'],
          summary: '设置下级平台 Mark a unit as another installation (endpoint + its exchange key)',
          description:
            'endpoint: the base URL of the other installation (null: an ordinary unit again); apiKey: the key of scope exchange it issued. Dispatching an order to the unit forwards it to POST {endpoint}/api/exchange/orders.',
          params: idParam,
          body: unitExchangeBody,
          response: { 200: unitExchangeDto },
        },
      },
      async (req) => configureUnitExchange(ctx, requireUser(req), req.params.id, req.body, req.ip),
    );
  };
}
