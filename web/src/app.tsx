import { Card, Typography } from 'antd';

export function App() {
  return (
    <Card style={{ maxWidth: 480, margin: '80px auto' }}>
      <Typography.Title level={4}>云川12345 政务服务便民热线平台</Typography.Title>
      <Typography.Paragraph>平台正在启动，请使用演示账号登录。</Typography.Paragraph>
    </Card>
  );
}
