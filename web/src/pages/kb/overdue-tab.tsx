import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../../api/client';
import { XlsxExportButton } from '../../components/xlsx-export-button';

interface Notice {
  id: number;
  title: string;
  documentNo: string | null;
  announcedOn: string;
  dueOn: string;
  state: 'answered' | 'answered-late' | 'pending' | 'overdue';
}

interface UnitRow {
  unitId: number | null;
  unitName: string;
  publishedArticles: number;
  reviewOverdueCount: number;
  noticesOverdueCount: number;
  noticesAnsweredLateCount: number;
  reviewOverdue: { id: number; title: string; reviewBy: string; daysOverdue: number }[];
  noticesOverdue: Notice[];
  noticesAnsweredLate: Notice[];
}

/**
 * 更新超期: per unit, entries past their review date and new policies not answered in the
 * knowledge base within 5 working days of publication (the policy-notice rule).
 */
export function OverdueTab() {
  const q = useQuery({
    queryKey: ['kb', 'overdue'],
    queryFn: ({ signal }) => api<{ asOf: string; units: UnitRow[] }>('/api/kb/reports/overdue', { signal }),
  });
  return (
    <>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      <Typography.Paragraph type="secondary">
        政策文件发布后 5 个工作日内须在知识库登记答复；已发布条目须在复核日期前确认仍然有效。统计截至{' '}
        {q.data?.asOf ?? '—'}
        <XlsxExportButton
          size="small"
          path="/api/kb/reports/overdue/export.xlsx"
          query={{}}
          fileName="知识更新超期"
        />
      </Typography.Paragraph>
      <Table<UnitRow>
        size="small"
        rowKey={(r) => String(r.unitId ?? 0)}
        loading={q.isLoading}
        dataSource={q.data?.units ?? []}
        pagination={false}
        data-testid="kb-overdue-table"
        locale={{ emptyText: '各单位知识条目和政策答复均未超期' }}
        expandable={{
          rowExpandable: (r) =>
            r.reviewOverdue.length + r.noticesOverdue.length + r.noticesAnsweredLate.length > 0,
          expandedRowRender: (r) => (
            <div style={{ fontSize: 12 }}>
              {r.reviewOverdue.map((a) => (
                <div key={`a${a.id}`}>
                  <Tag color="orange">复核逾期</Tag>
                  {a.title}（复核日期 {a.reviewBy}，逾期 {a.daysOverdue} 天）
                </div>
              ))}
              {[...r.noticesOverdue, ...r.noticesAnsweredLate].map((n) => (
                <div key={`n${n.id}`}>
                  <Tag color={n.state === 'overdue' ? 'red' : 'gold'}>
                    {n.state === 'overdue' ? '政策未答复' : '答复超期'}
                  </Tag>
                  {n.title}
                  {n.documentNo ? `（${n.documentNo}）` : ''}，发布 {n.announcedOn}，应于 {n.dueOn} 前答复
                </div>
              ))}
            </div>
          ),
        }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '已发布条目', dataIndex: 'publishedArticles', width: 110, align: 'right' },
          {
            title: '复核逾期',
            dataIndex: 'reviewOverdueCount',
            width: 100,
            align: 'right',
            render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
          },
          {
            title: '政策未按时答复',
            dataIndex: 'noticesOverdueCount',
            width: 130,
            align: 'right',
            render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
          },
          { title: '答复超期', dataIndex: 'noticesAnsweredLateCount', width: 100, align: 'right' },
        ]}
      />
    </>
  );
}
