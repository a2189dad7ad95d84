import type { AssessmentTables } from './tables/assessment';
import type { AuditTables } from './tables/audit';
import type { ClassifyTables } from './tables/classify';
import type { CoreTables } from './tables/core';
import type { EnterpriseTables } from './tables/enterprises';
import type { IncidentTables } from './tables/incidents';
import type { OperationsTables } from './tables/operations';
import type { KbTables, KbTicketColumns } from './tables/kb';
import type { ServiceNumberTables, ServiceNumberTicketColumns } from './tables/service-numbers';

/**
 * The whole database as Kysely sees it. Each feature declares its tables in
 * server/db/tables/<area>.ts and is added here.
 */
export interface Database
  extends
    Omit<CoreTables, 'ticket'>,
    KbTables,
    AssessmentTables,
    AuditTables,
    OperationsTables,
    IncidentTables,
    EnterpriseTables,
    ServiceNumberTables,
    ClassifyTables {
  /**
   * The knowledge base adds content_tokens / content_vector to orders (similar cases); the
   * service-number registry adds the number a complaint is about.
   */
  ticket: CoreTables['ticket'] & KbTicketColumns & ServiceNumberTicketColumns;
}
