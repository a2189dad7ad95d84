import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { TicketDetailView } from '../features/ticket-detail';

export function TicketPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) return <Result status="404" title="工单不存在" />;
  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInlineStart: 0, marginBottom: 4 }}
        onClick={() => {
          // Back to where the user came from, or to the order list when opened directly.
          const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
          void (idx > 0 ? navigate(-1) : navigate('/tickets'));
        }}
      >
        返回
      </Button>
      <TicketDetailView id={n} />
    </div>
  );
}
