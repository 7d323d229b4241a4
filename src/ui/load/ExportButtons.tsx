/** The load view's exports: its series as CSV, its charts as one SVG or PNG for a slide. */
import type { RefObject } from 'react';
import { useSim } from '../store/useSim';
import { downloadBlob } from '../download';
import { chartsSvg, svgToPng } from './export-charts';
import { useLoadT } from './i18n';
import { useLoad, useLoadStore } from './load-context';
import { seriesCsv } from './series-csv';

export function ExportButtons({ chartsRef }: { chartsRef: RefObject<HTMLElement | null> }) {
  const t = useLoadT();
  const id = useSim((s) => s.scenario?.id ?? 'load');
  const store = useLoadStore();
  // What the buttons show changes when a run starts or its first samples come, not per sample:
  // the series themselves are read at the click.
  const none = useLoad((s) => s.lanes.every((l) => l.points.length === 0));
  const schedulers = useLoad((s) => s.lanes.map((l) => l.scheduler).join('/'));
  const clients = useLoad((s) => s.settings.clients);
  const lanes = () => store.getState().lanes;
  const base = `${id}-load-${schedulers.split('/').join('-vs-')}`;
  const svg = () => chartsSvg([...(chartsRef.current?.querySelectorAll<SVGSVGElement>('svg.chart') ?? [])],
    t('export.heading', { scenario: id, clients, schedulers: schedulers.split('/').join(' / ') }));
  return (
    <div className="load-exports">
      <button type="button" className="btn" data-testid="load-export-csv" disabled={none}
        onClick={() => downloadBlob(new Blob([seriesCsv(lanes().map((l) => ({ label: l.scheduler, points: l.points })))], { type: 'text/csv' }), `${base}.csv`)}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn" data-testid="load-export-svg" disabled={none}
        onClick={() => downloadBlob(new Blob([svg().text], { type: 'image/svg+xml' }), `${base}.svg`)}>
        {t('export.svg')}
      </button>
      <button type="button" className="btn" data-testid="load-export-png" disabled={none}
        onClick={() => void svgToPng(svg()).then((b) => downloadBlob(b, `${base}.png`))}>
        {t('export.png')}
      </button>
    </div>
  );
}
