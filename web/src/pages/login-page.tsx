import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useSubmission } from '../api/use-submission';
import { useAuth } from '../auth/auth-context';
import { deskOf } from '../lib/nav';
import { DemoAccounts } from './demo-accounts';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { busy, error, run } = useSubmission();
  const [form] = Form.useForm<LoginForm>();
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;

  if (me) return <Navigate to={safeNext ?? deskOf(me.role)} replace />;

  const onFinish = (v: LoginForm) =>
    run(async () => {
      const user = await login(v.username.trim(), v.password);
      void navigate(safeNext ?? deskOf(user.role), { replace: true });
    });

  return (
    <div className="login-bg">
      <Card className="login-card" variant="borderless">
        <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
          云川12345政务服务便民热线
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          热线办理平台 · 工作人员登录
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
          size="middle"
          requiredMark={false}
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <DemoAccounts onPick={(username, password) => form.setFieldsValue({ username, password })} />
      </Card>
    </div>
  );
}
