import { App, Button, DatePicker, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { useArticles } from '../../api/kb';
import {
  useCreatePolicyNotice,
  useLinkPolicyNotice,
  usePolicyNotices,
  type PolicyNotice,
} from '../../api/kb-review';
import { useUnits } from '../../api/queries';
import { useMe } from '../../auth/auth-context';
import { ListToolbar, QueryError } from '../../components/list-kit';

const stateLabels: Record<PolicyNotice['state'], { text: string; color: string }> = {
  pending: { text: '待答复', color: 'blue' },
  overdue: { text: '已超期', color: 'red' },
  answered: { text: '已按时答复', color: 'green' },
  'answered-late': { text: '逾期答复', color: 'orange' },
};
type Filter = 'all' | 'open' | 'overdue' | 'answered';
const filters: Record<Filter, { label: string; keep: (n: PolicyNotice) => boolean }> = {
  all: { label: '全部', keep: () => true },
  open: { label: '待答复', keep: (n) => n.state === 'pending' },
  overdue: { label: '已超期', keep: (n) => n.state === 'overdue' },
  answered: { label: '已答复', keep: (n) => n.state === 'answered' || n.state === 'answered-late' },
};

interface NewNotice {
  title: string;
  documentNo?: string;
  announcedOn: Dayjs;
  unitId?: number;
  note?: string;
}

/** Links a notice to the entry that answers it (search among the entries). */
function LinkArticle({ notice, onClose }: { notice: PolicyNotice; onClose: () => void }) {
  const { message } = App.useApp();
  const [q, setQ] = useState(notice.title.slice(0, 12));
  const [articleId, setArticleId] = useState<number | null>(notice.articleId);
  const articles = useArticles({ q, page: 1, pageSize: 20 });
  const link = useLinkPolicyNotice();
  return (
    <Modal
      open
      title={`关联答复条目：${notice.title}`}
      okText="保存"
      okButtonProps={{ loading: link.isPending }}
      onCancel={onClose}
      onOk={() =>
        link.mutate(
          { id: notice.id, articleId },
          {
            onSuccess: () => {
              void message.success('已关联');
              onClose();
            },
            onError: (e) => void message.error(errorText(e)),
          },
        )
      }
    >
      <Select
        showSearch
        allowClear
        style={{ width: '100%' }}
        placeholder="输入标题关键词查找知识条目"
        filterOption={false}
        onSearch={setQ}
        value={articleId ?? undefined}
        onChange={(v: number | undefined) => setArticleId(v ?? null)}
        loading={articles.isFetching}
        options={(articles.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${a.title}（${a.unitName ?? '热线中心'}）`,
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        条目发布之日即为答复日期；答复期限为政策发布后 5 个工作日。
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * 政策发布登记: each policy a unit publishes is answered in the knowledge base within 5 working
 * days (shanghai §14); the list shows what is due, overdue and answered, and units register theirs.
 */
export function PolicyNoticesTab() {
  const { message } = App.useApp();
  const me = useMe();
  const manager = me.role === 'kb-editor' || me.role === 'admin';
  const [filter, setFilter] = useState<Filter>('all');
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState<PolicyNotice | null>(null);
  const [form] = Form.useForm<NewNotice>();
  const q = usePolicyNotices();
  const units = useUnits();
  const create = useCreatePolicyNotice();
  const items = (q.data?.items ?? []).filter(filters[filter].keep);
  const overdue = (q.data?.items ?? []).filter((n) => n.state === 'overdue').length;
  return (
    <div data-testid="kb-policy-notices">
      <ListToolbar
        create={{ label: '登记新发布政策', onClick: () => setCreating(true) }}
        exportXlsx={{
          path: '/api/kb/policy-notices/export.xlsx',
          query: { state: filter },
          fileName: '政策发布登记',
        }}
        note={`政策发布后 5 个工作日内须在知识库发布答复条目${overdue ? `；当前 ${overdue} 项已超期` : ''}。`}
        noteType={overdue ? 'danger' : 'secondary'}
      >
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v)}
          options={(Object.keys(filters) as Filter[]).map((f) => ({ value: f, label: filters[f].label }))}
        />
      </ListToolbar>
      <QueryError query={q} />
      <Table<PolicyNotice>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '发布单位', dataIndex: 'unitName', width: 180, ellipsis: true },
          { title: '政策名称', dataIndex: 'title', ellipsis: true },
          { title: '文号', dataIndex: 'documentNo', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '发布日期', dataIndex: 'announcedOn', width: 100 },
          { title: '答复期限', dataIndex: 'dueOn', width: 100 },
          {
            title: '状态',
            dataIndex: 'state',
            width: 100,
            render: (s: PolicyNotice['state']) => (
              <Tag color={stateLabels[s].color}>{stateLabels[s].text}</Tag>
            ),
          },
          {
            title: '答复条目',
            dataIndex: 'articleTitle',
            ellipsis: true,
            render: (v: string | null, n) =>
              v ? `${v}${n.answeredOn ? `（${n.answeredOn} 发布）` : '（未发布）'}` : '—',
          },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, n) =>
              manager || n.unitId === me.unitId ? (
                <Button size="small" onClick={() => setLinking(n)}>
                  关联条目
                </Button>
              ) : null,
          },
        ]}
      />
      {linking && <LinkArticle notice={linking} onClose={() => setLinking(null)} />}
      <Modal
        title="登记新发布政策"
        open={creating}
        okText="登记"
        okButtonProps={{ loading: create.isPending }}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<NewNotice>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(
              {
                title: v.title,
                documentNo: v.documentNo || undefined,
                announcedOn: v.announcedOn.format('YYYY-MM-DD'),
                unitId: v.unitId,
                note: v.note || undefined,
              },
              {
                onSuccess: (n) => {
                  setCreating(false);
                  form.resetFields();
                  void message.success(`已登记，答复期限 ${n.dueOn}`);
                },
                onError: (e) => void message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item
            name="title"
            label="政策名称"
            rules={[{ required: true, min: 2, message: '请填写政策名称' }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="documentNo" label="文号">
            <Input maxLength={100} placeholder="如：云人社发〔2026〕12号" />
          </Form.Item>
          <Form.Item
            name="announcedOn"
            label="发布日期"
            rules={[{ required: true, message: '请选择发布日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {manager && (
            <Form.Item name="unitId" label="发布单位（默认本单位）">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
