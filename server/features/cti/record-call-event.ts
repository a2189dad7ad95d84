import type { CallEventBody } from '../../../common/contracts/cti';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { withRetry } from '../../platform/retry';
import type { CallPopHub } from './call-pop-hub';
import { findActiveUserByUsername, storeCallEvent } from './cti.repository';

/** An answer older than this (a replayed day, a late retry) is recorded but pops no screen. */
const POP_WINDOW_MS = 5 * 60_000;

/**
 * One telephony event (呼叫事件) from the telephone system: stored once per (call, type), the call
 * created on its first event whatever the order of arrival. A first `answered` event that names a
 * known agent pops the intake desk in that agent's browser.
 */
export async function recordCallEvent(
  ctx: AppContext,
  hub: CallPopHub,
  body: CallEventBody,
): Promise<{ callId: string; stored: boolean }> {
  const agent = body.agent ? await findActiveUserByUsername(ctx.db, body.agent) : undefined;
  // Telephony runs on real time, like sessions (the order clock may be a test clock).
  const now = systemClock.now();
  const at = new Date(body.at);
  const event = {
    callId: body.callId,
    type: body.type,
    at,
    caller: body.caller || null,
    agent: body.agent || null,
    queue: body.queue || null,
  };
  const stored = await withRetry(ctx.db, (trx) => storeCallEvent(trx, event, agent?.id ?? null, now));
  if (
    stored &&
    body.type === 'answered' &&
    agent &&
    Math.abs(now.getTime() - at.getTime()) <= POP_WINDOW_MS
  ) {
    try {
      await hub.publish(agent.id, {
        callId: body.callId,
        caller: stored.caller,
        queue: stored.queue,
        answeredAt: at.toISOString(),
      });
    } catch (err) {
      // The call is recorded; a lost pop only means the agent opens the desk by hand.
      ctx.logger.warn({ err, callId: body.callId }, 'screen pop not published');
    }
  }
  return { callId: body.callId, stored: stored !== null };
}
