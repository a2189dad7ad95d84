// Browser tests of the clerks' workbench (npm run test:e2e): registers every screen's tests in
// order (later tests use what earlier ones left in `state`), starts the server and Chromium, runs
// them and prints "N passed, N failed". Screenshots go to e2e/artifacts/.
import path from 'node:path';
import { assert, errorText, runner } from './harness';
import { createSuite } from './suite';
import { registerGoldenPathTests } from './golden-path';
import { registerOrderPathTests } from './order-paths';
import { registerDeskTests } from './desk';
import { registerCtiTests } from './cti';
import { registerReportsTests } from './reports';
import { registerPortalTests } from './portal';
import { registerExchangeTests } from './exchange';
import { registerOpen311Tests } from './open311';
import { registerExportListTests } from './exports-lists';
import { registerInsightTests } from './insight';
import { registerOverviewTests } from './overview';
import { registerWarningsTests } from './assessment-warnings';
import { registerAdminTests } from './admin';
import { registerSupervisionTests } from './supervision';
import { registerEnterpriseTests } from './enterprise';
import { registerServiceNumberTests } from './service-numbers';

// Monday 2026-11-23 09:00 in Asia/Shanghai: deadlines below are exact working-day arithmetic.
const START = '2026-11-23T01:00:00.000Z';

const { test, run } = runner();
const started = Date.now();
const h = createSuite();

registerGoldenPathTests(test, h);
registerOrderPathTests(test, h);
const desk = registerDeskTests(test, h);
registerCtiTests(test, h);
registerReportsTests(test, h);
registerPortalTests(test, h);
registerExchangeTests(test, h);
registerOpen311Tests(test, h);
registerExportListTests(test, h);
registerInsightTests(test, h);
registerOverviewTests(test, h);
registerWarningsTests(test, h);
registerAdminTests(test, h);
registerSupervisionTests(test, h);

test('main screens render fast (median under 2 s, none over 5 s)', async () => {
  assert(h.timings.length >= 10, 'screens were measured');
  const sorted = h.timings.map((t) => t.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const slow = h.timings.filter((t) => t.ms > 5000);
  assert(median < 2000, `median render time ${median} ms`);
  assert(slow.length === 0, `slow screens: ${slow.map((t) => `${t.label} ${t.ms} ms`).join(', ')}`);
});

registerEnterpriseTests(test, h);
registerServiceNumberTests(test, h);

test('no uncaught errors in any page', async () => {
  const pageErrors = h.pageErrors();
  assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
});

// ——— main ———

let result = { passed: 0, failed: 1 };
try {
  await h.start(START);
  result = await run({
    onFailure: async (name) => {
      const safe = name.replace(/[^\w-]+/g, '_').slice(0, 60);
      for (const [user, page] of h.pages()) {
        await page.screenshot({ path: path.join(h.artifacts, `fail-${safe}-${user}.png`) }).catch(() => {});
      }
    },
  });
} catch (e) {
  process.stdout.write(`e2e setup failed: ${errorText(e)}\n`);
} finally {
  await desk.close().catch(() => {});
  await h.stop();
}
process.stdout.write(`render times: ${h.timings.map((t) => `${t.label} ${t.ms} ms`).join(', ')}\n`);
process.stdout.write(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
process.exit(result.failed ? 1 : 0);
