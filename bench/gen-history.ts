/**
 * City-scale order histories as JSON lines, for `civicline import` (the import contract of
 * docs/decisions/0004-history-import.md). Realistic mixes: about half consultations (most of
 * them answered on the spot), a third complaints; the demo city's units (云川市), a share of
 * orders through a district sub-platform; returns, extensions, rejected replies, callbacks,
 * redos and appeals; the orders still open at `--until` are cut there. Seeded, so the same
 * options give the same file. The histories are legal under zibo-12345, beijing-miyun and
 * tianjin-urban; shanghai-962200 allows no extensions, so those orders are refused there.
 *
 *   npx tsx bench/gen-history.ts --orders 1000000 --from 2026-01 --months 1 --seed 7 > history.jsonl
 *   (--until ISO: cut histories at that instant; default the end of the last month)
 */
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../common/seeded-random';
import { arg } from './bench-args';

export interface GenOptions {
  orders: number;
  /** First month, YYYY-MM. */
  from: string;
  months: number;
  seed: number;
  /** Events after this instant are left out (orders still open then). */
  until?: Date;
}

/** mulberry32: small, fast, good enough for test data. */
export const rng = seededRandom;

/** Handling units of the demo city by category prefix, and the district route of some of them. */
const routes: { categories: string[]; unit: string; district?: { platform: string; units: string[] } }[] = [
  {
    categories: ['010101', '010102', '010103', '010104', '010201', '010202', '010203', '010204'],
    unit: 'YC-RSJ',
  },
  { categories: ['020101', '020102', '020103', '020301', '020302', '020303'], unit: 'YC-ZJJ' },
  {
    categories: ['020201', '020202', '020203'],
    unit: 'YC-ZJJ',
    district: { platform: 'XC-RX', units: ['XC-ZJJ'] },
  },
  { categories: ['030101', '030102', '030103', '030201', '030202', '030301', '030302'], unit: 'YC-SCJ' },
  {
    categories: ['040101', '040102', '040103', '040201', '040202', '040203', '040301', '040302'],
    unit: 'YC-STJ',
    district: { platform: 'BS-RX', units: ['BS-STJ'] },
  },
  { categories: ['050101', '050102', '050201', '050202', '050301', '050302', '050303'], unit: 'YC-JTJ' },
  {
    categories: ['060101', '060102', '060103', '060201', '060202', '060301', '060302'],
    unit: 'YC-CGJ',
    district: { platform: 'DC-RX', units: ['DC-DHJD', 'DC-XGJD', 'DC-CGJ'] },
  },
  { categories: ['070101', '070102', '070103'], unit: 'YC-SW' },
  { categories: ['070201', '070202'], unit: 'YC-GD' },
  { categories: ['070301', '070302'], unit: 'YC-RQ' },
  { categories: ['070401', '070402'], unit: 'YC-RL' },
  { categories: ['080101', '080102', '080201', '080202'], unit: 'YC-JYJ' },
  { categories: ['090101', '090102', '090201', '090202'], unit: 'YC-WJW' },
  { categories: ['100101', '100102', '100201', '100202'], unit: 'YC-GAJ' },
  { categories: ['110101', '110102', '110201', '110202'], unit: 'YC-ZWB' },
];
const regions = ['东城区', '西城区', '北山区'];
const channels = ['phone', 'phone', 'phone', 'phone', 'wechat', 'app', 'web', 'hotline-12345', 'province'];
const HOUR = 3_600_000;

type Ev = { at: string; action: string; unitCode?: string; payload?: Record<string, unknown> };

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function iso(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

function monthStartMs(ym: string, add: number): number {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1 + add, 1) - 8 * HOUR;
}

function satisfaction(r: () => number): string {
  const x = r();
  return x < 0.8 ? 'satisfied' : x < 0.92 ? 'basically-satisfied' : 'unsatisfied';
}

