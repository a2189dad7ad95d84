import { describe, expect, it } from 'vitest';
import { isAppError } from './errors';
import { etagOf, expectedVersionOf } from './etag';

describe('If-Match', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    ['"1"', 1],
    ['W/"1"', 1],
    ['7', 7],
    [' "12" ', 12],
    ['"3", W/"3"', 3],
    [['"4"'], 4],
  ])('%j asks for version %j', (header, version) => {
    expect(expectedVersionOf(header)).toBe(version);
  });

  it.each(['abc', '"1', '1"', 'W/1x', '"1", "2"', '"-1"', '""'])('%j is refused, not ignored', (header) => {
    let error: unknown;
    try {
      expectedVersionOf(header);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  });

  it('the ETag is the quoted version', () => {
    expect(etagOf(5)).toBe('"5"');
  });
});
