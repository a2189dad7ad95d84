import type { SourceLevel, TicketType, Urgency } from '../../../common/enums';
import type { Condition, ExtensionRules, Profile, RuleSet } from './profile-schema';

/** The facts of an order that select its rules. */
export interface OrderTraits {
  type: TicketType;
  urgency: Urgency;
  level: SourceLevel;
  category?: string | null;
  complex?: boolean;
}

export function matches(when: Condition, o: OrderTraits): boolean {
  if (when.type && !when.type.includes(o.type)) return false;
  if (when.urgency && !when.urgency.includes(o.urgency)) return false;
  if (when.level && !when.level.includes(o.level)) return false;
  if (when.category && (o.category == null || !when.category.includes(o.category))) return false;
  if (when.complex !== undefined && when.complex !== (o.complex ?? false)) return false;
  return true;
}

/** The limit that applies: the first matching case, else the default (null: no limit). */
export function selectLimit<T>(set: RuleSet<T> | undefined | null, o: OrderTraits): T | null {
  if (!set) return null;
  for (const c of set.cases) if (matches(c.when, o)) return c.limit;
  return set.default;
}

export interface ExtensionTerms {
  requestLeadWd: number;
  maxWorkingDays: number | null;
  maxCount: number | null;
  article: string;
}

/** The extension terms for an order (null when the profile has no extension rules). */
export function selectExtensionTerms(ext: ExtensionRules | null, o: OrderTraits): ExtensionTerms | null {
  if (!ext) return null;
  const base: ExtensionTerms = {
    requestLeadWd: ext.requestLeadWd,
    maxWorkingDays: ext.maxWorkingDays,
    maxCount: ext.maxCount,
    article: ext.article,
  };
  for (const c of ext.cases) {
    if (!matches(c.when, o)) continue;
    return {
      requestLeadWd: c.terms.requestLeadWd ?? base.requestLeadWd,
      maxWorkingDays: c.terms.maxWorkingDays !== undefined ? c.terms.maxWorkingDays : base.maxWorkingDays,
      maxCount: c.terms.maxCount !== undefined ? c.terms.maxCount : base.maxCount,
      article: c.terms.article,
    };
  }
  return base;
}

/** True when the order is an emergency order under the profile. */
export function isEmergency(p: Profile, o: OrderTraits): boolean {
  return p.emergency !== null && p.emergency.urgencies.includes(o.urgency);
}
