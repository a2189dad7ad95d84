/**
 * Site policy profiles: JSON or YAML files in a folder (CIVICLINE_PROFILE_DIR), one profile
 * per file, validated at load. A file may start from a built-in profile with
 * `extends: <built-in id>` and override parts of it (objects are merged, arrays replaced).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  builtInProfiles,
  getBuiltInProfile,
  parseProfile,
  ProfileError,
  type Profile,
} from '../../domain/policy';

const profileFile = /\.(json|ya?ml)$/i;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Objects merge key by key; anything else (arrays included) replaces. */
export function mergeProfileDocs(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeProfileDocs(base[k], v) : v;
  return out;
}

/** Parses one profile document (already decoded), resolving `extends`. */
export function profileFromDoc(doc: unknown, source: string): Profile {
  if (isPlainObject(doc) && 'extends' in doc) {
    const { extends: baseId, ...rest } = doc;
    if (typeof baseId !== 'string') {
      throw new ProfileError(
        `profile ${source} is invalid: extends: expected a built-in profile id`,
        source,
        [{ path: 'extends', message: 'expected a built-in profile id' }],
      );
    }
    let base: Profile;
    try {
      base = getBuiltInProfile(baseId);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new ProfileError(`profile ${source} is invalid: extends: ${message}`, source, [
        { path: 'extends', message },
      ]);
    }
    return parseProfile(mergeProfileDocs(base, rest), source);
  }
  return parseProfile(doc, source);
}

/** Reads and validates one profile file (.json, .yaml or .yml). */
export async function loadProfileFile(file: string): Promise<Profile> {
  const text = await readFile(file, 'utf8');
  let doc: unknown;
  try {
    doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const message = `cannot be read: ${e instanceof Error ? e.message : String(e)}`;
    throw new ProfileError(`profile ${file} ${message}`, file, [{ path: '(file)', message }]);
  }
  return profileFromDoc(doc, file);
}

/**
 * The profiles available: the built-in ones, plus (when `dir` is given) every profile file in
 * that folder; a site file with a built-in id replaces the built-in profile. Two site files
 * with the same id are refused.
 */
export async function loadProfiles(dir?: string): Promise<Profile[]> {
  const byId = new Map<string, Profile>(builtInProfiles.map((p) => [p.id, p]));
  if (!dir) return [...byId.values()];
  const names = (await readdir(dir)).filter((n) => profileFile.test(n)).sort();
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const p = await loadProfileFile(file);
    const other = seen.get(p.id);
    if (other) {
      throw new ProfileError(`profile id "${p.id}" is defined twice: ${other} and ${file}`, file, [
        { path: 'id', message: 'duplicate id' },
      ]);
    }
    seen.set(p.id, file);
    byId.set(p.id, p);
  }
  return [...byId.values()];
}
