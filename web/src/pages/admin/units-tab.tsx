import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { unitKindLabels, type UnitKind } from '../../../../common/enums';
import { useCategories, useUnits } from '../../api/queries';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import type { Unit } from '../../api/types';
import { UnitModal } from './unit-modal';

interface Row extends Unit {
  children?: Row[];
}

function buildRows(units: Unit[]): Row[] {
  const byId = new Map<number, Row>(units.map((u) => [u.id, { ...u }]));
  const roots: Row[] = [];
  for (const u of units) {
    const row = byId.get(u.id);
    if (!row) continue;
    const parent = u.parentId !== null ? byId.get(u.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

/** The unit tree (read-only: units are maintained by the center's configuration). */
export function UnitsTab() {
  const units = useUnits();
  const categories = useCategories();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const names = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
  const list = units.data ?? [];
  const filtered = q
    ? list.filter((u) => u.name.includes(q) || u.code.toLowerCase().includes(q.toLowerCase()))
    : null;
  const rows = useMemo(() => buildRows(list), [list]);
  // Expanded rows: every unit with children until the user folds some.
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const expandedKeys = expanded ?? list.filter((u) => list.some((c) => c.parentId === u.id)).map((u) => u.id);
  return (
    <>
      <Input.Search
        allowClear
        placeholder="单位名称或编码"
        style={{ width: 240, marginBottom: 8 }}
        onSearch={(v) => setQ(v.trim())}
      />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginInlineStart: 8 }}
        onClick={() => setEditing('new')}
      >
        新建单位
      </Button>
      <span style={{ marginInlineStart: 8 }}>
        <XlsxExportButton path="/api/units/export.xlsx" query={{ q: q || undefined }} fileName="单位" />
      </span>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        共 {list.length} 个单位
      </Typography.Text>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={units.isLoading}
        dataSource={filtered ?? rows}
        pagination={false}
        expandable={{
          expandedRowKeys: filtered ? [] : expandedKeys,
          onExpandedRowsChange: (keys) => setExpanded(keys),
        }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            render: (v: string, r) => (
              <span>
                {v}
                {r.isPlatform && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    平台
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '编码', dataIndex: 'code', width: 110 },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 90,
            render: (v: string) => unitKindLabels[v as UnitKind] ?? v,
          },
          { title: '区域', dataIndex: 'region', width: 80, render: (v: string | null) => v ?? '—' },
          {
            title: '职责分类',
            dataIndex: 'duties',
            render: (d: string[]) => (d.length ? d.map((c) => <Tag key={c}>{names.get(c) ?? c}</Tag>) : '—'),
          },
          { title: '值班电话', dataIndex: 'phone', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'active',
            width: 64,
            render: (v: boolean) => (v ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '操作',
            key: 'ops',
            width: 64,
            render: (_: unknown, r) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(r)}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {editing && <UnitModal unit={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
