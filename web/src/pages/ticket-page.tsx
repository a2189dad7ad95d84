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
        onClick={() => void navigate(-1)}
      >
        返回
      </Button>
      <TicketDetailView id={n} />
    </div>
  );
}
