import type { z } from 'zod';
import type { recordVisitBody } from '../../../common/contracts/enterprises';
import { formatInstant } from '../../domain/calendar/time';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { changeEnterprise } from './enterprise-change';
import { insertVisit } from './enterprises.repository';

/** `POST /api/enterprises/:id/visits`: an on-site verification (现场核实, wuqing §33) and its result. */
export async function recordVisit(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  body: z.output<typeof recordVisitBody>,
): Promise<void> {
  const today = formatInstant(ctx.clock.now()).slice(0, 10);
  if (body.visitedOn > today) throw new AppError('UNPROCESSABLE', '核实日期不能晚于今天');
  await changeEnterprise(ctx, user, id, 'record-visit', { ...body }, async ({ trx, now }) => {
    await insertVisit(trx, {
      enterpriseId: id,
      visitedOn: body.visitedOn,
      result: body.result,
      note: body.note ?? null,
      by: user.id,
      at: now,
    });
  });
}
