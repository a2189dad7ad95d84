import { AutoComplete, Button, Card, Form, Input, Radio, Space, Tag } from 'antd';
import { useChannelHints } from '../../features/scope-exclusions';
import type { IntakeValues } from './intake-draft';

export const submitLabels = {
  order: '登记工单',
  'direct-answer': '记录直接答复',
  'not-accepted': '记录不予受理',
} as const;

/** 处置: a work order, a direct answer (with the cited article) or a not-accepted call. */
export function DispositionCard({
  busy,
  onReset,
  onUncite,
}: {
  busy: boolean;
  onReset: () => void;
  onUncite: () => void;
}) {
  const form = Form.useFormInstance<IntakeValues>();
  const disposition = Form.useWatch('disposition', form) ?? 'order';
  const citedId = Form.useWatch('knowledgeArticleId', form);
  const citedTitle = Form.useWatch('knowledgeArticleTitle', form);
  const channelHints = useChannelHints();
  return (
    <Card size="small" title="处置">
      <Form.Item name="knowledgeArticleId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="knowledgeArticleTitle" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="disposition" label="处置方式">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'order', label: '生成工单' },
            { value: 'direct-answer', label: '直接答复' },
            { value: 'not-accepted', label: '不予受理' },
          ]}
        />
      </Form.Item>
      {disposition === 'direct-answer' && (
        <>
          {citedId ? (
            <Form.Item label="引用知识">
              <Tag closable onClose={onUncite} color="blue">
                {citedTitle ?? `知识条目 #${citedId}`}
              </Tag>
            </Form.Item>
          ) : null}
          <Form.Item
            name="answer"
            label="答复内容"
            rules={[{ required: true, whitespace: true, message: '直接答复须填写答复内容' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
          </Form.Item>
        </>
      )}
      {disposition === 'not-accepted' && (
        <>
          <Form.Item
            name="notAcceptedReason"
            label="不受理理由"
            rules={[{ required: true, whitespace: true, message: '不予受理须说明理由' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="suggestedChannel" label="建议渠道">
            <AutoComplete
              options={channelHints}
              placeholder="告知来电人应通过的渠道"
              showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
            {submitLabels[disposition]}
          </Button>
          <Button onClick={onReset}>清空</Button>
        </Space>
      </Form.Item>
    </Card>
  );
}
