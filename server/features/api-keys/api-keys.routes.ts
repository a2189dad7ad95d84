import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyList, createApiKeyBody, createdApiKey } from '../../../common/contracts/api-keys';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { createApiKey, findApiKeys, revokeKey } from './api-keys';

/** API keys (接口密钥) of the open platform: administrators only. */
export function apiKeyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/api-keys',
      {
        schema: {
          tags: ['api-keys'],
          summary: '创建接口密钥 Create an API key (shown once; stored hashed)',
          description:
            'scopes: open311, unit (needs unitId: the key acts as a handler of that unit), cti, exchange. Send the key as header X-API-Key; unknown or revoked: 401 API_KEY_INVALID; a route its scopes do not reach: 403 API_KEY_SCOPE.',
          body: createApiKeyBody,
          response: { 201: createdApiKey },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createApiKey(ctx, requireUser(req), req.body, req.ip)),
    );

    app.get(
      '/api/admin/api-keys',
      {
        schema: {
          tags: ['api-keys'],
          summary: '接口密钥列表 API keys without the key: scopes, unit, created, last used, revoked',
          response: { 200: apiKeyList },
        },
      },
      async (req) => findApiKeys(ctx, requireUser(req)),
    );

    app.delete(
      '/api/admin/api-keys/:id',
      {
        schema: { tags: ['api-keys'], summary: '吊销接口密钥 Revoke an API key', params: idParam },
      },
      async (req, reply) => {
        await revokeKey(ctx, requireUser(req), req.params.id, req.ip);
        return reply.status(204).send();
      },
    );
  };
}
