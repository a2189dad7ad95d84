/**
 * Supervision (督办) rules, pure: which office supervises a trigger, when the supervised unit
 * must answer, whether repeat calls start a supervision, and a supervision's status and light.
 * Articles: zibo-12345 §15; tianjin-wuqing §23-§24; shanghai-962200 §12.
 */
import type {
  SupervisionMode,
  SupervisionStatus,
  SupervisionTrigger,
} from '../../../common/contracts/supervision';
import type { Profile } from '../policy';

/**
 * None of the five regulations gives a number for the written answer ("在限定时间内办结",
 * shanghai-962200 §12): the supervising office sets it. Unless the profile or the supervision
 * itself sets one, the unit answers by the end of the 3rd working day after the supervision.
 */
export const DEFAULT_RESPOND_WITHIN = { amount: 3, unit: 'wd' } as const;

export interface RespondWithin {
  amount: number;
  unit: 'wd' | 'nd';
}

/** The answer limit: the supervision's own (working days), else the profile's, else the default. */
export function respondWithinFor(profile: Profile, overrideWorkingDays?: number): RespondWithin {
  if (overrideWorkingDays !== undefined) return { amount: overrideWorkingDays, unit: 'wd' };
  const r = profile.supervision?.respondWithin;
  return r ? { amount: r.amount, unit: r.unit } : DEFAULT_RESPOND_WITHIN;
}

/** The office that supervises this trigger (shanghai-962200 §12: items 1-3 / 4-5), or null. */
export function officeFor(profile: Profile, trigger: SupervisionTrigger): string | null {
  return profile.supervision?.triggers.find((t) => t.trigger === trigger)?.office ?? null;
}

/** A manual supervision's mode must be one the regulation allows, when it lists them. */
export function modeAllowed(profile: Profile, mode: SupervisionMode): boolean {
  const modes = profile.supervision?.modes;
  return !modes || modes.includes(mode);
}

/** An earlier order about the same matter (same caller phone and category). */
export interface EarlierOrder {
  id: number;
  closedAt: Date | null;
  receivedAt: Date;
  resultUnsatisfied: boolean;
}

/**
 * Repeat calls after closure (zibo-12345 §15(2); shanghai-962200 §12(3)): the new call and the
 * earlier orders about the same matter received within the profile's window. The first call is
 * not a repeat, so `repeats` = orders in the window (the new one included) − 1. It fires when
 * an earlier order in the window was closed (办理完毕后), unsatisfied if the profile demands it,
 * and repeats ≥ minRepeats. Returns the trigger and the closed order to supervise, or null.
 */
export function repeatCallTrigger(
  profile: Profile,
  now: Date,
  earlier: EarlierOrder[],
): { trigger: SupervisionTrigger; closedOrderId: number; repeats: number } | null {
  const rule = profile.supervision?.repeatCalls;
  if (!rule) return null;
  const from = now.getTime() - rule.windowDays * 86_400_000;
  const inWindow = earlier.filter((o) => o.receivedAt.getTime() >= from);
  const closed = inWindow
    .filter((o) => o.closedAt !== null && o.closedAt.getTime() >= from)
    .filter((o) => !rule.unsatisfiedOnly || o.resultUnsatisfied)
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
  const latest = closed[0];
  if (!latest) return null;
  const repeats = inWindow.length;
  if (repeats < rule.minRepeats) return null;
  return { trigger: rule.trigger, closedOrderId: latest.id, repeats };
}

/** Open until answered; overdue when not answered by dueAt (ignored, tianjin-wuqing §24). */
export function supervisionStatus(
  now: Date,
  dueAt: Date | null,
  respondedAt: Date | null,
): SupervisionStatus {
  if (respondedAt) return 'answered';
  return dueAt && now.getTime() > dueAt.getTime() ? 'overdue' : 'open';
}

/** An answer after the due time is accepted but recorded late. */
export function isLate(dueAt: Date | null, respondedAt: Date | null): boolean {
  return dueAt !== null && respondedAt !== null && respondedAt.getTime() > dueAt.getTime();
}

/**
 * The light: red when unanswered past dueAt or answered late; yellow when unanswered with less
 * than 24 hours left; green otherwise.
 */
export function supervisionLight(
  now: Date,
  dueAt: Date | null,
  respondedAt: Date | null,
): 'green' | 'yellow' | 'red' {
  if (respondedAt) return isLate(dueAt, respondedAt) ? 'red' : 'green';
  if (!dueAt) return 'green';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'red';
  return left < 86_400_000 ? 'yellow' : 'green';
}
