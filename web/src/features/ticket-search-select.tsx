import { Select } from 'antd';
import { useState } from 'react';
import { useTickets } from '../api/queries';

/** Picks an order by number or content (server search), e.g. the order to merge into. */
export function TicketSearchSelect(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  excludeId?: number;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const list = useTickets({ q: q || undefined, pageSize: 10, sort: '-received' }, { enabled: q.length > 0 });
  const options = (list.data?.items ?? [])
    .filter((t) => t.id !== props.excludeId)
    .map((t) => ({ value: t.id, label: `${t.ticketNo}  ${t.statusLabel}  ${t.summary.slice(0, 30)}` }));
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
      allowClear
      value={props.value}
      onChange={(v: number | undefined) => props.onChange?.(v)}
      placeholder="输入工单编号或诉求关键词检索"
      options={options}
      loading={list.isFetching}
      notFoundContent={q ? '未找到匹配的工单' : '请输入检索词'}
    />
  );
}
