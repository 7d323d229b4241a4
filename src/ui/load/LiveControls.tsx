/**
 * The real servers while the run goes on: each one's weight, fail/restore, remove/add, and the
 * keepalived-like health checker. Before a run the weights are the run's settings; during it,
 * every control is a change the workers apply at the simulated time they reached.
 */
import type { HealthCheckSpec } from '../../engine';
import { useLoadT } from './i18n';
import { useLoad } from './load-context';
import { DEFAULT_HEALTH } from './settings';

export interface ServerRow {
  id: string;
  /** The scenario's weight, used until the form or a change sets another. */
  weight: number;
  /** In the scenario's service (else a real server that can be added). */
  inService: boolean;
}

export function LiveControls({ servers }: { servers: readonly ServerRow[] }) {
  const t = useLoadT();
  const settings = useLoad((s) => s.settings);
  const lane = useLoad((s) => s.lanes[0]);
  const { setWeight, change, setSettings } = useLoad((s) => s);
  const live = lane?.state === 'running' || lane?.state === 'paused';
  const last = lane?.points.at(-1);
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
          {servers.map((s) => {
            const now = last?.servers[s.id];
            const weight = now?.weight ?? settings.weights[s.id] ?? s.weight;
            // In the service: as the last sample shows it, or as the scenario has it before the first.
            const inService = live && last ? now !== undefined : s.inService;
            const up = now?.up ?? true;
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
      {last ? <p className="load-disrupted" data-testid="load-disrupted">{t('live.disrupted', { ...last.disrupted })}</p> : null}
    </fieldset>
  );
}
