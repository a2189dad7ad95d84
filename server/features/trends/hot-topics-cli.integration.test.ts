import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, describeEmbeddedCli } from '../../test/cli-process';
import { hotTopicHistory } from './hot-topic-fixture';

/**
 * `civicline import` then `civicline report hot-topics --json`, as an outside caller runs them:
 * 20 orders a day for 30 days over twelve kinds of request, and 40 about 停水 on the last two.
 */
describeEmbeddedCli('civicline report hot-topics (command line)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-hot-cli-'));
    const lines = hotTopicHistory({
      from: '2027-02-01',
      days: 30,
      perDay: 20,
      burst: { from: '2027-03-02', orders: 40 },
    });
    fs.writeFileSync(path.join(dir, 'orders.jsonl'), `${lines.join('\n')}\n`);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the planted burst first, as JSON with the contract keys', async () => {
    const data = path.join(dir, 'data');
    const imported = await runCli(['import', path.join(dir, 'orders.jsonl')], data);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await runCli(
      ['report', 'hot-topics', '--from', '2027-03-02', '--to', '2027-03-03', '--json'],
      data,
    );
    expect(r.code, r.stderr).toBe(0);
    const topics = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(topics[0]?.term).toBe('停水');
    expect(topics[0]?.count).toBe(40);
    expect(Object.keys(topics[0] ?? {}).sort()).toEqual([
      'baseline',
      'count',
      'growth',
      'sampleTicketIds',
      'term',
    ]);
    const bad = await runCli(['report', 'hot-topics', '--from', '2027-03-03', '--to', '2027-03-02'], data);
    expect(bad.code).toBe(2);
  }, 300_000);
});
