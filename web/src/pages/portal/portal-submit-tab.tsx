import { Alert, Button, Card, Checkbox, Form, Input, Result, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { PHOTO_ACCEPT } from '../../../../common/contracts/attachments';
import { ticketTypeLabels, ticketTypes, type TicketType } from '../../../../common/enums';
import { useSubmitRequest, type SubmitResult } from '../../api/portal';

interface Values {
  type: TicketType;
  content: string;
  location?: string;
  name?: string;
  phone: string;
  confidential?: boolean;
}

const MAX_PHOTOS = 3;
const codesStyle = { display: 'grid', gap: 12, background: '#fff7e6', padding: 12, borderRadius: 8 } as const;
const codeStyle = { fontSize: 26, fontWeight: 600, letterSpacing: 2, fontFamily: 'monospace' } as const;

/** 我要反映: the request form; after it, the order number and tracking code, large. */
export function PortalSubmitTab({ onTrack }: { onTrack: (no: string, code: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const submit = useSubmitRequest();

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title="提交成功"
          subTitle="请记下工单号和查询码，凭它们查询办理进度、查看答复并评价"
          style={{ padding: '16px 0' }}
        />
        <div style={codesStyle}>
          <div>
            <Typography.Text type="secondary">工单号</Typography.Text>
            <div style={codeStyle} data-testid="ticket-no">
              {done.ticketNo}
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">查询码</Typography.Text>
            <div style={codeStyle} data-testid="tracking-code">
              {done.trackingCode}
            </div>
          </div>
        </div>
        {done.notice && <Alert type="warning" showIcon title={done.notice} style={{ marginTop: 12 }} />}
        {done.photoErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="部分照片未能上传"
            description={done.photoErrors.join('；')}
            style={{ marginTop: 12 }}
          />
        )}
        <Button
          type="primary"
          block
          size="large"
          style={{ marginTop: 16 }}
          onClick={() => onTrack(done.ticketNo, done.trackingCode)}
        >
          查询办理进度
        </Button>
        <Button
          block
          style={{ marginTop: 8 }}
          onClick={() => {
            setDone(null);
            setFiles([]);
            form.resetFields();
          }}
        >
          再反映一件
        </Button>
      </Card>
    );
  }

  return (
    <Card size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'complaint', confidential: false }}
        onFinish={(v) =>
          submit.mutate(
            {
              body: {
                type: v.type,
                content: v.content,
                phone: v.phone,
                ...(v.name ? { name: v.name } : {}),
                ...(v.location ? { location: v.location } : {}),
                confidential: v.confidential ?? false,
              },
              photos: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
            },
            { onSuccess: setDone },
          )
        }
      >
        <Form.Item name="type" label="诉求类型" rules={[{ required: true }]}>
          <Select options={ticketTypes.map((t) => ({ value: t, label: ticketTypeLabels[t] }))} />
        </Form.Item>
        <Form.Item
          name="content"
          label="问题描述"
          rules={[
            { required: true, message: '请描述您要反映的问题' },
            { min: 5, message: '请至少用 5 个字描述' },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={2000}
            showCount
            placeholder="请写明时间、地点、事情经过和您的诉求"
          />
        </Form.Item>
        <Form.Item name="location" label="问题地点">
          <Input maxLength={200} placeholder="如：东城区东湖路 18 号小区南门" />
        </Form.Item>
        <Form.Item label={`现场照片（最多 ${MAX_PHOTOS} 张）`}>
          <Upload
            listType="picture-card"
            accept={PHOTO_ACCEPT}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_PHOTOS))}
            maxCount={MAX_PHOTOS}
            multiple
          >
            {files.length < MAX_PHOTOS ? '+ 添加照片' : null}
          </Upload>
        </Form.Item>
        <Form.Item name="name" label="姓名（可不填）">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label="联系电话"
          rules={[{ required: true, message: '请填写联系电话，便于承办单位联系您' }]}
        >
          <Input inputMode="tel" maxLength={30} placeholder="手机或带区号的固话" />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>为我保密（承办单位看不到我的姓名和电话）</Checkbox>
        </Form.Item>
        {submit.error && (
          <Alert type="error" showIcon title={submit.error.message} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {submit.isPending ? '正在验证并提交…' : '提交'}
        </Button>
      </Form>
    </Card>
  );
}
