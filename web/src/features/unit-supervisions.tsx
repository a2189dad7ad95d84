import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { supervisionTriggerLabels, type SupervisionTrigger } from '../../../common/contracts/supervision';
import { periodLabel } from '../../../common/period';
import { api, errorText } from '../api/client';
import { XlsxExportButton } from '../components/xlsx-export-button';
import { useMe } from '../auth/auth-context';
import { fmtDateTime } from '../lib/format';

interface UnitSupervision {
  id: number;
  unitName: string;
  trigger: SupervisionTrigger;
  period: string;
  note: string;
  office: string | null;
  createdAt: string;
  respondBy: string | null;
  respondedAt: string | null;
  response: string | null;
  status: 'open' | 'overdue' | 'answered';
}

const statusTags = {
  open: <Tag color="blue">待答复</Tag>,
  overdue: <Tag color="red">逾期未答复</Tag>,
  answered: <Tag color="green">已答复</Tag>,
};

/**
 * 单位督办: units supervised for the month that ended (zibo-12345 §15(4) ranking among the last,
 * §15(5) knowledge base not kept up); the unit answers in writing.
 */
export function UnitSupervisions() {
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [answering, setAnswering] = useState<UnitSupervision | null>(null);
  const [text, setText] = useState('');
  const q = useQuery({
    queryKey: ['unit-supervisions'],
    queryFn: ({ signal }) => api<{ items: UnitSupervision[] }>('/api/unit-supervisions', { signal }),
  });
  const respond = useMutation({
    mutationFn: () =>
      api(`/api/unit-supervisions/${answering?.id ?? 0}/respond`, {
        method: 'POST',
        body: { text: text.trim() },
      }),
    onSuccess: () => {
      message.success('已答复');
      setAnswering(null);
      setText('');
      void qc.invalidateQueries({ queryKey: ['unit-supervisions'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const unitRole = me.role === 'handler' || me.role === 'unit-leader';
  return (
    <>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      <div style={{ marginBottom: 8 }}>
        <XlsxExportButton path="/api/unit-supervisions/export.xlsx" query={{}} fileName="单位督办" />
      </div>
      <Table<UnitSupervision>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="unit-supervisions"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无单位督办' }}
        expandable={{
          rowExpandable: (r) => !!r.response,
          expandedRowRender: (r) => `答复（${fmtDateTime(r.respondedAt)}）：${r.response ?? ''}`,
        }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180 },
          {
            title: '督办事由',
            dataIndex: 'trigger',
            width: 170,
            render: (v: SupervisionTrigger) => supervisionTriggerLabels[v],
          },
          { title: '期间', dataIndex: 'period', width: 100, render: (v: string) => periodLabel(v) },
          { title: '督办内容', dataIndex: 'note' },
          { title: '督办机构', dataIndex: 'office', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: '答复期限',
            dataIndex: 'respondBy',
            width: 140,
            render: (v: string | null) => fmtDateTime(v),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (v: UnitSupervision['status']) => statusTags[v],
          },
          ...(unitRole
            ? [
                {
                  title: '',
                  key: 'ops',
                  width: 70,
                  render: (_: unknown, r: UnitSupervision) =>
                    r.respondedAt ? null : (
                      <Button size="small" onClick={() => setAnswering(r)}>
                        答复
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={answering !== null}
        title="答复督办"
        okText="提交答复"
        onCancel={() => setAnswering(null)}
        okButtonProps={{ disabled: !text.trim(), loading: respond.isPending }}
        onOk={() => respond.mutate()}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="说明原因和整改措施"
          aria-label="答复内容"
        />
      </Modal>
    </>
  );
}
