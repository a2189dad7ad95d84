import type { BigscreenResponse } from '../../../../common/contracts/bigscreen';
import { formatServiceTime } from '../../../../common/service-time';
import { screen } from './theme';

const row = {
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  fontSize: 18,
  color: screen.text,
  padding: '5px 0',
} as const;
const empty = (text: string) => (
  <div style={{ color: screen.dim, fontSize: 18, paddingTop: 24, textAlign: 'center' }}>{text}</div>
);

/** 热点诉求: the words that rose, with their orders and growth. */
export function HotTopicList({ topics }: { topics: BigscreenResponse['hotTopics'] }) {
  if (topics.length === 0) {
    return <div data-testid="bigscreen-hot-topics">{empty('近7日无明显上升的诉求热点')}</div>;
  }
  const max = Math.max(...topics.map((t) => t.count));
  return (
    <div data-testid="bigscreen-hot-topics">
      {topics.slice(0, 9).map((t, i) => (
        <div key={t.term} style={row}>
          <span
            style={{
              width: 28,
              textAlign: 'center',
              borderRadius: 4,
              background: i < 3 ? screen.orange : screen.border,
              color: '#fff',
              fontWeight: 700,
            }}
          >
            {i + 1}
          </span>
          <span style={{ width: 110, fontWeight: 600 }}>{t.term}</span>
          <span style={{ flex: 1, height: 10, background: 'rgba(27,78,140,0.4)', borderRadius: 5 }}>
            <span
              style={{
                display: 'block',
                height: 10,
                width: `${(t.count / max) * 100}%`,
                background: `linear-gradient(90deg, ${screen.accent}, ${screen.orange})`,
                borderRadius: 5,
              }}
            />
          </span>
          <span style={{ width: 64, textAlign: 'right' }}>{t.count} 件</span>
          <span style={{ width: 76, textAlign: 'right', color: screen.red }}>↑{t.growth}倍</span>
        </div>
      ))}
    </div>
  );
}

const lightText: Record<string, { text: string; color: string }> = {
  red: { text: '红灯', color: screen.red },
  overdue: { text: '超期', color: screen.orange },
};

/** 红灯工单: open orders on red or overdue, the longest overdue first. */
export function RedLightList({ items }: { items: BigscreenResponse['redLights'] }) {
  if (items.length === 0) return empty('当前无红灯、超期工单');
  return (
    <div data-testid="bigscreen-red-lights">
      {items.slice(0, 7).map((r) => {
        const l = lightText[r.light] ?? { text: r.light, color: screen.dim };
        return (
          <div key={r.id} style={{ ...row, fontSize: 16 }}>
            <span style={{ color: '#fff', background: l.color, borderRadius: 4, padding: '0 8px' }}>
              {l.text}
            </span>
            <span style={{ width: 130, fontFamily: 'monospace' }}>{r.ticketNo}</span>
            <span style={{ width: 200, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
              {r.unitName ?? '（待派单）'}
            </span>
            <span
              style={{
                flex: 1,
                overflow: 'hidden',
                whiteSpace: 'nowrap',
                textOverflow: 'ellipsis',
                color: screen.dim,
              }}
            >
              {[r.region, r.categoryName].filter(Boolean).join(' · ')}
            </span>
            <span style={{ color: screen.dim }}>
              {r.dueAt ? `时限 ${formatServiceTime(r.dueAt, 'short')}` : ''}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** 考核排名: the month's ranking, the first and the last places. */
export function RankingList({ ranking }: { ranking: BigscreenResponse['ranking'] }) {
  if (ranking.units.length === 0) return empty('本月尚无派单，暂无排名');
  const n = ranking.units.length;
  const shown = n <= 10 ? ranking.units : [...ranking.units.slice(0, 7), ...ranking.units.slice(-3)];
  return (
    <div data-testid="bigscreen-ranking">
      {shown.map((u) => {
        const bottom = n > 3 && u.rank > n - 3;
        return (
          <div key={`${u.rank}-${u.unitName}`} style={row}>
            <span
              style={{
                width: 36,
                color: u.rank <= 3 ? screen.yellow : bottom ? screen.red : screen.dim,
                fontWeight: 700,
              }}
            >
              {u.rank}
            </span>
            <span style={{ flex: 1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
              {u.unitName}
            </span>
            <span style={{ color: bottom ? screen.red : screen.green, fontWeight: 600 }}>
              {u.score === null ? '—' : u.score.toFixed(2)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
