import type { z } from 'zod';
import { incidentStatusLabels, type listIncidentsQuery } from '../../../common/contracts/incidents';
import { lightLabels, roleLabels, unitKindLabels, type Role, type UnitKind } from '../../../common/enums';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { listIncidents } from '../incidents/get-incident';
import { listUsers } from '../org/admin-org';
import { listUnits } from '../org/org.repository';
import { EXPORT_MAX_ROWS } from './ticket-export';
import { serviceMinute, type Cell, type XlsxSheet } from './xlsx-stream';

/** The screens' search box: the rows whose named fields contain the text. */
const matches = (text: string | undefined, ...fields: (string | null)[]) =>
  !text || fields.some((f) => f !== null && f.toLowerCase().includes(text.toLowerCase()));

/** 用户 as the administration tab lists them, with its search (username, name or unit). */
export async function usersSheet(ctx: AppContext, q: { q?: string | undefined }): Promise<XlsxSheet> {
  const users = (await listUsers(ctx)).filter((u) => matches(q.q, u.username, u.displayName, u.unitName));
  const now = ctx.clock.now();
  return {
    name: '用户',
    columns: [
      { header: '用户名', width: 16 },
      { header: '姓名', width: 16 },
      { header: '角色', width: 14 },
      { header: '所属单位', width: 26 },
      { header: '状态', width: 10 },
      { header: '首次登录须改密', width: 14 },
      { header: '创建时间', width: 17 },
    ],
    rows: [
      users.map((u): Cell[] => [
        u.username,
        u.displayName,
        roleLabels[u.role as Role] ?? u.role,
        u.unitName,
        !u.active ? '已停用' : u.lockedUntil && u.lockedUntil > now ? '已锁定' : '启用',
        u.mustChangePassword ? '是' : '否',
        serviceMinute(u.createdAt),
      ]),
    ],
  };
}

/** 单位 in tree order as the administration tab lists them, with its search (name or code). */
export async function unitsSheet(ctx: AppContext, q: { q?: string | undefined }): Promise<XlsxSheet> {
  const all = await listUnits(ctx.db);
  const nameOf = new Map(all.map((u) => [u.id, u.name]));
  const units = all.filter((u) => matches(q.q, u.name, u.code));
  return {
    name: '单位',
    columns: [
      { header: '编码', width: 14 },
      { header: '单位名称', width: 28 },
      { header: '类型', width: 12 },
      { header: '上级单位', width: 28 },
      { header: '区域', width: 10 },
      { header: '职责分类', width: 30 },
      { header: '值班电话', width: 14 },
      { header: '状态', width: 8 },
    ],
    rows: [
      units.map((u): Cell[] => [
        u.code,
        u.name,
        unitKindLabels[u.kind as UnitKind] ?? u.kind,
        u.parentId === null ? '' : (nameOf.get(u.parentId) ?? ''),
        u.region ?? '',
        (u.duties ?? []).join('、'),
        u.phone ?? '',
        u.active ? '启用' : '停用',
      ]),
    ],
  };
}

/** 重大事件 with the screen's status filter, newest first, with their report deadlines. */
export async function incidentsSheet(
  ctx: AppContext,
  user: SessionUser,
  q: Omit<z.output<typeof listIncidentsQuery>, 'limit'>,
): Promise<XlsxSheet> {
  const { items } = await listIncidents(ctx, user, { ...q, limit: EXPORT_MAX_ROWS });
  return {
    name: '重大事件',
    columns: [
      { header: '事件名称', width: 30 },
      { header: '状态', width: 10 },
      { header: '预警', width: 10 },
      { header: '发生时间', width: 17 },
      { header: '首报时限', width: 17 },
      { header: '首报时间', width: 17 },
      { header: '书面报告时限', width: 17 },
      { header: '书面报告时间', width: 17 },
      { header: '关联工单数', width: 12 },
      { header: '结束时间', width: 17 },
      { header: '事件描述', width: 50 },
    ],
    rows: [
      items.map((i): Cell[] => [
        i.title,
        incidentStatusLabels[i.status],
        i.light ? lightLabels[i.light] : '',
        serviceMinute(i.occurredAt),
        serviceMinute(i.reportBy),
        serviceMinute(i.deadlines.reportBy?.reportedAt),
        serviceMinute(i.writtenReportBy),
        serviceMinute(i.deadlines.writtenReportBy?.reportedAt),
        i.ticketCount,
        serviceMinute(i.closedAt),
        i.description ?? '',
      ]),
    ],
  };
}
