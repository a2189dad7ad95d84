import { Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useCategories, useUnits } from '../api/queries';
import type { Unit } from '../api/types';
import { suggestUnits, unitTree, type UnitSuggestion } from './unit-tree';

interface Common {
  /** Only units below this one (a platform dispatches within its tree). */
  rootUnitId?: number | null;
  placeholder?: string;
  id?: string;
}

function useScope(rootUnitId: number | null | undefined) {
  const units = useUnits();
  const list = useMemo(() => units.data ?? [], [units.data]);
  const root = rootUnitId ? (list.find((u) => u.id === rootUnitId) ?? null) : null;
  const tree = useMemo(() => unitTree(list, root), [list, root]);
  return { units: list, root, tree, loading: units.isLoading };
}

export function UnitPicker(
  props: Common & { value?: number; onChange?: (v: number | undefined) => void; exclude?: number[] },
) {
  const { tree, loading } = useScope(props.rootUnitId);
  return (
    <TreeSelect
      id={props.id}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      loading={loading}
      placeholder={props.placeholder ?? '选择单位（可输入名称检索）'}
      treeData={tree}
      value={props.value}
      onChange={(v: number | undefined) => props.onChange?.(v)}
      style={{ width: '100%' }}
      listHeight={360}
    />
  );
}

export function MultiUnitPicker(props: Common & { value?: number[]; onChange?: (v: number[]) => void }) {
  const { tree, loading } = useScope(props.rootUnitId);
  return (
    <TreeSelect
      id={props.id}
      multiple
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      loading={loading}
      placeholder={props.placeholder ?? '选择协办单位（可多选）'}
      treeData={tree}
      value={props.value ?? []}
      onChange={(v: number[]) => props.onChange?.(v)}
      style={{ width: '100%' }}
      maxTagCount="responsive"
      listHeight={360}
    />
  );
}

/** Units below `rootUnitId` whose duties cover the category, best first (local ones ahead). */
export function useUnitSuggestions(
  rootUnitId: number | null | undefined,
  category: string | null,
  region: string | null,
): UnitSuggestion[] {
  const { units, root } = useScope(rootUnitId);
  const categories = useCategories();
  return useMemo(
    () => suggestUnits(units, root, category, region, categories.data ?? []),
    [units, root, category, region, categories.data],
  );
}

/** Clickable suggestions of units whose duties cover the category. */
export function UnitSuggestions(props: {
  category: string | null;
  list: UnitSuggestion[];
  onPick: (unit: Unit) => void;
}) {
  const { list } = props;
  if (!props.category) {
    return <Typography.Text type="secondary">未选择问题分类，无法按职责推荐</Typography.Text>;
  }
  if (!list.length) {
    return <Typography.Text type="secondary">未找到职责匹配的单位，请在单位树中选择</Typography.Text>;
  }
  return (
    <Space size={[4, 4]} wrap>
      {list.map((s) => (
        <Tag
          key={s.unit.id}
          color="blue"
          onClick={() => props.onPick(s.unit)}
          style={{ cursor: 'pointer', marginInlineEnd: 0 }}
          title={`职责：${s.dutyName}${s.localMatch ? '；属地匹配' : ''}（点击选为主办单位）`}
          data-testid="unit-suggestion"
        >
          {s.unit.name}
          <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>
            {s.dutyName}
            {s.localMatch ? '·属地' : ''}
          </Typography.Text>
        </Tag>
      ))}
    </Space>
  );
}
