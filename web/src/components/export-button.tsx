import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Progress } from 'antd';
import { useRef, useState } from 'react';
import { ticketExportCells, ticketExportColumns } from '../../../common/ticket-export-row';
import { errorText } from '../api/client';
import { fetchTickets } from '../api/queries';
import type { TicketListItem, TicketListQuery } from '../api/types';
import { downloadText, toCsv } from '../lib/csv';
import { fmtDateTime } from '../lib/format';

/** Export of everything at most this many orders (the API pages 200 at a time). */
export const EXPORT_LIMIT = 5000;
const PAGE = 200;

const header = ticketExportColumns.map((c) => c.header);
const row = (t: TicketListItem) => ticketExportCells(t, fmtDateTime);

function stamp() {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** CSV export of the current view: this page, or every page up to EXPORT_LIMIT with progress. */
export function ExportButton({
  name,
  query,
  pageItems,
  total,
}: {
  name: string;
  query: TicketListQuery;
  pageItems: TicketListItem[];
  total: number;
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const abort = useRef<AbortController | null>(null);

  const exportPage = () => {
    downloadText(`${name}-本页-${stamp()}.csv`, toCsv(header, pageItems.map(row)));
  };

  const exportAll = async () => {
    const of = Math.min(total, EXPORT_LIMIT);
    const ctl = new AbortController();
    abort.current = ctl;
    setProgress({ done: 0, of });
    const items: TicketListItem[] = [];
    try {
      for (let page = 1; items.length < of; page++) {
        const res = await fetchTickets({ ...query, page, pageSize: PAGE }, ctl.signal);
        items.push(...res.items);
        setProgress({ done: Math.min(items.length, of), of });
        if (res.items.length < PAGE) break;
      }
      downloadText(`${name}-${stamp()}.csv`, toCsv(header, items.slice(0, of).map(row)));
      if (total > EXPORT_LIMIT) {
        message.warning(`共 ${total} 条，已导出前 ${EXPORT_LIMIT} 条，请缩小筛选范围后分批导出`);
      } else {
        message.success(`已导出 ${items.length} 条`);
      }
    } catch (e) {
      if (!ctl.signal.aborted) message.error(`导出失败：${errorText(e)}`);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'page', label: `导出本页（${pageItems.length} 条）`, disabled: pageItems.length === 0 },
            {
              key: 'all',
              label: `导出全部筛选结果（${Math.min(total, EXPORT_LIMIT)} 条）`,
              disabled: total === 0,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'page') exportPage();
            else void exportAll();
          },
        }}
      >
        <Button icon={<DownloadOutlined />}>导出</Button>
      </Dropdown>
      <Modal
        open={progress !== null}
        title="正在导出"
        okButtonProps={{ style: { display: 'none' } }}
        cancelText="取消导出"
        onCancel={() => abort.current?.abort()}
        mask={{ closable: false }}
      >
        <Progress percent={progress && progress.of ? Math.round((progress.done / progress.of) * 100) : 0} />
        <div>
          已获取 {progress?.done ?? 0} / {progress?.of ?? 0} 条
        </div>
      </Modal>
    </>
  );
}
