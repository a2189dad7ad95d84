import { App, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { creditRecordKindLabels, visitResultLabels } from '../../../../common/contracts/enterprises';
import { api, errorText } from '../../api/client';
import { openLicence, useEnterprise } from '../../api/enterprises';
import { EnterpriseAccountButton } from './enterprise-account';
import { fmtDateTime } from '../../lib/format';
import { actionLabels, ActionModal, type FormAction } from './enterprise-action-modal';
import { EnterpriseStatusTag, RatingCell } from './enterprise-tags';

/** One enterprise: application, licence, visits, recommendations, credit record, and the center's actions. */
export function EnterpriseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = useEnterprise(id);
  const [action, setAction] = useState<FormAction | null>(null);
  const [contact, setContact] = useState<{ contactName: string; contactPhone: string } | null>(null);
  const { message } = App.useApp();
  const d = detail.data;

  const reveal = async () => {
    if (!d) return;
    try {
      setContact(
        await api<{ contactName: string; contactPhone: string }>(`/api/enterprises/${d.id}/reveal-contact`, {
          method: 'POST',
          body: { reason: '联系企业核实或派单' },
        }),
      );
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={id !== null}
      size="large"
      title={d ? d.name : '加盟企业'}
      onClose={() => {
        setContact(null);
        onClose();
      }}
      extra={
        d && (
          <Space wrap>
            {d.allowedActions
              .filter((a): a is FormAction => a !== 'reveal-contact')
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'suspend'}
                  onClick={() => setAction(a)}
                >
                  {actionLabels[a]}
                </Button>
              ))}
            {d.status === 'approved' && d.allowedActions.includes('recommend') && (
              <EnterpriseAccountButton enterpriseId={d.id} enterpriseName={d.name} />
            )}
          </Space>
        )
      }
    >
      {d && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="状态">
              <EnterpriseStatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{d.creditCode}</Descriptions.Item>
            <Descriptions.Item label="服务类别" span={2}>
              {d.services.map((s) => (
                <Tag key={s.code}>{s.name}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label="经营地址" span={2}>
              {d.address}
              {d.lng !== null && d.lat !== null && (
                <Typography.Text type="secondary">
                  （{d.lng}, {d.lat}）
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="联系人" span={2}>
              <Space>
                <span data-testid="enterprise-contact">
                  {contact
                    ? `${contact.contactName} ${contact.contactPhone}`
                    : `${d.contactName} ${d.contactPhone}`}
                </span>
                {!contact && d.allowedActions.includes('reveal-contact') && (
                  <Button size="small" type="link" onClick={() => void reveal()}>
                    查看完整信息（留痕）
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="营业执照">
              <Typography.Link
                onClick={() => void openLicence(d.id).catch((e: unknown) => message.error(errorText(e)))}
              >
                {d.licence.type}，{Math.ceil(d.licence.size / 1024)} KB
              </Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label="申请时间">{fmtDateTime(d.appliedAt)}</Descriptions.Item>
            <Descriptions.Item label="星级" span={2}>
              <RatingCell rating={d.rating} />
              {d.rating.recentBadRecords > 0 && (
                <Tag color="red">一年内不良记录 {d.rating.recentBadRecords} 次</Tag>
              )}
            </Descriptions.Item>
            {d.decidedAt && (
              <Descriptions.Item label="审核" span={2}>
                {fmtDateTime(d.decidedAt)} {d.decidedBy} {d.decisionNote}
              </Descriptions.Item>
            )}
            {d.suspendedAt && (
              <Descriptions.Item label="暂停" span={2}>
                {fmtDateTime(d.suspendedAt)} {d.suspendReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="服务介绍" span={2}>
              {d.description ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            现场核实
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.visitRecords}
            columns={[
              { title: '日期', dataIndex: 'visitedOn', width: 110 },
              {
                title: '结果',
                dataIndex: 'result',
                width: 90,
                render: (r: 'confirmed' | 'failed') => visitResultLabels[r],
              },
              { title: '情况', dataIndex: 'note' },
              { title: '记录人', dataIndex: 'recordedBy', width: 100 },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            协会、商会推荐
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.recommendationRecords}
            columns={[
              { title: '协会或商会', dataIndex: 'association' },
              { title: '说明', dataIndex: 'note' },
              {
                title: '登记时间',
                dataIndex: 'recordedAt',
                width: 140,
                render: (v: string) => fmtDateTime(v),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            信用记录
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.creditRecords}
            columns={[
              { title: '时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => fmtDateTime(v) },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 100,
                render: (k: keyof typeof creditRecordKindLabels) => (
                  <Tag color="red">{creditRecordKindLabels[k]}</Tag>
                ),
              },
              { title: '工单', dataIndex: 'ticketId', width: 80, render: (v: number | null) => v ?? '—' },
              { title: '说明', dataIndex: 'note' },
              {
                title: '记录人',
                dataIndex: 'recordedBy',
                width: 100,
                render: (v: string | null) => v ?? '系统',
              },
            ]}
          />
        </>
      )}
      {d && action && <ActionModal id={d.id} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
