import { Form, Input, Radio, Rate, Select, Space, Typography } from 'antd';
import { useDirectory } from '../api/enterprises';
import type { ActionFormSpec } from './action-form-kit';

/**
 * 转加盟企业 (tianjin-wuqing §35): the e-order goes to an approved franchise enterprise, chosen
 * by the citizen or recommended best and nearest from the directory for the order's category.
 */
function EnterprisePicker(props: {
  service: string;
  id?: string;
  value?: number;
  onChange?: (v: number) => void;
}) {
  const directory = useDirectory(props.service, '');
  const items = directory.data?.items ?? [];
  return (
    <Select
      id={props.id}
      showSearch={{ optionFilterProp: 'label' }}
      loading={directory.isLoading}
      placeholder="选择加盟企业（按评价排序，可输入名称检索）"
      value={props.value}
      onChange={(v: number) => props.onChange?.(v)}
      notFoundContent={directory.isLoading ? '加载中…' : '该服务类别暂无加盟企业'}
      options={items.map((e) => ({
        value: e.id,
        label: e.name,
        title: e.address,
        render: e,
      }))}
      optionRender={(o) => {
        const e = items.find((x) => x.id === o.value);
        return (
          <Space size={8}>
            <span>{o.label}</span>
            {e?.rating.stars ? (
              <Rate disabled allowHalf value={e.rating.stars} style={{ fontSize: 12 }} />
            ) : (
              <Typography.Text type="secondary">评价不足</Typography.Text>
            )}
            <Typography.Text type="secondary">{e?.address}</Typography.Text>
          </Space>
        );
      }}
    />
  );
}

/**
 * 反馈办理情况 (wuqing §35): what the enterprise reports on a referred order, on its own desk or
 * recorded by the center for it.
 */
export function ReferralReportFields() {
  return (
    <>
      <Form.Item
        name="contacted"
        label="是否已联系群众"
        rules={[{ required: true, message: '请选择是否已联系群众' }]}
      >
        <Radio.Group
          options={[
            { value: true, label: '已联系' },
            { value: false, label: '未联系上' },
          ]}
        />
      </Form.Item>
      <Form.Item name="result" label="服务情况" rules={[{ required: true, message: '请填写服务情况' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={5000} />
      </Form.Item>
      <Form.Item name="price" label="协商价格">
        <Input maxLength={100} placeholder="如：300元" />
      </Form.Item>
      <Form.Item name="serviceTime" label="服务时间">
        <Input maxLength={100} placeholder="如：12月8日上午" />
      </Form.Item>
    </>
  );
}

export function referralReportPayload(v: Record<string, unknown>) {
  return {
    contacted: v.contacted,
    result: v.result,
    price: v.price || undefined,
    serviceTime: v.serviceTime || undefined,
  };
}

export const referralForms: Record<'refer-enterprise' | 'report-referral', ActionFormSpec> = {
  'refer-enterprise': {
    width: 640,
    fields: (c) => (
      <>
        <Form.Item
          name="enterpriseId"
          label="加盟企业"
          rules={[{ required: true, message: '请选择加盟企业' }]}
          extra="信息公开透明、价格自主协商、服务质量回访评议（武清细则第三十五条）；群众也可自主选择。"
        >
          <EnterprisePicker service={c.ticket.category ?? ''} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} />
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({
      enterpriseId: v.enterpriseId,
      note: typeof v.note === 'string' && v.note.trim() ? v.note.trim() : undefined,
    }),
  },
  'report-referral': { fields: () => <ReferralReportFields />, toPayload: referralReportPayload },
};
