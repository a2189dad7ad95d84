import type { IntakeRules } from '../policy';
import { normalizeText } from '../kb/segment';

/**
 * Intake screening from the active profile's lists: matters the line does not accept (with the
 * channel to use instead) and words that suggest an emergency order. A hint for the agent, who
 * decides; nothing is refused automatically.
 */
export interface OutOfScopeHint {
  matter: string;
  channel: string;
  article: string;
  terms: string[];
}

export interface EmergencyHint {
  likely: boolean;
  reason: string;
  article: string;
  terms: string[];
}

function found(text: string, terms: readonly string[]): string[] {
  return terms.filter((t) => text.includes(normalizeText(t)));
}

/** The out-of-scope matter with the most terms found in the text (the first listed on a tie). */
export function screenOutOfScope(content: string, rules: IntakeRules | null): OutOfScopeHint | null {
  if (!rules) return null;
  const text = normalizeText(content);
  let best: OutOfScopeHint | null = null;
  for (const m of rules.outOfScope) {
    const hits = found(text, m.terms);
    if (hits.length > 0 && (!best || hits.length > best.terms.length)) {
      best = { matter: m.matter, channel: m.channel, article: m.article, terms: hits };
    }
  }
  return best;
}

export function screenEmergency(content: string, rules: IntakeRules | null): EmergencyHint | null {
  const list = rules?.emergencyTerms;
  if (!list) return null;
  const hits = found(normalizeText(content), list.terms);
  if (hits.length === 0) return null;
  return {
    likely: true,
    reason: `来电内容提及“${hits.join('、')}”，可能属于紧急事项（${list.article}），请核实后按紧急工单处理`,
    article: list.article,
    terms: hits,
  };
}
