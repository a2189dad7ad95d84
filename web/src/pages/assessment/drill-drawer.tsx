import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { labelOf, ticketStatusLabels } from '../../../../common/ticket-vocabulary';
import type { DrillItem } from '../../../../common/contracts/assessment';
import { pct, useDrill } from '../../api/assessment';
import { errorText } from '../../api/client';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { fmtDateTime } from '../../lib/format';

export interface DrillTarget {
  scheme: string;
  period: string;
  unitId: number;
  unitName: string;
  indicator: string;
  indicatorName: string;
  kind: 'rate' | 'count';
}

/** The orders behind one unit's figure: counted in the numerator or only in the denominator. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const q = useDrill(
    target
      ? { scheme: target.scheme, period: target.period, unitId: target.unitId, indicator: target.indicator }
      : null,
  );
  const d = q.data;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={900}
      title={target ? `${target.unitName} · ${target.indicatorName}` : ''}
      extra={
        target && (
          <XlsxExportButton
            path="/api/assessment/drill/export.xlsx"
            query={{
              scheme: target.scheme,
              period: target.period,
              unitId: target.unitId,
              indicator: target.indicator,
            }}
            fileName={`考核明细-${target.unitName}-${target.indicatorName}-${target.period}`}
          />
        )
      }
      destroyOnHidden
    >
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      {d && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {d.definition}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="drill-summary">
            {target?.kind === 'rate'
              ? `分子 ${d.numerator} 件 / 分母 ${d.denominator} 件 = ${pct(d.denominator ? d.numerator / d.denominator : null)}`
              : `共 ${d.numerator} 件`}
            {d.truncated ? '（仅列出前 500 件）' : ''}
          </Typography.Paragraph>
        </>
      )}
      <Table<DrillItem>
        size="small"
        rowKey="ticketId"
        loading={q.isLoading}
        dataSource={d?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件` }}
        columns={[
          {
            title: '工单编号',
            dataIndex: 'ticketNo',
            width: 130,
            render: (v: string, r) => <Link to={`/tickets/${r.ticketId}`}>{v}</Link>,
          },
          {
            title: '计入',
            dataIndex: 'counts',
            width: 70,
            render: (v: string) => (v === 'numerator' ? <Tag color="blue">分子</Tag> : <Tag>分母</Tag>),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (v: string) => labelOf(ticketStatusLabels, v),
          },
          { title: '派单时间', dataIndex: 'dispatchedAt', width: 140, render: (v: string) => fmtDateTime(v) },
          {
            title: '办理时限',
            dataIndex: 'handleDueAt',
            width: 140,
            render: (v: string | null) => fmtDateTime(v),
          },
          {
            title: '办结时间',
            dataIndex: 'completedAt',
            width: 140,
            render: (v: string | null) => fmtDateTime(v),
          },
          {
            title: '按期',
            dataIndex: 'onTime',
            width: 60,
            render: (v: boolean | null) => (v === null ? '—' : v ? '是' : <Tag color="red">否</Tag>),
          },
        ]}
      />
    </Drawer>
  );
}
