import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReportFormat, ReportParagraph } from '../../../../common/contracts/reports';
import { errorText } from '../../api/client';
import { useDownloadPeriodicReport, usePeriodicReport } from '../../api/reports';
import { PageTitle } from '../../components/page-title';
import { BriefForm } from '../../features/brief-form';
import { ReportPreview } from '../../features/report-preview';
import { SchemePeriodPicker, useSchemePeriod } from '../../features/scheme-period-picker';

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
  const sp = useSchemePeriod();
  const { scheme, period } = sp;

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

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <SchemePeriodPicker sp={sp} schemeWidth={340} periodAria="报告期间" />
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
