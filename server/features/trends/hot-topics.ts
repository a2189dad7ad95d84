import {
  hotTopicBaselineDays,
  type HotTopic,
  type HotTopicCluster,
  type HotTopicsQuery,
} from '../../../common/contracts/trends';
import { keywords } from '../../domain/kb/segment';
import { defaultBurstOptions, detectBursts, isTopicWord, type TermCounts } from '../../domain/trends/burst';
import { groupTopics, topicName } from '../../domain/trends/topic-groups';
import type { Db } from '../../platform/db';
import { addDays, datesBetween, rangeOf } from './service-days';
import {
  countAndStoreDayTerms,
  storedDayOrders,
  storedDayTerms,
  summedDayTerms,
} from './term-days.repository';
import {
  dailyOrderCounts,
  orderContents,
  ordersMentioning,
  termConcentration,
  termOrderCounts,
  type OrderSlice,
} from './trends.repository';

const SAMPLES = 5;

/** From this many days on, a window is also its own reference, without each word's peak days. */
const SELF_REFERENCE_DAYS = 7;

export type HotTopicsInput = Pick<HotTopicsQuery, 'from' | 'to'> &
  Partial<Pick<HotTopicsQuery, 'limit' | 'minCount'>>;

/** The peak: the `k` consecutive days with the most orders on a word (their index and sum). */
function peakSpan(daily: Int32Array, k: number): { at: number; sum: number } {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += daily[i] ?? 0;
  let best = { at: 0, sum };
  for (let i = k; i < daily.length; i++) {
    sum += (daily[i] ?? 0) - (daily[i - k] ?? 0);
    if (sum > best.sum) best = { at: i - k + 1, sum };
  }
  return best;
}

const isWholeCity = (s: OrderSlice) => !s.region && !s.category && !s.unitPath && !s.platformPath;

/**
 * Brings the stored word counts of `days` up to date: a day whose number of orders changed since
 * it was counted (or never counted) is counted again. Days without orders are left out.
 */
export async function refreshStoredDays(
  db: Db,
  days: readonly string[],
  totals: ReadonlyMap<string, number>,
): Promise<void> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return;
  const stored = await storedDayOrders(db, first, last);
  for (const day of days) {
    const orders = totals.get(day) ?? 0;
    if (orders > 0 && stored.get(day) !== orders) {
      await countAndStoreDayTerms(db, day, rangeOf(day, day), orders);
    }
  }
}

function sumDays(perDay: ReadonlyMap<string, Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const counts of perDay.values()) {
    for (const [term, n] of counts) out.set(term, (out.get(term) ?? 0) + n);
  }
  return out;
}

/**
 * The words of the window's orders with their reference counts. The reference is the 28 days
 * before `from`. A window of a week or more also compares with its own days outside each word's
 * peak (2 or 3 days): a burst inside a long window stands out even when the data starts with it.
 */
async function countTerms(
  db: Db,
  q: HotTopicsInput,
  slice: OrderSlice,
): Promise<{ terms: TermCounts[]; windowOrders: number }> {
  const days = datesBetween(q.from, q.to);
  const refFrom = addDays(q.from, -hotTopicBaselineDays);
  const refRange = rangeOf(refFrom, addDays(q.from, -1));
  const totals = new Map(
    (await dailyOrderCounts(db, rangeOf(refFrom, q.to), slice)).map((r) => [r.day, r.orders]),
  );
  const dayOrders = days.map((d) => totals.get(d) ?? 0);
  const windowOrders = dayOrders.reduce((a, b) => a + b, 0);
  let refOrders = 0;
  for (const [day, n] of totals) if (day < q.from) refOrders += n;
  const minCount = q.minCount ?? defaultBurstOptions.minCount;
  // The whole city's figures come from the stored days (the reference summed by the server, the
  // window's days read whole); a slice's are counted on each request.
  const wholeCity = isWholeCity(slice);
  if (wholeCity) await refreshStoredDays(db, datesBetween(refFrom, q.to), totals);
  const perDay = wholeCity ? await storedDayTerms(db, q.from, q.to) : null;
  const ref = wholeCity
    ? await summedDayTerms(db, refFrom, addDays(q.from, -1))
    : await termOrderCounts(db, refRange, slice);

  if (days.length < SELF_REFERENCE_DAYS) {
    const window = perDay ? sumDays(perDay) : await termOrderCounts(db, rangeOf(q.from, q.to), slice);
    const terms: TermCounts[] = [];
    for (const [term, count] of window) {
      if (count < minCount || !isTopicWord(term)) continue;
      terms.push({ term, count, ref: ref.get(term) ?? 0, refOrders });
    }
    return { terms, windowOrders };
  }

  const daily = new Map<string, Int32Array>();
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? q.from;
    if ((dayOrders[i] ?? 0) === 0) continue;
    const counts = perDay?.get(day) ?? (await termOrderCounts(db, rangeOf(day, day), slice));
    for (const [term, n] of counts) {
      let arr = daily.get(term);
      if (!arr) daily.set(term, (arr = new Int32Array(days.length)));
      arr[i] = n;
    }
  }
  const k = days.length >= 21 ? 3 : 2;
  const terms: TermCounts[] = [];
  for (const [term, arr] of daily) {
    const count = arr.reduce((a, b) => a + b, 0);
    if (count < minCount || !isTopicWord(term)) continue;
    const peak = peakSpan(arr, k);
    let peakOrders = 0;
    for (let i = peak.at; i < peak.at + k; i++) peakOrders += dayOrders[i] ?? 0;
    terms.push({
      term,
      count,
      ref: (ref.get(term) ?? 0) + count - peak.sum,
      refOrders: refOrders + windowOrders - peakOrders,
    });
  }
  return { terms, windowOrders };
}

