import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfiles } from './profile-loader';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'civicline-profiles-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadProfiles', () => {
  it('without a folder: the built-in profiles', async () => {
    expect((await loadProfiles()).map((p) => p.id)).toContain('zibo-12345');
  });
  it('reads YAML and JSON site profiles, with extends', async () => {
    writeFileSync(
      path.join(dir, 'urban-heating.yaml'),
      [
        'extends: tianjin-urban',
        'id: tianjin-urban-heating',
        'name: 城管委 (供热季)',
        'version: "2026-11"',
        'limits:',
        '  handle:',
        '    cases:',
        '      - when: { category: [heating] }',
        '        limit: { amount: 1, unit: wd, start: arrival, article: "供热条例 §12" }',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'mini.json'),
      JSON.stringify({
        id: 'mini',
        name: 'Mini',
        version: '1',
        limits: { handle: { default: { amount: 3, unit: 'wd', start: 'dispatch', article: 'mini §3' } } },
        satisfaction: {
          scale: [
            { value: 'satisfied', label: '满意' },
            { value: 'unsatisfied', label: '不满意' },
          ],
          article: 'mini §9',
        },
      }),
    );
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const all = await loadProfiles(dir);
    const heating = all.find((p) => p.id === 'tianjin-urban-heating');
    expect(heating?.workingWindows).toEqual([{ from: '09:00', to: '16:00' }]);
    expect(heating?.limits.handle.cases).toHaveLength(1);
    expect(heating?.limits.handle.default).toMatchObject({ amount: 6, unit: 'wd' });
    expect(all.find((p) => p.id === 'mini')?.limits.handle.default).toMatchObject({ amount: 3 });
    expect(all.find((p) => p.id === 'zibo-12345')).toBeDefined();
  });
  it('refuses a bad file with its name, the path and the problem', async () => {
    writeFileSync(path.join(dir, 'bad.yml'), 'extends: zibo-12345\nendOfDay: "late"\n');
    await expect(loadProfiles(dir)).rejects.toThrow(/bad\.yml is invalid: endOfDay: expected HH:mm:ss/);
  });
  it('refuses an unknown base profile and unreadable YAML', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'extends: nowhere\n');
    await expect(loadProfiles(dir)).rejects.toThrow(/extends: unknown profile "nowhere"; known profiles: /);
    rmSync(path.join(dir, 'a.yaml'));
    writeFileSync(path.join(dir, 'b.yaml'), 'id: [unclosed\n');
    await expect(loadProfiles(dir)).rejects.toThrow(/b\.yaml cannot be read/);
  });
  it('refuses two files with the same id', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'extends: zibo-12345\nid: site\n');
    writeFileSync(path.join(dir, 'b.json'), '{"extends": "zibo-12345", "id": "site"}');
    await expect(loadProfiles(dir)).rejects.toThrow(/profile id "site" is defined twice/);
  });
});
