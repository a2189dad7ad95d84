import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { numberActionLabels, type ReviewDto } from '../../../../common/contracts/service-numbers';
import { api, errorText } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { numberKeys } from './service-numbers-page';

/** 半年审核: the center opens a half year's review; each unit reports what changed. */
export function ReviewsTab() {
  const me = useMe();
  const keeper = me.unitKind === 'center' && ['dispatcher', 'admin'].includes(me.role);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [answering, setAnswering] = useState<ReviewDto | null>(null);
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ period: string; dueDate: { format: (f: string) => string } }>();
  const [answerForm] = Form.useForm<{ report: string }>();
  const list = useQuery({
    queryKey: numberKeys.reviews,
    queryFn: ({ signal }) => api<{ items: ReviewDto[] }>('/api/service-numbers/reviews', { signal }),
  });
  const done = (text: string) => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: numberKeys.reviews });
  };
  const open = useMutation({
    mutationFn: (v: { period: string; dueDate: string }) =>
      api<{ period: string; created: number }>('/api/service-numbers/reviews', { body: v }),
    onSuccess: (r) => {
      done(`已发起 ${r.period} 审核，新建任务 ${r.created} 项`);
      setOpening(false);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const answer = useMutation({
    mutationFn: (v: { id: number; report: string }) =>
      api<ReviewDto>(`/api/service-numbers/reviews/${v.id}/answer`, { body: { report: v.report } }),
    onSuccess: () => {
      done('已提交审核报告');
      setAnswering(null);
      answerForm.resetFields();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        {keeper && (
          <Button type="primary" onClick={() => setOpening(true)}>
            发起半年审核
          </Button>
        )}
        <XlsxExportButton path="/api/service-numbers/reviews/export.xlsx" query={{}} fileName="半年审核" />
      </Space>
      <Table<ReviewDto>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical">
              {r.changes.length === 0 ? (
                <Typography.Text type="secondary">本期号码无变化</Typography.Text>
              ) : (
                r.changes.map((c) => (
                  <span key={`${c.serviceNumberId}-${c.seq}`}>
                    {c.effectiveDate} {numberActionLabels[c.action]} {c.number} {c.name}
                  </span>
                ))
              )}
              {r.report && <Typography.Paragraph>单位报告：{r.report}</Typography.Paragraph>}
            </Space>
          ),
        }}
        columns={[
          { title: '周期', dataIndex: 'period', width: 90 },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '截止时间',
            dataIndex: 'dueAt',
            width: 150,
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          { title: '本期变化', width: 90, render: (_, r) => r.changes.length },
          {
            title: '状态',
            width: 200,
            render: (_, r) =>
              r.answeredAt ? (
                <Tag color="green">已报告 {r.answeredBy}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color={r.overdue ? 'red' : 'blue'}>{r.overdue ? '已逾期' : '待报告'}</Tag>
                  {me.role === 'unit-leader' && (
                    <Button size="small" onClick={() => setAnswering(r)}>
                      提交报告
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title="发起半年审核"
        open={opening}
        onCancel={() => setOpening(false)}
        confirmLoading={open.isPending}
        onOk={() =>
          void form
            .validateFields()
            .then((v) => open.mutate({ period: v.period, dueDate: v.dueDate.format('YYYY-MM-DD') }))
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="period"
            label="审核周期"
            rules={[{ required: true, pattern: /^\d{4}-H[12]$/, message: '如 2026-H2' }]}
          >
            <Input placeholder="如 2026-H2" />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label="报告截止日期"
            rules={[{ required: true, message: '请选择截止日期' }]}
          >
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`号码审核报告 ${answering?.period ?? ''}`}
        open={answering !== null}
        onCancel={() => setAnswering(null)}
        confirmLoading={answer.isPending}
        onOk={() =>
          void answerForm
            .validateFields()
            .then((v) => answer.mutate({ id: answering?.id ?? 0, report: v.report }))
        }
        destroyOnHidden
      >
        <Form form={answerForm} layout="vertical">
          <Form.Item
            name="report"
            label="本期号码变化及核对情况"
            rules={[{ required: true, min: 2, message: '请填写报告' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
