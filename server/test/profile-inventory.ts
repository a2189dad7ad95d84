import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInProfiles } from '../domain/policy';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(serverRoot, '..');
/** Readers: the server and the web client (which renders the rules in force). */
const readerRoots = ['server', 'web/src', 'common'].map((d) => path.join(repoRoot, d));

/** Where a profile's rules are written down (not where they are read). */
const definitionFiles = [
  /\/domain\/policy\/profiles\//,
  /\/domain\/policy\/(profile|limit|section)-schemas?\.ts$/,
  /\/domain\/policy\/parse-profile\.ts$/,
  /\.test\.ts$/,
  /\/test\//,
];

/** Keys that hold an article citation, a label or a list's items: documentation, not rules. */
const descriptive = new Set([
  'article',
  'articles',
  'name',
  'note',
  'notes',
  'title',
  'source',
  'description',
  'id',
  'version',
]);

export interface ProfileField {
  /** Dotted path with `[]` for list items, e.g. `limits.handle.cases[].when.type`. */
  path: string;
  /** The field's own name, which a reader must mention. */
  name: string;
  /** The nearest enclosing field that is not a generic container (cases, default, when…), if any. */
  owner: string | null;
  profiles: string[];
}

/** Names many rules share: a mention proves nothing unless the rule is named in the same file. */
const commonNames = new Set([
  'amount',
  'kind',
  'start',
  'unit',
  'rate',
  'minRate',
  'period',
  'value',
  'label',
  'by',
  'min',
  'max',
  'form',
  'type',
  'urgency',
  'level',
  'category',
  'complex',
  'enabled',
  'channel',
  'mode',
  'office',
]);

/** Containers every limit or rule has: a reader names the rule, not these. */
const generic = new Set(['cases', 'default', 'when', 'limit', 'terms', 'limits']);

function ownerOf(p: string): string | null {
  const keys = p.replace(/\[\]/g, '').split('.').slice(0, -1).reverse();
  return keys.find((k) => !generic.has(k)) ?? null;
}

/** Every field path that some built-in profile sets, with the profiles setting it. */
export function collectProfileFields(): ProfileField[] {
  const byPath = new Map<string, ProfileField>();
  const walk = (value: unknown, at: string, profileId: string) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, `${at}[]`, profileId);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      // Keys of a record (a category code, a unit name) are data, not field names.
      if (!/^[a-z][A-Za-z0-9]*$/.test(key)) continue;
      const p = at ? `${at}.${key}` : key;
      if (!descriptive.has(key)) {
        const f = byPath.get(p) ?? { path: p, name: key, owner: ownerOf(p), profiles: [] };
        if (!f.profiles.includes(profileId)) f.profiles.push(profileId);
        byPath.set(p, f);
      }
      walk(child, p, profileId);
    }
  };
  for (const profile of builtInProfiles) walk(profile, '', profile.id);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !definitionFiles.some((re) => re.test(p))) out.push(p);
  }
  return out;
}

/**
 * For each field, the files (relative to the repository) that read it: files that mention the
 * field's name as a property (`.name`, `?.name`, `['name']`, `{ name }`, `name:`, `'name'`) and
 * also the rule it belongs to (`sampling` for `callback.sampling[].rate`). A heuristic floor, not a
 * proof: it finds the rules no code mentions, those that exist only as data.
 */
export function findReaders(fields: Pick<ProfileField, 'name' | 'owner'>[]): Map<string, string[]> {
  const files = readerRoots
    .flatMap((root) => sourceFiles(root))
    .map((f) => ({ file: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') }));
  const mentions = (name: string) =>
    new RegExp(`(?:\\??\\.${name}\\b|\\[['"]${name}['"]\\]|[{,]\\s*${name}\\s*[,}:=]|['"]${name}['"])`);
  const out = new Map<string, string[]>();
  for (const f of fields) {
    const key = readerKey(f);
    if (out.has(key)) continue;
    const byName = mentions(f.name);
    // A common name (amount, start, rate…) is read for this rule only where the rule is named too.
    const byOwner = f.owner && commonNames.has(f.name) ? new RegExp(`\\b${f.owner}\\b`) : null;
    out.set(
      key,
      files.filter((x) => byName.test(x.text) && (!byOwner || byOwner.test(x.text))).map((x) => x.file),
    );
  }
  return out;
}

/** Fields with the same name under the same owner share their readers. */
export function readerKey(f: Pick<ProfileField, 'name' | 'owner'>): string {
  return `${f.owner ?? ''}.${f.name}`;
}
