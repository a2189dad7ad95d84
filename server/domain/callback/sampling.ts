import type { Profile } from '../policy/profile-schema';

/**
 * Which orders the callback desk must call back (回访抽样), from the profile's callback rules:
 * zibo-12345 §11(8) and tianjin-wuqing §25 call back every order; beijing-miyun §22 samples by
 * level (unit 70 %, county 50 %, city 30 %); shanghai-962200 §13 calls back a monthly share and
 * every supervised order.
 *
 * The sample is deterministic: the order number is hashed (FNV-1a, 32 bits) to a point in
 * [0, 1) and the order is in the sample when the point lies below the rate. The same order is
 * always in or out, so the sample is reproducible and auditable; over a month the share of
 * orders in the sample tends to the rate.
 */

/** Levels whose sample is the platform's own (the desk); `unit` callbacks are the units' own. */
const deskLevels = ['platform', 'county', 'city'] as const;

export interface SampleInput {
  ticketNo: string;
  /** The order is or was under supervision (督办). */
  supervised: boolean;
}

export interface SampleDecision {
  inSample: boolean;
  /** The rate the order was drawn against (1 = every order). */
  rate: number;
  /** Why: the rule and its article. */
  reason: string;
  article: string | null;
}

/** FNV-1a over the UTF-16 code units, mapped to [0, 1). */
export function samplePoint(ticketNo: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ticketNo.length; i++) {
    h ^= ticketNo.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

type CallbackRules = Profile['callback'];

/** The rate the desk samples at: the highest configured rate of a platform-level rule. */
export function deskRate(callback: CallbackRules): {
  rate: number;
  article: string | null;
  /** `month`: the share is of each month's orders (shanghai §13); `order`: of orders at large. */
  period?: 'order' | 'month';
} {
  const rules = (callback?.sampling ?? []).filter((r) => (deskLevels as readonly string[]).includes(r.by));
  if (rules.length === 0) return { rate: 1, article: callback?.article ?? null };
  let best: { rate: number; article: string | null; period?: 'order' | 'month' } = { rate: 0, article: null };
  for (const r of rules) {
    // An unspecified share ("每月一定比例") without a configured rate: call every order back.
    const rate = r.rate ?? r.minRate ?? 1;
    if (rate >= best.rate) best = { rate, article: r.article, period: r.period };
  }
  return best;
}

export function callbackSample(callback: CallbackRules, input: SampleInput): SampleDecision {
  if (input.supervised) {
    const sup = callback?.sampling.find((r) => r.by === 'supervised');
    if (sup && (sup.minRate ?? 1) >= 1) {
      return { inSample: true, rate: 1, reason: '督办事项逐件回访', article: sup.article };
    }
  }
  const { rate, article, period } = deskRate(callback);
  if (rate >= 1) return { inSample: true, rate: 1, reason: '逐件回访', article };
  const inSample = samplePoint(input.ticketNo) < rate;
  const pct = `${period === 'month' ? '每月' : ''}${Math.round(rate * 100)}%`;
  return {
    inSample,
    rate,
    reason: inSample ? `按 ${pct} 比例抽中回访` : `未抽中（抽样比例 ${pct}）`,
    article,
  };
}
