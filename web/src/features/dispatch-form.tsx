import { Form, InputNumber, Select, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { percent, useIntakeSuggestion } from '../api/intake-assist';
import { useUnits } from '../api/queries';
import type { TicketDetail } from '../api/types';
import { regions } from '../lib/labels';
import { num, str, type ActionContext, type ActionFormSpec } from './action-form-kit';
import { CategoryCascader } from './category-cascader';
import { DispatchReasonField } from './complained-party';
import { MultiUnitPicker, UnitPicker, UnitSuggestions, useUnitSuggestions } from './unit-picker';

const isEmergency = (t: TicketDetail) => t.urgency === 'emergency' || t.urgency === 'extra-urgent';

/** A model's category counts only when it is at least this sure (calibrated confidence). */
const modelCategoryFloor = 0.5;

/**
 * The category for an order filed without one: the classifier's when it is sure enough, else the
 * category of the knowledge article that best matches the order's content, if any.
 */
function useSuggestedCategory(
  ticket: TicketDetail,
  model: { code: string; label: string; confidence: number } | null | undefined,
): { code: string; name: string | null; by: 'model' | 'kb' } | null {
  const q = ticket.content.trim().slice(0, 200);
  const query = useQuery({
    queryKey: ['kb-suggest-category', q],
    queryFn: async ({ signal }) => {
      const r = await api<{ items: { categoryCode: string | null; categoryName: string | null }[] }>(
        '/api/kb/suggest',
        { query: { q }, signal },
      );
      const hit = r.items.find((x) => x.categoryCode);
      return hit?.categoryCode ? { code: hit.categoryCode, name: hit.categoryName, by: 'kb' as const } : null;
    },
    enabled: !ticket.category && q.length >= 2 && model !== undefined && !model,
    staleTime: 60_000,
    retry: false,
  });
  if (ticket.category) return null;
  if (model && model.confidence >= modelCategoryFloor) {
    return { code: model.code, name: model.label, by: 'model' };
  }
  return query.data ?? null;
}

/** The unit the model proposes, when it is one this dispatcher may choose, with the reason. */
function ModelUnit(props: {
  unit: { id: number; name: string; confidence: number; reason: string } | null | undefined;
  rootUnitId: number | null;
  onPick: (id: number) => void;
}) {
  const units = useUnits();
  const root = units.data?.find((u) => u.id === props.rootUnitId);
  const unit = props.unit ? units.data?.find((u) => u.id === props.unit?.id) : undefined;
  if (
    !props.unit ||
    !unit ||
    !unit.active ||
    (root && (unit.id === root.id || !unit.path.startsWith(root.path)))
  ) {
    return null;
  }
  return (
    <Form.Item label="智能推荐" data-testid="model-unit">
      <Tag
        color="geekblue"
        style={{ cursor: 'pointer' }}
        onClick={() => props.onPick(unit.id)}
        title="点击选为主办单位"
      >
        {unit.name} {percent(props.unit.confidence)}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.unit.reason}
      </Typography.Text>
    </Form.Item>
  );
}

/**
 * 派单: category and district are required (the server refuses with CLASSIFICATION_REQUIRED
 * otherwise); they come from the order, else the category of the best-matching knowledge
 * article; the lead unit is prefilled with the first unit whose duties cover the category.
 */
