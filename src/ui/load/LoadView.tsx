/**
 * The load view: the scenario's director under many clients, run in a Web Worker (the page never
 * simulates), with live charts, changes while it runs, two schedulers side by side, the director
 * at any picked time, and exports. Shown over the packet view; the scenario picker above still
 * chooses what is loaded.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSim } from '../store/useSim';
import { CHART_CSS } from './charts/chart-css';
import { directorService } from './director-servers';
import { ExportButtons } from './ExportButtons';
import { useLoadT } from './i18n';
import { LaneCharts } from './LaneCharts';
import { LiveControls, type ServerRow } from './LiveControls';
import { LoadForm } from './LoadForm';
import { LoadStoreContext } from './load-context';
import { createLoadStore, type WorkerLike } from './load-store';
import { PickedTables } from './PickedTables';
import { RunBar } from './RunBar';
import { defaultSettings } from './settings';
import './load.css';

const spawn = (): WorkerLike => new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

/** `spawnWorker` is the platform's Worker; tests pass one that answers as the worker would. */
export default function LoadView({ spawnWorker = spawn }: { spawnWorker?: () => WorkerLike }) {
  const t = useLoadT();
  const scenario = useSim((s) => s.scenario);
  const setOpen = useSim((s) => s.setLoadView);
  const service = useMemo(() => (scenario ? directorService(scenario) : null), [scenario]);
  const [store] = useState(() => createLoadStore({ spawn: spawnWorker, scheduler: service?.scheduler ?? 'wlc' }));
  const chartsRef = useRef<HTMLDivElement>(null);
  useEffect(() => () => store.getState().dispose(), [store]);
  // Another scenario: the runs over the previous one end, the form starts from its service.
  useEffect(() => {
    store.getState().dispose();
    store.setState({ lanes: [], picked: null, settings: { ...store.getState().settings, ...defaultSettings(service?.scheduler ?? 'wlc'), clients: store.getState().settings.clients } });
  }, [store, service]);
  // The worker the next Start will use, spawned now so that it has compiled the engine by then.
  useEffect(() => {
    if (scenario && service) store.getState().prepare(scenario);
  }, [store, scenario, service]);

  const servers: ServerRow[] = useMemo(() => {
    if (!scenario || !service) return [];
    const inService = service.servers.map((s) => ({ ...s, inService: true }));
    const others = scenario.hosts.filter((h) => h.role === 'real-server' && !service.servers.some((s) => s.id === h.id)).map((h) => ({ id: h.id, weight: 1, inService: false }));
    return [...inService, ...others];
  }, [scenario, service]);
  const names = useMemo(() => servers.map((s) => s.id), [servers]);

  return (
    <LoadStoreContext.Provider value={store}>
      <section className="load-view" aria-labelledby="load-title" data-testid="load-view">
        <style>{CHART_CSS}</style>
        <div className="load-head">
          <h2 id="load-title">{t('title', { director: service?.director ?? '—' })}</h2>
          <ExportButtons chartsRef={chartsRef} />
          <button type="button" className="btn" data-testid="load-close" onClick={() => setOpen(false)}>{t('close')}</button>
        </div>
        {service ? (
          <div className="load-body">
            <div className="load-side">
              <RunBar />
              <LoadForm />
              <LiveControls servers={servers} />
            </div>
            <div className="load-main" ref={chartsRef}>
              <LaneCharts names={names} />
              <PickedTables />
            </div>
          </div>
        ) : <p className="load-none" role="alert">{t('noDirector')}</p>}
      </section>
    </LoadStoreContext.Provider>
  );
}
