import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { ActionName } from '../../../common/contracts/tickets';
import type { RulesInfo, TicketDetail, TicketEvent } from '../api/types';

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

export type Values = Record<string, unknown>;

export interface ActionFormSpec {
  /** Form fields; rendered inside an antd Form. */
  fields: (c: ActionContext) => ReactNode;
  initial?: (c: ActionContext) => Values;
  toPayload: (v: Values) => Values;
  /** Danger styling for the confirm button. */
  danger?: boolean;
  width?: number;
}

export const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
export const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

export const area = (rows = 3) => (
  <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} showCount maxLength={2000} />
);

export const note = (label = '备注') => (
  <Form.Item name="note" label={label}>
    {area(2)}
  </Form.Item>
);

export const noteOnly: ActionFormSpec = { fields: () => note(), toPayload: (v) => ({ note: str(v.note) }) };

export const reasonOnly = (label: string, required = false): ActionFormSpec => ({
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

export function lastRequest(events: TicketEvent[], action: string): Record<string, unknown> | undefined {
  return [...events].reverse().find((e) => e.action === action)?.payload;
}
