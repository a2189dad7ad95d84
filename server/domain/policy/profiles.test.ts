import { describe, expect, it } from 'vitest';
import { builtInProfiles, getBuiltInProfile, parseProfile, ProfileError, selectLimit } from './index';

describe('built-in profiles', () => {
  it('one per seed regulation', () => {
    expect(builtInProfiles.map((p) => p.id).sort()).toEqual(
      ['beijing-miyun', 'shanghai-962200', 'tianjin-urban', 'tianjin-wuqing', 'zibo-12345'].sort(),
    );
    for (const p of builtInProfiles) {
      expect(p.timezone).toBe('Asia/Shanghai');
      expect(p.endOfDay).toBe('23:59:59');
      expect(p.satisfaction.satisfied).toEqual(['satisfied']);
    }
  });
  it('every rule cites an article of its own regulation', () => {
    const walk = (v: unknown, id: string, path: string, found: string[]): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, id, `${path}[${i}]`, found));
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('amount' in o || 'kind' in o || 'requestLeadWd' in o || 'minRate' in o) {
          found.push(path);
          expect(o.article, `${id} ${path}`).toMatch(new RegExp(`^${id} (§|Annex)`));
        }
        for (const [k, x] of Object.entries(o)) walk(x, id, `${path}.${k}`, found);
      }
    };
    for (const p of builtInProfiles) {
      const found: string[] = [];
      walk(p, p.id, p.id, found);
      expect(found.length, p.id).toBeGreaterThan(2);
    }
  });
  it.each([
    [
      'zibo-12345',
      'complaint',
      'normal',
      { amount: 5, unit: 'wd', start: 'dispatch', article: 'zibo-12345 §11(3)' },
    ],
    [
      'tianjin-wuqing',
      'help',
      'normal',
      { amount: 2, unit: 'wd', start: 'dispatch', article: 'tianjin-wuqing §19(2)' },
    ],
    [
      'tianjin-wuqing',
      'suggestion',
      'normal',
      { amount: 7, unit: 'wd', start: 'dispatch', article: 'tianjin-wuqing §19(2)' },
    ],
    [
      'tianjin-urban',
      'help',
      'normal',
      { amount: 6, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (普通件)' },
    ],
    [
      'tianjin-urban',
      'help',
      'urgent',
      { amount: 2, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (急件)' },
    ],
    [
      'tianjin-urban',
      'help',
      'emergency',
      { amount: 1, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (紧急件)' },
    ],
    [
      'tianjin-urban',
      'help',
      'extra-urgent',
      { amount: 0.5, unit: 'h', start: 'arrival', article: 'tianjin-urban §8(5) (特急件)' },
    ],
    [
      'beijing-miyun',
      'complaint',
      'normal',
      { amount: 7, unit: 'nd', start: 'dispatch', article: 'beijing-miyun §17' },
    ],
    [
      'shanghai-962200',
      'consult',
      'normal',
      { amount: 5, unit: 'wd', start: 'dispatch', article: 'shanghai-962200 §11(2)' },
    ],
  ] as const)('%s: %s/%s handling limit', (id, type, urgency, expected) => {
    const l = selectLimit(getBuiltInProfile(id).limits.handle, { type, urgency, level: 'city' });
    expect(l).toMatchObject({ kind: 'duration', ...expected });
  });
  it('unknown ids are refused with the list of known ones', () => {
    expect(() => getBuiltInProfile('nope')).toThrow(
      'unknown profile "nope"; known profiles: tianjin-wuqing, zibo-12345, tianjin-urban, beijing-miyun, shanghai-962200',
    );
  });
});

describe('parseProfile', () => {
  const base = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(getBuiltInProfile('zibo-12345'))) as Record<string, unknown>;
  it('accepts a built-in profile round-tripped through JSON', () => {
    expect(parseProfile(base(), 'copy').id).toBe('zibo-12345');
  });
  it('accepts a bare {amount, unit, start, article} limit and fills defaults', () => {
    const p = parseProfile(
      {
        id: 'site',
        name: 'Site',
        version: '1',
        limits: { handle: { default: { amount: 3, unit: 'wd', start: 'dispatch', article: 'site §1' } } },
        satisfaction: {
          scale: [
            { value: 'satisfied', label: '满意' },
            { value: 'unsatisfied', label: '不满意' },
          ],
          article: 'site §9',
        },
      },
      'site.yaml',
    );
    expect(p.limits.handle.default).toEqual({
      kind: 'duration',
      amount: 3,
      unit: 'wd',
      start: 'dispatch',
      article: 'site §1',
    });
    expect(p.endOfDay).toBe('23:59:59');
    expect(p.satisfaction.satisfied).toEqual(['satisfied']);
    expect(p.extension).toBeNull();
  });
  it('names the file, the path and the problem', () => {
    const doc = base();
    (doc.limits as { handle: { default: { unit: string } } }).handle.default.unit = 'weeks';
    expect(() => parseProfile(doc, 'my-site.json')).toThrow(ProfileError);
    expect(() => parseProfile(doc, 'my-site.json')).toThrow(
      /^profile my-site\.json is invalid: limits\.handle\.default\.unit: /,
    );
  });
  it.each([
    [(d: Record<string, unknown>) => delete (d.limits as Record<string, unknown>).handle, /limits\.handle: /],
    [
      (d: Record<string, unknown>) => ((d.lights as Record<string, unknown>).article = ''),
      /lights\.article: every rule must cite its article/,
    ],
    [(d: Record<string, unknown>) => (d.endOfDay = '25:00:00'), /endOfDay: expected HH:mm:ss/],
    [(d: Record<string, unknown>) => (d.colour = 'red'), /\(root\): .*colour/],
    [
      (d: Record<string, unknown>) =>
        ((
          (d.limits as { return: { cases: { limit: { amount: number } }[] } }).return.cases[0] as {
            limit: { amount: number };
          }
        ).limit.amount = 1.5),
      /limits\.return\.cases\[0\]\.limit\.amount: working-day and natural-day limits must be whole numbers/,
    ],
    [
      (d: Record<string, unknown>) =>
        ((d.satisfaction as Record<string, unknown>).satisfied = ['basically-satisfied', 'x']),
      /satisfaction\.satisfied\[1\]/,
    ],
  ])('refuses a bad profile (%#)', (mutate, message) => {
    const doc = base();
    mutate(doc);
    expect(() => parseProfile(doc, 'bad.json')).toThrow(message);
  });
  it('an office-hours receive rule needs working windows', () => {
    const doc = JSON.parse(JSON.stringify(getBuiltInProfile('tianjin-urban'))) as Record<string, unknown>;
    doc.workingWindows = [];
    expect(() => parseProfile(doc, 'urban.json')).toThrow(
      /workingWindows: an office-hours receive rule needs workingWindows/,
    );
  });
});
