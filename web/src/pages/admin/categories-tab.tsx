import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { CategoryNode } from '../../../../common/contracts/categories';
import { api, errorText } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { XlsxExportButton } from '../../components/xlsx-export-button';

interface MappingItem {
  key: string;
  codes: string[];
  articles: string[];
  reached: number;
}

interface ChangeResult {
  version: number;
  checked: number;
  changed: number;
}

type Editing =
  | { kind: 'create'; parent: CategoryNode | null }
  | { kind: 'rename'; node: CategoryNode }
  | { kind: 'move'; node: CategoryNode }
  | { kind: 'mapping'; item: MappingItem };

function flatten(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function treeData(nodes: CategoryNode[], actions: (n: CategoryNode) => React.ReactNode): DataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    title: (
      <Space size={4}>
        <Typography.Text type={n.active ? undefined : 'secondary'} delete={!n.active}>
          {n.code} {n.name}
        </Typography.Text>
        {!n.active && <Tag>已停用</Tag>}
        {actions(n)}
      </Space>
    ),
    children: treeData(n.children, actions),
  }));
}

interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

function pickerData(nodes: CategoryNode[], exclude?: string): PickerNode[] {
  return nodes
    .filter((n) => n.code !== exclude)
    .map((n) => ({ value: n.code, title: `${n.code} ${n.name}`, children: pickerData(n.children, exclude) }));
}

/**
 * 问题分类: the category tree (add, rename, move, disable; codes are never deleted) and the
 * mapping of the policy profile's category keys onto it. A change that alters which orders a
 * rule reaches recomputes open orders' deadlines on the server.
 */
