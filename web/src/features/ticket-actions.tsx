import { Alert, App, Button, Form, Modal, Space } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { actionPayloads, systemActions, type ActionName } from '../../../common/contracts/tickets';
import type { TicketAction } from '../../../common/ticket-vocabulary';
import { errorText } from '../api/client';
import { useRules, useTicketAction } from '../api/queries';
import type { TicketDetail, TicketEvent } from '../api/types';
import { actionForms, type ActionContext, type FormAction } from './action-forms';

type Values = Record<string, unknown>;

/** What was typed in an action form survives closing it (and failed submissions) until it succeeds. */
const drafts = new Map<string, Values>();

const primaryActions = new Set<ActionName>([
  'dispatch',
  'accept',
  'reply',
  'approve-reply',
  'record-callback',
  'approve-return',
  'approve-extension',
  'uphold-appeal',
  'resume',
]);
const dangerActions = new Set<ActionName>([
  'not-accept',
  'suspend',
  'reject-reply',
  'reject-return',
  'reject-extension',
]);

/** Actions with a form: requestable over HTTP (not system actions, not answered elsewhere). */
function isFormAction(a: TicketAction): a is FormAction {
  return Object.hasOwn(actionPayloads, a) && !systemActions.includes(a as ActionName);
}

/** The actions the server allows now, as buttons that open the right form. */
export function TicketActions({
  ticket,
  events,
  myUnitId,
  onDone,
}: {
  ticket: TicketDetail;
  events: TicketEvent[];
  myUnitId: number;
  onDone?: (action: ActionName, t: TicketDetail) => void;
}) {
  const [active, setActive] = useState<FormAction | null>(null);
  const actions = ticket.allowedActions.filter(isFormAction);
  if (!actions.length) return null;
  return (
    <>
      <Space wrap size={6}>
        {actions.map((a) => (
          <Button
            key={a}
            data-action={a}
            type={primaryActions.has(a) ? 'primary' : 'default'}
            danger={dangerActions.has(a)}
            onClick={() => setActive(a)}
          >
            {ticket.allowedActionLabels[a] ?? a}
          </Button>
        ))}
      </Space>
      {active && (
        <ActionModal
          key={`${ticket.id}:${active}`}
          ticket={ticket}
          events={events}
          myUnitId={myUnitId}
          action={active}
          onClose={() => setActive(null)}
          onDone={(t) => {
            setActive(null);
            onDone?.(active, t);
          }}
        />
      )}
    </>
  );
}

function ActionModal(props: {
  ticket: TicketDetail;
  events: TicketEvent[];
  myUnitId: number;
  action: FormAction;
  onClose: () => void;
  onDone: (t: TicketDetail) => void;
}) {
  const { ticket, action } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useTicketAction(ticket.id);
  const rules = useRules();
  const spec = actionForms[action];
  const label = ticket.allowedActionLabels[action] ?? action;
  const draftKey = `${ticket.id}:${action}`;
  const ctx: ActionContext = {
    ticket,
    events: props.events,
    myUnitId: props.myUnitId,
    rules: rules.data,
    setField: (name, value) => {
      form.setFieldValue(name, value);
      drafts.set(draftKey, form.getFieldsValue(true) as Values);
    },
  };
  const [initialValues] = useState<Values>(() => drafts.get(draftKey) ?? spec.initial?.(ctx) ?? {});

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const payload = spec.toPayload({ ...(form.getFieldsValue(true) as Values), ...values });
    const parsed = actionPayloads[action].safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      if (typeof field === 'string') {
        form.setFields([{ name: field, errors: [issue?.message ?? '填写有误'] }]);
      }
      setError(issue?.message ?? '填写内容不符合要求');
      return;
    }
    try {
      const t = await mutation.mutateAsync({ action, payload: parsed.data, version: ticket.version });
      drafts.delete(draftKey);
      message.success(`${label}成功`);
      props.onDone(t);
    } catch (e) {
      const text = errorText(e);
      setError(text);
      message.error(text);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${ticket.ticketNo}`}
      width={spec.width ?? 520}
      okText={label}
      okButtonProps={{ danger: spec.danger ?? dangerActions.has(action), loading: mutation.isPending }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={props.onClose}
      mask={{ closable: false }}
      className="action-modal"
      data-modal-action={action}
    >
      <div onKeyDown={onKeyDown}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '110px' }}
          wrapperCol={{ flex: '1 1 0' }}
          initialValues={initialValues}
          onValuesChange={(_c, all: Values) =>
            drafts.set(draftKey, { ...(form.getFieldsValue(true) as Values), ...all })
          }
          onFinish={() => void submit()}
          autoComplete="off"
        >
          {spec.fields(ctx)}
        </Form>
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>Ctrl+Enter 提交</div>
      </div>
    </Modal>
  );
}
