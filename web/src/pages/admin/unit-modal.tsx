import { Form, Input, Select, Switch } from 'antd';
import { unitKindLabels, unitKinds, type UnitKind } from '../../../../common/enums';
import { api } from '../../api/client';
import { queryKeys, useCategories } from '../../api/queries';
import type { Unit } from '../../api/types';
import { SaveModal, useSaveForm } from '../../components/list-kit';
import { UnitPicker } from '../../features/unit-picker';
import { regions } from '../../lib/labels';

interface UnitForm {
  code?: string;
  name: string;
  kind?: UnitKind;
  parentId?: number;
  region?: string;
  duties: string[];
  phone?: string;
  active?: boolean;
}

/** Create a unit under a parent, or edit name, district, duties, phone and status. */
export function UnitModal({ unit, onClose }: { unit: Unit | 'new'; onClose: () => void }) {
  const categories = useCategories();
  const creating = unit === 'new';
  const editor = useSaveForm(
    (v: UnitForm) =>
      creating
        ? api('/api/admin/units', {
            method: 'POST',
            body: {
              code: v.code,
              name: v.name,
              kind: v.kind,
              parentId: v.parentId,
              region: v.region || undefined,
              duties: v.duties,
              phone: v.phone || undefined,
            },
          })
        : api(`/api/admin/units/${unit.id}`, {
            method: 'PATCH',
            body: {
              name: v.name,
              region: v.region || null,
              duties: v.duties,
              phone: v.phone || null,
              active: v.active,
            },
          }),
    { queryKey: queryKeys.units, done: creating ? '单位已创建' : '单位已更新', onSaved: onClose },
  );
  const dutyOptions = (categories.data ?? [])
    .filter((c) => c.level <= 2)
    .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));
  return (
    <SaveModal
      width={600}
      title={creating ? '新建单位' : `修改单位 · ${unit.name}`}
      editor={editor}
      onClose={onClose}
      initialValues={
        creating
          ? { kind: 'department', duties: [] }
          : {
              name: unit.name,
              region: unit.region ?? undefined,
              duties: unit.duties,
              phone: unit.phone ?? undefined,
              active: unit.active,
            }
      }
    >
      {creating && (
        <>
          <Form.Item name="parentId" label="上级单位" rules={[{ required: true, message: '请选择上级单位' }]}>
            <UnitPicker placeholder="选择上级单位" />
          </Form.Item>
          <Form.Item name="code" label="单位编码" rules={[{ required: true, message: '请填写单位编码' }]}>
            <Input placeholder="如 YC-WJW-YZ" />
          </Form.Item>
          <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="name"
        label="单位名称"
        rules={[{ required: true, min: 2, message: '请填写单位名称（至少 2 个字）' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="region" label="所在区">
        <Select
          allowClear
          options={regions.map((r) => ({ value: r, label: r }))}
          placeholder="市级单位可不填"
        />
      </Form.Item>
      <Form.Item name="duties" label="职责分类" extra="派单时据此推荐承办单位（分类编码前缀匹配）">
        <Select
          mode="multiple"
          allowClear
          options={dutyOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择负责的问题分类"
        />
      </Form.Item>
      <Form.Item name="phone" label="值班电话">
        <Input maxLength={40} />
      </Form.Item>
      {!creating && (
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </SaveModal>
  );
}
