import { isoWeekday, type DayKind } from '../calendar';

/**
 * Daily volume forecast (受理量预测): a seasonal model by day class with a damped linear trend.
 *
 * - Day class: Monday … Sunday for ordinary days; a statutory holiday (休) is its own class, and
 *   a make-up working day (调休上班) its own, since a hotline's volume follows the working week
 *   the calendar declares, not the weekday name. A class never seen in the history borrows: a
 *   holiday the weekend's factor, a make-up day the working days'.
 * - Factors: each class's mean over the last 8 weeks divided by the mean of all those days.
 * - Level and trend: least squares on the last 4 weeks of deseasonalised volume; the trend is
 *   damped (φ = 0.9 a day) so a few busy days do not run away.
 * - Error: a rolling-origin backtest — the same method fitted on the history up to each of the
 *   last 28 days and scored on the following days — gives the MAE, the MAPE and the bands.
 * Pure: the caller passes the counts and the calendar's day kinds.
 */

export interface DayCount {
  /** Day number (days since 1970-01-01, service time). */
  day: number;
  count: number;
}

export type KindOf = (day: number) => DayKind;

export interface ForecastPoint {
  day: number;
  expected: number;
  low: number;
  high: number;
}

export interface BacktestError {
  mae: number;
  mape: number | null;
  origins: number;
  points: number;
}

const SEASON_DAYS = 56;
const TREND_DAYS = 28;
const DAMPING = 0.9;
/** Fewest days of history a fit needs. */
export const MIN_HISTORY = 14;
const BACKTEST_ORIGINS = 28;

const HOLIDAY = 7;
const MAKEUP = 8;

function classOf(day: number, kindOf: KindOf): number {
  switch (kindOf(day)) {
    case 'holiday':
      return HOLIDAY;
    case 'makeup':
      return MAKEUP;
    case 'workday':
    case 'weekend':
      return isoWeekday(day) - 1;
  }
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

interface Fit {
  factor: (cls: number) => number;
  /** Deseasonalised level at the last history day and the trend a day. */
  level: number;
  trend: number;
  lastDay: number;
}

/** Fits the model on a contiguous history (oldest first, one entry a day). */
function fit(history: readonly DayCount[], kindOf: KindOf): Fit {
  const season = history.slice(-SEASON_DAYS);
  const overall = mean(season.map((d) => d.count)) || 1;
  const byClass = new Map<number, number[]>();
  for (const d of season) {
    const c = classOf(d.day, kindOf);
    const arr = byClass.get(c) ?? [];
    arr.push(d.count);
    byClass.set(c, arr);
  }
  const raw = (c: number): number | null => {
    const xs = byClass.get(c);
    return xs && xs.length ? mean(xs) / overall : null;
  };
  const known = (cs: number[]) => cs.map(raw).filter((v): v is number => v !== null);
  const weekend = known([5, 6]);
  const working = known([0, 1, 2, 3, 4]);
  const factor = (c: number): number => {
    const own = raw(c);
    if (own !== null) return own;
    if (c === HOLIDAY) return weekend.length ? mean(weekend) : 1;
    if (c === MAKEUP) return working.length ? mean(working) : 1;
    return 1;
  };
  const recent = history.slice(-TREND_DAYS);
  const z = recent.map((d) => {
    const f = factor(classOf(d.day, kindOf));
    return f > 0 ? d.count / f : d.count;
  });
  const n = z.length;
  const tMean = (n - 1) / 2;
  const zMean = mean(z);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tMean) * ((z[i] ?? 0) - zMean);
    sxx += (i - tMean) * (i - tMean);
  }
  const trend = sxx > 0 ? sxy / sxx : 0;
  const last = history[history.length - 1];
  return { factor, level: zMean + trend * (n - 1 - tMean), trend, lastDay: last ? last.day : 0 };
}

function predict(m: Fit, day: number, kindOf: KindOf): number {
  const h = day - m.lastDay;
  let damp = 0;
  for (let i = 1, p = DAMPING; i <= h; i++, p *= DAMPING) damp += p;
  return Math.max(0, (m.level + m.trend * damp) * m.factor(classOf(day, kindOf)));
}

/** Rolling-origin backtest: fit up to each origin, score the next `horizon` days. */
export function backtest(
  history: readonly DayCount[],
  horizon: number,
  kindOf: KindOf,
): BacktestError | null {
  let abs = 0;
  let pct = 0;
  let pctN = 0;
  let points = 0;
  let origins = 0;
  const first = Math.max(MIN_HISTORY, history.length - BACKTEST_ORIGINS - horizon + 1);
  for (let o = first; o + horizon <= history.length; o++) {
    const m = fit(history.slice(0, o), kindOf);
    origins++;
    for (let i = o; i < o + horizon; i++) {
      const actual = history[i];
      if (!actual) continue;
      const e = Math.abs(predict(m, actual.day, kindOf) - actual.count);
      abs += e;
      points++;
      if (actual.count > 0) {
        pct += e / actual.count;
        pctN++;
      }
    }
  }
  if (points === 0) return null;
  return { mae: abs / points, mape: pctN ? pct / pctN : null, origins, points };
}

/**
 * The next `horizon` days after the history, with bands of ± 1.96 σ, σ taken as 1.25 × the
 * backtest's mean absolute error (normal errors), or ± 20 % when it is too short to backtest.
 */
export function forecastVolume(
  history: readonly DayCount[],
  horizon: number,
  kindOf: KindOf,
): { points: ForecastPoint[]; error: BacktestError | null } {
  const last = history[history.length - 1];
  if (!last || history.length < MIN_HISTORY) return { points: [], error: null };
  const error = backtest(history, horizon, kindOf);
  const m = fit(history, kindOf);
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const day = last.day + h;
    const expected = predict(m, day, kindOf);
    const spread = error ? 1.96 * 1.25 * error.mae : 0.2 * expected;
    points.push({
      day,
      expected: Math.round(expected * 10) / 10,
      low: Math.max(0, Math.round((expected - spread) * 10) / 10),
      high: Math.round((expected + spread) * 10) / 10,
    });
  }
  return { points, error };
}
