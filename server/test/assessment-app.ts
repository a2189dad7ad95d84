import { expect } from 'vitest';
import { beijingFixture } from '../features/assessment/test-fixture';
import { importHistory } from '../features/import/import-history';
import { createTestApp, type TestApp } from './test-app';

/**
 * An installation under beijing-miyun on 10 April 2026 with the assessment fixture's history
 * imported (every order accepted): the figures of January to March are complete.
 */
export async function beijingAssessmentApp(): Promise<TestApp> {
  const t = await createTestApp({
    now: '2026-04-10T09:00:00+08:00',
    env: { CIVICLINE_PROFILE: 'beijing-miyun' },
  });
  expect((await importHistory(t.ctx, beijingFixture)).refused).toBe(0);
  return t;
}