export function CategoriesTab() {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const tree = useQuery({
    queryKey: ['admin', 'categories'],
    queryFn: ({ signal }) =>
      api<{ version: number; items: CategoryNode[] }>('/api/admin/categories', { signal }),
  });
  const mappings = useQuery({
    queryKey: ['admin', 'category-mappings'],
    queryFn: ({ signal }) =>
      api<{ version: number; profile: string; items: MappingItem[] }>('/api/admin/category-mappings', {
        signal,
      }),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{
    code?: string;
    name?: string;
    parentCode?: string | null;
    codes?: string[];
  }>();
  const nodes = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const names = useMemo(() => new Map(flatten(nodes).map((n) => [n.code, n.name])), [nodes]);

  const done = async (r: ChangeResult) => {
    message.success(
      r.changed > 0
        ? `已保存（版本 ${r.version}），${r.changed} 件在办工单的时限已重新计算`
        : `已保存（版本 ${r.version}）`,
    );
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['admin'] }),
      qc.invalidateQueries({ queryKey: queryKeys.categories }),
    ]);
  };

  const send = async (run: () => Promise<ChangeResult>) => {
    setBusy(true);
    try {
      await done(await run());
      setEditing(null);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (e: Editing) => {
    form.resetFields();
    if (e.kind === 'create') form.setFieldsValue({ code: e.parent ? e.parent.code : '' });
    if (e.kind === 'rename') form.setFieldsValue({ name: e.node.name });
    if (e.kind === 'move') form.setFieldsValue({ parentCode: e.node.parentCode });
    if (e.kind === 'mapping') form.setFieldsValue({ codes: e.item.codes });
    setEditing(e);
  };

  const toggle = (n: CategoryNode) => {
    if (!n.active) {
      void send(() =>
        api<ChangeResult>(`/api/admin/categories/${n.code}`, { method: 'PATCH', body: { active: true } }),
      );
      return;
    }
    modal.confirm({
      title: `停用分类 ${n.code} ${n.name}？`,
      content: '停用后其下级分类一并停用，新工单不能再选择；已有工单保留原分类，相关规则仍然适用。',
      okText: '停用',
      cancelText: '取消',
      onOk: () =>
        send(() =>
          api<ChangeResult>(`/api/admin/categories/${n.code}`, { method: 'PATCH', body: { active: false } }),
        ),
    });
  };

  const actions = (n: CategoryNode) => (
    <Space size={0} className="category-actions">
      {n.active && (
        <Button size="small" type="link" onClick={() => open({ kind: 'create', parent: n })}>
          添加下级
        </Button>
      )}
      <Button size="small" type="link" onClick={() => open({ kind: 'rename', node: n })}>
        改名
      </Button>
      <Button size="small" type="link" onClick={() => open({ kind: 'move', node: n })}>
        移动
      </Button>
      <Button size="small" type="link" danger={n.active} onClick={() => toggle(n)}>
        {n.active ? '停用' : '启用'}
      </Button>
    </Space>
  );

  const submit = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    switch (editing.kind) {
      case 'create':
        return send(() =>
          api<ChangeResult>('/api/admin/categories', {
            method: 'POST',
            body: { code: v.code, name: v.name, parentCode: editing.parent?.code ?? null },
          }),
        );
      case 'rename':
        return send(() =>
          api<ChangeResult>(`/api/admin/categories/${editing.node.code}`, {
            method: 'PATCH',
            body: { name: v.name },
          }),
        );
      case 'move':
        return send(() =>
          api<ChangeResult>(`/api/admin/categories/${editing.node.code}`, {
            method: 'PATCH',
            body: { parentCode: v.parentCode ?? null },
          }),
        );
      case 'mapping':
        return send(() =>
          api<ChangeResult>('/api/admin/category-mappings', {
            method: 'PUT',
            body: { key: editing.item.key, codes: v.codes ?? [] },
          }),
        );
    }
  };

  const title =
    editing?.kind === 'create'
      ? editing.parent
        ? `在 ${editing.parent.code} ${editing.parent.name} 下添加分类`
        : '添加一级分类'
      : editing?.kind === 'rename'
        ? `分类 ${editing.node.code} 改名`
        : editing?.kind === 'move'
          ? `移动分类 ${editing.node.code} ${editing.node.name}`
          : editing?.kind === 'mapping'
            ? `分类键 ${editing.item.key} 对应的本地分类`
            : '';

  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card
          size="small"
          title={`问题分类树（版本 ${tree.data?.version ?? '-'}）`}
          extra={
            <Space size={4}>
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => open({ kind: 'create', parent: null })}
              >
                添加一级分类
              </Button>
              <XlsxExportButton
                size="small"
                path="/api/admin/categories/export.xlsx"
                query={{}}
                fileName="问题分类"
              />
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            分类代码一经使用不可删除，只能停用；下级代码为上级代码加 2 位数字。
          </Typography.Paragraph>
          <Tree
            blockNode
            selectable={false}
            treeData={treeData(nodes, actions)}
            style={{ maxHeight: 640, overflow: 'auto' }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card size="small" title={`政策分类键对应（${mappings.data?.profile ?? ''}）`}>
          <Table<MappingItem>
            size="small"
            rowKey="key"
            pagination={false}
            loading={mappings.isLoading}
            dataSource={mappings.data?.items ?? []}
            columns={[
              { title: '分类键', dataIndex: 'key' },
              {
                title: '本地分类',
                dataIndex: 'codes',
                render: (codes: string[], r) =>
                  codes.length === 0 ? (
                    <Tag color="red">未对应，规则不生效</Tag>
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {codes.map((c) => (
                        <Tag key={c}>
                          {c} {names.get(c) ?? ''}
                        </Tag>
                      ))}
                      <Typography.Text type="secondary">共 {r.reached} 个分类</Typography.Text>
                    </Space>
                  ),
              },
              { title: '条款', dataIndex: 'articles', render: (a: string[]) => a.join('；') || '—' },
              {
                title: '',
                key: 'edit',
                render: (_: unknown, r) => (
                  <Button size="small" type="link" onClick={() => open({ kind: 'mapping', item: r })}>
                    设置
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Modal
        open={editing !== null}
        title={title}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {editing?.kind === 'create' && (
            <Form.Item
              name="code"
              label="分类代码"
              rules={[{ required: true, pattern: /^\d{2,12}$/, message: '请输入数字代码' }]}
            >
              <Input maxLength={12} />
            </Form.Item>
          )}
          {(editing?.kind === 'create' || editing?.kind === 'rename') && (
            <Form.Item
              name="name"
              label="分类名称"
              rules={[{ required: true, max: 50, message: '请输入不超过 50 字的名称' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          )}
          {editing?.kind === 'move' && (
            <Form.Item name="parentCode" label="新的上级分类（留空为一级分类）">
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeData={pickerData(nodes, editing.node.code)}
              />
            </Form.Item>
          )}
          {editing?.kind === 'mapping' && (
            <Form.Item name="codes" label="本地分类代码（含其全部下级分类）">
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                options={flatten(nodes).map((n) => ({ value: n.code, label: `${n.code} ${n.name}` }))}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Row>
  );
}
