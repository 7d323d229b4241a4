/**
 * The console under the topology: a tab per host with an open terminal (several at once, like
 * ssh sessions to D, RS1 and RS2), a host picker to open another, and the terminals themselves,
 * which load xterm on first use. Hidden terminals stay mounted, so each keeps its screen.
 */
import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import './console.css';

const TerminalView = lazy(() => import('./TerminalView'));

export function ConsolePanel() {
  const t = useT();
  const open = useSim((s) => s.consolePanel);
  const scenario = useSim((s) => s.scenario);
  const allTabs = useSim((s) => s.consoleTabs);
  const active = useSim((s) => s.consoleActive);
  const openConsole = useSim((s) => s.openConsole);
  const closeConsole = useSim((s) => s.closeConsole);
  const setPanel = useSim((s) => s.setConsolePanel);
  const hostIds = scenario?.hosts.map((h) => h.id) ?? [];
  const tabs = allTabs.filter((h) => hostIds.includes(h));
  const [pick, setPick] = useState('');
  if (!open) return null;
  const chosen = hostIds.includes(pick) ? pick : (hostIds.find((h) => !tabs.includes(h)) ?? hostIds[0] ?? '');
  return (
    <section className="console-panel" aria-label={t('console.title')} data-testid="console-panel">
      <div className="console-bar">
        <div role="tablist" className="console-tabs" aria-label={t('console.title')}>
          {tabs.map((h) => (
            <button key={h} type="button" role="tab" id={`console-tab-${h}`} aria-selected={h === active} aria-controls={`console-term-${h}`}
              data-testid={`console-tab-${h}`} onClick={() => openConsole(h)}>
              {`root@${h}`}
            </button>
          ))}
        </div>
        <form className="console-open" onSubmit={(e) => { e.preventDefault(); if (chosen) openConsole(chosen); }}>
          <select aria-label={t('console.host')} value={chosen} onChange={(e) => setPick(e.target.value)} data-testid="console-host">
            {hostIds.map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
          <button type="submit" className="btn" data-testid="console-open">{t('console.open')}</button>
        </form>
        {active !== null && tabs.includes(active) ? (
          <button type="button" className="btn" onClick={() => closeConsole(active)} data-testid="console-close">{t('console.close', { host: active })}</button>
        ) : null}
        <button type="button" className="btn" onClick={() => setPanel(false)} data-testid="console-hide">{t('console.hide')}</button>
      </div>
      <div className="console-body">
        {tabs.length === 0 ? <p className="console-hint">{t('console.hint')}</p> : null}
        {tabs.map((h) => (
          <div key={h} role="tabpanel" id={`console-term-${h}`} aria-labelledby={`console-tab-${h}`} className="console-term" hidden={h !== active}>
            <Suspense fallback={<p className="console-hint">{t('app.loading')}</p>}>
              <TerminalView host={h} active={h === active} />
            </Suspense>
          </div>
        ))}
      </div>
    </section>
  );
}

/** The header's Console button: shows or hides the panel. */
export function ConsoleToggle() {
  const t = useT();
  const open = useSim((s) => s.consolePanel);
  const setPanel = useSim((s) => s.setConsolePanel);
  return (
    <button type="button" className="btn" data-testid="console-toggle" aria-pressed={open} onClick={() => setPanel(!open)}>
      {t('console.toggle')}
    </button>
  );
}
