import type { Profile } from '../policy/profile-schema';
import { callbackSample, type SampleDecision } from './sampling';

/**
 * What the profile and the order's record say about calling it back and closing it without a
 * satisfied rating. Pure: the use cases pass the profile, the order number and its events.
 */
export interface CallbackTerms {
  sample: SampleDecision;
  /** A callback attempt that did not reach the citizen is recorded (`record-callback {reached: false}`). */
  failedAttempt: boolean;
  /** The article when every unsatisfied order must be handled again (tianjin-urban §7(2)). */
  compulsoryRedo: string | null;
  /** The article when unsatisfied orders get a quality inspection (tianjin-wuqing §25). */
  inspection: string | null;
}

interface TermsEvent {
  action: string;
  payload: Record<string, unknown>;
}

export function callbackTermsOf(
  profile: Pick<Profile, 'callback' | 'satisfaction'>,
  ticketNo: string,
  events: readonly TermsEvent[],
): CallbackTerms {
  // Attempts count since the last reply was approved: a redo starts a new round of callbacks.
  let failedAttempt = false;
  let supervised = false;
  for (const e of events) {
    if (e.action === 'supervise') supervised = true;
    if (e.action === 'approve-reply') failedAttempt = false;
    if (e.action === 'record-callback' && e.payload.reached === false) failedAttempt = true;
  }
  return {
    sample: callbackSample(profile.callback, { ticketNo, supervised }),
    failedAttempt,
    compulsoryRedo: profile.satisfaction.compulsoryRedo?.article ?? null,
    inspection: profile.callback?.inspection?.article ?? null,
  };
}

/**
 * Why `close` is refused now, or null. From `unsatisfied`: not where every unsatisfied order
 * is handled again. From `pending_callback` (no rating): only outside the sample or after a
 * recorded failed attempt.
 */
export function closeRefusal(status: string, terms: CallbackTerms | undefined): string | null {
  if (!terms) return null;
  if (status === 'unsatisfied' && terms.compulsoryRedo) {
    return `回访不满意的工单须再次办理，不能直接办结，请选择“重办”（${terms.compulsoryRedo}）`;
  }
  if (status === 'pending_callback' && terms.sample.inSample && !terms.failedAttempt) {
    const article = terms.sample.article ? `，${terms.sample.article}` : '';
    return `本工单须回访（${terms.sample.reason}${article}），未回访或未记录联系不上不能办结`;
  }
  return null;
}

/** The callback channel, phone unless told; refused (with its reason) where the profile demands the phone. */
export function callbackChannelOf(
  callback: Profile['callback'],
  channel: string | undefined,
): { channel: string; refusal: string | null } {
  const c = channel ?? 'phone';
  const refusal =
    callback?.channel === 'phone' && c !== 'phone' ? `本地规定以电话形式回访（${callback.article}）` : null;
  return { channel: c, refusal };
}

/** What a close records about the callback it went without (from `pending_callback` only). */
export function closeWithoutCallbackRecord(terms: CallbackTerms) {
  return {
    withoutCallback: terms.sample.inSample ? 'not-reached' : 'outside-sample',
    sample: { inSample: terms.sample.inSample, rate: terms.sample.rate, article: terms.sample.article },
  };
}
