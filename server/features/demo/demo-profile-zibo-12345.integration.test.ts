import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInProfileIds } from '../../domain/policy';
import { checkDemoUnderProfile } from './demo-profile-check';

describe('demo city under zibo-12345', () => {
  it('generates every demo order through that profile’s rules', () => checkDemoUnderProfile('zibo-12345'));

  it('every built-in profile has a demo test file of its own', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const covered = fs
      .readdirSync(dir)
      .map((f) => /^demo-profile-(.+)\.integration\.test\.ts$/.exec(f)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(covered.sort()).toEqual([...builtInProfileIds].sort());
  });
});
