import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  applicationStatusLabels,
  numberActionLabels,
  numberKindLabels,
  numberKinds,
  type ApplicationDto,
  type ServiceNumberDto,
} from '../../../../common/contracts/service-numbers';
import { api, errorText } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { numberKeys } from './service-numbers-page';

const mayKeep = (role: string, unitKind: string) =>
  unitKind === 'center' && ['dispatcher', 'admin'].includes(role);

/** Applications: the unit's own (apply), or the center's review queue (approve / reject with a reason). */
export function ApplicationsTab() {
  const me = useMe();
  const keeper = mayKeep(me.role, me.unitKind);
  const mayApply = keeper || me.role === 'unit-leader';
  const [status, setStatus] = useState<string>(keeper ? 'pending' : 'all');
  const [applying, setApplying] = useState(false);
  const [rejecting, setRejecting] = useState<ApplicationDto | null>(null);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: numberKeys.applications(status),
    queryFn: ({ signal }) =>
      api<{ items: ApplicationDto[] }>('/api/service-numbers/applications', { query: { status }, signal }),
  });
  const approve = useMutation({
    mutationFn: (id: number) =>
      api<ApplicationDto>(`/api/service-numbers/applications/${id}/approve`, { body: {} }),
    onSuccess: () => {
      message.success('已审核通过');
      void qc.invalidateQueries({ queryKey: numberKeys.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: 'pending', label: '待审核' },
            { value: 'approved', label: '已通过' },
            { value: 'rejected', label: '已退回' },
            { value: 'all', label: '全部' },
          ]}
        />
        <XlsxExportButton
          path="/api/service-numbers/applications/export.xlsx"
          query={{ status }}
          fileName="号码申请"
        />
        {mayApply && (
          <Button type="primary" onClick={() => setApplying(true)}>
            提交号码申请
          </Button>
        )}
      </Space>
      <Table<ApplicationDto>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180 },
          {
            title: '申请',
            dataIndex: 'action',
            width: 60,
            render: (v: ApplicationDto['action']) => numberActionLabels[v],
          },
          { title: '号码', dataIndex: 'number', width: 140 },
          { title: '名称', dataIndex: 'name' },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 110,
            render: (v: ApplicationDto['kind']) => numberKindLabels[v],
          },
          { title: '生效日期', dataIndex: 'effectiveDate', width: 100 },
          { title: '申请人', dataIndex: 'appliedBy', width: 140 },
          {
            title: '状态',
            width: 160,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'blue'}>
                  {applicationStatusLabels[r.status]}
                </Tag>
                {r.decisionNote}
              </Space>
            ),
          },
          ...(keeper
            ? [
                {
                  title: '审核',
                  width: 140,
                  render: (_: unknown, r: ApplicationDto) =>
                    r.status === 'pending' && r.unitId !== me.unitId ? (
                      <Space size={4}>
                        <Button size="small" type="primary" onClick={() => approve.mutate(r.id)}>
                          通过
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r)}>
                          退回
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
      <RejectModal application={rejecting} onClose={() => setRejecting(null)} />
    </div>
  );
}

interface ApplyForm {
  unitId?: number;
  action: 'open' | 'change' | 'close';
  serviceNumberId?: number;
  number: string;
  name: string;
  kind: 'service' | 'emergency-repair';
  dutyHours: string;
  duties: string;
  effectiveDate: { format: (f: string) => string };
  reason?: string;
}

function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ApplyForm>();
  const action = Form.useWatch('action', form);
  const registry = useQuery({
    queryKey: numberKeys.registry,
    queryFn: ({ signal }) => api<{ items: ServiceNumberDto[] }>('/api/service-numbers', { signal }),
    enabled: open,
  });
  const apply = useMutation({
    mutationFn: (v: ApplyForm) =>
      api<{ id: number }>('/api/service-numbers/applications', {
        body: {
          ...v,
          unitId: v.unitId ?? me.unitId,
          effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
          reason: v.reason || undefined,
        },
      }),
    onSuccess: () => {
      message.success('申请已提交，等待热线中心审核');
      void qc.invalidateQueries({ queryKey: numberKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const numbers = (registry.data?.items ?? []).filter((n) => n.state !== 'closed');
  return (
    <Modal
      title="号码开通、变更、撤销申请"
      open={open}
      onCancel={onClose}
      okText="提交申请"
      confirmLoading={apply.isPending}
      onOk={() => void form.validateFields().then((v) => apply.mutate(v))}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ action: 'open', kind: 'service' }}>
        <Form.Item name="action" label="申请事项">
          <Segmented
            options={(['open', 'change', 'close'] as const).map((a) => ({
              value: a,
              label: numberActionLabels[a],
            }))}
          />
        </Form.Item>
        {action !== 'open' && (
          <Form.Item
            name="serviceNumberId"
            label="原号码"
            rules={[{ required: true, message: '请选择原号码' }]}
          >
            <Select
              options={numbers.map((n) => ({
                value: n.id,
                label: `${n.unitName} ${n.current.number} ${n.current.name}`,
              }))}
              onChange={(id: number) => {
                const n = numbers.find((x) => x.id === id);
                if (n) {
                  form.setFieldsValue({
                    unitId: n.unitId,
                    number: n.current.number,
                    name: n.current.name,
                    kind: n.current.kind,
                    dutyHours: n.current.dutyHours,
                    duties: n.current.duties,
                  });
                }
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="unitId" hidden>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="number"
            label="电话号码"
            rules={[{ required: true, message: '请填写电话号码' }]}
            style={{ flex: 1 }}
          >
            <Input placeholder="如 0871-65120000" />
          </Form.Item>
          <Form.Item name="kind" label="类别" style={{ width: 180 }}>
            <Select options={numberKinds.map((k) => ({ value: k, label: numberKindLabels[k] }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="name" label="号码名称" rules={[{ required: true, message: '请填写号码名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dutyHours" label="值守时间" rules={[{ required: true, message: '请填写值守时间' }]}>
          <Input placeholder="如 工作日 8:30-17:30 或 24小时" />
        </Form.Item>
        <Form.Item name="duties" label="工作职责" rules={[{ required: true, message: '请填写工作职责' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label="生效日期"
          extra="须在申请之日起至少45天后生效"
          rules={[{ required: true, message: '请选择生效日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="申请理由">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RejectModal({ application, onClose }: { application: ApplicationDto | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const reject = useMutation({
    mutationFn: (note: string) =>
      api<ApplicationDto>(`/api/service-numbers/applications/${application?.id ?? 0}/reject`, {
        body: { note },
      }),
    onSuccess: () => {
      message.success('已退回');
      void qc.invalidateQueries({ queryKey: numberKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      title="退回号码申请"
      open={application !== null}
      onCancel={onClose}
      okText="退回"
      confirmLoading={reject.isPending}
      onOk={() => void form.validateFields().then((v) => reject.mutate(v.note))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label="退回理由"
          rules={[{ required: true, min: 2, message: '请填写退回理由' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
