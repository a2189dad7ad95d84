/**
 * Statutory public holidays of the national rules, for years whose official schedule has not
 * been published yet.
 *
 * 《全国年节及纪念日放假办法》 (2024 revision, State Council Decree No. 795, in force
 * 2025-01-01), article 2, holidays for all citizens:
 *   元旦 January 1 (1 day); 春节 农历除夕 and 正月初一 to 初三 (4 days); 清明节 the day of the
 *   清明 solar term (1 day); 劳动节 May 1-2 (2 days); 端午节 lunar 5/5 (1 day);
 *   中秋节 lunar 8/15 (1 day); 国庆节 October 1-3 (3 days).
 * Substitute days (补假) and swapped make-up days (调休) are set each year by the State Council
 * notice and are not guessed here: a provisional year counts weekends plus these dates only.
 */
import lunar from 'lunar-javascript';
import { daysFromCivil, formatDay } from './time';

export interface StatutoryHoliday {
  date: string;
  name: string;
}

function solarDay(s: { getYear(): number; getMonth(): number; getDay(): number }): number {
  return daysFromCivil(s.getYear(), s.getMonth(), s.getDay());
}

/** The statutory holiday dates of one Gregorian year, sorted. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const out: { day: number; name: string }[] = [];
  const fixed = (m: number, d: number, name: string): void => {
    out.push({ day: daysFromCivil(year, m, d), name });
  };
  fixed(1, 1, '元旦');
  // 春节 of the lunar year that starts in this Gregorian year; its 除夕 may fall in January.
  const newYear = lunar.Lunar.fromYmd(year, 1, 1);
  const firstDay = solarDay(newYear.getSolar());
  for (let i = -1; i <= 2; i++) out.push({ day: firstDay + i, name: '春节' });
  // The 除夕 of next lunar year may fall on December 31 of this year (it never has in
  // 1900-2100 because 春节 is never on January 1, but keep the rule complete).
  const nextFirst = solarDay(lunar.Lunar.fromYmd(year + 1, 1, 1).getSolar());
  if (nextFirst - 1 <= daysFromCivil(year, 12, 31)) out.push({ day: nextFirst - 1, name: '春节' });
  const qingming = lunar.Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'];
  if (!qingming) throw new Error(`no 清明 solar term found for ${year}`);
  out.push({ day: solarDay(qingming), name: '清明节' });
  fixed(5, 1, '劳动节');
  fixed(5, 2, '劳动节');
  out.push({ day: solarDay(lunar.Lunar.fromYmd(year, 5, 5).getSolar()), name: '端午节' });
  out.push({ day: solarDay(lunar.Lunar.fromYmd(year, 8, 15).getSolar()), name: '中秋节' });
  fixed(10, 1, '国庆节');
  fixed(10, 2, '国庆节');
  fixed(10, 3, '国庆节');
  const lo = daysFromCivil(year, 1, 1);
  const hi = daysFromCivil(year, 12, 31);
  const byDay = new Map<number, string>();
  for (const h of out) {
    if (h.day < lo || h.day > hi) continue;
    const prev = byDay.get(h.day);
    byDay.set(h.day, prev && prev !== h.name ? `${prev}、${h.name}` : h.name);
  }
  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({ date: formatDay(day), name }));
}
