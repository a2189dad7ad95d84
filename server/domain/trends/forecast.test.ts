import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoWeekday, type DayKind } from '../calendar';
import { backtest, forecastVolume, type DayCount } from './forecast';

/** A plain week: Monday-Friday working, Saturday and Sunday off, no holidays. */
const plainWeek = (day: number): DayKind => (isoWeekday(day) >= 6 ? 'weekend' : 'workday');
/** The weekly pattern of the synthetic hotline: 100 on working days, 60 on Saturdays, 40 on Sundays. */
const pattern = (day: number) => {
  const w = isoWeekday(day);
  return w === 7 ? 40 : w === 6 ? 60 : 100;
};
// 2027-03-01 is a Monday.
const start = daysFromCivil(2027, 3, 1);
const series = (weeks: number, noise: (i: number) => number): DayCount[] =>
  Array.from({ length: weeks * 7 }, (_, i) => ({ day: start + i, count: pattern(start + i) + noise(i) }));

describe('volume forecast', () => {
  it('repeats an exact weekly pattern exactly, with no error', () => {
    const history = series(10, () => 0);
    const { points, error } = forecastVolume(history, 7, plainWeek);
    // The 10 weeks end on a Sunday: the next days are Monday … Sunday.
    expect(points.map((p) => Math.round(p.expected))).toEqual([100, 100, 100, 100, 100, 60, 40]);
    expect(error?.mae).toBeLessThan(1e-6);
    // Origins: the 28 days from day 36 to day 63 of 70, each scored on the 7 days after it.
    expect(error?.origins).toBe(28);
  });

  it('keeps the error near the noise: ±5 a day gives an MAE about 5 and a MAPE about 6.5 %', () => {
    // +5 on even days, −5 on odd ones. A perfect model still misses by 5 every day: MAE 5, and
    // MAPE (5 × 5/100 + 5/60 + 5/40) / 7 = 6.5 %. Estimating the factors from 5 to 8 weeks can
    // leave one unmatched ±5 among 5 values (±1 on a class), hence the bounds 6 and 8 %.
    const history = series(12, (i) => (i % 2 === 0 ? 5 : -5));
    const error = backtest(history, 7, plainWeek);
    expect(error).not.toBeNull();
    expect(error?.mae).toBeGreaterThanOrEqual(4);
    expect(error?.mae).toBeLessThanOrEqual(6);
    expect(error?.mape).toBeLessThanOrEqual(0.08);
  });

  it('follows the calendar: a holiday on a Wednesday is forecast like the weekend, a make-up Saturday like a working day', () => {
    const history = series(8, () => 0);
    const last = history[history.length - 1]?.day ?? start;
    const holiday = last + 3; // Wednesday
    const makeup = last + 6; // Saturday
    const kindOf = (day: number): DayKind =>
      day === holiday ? 'holiday' : day === makeup ? 'makeup' : plainWeek(day);
    const { points } = forecastVolume(history, 7, kindOf);
    // Holiday: the mean of Saturday's and Sunday's factors, (60 + 40) / 2 = 50; make-up day: 100.
    expect(Math.round(points[2]?.expected ?? 0)).toBe(50);
    expect(Math.round(points[5]?.expected ?? 0)).toBe(100);
  });

  it('says nothing on less than two weeks of history', () => {
    expect(
      forecastVolume(
        series(1, () => 0),
        7,
        plainWeek,
      ),
    ).toEqual({ points: [], error: null });
  });
});
