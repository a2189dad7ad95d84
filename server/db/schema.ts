import type { AssessmentTables } from './tables/assessment';
import type { AuditTables } from './tables/audit';
import type { ClassifyTables } from './tables/classify';
import type { CoreTables } from './tables/core';
import type { CtiTables } from './tables/cti';
import type { EnterpriseTables } from './tables/enterprises';
import type { IncidentTables } from './tables/incidents';
import type { OperationsTables } from './tables/operations';
import type { PortalTables } from './tables/portal';
import type {
  NotificationTables,
  NotificationTicketColumns,
  NotificationUserColumns,
} from './tables/notifications';
import type { KbTables, KbTicketColumns } from './tables/kb';
import type { ServiceNumberTables, ServiceNumberTicketColumns } from './tables/service-numbers';
import type { SimilarTicketColumns } from './tables/similar';
import type { ExchangeUnitColumns, WebhookTables } from './tables/webhooks';

/**
 * The whole database as Kysely sees it. Each feature declares its tables in
 * server/db/tables/<area>.ts and is added here.
 */
export interface Database
  extends
    Omit<CoreTables, 'ticket' | 'app_user' | 'org_unit'>,
    KbTables,
    AssessmentTables,
    AuditTables,
    OperationsTables,
    IncidentTables,
    EnterpriseTables,
    ServiceNumberTables,
    CtiTables,
    NotificationTables,
    ClassifyTables,
    PortalTables,
    WebhookTables {
  /**
   * The knowledge base adds content_tokens / content_vector to orders (similar cases); the
   * service-number registry adds the number a complaint is about; similar orders their keys.
   */
  ticket: CoreTables['ticket'] &
    KbTicketColumns &
    ServiceNumberTicketColumns &
    NotificationTicketColumns &
    SimilarTicketColumns;
  /** Notifications add a staff member's mobile (pages, unit messages). */
  app_user: CoreTables['app_user'] & NotificationUserColumns;
  /** Webhooks and exchange: a unit may be another installation (its endpoint and key). */
  org_unit: CoreTables['org_unit'] & ExchangeUnitColumns;
}
