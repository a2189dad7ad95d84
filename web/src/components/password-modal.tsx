import { Alert, App, Form, Input, Modal } from 'antd';
import { api } from '../api/client';
import { useSubmission } from '../api/use-submission';
import { useAuth } from '../auth/auth-context';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; forced (not closable) after a temporary password. */
export function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { mustChangePassword, passwordChanged } = useAuth();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, run } = useSubmission();
  const forced = mustChangePassword;

  const submit = async () => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      message.success('密码已修改，其他设备上的登录已失效');
      passwordChanged();
      form.resetFields();
      onClose();
    });
  };

  return (
    <Modal
      open={open || forced}
      title={forced ? '首次登录请修改密码' : '修改密码'}
      okText="修改密码"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : {} }}
      mask={{ closable: false }}
      okButtonProps={{ loading: busy }}
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="当前使用的是临时密码，修改后才能继续办理业务"
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，不含用户名"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '密码长度至少 10 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v) =>
                !v || getFieldValue('newPassword') === v
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
