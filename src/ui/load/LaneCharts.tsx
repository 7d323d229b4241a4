/**
 * The charts of every run, one card each: connections per real server over time, ActiveConn and
 * InActConn at the picked time, packets or bytes through the director and the real servers, and
 * each server's share against its weight. Two runs side by side: each kind of chart in a row,
 * one run a column, so the same chart of both schedulers sits side by side.
 */
import { memo, useState } from 'react';
import { changeLabel } from './change-label';
import { ServerBars } from './charts/ServerBars';
import { ShareChart } from './charts/ShareChart';
import { serverColor } from './charts/frame';
import { TimeChart } from './charts/TimeChart';
import { useLoadT } from './i18n';
import { serverLines, trafficLines, type ServerMetric, type TrafficUnit } from './lines';
import { useLoad } from './load-context';
import type { Lane } from './load-store';
import { pointAt, shares } from './series';

const s1 = (ms: number) => (ms / 1000).toFixed(0);
/** The share chart counts the connections made in this window before its time. */
export const SHARE_WINDOW_MS = 5000;

export function LaneCharts({ names }: { names: readonly string[] }) {
  const t = useLoadT();
  const lanes = useLoad((s) => s.lanes);
  const picked = useLoad((s) => s.picked);
  const pick = useLoad((s) => s.pick);
  const spanMs = useLoad((s) => s.settings.durationS * 1000);
  const [metric, setMetric] = useState<ServerMetric>('new');
  const [unit, setUnit] = useState<TrafficUnit>('packets');
  if (lanes.length === 0) return null;

  const marks = (l: Lane) => l.changes.map((c) => ({ t: c.t, label: changeLabel(t, c.change) }));
  const conns = (l: Lane) => {
    const by = serverLines(l.points, names, metric);
    return (
      <TimeChart key={`c-${l.scheduler}`} testId="chart-conns" title={t('chart.conns', { scheduler: l.scheduler })} xLabel={t('chart.time')}
        yLabel={t(metric === 'new' ? 'chart.metricNew' : metric === 'active' ? 'chart.metricActive' : 'chart.metricInactive')}
        spanMs={spanMs} marks={marks(l)} picked={picked} onPick={pick}
        lines={names.map((n) => ({ key: n, label: n, color: serverColor(names, n), values: by.get(n) ?? [] }))} />
    );
  };
  const bars = (l: Lane) => {
    const at = picked ?? l.points.at(-1)?.t ?? 0;
    const point = pointAt(l.points, at);
    return (
      <ServerBars key={`a-${l.scheduler}`} title={t('chart.activeTitle', { t: s1(point?.t ?? at), scheduler: l.scheduler })} point={point} names={names}
        labels={{ active: t('chart.active'), inactive: t('chart.inactive'), down: t('chart.down'), empty: t('chart.empty'), weight: t('chart.weight') }} />
    );
  };
  const traffic = (l: Lane) => {
    const tl = trafficLines(l.points, unit);
    return (
      <TimeChart key={`t-${l.scheduler}`} testId="chart-traffic" title={t(unit === 'packets' ? 'chart.traffic' : 'chart.trafficBytes', { scheduler: l.scheduler })}
        xLabel={t('chart.time')} yLabel={t(unit === 'packets' ? 'chart.packets' : 'chart.bytes')} spanMs={spanMs} marks={marks(l)} picked={picked} onPick={pick}
        lines={[
          { key: 'dirIn', label: t('chart.dirIn'), color: '#1f5fbf', values: tl.dirIn },
          { key: 'dirOut', label: t('chart.dirOut'), color: '#0f7b4c', values: tl.dirOut },
          { key: 'rsIn', label: t('chart.rsIn'), color: '#8a3ffc', values: tl.rsIn, dashed: true },
          { key: 'rsOut', label: t('chart.rsOut'), color: '#c45a00', values: tl.rsOut, dashed: true },
        ]} />
    );
  };
  // The share over the last few seconds before the picked time (or the latest sample): what
  // the scheduler does now, so a failed server's share falls and comes back.
  const share = (l: Lane) => {
    const to = picked ?? l.points.at(-1)?.t ?? 0;
    const from = Math.max(0, to - SHARE_WINDOW_MS);
    return (
      <ShareChart key={`s-${l.scheduler}`} title={t('chart.share', { from: s1(from), to: s1(to), scheduler: l.scheduler })} rows={shares(l.points, from + 1, to)} names={names}
        labels={{ share: t('chart.shareBar'), weight: t('chart.weightBar'), empty: t('chart.empty') }} />
    );
  };
  const kinds = lanes.length > 1 ? [conns, share, bars, traffic] : [conns, bars, share, traffic];
  return (
    <div className="load-charts-wrap">
      <ChartOptions metric={metric} unit={unit} setMetric={setMetric} setUnit={setUnit} />
      <div className="load-charts" data-testid="load-charts">
        {kinds.flatMap((kind, k) => lanes.map((l) => <figure key={`${k}-${l.scheduler}`} className="load-card">{kind(l)}</figure>))}
      </div>
    </div>
  );
}

/** The charts' two choices: props that stay the same while a run streams, so their selects are not re-rendered per sample. */
const ChartOptions = memo(function ChartOptions({ metric, unit, setMetric, setUnit }: {
  metric: ServerMetric;
  unit: TrafficUnit;
  setMetric: (m: ServerMetric) => void;
  setUnit: (u: TrafficUnit) => void;
}) {
  const t = useLoadT();
  return (
    <div className="load-chart-options">
      <label className="field">
        <span>{t('chart.metric')}</span>
        <select data-testid="load-metric" value={metric} onChange={(e) => setMetric(e.target.value as ServerMetric)}>
          <option value="new">{t('chart.metricNew')}</option>
          <option value="active">{t('chart.metricActive')}</option>
          <option value="inactive">{t('chart.metricInactive')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('chart.unit')}</span>
        <select data-testid="load-unit" value={unit} onChange={(e) => setUnit(e.target.value as TrafficUnit)}>
          <option value="packets">{t('chart.packets')}</option>
          <option value="bytes">{t('chart.bytes')}</option>
        </select>
      </label>
    </div>
  );
});
