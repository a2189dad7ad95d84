import type { Selectable } from 'kysely';
import type { TicketDeadlineTable, TicketEventTable } from '../../../db/tables/core';
import type { NewSupervision } from '../../../domain/ticket/order';
import type { OrderFact } from '../../../domain/kpi';
import type { AssignmentRow, TicketRow } from '../../tickets/tickets.repository';

/** One order's rows as the fast path builds them in memory, before they are written in bulk. */
export type EventRow = Omit<Selectable<TicketEventTable>, 'id'>;
/** Without the generated column (computed by the database). */
export type DeadlineRow = Omit<Selectable<TicketDeadlineTable>, 'next_alert_at'>;
export type SupervisionRow = NewSupervision;

export interface OrderRows {
  ticket: TicketRow;
  assignments: AssignmentRow[];
  events: EventRow[];
  deadlines: DeadlineRow[];
  supervisions: SupervisionRow[];
  facts: OrderFact[];
}

/** Preallocated ids (from the tables' sequences) handed out in order. */
export class IdPool {
  private ids: number[] = [];
  private next = 0;

  refill(ids: number[]): void {
    this.ids = ids;
    this.next = 0;
  }

  get size(): number {
    return this.ids.length - this.next;
  }

  take(): number {
    const id = this.ids[this.next++];
    if (id === undefined) throw new Error('id pool exhausted');
    return id;
  }
}
