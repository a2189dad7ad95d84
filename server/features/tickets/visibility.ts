import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from './standing';

/**
 * Who may see which orders (scope by the unit tree): the hotline center sees all; a sub-platform
 * the orders it holds or that went to its units; any other unit the orders sent to it or its
 * sub-units. Used by detail reads and, as SQL, by every list.
 */
export function seesAll(actor: Actor): boolean {
  return actor.unit.kind === 'center';
}

export function canView(actor: Actor, platformPath: string | undefined, assignmentPaths: string[]): boolean {
  if (seesAll(actor)) return true;
  if (actor.unit.is_platform && platformPath?.startsWith(actor.unit.path)) return true;
  return assignmentPaths.some((p) => p.startsWith(actor.unit.path));
}

/**
 * The same rule as a WHERE condition on `ticket as t`. Written as `t.id in (assignments of the
 * units in my subtree)` so the planner starts from the assignment index, not from every order.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { t: Database['ticket'] }, 't'>) => {
    if (seesAll(actor)) return sql<boolean>`true`;
    const prefix = `${actor.unit.path}%`;
    const viaAssignment = eb(
      't.id',
      'in',
      eb
        .selectFrom('ticket_assignment as va')
        .select('va.ticket_id')
        .where(
          'va.unit_id',
          'in',
          eb.selectFrom('org_unit as vu').select('vu.id').where('vu.path', 'like', prefix),
        ),
    );
    if (!actor.unit.is_platform) return viaAssignment;
    const viaPlatform = eb(
      't.platform_unit_id',
      'in',
      eb.selectFrom('org_unit as vp').select('vp.id').where('vp.path', 'like', prefix),
    );
    return eb.or([viaPlatform, viaAssignment]);
  };
}
