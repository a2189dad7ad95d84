import { useQuery } from '@tanstack/react-query';
import { Form, Select, Space } from 'antd';
import {
  numberComplaintKindLabels,
  numberComplaintKinds,
  type ServiceNumberDto,
} from '../../../../common/contracts/service-numbers';
import { api } from '../../api/client';

/**
 * On a complaint, the service number complained about and how (号码投诉, beijing-miyun §26): the
 * order then goes to the number's unit under the profile's number-complaint rules. Optional.
 */
export function NumberComplaintIntake() {
  const form = Form.useFormInstance();
  const type = Form.useWatch<string | undefined>('type', form);
  const numberId = Form.useWatch<number | undefined>('serviceNumberId', form);
  const registry = useQuery({
    queryKey: ['service-numbers', 'registry'],
    queryFn: ({ signal }) => api<{ items: ServiceNumberDto[] }>('/api/service-numbers', { signal }),
    enabled: type === 'complaint',
    staleTime: 300_000,
  });
  if (type !== 'complaint') return null;
  return (
    <Space.Compact block data-testid="number-complaint-intake">
      <Form.Item name="serviceNumberId" label="被投诉的服务号码" style={{ flex: 2 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={registry.isLoading}
          placeholder="投诉便民服务、应急抢险电话时选择（可输入号码或单位检索）"
          options={(registry.data?.items ?? []).map((n) => ({
            value: n.id,
            label: `${n.current.number} ${n.current.name}（${n.unitName}）`,
          }))}
          onChange={(v: number | undefined) => {
            if (v === undefined) form.setFieldValue('numberComplaintKind', undefined);
          }}
        />
      </Form.Item>
      <Form.Item
        name="numberComplaintKind"
        label="投诉情形"
        style={{ flex: 1 }}
        rules={numberId ? [{ required: true, message: '请选择投诉情形' }] : []}
      >
        <Select
          allowClear
          disabled={!numberId}
          options={numberComplaintKinds.map((k) => ({ value: k, label: numberComplaintKindLabels[k] }))}
        />
      </Form.Item>
    </Space.Compact>
  );
}
