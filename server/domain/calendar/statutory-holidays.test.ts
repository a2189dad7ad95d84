import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from './statutory-holidays';

const holidayDir = path.resolve(process.cwd(), '../shared/data/holidays');

describe('statutory holidays (全国年节及纪念日放假办法, 2024)', () => {
  it('2027: 13 days, lunar festivals from the lunar calendar', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });
  it('2028: 春节 on 2028-01-26 (除夕 Jan 25), 中秋 on 2028-10-03 (inside 国庆)', () => {
    const dates = statutoryHolidays(2028).map((h) => `${h.date} ${h.name}`);
    expect(dates).toContain('2028-01-25 春节');
    expect(dates).toContain('2028-01-26 春节');
    const oct3 = dates.find((d) => d.startsWith('2028-10-03')) ?? '';
    expect(oct3).toMatch(/中秋节/);
    expect(oct3).toMatch(/国庆节/);
  });
  it.skipIf(!existsSync(holidayDir))(
    'every rule date of 2008-2026 is a day off in the official notices (除夕 and May 2 from 2025)',
    () => {
      const off = new Set<string>();
      const work = new Set<string>();
      for (const f of readdirSync(holidayDir).filter((n) => /^\d{4}\.json$/.test(n))) {
        const doc = JSON.parse(readFileSync(path.join(holidayDir, f), 'utf8')) as {
          days: { date: string; isOffDay: boolean }[];
        };
        for (const d of doc.days) (d.isOffDay ? off : work).add(d.date);
      }
      const isOff = (date: string): boolean => {
        if (off.has(date)) return true;
        if (work.has(date)) return false;
        const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
        return wd === 0 || wd === 6;
      };
      const wrong: string[] = [];
      for (let y = 2008; y <= 2026; y++) {
        const hs = statutoryHolidays(y);
        const firstSpring = hs.find((h) => h.name === '春节')?.date;
        for (const h of hs) {
          const isChuxi = h.name === '春节' && h.date === firstSpring;
          // 除夕 and 劳动节 May 2 became statutory with the 2024 revision (in force 2025).
          if (isChuxi && y < 2025) continue;
          if (h.date.endsWith('-05-02') && y < 2025) continue;
          if (!isOff(h.date)) wrong.push(`${h.date} ${h.name}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
