import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import type { TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useRef, type ReactNode } from 'react';
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
import { ticketStatuses, ticketStatusLabels, type TicketStatus } from '../../../common/ticket-vocabulary';
import { useNow } from '../lib/use-now';
import { CategoryCascader } from '../features/category-cascader';
import { ExportButton } from './export-button';
import { XlsxExportButton } from './xlsx-export-button';
import { defaultTicketColumns, tableWidth, ticketColumns, type TicketColumn } from './ticket-columns';
import { TicketExtraFilters, type ExtraFilter } from './ticket-extra-filters';

export type { TicketColumn } from './ticket-columns';
export type TicketFilter = 'status' | 'light' | 'type' | 'channel' | 'category' | 'q' | ExtraFilter;

const sorts = ['received', '-received', 'due', '-due'] as const;
type Sort = (typeof sorts)[number];

interface Props {
  /** Fixed part of the query (scope, a status preset…). */
  baseQuery: TicketListQuery;
  filters?: TicketFilter[];
  statusOptions?: TicketStatus[];
  columns?: readonly TicketColumn[];
  defaultSort?: Sort;
  /** Prefix of this table's URL parameters (several tables can share a page). */
  stateKey?: string;
  exportName: string;
  onOpen?: (item: TicketListItem) => void;
  selectedId?: number | null;
  toolbar?: ReactNode;
  refetchInterval?: number;
}

/** A server-paged, server-filtered list of orders whose state lives in the URL. */
export function TicketTable(props: Props) {
  const {
    baseQuery,
    filters = ['status', 'light', 'type', 'q'],
    columns = defaultTicketColumns,
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
  // Pages reached from a neighbouring page use its cursor (keyset paging); others use the number.
  const cursors = useRef(new Map<string, string>());
  const listKey = JSON.stringify({ ...query, page: undefined });
  const cursor = page > 1 ? cursors.current.get(`${listKey}|${page}`) : undefined;
  const list = useTickets(cursor ? { ...query, cursor } : query, { refetchInterval: props.refetchInterval });
  const nextCursor = list.data?.nextCursor;
  useEffect(() => {
    if (nextCursor) cursors.current.set(`${listKey}|${page + 1}`, nextCursor);
  }, [listKey, page, nextCursor]);

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

  const allColumns = ticketColumns({ sort, nowMs, open });

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
        <XlsxExportButton
          path="/api/tickets/export.xlsx"
          query={{ ...query, page: undefined, pageSize: undefined, cursor: undefined }}
          fileName={exportName}
          disabled={(data?.total ?? 0) === 0}
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
        tableLayout="fixed"
        dataSource={data?.items ?? []}
        loading={list.isLoading}
        onChange={onChange}
        // Wider than the screen: the table scrolls inside itself, the number and the deadline stay.
        scroll={{ x: tableWidth(columns) }}
        rowClassName={(r) => (r.id === props.selectedId ? 'row-selected' : '')}
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          // A capped count ("10,000+") still lets the pager go one page further while there is one.
          total:
            data?.totalIsCapped && data.nextCursor
              ? Math.max(data.total, (page + 1) * pageSize)
              : (data?.total ?? 0),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) =>
            data?.totalIsCapped ? `共 ${data.total.toLocaleString('en-US')}+ 条` : `共 ${t} 条`,
        }}
      />
    </div>
  );
}
