import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli as run, describeEmbeddedCli } from '../../test/cli-process';

/**
 * The `civicline kb` command line as an outside caller sees it: a separate process on its own
 * embedded data directory (DATABASE_URL unset), JSON on stdout.
 */

describeEmbeddedCli('civicline kb (command line)', () => {
  let dir: string;
  let dataDir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-kb-cli-'));
    dataDir = path.join(dir, 'data');
    file = path.join(dir, 'articles.jsonl');
    const lines = [
      {
        id: 'A-1',
        title: '社保卡丢失补办流程',
        content: '携带身份证到社保经办机构窗口办理补办。',
        category: '社会保险',
        unit: 'YC-RSJ',
      },
      {
        id: 7,
        title: '住房公积金提取条件',
        content: '购房、租房可申请提取住房公积金。',
        category: '020102',
        unit: '不存在的单位',
      },
      { title: '夜间施工噪音投诉', content: '夜间施工须取得许可，违规施工可向生态环境部门投诉。' },
    ];
    fs.writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports, searches (single and batch) and re-imports idempotently', { timeout: 180_000 }, async () => {
    const imported = await run(['kb', 'import', file], dataDir);
    // Progress lines appear only when the import takes over a second: none of them is an error.
    expect(imported.stderr.split('\n').filter((l) => l && !/^kb import: \d+ lines /.test(l))).toEqual([]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/imported 3 lines .*: 3 new, 0 updated, 0 unchanged, 0 errors/);

    const one = await run(['kb', 'search', '社保卡补办', '--limit', '5', '--json'], dataDir);
    expect(one.code).toBe(0);
    const hits = JSON.parse(one.stdout) as { id: string | number; title: string; score: number }[];
    expect(hits.map((h) => h.id)).toEqual(['A-1']);
    expect(hits[0]).toEqual({ id: 'A-1', title: '社保卡丢失补办流程', score: expect.any(Number) });

    const batch = await run(
      ['kb', 'search', '--batch'],
      dataDir,
      [
        JSON.stringify({ q: '公积金', limit: 3 }),
        JSON.stringify({ q: '噪音', limit: 1 }),
        'not json',
        JSON.stringify({ q: '社保 公积金 噪音', limit: 2 }),
        JSON.stringify({ q: '完全无关的词语' }),
      ].join('\n'),
    );
    expect(batch.code).toBe(0);
    const out = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string | number }[]);
    expect(out).toHaveLength(5);
    // A numeric id comes back as a number; an article imported without id reports its internal id.
    expect(out[0]?.map((h) => h.id)).toEqual([7]);
    expect(out[1]).toHaveLength(1);
    expect(typeof out[1]?.[0]?.id).toBe('number');
    expect(out[2]).toEqual([]);
    expect(out[3]).toHaveLength(2);
    expect(out[4]).toEqual([]);

    const again = await run(['kb', 'import', file], dataDir);
    // The line without an id has nothing to match on and is imported again.
    expect(again.stdout).toMatch(/3 lines .*: 1 new, 0 updated, 2 unchanged, 0 errors/);
  });

  it(
    'refuses a data directory held by a running process, with a clear message',
    { timeout: 60_000 },
    async () => {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'civicline.lock'), String(process.pid));
      try {
        const r = await run(['kb', 'search', '社保', '--json'], dataDir);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`in use by process ${process.pid}`);
        expect(r.stderr).toContain('must not run on the same DATA_DIR');
      } finally {
        fs.rmSync(path.join(dataDir, 'civicline.lock'), { force: true });
      }
    },
  );
});
