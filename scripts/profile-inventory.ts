/**
 * Which fields of the built-in policy profiles does code read? Walks every field of every
 * built-in profile (validated, defaults applied) and looks for a reader of each field name in the
 * server's code outside the profiles and their schema. Prints one line per field:
 *
 *   npx tsx scripts/profile-inventory.ts [--unread]
 *
 * The same walk backs server/domain/policy/profile-inventory.integration.test.ts.
 */
import { collectProfileFields, findReaders, readerKey } from '../server/test/profile-inventory';

const onlyUnread = process.argv.includes('--unread');
const fields = collectProfileFields();
const readers = findReaders(fields);
for (const f of fields) {
  const r = readers.get(readerKey(f)) ?? [];
  if (onlyUnread && r.length) continue;
  console.log(
    `${r.length ? 'read  ' : 'UNREAD'} ${f.path.padEnd(48)} ${f.profiles.join(',')}  ${r.slice(0, 3).join(' ')}`,
  );
}
