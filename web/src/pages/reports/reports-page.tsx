import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Segmented, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ReportFormat, ReportParagraph } from '../../../../common/contracts/reports';
import {
  periodKind,
  periodKindLabels,
  periodLabel,
  periodOfDate,
  recentPeriods,
  type PeriodKind,
} from '../../../../common/period';
import { serviceDate } from '../../../../common/service-time';
import { useSchemes } from '../../api/assessment';
import { errorText } from '../../api/client';
import { useRules } from '../../api/queries';
import { useDownloadPeriodicReport, usePeriodicReport } from '../../api/reports';
import { PageTitle } from '../../components/page-title';
import { BriefForm } from '../../features/brief-form';
import { ReportPreview } from '../../features/report-preview';
import { useNow } from '../../lib/use-now';

const exportButtons: { format: ReportFormat; label: string; icon: React.ReactNode }[] = [
  { format: 'docx', label: '导出Word', icon: <FileWordOutlined /> },
  { format: 'xlsx', label: '导出Excel', icon: <FileExcelOutlined /> },
  { format: 'pdf', label: '导出PDF', icon: <FilePdfOutlined /> },
];

/** The generated paragraphs in text areas; what the user writes goes into the downloaded file. */
function ParagraphEditor({
  paragraphs,
  onChange,
  onReset,
}: {
  paragraphs: ReportParagraph[];
  onChange: (next: ReportParagraph[]) => void;
  onReset: () => void;
}) {
  return (
    <Card
      size="small"
      title="报告正文（可编辑，导出时使用修改后的文字）"
      extra={
        <Button size="small" icon={<UndoOutlined />} onClick={onReset}>
          恢复自动生成
        </Button>
      }
      style={{ marginBottom: 8 }}
      data-testid="report-paragraphs"
    >
      {paragraphs.map((p, i) => (
        <div key={p.key} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{p.title}</Typography.Text>
          <Input.TextArea
            aria-label={p.title}
            value={p.text}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            onChange={(e) =>
              onChange(paragraphs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))
            }
          />
        </div>
      ))}
    </Card>
  );
}

function PeriodicTab() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const today = serviceDate(useNow(60_000));
  const schemes = useSchemes();
  const rules = useRules();
  const defaultScheme =
    schemes.data?.find((s) => s.profile === rules.data?.profile.id)?.id ?? schemes.data?.[0]?.id;
  const scheme = params.get('scheme') ?? defaultScheme;
  const kind = (params.get('kind') as PeriodKind | null) ?? 'month';
  const period = params.get('period') ?? periodOfDate(kind, today);
  const set = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...next }, { replace: true });

  const report = usePeriodicReport(period, scheme);
  const download = useDownloadPeriodicReport();
  const [paragraphs, setParagraphs] = useState<ReportParagraph[]>([]);
  useEffect(() => {
    setParagraphs(report.data?.paragraphs ?? []);
  }, [report.data]);

  const exportAs = async (format: ReportFormat) => {
    try {
      const name = await download.mutateAsync({ period, format, ...(scheme ? { scheme } : {}), paragraphs });
      message.success(`已导出 ${name}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const periods = recentPeriods(kind, today, kind === 'month' ? 13 : kind === 'year' ? 4 : 6);

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 340 }}
          value={scheme}
          loading={schemes.isLoading}
          onChange={(v: string) => set({ scheme: v })}
          options={(schemes.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          aria-label="考核方案"
        />
        <Segmented<PeriodKind>
          value={periodKind(period)}
          options={(Object.keys(periodKindLabels) as PeriodKind[]).map((k) => ({
            value: k,
            label: periodKindLabels[k],
          }))}
          onChange={(k) => set({ kind: k, period: periodOfDate(k, today) })}
        />
        <Select
          style={{ width: 160 }}
          value={period}
          onChange={(v: string) => set({ period: v })}
          options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
          aria-label="报告期间"
        />
        {exportButtons.map((b) => (
          <Button
            key={b.format}
            icon={b.icon}
            type={b.format === 'docx' ? 'primary' : 'default'}
            disabled={!report.data}
            loading={download.isPending && download.variables.format === b.format}
            onClick={() => void exportAs(b.format)}
          >
            {b.label}
          </Button>
        ))}
      </Space>
      {report.isError && (
        <Alert type="error" showIcon title={errorText(report.error)} style={{ marginBottom: 8 }} />
      )}
      {report.isLoading && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      )}
      {report.data && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {report.data.title}：考核数据与“考核评价”同一方案、同一期间一致，截至{' '}
            {report.data.asOf.slice(0, 10)}；环比对象为{report.data.period.previousLabel}。
          </Typography.Paragraph>
          <ReportPreview r={report.data} />
          <ParagraphEditor
            paragraphs={paragraphs}
            onChange={setParagraphs}
            onReset={() => setParagraphs(report.data.paragraphs)}
          />
        </>
      )}
    </div>
  );
}

/**
 * 报表分析: the periodic analysis report of a month, quarter, half-year or year (preview, editable
 * text, export to Word, Excel, PDF) and 专报/简报 on chosen orders.
 */
export function ReportsPage() {
  return (
    <div>
      <PageTitle title="报表分析" />
      <Tabs
        size="small"
        items={[
          { key: 'periodic', label: '运行分析报告', children: <PeriodicTab /> },
          { key: 'brief', label: '专报/简报', children: <BriefForm /> },
        ]}
      />
    </div>
  );
}
