import { Alert, App, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { useContributions, useReviewContribution, type Contribution } from '../../api/kb-review';
import { fmtDateTime } from '../../lib/format';

const statusLabels: Record<Contribution['status'], string> = {
  pending: '待审核',
  accepted: '已采纳',
  rejected: '不予采纳',
};
const statusColors: Record<Contribution['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'default',
};

/**
 * 公众贡献: answers citizens and social organisations sent in (wuqing §15), reviewed on screen.
 * Accepting makes a draft entry that goes through the usual review before it is published.
 */
export function ContributionsTab() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Contribution['status']>('pending');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Contribution | null>(null);
  const [reason, setReason] = useState('');
  const q = useContributions(status, page);
  const review = useReviewContribution();
  const accept = (c: Contribution) =>
    review.mutate(
      { id: c.id, decision: 'accept' },
      {
        onSuccess: (r) =>
          void message.success(
            `已采纳，生成知识条目草稿（编号 ${r.articleId ?? '—'}），请在知识条目中审核发布`,
          ),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <div data-testid="kb-contributions">
      <Space style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(Object.keys(statusLabels) as Contribution['status'][]).map((s) => ({
            value: s,
            label: statusLabels[s],
          }))}
        />
        <XlsxExportButton path="/api/kb/contributions/export.xlsx" query={{ status }} fileName="公众贡献" />
        <Typography.Text type="secondary">
          市民、社会组织通过公众渠道提交的答案，采纳后生成草稿，经审核后发布。
        </Typography.Text>
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      <Table<Contribution>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        expandable={{
          expandedRowRender: (c) => (
            <div style={{ fontSize: 12 }}>
              {c.question && <p>问题：{c.question}</p>}
              <p style={{ whiteSpace: 'pre-wrap' }}>答案：{c.answer}</p>
              {c.contact && <p>联系方式：{c.contact}</p>}
              {c.reviewNote && <p>审核意见：{c.reviewNote}</p>}
            </div>
          ),
        }}
        columns={[
          { title: '提交时间', dataIndex: 'createdAt', width: 130, render: (v: string) => fmtDateTime(v) },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '答案摘要',
            dataIndex: 'answer',
            ellipsis: true,
            render: (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v),
          },
          {
            title: '贡献者',
            width: 170,
            render: (_: unknown, c) =>
              c.contributorType === 'organisation'
                ? `社会组织 · ${c.organisation ?? ''}`
                : `市民 · ${c.contributorName ?? '匿名'}`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: Contribution['status']) => <Tag color={statusColors[s]}>{statusLabels[s]}</Tag>,
          },
          {
            title: '操作',
            width: 150,
            render: (_: unknown, c) =>
              c.status === 'pending' ? (
                <Space size={4}>
                  <Button size="small" type="primary" loading={review.isPending} onClick={() => accept(c)}>
                    采纳
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setReason('');
                      setRejecting(c);
                    }}
                  >
                    不予采纳
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {c.reviewerName ?? ''} {c.reviewedAt ? fmtDateTime(c.reviewedAt) : ''}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        title={`不予采纳：${rejecting?.title ?? ''}`}
        open={rejecting !== null}
        okText="确定"
        okButtonProps={{ disabled: reason.trim().length === 0, loading: review.isPending }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          if (!rejecting) return;
          review.mutate(
            { id: rejecting.id, decision: 'reject', reason: reason.trim() },
            {
              onSuccess: () => {
                setRejecting(null);
                void message.success('已不予采纳');
              },
              onError: (e) => void message.error(errorText(e)),
            },
          );
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="请填写不予采纳的原因（将记录在审核意见中）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
