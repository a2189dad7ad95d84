import type { CallbackRating } from '../../domain/enterprise/star-rating';
import type { AppContext } from '../../platform/context';
import type { Trx } from '../tickets/tickets.repository';
import {
  insertEnterprise,
  insertRecommendation,
  insertReferral,
  insertVisit,
  rateReferrals,
} from './enterprises.repository';
import { storeLicence } from './licence-file';
import { linkDemoAccount } from './enterprise-desk.repository';

/** A placeholder licence image for the demo (a PNG signature and an empty header chunk). */
const DEMO_LICENCE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

interface DemoEnterprise {
  name: string;
  /** Fictional codes with a correct GB 32100-2015 check character. */
  creditCode: string;
  services: string[];
  address: string;
  lng: number;
  lat: number;
  contactName: string;
  contactPhone: string;
  description: string;
  status: 'approved' | 'pending';
  recommendedBy?: string;
  /** Callback ratings of demo orders referred to it. */
  ratings?: CallbackRating[];
}

const S = 'satisfied';
const B = 'basically-satisfied';
const U = 'unsatisfied';

const demoEnterprises: DemoEnterprise[] = [
  {
    name: '云川市安家家政服务有限公司',
    creditCode: '915301020000000066',
    services: ['130101', '130102'],
    address: '云川市东城区东湖路88号',
    lng: 102.712,
    lat: 25.043,
    contactName: '赵丽华',
    contactPhone: '13987650001',
    description: '日常保洁、开荒保洁、月嫂育儿嫂，持证上岗',
    status: 'approved',
    recommendedBy: '云川市家庭服务业协会',
    ratings: [S, S, S, B],
  },
  {
    name: '云川市快修家电维修中心',
    creditCode: '92530102000000001K',
    services: ['130201', '130202'],
    address: '云川市东城区春城路12号',
    lng: 102.705,
    lat: 25.048,
    contactName: '钱国强',
    contactPhone: '13987650002',
    description: '空调、洗衣机、冰箱维修；水电改造',
    status: 'approved',
    ratings: [S, B, B, U],
  },
  {
    name: '云川市通达管道疏通服务部',
    creditCode: '92530102000000002N',
    services: ['130203'],
    address: '云川市西城区滇池路205号',
    lng: 102.688,
    lat: 25.03,
    contactName: '孙海',
    contactPhone: '13987650003',
    description: '下水道、马桶、化粪池疏通，24小时上门',
    status: 'approved',
    ratings: [S, S],
  },
  {
    name: '云川市金钥匙开锁服务部',
    creditCode: '92530102000000003R',
    services: ['130204'],
    address: '云川市东城区北京路66号',
    lng: 102.718,
    lat: 25.052,
    contactName: '周建',
    contactPhone: '13987650004',
    description: '开锁换锁，已在公安机关备案',
    status: 'pending',
  },
  {
    name: '云川市颐康居家养老服务有限公司',
    creditCode: '915301020000000079',
    services: ['130103'],
    address: '云川市西城区人民西路33号',
    lng: 102.69,
    lat: 25.041,
    contactName: '吴敏',
    contactPhone: '13987650005',
    description: '助浴、助餐、陪诊等居家养老服务',
    status: 'pending',
    recommendedBy: '云川市养老服务业商会',
  },
];

/**
 * The demo city's franchise enterprises: three members with stars from referred demo orders
 * and two pending applications, one recommended by an association. Everything in the caller's
 * transaction; the licence placeholders are written first.
 */
export async function loadDemoEnterprises(ctx: AppContext, trx: Trx, now: Date): Promise<number> {
  const closed = await trx
    .selectFrom('ticket')
    .select('id')
    .where('status', '=', 'closed')
    .orderBy('id')
    .limit(20)
    .execute();
  const tickets = closed.map((t) => Number(t.id));
  let account = false;
  for (const e of demoEnterprises) {
    const file = await storeLicence(ctx.env.DATA_DIR, { bytes: DEMO_LICENCE, type: 'image/png', ext: 'png' });
    const id = await insertEnterprise(trx, {
      name: e.name,
      credit_code: e.creditCode,
      services: e.services,
      address: e.address,
      lng: e.lng,
      lat: e.lat,
      contact_name: e.contactName,
      contact_phone: e.contactPhone,
      description: e.description,
      licence_file: file,
      licence_type: 'image/png',
      licence_size: DEMO_LICENCE.length,
      status: e.status,
      applied_at: new Date(now.getTime() - 30 * 86_400_000),
      decided_at: e.status === 'approved' ? new Date(now.getTime() - 20 * 86_400_000) : null,
      decision_note: e.status === 'approved' ? '材料齐全，现场核实无误' : null,
    });
    if (e.recommendedBy) {
      await insertRecommendation(trx, {
        enterpriseId: id,
        association: e.recommendedBy,
        note: null,
        by: null,
        at: now,
      });
    }
    if (e.status === 'approved' && !account) {
      // The demo account `enterprise` works the desk of the first approved enterprise.
      await linkDemoAccount(trx, 'enterprise', id);
      account = true;
    }
    if (e.status === 'approved') {
      const admin = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirst();
      if (admin) {
        const visitedOn = new Date(now.getTime() - 21 * 86_400_000).toISOString().slice(0, 10);
        await insertVisit(trx, {
          enterpriseId: id,
          visitedOn,
          result: 'confirmed',
          note: '现场核实无误',
          by: Number(admin.id),
          at: now,
        });
      }
    }
    for (const rating of e.ratings ?? []) {
      const ticketId = tickets.shift();
      if (ticketId === undefined) break;
      await insertReferral(trx, { ticketId, enterpriseId: id, by: null, at: now });
      await rateReferrals(trx, { ticketId, rating, at: now });
    }
  }
  return demoEnterprises.length;
}
