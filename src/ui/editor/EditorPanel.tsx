/**
 * The scenario editor: a panel over the right side, so the drawing stays in view and changes
 * with every valid edit. Pick a host and edit its parts, or switch to the segments and links
 * that join them; problems the engine finds show at their field, and all of them, so none is
 * ever hidden, in the list at the top.
 */
import { useEffect, useState } from 'react';
import type { Scenario, Problem as ProblemData } from '../../engine';
import { textIn } from '../i18n/i18n';
import { englishText, problemBody } from '../i18n/problem-text';
import { useT } from '../i18n/useI18n';
import { workingScenario } from '../store/editor-slice';
import { useSim } from '../store/useSim';
import { ClientsSection } from './ClientsSection';
import { EditorToolbar } from './EditorToolbar';
import { HostSection } from './HostSection';
import { IpvsSection } from './IpvsSection';
import { RoutesSection } from './RoutesSection';
import { addHost, removeHost } from './scenario-ops';
import { SegmentsSection } from './SegmentsSection';
import { SysctlSection } from './SysctlSection';
import './editor.css';

/** One problem: the path as code, the message in the UI language, and under it the English the CLI prints. */
function Problem({ problem }: { problem: ProblemData }) {
  const lang = useSim((s) => s.language);
  const path = problem.path !== null ? `${problem.path}: ` : '';
  const english = englishText(problem);
  if (lang !== 'zh-CN') return <li className="mono">{`${path}${english}`}</li>;
  return (
    <li>
      {path ? <span className="mono">{path}</span> : null}
      {problemBody(problem, lang)}
      <span className="ed-en mono" lang="en">{english}</span>
    </li>
  );
}

/** Problems whose path no field on screen shows: one list, so none is ever hidden. */
function Problems({ problems }: { problems: readonly ProblemData[] }) {
  const t = useT();
  if (problems.length === 0) return <p className="ed-ok" role="status" data-testid="editor-status">{t('editor.valid')}</p>;
  return (
    <div className="ed-problems" role="status" data-testid="editor-status">
      <p>{t('editor.invalid', { count: problems.length })}</p>
      <ul>{problems.map((p, i) => <Problem key={i} problem={p} />)}</ul>
    </div>
  );
}

function HostPicker({ scenario, hi, onPick }: { scenario: Scenario; hi: number; onPick: (i: number) => void }) {
  const t = useT();
  const lang = useSim((s) => s.language);
  const edit = useSim((s) => s.editScenario);
  const host = scenario.hosts[hi];
  return (
    <div className="ed-row ed-hosts">
      <label className="ed-field ed-l">
        <span>{t('editor.hostPick')}</span>
        <select data-testid="editor-host" value={hi} onChange={(e) => onPick(Number(e.target.value))}>
          {scenario.hosts.map((h, i) => (
            <option key={`${h.id}-${i}`} value={i}>{`${h.id} · ${(h.name && textIn(lang, h.name)) ?? h.id}`}</option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" data-testid="editor-add-host"
        onClick={() => { edit((s) => addHost(s)); onPick(scenario.hosts.length); }}>{`+ ${t('editor.addHost')}`}</button>
      <button type="button" className="btn" data-testid="editor-remove-host" disabled={!host}
        onClick={() => { if (host) { edit((s) => removeHost(s, host.id)); onPick(Math.max(0, hi - 1)); } }}>
        {t('editor.removeHost', { id: host?.id ?? '' })}
      </button>
    </div>
  );
}

/** The panel covers the side column, under the header: the drawing, playback and Share stay in reach. */
function useSideRect(): { top: number; left: number | undefined } {
  const [rect, setRect] = useState<{ top: number; left: number | undefined }>({ top: 0, left: undefined });
  useEffect(() => {
    const header = document.querySelector('.app-header');
    const side = document.querySelector('.stage-side');
    const measure = () => {
      const left = side?.getBoundingClientRect().left;
      // A narrow window stacks the side column under the drawing: then use the panel's own width.
      setRect({ top: header?.getBoundingClientRect().bottom ?? 0, left: left !== undefined && left > window.innerWidth / 3 ? left : undefined });
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const el of [header, side]) if (el) observer.observe(el);
    window.addEventListener('resize', measure);
    return () => { observer.disconnect(); window.removeEventListener('resize', measure); };
  }, []);
  return rect;
}

export default function EditorPanel() {
  const t = useT();
  const scenario = useSim(workingScenario);
  const problems = useSim((s) => s.problems);
  const close = useSim((s) => s.setEditorOpen);
  const selected = useSim((s) => s.selectedHost);
  const [picked, setPicked] = useState<number | null>(null);
  const [view, setView] = useState<'hosts' | 'segments'>('hosts');
  const { top, left } = useSideRect();
  if (!scenario) return null;
  // Follow the host selected in the drawing until one is picked here.
  const fromSelection = scenario.hosts.findIndex((h) => h.id === selected);
  const hi = Math.min(picked ?? Math.max(0, fromSelection), scenario.hosts.length - 1);
  const host = scenario.hosts[hi];
  return (
    <aside id="scenario-editor" className="editor-panel" aria-label={t('editor.title')} data-testid="editor" style={left === undefined ? { top } : { top, left, width: 'auto' }}>
      <div className="ed-head">
        <h2>{t('editor.title')}</h2>
        <button type="button" className="dialog-close" aria-label={t('editor.close')} onClick={() => close(false)}>×</button>
      </div>
      <EditorToolbar />
      <Problems problems={problems} />
      <div className="ed-views" role="group" aria-label={t('editor.title')}>
        <button type="button" className="btn" aria-pressed={view === 'hosts'} data-testid="editor-view-hosts" onClick={() => setView('hosts')}>
          {t('editor.viewHosts')}
        </button>
        <button type="button" className="btn" aria-pressed={view === 'segments'} data-testid="editor-view-segments" onClick={() => setView('segments')}>
          {t('editor.viewSegments', { count: scenario.segments.length })}
        </button>
      </div>
      {view === 'segments' ? <SegmentsSection scenario={scenario} /> : null}
      {view === 'hosts' ? <HostPicker scenario={scenario} hi={hi} onPick={setPicked} /> : null}
      {view === 'hosts' && host ? (
        <div className="ed-body" key={`${host.id}-${hi}`}>
          <HostSection host={host} hi={hi} />
          <RoutesSection host={host} hi={hi} />
          <SysctlSection host={host} hi={hi} />
          <IpvsSection host={host} hi={hi} />
          <ClientsSection host={host} hi={hi} />
        </div>
      ) : null}
    </aside>
  );
}
