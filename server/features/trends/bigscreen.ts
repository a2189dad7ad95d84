import type { BigscreenResponse } from '../../../common/contracts/bigscreen';
import { periodOfDate } from '../../../common/period';
import { serviceDate } from '../../../common/service-time';
import { parsePeriod } from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { assessUnits } from '../assessment/assess-units';
import { loadSchemes } from '../assessment/schemes';
import { callFigureRows } from '../cti/cti.repository';
import { ordersByHour, ordersByRegion, openOrderCounters, redLightOrders } from './bigscreen.repository';
import { hotTopics } from './hot-topics';
import { addDays, rangeOf } from './service-days';
import { volumeForecast } from './volume-forecast';

/** The wall screen asks every 30 s from several browsers: one computation serves them all. */
const CACHE_MS = 15_000;
/** The last computation per database (one per process in service; one per test database). */
const cache = new WeakMap<Db, { at: number; key: string; value: Promise<BigscreenResponse> }>();

async function ranking(ctx: AppContext, today: string): Promise<BigscreenResponse['ranking']> {
  const period = periodOfDate('month', today);
  const schemes = await loadSchemes(ctx.env.CIVICLINE_PROFILE_DIR);
  const scheme = schemes.find((s) => s.id === ctx.rules.profile.id) ?? schemes[0];
  if (!scheme) return { scheme: null, period, units: [] };
  const result = await assessUnits(ctx, { scheme, period: parsePeriod(period) });
  return {
    scheme: result.scheme.name,
    period,
    units: result.units
      .filter((u) => u.rank !== null)
      .map((u) => ({ rank: u.rank ?? 0, unitName: u.unitName, score: u.score })),
  };
}

async function compute(ctx: AppContext, now: Date): Promise<BigscreenResponse> {
  const db = ctx.db;
  const today = serviceDate(now);
  const todayRange = rangeOf(today, today);
  const byHour = await ordersByHour(db, todayRange);
  const yesterday = (await ordersByHour(db, rangeOf(addDays(today, -1), addDays(today, -1)))).reduce(
    (s, h) => s + h.count,
    0,
  );
  const calls = (await callFigureRows(db, todayRange.start, todayRange.end)).find((r) => r.set === 'all');
  const red = await redLightOrders(db, 12);
  return {
    generatedAt: now.toISOString(),
    today,
    intake: {
      today: byHour.reduce((s, h) => s + h.count, 0),
      yesterday,
      byHour: Array.from({ length: 24 }, (_, hour) => ({
        hour,
        count: byHour.find((h) => h.hour === hour)?.count ?? 0,
      })),
    },
    counters: await openOrderCounters(db, todayRange),
    calls:
      calls && calls.offered > 0
        ? {
            offered: calls.offered,
            answered: calls.answered,
            abandoned: calls.abandoned,
            connectionRate: calls.answered / calls.offered,
          }
        : null,
    districts: (await ordersByRegion(db, todayRange)).filter((r) => r.region !== ''),
    hotTopics: await hotTopics(db, { from: addDays(today, -6), to: today, limit: 10, minCount: 3 }),
    redLights: red.map((r) => ({
      id: r.id,
      ticketNo: r.ticketNo,
      light: r.light,
      region: r.region,
      categoryName: r.categoryName,
      unitName: r.unitName,
      dueAt: r.dueAt ? r.dueAt.toISOString() : null,
    })),
    ranking: await ranking(ctx, today),
    forecast: await volumeForecast(db, {
      now,
      calendar: ctx.rules.calendar,
      query: { historyDays: 30, horizon: 7 },
    }),
  };
}

/**
 * 大屏: today's intake, the live counters, the districts, hot topics, red lights, the ranking and
 * the forecast, city-wide (the screen hangs in the center's hall). Cached for a few seconds.
 */
export function bigscreen(ctx: AppContext): Promise<BigscreenResponse> {
  const now = ctx.clock.now();
  const key = now.toISOString().slice(0, 16);
  const cached = cache.get(ctx.db);
  if (cached && cached.key === key && Date.now() - cached.at < CACHE_MS) return cached.value;
  const value = compute(ctx, now);
  cache.set(ctx.db, { at: Date.now(), key, value });
  value.catch(() => {
    if (cache.get(ctx.db)?.value === value) cache.delete(ctx.db);
  });
  return value;
}
