import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import {
  briefKindLabels,
  briefKinds,
  maxBriefOrders,
  type BriefKind,
} from '../../../common/contracts/reports';
import { errorText } from '../api/client';
import { useDownloadBriefReport } from '../api/reports';

interface Values {
  kind: BriefKind;
  title: string;
  numbers: string;
  summary?: string;
}

/** Order numbers typed or pasted: separated by spaces, commas, 、 or new lines. */
export function parseOrderNumbers(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter(Boolean))];
}

/**
 * 专报/简报: a document from the template on the orders named by number — each order's number,
 * date, category, unit, status and summary (caller data masked as the user may see it) and a
 * summary paragraph, generated unless written here.
 */
export function BriefForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const download = useDownloadBriefReport();
  const make = async (format: 'docx' | 'pdf') => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      const name = await download.mutateAsync({
        kind: v.kind,
        title: v.title,
        format,
        ticketNos: parseOrderNumbers(v.numbers),
        ...(v.summary?.trim() ? { summary: v.summary } : {}),
      });
      message.success(`已生成 ${name}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title="专报 / 简报" data-testid="brief-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'special' }}
        style={{ maxWidth: 760 }}
        requiredMark={false}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            options={briefKinds.map((k) => ({ value: k, label: briefKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, message: '请填写标题' }, { max: 100 }]}
        >
          <Input placeholder="如：关于近期供暖不热问题集中反映的专报" />
        </Form.Item>
        <Form.Item
          name="numbers"
          label={`工单编号（每行一个或以逗号分隔，最多 ${maxBriefOrders} 件）`}
          rules={[
            { required: true, message: '请填写工单编号' },
            {
              validator: (_r, v: string | undefined) =>
                parseOrderNumbers(v ?? '').length > maxBriefOrders
                  ? Promise.reject(new Error(`一次最多 ${maxBriefOrders} 件工单`))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea rows={4} placeholder="2026030200001" aria-label="工单编号" />
        </Form.Item>
        <Form.Item name="summary" label="综述（留空则按所选工单自动生成）">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space>
          <Button icon={<FileWordOutlined />} loading={download.isPending} onClick={() => void make('docx')}>
            生成Word
          </Button>
          <Button icon={<FilePdfOutlined />} loading={download.isPending} onClick={() => void make('pdf')}>
            生成PDF
          </Button>
          <Typography.Text type="secondary">工单按您的查看权限列出，来电人信息按权限隐去</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
