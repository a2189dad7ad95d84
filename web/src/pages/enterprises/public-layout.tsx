import { Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The light frame of the public pages (no sign-in): a title bar and the two links. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #e8e8e8',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 24px',
        }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          便民服务加盟企业 · {title}
        </Typography.Title>
        <Space size="large">
          <Link to="/public/enterprises">企业名录</Link>
          <Link to="/public/enterprises/apply">申请加盟</Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 1100, width: '100%', margin: '16px auto', padding: '0 16px' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
