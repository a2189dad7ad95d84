import { Alert, Form, Input, Radio, Select } from 'antd';
import {
  callbackChannelLabels,
  callbackChannels,
  inspectionFindingLabels,
  inspectionFindings,
} from '../../../common/contracts/tickets';
import type { RulesInfo, TicketDetail } from '../api/types';
import type { ActionFormSpec } from './action-forms';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** 质检评定 of an unsatisfied order [tianjin-wuqing §25]: the finding and its analysis. */
export const inspectForm: ActionFormSpec = {
  fields: () => (
    <>
      <Form.Item name="finding" label="质检结论" rules={[{ required: true, message: '请选择质检结论' }]}>
        <Radio.Group
          options={inspectionFindings.map((f) => ({ value: f, label: inspectionFindingLabels[f] }))}
        />
      </Form.Item>
      <Form.Item name="note" label="原因分析与责任界定">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={2000} />
      </Form.Item>
    </>
  ),
  toPayload: (v) => ({ finding: str(v.finding), note: str(v.note) }),
};

function phoneOnly(rules: RulesInfo | undefined): boolean {
  const cb = rules?.profile.callback;
  return typeof cb === 'object' && cb !== null && 'channel' in cb && cb.channel === 'phone';
}

/** The callback channel (回访方式); only the phone where the profile demands it. */
export function CallbackChannelField({ rules }: { rules: RulesInfo | undefined }) {
  const options = (phoneOnly(rules) ? (['phone'] as const) : callbackChannels).map((c) => ({
    value: c,
    label: callbackChannelLabels[c],
  }));
  return (
    <Form.Item name="channel" label="回访方式" initialValue="phone">
      <Select options={options} style={{ width: 160 }} />
    </Form.Item>
  );
}

export type CallbackSampleInfo = TicketDetail['callback'];

/** Whether the order is in the callback sample, and what closing it needs. */
export function CallbackSampleNotice({ info }: { info: CallbackSampleInfo | undefined }) {
  if (!info) return null;
  const article = info.article ? `（${info.article}）` : '';
  const message = info.inSample
    ? `须回访：${info.reason}${article}${info.failedAttempt ? '；已记录联系不上，可办结' : ''}`
    : `不在回访样本内：${info.reason}${article}，可不回访直接办结`;
  return (
    <Alert
      type={info.inSample ? 'info' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      message={message}
      description={
        info.compulsoryRedo ? `回访不满意的工单须再次办理，不能直接办结（${info.compulsoryRedo}）` : undefined
      }
    />
  );
}
