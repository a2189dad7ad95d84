import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { errorBody, idParam, requireRole } from '../../platform/http';
import { changeSynonymGroup } from './change-synonyms';
import { listSynonymGroups } from './kb-synonym.repository';

const tags = ['knowledge base'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const managers = ['kb-editor', 'admin'] as const;

const groupBody = z.object({
  words: z.array(z.string().max(32)).min(2).max(32),
  note: z.string().max(200).nullish(),
});

const group = z.object({
  id: z.number().int(),
  words: z.array(z.string()),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.date(),
});

/** 同义词: the synonym list knowledge search expands queries with, kept by editors. */
export function kbSynonymRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/kb/synonyms',
      {
        schema: {
          tags,
          summary: '同义词表 The synonym groups used by knowledge search',
          response: { 200: z.object({ items: z.array(group) }), ...errors },
        },
      },
      async (req) => {
        requireRole(req, ...managers);
        return { items: await listSynonymGroups(ctx.db) };
      },
    );
    app.post(
      '/api/kb/synonyms',
      {
        schema: {
          tags,
          summary: '新增同义词组 Add a group (a word may belong to one group only: 409 CONFLICT)',
          body: groupBody,
          response: { 201: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await changeSynonymGroup(ctx, requireRole(req, ...managers), null, req.body);
        return reply.code(201).send(r);
      },
    );
    app.put(
      '/api/kb/synonyms/:id',
      {
        schema: {
          tags,
          summary: '修改同义词组 Replace a group’s words',
          params: idParam,
          body: groupBody,
          response: { 200: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (req) => changeSynonymGroup(ctx, requireRole(req, ...managers), req.params.id, req.body),
    );
    app.delete(
      '/api/kb/synonyms/:id',
      {
        schema: {
          tags,
          summary: '删除同义词组 Remove a group',
          params: idParam,
          response: { 200: z.object({ id: z.number().int() }), ...errors },
        },
      },
      async (req) => changeSynonymGroup(ctx, requireRole(req, ...managers), req.params.id, null),
    );
  };
}
