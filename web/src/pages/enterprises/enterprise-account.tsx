import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';

/**
 * 开通企业账号: the center opens a desk account for an approved franchise enterprise (tianjin-wuqing
 * §36: it receives e-orders and reports back). The enterprise changes the password at first sign-in.
 */
export function EnterpriseAccountButton(props: { enterpriseId: number; enterpriseName: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<{ id: number; username: string }>(`/api/enterprises/${props.enterpriseId}/accounts`, {
        method: 'POST',
        body,
      }),
    onSuccess: (r) => {
      message.success(`已开通账号 ${r.username}，首次登录须修改密码`);
      setOpen(false);
      form.resetFields();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>开通企业账号</Button>
      <Modal
        open={open}
        title={`开通企业工作台账号 · ${props.enterpriseName}`}
        okText="开通"
        cancelText="取消"
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        className="enterprise-account-modal"
      >
        <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => create.mutate(v)}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, message: '请填写用户名' }]}
            extra="3-32 位小写字母、数字、点、下划线或连字符"
          >
            <Input id="account-username" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="显示名称"
            rules={[{ required: true, message: '请填写显示名称' }]}
          >
            <Input id="account-display-name" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="initialPassword"
            label="初始密码"
            rules={[{ required: true, message: '请填写初始密码' }]}
            extra="至少 10 位，含字母和数字；企业首次登录须修改"
          >
            <Input.Password id="account-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
