import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importHistory } from '../import/import-history';
import { beijingMarchReport } from './test-fixture';
import { expectedMarchWarnings, warningsFixture } from './warnings-fixture';

type Item = {
  unitCode: string;
  unitName: string;
  level: string;
  reasons: { code: string; target: number; actual: number; message: string; ticketNos?: string[] }[];
};

const NOW = '2026-04-10T09:00:00+08:00';
const summary = (items: Item[]) =>
  items.map((w) => ({ unitCode: w.unitCode, level: w.level, codes: w.reasons.map((r) => r.code) }));

describe('unit warnings through the API (beijing-miyun §21, §30)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: NOW, env: { CIVICLINE_PROFILE: 'beijing-miyun' } });
    expect((await importHistory(t.ctx, warningsFixture)).refusals).toEqual([]);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });

  it('beijing-miyun §21: units missing targets get blue (1), yellow (2) or red (3+); a unit meeting every target gets none', async () => {
    const res = await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    expect(summary(items)).toEqual(expectedMarchWarnings);
    expect(items.map((w) => w.unitCode)).not.toContain('YC-JTJ');
    const rsj = items.find((w) => w.unitCode === 'YC-RSJ');
    expect(rsj?.unitName).toBe('市人力资源和社会保障局');
    expect(rsj?.reasons.map((r) => [r.code, r.target, r.actual])).toEqual([
      ['on-time-rate', 1, 0.5],
      ['feedback-rate', 1, 0.5],
      ['satisfaction-rate', 0.75, 0.5],
    ]);
    expect(rsj?.reasons[2]?.message).toBe('满意率50%，未达到目标（不低于75%）');
    const zjj = items.find((w) => w.unitCode === 'YC-ZJJ');
    expect(zjj?.reasons.map((r) => [r.code, r.target, r.actual])).toEqual([
      ['feedback-rate', 1, 0.5],
      ['upheld-number-complaints', 0, 1],
    ]);
  });

  it('beijing-miyun §30: a complaint about a service number not replied to 1 working day after its deadline → yellow', async () => {
    const items = (await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03')).json<{
      items: Item[];
    }>().items;
    const overdue = (code: string) =>
      items.find((w) => w.unitCode === code)?.reasons.find((r) => r.code === 'overdue-complaint');
    expect(overdue('YC-CGJ')).toMatchObject({
      target: 0,
      actual: 1,
      ticketNos: ['W-CGJ-1'],
      message: '便民服务电话投诉超期1个工作日未办复1件（W-CGJ-1）',
    });
    expect(overdue('YC-WJW')).toMatchObject({ actual: 1, ticketNos: ['W-WJW-1'] });
    // Replied late on Tue Mar 10, within the working day after the deadline: no §30 reason.
    expect(overdue('YC-STJ')).toBeUndefined();
    // As of Tue Mar 10 20:00 the unanswered complaint is overdue but not yet by a working day.
    const early = (
      await get(
        'leader',
        '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03&asOf=2026-03-10T20:00:00%2B08:00',
      )
    ).json<{ items: Item[] }>().items;
    expect(summary(early).find((w) => w.unitCode === 'YC-CGJ')).toEqual({
      unitCode: 'YC-CGJ',
      level: 'blue',
      codes: ['on-time-rate'],
    });
  });

  it('a quarter judges the mean of the monthly rates; a period without orders gives no warning', async () => {
    // January and February have no orders of these units, so the quarter's figures are March's.
    const q = (await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-Q1')).json<{
      items: Item[];
    }>().items;
    expect(summary(q)).toEqual(expectedMarchWarnings);
    const feb = await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-02');
    expect(feb.json()).toEqual({ items: [] });
  });

  it("a unit's own users see only their unit; intake agents may not read warnings", async () => {
    const rsj = (await get('handler', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03')).json<{
      items: Item[];
    }>();
    expect(rsj.items.map((w) => w.unitCode)).toEqual(['YC-RSJ']);
    const zjj = (await get('handler2', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03')).json<{
      items: Item[];
    }>();
    expect(zjj.items.map((w) => w.unitCode)).toEqual(['YC-ZJJ']);
    for (const user of ['supervisor', 'admin', 'dispatcher']) {
      expect(
        (await get(user, '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03')).statusCode,
        user,
      ).toBe(200);
    }
    expect(
      (await get('agent', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-03')).statusCode,
    ).toBe(403);
  });

  it('schemes without warning targets (zibo-12345, shanghai-962200) are refused with 422; bad periods with 400', async () => {
    for (const scheme of ['zibo-12345', 'shanghai-962200']) {
      const res = await get('leader', `/api/assessment/warnings?scheme=${scheme}&period=2026-03`);
      expect(res.statusCode, scheme).toBe(422);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'UNPROCESSABLE',
        message: expect.stringContaining('未规定单位预警'),
      });
    }
    expect(
      (await get('leader', '/api/assessment/warnings?scheme=beijing-miyun&period=2026-13')).statusCode,
    ).toBe(400);
  });
});

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/civicline.mjs');

/**
 * The command line on the test run's database: a schema of its own on the DATABASE_URL server,
 * or an embedded database in a temporary folder.
 */
describe('civicline report warnings (the public contract)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-warnings-'));
  const url = process.env.DATABASE_URL;
  const schema = `t_w_${crypto.randomBytes(5).toString('hex')}`;
  const dbEnv: Record<string, string> = url
    ? {
        DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`,
      }
    : { DATA_DIR: path.join(dir, 'data') };

  async function civicline(args: string[]) {
    const { DATABASE_URL: _url, ...env } = process.env;
    try {
      const r = await run('node', [bin, ...args], {
        env: {
          ...env,
          ...dbEnv,
          CIVICLINE_PROFILE: 'beijing-miyun',
          CIVICLINE_TEST_CLOCK: '1',
          CIVICLINE_NOW: NOW,
        },
        maxBuffer: 1 << 26,
      });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  }

  async function admin(query: string) {
    if (!url) return;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(query);
    await c.end();
  }

  beforeAll(async () => {
    await admin(`create schema ${schema}`);
  });
  afterAll(async () => {
    await admin(`drop schema if exists ${schema} cascade`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('beijing-miyun §21, §30: prints [{unitCode, unitName, level, reasons}] for the units that miss the targets', async () => {
    const file = path.join(dir, 'march.jsonl');
    fs.writeFileSync(file, `${warningsFixture.join('\n')}\n`);
    const imp = await civicline(['import', file]);
    expect(imp.code, imp.stderr).toBe(0);

    const rep = await civicline(['report', 'warnings', ...beijingMarchReport]);
    expect(rep.code, rep.stderr).toBe(0);
    const items = JSON.parse(rep.stdout) as Item[];
    expect(summary(items)).toEqual(expectedMarchWarnings);
    for (const w of items) {
      expect(Object.keys(w).sort()).toEqual(['level', 'reasons', 'unitCode', 'unitName']);
    }
    expect(items.find((w) => w.unitCode === 'YC-CGJ')?.reasons[1]).toMatchObject({
      code: 'overdue-complaint',
      target: 0,
      actual: 1,
      ticketNos: ['W-CGJ-1'],
    });

    const zibo = await civicline([
      'report',
      'warnings',
      '--scheme',
      'zibo-12345',
      '--period',
      '2026-03',
      '--json',
    ]);
    expect(zibo.code).toBe(1);
    expect(zibo.stderr).toMatch(/zibo-12345 未规定单位预警目标/);
  }, 180_000);
});
