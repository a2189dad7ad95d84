import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/time';
import { getBuiltInProfile, parseProfile, ProfileError, type ProfileInput } from '../policy';
import { shanghai962200 } from '../policy/profiles/shanghai-962200';
import {
  firstMeetingReport,
  incidentLight,
  incidentReportLimits,
  reportLight,
  type ReportKind,
} from './report-limits';

const at = (iso: string) => new Date(iso);
const fmt = (d: Date | undefined) => (d ? formatInstant(d) : null);

describe('incident report limits per profile', () => {
  it.each([
    // shanghai-962200 §15: orally within 30 minutes of the event, in writing within 2 hours.
    [
      'shanghai-962200',
      '2026-12-07T10:00:00+08:00',
      '2026-12-07T10:30:00+08:00',
      '2026-12-07T12:00:00+08:00',
    ],
    // Natural time: across midnight, from an offset given in UTC.
    ['shanghai-962200', '2026-12-07T15:45:00Z', '2026-12-08T00:15:00+08:00', '2026-12-08T01:45:00+08:00'],
    // Natural time: a public holiday (National Day) changes nothing.
    [
      'shanghai-962200',
      '2026-10-01T09:10:20+08:00',
      '2026-10-01T09:40:20+08:00',
      '2026-10-01T11:10:20+08:00',
    ],
    // beijing-miyun §8: reported within half an hour; no written report is required.
    ['beijing-miyun', '2026-12-07T10:00:00+08:00', '2026-12-07T10:30:00+08:00', null],
    ['beijing-miyun', '2026-12-31T23:50:00+08:00', '2027-01-01T00:20:00+08:00', null],
    // No incident report rule in these regulations (zibo-12345 §13 is about emergency orders).
    ['zibo-12345', '2026-12-07T10:00:00+08:00', null, null],
    ['tianjin-wuqing', '2026-12-07T10:00:00+08:00', null, null],
    ['tianjin-urban', '2026-12-07T10:00:00+08:00', null, null],
  ])('%s: event at %s → report by %s, written by %s', (profileId, occurred, reportBy, writtenBy) => {
    const limits = incidentReportLimits(getBuiltInProfile(profileId), at(occurred));
    expect(fmt(limits.reportBy?.dueAt)).toBe(reportBy);
    expect(fmt(limits.writtenReportBy?.dueAt)).toBe(writtenBy);
  });

  it('shanghai-962200 §15: the first report is oral, the second written, each citing the article', () => {
    const limits = incidentReportLimits(
      getBuiltInProfile('shanghai-962200'),
      at('2026-12-07T10:00:00+08:00'),
    );
    expect(limits.reportBy).toMatchObject({ form: 'oral', article: 'shanghai-962200 §15' });
    expect(limits.writtenReportBy).toMatchObject({ form: 'written', article: 'shanghai-962200 §15' });
  });

  it('beijing-miyun §8: the report within half an hour may take any form', () => {
    const limits = incidentReportLimits(getBuiltInProfile('beijing-miyun'), at('2026-12-07T10:00:00+08:00'));
    expect(limits.reportBy).toMatchObject({ form: 'any', article: 'beijing-miyun §8' });
  });

  it('a site profile may give a limit in natural days: the end of the N-th day', () => {
    const site = parseProfile(
      {
        ...shanghai962200,
        id: 'site-days',
        emergency: {
          urgencies: ['emergency'],
          initialResponse: null,
          result: null,
          reports: [{ form: 'any', amount: 1, unit: 'nd', article: 'site §1' }],
          article: 'site §1',
        },
      } satisfies ProfileInput,
      'test',
    );
    const limits = incidentReportLimits(site, at('2026-12-07T22:00:00+08:00'));
    expect(fmt(limits.reportBy?.dueAt)).toBe('2026-12-08T23:59:59+08:00');
    expect(limits.writtenReportBy).toBeNull();
  });

  it.each([
    [[{ form: 'any', amount: 2, unit: 'wd', article: 'x §1' }], 'reports[0].unit'],
    [
      [
        { form: 'written', amount: 2, unit: 'h', article: 'x §1' },
        { form: 'written', amount: 4, unit: 'h', article: 'x §1' },
      ],
      'reports',
    ],
    [[{ form: 'oral', amount: 0.5, unit: 'h', article: '' }], 'reports[0].article'],
  ])('a profile with invalid report rules is refused at load (%j)', (reports, path) => {
    const doc = {
      ...shanghai962200,
      id: 'site-bad',
      emergency: { urgencies: ['emergency'], initialResponse: null, result: null, reports, article: 'x §1' },
    };
    let err: unknown;
    try {
      parseProfile(doc, 'site-bad.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileError);
    expect((err as ProfileError).problems.map((p) => p.path)).toContain(`emergency.${path}`);
  });
});

describe('report lights', () => {
  const occurred = at('2026-12-07T10:00:00+08:00');
  const due = at('2026-12-07T10:30:00+08:00');
  it.each([
    ['2026-12-07T10:00:00+08:00', null, 'green'],
    ['2026-12-07T10:14:59+08:00', null, 'green'],
    // Half of the 30 minutes has passed.
    ['2026-12-07T10:15:00+08:00', null, 'yellow'],
    ['2026-12-07T10:30:00+08:00', null, 'yellow'],
    ['2026-12-07T10:30:01+08:00', null, 'overdue'],
    // A report stops the light where it stood.
    ['2026-12-07T13:00:00+08:00', '2026-12-07T10:10:00+08:00', 'green'],
    ['2026-12-07T13:00:00+08:00', '2026-12-07T10:20:00+08:00', 'yellow'],
    ['2026-12-07T13:00:00+08:00', '2026-12-07T10:31:00+08:00', 'overdue'],
  ])('at %s, reported %s → %s', (now, reported, light) => {
    expect(reportLight(occurred, due, reported ? at(reported) : null, at(now))).toBe(light);
  });

  it('the first report meets the first limit whatever its kind; only a written one meets the written limit', () => {
    const reports: { kind: ReportKind; reportedAt: Date }[] = [
      { kind: 'written', reportedAt: at('2026-12-07T10:40:00+08:00') },
      { kind: 'oral', reportedAt: at('2026-12-07T10:20:00+08:00') },
      { kind: 'written', reportedAt: at('2026-12-07T11:50:00+08:00') },
    ];
    expect(fmt(firstMeetingReport('reportBy', reports)?.reportedAt)).toBe('2026-12-07T10:20:00+08:00');
    expect(fmt(firstMeetingReport('writtenReportBy', reports)?.reportedAt)).toBe('2026-12-07T10:40:00+08:00');
    expect(firstMeetingReport('writtenReportBy', [{ kind: 'oral', reportedAt: occurred }])).toBeNull();
  });

  it('the incident shows the worst light still waiting for its report', () => {
    expect(incidentLight([])).toBeNull();
    expect(
      incidentLight([
        { light: 'overdue', reportedAt: at('2026-12-07T10:31:00+08:00') },
        { light: 'yellow', reportedAt: null },
      ]),
    ).toBe('yellow');
    expect(
      incidentLight([
        { light: 'overdue', reportedAt: null },
        { light: 'green', reportedAt: null },
      ]),
    ).toBe('overdue');
    expect(incidentLight([{ light: 'green', reportedAt: at('2026-12-07T10:01:00+08:00') }])).toBeNull();
  });
});
