import { Empty, Select, Space, Spin, Typography } from 'antd';
import { plainText } from '../../../../common/plain-text';
import { useMemo, useState } from 'react';
import { lineDiff } from '../../../../common/line-diff';
import { useArticleVersions } from '../../api/kb';
import { useArticleVersion, type VersionSnapshot } from '../../api/kb-review';

const fieldRows: { key: keyof VersionSnapshot; label: string }[] = [
  { key: 'title', label: '标题' },
  { key: 'categoryLabel', label: '问题分类' },
  { key: 'unitLabel', label: '维护单位' },
  { key: 'keywords', label: '关键词' },
  { key: 'validFrom', label: '生效日期' },
  { key: 'validUntil', label: '失效日期' },
  { key: 'reviewBy', label: '复核日期' },
];
const show = (v: unknown) =>
  Array.isArray(v) ? v.map(plainText).join('、') : v === null || v === '' ? '（空）' : plainText(v);

const colors = {
  same: { background: 'transparent', color: '#595959', mark: ' ' },
  removed: { background: '#fff1f0', color: '#a8071a', mark: '−' },
  added: { background: '#f6ffed', color: '#237804', mark: '+' },
} as const;

/** 版本对比: two versions of an article side by side — the fields that differ, and the text line by line. */
export function VersionDiff({ id }: { id: number }) {
  const versions = useArticleVersions(id);
  const numbers = (versions.data?.items ?? []).map((v) => v.version).sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1] ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? (numbers.length > 1 ? (numbers[numbers.length - 2] ?? null) : null);
  const b = to ?? latest;
  const left = useArticleVersion(id, a);
  const right = useArticleVersion(id, b);
  const lines = useMemo(
    () => (left.data && right.data ? lineDiff(left.data.snapshot.body, right.data.snapshot.body) : []),
    [left.data, right.data],
  );
  if (numbers.length < 2) return <Empty description="只有一个版本，暂无可对比的内容" />;
  const options = numbers.map((n) => ({ value: n, label: `第 ${n} 版` }));
  const changed =
    left.data && right.data
      ? fieldRows.filter((f) => show(left.data.snapshot[f.key]) !== show(right.data.snapshot[f.key]))
      : [];
  return (
    <div data-testid="kb-version-diff">
      <Space style={{ marginBottom: 8 }}>
        对比
        <Select size="small" style={{ width: 96 }} value={a} options={options} onChange={setFrom} />
        与
        <Select size="small" style={{ width: 96 }} value={b} options={options} onChange={setTo} />
      </Space>
      {(left.isLoading || right.isLoading) && <Spin />}
      {left.data && right.data && (
        <>
          {changed.length === 0 ? (
            <Typography.Paragraph type="secondary">
              标题、分类、单位、关键词、日期均未变化。
            </Typography.Paragraph>
          ) : (
            changed.map((f) => (
              <div key={f.key} style={{ fontSize: 12 }}>
                {f.label}：<del style={{ color: '#a8071a' }}>{show(left.data.snapshot[f.key])}</del> →{' '}
                <span style={{ color: '#237804' }}>{show(right.data.snapshot[f.key])}</span>
              </div>
            ))
          )}
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            正文（删除 {lines.filter((l) => l.kind === 'removed').length} 行，新增{' '}
            {lines.filter((l) => l.kind === 'added').length} 行）
          </Typography.Text>
          <pre
            style={{
              fontSize: 12,
              border: '1px solid #f0f0f0',
              borderRadius: 4,
              maxHeight: 420,
              overflow: 'auto',
              margin: 0,
              whiteSpace: 'pre-wrap',
            }}
          >
            {lines.map((l, i) => (
              <div
                key={i}
                style={{
                  background: colors[l.kind].background,
                  color: colors[l.kind].color,
                  padding: '0 6px',
                }}
              >
                {colors[l.kind].mark} {l.text || ' '}
              </div>
            ))}
          </pre>
        </>
      )}
    </div>
  );
}
