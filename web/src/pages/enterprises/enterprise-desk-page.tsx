import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { satisfactionLabels, type Satisfaction } from '../../../../common/enums';
import { api, errorText } from '../../api/client';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { ReferralReportFields, referralReportPayload } from '../../features/referral-forms';
import { fmtShort } from '../../lib/format';

/** One e-order on the enterprise's desk (GET /api/enterprise-desk/orders). */
interface DeskOrder {
  ticketId: number;
  ticketNo: string;
  status: string;
  statusLabel: string;
  referredAt: string;
  categoryName: string | null;
  content: string;
  demand: string | null;
  address: string | null;
  callerName: string | null;
  callerPhone: string | null;
  report: { result: string; contacted: boolean; price: string | null; serviceTime: string | null } | null;
  rating: string | null;
}

const deskKey = ['enterprise-desk'] as const;

/**
 * 企业工作台 (tianjin-wuqing §36): the franchise enterprise's e-orders. It contacts the citizen,
 * agrees price and time, and reports back; the center then calls the citizen back and the rating
 * makes the enterprise's stars.
 */
export function EnterpriseDeskPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reporting, setReporting] = useState<DeskOrder | null>(null);
  const [form] = Form.useForm();
  const orders = useQuery({
    queryKey: deskKey,
    queryFn: ({ signal }) => api<{ items: DeskOrder[] }>('/api/enterprise-desk/orders', { signal }),
  });
  const report = useMutation({
    mutationFn: (v: { id: number; body: Record<string, unknown> }) =>
      api<DeskOrder>(`/api/enterprise-desk/orders/${v.id}/report`, { method: 'POST', body: v.body }),
    onSuccess: async () => {
      message.success('已反馈，等待热线中心回访');
      setReporting(null);
      form.resetFields();
      await client.invalidateQueries({ queryKey: deskKey });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const waiting = (orders.data?.items ?? []).filter((o) => o.status === 'referred').length;

  return (
    <Card
      size="small"
      title={
        <span>
          企业工作台 · 电子工单 <Tag color={waiting > 0 ? 'orange' : 'default'}>待反馈 {waiting}</Tag>
        </span>
      }
    >
      <XlsxExportButton
        size="small"
        path="/api/enterprise-desk/orders/export.xlsx"
        query={{}}
        fileName="电子工单"
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        收到电子工单后请及时联系群众，了解服务需求，协商服务价格和服务时间；服务完成后及时反馈办理情况（武清细则第三十六条）。
      </Typography.Paragraph>
      <Table<DeskOrder>
        size="small"
        rowKey="ticketId"
        loading={orders.isLoading}
        dataSource={orders.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        columns={[
          { title: '工单编号', dataIndex: 'ticketNo', width: 130, fixed: 'left' },
          { title: '派单时间', dataIndex: 'referredAt', width: 140, render: (v: string) => fmtShort(v) },
          { title: '服务类别', dataIndex: 'categoryName', width: 100 },
          {
            title: '服务需求',
            dataIndex: 'content',
            ellipsis: { showTitle: true },
          },
          { title: '联系人', dataIndex: 'callerName', width: 80 },
          { title: '联系电话', dataIndex: 'callerPhone', width: 120 },
          { title: '服务地址', dataIndex: 'address', width: 160, ellipsis: true },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 100,
            render: (v: string, o) => <Tag color={o.status === 'referred' ? 'orange' : 'default'}>{v}</Tag>,
          },
          {
            title: '回访评价',
            dataIndex: 'rating',
            width: 90,
            render: (v: string | null) => (v ? satisfactionLabels[v as Satisfaction] : '—'),
          },
          {
            title: '操作',
            width: 110,
            fixed: 'right',
            render: (_: unknown, o) =>
              o.status === 'referred' ? (
                <Button size="small" type="primary" onClick={() => setReporting(o)}>
                  反馈办理情况
                </Button>
              ) : (
                <Typography.Text type="secondary">{o.report ? '已反馈' : ''}</Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        open={reporting !== null}
        title={`反馈办理情况 · ${reporting?.ticketNo ?? ''}`}
        okText="提交反馈"
        cancelText="取消"
        confirmLoading={report.isPending}
        onCancel={() => setReporting(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{reporting?.content}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Record<string, unknown>) =>
            reporting &&
            report.mutate({
              id: reporting.ticketId,
              body: referralReportPayload(v),
            })
          }
        >
          <ReferralReportFields />
        </Form>
      </Modal>
    </Card>
  );
}
