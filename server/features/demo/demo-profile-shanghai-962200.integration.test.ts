import { describe, it } from 'vitest';
import { checkDemoUnderProfile } from './demo-profile-check';

describe('demo city under shanghai-962200', () => {
  it('generates every demo order through that profile’s rules', () =>
    checkDemoUnderProfile('shanghai-962200'));
});
