import type { Role } from '../../../common/enums';

export type PageKey =
  | 'home'
  | 'intake'
  | 'dispatch'
  | 'inbox'
  | 'callback'
  | 'supervision'
  | 'tickets'
  | 'admin'
  | 'incidents'
  | 'enterprises'
  | 'service-numbers'
  | 'enterprise-desk'
  | 'kb'
  | 'assessment'
  | 'assessment-warnings'
  | 'statistics'
  | 'reports'
  | 'bigscreen';

export interface NavPage {
  key: PageKey;
  path: string;
  label: string;
  roles: readonly Role[] | 'all';
}

/** The screens and who works in them (the server still checks every action). */
export const navPages: NavPage[] = [
  { key: 'home', path: '/', label: '工作台', roles: 'all' },
  { key: 'intake', path: '/intake', label: '受理登记', roles: ['agent', 'dispatcher', 'admin'] },
  { key: 'dispatch', path: '/dispatch', label: '派单审核', roles: ['dispatcher', 'admin'] },
  { key: 'inbox', path: '/inbox', label: '承办工单', roles: ['handler', 'unit-leader'] },
  { key: 'callback', path: '/callback', label: '回访研判', roles: ['callback', 'admin'] },
  {
    key: 'supervision',
    path: '/supervision',
    label: '督办',
    roles: ['supervisor', 'leader', 'admin', 'handler', 'unit-leader'],
  },
  {
    key: 'incidents',
    path: '/incidents',
    label: '重大事件',
    roles: ['agent', 'dispatcher', 'supervisor', 'leader', 'admin'],
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    label: '加盟企业',
    roles: ['agent', 'dispatcher', 'callback', 'supervisor', 'leader', 'admin'],
  },
  {
    key: 'service-numbers',
    path: '/service-numbers',
    label: '服务号码',
    roles: ['dispatcher', 'admin', 'supervisor', 'leader', 'unit-leader', 'handler'],
  },
  { key: 'enterprise-desk', path: '/enterprise-desk', label: '企业工作台', roles: ['enterprise'] },
  {
    key: 'assessment',
    path: '/assessment',
    label: '考核评价',
    roles: ['leader', 'supervisor', 'admin', 'dispatcher', 'unit-leader'],
  },
  {
    key: 'assessment-warnings',
    path: '/assessment/warnings',
    label: '单位预警',
    roles: ['leader', 'supervisor', 'admin', 'dispatcher', 'unit-leader', 'handler'],
  },
  {
    key: 'statistics',
    path: '/statistics',
    label: '统计分析',
    roles: ['leader', 'supervisor', 'admin', 'dispatcher'],
  },
  { key: 'reports', path: '/reports', label: '报表分析', roles: ['leader', 'supervisor', 'admin'] },
  { key: 'bigscreen', path: '/bigscreen', label: '运行大屏', roles: ['leader', 'supervisor', 'admin'] },
  { key: 'kb', path: '/kb', label: '知识库维护', roles: ['kb-editor', 'admin', 'handler', 'unit-leader'] },
  { key: 'tickets', path: '/tickets', label: '工单查询', roles: 'all' },
  { key: 'admin', path: '/admin', label: '系统管理', roles: ['admin'] },
];

/** A franchise enterprise's account works only its own desk (tianjin-wuqing §36). */
const opens = (p: NavPage, role: Role) =>
  role === 'enterprise' ? p.key === 'enterprise-desk' : p.roles === 'all' || p.roles.includes(role);

export function canOpen(page: PageKey, role: Role): boolean {
  const p = navPages.find((n) => n.key === page);
  return !!p && opens(p, role);
}

export function pagesFor(role: Role): NavPage[] {
  return navPages.filter((p) => opens(p, role));
}

/** The desk a role lands on after signing in. */
export function deskOf(role: Role): string {
  switch (role) {
    case 'agent':
      return '/intake';
    case 'dispatcher':
      return '/dispatch';
    case 'handler':
    case 'unit-leader':
      return '/inbox';
    case 'callback':
      return '/callback';
    case 'supervisor':
      return '/supervision';
    case 'leader':
      return '/';
    case 'admin':
    case 'kb-editor':
      return '/';
    case 'enterprise':
      return '/enterprise-desk';
  }
}
