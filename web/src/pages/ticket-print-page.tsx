import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { channelLabels, stageLabels, ticketTypeLabels } from '../../../common/enums';
import { labelOf, ticketStatusLabels } from '../../../common/ticket-vocabulary';
import { errorText } from '../api/client';
import { useTicket, useTicketEvents, useUnits } from '../api/queries';
import type { TicketDetail } from '../api/types';
import { payloadLines } from '../features/event-timeline';
import { fmtDateTime } from '../lib/format';

/** The caller exactly as this viewer may see them (masked, confidential or protected). */
function callerText(t: TicketDetail): string {
  const c = t.caller;
  if (c.protected) return '（投诉人保护：来电人信息不向被投诉单位提供）';
  if (c.confidential && !c.name && !c.phone) return '保密（身份与联系方式不向承办单位提供）';
  const text = [c.name, c.phone, c.address].filter(Boolean).join('  ') || '—';
  return c.confidential ? `${text}（保密）` : text;
}

/** 交办单: the printable sheet of one order, printed as soon as it is loaded. */
export function TicketPrintPage() {
  const { id } = useParams();
  const n = Number(id);
  const navigate = useNavigate();
  const q = useTicket(n);
  const ev = useTicketEvents(n);
  const units = useUnits();
  const printed = useRef(false);
  const ready = !!q.data && !!ev.data;
  useEffect(() => {
    if (!ready || printed.current) return;
    printed.current = true;
    window.print();
  }, [ready]);

  if (!Number.isInteger(n) || n <= 0) return <Result status="404" title="工单不存在" />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  if (!q.data) return <Skeleton active />;
  const t = q.data;
  const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const unitName = (v: unknown) => (typeof v === 'number' ? (names.get(v) ?? `单位 #${v}`) : String(v));
  const active = t.assignments.filter((a) => a.active);
  const lead = active.filter((a) => a.role === 'lead').map((a) => a.unitName);
  const co = active.filter((a) => a.role !== 'lead').map((a) => a.unitName);
  const rows: [string, string][] = [
    ['工单编号', t.ticketNo],
    ['受理时间', fmtDateTime(t.receivedAt)],
    ['来源渠道', channelLabels[t.channel]],
    ['诉求类型', ticketTypeLabels[t.type]],
    ['当前状态', t.statusLabel],
    ['来电人', callerText(t)],
    ['问题分类', t.categoryName ?? '—'],
    ['所在区', t.location.region ?? '—'],
    ['问题地点', t.location.address ?? '—'],
    ['主办单位', lead.join('、') || t.leadUnitName || '—'],
    ['协办单位', co.join('、') || '—'],
  ];

  return (
    <div className="print-sheet" data-testid="print-sheet-page">
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/tickets/${t.id}`)}>
          返回工单
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <h1 className="sheet-title">云川市12345政务服务便民热线 交办单</h1>
      <table className="sheet-table">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td data-testid={k === '工单编号' ? 'sheet-ticket-no' : undefined}>{v}</td>
            </tr>
          ))}
          <tr>
            <th>诉求内容</th>
            <td className="sheet-pre" data-testid="sheet-content">
              {t.content}
              {t.demand ? `\n主要诉求：${t.demand}` : ''}
            </td>
          </tr>
          {t.answer ? (
            <tr>
              <th>直接答复</th>
              <td className="sheet-pre">{t.answer}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2 className="sheet-section">办理时限</h2>
      <table className="sheet-table">
        <thead>
          <tr>
            <th>环节</th>
            <th>截止时间</th>
            <th>完成时间</th>
          </tr>
        </thead>
        <tbody>
          {t.deadlineDetails.length === 0 ? (
            <tr>
              <td colSpan={3}>派单后生成办理时限</td>
            </tr>
          ) : (
            t.deadlineDetails.map((d) => (
              <tr key={d.stage}>
                <td>{stageLabels[d.stage] ?? d.stage}</td>
                <td>{fmtDateTime(d.dueAt)}</td>
                <td>{d.metAt ? fmtDateTime(d.metAt) : '—'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <h2 className="sheet-section">办理记录</h2>
      <table className="sheet-table sheet-events">
        <thead>
          <tr>
            <th>时间</th>
            <th>环节</th>
            <th>办理人</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {(ev.data ?? []).map((e) => (
            <tr key={e.seq}>
              <td>{fmtDateTime(e.at)}</td>
              <td>
                {e.actionLabel}
                {e.toStatus && e.fromStatus !== e.toStatus
                  ? ` → ${labelOf(ticketStatusLabels, e.toStatus)}`
                  : ''}
              </td>
              <td>
                {e.actorName ?? (e.party === 'system' ? '系统' : '—')}
                {e.actorUnitName ? ` · ${e.actorUnitName}` : ''}
              </td>
              <td className="sheet-pre">
                {payloadLines(e, unitName)
                  .map(([k, v]) => `${k}：${v}`)
                  .join('\n')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet-foot">打印时间：{fmtDateTime(new Date().toISOString())}　承办单位签收：</p>
    </div>
  );
}
