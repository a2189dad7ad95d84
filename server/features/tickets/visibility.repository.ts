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

/**
 * The same rule with the unit tree resolved beforehand (`unitIds`: the actor's unit and every
 * unit below it). The planner then knows how many assignments the tree has, instead of guessing
 * one unit from the `path like` pattern: for "in progress, newest first" it walks the status
 * index and checks each order's assignments (tens of rows) rather than probing every order the
 * tree was ever sent (hundreds of thousands at a city's scale).
 */
export function visibleToUnits(actor: Actor, unitIds: number[]) {
  return (eb: ExpressionBuilder<Database & { t: Database['ticket'] }, 't'>) => {
    if (seesAll(actor)) return sql<boolean>`true`;
    const ids = sql`${sql.val(unitIds)}::bigint[]`;
    const viaAssignment = sql<boolean>`t.id in (select va.ticket_id from ticket_assignment va where va.unit_id = any(${ids}))`;
    if (!actor.unit.is_platform) return viaAssignment;
    return eb.or([sql<boolean>`t.platform_unit_id = any(${ids})`, viaAssignment]);
  };
}
