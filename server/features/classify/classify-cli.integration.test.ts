import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli as run, describeEmbeddedCli } from '../../test/cli-process';

/**
 * `civicline classify` as an outside caller sees it: a separate process on its own embedded
 * data directory (DATABASE_URL unset), JSON lines on stdin and stdout.
 */

describeEmbeddedCli('civicline classify (command line)', () => {
  let dir: string;
  let dataDir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-classify-cli-'));
    dataDir = path.join(dir, 'data');
    file = path.join(dir, 'train.jsonl');
    const wage = [
      '公司拖欠工资三个月',
      '老板欠薪不给',
      '工资被拖欠半年',
      '讨薪无果要求支付工资',
      '工地拖欠农民工工资',
    ];
    const noise = ['夜里施工噪音扰民', '广场舞噪音太大', '酒吧深夜噪音', '装修噪音很吵', '工地晚上施工噪音'];
    const lines = [
      ...wage.map((text) => JSON.stringify({ text, label: 'wage' })),
      ...noise.map((text) => JSON.stringify({ text, label: 'noise' })),
      '{"text": "没有标签"}',
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('trains, predicts a batch in order, lists versions and rolls back', { timeout: 240_000 }, async () => {
    const none = await run(['classify', 'predict', '--batch'], dataDir, '{"id":1,"text":"拖欠工资"}\n');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('civicline classify train');

    const history = await run(['classify', 'train', '--from-history'], dataDir);
    expect(history.code).not.toBe(0);
    expect(history.stderr).toContain('已办结工单不足');

    const trained = await run(['classify', 'train', file], dataDir);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stderr).toContain('line 11');
    expect(trained.stdout).toMatch(/trained category v1 \(category\) on 10 texts, 2 labels/);

    const input = [
      { id: 'a', text: '单位拖欠我两个月工资' },
      { id: 2, text: '楼下半夜噪音' },
      { id: 'c', text: '   ' },
      { id: 'd', text: '老板不发工资' },
    ];
    const batch = await run(
      ['classify', 'predict', '--batch'],
      dataDir,
      `${input.map((l) => JSON.stringify(l)).join('\n')}\n`,
    );
    expect(batch.code).toBe(1); // one line was bad; every line still answered, in order
    const out = batch.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { id: unknown; label: string | null; confidence: number; alternatives: unknown[] },
      );
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'c', 'd']);
    expect(out.map((o) => o.label)).toEqual(['wage', 'noise', null, 'wage']);
    expect(out[0]).toEqual({
      id: 'a',
      label: 'wage',
      confidence: expect.any(Number),
      alternatives: [{ label: 'noise', confidence: expect.any(Number) }],
    });
    expect(out[0]?.confidence).toBeGreaterThan(0.5);
    expect(out[0]?.confidence).toBeLessThanOrEqual(1);
    expect(batch.stderr).toMatch(/line 3: "text" is empty/);

    expect((await run(['classify', 'train', file], dataDir)).stdout).toMatch(/category v2/);
    const models = await run(['classify', 'models'], dataDir);
    expect(models.stdout).toMatch(/^\* category v2 /m);
    expect(models.stdout).toMatch(/^ {2}category v1 /m);
    const back = await run(['classify', 'rollback'], dataDir);
    expect(back.stdout).toContain('category: v2 → v1 active');
    const listed = JSON.parse((await run(['classify', 'models', '--json'], dataDir)).stdout) as {
      version: number;
      active: boolean;
    }[];
    expect(listed.map((m) => [m.version, m.active])).toEqual([
      [2, false],
      [1, true],
    ]);
  });
});
