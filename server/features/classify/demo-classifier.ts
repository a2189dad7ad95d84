import type { AppContext } from '../../platform/context';
import { isAppError } from '../../platform/errors';
import { trainFromHistory } from './train-model';

/**
 * The demo city's intake classifiers: the category model and the unit model trained on its own
 * closed orders, so the intake suggestions work on a fresh demo install. Too little history
 * (a demo with few or no orders) leaves that model untrained; intake works without it.
 */
export async function trainDemoClassifiers(ctx: AppContext): Promise<string[]> {
  const trained: string[] = [];
  for (const target of ['category', 'unit'] as const) {
    try {
      const m = await trainFromHistory(ctx.db, { target, now: ctx.clock.now() });
      trained.push(`${m.name} v${m.version}`);
      ctx.logger.info(
        { model: m.name, version: m.version, size: m.trainingSize, ms: m.millis },
        'demo intake classifier trained',
      );
    } catch (e) {
      if (!isAppError(e) || e.code !== 'UNPROCESSABLE') throw e;
      ctx.logger.info({ target, reason: e.message }, 'demo intake classifier not trained');
    }
  }
  return trained;
}
