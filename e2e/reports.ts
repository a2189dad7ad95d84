// Browser test of 报表分析: the periodic report's preview carries the assessment's figures, the
// edited text goes into the downloaded Word file, and a 专报 is made from order numbers.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Assessment, ReportPreview, TicketPage } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';

const pct = (v: number | null): string => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—');

async function docxXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const document = zip.file('word/document.xml');
  assert(document, 'word/document.xml in the file');
  return document.async('string');
}

/** Registers the report tests on the runner; `h` is the suite (server, API, signed-in pages). */
export function registerReportsTests(test: Test, h: Suite): void {
  test('reports: the periodic report shows the assessment’s figures and exports the edited text', async () => {
    const api = h.api();
    const period = '2026-11';
    const preview = await api.get<ReportPreview>('leader', `/api/reports/periodic/preview?period=${period}`);
    const assessed = await api.get<Assessment>(
      'leader',
      `/api/assessment?scheme=${preview.scheme.id}&period=${period}`,
    );
    assert(assessed.units.length > 0, 'the demo month has assessed units');

    const page = await h.as('leader');
    await page.goto(`${h.base()}/reports?period=${period}`);
    const table = page.getByTestId('report-units');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // Every unit's row shows the assessment's on-time and satisfaction rates and score.
    for (const u of assessed.units.slice(0, 5)) {
      const row = table.locator('tbody tr.ant-table-row', { hasText: u.unitName }).first();
      const text = await row.innerText();
      for (const figure of [pct(u.onTimeRate), pct(u.satisfactionRate), u.score?.toFixed(2) ?? '—']) {
        assert(text.includes(figure), `${u.unitName}: ${figure} in "${text.replace(/\s+/g, ' ')}"`);
      }
    }
    await page.getByTestId('bar-chart').first().locator('canvas').waitFor();
    await page.screenshot({ path: path.join(h.artifacts, 'reports-assessment.png') });
    await page.screenshot({ path: path.join(h.artifacts, 'statistics-report.png'), fullPage: true });

    // The text is editable; the download carries the edit.
    const edited = '本月热线运行平稳（经领导审阅修改）。';
    await page.getByRole('textbox', { name: '一、总体情况' }).fill(edited);
    // The Word file is composed on the server, its charts drawn there too: on a loaded machine the
    // download starts later than the page's default wait, so wait for the download itself.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出Word' }).click(),
    ]);
    const name = download.suggestedFilename();
    assert(name.endsWith('运行分析报告.docx'), `file name ${name}`);
    const file = path.join(h.artifacts, 'periodic-report.docx');
    await download.saveAs(file);
    const xml = await docxXml(file);
    assert(xml.includes(edited), 'the edited paragraph is in the document');
    const first = required(assessed.units[0], 'an assessed unit');
    assert(xml.includes(pct(first.onTimeRate)), `the document has ${first.unitName}'s on-time rate`);
  });

  test('reports: a 专报 on order numbers downloads as PDF', async () => {
    const api = h.api();
    const list = await api.get<TicketPage>('leader', '/api/tickets?pageSize=3');
    const numbers = list.items.map((t) => t.ticketNo);
    assert(numbers.length > 0, 'orders to report on');
    const page = await h.as('leader');
    await page.goto(`${h.base()}/reports`);
    await page.getByRole('tab', { name: '专报/简报' }).click();
    const form = page.getByTestId('brief-form');
    await form
      .getByPlaceholder('如：关于近期供暖不热问题集中反映的专报')
      .fill('关于近期群众集中反映问题的专报');
    await form.getByRole('textbox', { name: '工单编号' }).fill(numbers.join('\n'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: '生成PDF' }).click(),
    ]);
    const name = download.suggestedFilename();
    assert(name.startsWith('专报-') && name.endsWith('.pdf'), `file name ${name}`);
    const file = path.join(h.artifacts, 'brief-report.pdf');
    await download.saveAs(file);
    assert(fs.readFileSync(file).subarray(0, 5).toString() === '%PDF-', 'a PDF file');
    await page.screenshot({ path: path.join(h.artifacts, 'reports-brief.png') });
  });
}
