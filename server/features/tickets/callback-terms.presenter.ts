import type { CallbackTerms } from '../../domain/callback/terms';

/** The callback sample and rules of an order, as the callback desk shows them. */
export function presentCallbackTerms(t: CallbackTerms) {
  return {
    inSample: t.sample.inSample,
    rate: t.sample.rate,
    reason: t.sample.reason,
    article: t.sample.article,
    failedAttempt: t.failedAttempt,
    compulsoryRedo: t.compulsoryRedo,
    inspection: t.inspection,
  };
}
