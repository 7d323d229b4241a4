/**
 * The compare view: two or three presets run with the same requests, stepped together with one
 * set of controls, the measured table, and the course's summary slides held against it. Its
 * state lives in the address (`#v1.cmp.…`), written back as it changes, so a reload or a copied
 * link opens the same comparison at the same step.
 */
import { useEffect, useMemo, useState } from 'react';
import { decodeCompareLink, encodeCompareLink, MAX_COMPARE_REQUESTS, type CompareLink } from '../../share';
import { listPresets, loadCompare, type CompareApi } from '../../engine';
import { Icon } from '../shell/Icon';
import { useSim } from '../store/useSim';
import { useCompareT } from './catalog';
import { CompareColumn } from './CompareColumn';
import { CompareTable } from './CompareTable';
import { COMPARE_SETS, buildColumns, totalSteps } from './compare-model';
import { SlideClaims } from './SlideClaims';
import './compare.css';

type View = Omit<CompareLink, 'lang'>;

const DEFAULT_VIEW: View = { presets: [...COMPARE_SETS.natDrTun], requests: 1, step: 0 };

function readView(fragment: string): { view: View; error: string | null; lang?: 'en' | 'zh' } {
  const r = decodeCompareLink(fragment);
  if (!r.ok) return { view: DEFAULT_VIEW, error: r.message };
  const { lang, ...view } = r.value;
  return { view, error: null, ...(lang !== undefined ? { lang } : {}) };
}

function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
}

export default function CompareView({ fragment, onClose }: { fragment: string; onClose: () => void }) {
  const t = useCompareT();
  const lang = useSim((s) => s.language);
  const setLanguage = useSim((s) => s.setLanguage);
  const [{ view, error }, setOpened] = useState(() => readView(fragment));
  const setView = (next: View) => setOpened({ view: next, error: null });

  // A link opened (at first, or typed into the address later) sets the language it names.
  useEffect(() => {
    const open = () => {
      const r = readView(location.hash);
      setOpened(r);
      if (r.lang) setLanguage(r.lang === 'zh' ? 'zh-CN' : 'en');
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [setLanguage]);

  // The engine's compare module comes in its own chunk, fetched beside this view's.
  const [api, setApi] = useState<CompareApi | null>(null);
  useEffect(() => {
    void loadCompare().then(setApi);
  }, []);
  const columns = useMemo(() => (api ? buildColumns(api, view.presets, view.requests) : []), [api, view.presets, view.requests]);
  const rows = useMemo(() => columns.map((c) => c.row), [columns]);
  const checks = useMemo(() => (api ? api.checkSlideClaims(rows) : []), [api, rows]);
  const total = totalSteps(columns);
  const step = Math.min(view.step, total);
  // Until the engine's chunk has come there are no steps: a click then would lose the link's step.
  const go = (k: number) => {
    if (api !== null) setView({ ...view, step: Math.max(0, Math.min(total, k)) });
  };

  // What is on screen goes back into the address (replaceState: no history entry per step).
  useEffect(() => {
    if (error !== null || api === null) return;
    const url = new URL(location.href);
    url.hash = encodeCompareLink({ ...view, step, lang: lang === 'zh-CN' ? 'zh' : 'en' });
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
  }, [view, step, lang, error, api]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const to = { ArrowRight: step + 1, PageDown: step + 1, ArrowLeft: step - 1, PageUp: step - 1, Home: 0, End: total }[e.key];
      if (to === undefined) return;
      // The simulator's own shortcuts (on window) would step the trace hidden behind this view.
      e.preventDefault();
      e.stopPropagation();
      go(to);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  });

  const presets = listPresets();
  const choose = (slot: number, id: string) => {
    const next = [...view.presets];
    if (id === '') next.splice(slot, 1);
    else next[slot] = id;
    setView({ ...view, presets: next, step: 0 });
  };

  const stepButton = (id: 'first' | 'back' | 'forward' | 'last', icon: string, to: number) => (
    <button type="button" className="tool" data-testid={`cmp-${id}`} aria-label={t(`step.${id}`)} title={t(`step.${id}`)} disabled={api === null} onClick={() => go(to)}>
      <Icon name={icon} />
    </button>
  );

  return (
    <main className="cmp" data-testid="compare-view" aria-labelledby="cmp-title">
      <header className="cmp-head">
        <h2 id="cmp-title">{t('title')}</h2>
        <div className="cmp-sets" role="group" aria-label={t('sets.label')}>
          {(Object.keys(COMPARE_SETS) as Array<keyof typeof COMPARE_SETS>).map((k) => (
            <button key={k} type="button" className="btn" data-testid={`cmp-set-${k}`} aria-pressed={view.presets.join() === COMPARE_SETS[k].join()}
              onClick={() => setView({ presets: [...COMPARE_SETS[k]], requests: view.requests, step: 0 })}>{t(`sets.${k}`)}</button>
          ))}
        </div>
        <button type="button" className="btn" data-testid="compare-close" onClick={onClose}>{t('close')}</button>
      </header>
      {error !== null ? <p className="error" role="alert" data-testid="cmp-link-error">{error}</p> : null}
      <div className="cmp-bar">
        <div className="cmp-controls" role="group" aria-label={t('controls')}>
          {stepButton('first', 'first', 0)}
          {stepButton('back', 'stepBack', step - 1)}
          {stepButton('forward', 'stepForward', step + 1)}
          {stepButton('last', 'last', total)}
          <span className="cmp-step" data-testid="cmp-step" aria-live="polite">{t('step.of', { step, total })}</span>
        </div>
        {[0, 1, 2].map((slot) => (
          <label key={slot} className="field cmp-pick">
            <span className="sr-only">{t('scenario', { n: slot + 1 })}</span>
            <select data-testid={`cmp-pick-${slot}`} aria-label={t('scenario', { n: slot + 1 })} value={view.presets[slot] ?? ''}
              disabled={slot > view.presets.length} onChange={(e) => choose(slot, e.target.value)}>
              {slot === 2 ? <option value="">{t('none')}</option> : null}
              {presets.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
            </select>
          </label>
        ))}
        <label className="field">
          <span>{t('requests')}</span>
          <select data-testid="cmp-requests" value={view.requests} onChange={(e) => setView({ ...view, requests: Number(e.target.value), step: 0 })}>
            {Array.from({ length: Math.min(5, MAX_COMPARE_REQUESTS) }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </div>
      {api === null ? <p className="muted">…</p> : null}
      <div className="cmp-cols" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((c, i) => <CompareColumn key={i} slot={i} column={c} step={step} />)}
      </div>
      {api === null ? null : (
        <div className="cmp-results">
          <CompareTable rows={rows} requests={view.requests} />
          <SlideClaims rows={rows} checks={checks} />
        </div>
      )}
    </main>
  );
}
