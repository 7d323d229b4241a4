/**
 * The real servers while the run goes on: each one's weight, fail/restore, remove/add, and the
 * keepalived-like health checker. Before a run the weights are the run's settings; during it,
 * every control is a change the workers apply at the simulated time they reached.
 */
import type { HealthCheckSpec } from '../../engine';
import { memo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useLoadT } from './i18n';
import { useLoad, useLoadActions } from './load-context';
import type { LoadStore } from './load-store';
import { DEFAULT_HEALTH } from './settings';

export interface ServerRow {
  id: string;
  /** The scenario's weight, used until the form or a change sets another. */
  weight: number;
  /** In the scenario's service (else a real server that can be added). */
  inService: boolean;
}

/** Per server, as the first run's last sample shows it: [weight or -1 if absent, up]; a flat list so a sample that changes nothing re-renders nothing. */
const serverStates = (ids: readonly string[]) => (s: LoadStore): Array<number | boolean> => {
  const last = s.lanes[0]?.points.at(-1);
  return last ? ids.flatMap((id) => [last.servers[id]?.weight ?? -1, last.servers[id]?.up ?? true]) : [];
};

export const LiveControls = memo(function LiveControls({ servers }: { servers: readonly ServerRow[] }) {
  const t = useLoadT();
  const settings = useLoad((s) => s.settings);
  const live = useLoad((s) => s.lanes[0]?.state === 'running' || s.lanes[0]?.state === 'paused');
  const states = useLoad(useShallow(serverStates(servers.map((s) => s.id))));
  const { setWeight, change, setSettings } = useLoadActions();
  const health = settings.health;

  const setHealth = (h: HealthCheckSpec | null) => {
    setSettings({ health: h });
    if (live) change({ kind: 'health', health: h });
  };
  return (
    <fieldset className="load-live">
      <legend>{t('live.legend')}</legend>
      <p className="muted load-hint">{t('live.hint')}</p>
      <table className="load-servers">
        <tbody>
          {servers.map((s, i) => {
            const sampled = states.length > 0;
            const nowWeight = sampled ? (states[2 * i] as number) : -1;
            const weight = nowWeight >= 0 ? nowWeight : (settings.weights[s.id] ?? s.weight);
            // In the service: as the last sample shows it, or as the scenario has it before the first.
            const inService = live && sampled ? nowWeight >= 0 : s.inService;
            const up = nowWeight >= 0 ? (states[2 * i + 1] as boolean) : true;
            return (
              <tr key={s.id} data-server={s.id}>
                <th scope="row">{s.id}</th>
                <td>
                  <input type="number" min={0} max={100} className="load-weight" aria-label={t('live.weight', { server: s.id })} data-testid={`load-weight-${s.id}`}
                    value={weight} disabled={!inService}
                    onChange={(e) => {
                      const w = Math.max(0, Math.round(Number(e.target.value) || 0));
                      setWeight(s.id, w);
                      if (live) change({ kind: 'weight', server: s.id, weight: w });
                    }} />
                </td>
                <td>
                  <button type="button" className="btn" data-testid={`load-${up ? 'fail' : 'restore'}-${s.id}`} disabled={!live}
                    onClick={() => change({ kind: up ? 'fail' : 'restore', server: s.id })}>
                    {t(up ? 'live.fail' : 'live.restore')}
                  </button>
                </td>
                <td>
                  <button type="button" className="btn" data-testid={`load-${inService ? 'remove' : 'add'}-${s.id}`} disabled={!live}
                    onClick={() => change(inService ? { kind: 'remove-server', server: s.id } : { kind: 'add-server', server: s.id, weight: settings.weights[s.id] ?? s.weight })}>
                    {t(inService ? 'live.remove' : 'live.add')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="load-check">
        <input type="checkbox" data-testid="load-health" checked={health !== null} onChange={(e) => setHealth(e.target.checked ? DEFAULT_HEALTH : null)} />
        {t('live.health')}
      </label>
      {health ? (
        <div className="load-health">
          {(['intervalS', 'fails', 'rises'] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(k === 'intervalS' ? 'live.interval' : k === 'fails' ? 'live.fails' : 'live.rises')}</span>
              <input type="number" min={1} max={60} value={health[k]} data-testid={`load-health-${k}`}
                onChange={(e) => setHealth({ ...health, [k]: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
            </label>
          ))}
          <label className="load-check">
            <input type="checkbox" checked={health.action === 'remove'} onChange={(e) => setHealth({ ...health, action: e.target.checked ? 'remove' : 'weight-0' })} />
            {t('live.removeOnFail')}
          </label>
        </div>
      ) : null}
      <Disrupted />
    </fieldset>
  );
});

/** Connections kept, reset and lost after a server changed, as of the first run's last sample. */
function Disrupted() {
  const t = useLoadT();
  const d = useLoad((s) => s.lanes[0]?.points.at(-1)?.disrupted);
  return d ? <p className="load-disrupted" data-testid="load-disrupted">{t('live.disrupted', { ...d })}</p> : null;
}
