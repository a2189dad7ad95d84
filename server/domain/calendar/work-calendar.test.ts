import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import shippedJson from './data/cn-holidays.json';
import { buildCalendar, shippedCalendar, shippedHolidays } from './index';
import { daysFromCivil, formatDay, parseDay } from './time';

const cal = shippedCalendar();
const holidayDir = path.resolve(process.cwd(), '../shared/data/holidays');
const haveData = existsSync(holidayDir);
if (!haveData) console.warn(`skipping the official-schedule cross-check: ${holidayDir} is absent`);

/** Independent oracle: the upstream per-year files, read directly, and the UTC weekday. */
function oracle(): { working: (date: string) => boolean; entries: Map<string, boolean> } {
  const entries = new Map<string, boolean>();
  for (const f of readdirSync(holidayDir).filter((n) => /^\d{4}\.json$/.test(n))) {
    const doc = JSON.parse(readFileSync(path.join(holidayDir, f), 'utf8')) as {
      days: { date: string; isOffDay: boolean }[];
    };
    for (const d of doc.days) entries.set(d.date, d.isOffDay);
  }
  const working = (date: string): boolean => {
    const off = entries.get(date);
    if (off !== undefined) return !off;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  };
  return { working, entries };
}

describe.skipIf(!haveData)('official schedules 2007-2026 (../shared/data/holidays)', () => {
  const o = haveData ? oracle() : null;
  it('every date 2007-01-01..2026-12-31 has the working/rest status of the official notices', () => {
    const mismatches: string[] = [];
    let count = 0;
    for (let d = daysFromCivil(2007, 1, 1); d <= daysFromCivil(2026, 12, 31); d++) {
      const date = formatDay(d);
      if (o?.working(date) !== cal.isWorkingDay(d)) mismatches.push(date);
      count++;
    }
    expect(count).toBe(7305);
    expect(mismatches).toEqual([]);
  });
  it('the shipped data file is the deduplicated, sorted flattening of the upstream files', () => {
    const flat = [...(o?.entries ?? new Map<string, boolean>()).keys()].sort();
    expect(shippedJson.map((e) => e.date)).toEqual(flat);
    for (const e of shippedJson) expect(e.isOffDay).toBe(o?.entries.get(e.date));
  });
  it('working-day additions match a day-by-day count over the official data', () => {
    // Naive oracle: walk day by day using the upstream files.
    const naive = (start: string, n: number): string => {
      let d = parseDay(start);
      let left = n;
      while (left > 0) {
        d++;
        if (o?.working(formatDay(d))) left--;
      }
      return formatDay(d);
    };
    let seed = 12345;
    const rnd = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    for (let i = 0; i < 3000; i++) {
      const start = formatDay(daysFromCivil(2007, 1, 1) + rnd(7200));
      const n = 1 + rnd(30);
      expect(formatDay(cal.addWorkingDays(parseDay(start), n)), `${start} + ${n} WD`).toBe(naive(start, n));
    }
  });
});

