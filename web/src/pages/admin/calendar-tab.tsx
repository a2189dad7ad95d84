import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { serviceYear } from '../../../../common/service-time';
import { api, errorText } from '../../api/client';
import { useCalendarYear, type CalendarDay } from '../../api/calendar';
import { useServerClock } from '../../api/queries';
import { XlsxExportButton } from '../../components/xlsx-export-button';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date `YYYY-MM-DD`. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

const weekdayHead = ['一', '二', '三', '四', '五', '六', '日'];

function Month({ year, month, special }: { year: number; month: number; special: Map<string, CalendarDay> }) {
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const next =
    month === 12
      ? dayNumber(`${year + 1}-01-01`)
      : dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`);
  const lead = (new Date(first * 86_400_000).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = first; d < next; d++) cells.push(dateOf(d));
  return (
    <Card size="small" title={`${month}月`} styles={{ body: { padding: 6 } }}>
      <div className="cal-grid">
        {weekdayHead.map((w) => (
          <div key={w} className="cal-head">
            {w}
          </div>
        ))}
        {cells.map((date, i) => {
          if (!date) return <div key={`e${i}`} />;
          const s = special.get(date);
          const weekday = (new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7;
          const cls = s
            ? s.kind === 'holiday'
              ? 'cal-holiday'
              : s.kind === 'makeup'
                ? 'cal-makeup'
                : ''
            : weekday >= 5
              ? 'cal-weekend'
              : '';
          const cell = (
            <div key={date} className={`cal-day ${cls}`} data-date={date}>
              {Number(date.slice(8))}
            </div>
          );
          return s ? (
            <Tooltip key={date} title={`${s.name ?? ''}${s.kind === 'holiday' ? ' 放假' : ' 调休上班'}`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </Card>
  );
}

interface ImportResult {
  calendarVersion: number;
  year: number;
  checked: number;
  changed: number;
}

/**
 * Import of a year's official schedule (holiday-cn JSON: { year, days: [{ name, date, isOffDay }] }).
 * The server stores a new calendar version and recomputes the deadlines of open orders.
 */
function ImportButton({ onImported }: { onImported: (year: number) => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File) => {
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text()) as unknown;
    } catch {
      message.error('文件不是合法的 JSON');
      return;
    }
    setBusy(true);
    try {
      const r = await api<ImportResult>('/api/admin/calendar/import', { method: 'POST', body: doc });
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      await qc.invalidateQueries({ queryKey: ['rules'] });
      await qc.invalidateQueries({ queryKey: ['tickets'] });
      modal.success({
        title: `已导入 ${r.year} 年放假安排`,
        content: `日历版本 ${r.calendarVersion}；检查在办工单 ${r.checked} 件，其中 ${r.changed} 件时限已重算并记入办理记录。`,
      });
      onImported(r.year);
    } catch (e) {
      message.error(`导入失败：${errorText(e)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void onFile(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        导入放假安排
      </Button>
    </>
  );
}

/** The working-day calendar of a year: holidays and make-up working days. */
export function CalendarTab() {
  const clock = useServerClock();
  const thisYear = serviceYear(clock.data ? clock.data.now : Date.now());
  const [year, setYear] = useState<number | null>(null);
  const y = year ?? thisYear;
  const cal = useCalendarYear(y);
  const special = new Map((cal.data?.days ?? []).map((d) => [d.date, d]));
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => setYear(y - 1)}>上一年</Button>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {y} 年
        </Typography.Text>
        <Button onClick={() => setYear(y + 1)}>下一年</Button>
        <ImportButton onImported={setYear} />
        <XlsxExportButton path="/api/calendar/export.xlsx" query={{ year: y }} fileName={`工作日历-${y}`} />
        {cal.data && (
          <>
            <Tag color={cal.data.provisional ? 'warning' : 'success'}>
              {cal.data.provisional ? '暂估（放假安排未公布）' : '国务院办公厅放假安排'}
            </Tag>
            <Typography.Text>全年工作日 {cal.data.workingDays} 天</Typography.Text>
            <Typography.Text type="secondary">日历版本 {cal.data.calendarVersion}</Typography.Text>
          </>
        )}
        <span className="cal-legend">
          <span className="cal-day cal-holiday">休</span>法定节假日
          <span className="cal-day cal-makeup">班</span>调休上班
          <span className="cal-day cal-weekend">六</span>周末
        </span>
      </Space>
      {cal.isError && <Alert type="error" showIcon title={errorText(cal.error)} />}
      {cal.data?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="该年度放假安排尚未导入：按周末及法定节日暂估，涉及该年度的时限标记为“暂估”，导入后自动重算在办工单"
        />
      )}
      <Row gutter={[8, 8]}>
        {Array.from({ length: 12 }, (_, i) => (
          <Col key={i} xs={12} md={8} xl={6} xxl={4}>
            <Month year={y} month={i + 1} special={special} />
          </Col>
        ))}
      </Row>
      {cal.data && cal.data.holidays.length > 0 && (
        <Card size="small" title="放假安排" style={{ marginTop: 8 }}>
          {cal.data.holidays.map((h) => (
            <Tag key={h.from} style={{ marginBottom: 4 }}>
              {h.name} {h.from.slice(5)}
              {h.to !== h.from ? ` 至 ${h.to.slice(5)}` : ''}（{h.days} 天）
            </Tag>
          ))}
          {cal.data.makeupDays.map((m) => (
            <Tag key={m.date} color="orange" style={{ marginBottom: 4 }}>
              {m.name}调休 {m.date.slice(5)} 上班
            </Tag>
          ))}
        </Card>
      )}
    </div>
  );
}
