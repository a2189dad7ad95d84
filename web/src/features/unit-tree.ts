import type { Category, Unit } from '../api/types';

export interface UnitTreeNode {
  value: number;
  title: string;
  key: number;
  disabled?: boolean;
  children?: UnitTreeNode[];
}

/** The units strictly below `root` (or every unit when root is null), as a tree. */
export function unitTree(units: Unit[], root: Unit | null): UnitTreeNode[] {
  const inScope = units.filter((u) => (root ? u.id !== root.id && u.path.startsWith(root.path) : true));
  const ids = new Set(inScope.map((u) => u.id));
  const byParent = new Map<number | null, Unit[]>();
  for (const u of inScope) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(u);
    byParent.set(parent, list);
  }
  const build = (parent: number | null): UnitTreeNode[] =>
    (byParent.get(parent) ?? []).map((u) => {
      const children = build(u.id);
      return {
        value: u.id,
        key: u.id,
        title: u.name,
        ...(u.active ? {} : { disabled: true }),
        ...(children.length ? { children } : {}),
      };
    });
  return build(null);
}

export interface UnitSuggestion {
  unit: Unit;
  duty: string;
  dutyName: string;
  localMatch: boolean;
}

/**
 * Units whose duties cover the order's category (a duty code is a prefix of the category code),
 * most specific duty first, units of the order's district first among equals (归口 + 属地).
 */
export function suggestUnits(
  units: Unit[],
  root: Unit | null,
  category: string | null,
  region: string | null,
  categories: Category[],
  limit = 6,
): UnitSuggestion[] {
  if (!category) return [];
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const out: UnitSuggestion[] = [];
  for (const u of units) {
    if (!u.active || (root && (u.id === root.id || !u.path.startsWith(root.path)))) continue;
    const duty = u.duties.filter((d) => category.startsWith(d)).sort((a, b) => b.length - a.length)[0];
    if (!duty) continue;
    out.push({
      unit: u,
      duty,
      dutyName: names.get(duty) ?? duty,
      localMatch: !!region && u.region === region,
    });
  }
  const rank = (s: UnitSuggestion) =>
    s.duty.length * 10 + (s.localMatch ? 5 : 0) + (s.unit.kind === 'department' ? 1 : 0);
  return out.sort((a, b) => rank(b) - rank(a) || a.unit.path.localeCompare(b.unit.path)).slice(0, limit);
}
