import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemeError } from '../../domain/kpi';
import { findScheme, loadSchemes } from './schemes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-schemes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('site assessment schemes (<CIVICLINE_PROFILE_DIR>/schemes)', () => {
  it('adds a site scheme, and one extending a built-in scheme', async () => {
    fs.mkdirSync(path.join(dir, 'schemes'));
    fs.writeFileSync(
      path.join(dir, 'schemes', 'county.yaml'),
      [
        'id: county-2026',
        'name: 县级考核',
        'version: "2026"',
        'source: { title: 县热线考核办法, article: "§8" }',
        'satisfied: [satisfied, basically-satisfied]',
        'components:',
        '  - { kind: linear, indicator: onTimeRate, weight: 60, article: "§8(1)" }',
        '  - { kind: linear, indicator: satisfactionRate, weight: 40, article: "§8(2)" }',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'schemes', 'bj.json'),
      JSON.stringify({ extends: 'beijing-miyun', id: 'beijing-pooled', aggregation: 'pooled' }),
    );
    const all = await loadSchemes(dir);
    expect(all.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'beijing-miyun',
        'zibo-12345',
        'shanghai-962200',
        'county-2026',
        'beijing-pooled',
      ]),
    );
    const county = await findScheme('county-2026', dir);
    expect(county).toMatchObject({
      upheldAppeal: 'remove-rating',
      aggregation: 'monthly-mean',
      satisfied: ['satisfied', 'basically-satisfied'],
    });
    const pooled = await findScheme('beijing-pooled', dir);
    expect(pooled.aggregation).toBe('pooled');
    expect(pooled.components).toHaveLength(4);
  });

  it('refuses an invalid site scheme at load, naming the file', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-schemes-bad-'));
    fs.mkdirSync(path.join(bad, 'schemes'));
    fs.writeFileSync(
      path.join(bad, 'schemes', 'x.json'),
      JSON.stringify({
        id: 'x',
        name: 'x',
        version: '1',
        source: { title: 't', article: 'a' },
        components: [],
      }),
    );
    await expect(loadSchemes(bad)).rejects.toThrow(SchemeError);
    await expect(loadSchemes(bad)).rejects.toThrow(/x\.json.*components/);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});
