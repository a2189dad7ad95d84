import { Alert, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import {
  profileRuleRows,
  type ProfileData,
  type ProfileRuleRow,
} from '../../../../common/profile-rules-text';
import { errorText } from '../../api/client';
import { useRules } from '../../api/queries';

/** The active policy profile, read-only (profiles are data files chosen at start). */
export function PolicyTab() {
  const rules = useRules();
  if (rules.isLoading) return <Skeleton active />;
  if (rules.isError || !rules.data) return <Alert type="error" showIcon title={errorText(rules.error)} />;
  const p = rules.data.profile;
  const rows = profileRuleRows(p as unknown as ProfileData);
  return (
    <div style={{ maxWidth: 1100 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title="政策配置为只读：时限规则以配置文件形式维护，启动时通过 CIVICLINE_PROFILE 选择；已生成的工单时限随规则版本一并保存"
      />
      <Card size="small" title="当前规则" style={{ marginBottom: 8 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'name', label: '规则名称', children: p.name },
            { key: 'id', label: '标识', children: <Tag>{p.id}</Tag> },
            { key: 'ver', label: '版本', children: p.version },
            {
              key: 'reg',
              label: '依据文件',
              span: 2,
              children: p.regulation ? regulationLine(p.regulation) : '—',
            },
            { key: 'cal', label: '日历版本', children: rules.data.calendarVersion },
            {
              key: 'sat',
              label: '满意度',
              span: 3,
              children: p.satisfaction
                ? `${p.satisfaction.scale.map((s) => s.label).join(' / ')}；计为满意：${p.satisfaction.scale
                    .filter((s) => p.satisfaction?.satisfied.includes(s.value))
                    .map((s) => s.label)
                    .join('、')}`
                : '—',
            },
            {
              key: 'years',
              label: '已导入放假安排',
              span: 3,
              children: `${rules.data.coveredYears[0] ?? ''} — ${rules.data.coveredYears[rules.data.coveredYears.length - 1] ?? ''} 年`,
            },
          ]}
        />
      </Card>
      <Card size="small" title="时限规则" style={{ marginBottom: 8 }} data-testid="profile-rules">
        <Table<ProfileRuleRow>
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '环节', dataIndex: 'stage', width: 120 },
            { title: '适用情形', dataIndex: 'when', width: 200 },
            { title: '规则', dataIndex: 'rule' },
            {
              title: '条款',
              dataIndex: 'article',
              width: 220,
              render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </div>
  );
}

/** 《title》 (issuer, docNo, date) as a citation line. */
function regulationLine(r: { title: string; issuer?: string; docNo?: string; date?: string }): string {
  const parts = [r.issuer, r.docNo, r.date].filter(Boolean);
  return parts.length ? `${r.title}（${parts.join('，')}）` : r.title;
}
