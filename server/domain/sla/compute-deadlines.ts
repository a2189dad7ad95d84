/** Stage deadlines of one order under a profile and a calendar (SPEC §4, §4.1). Pure. */
import type { ExplanationStep } from '../../../common/contracts/deadline-explanation';
import { localDayOfMs, msOfLocal, parseClock, parseWindows, type WorkCalendar } from '../calendar';
import {
  isEmergency,
  selectExtensionTerms,
  selectLimit,
  type DurationLimit,
  type Limit,
  type Profile,
  type ReceiveLimit,
  type StartEvent,
} from '../policy';
import { addDurationMs, cutOff, provisionalYears, specialDaysIn } from './durations';
import { receiveWithOfficeHours } from './office-hours';
import { addHoursWithPauses, normalisePauses, nthCountingDay, pausedDayIntervals } from './pauses';
import type { SlaFacts, StageDeadline, StageDeadlines } from './types';

function startOf(facts: SlaFacts, ev: StartEvent): Date | null {
  switch (ev) {
    case 'arrival':
      return facts.receivedAt;
    case 'dispatch':
      return facts.dispatchedAt ?? null;
    case 'accept':
      return facts.acceptedAt ?? null;
    case 'reply':
      return facts.repliedAt ?? null;
    case 'close':
      return facts.closedAt ?? null;
  }
}

interface Ctx {
  cal: WorkCalendar;
  eod: number;
}

interface Due {
  ms: number;
  provisional: boolean;
  steps: ExplanationStep[];
  firstDay: number;
  lastDay: number;
}

/** A plain limit from its start, optionally with pauses (handling stage). */
function durationDue(
  ctx: Ctx,
  startMs: number,
  l: { amount: number; unit: 'wd' | 'nd' | 'h' },
  pauses: SlaFacts['pauses'] | null,
): Due {
  const { cal, eod } = ctx;
  const count = {
    kind: 'count' as const,
    amount: l.amount,
    unit: l.unit,
    from: new Date(startMs).toISOString(),
    special: [] as ReturnType<typeof specialDaysIn>,
    suspendedDays: 0,
    suspendedMinutes: 0,
    endOfDay: l.unit === 'h' ? null : cutOff(eod),
  };
  const startDay = localDayOfMs(startMs);
  const norm = pauses ? normalisePauses(pauses, startMs) : [];
  if (l.unit === 'h') {
    const r = addHoursWithPauses(startMs, Math.round(l.amount * 3_600_000), norm);
    count.suspendedMinutes = r.pausedMs > 0 ? Math.round(r.pausedMs / 60_000) : 0;
    return {
      ms: r.ms,
      provisional: false,
      steps: [count],
      firstDay: startDay,
      lastDay: localDayOfMs(r.ms),
    };
  }
  if (norm.length === 0) {
    const ms = addDurationMs(cal, startMs, l.amount, l.unit, eod);
    const day = localDayOfMs(ms);
    if (l.unit === 'wd') count.special = specialDaysIn(cal, startDay + 1, day);
    return {
      ms,
      provisional: l.unit === 'wd' && cal.anyProvisional(startDay + 1, day),
      steps: [count],
      firstDay: startDay,
      lastDay: day,
    };
  }
  const r = nthCountingDay(cal, startDay, l.amount, l.unit, pausedDayIntervals(norm));
  if (l.unit === 'wd') count.special = specialDaysIn(cal, startDay + 1, r.day);
  count.suspendedDays = r.skipped;
  return {
    ms: msOfLocal(r.day, eod),
    provisional: l.unit === 'wd' && cal.anyProvisional(startDay + 1, r.day),
    steps: [count],
    firstDay: startDay,
    lastDay: r.day,
  };
}

