import { DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { ActionName } from '../../../common/contracts/tickets';
import { satisfactionLabels, satisfactions } from '../../../common/enums';
import type { RulesInfo, TicketDetail, TicketEvent } from '../api/types';
import { supervisionModeLabels, supervisionTriggerLabels } from '../../../common/contracts/supervision';
import { factualLabels } from '../../../common/ticket-vocabulary';
import { channelHints } from './scope-exclusions';
import { ComplainedPartyFields, DispatchReasonField } from './complained-party';
import { TicketSearchSelect } from './ticket-search-select';
import { CallbackChannelField, CallbackSampleNotice, inspectForm } from './callback-forms';
import { MultiUnitPicker, UnitPicker, UnitSuggestions } from './unit-picker';
import { referralForms } from './referral-forms';

/** Actions a person performs through a form (system actions never come over HTTP). */
export type FormAction = Exclude<ActionName, 'remind' | 'recompute-deadlines'>;

/** What a form needs to know besides its own values. */
export interface ActionContext {
  ticket: TicketDetail;
  events: TicketEvent[];
  /** The acting user's unit (a platform dispatches within its own tree). */
  myUnitId: number;
  rules: RulesInfo | undefined;
  setField: (name: string, value: unknown) => void;
}

type Values = Record<string, unknown>;

export interface ActionFormSpec {
  /** Form fields; rendered inside an antd Form. */
  fields: (c: ActionContext) => ReactNode;
  initial?: (c: ActionContext) => Values;
  toPayload: (v: Values) => Values;
  /** Danger styling for the confirm button. */
  danger?: boolean;
  width?: number;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const area = (rows = 3) => (
  <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} showCount maxLength={2000} />
);

const note = (label = '备注') => (
  <Form.Item name="note" label={label}>
    {area(2)}
  </Form.Item>
);
const noteOnly: ActionFormSpec = { fields: () => note(), toPayload: (v) => ({ note: str(v.note) }) };
const reasonOnly = (label: string, required = false): ActionFormSpec => ({
  fields: () => (
    <Form.Item
      name="reason"
      label={label}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      {area(3)}
    </Form.Item>
  ),
  toPayload: (v) => ({ reason: str(v.reason) }),
});

const satOptions = satisfactions.map((s) => ({ value: s, label: satisfactionLabels[s] }));

function lastRequest(events: TicketEvent[], action: string): Record<string, unknown> | undefined {
  return [...events].reverse().find((e) => e.action === action)?.payload;
}

const isEmergency = (t: TicketDetail) => t.urgency === 'emergency' || t.urgency === 'extra-urgent';

/** One form per action (payloads: common/contracts/tickets.ts actionPayloads). */
export const actionForms: Record<FormAction, ActionFormSpec> = {
  ...referralForms,
  dispatch: {
    width: 640,
    fields: (c) => (
      <>
        <Form.Item label="职责匹配推荐">
          <UnitSuggestions
            rootUnitId={c.myUnitId}
            category={c.ticket.category}
            region={c.ticket.location.region}
            onPick={(u) => c.setField('unitId', u.id)}
          />
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
      </>
    ),
    initial: (c) => ({
      coUnitIds: [],
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
    }),
  },
  accept: { fields: () => note('签收备注'), toPayload: (v) => ({ note: str(v.note) }) },
  'record-contact': {
    fields: () => (
      <>
        <Form.Item name="at" label="联系时间" extra="不填则记为当前时间">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        {note('联系情况')}
      </>
    ),
    toPayload: (v) => ({
      at: v.at ? (v.at as Dayjs).format('YYYY-MM-DDTHH:mm:ssZ') : undefined,
      note: str(v.note),
    }),
  },
  reply: {
    width: 640,
    fields: () => (
      <>
        <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            showCount
            maxLength={5000}
            placeholder="写明办理单位、时间、诉求是否属实、采取的措施及结果"
          />
        </Form.Item>
        <Form.Item
          name="contacted"
          label="已联系诉求人"
          rules={[{ required: true, message: '请选择是否已联系诉求人' }]}
        >
          <Radio.Group
            options={[
              { value: true, label: '已联系' },
              { value: false, label: '未联系' },
            ]}
          />
        </Form.Item>
        <Form.Item name="factual" label="诉求是否属实">
          <Radio.Group options={Object.entries(factualLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="solved" label="是否解决">
          <Radio.Group
            options={[
              { value: true, label: '已解决' },
              { value: false, label: '未解决' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.solved !== b.solved}>
          {({ getFieldValue }) =>
            getFieldValue('solved') === false ? (
              <Form.Item
                name="nextSteps"
                label="后续措施"
                rules={[{ required: true, message: '未解决的须说明后续措施' }]}
              >
                {area(2)}
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({
      result: str(v.result) ?? '',
      contacted: bool(v.contacted),
      factual: str(v.factual),
      solved: bool(v.solved),
      nextSteps: str(v.nextSteps),
    }),
  },
  'approve-reply': { fields: () => note('审核意见'), toPayload: (v) => ({ note: str(v.note) }) },
  'reject-reply': { ...reasonOnly('退回理由', true), danger: true },
  'record-callback': {
    fields: (c) => (
      <>
        <CallbackSampleNotice info={c.ticket.callback} />
        <Form.Item name="reached" label="联系到诉求人" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            options={[
              { value: true, label: '已联系到' },
              { value: false, label: '未联系到' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.reached !== b.reached}>
          {({ getFieldValue }) =>
            getFieldValue('reached') === true ? (
              <>
                <Form.Item
                  name="contactedByUnit"
                  label="承办单位联系过"
                  rules={[{ required: true, message: '请选择承办单位是否联系过诉求人' }]}
                >
                  <Radio.Group
                    options={[
                      { value: true, label: '是' },
                      { value: false, label: '否' },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name="processSatisfaction"
                  label="过程满意度"
                  rules={[{ required: true, message: '请选择过程满意度' }]}
                >
                  <Radio.Group options={satOptions} />
                </Form.Item>
                <Form.Item
                  name="resultSatisfaction"
                  label="结果满意度"
                  rules={[{ required: true, message: '请选择结果满意度' }]}
                >
                  <Radio.Group options={satOptions} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
        <CallbackChannelField rules={c.rules} />
        {note('回访记录')}
      </>
    ),
    toPayload: (v) => ({
      reached: bool(v.reached),
      channel: str(v.channel),
      ...(v.reached === true
        ? {
            contactedByUnit: bool(v.contactedByUnit),
            processSatisfaction: str(v.processSatisfaction),
            resultSatisfaction: str(v.resultSatisfaction),
          }
        : {}),
      note: str(v.note),
    }),
  },
  redo: reasonOnly('重办理由', true),
  close: {
    fields: (c) => (
      <>
        <CallbackSampleNotice info={c.ticket.callback} />
        {note('办结说明')}
      </>
    ),
    toPayload: (v) => ({ note: str(v.note) }),
  },
  inspect: inspectForm,
  'request-return': {
    width: 600,
    fields: (c) => (
      <>
        {c.ticket.deadlines.returnBy && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            回退时限：{c.ticket.deadlines.returnBy.slice(0, 16).replace('T', ' ')}，逾期回退计为超期
          </Typography.Paragraph>
        )}
        <Form.Item name="reason" label="回退理由" rules={[{ required: true, message: '请填写回退理由' }]}>
          {area(3)}
        </Form.Item>
        <Form.Item
          name="basis"
          label="回退依据"
          rules={[{ required: true, message: '请填写回退依据（法律法规或职责文件）' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="如：《××条例》第×条；本单位三定方案"
          />
        </Form.Item>
        <Form.Item name="suggestedUnitId" label="建议承办单位">
          <UnitPicker placeholder="建议由哪个单位承办（可选）" />
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({
      reason: str(v.reason) ?? '',
      basis: str(v.basis) ?? '',
      suggestedUnitId: num(v.suggestedUnitId),
    }),
  },
  'approve-return': { fields: () => note('审核意见'), toPayload: (v) => ({ note: str(v.note) }) },
  'reject-return': { ...reasonOnly('驳回理由', true), danger: true },
  'request-extension': {
    fields: (c) => (
      <>
        {c.ticket.deadlines.handleBy && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            当前办理时限：{c.ticket.deadlines.handleBy.slice(0, 16).replace('T', ' ')}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="workingDays"
          label="延期天数"
          rules={[{ required: true, message: '请填写延期天数' }]}
          extra={
            c.rules?.profile.extension?.maxWorkingDays
              ? `最多 ${c.rules.profile.extension.maxWorkingDays} 个工作日`
              : undefined
          }
        >
          <InputNumber min={1} max={60} style={{ width: 160 }} suffix="个工作日" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延期理由"
          rules={[{ required: true, message: '请填写延期理由' }]}
          extra="申请延期须同时告知诉求人"
        >
          {area(3)}
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({ workingDays: num(v.workingDays), reason: str(v.reason) ?? '' }),
  },
  'approve-extension': {
    fields: (c) => {
      const req = lastRequest(c.events, 'request-extension');
      return (
        <>
          {req && (
            <Typography.Paragraph style={{ marginTop: 0 }}>
              申请延期 {String(req.workingDays ?? '—')} 个工作日；理由：{String(req.reason ?? '—')}
            </Typography.Paragraph>
          )}
          <Form.Item name="workingDays" label="批准天数" extra="可少于申请天数">
            <InputNumber min={1} max={60} style={{ width: 160 }} suffix="个工作日" />
          </Form.Item>
          {note('审核意见')}
        </>
      );
    },
    initial: (c) => {
      const req = lastRequest(c.events, 'request-extension');
      return typeof req?.workingDays === 'number' ? { workingDays: req.workingDays } : {};
    },
    toPayload: (v) => ({ workingDays: num(v.workingDays), note: str(v.note) }),
  },
  'reject-extension': { ...reasonOnly('驳回理由', true), danger: true },
  'forward-extension': noteOnly,
  'report-progress': {
    fields: () => (
      <>
        <Form.Item name="progress" label="办理进展" rules={[{ required: true, message: '请填写办理进展' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item name="committedDate" label="承诺办结日期">
          <DatePicker />
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({
      progress: str(v.progress),
      committedDate: v.committedDate ? (v.committedDate as Dayjs).format('YYYY-MM-DD') : undefined,
    }),
  },
  appeal: {
    fields: () => (
      <>
        <Form.Item name="reason" label="申诉理由" rules={[{ required: true, message: '请填写申诉理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="材料名称、编号或说明" />
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({ reason: str(v.reason), evidence: str(v.evidence) }),
  },
  'uphold-appeal': { fields: () => note('研判意见'), toPayload: (v) => ({ note: str(v.note) }) },
  'dismiss-appeal': {
    fields: () => note('研判意见'),
    toPayload: (v) => ({ note: str(v.note) }),
    danger: true,
  },
  merge: {
    fields: (c) => (
      <>
        <Form.Item
          name="intoTicketId"
          label="并入工单"
          rules={[{ required: true, message: '请选择要并入的工单' }]}
          extra="一事一单：重复诉求并入已有工单后不再单独办理"
        >
          <TicketSearchSelect excludeId={c.ticket.id} />
        </Form.Item>
        {note('合并说明')}
      </>
    ),
    toPayload: (v) => ({ intoTicketId: num(v.intoTicketId), note: str(v.note) }),
  },
  'not-accept': {
    danger: true,
    fields: () => (
      <>
        <Form.Item
          name="reason"
          label="不予受理理由"
          rules={[{ required: true, message: '请说明不予受理理由' }]}
        >
          {area(3)}
        </Form.Item>
        <Form.Item name="suggestedChannel" label="建议渠道">
          <Select allowClear showSearch options={channelHints} placeholder="告知诉求人可通过的渠道" />
        </Form.Item>
      </>
    ),
    toPayload: (v) => ({ reason: str(v.reason) ?? '', suggestedChannel: str(v.suggestedChannel) }),
  },
  suspend: { ...reasonOnly('挂起原因', true), danger: true },
  resume: noteOnly,
  supervise: {
    fields: () => (
      <>
        <Form.Item name="trigger" label="督办事由" rules={[{ required: true, message: '请选择督办事由' }]}>
          <Select
            options={Object.entries(supervisionTriggerLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="mode" label="督办方式" rules={[{ required: true, message: '请选择督办方式' }]}>
          <Radio.Group
            options={Object.entries(supervisionModeLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="respondWithinWorkingDays" label="限期反馈">
          <InputNumber min={1} max={30} style={{ width: 160 }} suffix="个工作日内" />
        </Form.Item>
        {note('督办意见')}
      </>
    ),
    initial: (c) => ({
      trigger: c.ticket.light === 'overdue' || c.ticket.light === 'red' ? 'overdue' : 'other',
      mode: 'written',
    }),
    toPayload: (v) => ({
      trigger: str(v.trigger),
      mode: str(v.mode),
      respondWithinWorkingDays: num(v.respondWithinWorkingDays),
      note: str(v.note),
    }),
  },
  update: {
    fields: (c) => (
      <>
        <ComplainedPartyFields profileId={c.rules?.profile.id} />
        {note('修改说明')}
      </>
    ),
    initial: (c) => ({
      complainedUnitId: c.ticket.complainedUnitId ?? undefined,
      complainedPerson: c.ticket.complainedPerson ?? undefined,
    }),
    toPayload: (v) => ({
      complainedUnitId: num(v.complainedUnitId) ?? null,
      complainedPerson: str(v.complainedPerson) ?? null,
      note: str(v.note),
    }),
  },
};
