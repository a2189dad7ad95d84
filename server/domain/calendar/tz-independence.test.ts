import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarDigest } from './calendar-digest';
import { shippedCalendar } from './index';

const moduleUrl = path.resolve(process.cwd(), 'server/domain/calendar/calendar-digest.ts');
const indexUrl = path.resolve(process.cwd(), 'server/domain/calendar/index.ts');

function digestIn(tz: string): string {
  const code = [
    `const { calendarDigest } = await import(${JSON.stringify(moduleUrl)});`,
    `const { shippedCalendar } = await import(${JSON.stringify(indexUrl)});`,
    `process.stdout.write(calendarDigest(shippedCalendar()) + ' ' + new Date(2026, 0, 1).getTimezoneOffset());`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`child with TZ=${tz} failed: ${r.stderr}`);
  return r.stdout.trim();
}

describe('time-zone independence', () => {
  it(
    'the same results under TZ=UTC, Pacific/Auckland and America/New_York as in this process',
    { timeout: 120_000 },
    () => {
      const here = calendarDigest(shippedCalendar());
      const utc = digestIn('UTC');
      const auckland = digestIn('Pacific/Auckland');
      const newYork = digestIn('America/New_York');
      // The children really ran in different zones (offsets 0, -780, 300 on 2026-01-01)...
      expect(utc.split(' ')[1]).toBe('0');
      expect(auckland.split(' ')[1]).toBe('-780');
      expect(newYork.split(' ')[1]).toBe('300');
      // ...and computed identical digests.
      expect(utc.split(' ')[0]).toBe(here);
      expect(auckland.split(' ')[0]).toBe(here);
      expect(newYork.split(' ')[0]).toBe(here);
    },
  );
});
