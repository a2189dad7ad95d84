import { Alert, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useSubmission } from '../api/use-submission';
import type { CallerView, TicketDetail } from '../api/types';
import { ProtectedCallerNotice } from './complained-party';

/** The caller as this viewer may see them (masked, confidential, protected), with an audited reveal. */
export function CallerBlock({ t }: { t: TicketDetail }) {
  const [revealed, setRevealed] = useState<CallerView | null>(null);
  const [asking, setAsking] = useState(false);
  const c = revealed ?? t.caller;
  if (c.protected) return <ProtectedCallerNotice />;
  if (c.confidential && !c.name && !c.phone) {
    return (
      <Alert
        type="warning"
        showIcon
        title="来电人要求保密：身份与联系方式不向承办单位提供，如需联系请通过热线平台转接"
      />
    );
  }
  return (
    <Space size={12} wrap>
      <span data-testid="caller-name">{c.name ?? '—'}</span>
      <span data-testid="caller-phone">{c.phone ?? '—'}</span>
      <Typography.Text type="secondary">{c.address ?? ''}</Typography.Text>
      {c.confidential && <Tag color="warning">保密</Tag>}
      {c.masked && (
        <>
          <Typography.Text type="secondary">（已按权限脱敏）</Typography.Text>
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setAsking(true)}>
            查看完整信息
          </Button>
        </>
      )}
      {revealed && <Tag color="orange">已记录查看</Tag>}
      {asking && <RevealModal ticketId={t.id} onClose={() => setAsking(false)} onRevealed={setRevealed} />}
    </Space>
  );
}

/** Unmasking the caller needs a reason; the server records every reveal in the audit log. */
function RevealModal({
  ticketId,
  onClose,
  onRevealed,
}: {
  ticketId: number;
  onClose: () => void;
  onRevealed: (c: CallerView) => void;
}) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmission();
  const submit = async () => {
    if (reason.trim().length < 2) {
      setError('请说明查看理由');
      return;
    }
    await run(async () => {
      onRevealed(
        await api<CallerView>(`/api/tickets/${ticketId}/reveal-caller`, {
          method: 'POST',
          body: { reason: reason.trim() },
        }),
      );
      onClose();
    });
  };
  return (
    <Modal
      open
      title="查看来电人完整信息"
      okText="查看"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy }}
    >
      <Typography.Paragraph type="secondary">查看操作将记入审计日志，请说明理由。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        placeholder="如：需回拨核实诉求细节"
        autoSize={{ minRows: 2 }}
      />
    </Modal>
  );
}
