import { describe, expect, it } from 'vitest';
import { readEnv } from '../../platform/env';

describe('CIVICLINE_TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(readEnv({}).CIVICLINE_TRUST_PROXY).toEqual([]);
  });

  it('takes comma-separated addresses and CIDR ranges', () => {
    expect(
      readEnv({ CIVICLINE_TRUST_PROXY: ' 10.0.0.1, 10.1.0.0/16,fd00::/8 ,' }).CIVICLINE_TRUST_PROXY,
    ).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8']);
  });

  it('refuses what is not an address or a range', () => {
    for (const bad of ['true', '*', '10.0.0.1/33', '10.0.0/8', 'proxy.local', '10.0.0.1/8/1']) {
      expect(() => readEnv({ CIVICLINE_TRUST_PROXY: bad }), bad).toThrow(/CIVICLINE_TRUST_PROXY/);
    }
  });
});
