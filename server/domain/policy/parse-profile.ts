import type { z } from 'zod';
import { profileSchema, type Profile } from './profile-schema';

export class ProfileError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    // Unions report one nested issue list per branch; surface the branch's own issues.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nested = issue.errors.flat();
      for (const n of nested) out.push({ path: formatPath([...issue.path, ...n.path]), message: n.message });
      continue;
    }
    out.push({ path: formatPath(issue.path), message: issue.message });
  }
  return out;
}

/**
 * Validates a profile document (parsed JSON or YAML). Throws a ProfileError naming the source,
 * and each problem with its path, e.g.
 * `profile my-site.yaml is invalid: limits.handle.default.unit: Invalid option: expected one of "wd"|"nd"|"h"`.
 */
export function parseProfile(doc: unknown, source: string): Profile {
  const r = profileSchema.safeParse(doc);
  if (r.success) return r.data;
  const problems = problemsOf(r.error);
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  throw new ProfileError(`profile ${source} is invalid: ${lines.join('; ')}`, source, problems);
}
