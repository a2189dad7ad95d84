import type { z } from 'zod';
import type { recommendationBody } from '../../../common/contracts/enterprises';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { changeEnterprise } from './enterprise-change';
import { insertRecommendation } from './enterprises.repository';

/**
 * `POST /api/enterprises/:id/recommendations`: an association or chamber of commerce recommends
 * a member (协会、商会择优推荐, wuqing §34); the center records the recommendation letter.
 */
export async function recordRecommendation(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  body: z.output<typeof recommendationBody>,
): Promise<void> {
  await changeEnterprise(ctx, user, id, 'recommend', { ...body }, async ({ trx, now }) => {
    await insertRecommendation(trx, {
      enterpriseId: id,
      association: body.association,
      note: body.note ?? null,
      by: user.id,
      at: now,
    });
  });
}
