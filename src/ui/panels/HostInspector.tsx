/**
 * The selected host as it is right after the current event (the engine's WorldView):
 * interfaces, ARP cache, routes, the sysctls the course uses, sockets, and on a director
 * what `ipvsadm -L -n` and `-L -n -c` print there.
 */
import type { HostView } from '../../engine';
import { useT } from '../i18n/useI18n';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';

function Block({ title, lines, testId }: { title: string; lines: string[]; testId: string }) {
  const t = useT();
  return (
    <section className="host-block" data-testid={testId}>
      <h3>{title}</h3>
      <pre className="mono" tabIndex={0} aria-label={title}>{lines.length ? lines.join('\n') : t('hostInspector.empty')}</pre>
    </section>
  );
}

/** `ip addr`-, `ip neigh`- and `ip route`-like lines: what a teacher would type in the lab. */
export function hostLines(h: HostView) {
  return {
    interfaces: h.interfaces.map((i) => `${(i.label ?? i.name).padEnd(7)} ${i.addrs.join(' ').padEnd(18)} ${i.mac}`),
    arp: h.arp.map((a) => `${a.ip} dev ${a.dev} ${a.mac ? `lladdr ${a.mac} ` : ''}${a.state}`),
    routes: h.routes.filter((r) => r.table === 'main').map((r) =>
      [r.dst, r.via ? `via ${r.via}` : '', `dev ${r.dev}`, `proto ${r.proto}`, `scope ${r.scope}`, r.src ? `src ${r.src}` : '']
        .filter(Boolean).join(' ')),
    sysctl: Object.entries(h.sysctl).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} = ${v}`),
    sockets: h.sockets.map((s) => `${s.proto} ${s.state.padEnd(12)} ${s.local.padEnd(21)} ${s.remote}`),
  };
}

export default function HostInspector() {
  const t = useT();
  const scenario = useSim((s) => s.scenario);
  const hosts = useSim((s) => s.hostIndex);
  const lang = useSim((s) => s.language);
  const selected = useSim((s) => s.selectedHost);
  const selectHost = useSim((s) => s.selectHost);
  const index = useSim(currentEventIndex);
  const cursor = useSim((s) => s.cursor);
  const worldAt = useSim((s) => s.worldAt);
  const checkpoints = useSim((s) => s.checkpoints);
  const openConsole = useSim((s) => s.openConsole);
  if (!scenario || !hosts) return null;
  const world = selected ? worldAt(index) : undefined;
  const view = world?.ok ? world.view.hosts[selected ?? ''] : undefined;
  const lines = view ? hostLines(view) : null;
  return (
    <div className="host-inspector" data-testid="host-inspector" data-checkpoints={`${checkpoints.built}/${checkpoints.total}`}>
      <label className="field">
        <span>{t('hostInspector.host')}</span>
        <select value={selected ?? ''} onChange={(e) => selectHost(e.target.value || null)} data-testid="host-select">
          <option value="">—</option>
          {scenario.hosts.map((h) => <option key={h.id} value={h.id}>{hosts.name(h.id, lang)}</option>)}
        </select>
      </label>
      {world && !world.ok ? <p className="error" role="alert" data-testid="host-failed">{t('hostInspector.failed', { message: world.error })}</p> : null}
      {!selected || !view || !lines ? (world && !world.ok ? null : <p className="muted">{t('hostInspector.pick')}</p>) : (
        <>
          <h3 className="host-title">{t('hostInspector.title', { name: hosts.name(view.id, lang), step: cursor + 1 })}</h3>
          <button type="button" className="btn" data-testid="host-console" onClick={() => openConsole(view.id)}>{t('console.openOn', { host: view.id })}</button>
          <Block title={t('hostInspector.interfaces')} lines={lines.interfaces} testId="host-interfaces" />
          {view.ipvs ? (
            <>
              <Block title={t('hostInspector.ipvsList')} lines={view.ipvs.list.split('\n')} testId="host-ipvs-list" />
              <Block title={t('hostInspector.ipvsConns')} lines={view.ipvs.conns.split('\n').filter(Boolean)} testId="host-ipvs-conns" />
            </>
          ) : null}
          <Block title={t('hostInspector.arp')} lines={lines.arp} testId="host-arp" />
          <Block title={t('hostInspector.routes')} lines={lines.routes} testId="host-routes" />
          <Block title={t('hostInspector.sysctl')} lines={lines.sysctl} testId="host-sysctl" />
          {lines.sockets.length ? <Block title={t('hostInspector.sockets')} lines={lines.sockets} testId="host-sockets" /> : null}
        </>
      )}
    </div>
  );
}
