/** The deadline, limits and calendar commands, run as a user runs them (a handful of spawns: each starts tsx). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../domain/calendar';
import { yearReport } from '../../features/calendar/year-report';
import { cliCalendar } from './cli-calendar';
import { deadlineLine } from './deadline';

const bin = path.resolve(process.cwd(), 'bin/civicline.mjs');
function civicline(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TZ: 'America/New_York' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('civicline deadline', () => {
  it('--from --add prints the deadline (SPEC §4.1 example)', { timeout: 60_000 }, () => {
    const r = civicline(['deadline', '--from', '2026-09-30T10:00:00+08:00', '--add', '5wd']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('2026-10-13T23:59:59+08:00\n');
  });
  it(
    '--batch answers line by line, in order; a bad line prints an error in its place and the exit code is 1',
    { timeout: 60_000 },
    () => {
      const input = [
        '{"from":"2026-09-30T10:00:00+08:00","add":"5wd"}',
        '{"from":"2026-09-24T02:00:00Z","add":"7nd"}',
        '{"from":"2026-10-01T23:45:00+08:00","add":"0.5h"}',
        '{"from":"2026-02-30T10:00:00+08:00","add":"5wd"}',
        '{"from":"2026-09-29T22:00:00-04:00","add":"1wd"}',
        '',
        '{"from":"2026-12-28T09:00:00+08:00","add":"5wd"}',
      ].join('\n');
      const r = civicline(['deadline', '--batch'], input);
      expect(r.stdout.split('\n')).toEqual([
        '2026-10-13T23:59:59+08:00',
        '2026-10-01T23:59:59+08:00',
        '2026-10-02T00:15:00+08:00',
        'error: no such date: "2026-02-30T10:00:00+08:00"',
        '2026-10-08T23:59:59+08:00',
        '2027-01-05T23:59:59+08:00',
        '',
      ]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/1 line\(s\) failed, the first at input line 4/);
    },
  );
});

describe('civicline limits and calendar', () => {
  it('limits for zibo-12345 received 2026-09-30 10:05', { timeout: 60_000 }, () => {
    const r = civicline(['limits', '--profile', 'zibo-12345', '--received', '2026-09-30T10:05:00+08:00']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      handleBy: '2026-10-13T23:59:59+08:00', // §11(3)
      returnBy: '2026-10-09T23:59:59+08:00', // §11(6)
      extensionRequestBy: '2026-10-13T23:59:59+08:00', // §11(4)
      yellowAt: '2026-10-12T23:59:59+08:00', // §12
      redAt: '2026-10-14T23:59:59+08:00', // §12
    });
  });
  it('an unknown profile is refused with the known ids', { timeout: 60_000 }, () => {
    const r = civicline(['limits', '--profile', 'nope', '--received', '2026-09-30T10:05:00+08:00']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown profile "nope"; known profiles: tianjin-wuqing, zibo-12345/);
  });
  it('calendar show 2027 --json says provisional', { timeout: 60_000 }, () => {
    const r = civicline(['calendar', 'show', '2027', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      provisional: boolean;
      holidays: { from: string; to: string; name: string }[];
    };
    expect(doc.provisional).toBe(true);
    expect(doc.holidays).toContainEqual({ from: '2027-02-05', to: '2027-02-08', days: 4, name: '春节' });
  });
});

describe('command helpers (in process)', () => {
  const cal = shippedCalendar();
  it.each([
    ['{"from":"2026-09-30T10:00:00+08:00","add":"5wd"}', true, '2026-10-13T23:59:59+08:00'],
    ['not json', false, 'error: not a JSON object'],
    ['[1]', false, 'error: not a JSON object'],
    ['{"add":"5wd"}', false, 'error: "from" must be an ISO 8601 string'],
    [
      '{"from":"2026-09-30T10:00:00Z"}',
      false,
      'error: "add" must be a duration such as "5wd", "7nd" or "0.5h"',
    ],
    [
      '{"from":"2026-09-30T10:00:00Z","add":"5 weeks"}',
      false,
      'error: bad duration "5 weeks": expected a number followed by wd, nd or h (e.g. 5wd, 7nd, 0.5h)',
    ],
  ])('batch line %s', (line, ok, out) => {
    expect(deadlineLine(cal, line, 86_399_000, new Map())).toEqual({ ok, out });
  });
  it('2026: official schedule, 7 holiday blocks and 6 make-up days', () => {
    const r = yearReport(cal, 2026);
    expect(r.provisional).toBe(false);
    expect(r.holidays.map((h) => `${h.from}..${h.to}`)).toEqual([
      '2026-01-01..2026-01-03',
      '2026-02-15..2026-02-23',
      '2026-04-04..2026-04-06',
      '2026-05-01..2026-05-05',
      '2026-06-19..2026-06-21',
      '2026-09-25..2026-09-27',
      '2026-10-01..2026-10-07',
    ]);
    expect(r.makeupDays.map((m) => m.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('--holidays: a schedule file published after the shipped data', () => {
  it('makes its year official and replaces the provisional rules', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'civicline-holidays-'));
    try {
      const file = path.join(dir, '2027.json');
      writeFileSync(
        file,
        JSON.stringify({
          year: 2027,
          days: [
            { name: '国庆节', date: '2027-10-01', isOffDay: true },
            { name: '国庆节', date: '2027-10-04', isOffDay: true },
            { name: '国庆节', date: '2027-09-26', isOffDay: false },
          ],
        }),
      );
      const cal = await cliCalendar([file]);
      const r = yearReport(cal, 2027);
      expect(r.provisional).toBe(false);
      expect(r.makeupDays.map((m) => m.date)).toEqual(['2027-09-26']);
      // 2027-10-02/03 are a weekend; 10-04 is now a holiday; 2027-02-06 (春节) is ordinary in this fake file.
      expect(r.holidays.map((h) => h.from)).toEqual(['2027-10-01', '2027-10-04']);
      expect(yearReport(cal, 2026).makeupDays).toHaveLength(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
