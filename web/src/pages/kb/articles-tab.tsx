import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { articleStatuses, articleStatusLabels } from '../../../../common/kb-vocabulary';
import { api, errorText } from '../../api/client';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { useArticles, type ArticleDetail, type ArticleSummary } from '../../api/kb';
import { CategoryCascader } from '../../features/category-cascader';
import { fmtDateTime } from '../../lib/format';
import { ArticleDrawer } from './article-drawer';

const statusColors: Record<string, string> = {
  draft: 'default',
  'in-review': 'orange',
  published: 'green',
  expired: 'red',
  withdrawn: 'default',
};

/** 起草: a unit drafts its own entry (its own unit), an editor any entry. */
function NewArticle({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<{ title: string; body: string; categoryCode?: string }>();
  const create = useMutation({
    mutationFn: (v: { title: string; body: string; categoryCode?: string }) =>
      api<ArticleDetail>('/api/kb/articles', {
        method: 'POST',
        body: { ...v, categoryCode: v.categoryCode ?? null },
      }),
    onSuccess: (a) => {
      form.resetFields();
      onCreated(a.id);
    },
  });
  return (
    <Modal
      open={open}
      title="起草知识条目"
      onCancel={onClose}
      okText="保存草稿"
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      width={720}
      destroyOnHidden
    >
      {create.isError && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 8 }} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={200} showCount placeholder="群众会怎么问，就怎么写标题" />
        </Form.Item>
        <Form.Item name="categoryCode" label="问题分类">
          <CategoryCascader anyLevel />
        </Form.Item>
        <Form.Item name="body" label="正文（Markdown）" rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea
            autoSize={{ minRows: 8, maxRows: 18 }}
            placeholder="办理依据、条件、材料、渠道、时限"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 知识条目: units keep their own entries, the editor (legal and format check) reviews and
 * publishes; entries past their review date are found with one click.
 */
export function ArticlesTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [drafting, setDrafting] = useState(false);
  const list = useArticles({
    status,
    q: q || undefined,
    reviewOverdue: overdue ? 'true' : undefined,
    page,
    pageSize: 20,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => setDrafting(true)}>
          起草知识条目
        </Button>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={status}
          onChange={(v?: string) => {
            setStatus(v);
            setPage(1);
          }}
          options={articleStatuses.map((s) => ({ value: s, label: articleStatusLabels[s] }))}
          aria-label="按状态筛选"
        />
        <Input.Search
          allowClear
          placeholder="标题或编号"
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          aria-label="按标题筛选"
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          仅看复核逾期
        </Checkbox>
        <XlsxExportButton
          path="/api/kb/articles/export.xlsx"
          query={{ status, q: q || undefined, reviewOverdue: overdue ? 'true' : undefined }}
          fileName="知识条目"
        />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<ArticleSummary>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="kb-article-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 条`,
        }}
        columns={[
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '状态',
            dataIndex: 'effectiveStatus',
            width: 90,
            render: (v: keyof typeof articleStatusLabels) => (
              <Tag color={statusColors[v]}>{articleStatusLabels[v]}</Tag>
            ),
          },
          {
            title: '分类',
            dataIndex: 'categoryName',
            width: 140,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '所属单位',
            dataIndex: 'unitName',
            width: 170,
            ellipsis: true,
            render: (v: string | null) => v ?? '热线中心',
          },
          { title: '版本', dataIndex: 'version', width: 60 },
          { title: '复核日期', dataIndex: 'reviewBy', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '引用', dataIndex: 'usageCount', width: 60 },
          { title: '更新时间', dataIndex: 'updatedAt', width: 140, render: (v: string) => fmtDateTime(v) },
        ]}
      />
      <NewArticle
        open={drafting}
        onClose={() => setDrafting(false)}
        onCreated={(id) => {
          setDrafting(false);
          message.success('草稿已保存，提交审核后由知识库维护员发布');
          void qc.invalidateQueries({ queryKey: ['kb'] });
          setOpen(id);
        }}
      />
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
