import type { Trx } from '../tickets/tickets.repository';

/**
 * The demo city's published service and emergency-repair numbers, registered before the
 * platform started (effective 1 January 2026, no application on file), and a few volunteers.
 * Fictional numbers; the pattern of the list follows beijing-miyun Annex 1.
 */
const demoNumbers: {
  unit: string;
  number: string;
  name: string;
  kind: 'service' | 'emergency-repair';
  dutyHours: string;
  duties: string;
}[] = [
  {
    unit: 'YC-RSJ',
    number: '0871-12333',
    name: '人社服务热线',
    kind: 'service',
    dutyHours: '工作日 8:30-17:30',
    duties: '社保、就业、劳动关系政策咨询和投诉',
  },
  {
    unit: 'YC-RSJ',
    number: '0871-65120001',
    name: '劳动保障监察举报电话',
    kind: 'service',
    dutyHours: '24小时',
    duties: '拖欠工资等劳动保障违法行为举报',
  },
  {
    unit: 'YC-ZJJ',
    number: '0871-65120002',
    name: '住建值班电话',
    kind: 'service',
    dutyHours: '24小时',
    duties: '物业、房屋安全、建筑施工咨询投诉',
  },
  {
    unit: 'YC-SCJ',
    number: '0871-12315',
    name: '市场监管投诉举报电话',
    kind: 'service',
    dutyHours: '工作日 8:30-17:30',
    duties: '消费投诉、市场违法行为举报',
  },
  {
    unit: 'YC-CGJ',
    number: '0871-65120003',
    name: '城管值班电话',
    kind: 'service',
    dutyHours: '24小时',
    duties: '市容环境、占道经营、违章搭建',
  },
  {
    unit: 'YC-SW',
    number: '0871-96106',
    name: '供水抢修电话',
    kind: 'emergency-repair',
    dutyHours: '24小时',
    duties: '停水、爆管、水质问题报修抢修',
  },
  {
    unit: 'YC-GD',
    number: '95598',
    name: '供电服务热线',
    kind: 'emergency-repair',
    dutyHours: '24小时',
    duties: '停电报修、用电咨询',
  },
  {
    unit: 'YC-RQ',
    number: '0871-96777',
    name: '燃气抢险电话',
    kind: 'emergency-repair',
    dutyHours: '24小时',
    duties: '燃气泄漏、停气报修抢险',
  },
  {
    unit: 'YC-RL',
    number: '0871-96111',
    name: '供热报修电话',
    kind: 'emergency-repair',
    dutyHours: '供暖季24小时',
    duties: '暖气不热、管道漏水报修',
  },
  {
    unit: 'DC-DHJD',
    number: '0871-63010001',
    name: '东湖街道24小时值班电话',
    kind: 'service',
    dutyHours: '24小时',
    duties: '辖区群众诉求受理',
  },
  {
    unit: 'XC-QHZ',
    number: '0871-64020001',
    name: '清河镇值班电话',
    kind: 'service',
    dutyHours: '24小时',
    duties: '辖区群众诉求受理',
  },
];

const demoVolunteers = [
  { name: '林晓医生', skills: ['全科医生', '急救'], phone: '13900001111', availability: '周末全天' },
  { name: '高明律师', skills: ['法律咨询', '劳动争议'], phone: '13900002222', availability: '工作日晚间' },
  { name: '沈心理咨询师', skills: ['心理疏导'], phone: '13900003333', availability: '周二、周四下午' },
  {
    name: '云川大学志愿服务队',
    skills: ['助老', '陪诊', '电脑维修'],
    phone: '0871-65129999',
    availability: '周六上午',
  },
];

/** Inserts the demo numbers and volunteers (inside the demo city's transaction). */
export async function loadDemoServiceNumbers(
  trx: Trx,
  unitIds: Map<string, number>,
  adminId: number,
): Promise<void> {
  const at = new Date('2025-11-01T09:00:00+08:00');
  for (const n of demoNumbers) {
    const unitId = unitIds.get(n.unit);
    if (!unitId) throw new Error(`demo number ${n.number}: unknown unit ${n.unit}`);
    const { id } = await trx
      .insertInto('service_number')
      .values({ unit_id: unitId, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('service_number_version')
      .values({
        service_number_id: id,
        seq: 1,
        action: 'open',
        number: n.number,
        name: n.name,
        kind: n.kind,
        duty_hours: n.dutyHours,
        duties: n.duties,
        effective_date: '2026-01-01',
        application_id: null,
        approved_by: null,
        approved_at: at,
      })
      .execute();
  }
  for (const v of demoVolunteers) {
    await trx
      .insertInto('volunteer')
      .values({ ...v, created_by: adminId, created_at: at })
      .execute();
  }
}
