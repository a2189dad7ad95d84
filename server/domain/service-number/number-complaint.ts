import type { NumberComplaintKind } from '../../../common/contracts/service-numbers';

/**
 * Complaints about a published service number (beijing-miyun §26-§30), pure. A profile names
 * them by the category key below (its 7-natural-day limit, §27; the extension terms, §28; the
 * overdue warning, §30); the installation maps the key to its own codes (default tree: 110202
 * 服务号码不通, 110203 服务号码投诉).
 */
export const NUMBER_COMPLAINT_KEY = 'service-number-complaint';

/** §26 (1)-(2): the number could not be reached at all; the rest are about the service on it. */
const unreachable: readonly NumberComplaintKind[] = ['unanswered', 'busy'];

export type ComplaintCategory =
  { ok: true; category: string | null } | { ok: false; allowed: readonly string[] };

/**
 * The category an intake of a number complaint is stored under. `codes` are the installation's
 * codes for the key, in tree order (empty: the key is not mapped and nothing is enforced). A
 * category the agent chose must be one of them; without one, an unreachable number takes the
 * first mapped code and any other kind the last (default tree: 服务号码不通 / 服务号码投诉).
 */
export function complaintCategory(
  codes: readonly string[],
  kind: NumberComplaintKind,
  chosen: string | undefined,
): ComplaintCategory {
  if (codes.length === 0) return { ok: true, category: chosen ?? null };
  if (chosen !== undefined) {
    return codes.includes(chosen) ? { ok: true, category: chosen } : { ok: false, allowed: codes };
  }
  const pick = unreachable.includes(kind) ? codes[0] : codes[codes.length - 1];
  return { ok: true, category: pick ?? null };
}
