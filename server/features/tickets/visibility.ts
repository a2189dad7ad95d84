import type { Actor } from './standing';

/**
 * Who may see which orders (scope by the unit tree): the hotline center sees all; a sub-platform
 * the orders it holds or that went to its units; any other unit the orders sent to it or its
 * sub-units. Used by detail reads and, as SQL (visibility.repository.ts), by every list.
 */
export function seesAll(actor: Actor): boolean {
  return actor.unit.kind === 'center';
}

export function canView(actor: Actor, platformPath: string | undefined, assignmentPaths: string[]): boolean {
  if (seesAll(actor)) return true;
  if (actor.unit.is_platform && platformPath?.startsWith(actor.unit.path)) return true;
  return assignmentPaths.some((p) => p.startsWith(actor.unit.path));
}
