import { Alert, Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { plainText } from '../../../../common/plain-text';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { useTickets } from '../../api/queries';
import type { KbSuggestion } from '../../api/types';
import { StatusTag } from '../../components/tags';
import { matchExclusions, useScopeExclusions, type ScopeExclusion } from '../../features/scope-exclusions';
import { fmtDate } from '../../lib/format';
import { Highlight, highlightText } from '../../lib/highlight';
import { useDebounced } from '../../lib/use-debounced';

const openStatuses = new Set([
  'pending_dispatch',
  'dispatched',
  'in_progress',
  'replied',
  'pending_callback',
  'unsatisfied',
  'appealed',
  'suspended',
]);

/** The caller's earlier orders (by phone number), to spot repeat calls (一事一单). */
export function CallerHistory({ phone, onOpen }: { phone: string | null; onOpen: (id: number) => void }) {
  const list = useTickets(
    { phone: phone ?? undefined, pageSize: 10, sort: '-received' },
    { enabled: !!phone },
  );
  const items = list.data?.items ?? [];
  const open = items.filter((t) => openStatuses.has(t.status)).length;
  return (
    <Card size="small" title={phone ? `来电历史 · ${phone}` : '来电历史'} data-testid="caller-history">
      {!phone ? (
        <Typography.Text type="secondary">录入来电号码后显示该号码的历史工单</Typography.Text>
      ) : list.isError ? (
        <Alert type="error" title="历史工单查询失败" />
      ) : items.length === 0 && !list.isLoading ? (
        <Typography.Text type="secondary">该号码没有历史工单</Typography.Text>
      ) : (
        <>
          {open > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 6 }}
              title={`该来电人有 ${open} 件在办工单；同一诉求请勿重复登记（一事一单）`}
            />
          )}
          <List
            size="small"
            loading={list.isLoading}
            dataSource={items}
            footer={
              list.data && list.data.total > items.length ? (
                <Typography.Text type="secondary">共 {list.data.total} 件，显示最近 10 件</Typography.Text>
              ) : null
            }
            renderItem={(t) => (
              <List.Item style={{ padding: '4px 0', cursor: 'pointer' }} onClick={() => onOpen(t.id)}>
                <div style={{ width: '100%' }}>
                  <Space size={6}>
                    <a>{t.ticketNo}</a>
                    <StatusTag status={t.status} label={t.statusLabel} />
                    <Typography.Text type="secondary">{fmtDate(t.receivedAt)}</Typography.Text>
                  </Space>
                  <div style={{ fontSize: 12, color: '#595959' }}>{t.summary}</div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

function normaliseSuggestions(data: unknown): KbSuggestion[] {
  const arr = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : [];
  return arr
    .filter(
      (x): x is Record<string, unknown> =>
        !!x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'number',
    )
    .map((x) => ({
      id: x.id as number,
      title: plainText(x.titleHighlight ?? x.title ?? ''),
      snippet:
        typeof x.snippet === 'string'
          ? x.snippet
          : typeof x.bodyText === 'string'
            ? x.bodyText.slice(0, 160)
            : undefined,
      unitName: typeof x.unitName === 'string' ? x.unitName : null,
      categoryName: typeof x.categoryName === 'string' ? x.categoryName : null,
    }));
}

/** Knowledge-base answers matching what the agent types (GET /api/kb/suggest). */
export function KbSuggestions({
  text,
  onCite,
  citedId,
}: {
  text: string;
  onCite: (s: KbSuggestion) => void;
  citedId?: number;
}) {
  const q = useDebounced(text.trim().slice(0, 200), 400);
  const query = useQuery({
    queryKey: ['kb-suggest', q],
    queryFn: async ({ signal }) =>
      normaliseSuggestions(await api<unknown>('/api/kb/suggest', { query: { q }, signal })),
    enabled: q.length >= 2,
    staleTime: 60_000,
    retry: false,
  });
  const unavailable =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 501);
  return (
    <Card size="small" title="知识库推荐" data-testid="kb-suggestions">
      {q.length < 2 ? (
        <Typography.Text type="secondary">录入诉求内容后自动检索知识库</Typography.Text>
      ) : unavailable ? (
        <Typography.Text type="secondary">知识库检索服务暂未开放</Typography.Text>
      ) : query.isError ? (
        <Alert type="error" title="知识库检索失败" />
      ) : (query.data ?? []).length === 0 && !query.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未找到相关知识" />
      ) : (
        <List
          size="small"
          loading={query.isLoading}
          dataSource={(query.data ?? []).slice(0, 6)}
          renderItem={(s) => (
            <List.Item
              style={{ padding: '4px 0', alignItems: 'flex-start' }}
              extra={
                <Button
                  size="small"
                  type={citedId === s.id ? 'primary' : 'default'}
                  onClick={() => onCite(s)}
                >
                  {citedId === s.id ? '已引用' : '引用答复'}
                </Button>
              }
            >
              <div>
                <Typography.Text strong>
                  <Highlight html={s.title} />
                </Typography.Text>
                {s.unitName && <Tag style={{ marginInlineStart: 4 }}>{s.unitName}</Tag>}
                {s.snippet && (
                  <div style={{ fontSize: 12, color: '#595959' }}>
                    <Highlight html={s.snippet} />
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function suggestionAnswer(s: KbSuggestion): string {
  return highlightText(s.snippet ?? s.title);
}

/** The profile's exclusions with the channel to suggest; matching ones first. */
export function ScopeHints({ text, onUse }: { text: string; onUse: (e: ScopeExclusion) => void }) {
  const list = useScopeExclusions();
  const matched = new Set(matchExclusions(list, text).map((e) => e.key));
  const rows = [...list].sort((a, b) => Number(matched.has(b.key)) - Number(matched.has(a.key)));
  return (
    <Card size="small" title="受理范围提示" data-testid="scope-hints">
      {matched.size > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 6 }}
          title="诉求内容可能不属于热线受理范围，请核实后告知来电人相应渠道"
        />
      )}
      <Table<ScopeExclusion>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        showHeader
        scroll={{ y: 260 }}
        rowClassName={(r) => (matched.has(r.key) ? 'row-selected' : '')}
        columns={[
          {
            title: '事项',
            dataIndex: 'matter',
            render: (v: string, r) => <span title={r.article}>{v}</span>,
          },
          { title: '建议渠道', dataIndex: 'channel', width: 120 },
          {
            title: '',
            key: 'use',
            width: 48,
            render: (_: unknown, r) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onUse(r)}>
                采用
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
