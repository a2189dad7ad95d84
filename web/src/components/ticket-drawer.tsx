import { ExportOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { TicketDetailView } from '../features/ticket-detail';

/** The selected order (URL parameter `open`) in a side drawer, so the queue stays in view. */
export function useOpenTicket() {
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('open')) || null;
  const setOpen = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('open', String(id));
    else next.delete('open');
    setParams(next, { replace: true });
  };
  return { openId, setOpen };
}

export function TicketDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const navigate = useNavigate();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={900}
      title="工单详情"
      destroyOnHidden
      mask={{ closable: true }}
      styles={{ body: { padding: 10, background: '#f5f5f5' } }}
      extra={
        id ? (
          <Button icon={<ExportOutlined />} onClick={() => void navigate(`/tickets/${id}`)}>
            在详情页打开
          </Button>
        ) : null
      }
    >
      {id ? <TicketDetailView id={id} stacked /> : null}
    </Drawer>
  );
}
