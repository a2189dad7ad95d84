import { Alert, Button, Card, Form, Input, InputNumber, Result, Space, TreeSelect, Upload } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { fileToBase64, serviceTree, useServiceCategories } from '../../api/enterprises';
import { PublicLayout } from './public-layout';

interface FormValues {
  name: string;
  creditCode: string;
  services: string[];
  address: string;
  lng?: number;
  lat?: number;
  contactName: string;
  contactPhone: string;
  description?: string;
  recommendedBy?: string;
}

const MAX_BYTES = 2 * 1024 * 1024;

/** 申请加盟: an enterprise applies online with its business licence (no account needed). */
export function PublicApplyPage() {
  const [form] = Form.useForm<FormValues>();
  const services = useServiceCategories();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  const submit = async (v: FormValues) => {
    setError(null);
    if (!file) return setError('请上传营业执照（PNG、JPEG 或 PDF，不超过 2 MB）');
    if (file.size > MAX_BYTES) return setError('营业执照文件不能超过 2 MB');
    setSubmitting(true);
    try {
      const dataBase64 = await fileToBase64(file);
      const r = await api<{ id: number; status: string }>('/api/public/enterprises/applications', {
        method: 'POST',
        body: { ...v, licence: { fileName: file.name, dataBase64 } },
      });
      setDone(r.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  if (done !== null) {
    return (
      <PublicLayout title="申请加盟">
        <Result
          status="success"
          title="加盟申请已提交"
          subTitle={`申请编号 ${done}。专线服务中心将审核您的材料，必要时上门核实，审核通过后企业将出现在企业名录中。`}
        />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title="申请加盟">
      <Card size="small">
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="name" label="企业名称" rules={[{ required: true, message: '请填写企业名称' }]}>
            <Input id="ent-name" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            rules={[
              {
                required: true,
                len: 18,
                message: '请填写18位统一社会信用代码',
                transform: (s: string) => s?.replace(/[\s-]/g, ''),
              },
            ]}
          >
            <Input id="ent-credit-code" maxLength={24} placeholder="营业执照上的18位代码" />
          </Form.Item>
          <Form.Item
            name="services"
            label="服务类别"
            rules={[{ required: true, message: '请至少选择一项服务类别' }]}
          >
            <TreeSelect
              id="ent-services"
              multiple
              treeData={serviceTree(services.data?.items ?? [])}
              placeholder="选择可提供的服务"
              showSearch={{ treeNodeFilterProp: 'title' }}
            />
          </Form.Item>
          <Form.Item name="address" label="经营地址" rules={[{ required: true, message: '请填写经营地址' }]}>
            <Input id="ent-address" maxLength={300} />
          </Form.Item>
          <Space>
            <Form.Item name="lng" label="经度（可选）">
              <InputNumber id="ent-lng" min={-180} max={180} step={0.0001} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="lat" label="纬度（可选）">
              <InputNumber id="ent-lat" min={-90} max={90} step={0.0001} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item
              name="contactName"
              label="联系人"
              rules={[{ required: true, message: '请填写联系人' }]}
            >
              <Input id="ent-contact-name" maxLength={50} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label="联系电话"
              rules={[{ required: true, message: '请填写联系电话' }]}
            >
              <Input id="ent-contact-phone" maxLength={40} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="服务介绍">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="recommendedBy" label="推荐协会或商会（可选）">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="营业执照" required>
            <Upload
              accept=".png,.jpg,.jpeg,.pdf"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button>选择文件（PNG、JPEG 或 PDF，≤ 2 MB）</Button>
            </Upload>
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={submitting}>
            提交申请
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
