import { useEffect, useState } from 'react';
import { formatServiceTime } from '../../../common/service-time';
import { useBigscreen, useCityMap } from '../api/trends';
import { DistrictMap, HourlyIntake, VolumeTrend } from '../features/bigscreen/charts';
import { HotTopicList, RankingList, RedLightList } from '../features/bigscreen/lists';
import { Figure, Panel, screen } from '../features/bigscreen/theme';

const W = 1920;
const H = 1080;

/** The 1920×1080 canvas scaled to the window, centred (the wall's own resolution, any monitor). */
function useScale(): number {
  const fit = () => Math.min(window.innerWidth / W, window.innerHeight / H);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const on = () => setScale(fit());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return scale;
}

/**
 * 大屏 (/bigscreen): the hall's wall screen. Dark, fixed 1920×1080 layout scaled to the window,
 * refreshed every 30 seconds, nothing to click: today's intake, the live counters, the districts,
 * hot topics, red lights, the ranking and the volume forecast.
 */
export function BigscreenPage() {
  const scale = useScale();
  const q = useBigscreen();
  const geo = useCityMap();
  const d = q.data;
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
  return (
    <div style={{ position: 'fixed', inset: 0, background: screen.bg, overflow: 'hidden' }}>
      <div
        data-testid="bigscreen"
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: '0 0',
          position: 'absolute',
          left: (window.innerWidth - W * scale) / 2,
          top: (window.innerHeight - H * scale) / 2,
          background: `radial-gradient(ellipse at 50% 40%, #0c2a57 0%, ${screen.bg} 70%)`,
          color: screen.text,
          padding: '0 20px 20px',
          boxSizing: 'border-box',
          display: 'grid',
          gridTemplateRows: '84px 1fr',
          rowGap: 12,
        }}
      >
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `2px solid ${screen.border}`,
          }}
        >
          <span style={{ width: 420, fontSize: 20, color: screen.dim }}>{d ? `${d.today}` : ''}</span>
          <h1
            style={{
              margin: 0,
              fontSize: 38,
              letterSpacing: 6,
              color: '#fff',
              textShadow: `0 0 18px ${screen.accent}`,
            }}
          >
            12345 政务服务便民热线 · 运行态势
          </h1>
          <span style={{ width: 420, textAlign: 'right', fontSize: 18, color: screen.dim }}>
            {q.isError
              ? '数据刷新失败，稍后自动重试'
              : d
                ? `每30秒自动刷新 · 更新于 ${formatServiceTime(d.generatedAt, 'second').slice(11)}`
                : '加载中…'}
          </span>
        </header>
        {d && (
          <div
            style={{ display: 'grid', gridTemplateColumns: '540px 1fr 540px', columnGap: 16, minHeight: 0 }}
          >
            <div style={{ display: 'grid', gridTemplateRows: '300px 1fr 1fr', rowGap: 14, minHeight: 0 }}>
              <Panel title="今日受理" extra={`昨日 ${d.intake.yesterday} 件`} testId="bigscreen-today">
                <div
                  style={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(3, 1fr)',
                    rowGap: 14,
                    paddingTop: 6,
                  }}
                >
                  <Figure label="今日受理" value={d.intake.today} />
                  <Figure label="在办工单" value={d.counters.open} color={screen.green} />
                  <Figure label="今日到期" value={d.counters.dueToday} color={screen.yellow} />
                  <Figure label="黄灯预警" value={d.counters.yellow} color={screen.yellow} />
                  <Figure label="已超期" value={d.counters.overdue} color={screen.orange} />
                  <Figure label="红灯" value={d.counters.red} color={screen.red} />
                </div>
                {d.calls && (
                  <div style={{ marginTop: 10, fontSize: 17, color: screen.dim, textAlign: 'center' }}>
                    今日来电 {d.calls.offered} · 接通 {d.calls.answered} · 放弃 {d.calls.abandoned} · 接通率{' '}
                    {pct(d.calls.connectionRate)}
                  </div>
                )}
              </Panel>
              <Panel title="今日分时受理">
                <HourlyIntake byHour={d.intake.byHour} />
              </Panel>
              <Panel
                title="受理量趋势与预测"
                extra={
                  d.forecast.error
                    ? `回测误差 MAE ${d.forecast.error.mae.toFixed(1)} 件/日${d.forecast.error.mape === null ? '' : ` · MAPE ${pct(d.forecast.error.mape)}`}`
                    : '历史不足，暂无误差'
                }
              >
                <VolumeTrend forecast={d.forecast} />
              </Panel>
            </div>
            <div style={{ display: 'grid', gridTemplateRows: '1fr 330px', rowGap: 14, minHeight: 0 }}>
              <Panel title="各区今日受理" extra={`共 ${d.districts.reduce((s, r) => s + r.count, 0)} 件`}>
                {geo.data ? <DistrictMap geo={geo.data} districts={d.districts} /> : null}
              </Panel>
              <Panel title="红灯、超期工单" extra={`红灯 ${d.counters.red} · 超期 ${d.counters.overdue}`}>
                <RedLightList items={d.redLights} />
              </Panel>
            </div>
            <div style={{ display: 'grid', gridTemplateRows: '1fr 1fr', rowGap: 14, minHeight: 0 }}>
              <Panel title="热点诉求" extra="近7日 较前4周">
                <HotTopicList topics={d.hotTopics} />
              </Panel>
              <Panel title="考核排名" extra={d.ranking.period}>
                <RankingList ranking={d.ranking} />
              </Panel>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
