import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  channelLabels,
  channels,
  lightLabels,
  lights,
  ticketTypeLabels,
  ticketTypes,
} from '../../../common/enums';
import { errorText } from '../api/client';
import { useTickets } from '../api/queries';
import type { TicketListItem, TicketListQuery } from '../api/types';
import { fmtShort } from '../lib/format';
import { ticketStatuses, ticketStatusLabels, type TicketStatus } from '../../../common/ticket-vocabulary';
import { useNow } from '../lib/use-now';
import { CategoryCascader } from '../features/category-cascader';
import { DeadlineCountdown } from './deadline-countdown';
import { ExportButton } from './export-button';
import { LightTag, StatusTag, UrgencyTag } from './tags';
import { TicketExtraFilters, type ExtraFilter } from './ticket-extra-filters';

export type TicketFilter = 'status' | 'light' | 'type' | 'channel' | 'category' | 'q' | ExtraFilter;
export type TicketColumn =
  | 'ticketNo'
  | 'light'
  | 'status'
  | 'type'
  | 'urgency'
  | 'category'
  | 'summary'
  | 'caller'
  | 'region'
  | 'leadUnit'
  | 'receivedAt'
  | 'handleBy'
  | 'channel';

const defaultColumns: TicketColumn[] = [
  'ticketNo',
  'light',
  'status',
  'type',
  'category',
  'summary',
  'caller',
  'leadUnit',
  'receivedAt',
  'handleBy',
];

const sorts = ['received', '-received', 'due', '-due'] as const;
type Sort = (typeof sorts)[number];

interface Props {
  /** Fixed part of the query (scope, a status preset…). */
  baseQuery: TicketListQuery;
  filters?: TicketFilter[];
  statusOptions?: TicketStatus[];
  columns?: TicketColumn[];
  defaultSort?: Sort;
  /** Prefix of this table's URL parameters (several tables can share a page). */
  stateKey?: string;
  exportName: string;
  onOpen?: (item: TicketListItem) => void;
  selectedId?: number | null;
  toolbar?: ReactNode;
  refetchInterval?: number;
}

const activeStatuses = new Set(['dispatched', 'in_progress']);