function stage(
  key: StageDeadline['stage'],
  startMs: number,
  due: Due,
  article: string,
  extra?: { warnAt?: number | null; redAt?: number | null; provisional?: boolean },
): StageDeadline {
  return {
    stage: key,
    startAt: new Date(startMs),
    dueAt: new Date(due.ms),
    warnAt: extra?.warnAt == null ? null : new Date(extra.warnAt),
    redAt: extra?.redAt == null ? null : new Date(extra.redAt),
    provisional: due.provisional || (extra?.provisional ?? false),
    explanation: [...due.steps, { kind: 'rule', article }],
    article,
  };
}

function simpleStage(
  ctx: Ctx,
  key: StageDeadline['stage'],
  limit: Limit | ReceiveLimit | null,
  facts: SlaFacts,
  profile: Profile,
): StageDeadline | null {
  if (!limit || limit.kind === 'no-limit') return null;
  const start = startOf(facts, limit.start);
  if (!start) return null;
  const startMs = start.getTime();
  if (limit.kind === 'office-hours') {
    const r = receiveWithOfficeHours(ctx.cal, startMs, limit, parseWindows(profile.workingWindows));
    const provisional = ctx.cal.anyProvisional(r.firstDay, r.lastDay);
    return stage(
      key,
      startMs,
      {
        ...r,
        provisional,
        steps: provisional
          ? [...r.steps, { kind: 'provisional', years: provisionalYears(ctx.cal, r.firstDay, r.lastDay) }]
          : r.steps,
      },
      limit.article,
    );
  }
  const due = durationDue(ctx, startMs, limit, null);
  if (due.provisional) {
    due.steps.push({ kind: 'provisional', years: provisionalYears(ctx.cal, due.firstDay, due.lastDay) });
  }
  return stage(key, startMs, due, limit.article);
}

/** The handling limit, or the emergency result limit for emergency orders. */
function handlingLimit(
  profile: Profile,
  facts: SlaFacts,
): { limit: DurationLimit | null; note: ExplanationStep | null } {
  const em = profile.emergency;
  if (em && em.result && isEmergency(profile, facts)) {
    const requested = facts.emergencyResultDays ?? em.result.default;
    const amount = Math.min(em.result.max, Math.max(em.result.min, Math.round(requested)));
    return {
      limit: {
        kind: 'duration',
        amount,
        unit: em.result.unit,
        start: em.result.start,
        article: em.result.article,
      },
      note: {
        kind: 'emergency-result',
        requested,
        applied: amount,
        min: em.result.min,
        max: em.result.max,
        unit: em.result.unit,
      },
    };
  }
  const l = selectLimit(profile.limits.handle, facts);
  return { limit: l && l.kind === 'duration' ? l : null, note: null };
}

