import type { ForecastQuery, ForecastResponse } from '../../../common/contracts/trends';
import { serviceDate } from '../../../common/service-time';
import { civilFromDays, daysFromCivil, type DayKind, type WorkCalendar } from '../../domain/calendar';
import { forecastVolume, type DayCount } from '../../domain/trends/forecast';
import type { Db } from '../../platform/db';
import { addDays, rangeOf } from './service-days';
import { dailyOrderCounts, type OrderSlice } from './trends.repository';

/** History the model reads: 8 weeks of factors plus the 4 weeks of backtest origins and a week. */
const MODEL_DAYS = 56 + 28 + 7;

const dayKindLabels: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '节假日',
  makeup: '调休上班',
};

const dayOf = (date: string) =>
  daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const dateOf = (day: number) => {
  const c = civilFromDays(day);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};

/**
 * 受理量预测: the next days' orders from the complete days up to yesterday (today is still
 * filling), working-day aware through the calendar in force, with the method's backtest error.
 * The history starts at the first day with orders (an installation's empty past is not zeros).
 */
export async function volumeForecast(
  db: Db,
  input: { now: Date; calendar: WorkCalendar; query: ForecastQuery; slice?: OrderSlice },
): Promise<ForecastResponse> {
  const asOf = addDays(serviceDate(input.now), -1);
  const span = Math.max(MODEL_DAYS, input.query.historyDays);
  const from = addDays(asOf, -(span - 1));
  const counts = new Map(
    (await dailyOrderCounts(db, rangeOf(from, asOf), input.slice)).map((r) => [r.day, r.orders]),
  );
  const history: DayCount[] = [];
  let started = false;
  for (let d = from; d <= asOf; d = addDays(d, 1)) {
    const count = counts.get(d) ?? 0;
    started ||= count > 0;
    if (started) history.push({ day: dayOf(d), count });
  }
  const kindOf = (day: number) => input.calendar.kindOf(day);
  const { points, error } = forecastVolume(history, input.query.horizon, kindOf);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    method: '按日类型（星期、节假日、调休）季节因子 + 阻尼线性趋势；误差为近 4 周滚动回测',
    asOf,
    history: history.slice(-input.query.historyDays).map((h) => ({ date: dateOf(h.day), count: h.count })),
    forecast: points.map((p) => ({
      date: dateOf(p.day),
      expected: p.expected,
      low: p.low,
      high: p.high,
      dayKind: dayKindLabels[kindOf(p.day)],
    })),
    error: error
      ? {
          mae: round(error.mae),
          mape: error.mape === null ? null : round(error.mape),
          origins: error.origins,
          points: error.points,
        }
      : null,
  };
}
