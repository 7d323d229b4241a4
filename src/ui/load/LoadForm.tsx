/** The run's settings: clients, rate, keep-alive, how long, the scheduler and the one beside it. */
import { SCHEDULER_NAMES } from '../../engine';
import { useLoadT } from './i18n';
import { useLoad } from './load-context';
import { MAX_CLIENTS, type LoadSettings } from './settings';

type NumberKey = 'clients' | 'ratePerS' | 'keepAliveMs' | 'requests' | 'durationS' | 'seed';

const FIELDS: ReadonlyArray<{ key: NumberKey; label: 'form.clients' | 'form.rate' | 'form.keepAlive' | 'form.requests' | 'form.duration' | 'form.seed'; min: number; max?: number; step?: number }> = [
  { key: 'clients', label: 'form.clients', min: 1, max: MAX_CLIENTS },
  { key: 'ratePerS', label: 'form.rate', min: 1, step: 10 },
  { key: 'keepAliveMs', label: 'form.keepAlive', min: 0, step: 500 },
  { key: 'requests', label: 'form.requests', min: 1, step: 1000 },
  { key: 'durationS', label: 'form.duration', min: 1, step: 10 },
  { key: 'seed', label: 'form.seed', min: 0 },
];

export function LoadForm() {
  const t = useLoadT();
  const settings = useLoad((s) => s.settings);
  const setSettings = useLoad((s) => s.setSettings);
  const set = (patch: Partial<LoadSettings>) => setSettings(patch);
  return (
    <fieldset className="load-form">
      <legend>{t('form.legend')}</legend>
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span>{t(f.label)}</span>
          <input type="number" data-testid={`load-${f.key}`} min={f.min} max={f.max} step={f.step ?? 1} value={settings[f.key]}
            onChange={(e) => set({ [f.key]: Number(e.target.value) })} />
        </label>
      ))}
      <label className="field">
        <span>{t('form.scheduler')}</span>
        <select data-testid="load-scheduler" value={settings.scheduler} onChange={(e) => set({ scheduler: e.target.value })}>
          {SCHEDULER_NAMES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('form.compareWith')}</span>
        <select data-testid="load-compare" value={settings.compareWith ?? ''} onChange={(e) => set({ compareWith: e.target.value || null })}>
          <option value="">{t('form.none')}</option>
          {SCHEDULER_NAMES.filter((n) => n !== settings.scheduler).map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
