/**
 * Category references of a profile, resolved against an installation's category tree (pure).
 *
 * A profile's category-keyed rules name either an abstract KEY for a kind of matter (`heating`,
 * `gas`, `road-bridge`, `service-number-complaint`: tianjin-urban §8(1), §10; beijing-miyun
 * §26-§30) or a literal code of the installation's tree. The installation maps each key to one
 * or more of its codes (`category_mapping`); a rule then applies to those codes and every code
 * below them in the tree. A key with no mapping, or a code the tree does not hold, reaches no
 * order: it is reported (health warnings), never silently ignored.
 */
import type { Condition, Profile, RuleSet } from './profile-schema';

export interface CategoryNode {
  code: string;
  parentCode: string | null;
  active: boolean;
}

/** The installation's tree and its key → codes mapping, as loaded with the rules. */
export interface CategoryIndex {
  nodes: readonly CategoryNode[];
  mapping: ReadonlyMap<string, readonly string[]>;
}

/** Where a profile names a category: the reference as written and the rule's article. */
export interface CategoryRef {
  ref: string;
  /** Path in the profile, e.g. `limits.handle.cases[0]`. */
  path: string;
  article: string;
}

export type RefProblem = 'unmapped-key' | 'unknown-code';

export interface UnresolvedRef extends CategoryRef {
  problem: RefProblem;
}

/** A key is lower-case words with dashes; a code is anything else (digits in the default tree). */
export const categoryKeyPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function isCategoryKey(ref: string): boolean {
  return categoryKeyPattern.test(ref);
}

type AnyRuleSet = RuleSet<{ article?: string } | null | object>;

function articleOf(limit: unknown, fallback: string): string {
  if (limit && typeof limit === 'object' && 'article' in limit && typeof limit.article === 'string') {
    return limit.article;
  }
  return fallback;
}

function ruleSetRefs(set: AnyRuleSet | null | undefined, path: string, out: CategoryRef[]): void {
  if (!set) return;
  set.cases.forEach((c, i) => {
    for (const ref of c.when.category ?? []) {
      out.push({ ref, path: `${path}.cases[${i}]`, article: articleOf(c.limit, path) });
    }
  });
}

/** Every category reference of a profile, in profile order. */
export function categoryRefs(profile: Profile): CategoryRef[] {
  const out: CategoryRef[] = [];
  for (const [stage, set] of Object.entries(profile.limits)) {
    ruleSetRefs(set, `limits.${stage}`, out);
  }
  if (profile.callback) ruleSetRefs(profile.callback.limit, 'callback.limit', out);
  profile.extension?.cases.forEach((c, i) => {
    for (const ref of c.when.category ?? []) {
      out.push({ ref, path: `extension.cases[${i}]`, article: c.terms.article });
    }
  });
  const oc = profile.unitWarnings?.overdueComplaint;
  if (oc) out.push({ ref: oc.category, path: 'unitWarnings.overdueComplaint', article: oc.article });
  return out;
}

/** The codes at and below the given ones in the tree (disabled codes included: old orders keep them). */
export function withDescendants(nodes: readonly CategoryNode[], codes: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentCode === null) continue;
    const list = children.get(n.parentCode) ?? [];
    list.push(n.code);
    children.set(n.parentCode, list);
  }
  const known = new Set(nodes.map((n) => n.code));
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = codes.filter((c) => known.has(c)).reverse();
  while (stack.length > 0) {
    const c = stack.pop();
    if (c === undefined || seen.has(c)) continue;
    seen.add(c);
    out.push(c);
    const kids = children.get(c) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k !== undefined) stack.push(k);
    }
  }
  return out;
}

/**
 * The codes a reference reaches: a mapped key → its codes and their sub-categories; a code of
 * the tree → it and its sub-categories; otherwise none, with the problem.
 */
export function resolveCategoryRef(
  index: CategoryIndex,
  ref: string,
): { codes: string[]; problem: RefProblem | null } {
  const mapped = index.mapping.get(ref);
  if (mapped && mapped.length > 0) {
    const codes = withDescendants(index.nodes, mapped);
    return { codes, problem: codes.length > 0 ? null : 'unmapped-key' };
  }
  if (index.nodes.some((n) => n.code === ref)) {
    return { codes: withDescendants(index.nodes, [ref]), problem: null };
  }
  return { codes: [], problem: isCategoryKey(ref) ? 'unmapped-key' : 'unknown-code' };
}

/** The references of a profile that reach no category of the tree. */
export function unresolvedCategoryRefs(profile: Profile, index: CategoryIndex): UnresolvedRef[] {
  const out: UnresolvedRef[] = [];
  for (const r of categoryRefs(profile)) {
    const { problem } = resolveCategoryRef(index, r.ref);
    if (problem) out.push({ ...r, problem });
  }
  return out;
}

function resolveCondition(when: Condition, index: CategoryIndex): Condition {
  if (!when.category) return when;
  // The references as written stay first (a profile read back still shows its keys); the codes
  // they reach follow. A key is never a code of the tree, so keeping it matches nothing extra.
  const codes = when.category.flatMap((ref) => resolveCategoryRef(index, ref).codes);
  return { ...when, category: [...new Set([...when.category, ...codes])] };
}

function resolveRuleSet<T>(set: RuleSet<T>, index: CategoryIndex): RuleSet<T> {
  return { ...set, cases: set.cases.map((c) => ({ ...c, when: resolveCondition(c.when, index) })) };
}

/**
 * The profile with every category condition widened to the codes it reaches in the tree, so
 * that exact-code matching (`matches`) applies the rule to the installation's orders.
 */
export function resolveProfileCategories(profile: Profile, index: CategoryIndex): Profile {
  const limits = Object.fromEntries(
    Object.entries(profile.limits).map(([k, set]) => [
      k,
      set ? resolveRuleSet(set as RuleSet<unknown>, index) : set,
    ]),
  ) as Profile['limits'];
  return {
    ...profile,
    limits,
    callback: profile.callback
      ? { ...profile.callback, limit: resolveRuleSet(profile.callback.limit, index) }
      : profile.callback,
    extension: profile.extension
      ? {
          ...profile.extension,
          cases: profile.extension.cases.map((c) => ({ ...c, when: resolveCondition(c.when, index) })),
        }
      : profile.extension,
  };
}