export function computeDeadlines(profile: Profile, calendar: WorkCalendar, facts: SlaFacts): StageDeadlines {
  const ctx: Ctx = { cal: calendar, eod: parseClock(profile.endOfDay) };
  const out: StageDeadlines = {};

  // 转办 [zibo-12345 §11(2); shanghai-962200 §10(2)]: the platform dispatches within the limit
  // from arrival; "at once" cases (emergencies) are no-limit and produce no stage.
  const dispatch = simpleStage(
    ctx,
    'dispatchBy',
    selectLimit(profile.limits.dispatch, facts),
    facts,
    profile,
  );
  if (dispatch) out.dispatchBy = dispatch;

  const receive = simpleStage(ctx, 'receiveBy', selectLimit(profile.limits.receive, facts), facts, profile);
  if (receive) out.receiveBy = receive;

  const em = profile.emergency;
  const firstContactLimit =
    em && em.initialResponse && isEmergency(profile, facts)
      ? em.initialResponse
      : selectLimit(profile.limits.firstContact, facts);
  const firstContact = simpleStage(ctx, 'firstContactBy', firstContactLimit, facts, profile);
  if (firstContact) out.firstContactBy = firstContact;

  const ret = simpleStage(ctx, 'returnBy', selectLimit(profile.limits.return, facts), facts, profile);
  if (ret) out.returnBy = ret;

  const { limit: handle, note } = handlingLimit(profile, facts);
  const handleStart = handle ? startOf(facts, handle.start) : null;
  if (handle && handleStart) {
    const startMs = handleStart.getTime();
    const due = durationDue(ctx, startMs, handle, facts.pauses);
    let dueMs = due.ms;
    let lastDay = due.lastDay;
    const steps: ExplanationStep[] = note ? [note, ...due.steps] : [...due.steps];
    let provisional = due.provisional;
    const extDays = facts.extensions.reduce((s, e) => s + e.workingDays, 0);
    if (extDays > 0) {
      const dueDay = localDayOfMs(dueMs);
      const norm = normalisePauses(facts.pauses, msOfLocal(dueDay + 1, 0));
      const r = nthCountingDay(calendar, dueDay, extDays, 'wd', pausedDayIntervals(norm));
      dueMs = msOfLocal(r.day, ctx.eod);
      lastDay = r.day;
      provisional = provisional || calendar.anyProvisional(dueDay + 1, r.day);
      steps.push({
        kind: 'extension',
        workingDays: extDays,
        special: specialDaysIn(calendar, dueDay + 1, r.day),
        article: profile.extension?.article ?? null,
      });
    }
    const open = facts.pauses.find((p) => p.to === null);
    if (open) {
      steps.push({ kind: 'suspended', since: open.from.toISOString() });
    }

    let warnAt: number | null = null;
    let redAt: number | null = null;
    const lights = profile.lights;
    if (lights) {
      const dueDay = localDayOfMs(dueMs);
      if (lights.yellow) {
        const d = calendar.addWorkingDays(dueDay, -lights.yellow.workingDaysBefore);
        warnAt = Math.min(dueMs, Math.max(startMs, msOfLocal(d, ctx.eod)));
        provisional = provisional || calendar.anyProvisional(d, dueDay);
      }
      if (lights.red) {
        const d = calendar.addWorkingDays(dueDay, lights.red.workingDaysAfter);
        redAt = Math.max(dueMs, msOfLocal(d, ctx.eod));
        provisional = provisional || calendar.anyProvisional(dueDay, d);
        lastDay = Math.max(lastDay, d);
      }
    }
    if (provisional) {
      steps.push({ kind: 'provisional', years: provisionalYears(calendar, due.firstDay + 1, lastDay) });
    }
    out.handleBy = stage('handleBy', startMs, { ...due, ms: dueMs, provisional, steps }, handle.article, {
      warnAt,
      redAt,
    });

    const terms = selectExtensionTerms(profile.extension, facts);
    if (terms && (terms.maxCount === null || facts.extensions.length < terms.maxCount)) {
      const dueDay = localDayOfMs(dueMs);
      const k = terms.requestLeadWd;
      const d = k === 0 ? dueDay : calendar.addWorkingDays(dueDay, -k);
      const at = k === 0 ? dueMs : msOfLocal(d, ctx.eod);
      const prov = calendar.anyProvisional(Math.min(d, dueDay), dueDay);
      out.extensionRequestBy = {
        stage: 'extensionRequestBy',
        startAt: new Date(startMs),
        dueAt: new Date(at),
        warnAt: null,
        redAt: null,
        provisional: prov || provisional,
        explanation: [
          { kind: 'extension-request', leadWorkingDays: k, deadline: new Date(dueMs).toISOString() },
          { kind: 'rule', article: terms.article },
        ],
        article: terms.article,
      };
    }
  }

  // 反馈 [beijing-miyun §19]: the result reported to the citizen, when the profile sets its own limit.
  const feedback = simpleStage(
    ctx,
    'feedbackBy',
    selectLimit(profile.limits.feedback, facts),
    facts,
    profile,
  );
  if (feedback) out.feedbackBy = feedback;

  const callback = profile.callback
    ? simpleStage(ctx, 'callbackBy', selectLimit(profile.callback.limit, facts), facts, profile)
    : null;
  if (callback) out.callbackBy = callback;

  return out;
}
