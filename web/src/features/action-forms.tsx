import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { satisfactionLabels, satisfactions } from '../../../common/enums';
import { supervisionModeLabels, supervisionTriggerLabels } from '../../../common/contracts/supervision';
import { ChannelHintSelect } from './channel-select';
import { ComplainedPartyFields } from './complained-party';
import { TicketSearchSelect } from './ticket-search-select';
import { CallbackChannelField, CallbackSampleNotice, inspectForm } from './callback-forms';
import {
  area,
  bool,
  note,
  noteOnly,
  num,
  reasonOnly,
  str,
  type ActionFormSpec,
  type FormAction,
  type Values,
} from './action-form-kit';
import { dispatchForm } from './dispatch-form';
import { unitForms } from './unit-request-forms';
import { referralForms } from './referral-forms';

export type { ActionContext, ActionFormSpec, FormAction } from './action-form-kit';

const satOptions = satisfactions.map((s) => ({ value: s, label: satisfactionLabels[s] }));

/** One form per action (payloads: common/contracts/tickets.ts actionPayloads). */
export const actionForms: Record<FormAction, ActionFormSpec> = {
  ...referralForms,
  dispatch: dispatchForm,
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
  reply: unitForms.reply,
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
  'request-return': unitForms['request-return'],
  'approve-return': { fields: () => note('审核意见'), toPayload: (v) => ({ note: str(v.note) }) },
  'reject-return': { ...reasonOnly('驳回理由', true), danger: true },
  'request-extension': unitForms['request-extension'],
  'approve-extension': unitForms['approve-extension'],
  'reject-extension': { ...reasonOnly('驳回理由', true), danger: true },
  'forward-extension': noteOnly,
  'report-progress': unitForms['report-progress'],
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
          <ChannelHintSelect />
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
