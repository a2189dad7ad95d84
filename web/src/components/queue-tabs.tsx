import { Badge, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTicketCount } from '../api/queries';
import type { TicketListQuery } from '../api/types';
import type { TicketColumn, TicketFilter } from './ticket-table';
import { TicketTable } from './ticket-table';
import { TicketDrawer, useOpenTicket } from './ticket-drawer';

export interface QueueTab {
  key: string;
  label: string;
  query: TicketListQuery;
  filters?: TicketFilter[];
  columns?: readonly TicketColumn[];
  defaultSort?: 'received' | '-received' | 'due' | '-due';
  /** Show the count of orders in the tab label. */
  counted?: boolean;
}

function TabLabel({ tab }: { tab: QueueTab }) {
  const { count } = useTicketCount(tab.query);
  return (
    <span data-testid={`tab-${tab.key}`}>
      {tab.label}
      {tab.counted !== false && (
        <Badge
          count={count ?? 0}
          showZero={false}
          size="small"
          offset={[4, -2]}
          color={count ? '#1677ff' : undefined}
        />
      )}
    </span>
  );
}

/** Work queues as tabs (state in the URL); a row opens the order in a drawer. */
export function QueueTabs({ tabs, exportName }: { tabs: QueueTab[]; exportName: string }) {
  const [params, setParams] = useSearchParams();
  const { openId, setOpen } = useOpenTicket();
  const active = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0]?.key;
  return (
    <>
      <Tabs
        size="small"
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams();
          next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={tabs.map((t) => ({
          key: t.key,
          label: <TabLabel tab={t} />,
          children:
            t.key === active ? (
              <TicketTable
                baseQuery={t.query}
                filters={t.filters}
                columns={t.columns}
                defaultSort={t.defaultSort}
                exportName={`${exportName}-${t.label}`}
                onOpen={(item) => setOpen(item.id)}
                selectedId={openId}
                refetchInterval={60_000}
              />
            ) : null,
        }))}
      />
      <TicketDrawer id={openId} onClose={() => setOpen(null)} />
    </>
  );
}