describe('calendar basics (hand-checked against the 2026 notice)', () => {
  it.each([
    ['2026-10-01', false, 'holiday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'workday'],
    ['2026-10-10', true, 'makeup'],
    ['2026-09-20', true, 'makeup'],
    ['2026-02-14', true, 'makeup'],
    ['2026-02-16', false, 'holiday'], // 除夕
    ['2026-02-23', false, 'holiday'],
    ['2026-02-24', true, 'workday'],
    ['2026-02-28', true, 'makeup'],
    ['2026-03-07', false, 'weekend'],
  ])('%s working=%s (%s)', (date, working, kind) => {
    expect(cal.isWorkingDay(parseDay(date))).toBe(working);
    expect(cal.kindOf(parseDay(date))).toBe(kind);
  });
  it('covers the years with a notice, 2007-2026', () => {
    expect(cal.coveredYears).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(cal.isYearCovered(2006)).toBe(false); // only two late-December entries from the 2007 notice
  });
  it('adds, subtracts and counts working days', () => {
    const d = parseDay('2026-09-30');
    expect(formatDay(cal.addWorkingDays(d, 1))).toBe('2026-10-08');
    expect(formatDay(cal.addWorkingDays(d, 3))).toBe('2026-10-10');
    expect(formatDay(cal.addWorkingDays(d, 0))).toBe('2026-09-30');
    expect(formatDay(cal.addWorkingDays(parseDay('2026-10-08'), -1))).toBe('2026-09-30');
    expect(formatDay(cal.addWorkingDays(parseDay('2026-10-04'), -2))).toBe('2026-09-29');
    expect(cal.workingDaysBetween(d, parseDay('2026-10-13'))).toBe(5);
  });
  it('names a long block of rest days and whether it holds a holiday', () => {
    expect(cal.offBlock(parseDay('2026-10-04'))).toEqual({
      start: parseDay('2026-10-01'),
      end: parseDay('2026-10-07'),
      length: 7,
      hasHoliday: true,
    });
    expect(cal.offBlock(parseDay('2026-03-07'))?.hasHoliday).toBe(false);
    expect(cal.offBlock(parseDay('2026-03-09'))).toBeNull();
  });
});

describe('years without an official schedule (provisional)', () => {
  it('2027 is provisional and 2027-10-01..03 are rest days under the national rules', () => {
    expect(cal.isYearCovered(2027)).toBe(false);
    for (const d of ['2027-10-01', '2027-10-02', '2027-10-03']) {
      expect(cal.isWorkingDay(parseDay(d))).toBe(false);
      expect(cal.dayInfo(parseDay(d)).provisional).toBe(true);
    }
    expect(cal.kindOf(parseDay('2027-10-01'))).toBe('holiday'); // a Friday
    expect(cal.isWorkingDay(parseDay('2027-10-04'))).toBe(true); // no guessed substitute day
  });
  it('春节 2027 comes from the lunar calendar: 除夕 2027-02-05, 初一 2027-02-06 to 初三 2027-02-08', () => {
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(cal.kindOf(parseDay(d))).toBe('holiday');
      expect(cal.nameOf(parseDay(d))).toBe('春节');
    }
    expect(cal.isWorkingDay(parseDay('2027-02-04'))).toBe(true);
    expect(cal.isWorkingDay(parseDay('2027-02-09'))).toBe(true);
  });
  it('other 2027 statutory days: 元旦 Jan 1, 清明 Apr 5, 劳动节 May 1-2, 端午 Jun 9, 中秋 Sep 15', () => {
    for (const d of ['2027-01-01', '2027-04-05', '2027-05-01', '2027-06-09', '2027-09-15']) {
      expect(cal.kindOf(parseDay(d)), d).toBe('holiday');
    }
    expect(cal.specialDays(2027).filter((x) => x.kind === 'holiday')).toHaveLength(13);
  });
  it('is never Monday-Friday only: far years grow the tables and keep the holidays', () => {
    expect(cal.isWorkingDay(parseDay('2045-10-02'))).toBe(false); // a Monday, 国庆
    expect(formatDay(cal.addWorkingDays(parseDay('2045-09-29'), 1))).toBe('2045-10-04');
    expect(() => cal.addWorkingDays(parseDay('2099-12-01'), 100)).toThrow(RangeError);
  });
  it('importing a schedule for 2027 makes it official', () => {
    const fake = [
      ...shippedHolidays,
      { date: '2027-10-04', isOffDay: true, name: '国庆节' },
      { date: '2027-09-26', isOffDay: false, name: '国庆节' },
    ];
    const next = buildCalendar(fake, { version: 7 });
    expect(next.version).toBe(7);
    expect(next.isYearCovered(2027)).toBe(true);
    expect(next.isWorkingDay(parseDay('2027-10-04'))).toBe(false);
    expect(next.isWorkingDay(parseDay('2027-09-26'))).toBe(true);
    // Without statutory rules, an unlisted 2027 day is an ordinary day.
    expect(next.isWorkingDay(parseDay('2027-10-01'))).toBe(true);
  });
  it('coveredYears can be given explicitly', () => {
    const c = buildCalendar(shippedHolidays, { coveredYears: [2026] });
    expect(c.isYearCovered(2025)).toBe(false);
    expect(c.isWorkingDay(parseDay('2026-10-10'))).toBe(true);
  });
  it('refuses contradictory data', () => {
    expect(() =>
      buildCalendar([
        { date: '2026-10-10', isOffDay: true, name: 'a' },
        { date: '2026-10-10', isOffDay: false, name: 'b' },
      ]),
    ).toThrow(/2026-10-10/);
  });
});
