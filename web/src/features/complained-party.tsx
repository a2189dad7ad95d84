import { Alert, Form, Input, Typography } from 'antd';
import {
  complainantProtectionArticle,
  typesWithComplainedParty,
} from '../../../common/contracts/complainant';
import { useRules, useUnits } from '../api/queries';
import type { RulesInfo, TicketDetail, Unit } from '../api/types';
import { UnitPicker } from './unit-picker';

/** Order types that name a party complained about (投诉, 举报). */
export function namesComplainedParty(type: string | undefined): boolean {
  return (typesWithComplainedParty as readonly string[]).includes(type ?? '');
}

/** 被投诉单位 and 被投诉人, for intake and the center's later update. */
export function ComplainedPartyFields({ profileId }: { profileId?: string | undefined }) {
  return (
    <>
      <Form.Item
        name="complainedUnitId"
        label="被投诉单位"
        extra={`该单位及其下级单位将看不到投诉人姓名和电话（${complainantProtectionArticle(profileId).split('：')[0]}）`}
      >
        <UnitPicker placeholder="选择被投诉单位（可输入名称检索）" />
      </Form.Item>
      <Form.Item name="complainedPerson" label="被投诉人">
        <Input maxLength={100} placeholder="工作人员姓名或工号（选填）" allowClear />
      </Form.Item>
    </>
  );
}

function withinComplained(units: Unit[], ids: number[], complainedUnitId: number | null): Unit[] {
  const complained = units.find((u) => u.id === complainedUnitId);
  if (!complained) return [];
  return units.filter((u) => ids.includes(u.id) && u.path.startsWith(complained.path));
}

/**
 * The dispatch note: required, and titled 派单理由, when the chosen lead or co-handling unit is
 * the unit complained about or below it (the server refuses such a dispatch without one).
 */
export function DispatchReasonField({
  ticket,
  rules,
}: {
  ticket: TicketDetail;
  rules: RulesInfo | undefined;
}) {
  const form = Form.useFormInstance();
  const unitId = Form.useWatch<number | undefined>('unitId', form);
  const coUnitIds = Form.useWatch<number[] | undefined>('coUnitIds', form);
  const units = useUnits();
  const hit = withinComplained(
    units.data ?? [],
    [unitId, ...(coUnitIds ?? [])].filter((x): x is number => typeof x === 'number'),
    ticket.complainedUnitId,
  );
  const needed = hit.length > 0;
  return (
    <>
      {needed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="complained-dispatch-warning"
          title={`“${hit.map((u) => u.name).join('、')}”是本工单的被投诉单位或其下级单位：派给它须填写派单理由，投诉人信息不会向其提供`}
        />
      )}
      <Form.Item
        name="note"
        label={needed ? '派单理由' : '派单意见'}
        rules={needed ? [{ required: true, whitespace: true, message: '派给被投诉单位须填写派单理由' }] : []}
        extra={needed ? complainantProtectionArticle(rules?.profile.id) : undefined}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} showCount maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** Rows of the order detail naming the party complained about, when there is one. */
export function complainedPartyItems(t: TicketDetail, span: number) {
  if (!t.complainedUnitId && !t.complainedPerson) return [];
  return [
    {
      key: 'complained',
      label: '被投诉对象',
      span,
      children: (
        <span data-testid="complained-party">
          {[t.complainedUnitName, t.complainedPerson].filter(Boolean).join(' · ') || '—'}
        </span>
      ),
    },
  ];
}

/** Shown instead of the caller to the unit complained about and its sub-units. */
export function ProtectedCallerNotice() {
  const rules = useRules();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="caller-protected"
      title={
        <>
          投诉人保护：本工单投诉的是本单位或上级单位，投诉人身份与联系方式不予提供，如需联系请通过热线平台转接
          <Typography.Text type="secondary">
            （{complainantProtectionArticle(rules.data?.profile.id).split('：')[0]}）
          </Typography.Text>
        </>
      }
    />
  );
}
