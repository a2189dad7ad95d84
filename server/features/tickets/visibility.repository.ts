import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from './standing';
import { seesAll } from './visibility';

/**
 * Who may see which orders (visibility.ts: the hotline center sees all; a sub-platform the
 * orders it holds or that went to its units; any other unit the orders sent to it or its
 * sub-units) as SQL, for every list.
 */

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