/** Rising words examined for grouping into topics (the rest are far down the ranking). */
const GROUPED = 60;
/** Order ids read per word to compare words' orders. */
const IDS_PER_WORD = 3000;
/** Orders whose text names a topic. */
const NAMING_ORDERS = 20;

/**
 * 热点: the matters that rose in [from, to] against the 28 days before, best first, as
 * `[{term, count, baseline, growth, sampleTicketIds}]` (server/domain/trends/burst.ts). The words
 * of one matter (found in the same orders) make one topic, named by its TF-IDF keyword.
 */
export async function hotTopics(db: Db, q: HotTopicsInput, slice: OrderSlice = {}): Promise<HotTopic[]> {
  const { terms, windowOrders } = await countTerms(db, q, slice);
  const bursts = detectBursts(terms, {
    ...defaultBurstOptions,
    windowOrders,
    minCount: q.minCount ?? defaultBurstOptions.minCount,
  }).slice(0, GROUPED);
  const range = rangeOf(q.from, q.to);
  const ids = new Map<string, number[]>();
  for (const b of bursts) ids.set(b.term, await ordersMentioning(db, range, slice, b.term, IDS_PER_WORD));
  const groups = groupTopics(bursts, (term) => ids.get(term) ?? []).slice(0, q.limit ?? 20);
  const out: HotTopic[] = [];
  for (const g of groups) {
    const named =
      g.members.length === 1
        ? g.members[0]
        : topicName(
            g,
            keywords((await orderContents(db, [...g.ids].slice(0, NAMING_ORDERS))).join('\n'), 20),
          );
    if (!named) continue;
    out.push({
      term: named.term,
      count: named.count,
      baseline: named.baseline,
      growth: named.growth,
      sampleTicketIds: (ids.get(named.term) ?? []).slice(0, SAMPLES),
    });
  }
  return out;
}

/**
 * 集中诉求: for each hot word, the district, category and unit where its orders gather (at least
 * three orders and a quarter of the word's orders), largest first.
 */
export async function hotTopicClusters(
  db: Db,
  q: HotTopicsInput,
  slice: OrderSlice = {},
): Promise<HotTopicCluster[]> {
  const topics = await hotTopics(db, { ...q, limit: Math.min(q.limit ?? 10, 10) }, slice);
  const range = rangeOf(q.from, q.to);
  const out: HotTopicCluster[] = [];
  for (const t of topics) {
    for (const g of await termConcentration(db, range, slice, t.term, 3)) {
      if (g.orders < 3 || g.orders < t.count / 4) continue;
      out.push({
        term: t.term,
        region: g.region,
        categoryCode: g.categoryCode,
        categoryName: g.categoryName,
        unitName: g.unitName,
        count: g.orders,
        share: Math.round((g.orders / t.count) * 1000) / 1000,
        sampleTicketIds: g.ids,
      });
    }
  }
  return out.sort((a, b) => b.count - a.count);
}
