import { describe, it } from 'vitest';
import { checkDemoUnderProfile } from './demo-profile-check';

describe('demo city under tianjin-urban', () => {
  it('generates every demo order through that profile’s rules', () => checkDemoUnderProfile('tianjin-urban'));
});
