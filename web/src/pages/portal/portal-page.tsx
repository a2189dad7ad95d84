import { Layout, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PortalKbTab } from './portal-kb-tab';
import { PortalSubmitTab } from './portal-submit-tab';
import { PortalTrackTab } from './portal-track-tab';

/**
 * The citizen portal (/portal, no sign-in), for a phone screen first: report a matter with photos,
 * track it with the order number and tracking code, rate the reply, search the public knowledge base.
 */
export function PortalPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'submit';
  const go = (next: string, extra: Record<string, string> = {}) => setParams({ tab: next, ...extra });
  return (
    <Layout className="portal" style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ background: '#c8161d', color: '#fff', padding: '12px 16px' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          12345 政务服务便民热线
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 13 }}>
          网上反映 · 进度查询 · 政策问答
        </Typography.Text>
      </div>
      <Layout.Content style={{ maxWidth: 600, width: '100%', margin: '0 auto', padding: '0 12px 24px' }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => go(k)}
          centered
          items={[
            {
              key: 'submit',
              label: '我要反映',
              children: <PortalSubmitTab onTrack={(no, code) => go('track', { no, code })} />,
            },
            {
              key: 'track',
              label: '查询进度',
              children: (
                <PortalTrackTab initialNo={params.get('no') ?? ''} initialCode={params.get('code') ?? ''} />
              ),
            },
            { key: 'kb', label: '政策问答', children: <PortalKbTab /> },
          ]}
        />
      </Layout.Content>
    </Layout>
  );
}
