import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import type { IncidentDto } from '../../../../common/contracts/incidents';
import { formatServiceTime, SERVICE_OFFSET_TEXT } from '../../../../common/service-time';
import { api, errorText } from '../../api/client';
import { incidentKeys } from '../../features/incident-panel';
import { useNow } from '../../lib/use-now';

/** The time of day as the duty room types it, in service time (UTC+8). */
const localPattern = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;

/** 登记重大事件: a new incident, its time typed in service time, with the answer agents give. */
export function CreateIncidentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const now = useNow();
  const [form] = Form.useForm<{ title: string; occurredAt: string; description?: string }>();
  const create = useMutation({
    mutationFn: (v: { title: string; occurredAt: string; description?: string }) => {
      const m = localPattern.exec(v.occurredAt.trim());
      const occurredAt = m ? `${m[1] ?? ''}T${m[2] ?? ''}:00${SERVICE_OFFSET_TEXT}` : v.occurredAt;
      return api<IncidentDto>('/api/incidents', {
        method: 'POST',
        body: { title: v.title, occurredAt, description: v.description || undefined, ticketIds: [] },
      });
    },
    onSuccess: (d) => {
      message.success(`已登记「${d.title}」`);
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      title="登记重大事件"
      open={open}
      onCancel={onClose}
      okText="登记"
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ occurredAt: formatServiceTime(now, 'minute') }}>
        <Form.Item
          name="title"
          label="事件名称"
          rules={[{ required: true, min: 2, message: '请填写事件名称' }]}
        >
          <Input maxLength={200} placeholder="如：东湖路片区大面积停水" />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label="事发时间（北京时间）"
          rules={[{ required: true, pattern: localPattern, message: '格式：YYYY-MM-DD HH:mm' }]}
        >
          <Input placeholder="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="description" label="答复口径（话务员据此答复来电）">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
