import type { Role, UnitKind } from '../../../common/enums';

/**
 * 云川市 — a fictional city used for demos, training and tests. Three districts with their
 * own sub-platforms, city departments, public enterprises, towns and sub-units.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  region?: string;
  isPlatform?: boolean;
  duties?: string[];
  phone?: string;
  /** false: a unit no order is dispatched to (the accounts of franchise enterprises). */
  active?: boolean;
}

export const demoUnits: DemoUnit[] = [
  {
    code: 'YC-12345',
    name: '云川市12345政务服务便民热线中心',
    kind: 'center',
    parent: null,
    isPlatform: true,
    region: '云川市',
    phone: '12345',
  },
  {
    code: 'YC-RSJ',
    name: '市人力资源和社会保障局',
    kind: 'department',
    parent: 'YC-12345',
    duties: ['01'],
    phone: '0871-12333',
  },
  { code: 'YC-RSJ-SB', name: '市人社局社会保险科', kind: 'sub-unit', parent: 'YC-RSJ', duties: ['0101'] },
  { code: 'YC-RSJ-LD', name: '市人社局劳动监察支队', kind: 'sub-unit', parent: 'YC-RSJ', duties: ['0102'] },
  { code: 'YC-ZJJ', name: '市住房和城乡建设局', kind: 'department', parent: 'YC-12345', duties: ['02'] },
  { code: 'YC-ZJJ-WY', name: '市住建局物业管理科', kind: 'sub-unit', parent: 'YC-ZJJ', duties: ['0202'] },
  {
    code: 'YC-SCJ',
    name: '市市场监督管理局',
    kind: 'department',
    parent: 'YC-12345',
    duties: ['03'],
    phone: '12315',
  },
  { code: 'YC-STJ', name: '市生态环境局', kind: 'department', parent: 'YC-12345', duties: ['04'] },
  { code: 'YC-JTJ', name: '市交通运输局', kind: 'department', parent: 'YC-12345', duties: ['05'] },
  { code: 'YC-CGJ', name: '市城市管理局', kind: 'department', parent: 'YC-12345', duties: ['06'] },
  { code: 'YC-JYJ', name: '市教育局', kind: 'department', parent: 'YC-12345', duties: ['08'] },
  { code: 'YC-WJW', name: '市卫生健康委员会', kind: 'department', parent: 'YC-12345', duties: ['09'] },
  { code: 'YC-GAJ', name: '市公安局', kind: 'department', parent: 'YC-12345', duties: ['10'] },
  { code: 'YC-ZWB', name: '市政务服务管理局', kind: 'department', parent: 'YC-12345', duties: ['11'] },
  {
    code: 'YC-SW',
    name: '云川水务集团有限公司',
    kind: 'enterprise',
    parent: 'YC-12345',
    duties: ['0701'],
    phone: '0871-96106',
  },
  {
    code: 'YC-GD',
    name: '国网云川供电公司',
    kind: 'enterprise',
    parent: 'YC-12345',
    duties: ['0702'],
    phone: '95598',
  },
  { code: 'YC-RQ', name: '云川燃气有限公司', kind: 'enterprise', parent: 'YC-12345', duties: ['0703'] },
  { code: 'YC-RL', name: '云川热力有限公司', kind: 'enterprise', parent: 'YC-12345', duties: ['0704'] },
  {
    code: 'DC-RX',
    name: '东城区热线分中心',
    kind: 'sub-platform',
    parent: 'YC-12345',
    region: '东城区',
    isPlatform: true,
  },
  {
    code: 'DC-CGJ',
    name: '东城区城市管理局',
    kind: 'department',
    parent: 'DC-RX',
    region: '东城区',
    duties: ['06'],
  },
  {
    code: 'DC-DHJD',
    name: '东城区东湖街道办事处',
    kind: 'town',
    parent: 'DC-RX',
    region: '东城区',
    duties: ['0601', '0202'],
  },
  {
    code: 'DC-XGJD',
    name: '东城区新港街道办事处',
    kind: 'town',
    parent: 'DC-RX',
    region: '东城区',
    duties: ['0601', '0202'],
  },
  {
    code: 'XC-RX',
    name: '西城区热线分中心',
    kind: 'sub-platform',
    parent: 'YC-12345',
    region: '西城区',
    isPlatform: true,
  },
  {
    code: 'XC-ZJJ',
    name: '西城区住房和城乡建设局',
    kind: 'department',
    parent: 'XC-RX',
    region: '西城区',
    duties: ['02'],
  },
  {
    code: 'XC-BTJD',
    name: '西城区白塔街道办事处',
    kind: 'town',
    parent: 'XC-RX',
    region: '西城区',
    duties: ['0601'],
  },
  {
    code: 'XC-QHZ',
    name: '西城区清河镇人民政府',
    kind: 'town',
    parent: 'XC-RX',
    region: '西城区',
    duties: ['0601', '0603'],
  },
  {
    code: 'BS-RX',
    name: '北山区热线分中心',
    kind: 'sub-platform',
    parent: 'YC-12345',
    region: '北山区',
    isPlatform: true,
  },
  {
    code: 'BS-STJ',
    name: '北山区生态环境分局',
    kind: 'department',
    parent: 'BS-RX',
    region: '北山区',
    duties: ['04'],
  },
  {
    code: 'BS-BSZ',
    name: '北山区北山镇人民政府',
    kind: 'town',
    parent: 'BS-RX',
    region: '北山区',
    duties: ['06'],
  },
  {
    code: 'BS-LQX',
    name: '北山区龙泉乡人民政府',
    kind: 'town',
    parent: 'BS-RX',
    region: '北山区',
    duties: ['06'],
  },
  // Accounts of franchise enterprises (加盟企业, tianjin-wuqing §36): never dispatched to.
  { code: 'FRANCHISE', name: '加盟企业', kind: 'sub-unit', parent: null, active: false },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: 'YC-12345' },
  { username: 'agent', displayName: '话务员 李晓梅', role: 'agent', unit: 'YC-12345' },
  { username: 'dispatcher', displayName: '派单员 王建国', role: 'dispatcher', unit: 'YC-12345' },
  { username: 'handler', displayName: '人社局 张丽', role: 'handler', unit: 'YC-RSJ' },
  { username: 'handler2', displayName: '住建局 刘洋', role: 'handler', unit: 'YC-ZJJ' },
  { username: 'callback', displayName: '回访员 陈静', role: 'callback', unit: 'YC-12345' },
  { username: 'supervisor', displayName: '督办员 赵强', role: 'supervisor', unit: 'YC-12345' },
  { username: 'leader', displayName: '中心主任 孙明', role: 'leader', unit: 'YC-12345' },
  { username: 'kb-editor', displayName: '知识库维护员 周敏', role: 'kb-editor', unit: 'YC-12345' },
  { username: 'unit-leader', displayName: '人社局联络员 吴刚', role: 'unit-leader', unit: 'YC-RSJ' },
  { username: 'dispatcher-dc', displayName: '东城分中心派单员 郑红', role: 'dispatcher', unit: 'DC-RX' },
  { username: 'handler-dc', displayName: '东湖街道 冯磊', role: 'handler', unit: 'DC-DHJD' },
  { username: 'enterprise', displayName: '安家家政 客服', role: 'enterprise', unit: 'FRANCHISE' },
];

export const DEMO_PASSWORD = 'demo';
