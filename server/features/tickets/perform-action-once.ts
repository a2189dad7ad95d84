import type { ActionName } from '../../../common/contracts/tickets';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyClaim } from './idempotency';
import { parseActionPayload, performAction, performActionIn } from './perform-action';
import { loadActor } from './standing';

/**
 * An action guarded by an `Idempotency-Key`: the key is claimed in the action's own transaction,
 * so a client retrying after a cut connection gets the order as the first attempt left it
 * (IdempotentReplay) instead of a second action or a confusing refusal. Without a key it is
 * `performAction` itself.
 */
export async function performActionOnce(
  ctx: AppContext,
  user: SessionUser,
  ticketId: number,
  action: ActionName,
  body: unknown,
  opts: { expectedVersion?: number; idempotency?: IdempotencyClaim },
): Promise<{ status: string; seq: number }> {
  const claim = opts.idempotency;
  if (!claim) return performAction(ctx, user, ticketId, action, body, opts);
  const payload = parseActionPayload(action, body);
  const actor = await loadActor(ctx.db, user);
  return withRetry(ctx.db, async (trx) => {
    await claimIdempotencyKey(trx, claim, ctx.clock.now());
    const out = await performActionIn(ctx, trx, actor, ticketId, action, payload, opts);
    await completeIdempotencyKey(trx, claim, ticketId);
    return out;
  });
}
