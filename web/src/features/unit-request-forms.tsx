import { DatePicker, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { plainText } from '../../../common/plain-text';
import type { Dayjs } from 'dayjs';
import { factualLabels } from '../../../common/ticket-vocabulary';
import {
  area,
  bool,
  lastRequest,
  note,
  num,
  str,
  type ActionFormSpec,
  type FormAction,
  type Values,
} from './action-form-kit';
import { UnitPicker } from './unit-picker';

/** The forms of a handling unit's reply and requests (return, extension, progress) and the extension decision. */
export const unitForms: Partial<Record<FormAction, ActionFormSpec>> & {
  reply: ActionFormSpec;
  'request-return': ActionFormSpec;
  'request-extension': ActionFormSpec;
  'approve-extension': ActionFormSpec;
  'report-progress': ActionFormSpec;
} = {
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
              申请延期 {plainText(req.workingDays ?? '—')} 个工作日；理由：{plainText(req.reason ?? '—')}
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
};
