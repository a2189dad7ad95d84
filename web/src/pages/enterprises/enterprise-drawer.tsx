import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EnterpriseAccountButton } from './enterprise-account';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  creditRecordKindLabels,
  creditRecordKinds,
  visitResultLabels,
  type EnterpriseAction,
  type EnterpriseDto,
} from '../../../../common/contracts/enterprises';
import { api, errorText } from '../../api/client';
import { enterpriseKeys, openLicence, useEnterprise } from '../../api/enterprises';
import { fmtDateTime } from '../../lib/format';
import { EnterpriseStatusTag, RatingCell } from './enterprise-tags';

type FormAction = Exclude<EnterpriseAction, 'reveal-contact'>;

const actionLabels: Record<FormAction, string> = {
  'record-visit': '记录现场核实',
  approve: '批准加盟',
  reject: '驳回',
  suspend: '暂停加盟',
  reinstate: '恢复加盟',
  recommend: '登记协会推荐',
  'record-credit': '记录不良记录',
};
const actionUrls: Record<FormAction, string> = {
  'record-visit': 'visits',
  approve: 'approve',
  reject: 'reject',
  suspend: 'suspend',
  reinstate: 'reinstate',
  recommend: 'recommendations',
  'record-credit': 'credit-records',
};

function ActionFields({ action }: { action: FormAction }) {
  switch (action) {
    case 'record-visit':
      return (
        <>
          <Form.Item name="visitedOn" label="核实日期" rules={[{ required: true }]} initialValue={dayjs()}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="result" label="核实结果" rules={[{ required: true }]} initialValue="confirmed">
            <Radio.Group
              options={Object.entries(visitResultLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="note" label="核实情况">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'approve':
      return (
        <Form.Item name="note" label="审核意见">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'reject':
    case 'suspend':
    case 'reinstate':
      return (
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'recommend':
      return (
        <>
          <Form.Item name="association" label="推荐的协会或商会" rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label="推荐说明">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'record-credit':
      return (
        <>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]} initialValue="complaint-upheld">
            <Select
              options={creditRecordKinds.map((k) => ({ value: k, label: creditRecordKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item name="ticketId" label="关联工单 ID（可选）">
            <InputNumber min={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label="说明" rules={[{ required: true, min: 2, message: '请填写说明' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
  }
}

function ActionModal({ id, action, onClose }: { id: number; action: FormAction; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const body = { ...values };
      if (dayjs.isDayjs(body.visitedOn)) body.visitedOn = body.visitedOn.format('YYYY-MM-DD');
      if (body.ticketId === null) delete body.ticketId;
      return api<EnterpriseDto>(`/api/enterprises/${id}/${actionUrls[action]}`, { method: 'POST', body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: enterpriseKeys.all });
      message.success(`${actionLabels[action]}：已完成`);
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open
      title={actionLabels[action]}
      okText="确定"
      confirmLoading={run.isPending}
      onOk={() => void form.validateFields().then((v) => run.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <ActionFields action={action} />
      </Form>
    </Modal>
  );
}

/** One enterprise: application, licence, visits, recommendations, credit record, and the center's actions. */
export function EnterpriseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = useEnterprise(id);
  const [action, setAction] = useState<FormAction | null>(null);
  const [contact, setContact] = useState<{ contactName: string; contactPhone: string } | null>(null);
  const { message } = App.useApp();
  const d = detail.data;

  const reveal = async () => {
    if (!d) return;
    try {
      setContact(
        await api<{ contactName: string; contactPhone: string }>(`/api/enterprises/${d.id}/reveal-contact`, {
          method: 'POST',
          body: { reason: '联系企业核实或派单' },
        }),
      );
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={id !== null}
      size="large"
      title={d ? d.name : '加盟企业'}
      onClose={() => {
        setContact(null);
        onClose();
      }}
      extra={
        d && (
          <Space wrap>
            {d.allowedActions
              .filter((a): a is FormAction => a !== 'reveal-contact')
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'suspend'}
                  onClick={() => setAction(a)}
                >
                  {actionLabels[a]}
                </Button>
              ))}
            {d.status === 'approved' && d.allowedActions.includes('recommend') && (
              <EnterpriseAccountButton enterpriseId={d.id} enterpriseName={d.name} />
            )}
          </Space>
        )
      }
    >
      {d && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="状态">
              <EnterpriseStatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{d.creditCode}</Descriptions.Item>
            <Descriptions.Item label="服务类别" span={2}>
              {d.services.map((s) => (
                <Tag key={s.code}>{s.name}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="经营地址" span={2}>
              {d.address}
              {d.lng !== null && d.lat !== null && (
                <Typography.Text type="secondary">
                  （{d.lng}, {d.lat}）
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="联系人" span={2}>
              <Space>
                <span data-testid="enterprise-contact">
                  {contact
                    ? `${contact.contactName} ${contact.contactPhone}`
                    : `${d.contactName} ${d.contactPhone}`}
                </span>
                {!contact && d.allowedActions.includes('reveal-contact') && (
                  <Button size="small" type="link" onClick={() => void reveal()}>
                    查看完整信息（留痕）
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="营业执照">
              <Typography.Link
                onClick={() => void openLicence(d.id).catch((e: unknown) => message.error(errorText(e)))}
              >
                {d.licence.type}，{Math.ceil(d.licence.size / 1024)} KB
              </Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label="申请时间">{fmtDateTime(d.appliedAt)}</Descriptions.Item>
            <Descriptions.Item label="星级" span={2}>
              <RatingCell rating={d.rating} />
              {d.rating.recentBadRecords > 0 && (
                <Tag color="red">一年内不良记录 {d.rating.recentBadRecords} 次</Tag>
              )}
            </Descriptions.Item>
            {d.decidedAt && (
              <Descriptions.Item label="审核" span={2}>
                {fmtDateTime(d.decidedAt)} {d.decidedBy} {d.decisionNote}
              </Descriptions.Item>
            )}
            {d.suspendedAt && (
              <Descriptions.Item label="暂停" span={2}>
                {fmtDateTime(d.suspendedAt)} {d.suspendReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="服务介绍" span={2}>
              {d.description ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            现场核实
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.visitRecords}
            columns={[
              { title: '日期', dataIndex: 'visitedOn', width: 110 },
              {
                title: '结果',
                dataIndex: 'result',
                width: 90,
                render: (r: 'confirmed' | 'failed') => visitResultLabels[r],
              },
              { title: '情况', dataIndex: 'note' },
              { title: '记录人', dataIndex: 'recordedBy', width: 100 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            协会、商会推荐
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.recommendationRecords}
            columns={[
              { title: '协会或商会', dataIndex: 'association' },
              { title: '说明', dataIndex: 'note' },
              {
                title: '登记时间',
                dataIndex: 'recordedAt',
                width: 140,
                render: (v: string) => fmtDateTime(v),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            信用记录
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.creditRecords}
            columns={[
              { title: '时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => fmtDateTime(v) },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 100,
                render: (k: keyof typeof creditRecordKindLabels) => (
                  <Tag color="red">{creditRecordKindLabels[k]}</Tag>
                ),
              },
              { title: '工单', dataIndex: 'ticketId', width: 80, render: (v: number | null) => v ?? '—' },
              { title: '说明', dataIndex: 'note' },
              {
                title: '记录人',
                dataIndex: 'recordedBy',
                width: 100,
                render: (v: string | null) => v ?? '系统',
              },
            ]}
          />
        </>
      )}
      {d && action && <ActionModal id={d.id} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