/** One order's events after intake, from dispatch on. */
function handlingEvents(r: () => number, start: number, category: string): Ev[] {
  const ev: Ev[] = [];
  let t = start;
  const step = (minH: number, maxH: number) => (t += Math.round((minH + r() * (maxH - minH)) * HOUR));
  const route = routes.find((x) => x.categories.includes(category)) ?? routes[0];
  if (!route) return ev;
  let target = route.unit;
  const viaDistrict = route.district && r() < 0.5 ? route.district : undefined;
  step(0.1, 3);
  if (viaDistrict) {
    ev.push({ at: iso(t), action: 'dispatch', payload: { unitCode: viaDistrict.platform } });
    step(0.2, 4);
    target = pick(r, viaDistrict.units);
    ev.push({ at: iso(t), action: 'dispatch', payload: { unitCode: target } });
  } else {
    const co =
      r() < 0.04
        ? pick(
            r,
            routes.filter((x) => x.unit !== target),
          ).unit
        : null;
    ev.push({
      at: iso(t),
      action: 'dispatch',
      payload: { unitCode: target, ...(co ? { coUnitCodes: [co] } : {}) },
    });
    if (co) ev.push({ at: iso(step(0.5, 6)), action: 'accept', unitCode: co });
  }
  // 回退: 5 % ask to return, 80 % of those approved and re-dispatched by the center.
  if (r() < 0.05) {
    ev.push({
      at: iso(step(1, 20)),
      action: 'request-return',
      payload: { reason: '不属于本单位职责', basis: '三定方案' },
    });
    if (r() < 0.8) {
      ev.push({ at: iso(step(0.5, 8)), action: 'approve-return' });
      target = pick(
        r,
        routes.filter((x) => x.unit !== target),
      ).unit;
      ev.push({ at: iso(step(0.2, 4)), action: 'dispatch', payload: { unitCode: target } });
    } else {
      ev.push({ at: iso(step(0.5, 8)), action: 'reject-return', payload: { reason: '属本单位职责' } });
    }
  }
  ev.push({ at: iso(step(0.2, 20)), action: 'accept' });
  if (r() < 0.6) ev.push({ at: iso(step(0.5, 20)), action: 'record-contact' });
  if (r() < 0.02) {
    ev.push({
      at: iso(step(1, 24)),
      action: 'supervise',
      payload: { trigger: 'leader-instruction', mode: 'written' },
    });
  }
  if (r() < 0.08) {
    ev.push({
      at: iso(step(0.5, 6)),
      action: 'request-extension',
      payload: { workingDays: 2, reason: '需现场核查' },
    });
    ev.push({ at: iso(step(0.5, 6)), action: r() < 0.9 ? 'approve-extension' : 'reject-extension' });
  }
  // Replies: most within the limit, about one in ten late.
  const reply = (late: boolean) => {
    step(late ? 7 * 24 : 4, late ? 11 * 24 : 5 * 24);
    ev.push({
      at: iso(t),
      action: 'reply',
      payload: {
        result: '已办理并答复诉求人',
        contacted: r() < 0.95,
        factual: pick(r, ['true', 'partly', 'false', 'n/a']),
      },
    });
  };
  reply(r() < 0.1);
  if (r() < 0.03) {
    ev.push({ at: iso(step(1, 6)), action: 'reject-reply', payload: { reason: '答复不完整' } });
    reply(false);
  }
  ev.push({ at: iso(step(0.5, 8)), action: 'approve-reply' });
  if (r() < 0.15) return ev; // not called back (sampling)
  if (r() < 0.1) ev.push({ at: iso(step(2, 20)), action: 'record-callback', payload: { reached: false } });
  const callback = () => {
    // A satisfied result comes with a satisfied process, so the order closes under profiles with
    // two ratings and under those with one overall rating alike.
    const result = satisfaction(r);
    const other = satisfaction(r);
    const process =
      result === 'satisfied' || r() < 0.9 ? result : other === 'satisfied' ? 'basically-satisfied' : other;
    ev.push({
      at: iso(step(2, 30)),
      action: 'record-callback',
      payload: {
        reached: true,
        contactedByUnit: r() < 0.92,
        processSatisfaction: process,
        resultSatisfaction: result,
      },
    });
    return result === 'satisfied' && process === 'satisfied';
  };
  if (callback()) return ev;
  const x = r();
  if (x < 0.4) {
    ev.push({ at: iso(step(1, 8)), action: 'redo', payload: { reason: '诉求未解决' } });
    reply(r() < 0.1);
    ev.push({ at: iso(step(0.5, 8)), action: 'approve-reply' });
    if (!callback()) ev.push({ at: iso(step(1, 8)), action: 'close' });
  } else if (x < 0.6) {
    ev.push({ at: iso(step(2, 30)), action: 'appeal', payload: { reason: '已依法依规答复' } });
    const upheld = r() < 0.5;
    ev.push({ at: iso(step(2, 30)), action: upheld ? 'uphold-appeal' : 'dismiss-appeal' });
    if (!upheld) ev.push({ at: iso(step(1, 8)), action: 'close' });
  } else {
    ev.push({ at: iso(step(1, 8)), action: 'close' });
  }
  return ev;
}

