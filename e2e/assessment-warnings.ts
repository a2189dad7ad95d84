// Browser test of 单位预警: reached from the assessment screen, the table agrees with the warnings
// endpoint for the same scheme and period, the level filter narrows it, and 导出Excel downloads it.
import path from 'node:path';
import { download } from './exports-lists';
import { assert, type Test } from './harness';
import type { Suite } from './suite';
import { waitUntil } from './ui';

interface Warnings {
  items: { unitName: string; level: string; reasons: unknown[] }[];
}

export function registerWarningsTests(test: Test, h: Suite): void {
  test('assessment-warnings: the unit warnings screen from the assessment page, its filter and 导出Excel', async () => {
    const page = await h.as('supervisor');
    await page.goto(`${h.base()}/assessment`);
    await page.getByRole('link', { name: '单位预警' }).last().click();
    await page.getByTestId('warnings-table').waitFor();
    const url = new URL(page.url());
    assert(url.pathname === '/assessment/warnings', `at ${url.pathname}`);
    // The screen offers the schemes that set warning targets, the first by default.
    const schemes = await h
      .api()
      .get<{ id: string; warnings: unknown }[]>('supervisor', '/api/assessment/schemes');
    const scheme = schemes.find((x) => x.warnings)?.id ?? '';
    const period = url.searchParams.get('period') ?? '';
    const answer = await h
      .api()
      .get<Warnings>('supervisor', `/api/assessment/warnings?scheme=${scheme}&period=${period}`);
    const rows = page.locator('[data-testid="warnings-table"] .ant-table-row');
    const reasons = answer.items.reduce((n, w) => n + w.reasons.length, 0);
    await waitUntil(async () => (await rows.count()) === Math.min(reasons, 50), `${reasons} rows`);
    const red = answer.items.find((w) => w.level === 'red');
    if (red) assert((await rows.first().innerText()).includes(red.unitName), 'red units first');

    const file = await download(page, page.locator('.app-content'), h.artifacts, 'assessment-warnings.xlsx');
    assert(/^单位预警-.*\.xlsx$/.test(file.suggested), `file name: ${file.suggested}`);
    const header = file.sheets[0]?.header ?? [];
    assert(header[1] === '承办单位' && header[2] === '预警等级', `header: ${header.join(',')}`);
    await page.screenshot({ path: path.join(h.artifacts, 'assessment-warnings.png') });

    await page.locator('.ant-segmented').getByText('黄色预警', { exact: true }).click();
    const yellow = answer.items.filter((w) => w.level === 'yellow').reduce((n, w) => n + w.reasons.length, 0);
    await waitUntil(async () => (await rows.count()) === Math.min(yellow, 50), `${yellow} yellow rows`);
  });
}
