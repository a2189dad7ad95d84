import { Alert, Card, Drawer, Empty, Input, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { usePublicKbArticle, usePublicKbSearch } from '../../api/portal';
import { Highlight } from '../../lib/highlight';

/** 政策问答: the published knowledge base, searched and read without signing in. */
export function PortalKbTab() {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const search = usePublicKbSearch(q);
  const article = usePublicKbArticle(open);
  return (
    <Card size="small">
      <Input.Search
        placeholder="输入问题关键词，如：社保转移、公积金提取"
        enterButton="搜索"
        size="large"
        allowClear
        onSearch={(v) => setQ(v.trim())}
        loading={search.isFetching}
      />
      {search.error && <Alert type="error" showIcon title={search.error.message} style={{ marginTop: 12 }} />}
      {q && search.data && (
        <List
          style={{ marginTop: 12 }}
          dataSource={search.data.items}
          locale={{ emptyText: <Empty description="没有找到相关政策解答，您可以在“我要反映”中提交问题" /> }}
          renderItem={(hit) => (
            <List.Item style={{ cursor: 'pointer', display: 'block' }} onClick={() => setOpen(hit.id)}>
              <Typography.Text strong>
                <Highlight html={hit.titleHighlight} />
              </Typography.Text>
              <div style={{ fontSize: 13, color: '#595959', marginTop: 4 }}>
                <Highlight html={hit.snippet} />
              </div>
              {hit.unitName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hit.unitName}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        placement="bottom"
        height="85%"
        title={article.data?.title ?? '政策解答'}
      >
        {article.isLoading && <Spin />}
        {article.error && <Alert type="error" showIcon title={article.error.message} />}
        {article.data && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {article.data.bodyText}
          </Typography.Paragraph>
        )}
      </Drawer>
    </Card>
  );
}
