import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { kbArticleRoutes } from './kb-articles.routes';
import { kbReviewRoutes } from './kb-review.routes';
import { kbSearchRoutes } from './kb-search.routes';
import { kbSynonymRoutes } from './kb-synonyms.routes';

/** Knowledge base (知识库): /api/kb/* and the public /api/public/kb/*. */
export function kbRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(kbArticleRoutes(ctx));
    await app.register(kbSearchRoutes(ctx));
    await app.register(kbReviewRoutes(ctx));
    await app.register(kbSynonymRoutes(ctx));
  };
}
