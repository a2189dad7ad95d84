import {
  AlertOutlined,
  AuditOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FormOutlined,
  FireOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  UserOutlined,
  BookOutlined,
  TrophyOutlined,
  BarChartOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../../../common/enums';
import { useAuth, useMe } from '../auth/auth-context';
import { useCallPop } from '../features/call-pop';
import { pagesFor, type PageKey } from '../lib/nav';
import { NotificationBell } from './notification-bell';
import { PasswordModal } from './password-modal';

const icons: Record<PageKey, ReactNode> = {
  home: <DashboardOutlined />,
  intake: <FormOutlined />,
  dispatch: <SendOutlined />,
  inbox: <InboxOutlined />,
  callback: <PhoneOutlined />,
  supervision: <AlertOutlined />,
  tickets: <SearchOutlined />,
  admin: <SettingOutlined />,
  incidents: <FireOutlined />,
  enterprises: <ShopOutlined />,
  'service-numbers': <ContactsOutlined />,
  'enterprise-desk': <ShopOutlined />,
  kb: <BookOutlined />,
  assessment: <TrophyOutlined />,
  'assessment-warnings': <WarningOutlined />,
  statistics: <BarChartOutlined />,
  reports: <FileTextOutlined />,
  bigscreen: <FundProjectionScreenOutlined />,
};

export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

/** The back-office frame: left menu per role, header with the user, unit and role. */
export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  // Answered calls open the intake desk (screen pop).
  useCallPop();
  const pages = pagesFor(me.role);
  const selected =
    [...pages]
      .sort((a, b) => b.path.length - a.path.length)
      .find((p) => (p.path === '/' ? location.pathname === '/' : location.pathname.startsWith(p.path)))
      ?.key ?? 'home';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={168}
        collapsedWidth={56}
        theme="dark"
      >
        <div className="brand" title="云川12345政务服务便民热线">
          <AuditOutlined style={{ fontSize: 18 }} />
          {!collapsed && <span>云川12345</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={pages.map((p) => ({ key: p.key, icon: icons[p.key], label: p.label }))}
          onClick={({ key }) => {
            const p = pages.find((x) => x.key === key);
            if (p) void navigate(p.path);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong style={{ fontSize: 15 }}>
            政务服务便民热线办理平台
          </Typography.Text>
          <Space size={10}>
            <NotificationBell />
            <Space size={10} data-testid="current-user">
              <UserOutlined />
              <span>{me.displayName}</span>
              <Typography.Text type="secondary">{me.unitName}</Typography.Text>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {roleLabels[me.role]}
              </Tag>
              <Button type="text" icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
                修改密码
              </Button>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => {
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                退出
              </Button>
            </Space>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <PasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      </Layout>
    </Layout>
  );
}
