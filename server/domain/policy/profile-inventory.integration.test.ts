import { describe, expect, it } from 'vitest';
import { collectProfileFields, findReaders, readerKey } from '../../test/profile-inventory';

/**
 * Every rule of every built-in profile is read by code: a field that exists only as data is a
 * promise the product breaks. The walk covers every field the five profiles set (defaults
 * included); a reader is code in server/, common/ or web/src outside the profiles and their schema.
 * `npx tsx scripts/profile-inventory.ts` prints the whole inventory.
 */
const knownUnread: Record<string, string> = {
  // Not a rule the product applies: the schema admits only the service time zone, so every
  // profile states what the working-day calendar already assumes.
  timezone: 'validated at load: the schema admits only Asia/Shanghai, the service time zone',
};

describe('profile inventory', () => {
  const fields = collectProfileFields();
  const readers = findReaders(fields);

  it('walks the profiles deeply (the check means something)', () => {
    expect(fields.length).toBeGreaterThan(60);
    expect(fields.map((f) => f.path)).toContain('limits.handle.default.amount');
  });

  it('has a reader for every field', () => {
    const unread = fields
      .filter((f) => (readers.get(readerKey(f)) ?? []).length === 0 && !(f.path in knownUnread))
      .map((f) => `${f.path} (${f.profiles.join(', ')})`);
    expect(unread).toEqual([]);
  });

  it('lists as unread only what is still unread', () => {
    const nowRead = Object.keys(knownUnread).filter((p) => {
      const f = fields.find((x) => x.path === p);
      return !f || (readers.get(readerKey(f)) ?? []).length > 0;
    });
    expect(nowRead).toEqual([]);
  });
});
