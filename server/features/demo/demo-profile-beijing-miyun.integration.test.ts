import { describe, it } from 'vitest';
import { checkDemoUnderProfile } from './demo-profile-check';

describe('demo city under beijing-miyun', () => {
  it('generates every demo order through that profile’s rules', () => checkDemoUnderProfile('beijing-miyun'));
});
