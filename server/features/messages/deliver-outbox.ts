import { retryDelayMs, SMS_MAX_ATTEMPTS } from '../../domain/messages/messages';
import type { AppContext } from '../../platform/context';
import { claimDue, markAttemptFailed, markSent } from './messages.repository';
import { providerFromEnv, type SmsProvider } from './sms-provider';

/** How long a claimed message is held by the pass that claimed it. */
const LEASE_MS = 5 * 60_000;

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * One delivery pass of the outbox (run by the elected job process): due messages are claimed,
 * sent one by one outside any order's transaction, and each result recorded; a failure waits
 * 1, 2, 4… minutes (`retryDelayMs`) and is given up after SMS_MAX_ATTEMPTS. A failing gateway
 * only delays messages: order changes never wait for it.
 */
export async function deliverOutbox(
  ctx: AppContext,
  provider: SmsProvider = providerFromEnv(ctx.env, ctx.logger),
  limit = 100,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  const now = ctx.clock.now();
  const due = await claimDue(ctx.db, now, LEASE_MS, limit);
  for (const m of due) {
    const r = await provider.send({
      id: m.id,
      to: m.recipient,
      template: m.template,
      text: m.text,
      params: m.params,
    });
    if (r.ok) {
      await markSent(ctx.db, m.id, provider.name, ctx.clock.now());
      result.sent++;
      continue;
    }
    const attempts = m.attempts + 1;
    const giveUp = attempts >= SMS_MAX_ATTEMPTS;
    await markAttemptFailed(ctx.db, m.id, {
      error: r.error,
      provider: provider.name,
      nextAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(attempts)),
    });
    if (giveUp) {
      result.failed++;
      ctx.logger.warn({ sms: m.id, attempts, error: r.error }, 'text message given up');
    } else {
      result.retried++;
    }
  }
  return result;
}
