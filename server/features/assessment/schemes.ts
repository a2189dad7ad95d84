import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtInSchemes, parseScheme, type Scheme } from '../../domain/kpi';
import { AppError } from '../../platform/errors';

const schemeFile = /\.(json|ya?ml)$/i;

/**
 * The assessment schemes available: the built-in ones, plus site schemes in
 * `<CIVICLINE_PROFILE_DIR>/schemes/*.json|yaml` (validated at load; `extends: <built-in id>`
 * starts from a built-in scheme and replaces the keys given; a site file with a built-in id
 * replaces that scheme).
 */
export async function loadSchemes(profileDir?: string): Promise<Scheme[]> {
  const byId = new Map(builtInSchemes.map((s) => [s.id, s]));
  if (!profileDir) return [...byId.values()];
  const dir = path.join(profileDir, 'schemes');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => schemeFile.test(n)).sort();
  } catch {
    return [...byId.values()];
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    const doc = (/\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text)) as Record<string, unknown>;
    let input: unknown = doc;
    if (doc && typeof doc === 'object' && typeof doc.extends === 'string') {
      const { extends: baseId, ...rest } = doc;
      const base = builtInSchemes.find((s) => s.id === baseId);
      if (!base) throw new Error(`scheme ${file}: extends: unknown built-in scheme ${String(baseId)}`);
      input = { ...base, ...rest };
    }
    const scheme = parseScheme(input, file);
    byId.set(scheme.id, scheme);
  }
  return [...byId.values()];
}

export async function findScheme(id: string, profileDir?: string): Promise<Scheme> {
  const all = await loadSchemes(profileDir);
  const s = all.find((x) => x.id === id);
  if (!s) {
    throw new AppError(
      'VALIDATION_FAILED',
      `考核方案 ${id} 不存在（可用：${all.map((x) => x.id).join(', ')}）`,
      { known: all.map((x) => x.id) },
    );
  }
  return s;
}
