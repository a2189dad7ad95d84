import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { ConfirmButton, ListToolbar, QueryError, useRemove } from '../../components/list-kit';
import { fmtDateTime } from '../../lib/format';

interface SynonymGroup {
  id: number;
  words: string[];
  note: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

const key = ['kb-synonyms'] as const;

/** The form of one group: its words (typed and split on spaces or punctuation) and a note. */
function GroupModal(props: { group: SynonymGroup | 'new' | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ words: string[]; note?: string }>();
  const editing = props.group && props.group !== 'new' ? props.group : null;
  const save = useMutation({
    mutationFn: (v: { words: string[]; note?: string }) =>
      editing
        ? api(`/api/kb/synonyms/${editing.id}`, { method: 'PUT', body: v })
        : api('/api/kb/synonyms', { method: 'POST', body: v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      message.success('已保存，下一次检索即生效');
      props.onClose();
    },
  });
  return (
    <Modal
      open={props.group !== null}
      title={editing ? '修改同义词组' : '新增同义词组'}
      onCancel={props.onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) form.setFieldsValue({ words: editing?.words ?? [], note: editing?.note ?? undefined });
      }}
    >
      {save.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={errorText(save.error)} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="words"
          label="同义词（输入后回车，至少两个词）"
          extra="群众口语和规范说法放在同一组，例如：垃圾没人拉 / 清运；一个词只能属于一组"
          rules={[
            { required: true, message: '请输入同义词' },
            { type: 'array', min: 2, message: '一组至少需要两个词' },
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={[' ', '，', ',', '、', '/']}
            open={false}
            aria-label="同义词"
          />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} placeholder="来源或适用范围，可不填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 同义词: the groups of words knowledge search treats as the same, maintained by editors. Callers
 * say 暖气不热 and 欠工资; articles say 供热 and 拖欠工资.
 */
export function SynonymsTab() {
  const [editing, setEditing] = useState<SynonymGroup | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: SynonymGroup[] }>('/api/kb/synonyms', { signal }),
  });
  const remove = useRemove((id) => `/api/kb/synonyms/${id}`, key, '已删除');
  const rows = useMemo(() => {
    const f = filter.trim();
    const items = list.data?.items ?? [];
    return f ? items.filter((g) => g.words.some((w) => w.includes(f))) : items;
  }, [list.data, filter]);
  return (
    <>
      <ListToolbar
        create={{ label: '新增同义词组', onClick: () => setEditing('new') }}
        exportXlsx={{
          path: '/api/kb/synonyms/export.xlsx',
          query: { q: filter.trim() || undefined },
          fileName: '同义词',
        }}
        note="检索时，查询中的任一词会同时匹配同组的其他词"
      >
        <Input.Search
          allowClear
          placeholder="查找词语"
          style={{ width: 200 }}
          onSearch={setFilter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="查找同义词"
        />
      </ListToolbar>
      <QueryError query={list} />
      <Table<SynonymGroup>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        data-testid="synonym-table"
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 组`, hideOnSinglePage: true }}
        columns={[
          {
            title: '同义词',
            dataIndex: 'words',
            render: (ws: string[]) => (
              <Space size={[4, 4]} wrap>
                {ws.map((w) => (
                  <Tag key={w} style={{ marginInlineEnd: 0 }}>
                    {w}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '说明', dataIndex: 'note', width: 160, render: (v: string | null) => v ?? '—' },
          { title: '修改人', dataIndex: 'updatedBy', width: 100, render: (v: string | null) => v ?? '系统' },
          { title: '修改时间', dataIndex: 'updatedAt', width: 140, render: (v: string) => fmtDateTime(v) },
          {
            title: '操作',
            key: 'ops',
            width: 110,
            render: (_: unknown, g) => (
              <Space size={4}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(g)}>
                  修改
                </Button>
                <ConfirmButton
                  link
                  tight
                  danger
                  title={`删除“${g.words.join('、')}”？`}
                  onConfirm={() => remove.mutate(g.id)}
                >
                  删除
                </ConfirmButton>
              </Space>
            ),
          },
        ]}
      />
      <GroupModal group={editing} onClose={() => setEditing(null)} />
    </>
  );
}
