import { Alert, App, Card, Col, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { createTicketBody } from '../../../../common/contracts/tickets';
import { ticketTypeLabels, ticketTypes, urgencies, urgencyLabels } from '../../../../common/enums';
import { api, errorText } from '../../api/client';
import type { KbSuggestion, TicketDetail } from '../../api/types';
import { highlightText } from '../../lib/highlight';
import { useMe } from '../../auth/auth-context';
import { PageTitle } from '../../components/page-title';
import { TicketDrawer } from '../../components/ticket-drawer';
import { CategoryCascader } from '../../features/category-cascader';
import { regions } from '../../lib/labels';
import {
  clearDraft,
  fieldOfIssue,
  hasContent,
  intakeDefaults,
  loadDraft,
  saveDraft,
  toCreateBody,
  type IntakeValues,
} from './intake-draft';
import { ComplainedPartyIntake } from './complained-party-intake';
import { NumberComplaintIntake } from './number-complaint-intake';
import { CallerCard, phonePattern } from './caller-card';
import { DispositionCard, submitLabels } from './disposition-card';
import { intakeKeys } from './intake-keys';
import { OpenIncidentsPanel } from '../../features/incident-panel';
import { CallerHistory, KbSuggestions, ScopeHints, suggestionAnswer } from './side-panels';
import { useQueryClient } from '@tanstack/react-query';
import { useIntakeSuggestion } from '../../api/intake-assist';
import { SuggestionPanel, suggestionFill } from './suggestion-panel';

/** 受理: the agent records a call as an order, a direct answer, or a not-accepted request. */
export function IntakePage() {
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<IntakeValues>();
  const [restored] = useState(() => loadDraft(me.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<TicketDetail | null>(null);
  const [lookupPhone, setLookupPhone] = useState<string | null>(() => {
    const p = restored?.callerPhone?.trim();
    return p && phonePattern.test(p) ? p : null;
  });
  const [drawerId, setDrawerId] = useState<number | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstField = useRef<HTMLInputElement>(null);

  const content = Form.useWatch('content', form) ?? '';
  const demand = Form.useWatch('demand', form) ?? '';
  const citedId = Form.useWatch('knowledgeArticleId', form);
  const locationAddress = Form.useWatch('locationAddress', form) ?? '';
  const callerPhone = Form.useWatch('callerPhone', form) ?? '';
  const suggestion = useIntakeSuggestion({
    content: `${content} ${demand}`,
    location: locationAddress,
    callerPhone,
  });

  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );

  const persist = () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const v = form.getFieldsValue(true) as IntakeValues;
      if (hasContent(v)) saveDraft(me.id, v);
      else clearDraft(me.id);
    }, 250);
  };

  const setValues = (v: Partial<IntakeValues>) => {
    form.setFieldsValue(v);
    persist();
  };

  const reset = () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    // Not resetFields(): the initial values may be a restored draft.
    const blank = Object.fromEntries(
      Object.keys(form.getFieldsValue(true) as IntakeValues).map((k) => [k, undefined]),
    ) as IntakeValues;
    form.setFieldsValue({ ...blank, ...intakeDefaults });
    form.setFields(Object.keys(blank).map((name) => ({ name: name as keyof IntakeValues, errors: [] })));
    clearDraft(me.id);
    setLookupPhone(null);
    setError(null);
    firstField.current?.focus();
  };

  const [params, setParams] = useSearchParams();
  // No Form.Item holds the call id: watch it in the store.
  const callId = Form.useWatch<string | undefined>('callId', { form, preserve: true });

  // A screen pop (/intake?phone=…&callId=…): the caller's number, their earlier orders beside it.
  const popPhone = params.get('phone');
  const popCall = params.get('callId');
  useEffect(() => {
    if (!popPhone && !popCall) return;
    const current = form.getFieldsValue(true) as IntakeValues;
    const kept = hasContent(current) && current.callId !== popCall;
    if (!kept) form.setFieldsValue(intakeDefaults);
    form.setFieldsValue({
      channel: 'phone',
      callerPhone: popPhone ?? undefined,
      callId: popCall ?? undefined,
    });
    setLookupPhone(popPhone && phonePattern.test(popPhone) ? popPhone : null);
    persist();
    if (kept) message.warning('新来电已填入来电号码，未提交的草稿内容已保留，请核对');
    setParams({}, { replace: true });
  }, [popPhone, popCall]);

  const submit = async () => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      setError('请按提示补全必填项');
      return;
    }
    const values = form.getFieldsValue(true) as IntakeValues;
    const parsed = createTicketBody.safeParse(toCreateBody(values));
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((i) => ({ name: fieldOfIssue(i.path), errors: [i.message] }))
        .filter((f): f is { name: keyof IntakeValues; errors: string[] } => f.name !== null);
      if (fields.length) form.setFields(fields);
      setError(parsed.error.issues[0]?.message ?? '填写内容不符合要求');
      return;
    }
    setBusy(true);
    try {
      const t = await api<TicketDetail>('/api/tickets', { method: 'POST', body: parsed.data });
      setCreated(t);
      if (parsed.data.knowledgeArticleId) {
        // Usage counts feed the knowledge base's statistics; a failure here does not undo the intake.
        void api(`/api/kb/articles/${parsed.data.knowledgeArticleId}/use`, {
          method: 'POST',
          body: { ticketId: t.id },
        }).catch(() => undefined);
      }
      message.success(`${submitLabels[values.disposition ?? 'order']}成功：${t.ticketNo}`);
      reset();
      void qc.invalidateQueries({ queryKey: ['tickets', 'list'] });
    } catch (e) {
      // Keep everything typed: the draft stays in the form and in storage.
      const text = errorText(e);
      setError(text);
      message.error(text);
    } finally {
      setBusy(false);
    }
  };

  /** Direct answer citing a knowledge article: its text becomes the draft answer. */
  const cite = async (s: KbSuggestion) => {
    setValues({
      disposition: 'direct-answer',
      knowledgeArticleId: s.id,
      knowledgeArticleTitle: highlightText(s.title),
    });
    if ((form.getFieldValue('answer') as string | undefined)?.trim()) return;
    let text = suggestionAnswer(s);
    try {
      const article = await api<{ bodyText?: string }>(`/api/kb/articles/${s.id}`);
      if (article.bodyText?.trim()) text = article.bodyText.trim().slice(0, 5000);
    } catch {
      // The snippet is enough to start from.
    }
    if (!(form.getFieldValue('answer') as string | undefined)?.trim()) setValues({ answer: text });
  };

  /** Accepts the suggestion: category, a raised urgency, the place if none was typed. */
  const accept = () => {
    const s = suggestion.data;
    if (!s) return;
    const fill = suggestionFill(s, form.getFieldsValue(true) as IntakeValues);
    if (Object.keys(fill).length === 0) return;
    setValues(fill);
    message.info('已采纳智能建议，请核对');
  };

  const onKeyDown = intakeKeys(() => void submit(), accept);

  return (
    <div onKeyDown={onKeyDown}>
      <PageTitle
        title="受理登记"
        extra={
          <Space>
            {restored && hasContent(restored) && !created && <Tag color="blue">已恢复未提交的草稿</Tag>}
            {callId && (
              <Tag color="green" data-testid="intake-call">
                来电 {callId}
              </Tag>
            )}
            <Typography.Text type="secondary" data-testid="intake-keys">
              Ctrl+Enter 提交（Enter 不提交）· 草稿自动保存
            </Typography.Text>
          </Space>
        }
      />
      {created && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          style={{ marginBottom: 8 }}
          data-testid="intake-result"
          title={
            <span>
              已{created.status === 'pending_dispatch' ? '登记工单' : '记录'}{' '}
              <Link to={`/tickets/${created.id}`}>{created.ticketNo}</Link>（{created.statusLabel}）
            </span>
          }
        />
      )}
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} data-testid="intake-error" />
      )}
      <Row gutter={8}>
        <Col xs={24} xl={15}>
          <Form<IntakeValues>
            form={form}
            className="intake-form"
            layout="horizontal"
            labelCol={{ flex: '84px' }}
            wrapperCol={{ flex: '1 1 0' }}
            initialValues={{ ...intakeDefaults, ...(restored ?? {}) }}
            onValuesChange={persist}
            onFinish={() => void submit()}
            autoComplete="off"
          >
            <CallerCard
              firstField={firstField}
              onPhoneBlur={(p) => setLookupPhone(p && phonePattern.test(p) ? p : null)}
            />
            <Card size="small" title="诉求" style={{ marginBottom: 8 }}>
              <Form.Item name="type" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
                <Radio.Group
                  optionType="button"
                  options={ticketTypes.map((t) => ({ value: t, label: ticketTypeLabels[t] }))}
                />
              </Form.Item>
              <ComplainedPartyIntake />
              <NumberComplaintIntake />
              <Form.Item name="category" label="问题分类">
                <CategoryCascader placeholder="选择或输入检索，如：工资拖欠" />
              </Form.Item>
              <Row gutter={8}>
                <Col span={14}>
                  <Form.Item name="urgency" label="紧急程度">
                    <Radio.Group options={urgencies.map((u) => ({ value: u, label: urgencyLabels[u] }))} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name="level" label="来源层级">
                    <Radio.Group
                      options={[
                        { value: 'city', label: '市级' },
                        { value: 'province', label: '省级转办' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item name="region" label="所在区">
                    <Select
                      allowClear
                      placeholder="区域"
                      options={regions.map((r) => ({ value: r, label: r }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="locationAddress" label="问题地点">
                    <Input maxLength={200} placeholder="街道、小区、门牌或标志物" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="content"
                label="诉求内容"
                rules={[
                  { required: true, whitespace: true, message: '请填写诉求内容' },
                  { max: 5000, message: '诉求内容不能超过 5000 字，请精简后再提交' },
                ]}
              >
                {/* A counter that turns red past the limit; pasted text is never cut. */}
                <Input.TextArea
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  count={{ show: true, max: 5000 }}
                  placeholder="时间、地点、事件经过"
                />
              </Form.Item>
              <Form.Item
                name="demand"
                label="主要诉求"
                rules={[{ max: 1000, message: '主要诉求不能超过 1000 字' }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  count={{ show: true, max: 1000 }}
                  placeholder="来电人希望解决什么"
                />
              </Form.Item>
            </Card>
            <DispositionCard
              busy={busy}
              onReset={reset}
              onUncite={() => setValues({ knowledgeArticleId: undefined, knowledgeArticleTitle: undefined })}
            />
          </Form>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <OpenIncidentsPanel ticket={created} />
            <SuggestionPanel
              data={content.trim() ? suggestion.data : undefined}
              loading={suggestion.isFetching}
              failed={suggestion.isError}
              onAccept={accept}
              onPickCategory={(code) => setValues({ category: code })}
              onUseAddress={(a) => setValues({ locationAddress: a })}
              onNotAccepted={(matter, channel) =>
                setValues({
                  disposition: 'not-accepted',
                  notAcceptedReason: `${matter}，不属于热线受理范围`,
                  suggestedChannel: channel,
                })
              }
              onOpen={setDrawerId}
            />
            <CallerHistory phone={lookupPhone} onOpen={setDrawerId} />
            <KbSuggestions text={`${content} ${demand}`} citedId={citedId} onCite={(s) => void cite(s)} />
            <ScopeHints
              text={`${content} ${demand}`}
              onUse={(x) =>
                setValues({
                  disposition: 'not-accepted',
                  notAcceptedReason: `${x.matter}，不属于热线受理范围（${x.article}）`,
                  suggestedChannel: x.channel,
                })
              }
            />
          </Space>
        </Col>
      </Row>
      <TicketDrawer id={drawerId} onClose={() => setDrawerId(null)} />
    </div>
  );
}
