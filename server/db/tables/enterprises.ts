import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A franchise enterprise (加盟企业): its application, then its membership. */
export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  /** 统一社会信用代码, normalised (GB 32100-2015). */
  credit_code: string;
  /** Category codes of the services it offers. */
  services: string[];
  address: string;
  lng: number | null;
  lat: number | null;
  contact_name: string;
  contact_phone: string;
  description: string | null;
  /** File name of the business licence under DATA_DIR/enterprise-licences/. */
  licence_file: string;
  licence_type: string;
  licence_size: number;
  /** pending, approved, rejected, suspended. */
  status: Generated<string>;
  applied_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decision_note: string | null;
  suspended_at: Timestamp | null;
  suspended_by: number | null;
  suspend_reason: string | null;
}

/** An on-site verification visit (现场核实, wuqing §33). */
export interface EnterpriseVisitTable {
  id: Generated<number>;
  enterprise_id: number;
  visited_on: ColumnType<string, string, string>;
  result: string;
  note: string | null;
  recorded_by: number;
  recorded_at: Timestamp;
}

/** An association's or chamber's recommendation of a member (协会、商会推荐, wuqing §34). */
export interface EnterpriseRecommendationTable {
  id: Generated<number>;
  enterprise_id: number;
  association: string;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

/** An order referred to an enterprise, with the callback's rating of its service. */
export interface EnterpriseReferralTable {
  ticket_id: number;
  enterprise_id: number;
  referred_by: number | null;
  referred_at: Timestamp;
  rating: string | null;
  rated_at: Timestamp | null;
}

/** A bad record (服务不良记录, wuqing §38). */
export interface EnterpriseCreditRecordTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: string;
  ticket_id: number | null;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface EnterpriseTables {
  enterprise: EnterpriseTable;
  enterprise_visit: EnterpriseVisitTable;
  enterprise_recommendation: EnterpriseRecommendationTable;
  enterprise_referral: EnterpriseReferralTable;
  enterprise_credit_record: EnterpriseCreditRecordTable;
}