function DispatchFields({ c }: { c: ActionContext }) {
  const form = Form.useFormInstance();
  const category = (Form.useWatch('category', form) as string | undefined) ?? null;
  const region = (Form.useWatch('region', form) as string | undefined) ?? null;
  const model = useIntakeSuggestion({
    content: c.ticket.content,
    location: c.ticket.location.address,
  });
  // undefined while the model is asked; null once it answered nothing (or failed).
  const modelCategory =
    model.isPending && model.fetchStatus !== 'idle' ? undefined : (model.data?.category ?? null);
  const suggested = useSuggestedCategory(c.ticket, modelCategory);
  const units = useUnitSuggestions(c.myUnitId, category, region);
  const { setField } = c;
  // Each suggestion fills an empty field once; what the dispatcher clears stays cleared.
  const filled = useRef({ category: false, unit: false });

  useEffect(() => {
    if (!suggested || filled.current.category) return;
    filled.current.category = true;
    if (!form.getFieldValue('category')) setField('category', suggested.code);
  }, [suggested, form, setField]);
  const firstUnit = units[0]?.unit.id;
  useEffect(() => {
    if (!firstUnit || filled.current.unit) return;
    filled.current.unit = true;
    if (!form.getFieldValue('unitId')) setField('unitId', firstUnit);
  }, [firstUnit, form, setField]);

  return (
    <>
      <Form.Item
        name="category"
        label="问题分类"
        rules={[{ required: true, message: '请选择问题分类，派单前须确定问题分类' }]}
        extra={
          !c.ticket.category && suggested
            ? `受理时未分类，已按${suggested.by === 'model' ? '智能分类' : '知识库推荐'}填入“${suggested.name ?? suggested.code}”，请核对`
            : undefined
        }
      >
        <CategoryCascader placeholder="选择或输入检索问题分类" />
      </Form.Item>
      <Form.Item
        name="region"
        label="所在区"
        rules={[{ required: true, message: '请选择所在区，派单前须确定属地' }]}
      >
        <Select
          allowClear
          placeholder="问题所在区域"
          options={regions.map((r) => ({ value: r, label: r }))}
          style={{ width: 200 }}
        />
      </Form.Item>
      <ModelUnit
        unit={model.data?.unit}
        rootUnitId={c.myUnitId ?? null}
        onPick={(id) => setField('unitId', id)}
      />
      <Form.Item label="职责匹配推荐">
        <UnitSuggestions category={category} list={units} onPick={(u) => setField('unitId', u.id)} />
      </Form.Item>
      <Form.Item name="unitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
        <UnitPicker rootUnitId={c.myUnitId} placeholder="选择主办单位（可输入名称检索）" />
      </Form.Item>
      <Form.Item name="coUnitIds" label="协办单位">
        <MultiUnitPicker rootUnitId={c.myUnitId} />
      </Form.Item>
      {isEmergency(c.ticket) && (
        <Form.Item
          name="emergencyResultDays"
          label="紧急件办结时限"
          extra="紧急工单须在派单后 2 小时内首次响应，并在设定的工作日内反馈处置结果"
          rules={[{ required: true, message: '请设定办结时限' }]}
        >
          <InputNumber
            min={c.rules?.profile.emergency?.result.min ?? 1}
            max={c.rules?.profile.emergency?.result.max ?? 10}
            style={{ width: 160 }}
            suffix="个工作日"
          />
        </Form.Item>
      )}
      <DispatchReasonField ticket={c.ticket} rules={c.rules} />
      {!c.ticket.category || !c.ticket.location.region ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          派单时填写的问题分类和所在区将同时写入工单
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

export const dispatchForm: ActionFormSpec = {
  width: 640,
  fields: (c) => <DispatchFields c={c} />,
  initial: (c) => ({
    coUnitIds: [],
    category: c.ticket.category ?? undefined,
    region: c.ticket.location.region ?? undefined,
    // A complaint about a service number goes to the number's unit (beijing-miyun §27).
    ...(c.ticket.numberComplaint ? { unitId: c.ticket.numberComplaint.unitId } : {}),
    ...(isEmergency(c.ticket)
      ? {
          emergencyResultDays:
            c.ticket.emergencyResultDays ?? c.rules?.profile.emergency?.result.default ?? 3,
        }
      : {}),
  }),
  toPayload: (v) => ({
    unitId: num(v.unitId),
    coUnitIds: Array.isArray(v.coUnitIds) ? v.coUnitIds : [],
    emergencyResultDays: num(v.emergencyResultDays),
    note: str(v.note),
    category: str(v.category),
    region: str(v.region),
  }),
};
