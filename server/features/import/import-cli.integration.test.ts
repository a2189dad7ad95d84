import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { describeEmbeddedCli } from '../../test/cli-process';
import { beijingFixture, beijingMarchReport } from '../assessment/test-fixture';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/civicline.mjs');
const dirs: string[] = [];

/** The command line on its own embedded database (never the DATABASE_URL server of the test run). */
async function civicline(dataDir: string, args: string[], extra: Record<string, string> = {}) {
  const { DATABASE_URL: _url, ...env } = process.env;
  try {
    const r = await run('node', [bin, ...args], {
      env: {
        ...env,
        DATA_DIR: dataDir,
        CIVICLINE_PROFILE: 'beijing-miyun',
        CIVICLINE_TEST_CLOCK: '1',
        CIVICLINE_NOW: '2026-04-10T09:00:00+08:00',
        ...extra,
      },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-import-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describeEmbeddedCli('civicline import + report assessment (the public contract)', () => {
  it('imports into a fresh installation, refuses a bad line (exit 1), and reports the Beijing figures', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'history.jsonl');
    const bad = JSON.stringify({
      ticketNo: 'BAD-1',
      receivedAt: '2026-03-02T09:00:00+08:00',
      type: 'help',
      content: '先答复后派单',
      events: [
        { at: '2026-03-02T10:00:00+08:00', action: 'reply', payload: { result: 'x', contacted: true } },
      ],
    });
    fs.writeFileSync(
      file,
      [...beijingFixture.slice(0, 5), bad, ...beijingFixture.slice(5)].join('\n') + '\n',
    );
    const imp = await civicline(path.join(dir, 'data'), ['import', file]);
    expect(imp.code, imp.stderr).toBe(1);
    expect(imp.stderr).toMatch(/line 6 ticketNo BAD-1 event 1 \(reply\): 当前状态下不能执行“答复”/);
    expect(imp.stdout).toMatch(/imported 10 orders .* 0 already present \(skipped\), 1 refused/);

    const again = await civicline(path.join(dir, 'data'), ['import', file]);
    expect(again.stdout).toMatch(/imported 0 orders .* 10 already present \(skipped\), 1 refused/);

    const rep = await civicline(path.join(dir, 'data'), ['report', 'assessment', ...beijingMarchReport]);
    expect(rep.code, rep.stderr).toBe(0);
    const units = JSON.parse(rep.stdout) as {
      unitCode: string;
      unitName: string;
      score: number;
      rank: number;
      onTimeRate: number | null;
      feedbackRate: number | null;
      satisfactionRate: number | null;
    }[];
    // Hand-computed in assessment.integration.test.ts.
    expect(units.map((u) => [u.unitCode, u.rank, u.score])).toEqual([
      ['DC-DHJD', 1, 3],
      ['YC-ZJJ', 2, 2.99],
      ['YC-RSJ', 3, expect.closeTo(2.0833333333, 9)],
    ]);
    expect(units[2]).toMatchObject({ unitName: '市人力资源和社会保障局', onTimeRate: 0.75 });
  }, 120_000);

  it('with CIVICLINE_DEMO=0 an empty installation gets a bare center and the units the file names', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'history.jsonl');
    fs.writeFileSync(file, beijingFixture.slice(1, 4).join('\n'));
    const imp = await civicline(path.join(dir, 'data'), ['import', file], { CIVICLINE_DEMO: '0' });
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/units created: YC-RSJ/);
    const rep = await civicline(
      path.join(dir, 'data'),
      ['report', 'assessment', '--scheme', 'beijing-miyun', '--period', '2026-03', '--json'],
      { CIVICLINE_DEMO: '0' },
    );
    const units = JSON.parse(rep.stdout) as { unitCode: string; onTimeRate: number }[];
    // Orders #1-#3 of YC-RSJ: on time, late, on time → 2/3.
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({
      unitCode: 'YC-RSJ',
      unitName: 'YC-RSJ',
      onTimeRate: expect.closeTo(2 / 3, 12),
    });
  }, 120_000);
});
