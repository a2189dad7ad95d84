import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import {
  creditRecordKindLabels,
  creditRecordKinds,
  visitResultLabels,
  type EnterpriseAction,
  type EnterpriseDto,
} from '../../../../common/contracts/enterprises';
import { api, errorText } from '../../api/client';
import { enterpriseKeys } from '../../api/enterprises';

/** The center's actions on an enterprise that take a form (revealing the contact takes none). */
export type FormAction = Exclude<EnterpriseAction, 'reveal-contact'>;

export const actionLabels: Record<FormAction, string> = {
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

/** One action on an enterprise: its form, sent to the action's endpoint. */
export function ActionModal({
  id,
  action,
  onClose,
}: {
  id: number;
  action: FormAction;
  onClose: () => void;
}) {
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