/** The history, one JSON line per order, in order of arrival. */
export function* generateHistory(o: GenOptions): Generator<string> {
  const r = rng(o.seed);
  const start = monthStartMs(o.from, 0);
  const end = monthStartMs(o.from, o.months);
  const until = o.until?.getTime() ?? end;
  const span = end - start;
  const allCategories = routes.flatMap((x) => x.categories);
  const perDay = new Map<string, number>();
  for (let i = 0; i < o.orders; i++) {
    const received = start + Math.floor((i / o.orders) * span) + Math.floor(r() * 60_000);
    const day = iso(received).slice(0, 10).replaceAll('-', '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const x = r();
    const type =
      x < 0.5
        ? 'consult'
        : x < 0.83
          ? 'complaint'
          : x < 0.91
            ? 'help'
            : x < 0.95
              ? 'report'
              : x < 0.99
                ? 'suggestion'
                : 'praise';
    const category = pick(r, allCategories);
    let events: Ev[];
    const y = r();
    if (type === 'consult' && y < 0.7) {
      events = [
        {
          at: iso(received + 5 * 60_000),
          action: 'direct-answer',
          payload: { answer: '已按知识库口径答复' },
        },
      ];
    } else if (y > 0.98) {
      events = [
        {
          at: iso(received + 5 * 60_000),
          action: 'intake-not-accept',
          payload: { reason: '属诉讼程序中的事项', suggestedChannel: '人民法院' },
        },
      ];
    } else {
      events = handlingEvents(r, received, category);
    }
    events = events.filter((e) => Date.parse(e.at) <= until);
    if (received > until) continue;
    yield JSON.stringify({
      ticketNo: `${day}${String(seq).padStart(5, '0')}`,
      receivedAt: iso(received),
      channel: pick(r, channels),
      type,
      category,
      region: pick(r, regions),
      urgency: r() < 0.03 ? 'urgent' : 'normal',
      level: 'city',
      caller: {
        name: '市民',
        phone: `138${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        confidential: r() < 0.02,
      },
      content: '市民来电反映诉求',
      events,
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const untilArg = arg('until', '');
  const opts: GenOptions = {
    orders: Number(arg('orders', '10000')),
    from: arg('from', '2026-01'),
    months: Number(arg('months', '1')),
    seed: Number(arg('seed', '1')),
    ...(untilArg ? { until: new Date(untilArg) } : {}),
  };
  const write = async () => {
    let buf = '';
    for (const l of generateHistory(opts)) {
      buf += `${l}\n`;
      if (buf.length > 1 << 20) {
        if (!process.stdout.write(buf)) await new Promise((res) => process.stdout.once('drain', res));
        buf = '';
      }
    }
    process.stdout.write(buf);
  };
  await write();
}