/** A server-paged, server-filtered list of orders whose state lives in the URL. */
export function TicketTable(props: Props) {
  const {
    baseQuery,
    filters = ['status', 'light', 'type', 'q'],
    columns = defaultColumns,
    stateKey = '',
    exportName,
  } = props;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const nowMs = useNow();
  const k = (name: string) => `${stateKey}${name}`;
  const get = (name: string) => params.get(k(name)) ?? undefined;
  const sortParam = get('sort');
  const sort: Sort = sorts.includes(sortParam as Sort)
    ? (sortParam as Sort)
    : (props.defaultSort ?? '-received');
  const page = Math.max(1, Number(get('page') ?? 1) || 1);
  const pageSize = [10, 20, 50, 100].includes(Number(get('size'))) ? Number(get('size')) : 20;

  const query: TicketListQuery = {
    ...baseQuery,
    status: get('status') ?? baseQuery.status,
    light: get('light') ?? baseQuery.light,
    type: get('type') ?? baseQuery.type,
    channel: get('channel') ?? baseQuery.channel,
    category: get('category') ?? baseQuery.category,
    q: get('q') ?? baseQuery.q,
    receivedFrom: get('receivedFrom') ?? baseQuery.receivedFrom,
    receivedTo: get('receivedTo') ?? baseQuery.receivedTo,
    region: get('region') ?? baseQuery.region,
    leadUnitId: Number(get('leadUnitId')) || baseQuery.leadUnitId,
    sort,
    page,
    pageSize,
  };
  const list = useTickets(query, { refetchInterval: props.refetchInterval });

  const update = (patch: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [name, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k(name));
      else next.set(k(name), v);
    }
    if (resetPage) next.delete(k('page'));
    setParams(next, { replace: true });
  };
  const multi = (name: string) => (get(name) ? (get(name) ?? '').split(',') : []);
  const setMulti = (name: string, values: string[]) => update({ [name]: values.join(',') || undefined });

  const open = (item: TicketListItem) => {
    if (props.onOpen) props.onOpen(item);
    else void navigate(`/tickets/${item.id}`);
  };

  const allColumns: Record<TicketColumn, ColumnsType<TicketListItem>[number]> = {
    ticketNo: {
      title: '工单编号',
      dataIndex: 'ticketNo',
      width: 128,
      fixed: 'left',
      render: (v: string, r) => (
        <a
          href={`/tickets/${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            open(r);
          }}
        >
          {v}
        </a>
      ),
    },
    light: {
      title: '预警',
      dataIndex: 'light',
      width: 82,
      render: (_: unknown, r) => <LightTag light={r.light} />,
    },
    status: {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, r) => (
        <StatusTag status={r.status} label={r.statusLabel} pending={r.pendingRequest} />
      ),
    },
    type: {
      title: '类型',
      dataIndex: 'type',
      width: 80,
      render: (_: unknown, r) => ticketTypeLabels[r.type],
    },
    urgency: {
      title: '紧急程度',
      dataIndex: 'urgency',
      width: 76,
      render: (_: unknown, r) => <UrgencyTag urgency={r.urgency} />,
    },
    channel: {
      title: '渠道',
      dataIndex: 'channel',
      width: 90,
      render: (_: unknown, r) => channelLabels[r.channel],
    },
    category: {
      title: '问题分类',
      dataIndex: 'categoryName',
      width: 96,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    summary: {
      title: '诉求摘要',
      dataIndex: 'summary',
      ellipsis: true,
      render: (v: string) => <span title={v}>{v}</span>,
    },
    caller: {
      title: '来电人',
      dataIndex: 'caller',
      width: 118,
      render: (_: unknown, r) =>
        r.caller.confidential && !r.caller.name ? (
          <Typography.Text type="secondary">保密</Typography.Text>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>
            {r.caller.name ?? '—'}{' '}
            {r.caller.phone ? <Typography.Text type="secondary">{r.caller.phone}</Typography.Text> : null}
          </span>
        ),
    },
    region: { title: '区域', dataIndex: 'region', width: 64, render: (v: string | null) => v ?? '—' },
    leadUnit: {
      title: '主办单位',
      dataIndex: 'leadUnitName',
      width: 150,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    receivedAt: {
      title: '受理时间',
      dataIndex: 'receivedAt',
      width: 96,
      sorter: true,
      sortOrder: sort === 'received' ? 'ascend' : sort === '-received' ? 'descend' : null,
      render: (v: string) => fmtShort(v),
    },
    handleBy: {
      title: '办理时限',
      dataIndex: 'handleBy',
      width: 190,
      sorter: true,
      sortOrder: sort === 'due' ? 'ascend' : sort === '-due' ? 'descend' : null,
      render: (_: unknown, r) => (
        <DeadlineCountdown due={r.handleBy} nowMs={nowMs} stopped={!activeStatuses.has(r.status)} />
      ),
    },
  };

  const onChange = (
    p: TablePaginationConfig,
    _f: unknown,
    s: SorterResult<TicketListItem> | SorterResult<TicketListItem>[],
  ) => {
    const sorter = Array.isArray(s) ? s[0] : s;
    let nextSort: Sort | undefined = sort;
    if (sorter?.columnKey === 'handleBy' || sorter?.field === 'handleBy') {
      nextSort = sorter.order === 'ascend' ? 'due' : sorter.order === 'descend' ? '-due' : undefined;
    } else if (sorter?.columnKey === 'receivedAt' || sorter?.field === 'receivedAt') {
      nextSort =
        sorter.order === 'ascend' ? 'received' : sorter.order === 'descend' ? '-received' : undefined;
    }
    const sortChanged = nextSort !== sort;
    update(
      {
        sort: nextSort === (props.defaultSort ?? '-received') ? undefined : (nextSort ?? undefined),
        page: sortChanged ? undefined : String(p.current ?? 1),
        size: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : undefined,
      },
      false,
    );
  };

  const statusChoices = props.statusOptions ?? ticketStatuses;
  const data = list.data;

  return (
    <div className="ticket-table">
      <Space wrap size={6} style={{ marginBottom: 8 }}>
        {filters.includes('q') && (
          <Input.Search
            allowClear
            placeholder="编号/电话/尾号/姓名/内容"
            defaultValue={get('q')}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            style={{ width: 220 }}
            aria-label="搜索工单"
          />
        )}
        <TicketExtraFilters filters={filters} get={get} update={update} />
        {filters.includes('status') && (
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="状态"
            style={{ width: 180 }}
            value={multi('status')}
            onChange={(v: string[]) => setMulti('status', v)}
            options={statusChoices.map((s) => ({ value: s, label: ticketStatusLabels[s] }))}
            aria-label="按状态筛选"
          />
        )}
        {filters.includes('light') && (
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="预警灯"
            style={{ width: 160 }}
            value={multi('light')}
            onChange={(v: string[]) => setMulti('light', v)}
            options={lights.map((l) => ({ value: l, label: lightLabels[l] }))}
            aria-label="按预警灯筛选"
          />
        )}
        {filters.includes('type') && (
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="诉求类型"
            style={{ width: 160 }}
            value={multi('type')}
            onChange={(v: string[]) => setMulti('type', v)}
            options={ticketTypes.map((t) => ({ value: t, label: ticketTypeLabels[t] }))}
            aria-label="按诉求类型筛选"
          />
        )}
        {filters.includes('channel') && (
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="来源渠道"
            style={{ width: 160 }}
            value={multi('channel')}
            onChange={(v: string[]) => setMulti('channel', v)}
            options={channels.map((c) => ({ value: c, label: channelLabels[c] }))}
            aria-label="按来源渠道筛选"
          />
        )}
        {filters.includes('category') && (
          <CategoryCascader
            anyLevel
            placeholder="问题分类"
            value={get('category')}
            onChange={(v) => update({ category: v })}
            style={{ width: 200 }}
          />
        )}
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.refetch()}
          loading={list.isFetching}
          title="刷新"
        />
        <ExportButton
          name={exportName}
          query={{ ...query, page: undefined, pageSize: undefined }}
          pageItems={data?.items ?? []}
          total={data?.total ?? 0}
        />
        {props.toolbar}
      </Space>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={`加载失败：${errorText(list.error)}`}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<TicketListItem>
        rowKey="id"
        size="small"
        columns={columns.map((c) => ({ key: c, ...allColumns[c] }))}
        dataSource={data?.items ?? []}
        loading={list.isLoading}
        onChange={onChange}
        scroll={{ x: 1100 }}
        rowClassName={(r) => (r.id === props.selectedId ? 'row-selected' : '')}
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
        }}
      />
    </div>
  );
}
