/**
 * A printable handout of the scenario on screen, in the chosen language: the title and summary,
 * the topology on top (as drawn, without the moving packet), then one row per step of the chosen
 * depth with S, D, what changed and the narration. Shown over the page as its own print preview;
 * Print prints only it (handout.css).
 */
import { useEffect, useMemo, useState } from 'react';
import { textIn } from '../i18n/i18n';
import { useSim } from '../store/useSim';
import { exportText } from './catalog';
import { SLIDE } from './exporters';
import { handoutRows } from './handout-rows';
import { standaloneSvg } from './standalone-svg';
import './handout.css';

export function Handout({ onClose }: { onClose: () => void }) {
  const t = exportText.useT();
  const scenario = useSim((s) => s.scenario);
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const steps = useSim((s) => s.steps);
  const depth = useSim((s) => s.depth);
  const lang = useSim((s) => s.language);
  const [figure, setFigure] = useState<string | null>(null);
  const rows = useMemo(() => (trace && hosts ? handoutRows(trace, steps, hosts, lang) : []), [trace, hosts, steps, lang]);

  useEffect(() => {
    document.body.classList.add('handout-open');
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => { document.body.classList.remove('handout-open'); window.removeEventListener('keydown', onKey); };
  }, [onClose]);
  // The topology as the page draws it now, in this language, as a picture of its own.
  useEffect(() => {
    const svg = document.querySelector<SVGSVGElement>('svg[data-testid="topology"]');
    if (!svg) return;
    const text = standaloneSvg(svg, { ...SLIDE, omit: '.packet-layer', margin: 0.02 });
    setFigure(URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })));
  }, [scenario, lang]);
  useEffect(() => () => { if (figure) URL.revokeObjectURL(figure); }, [figure]);

  if (!scenario || !trace) return null;
  const title = textIn(lang, scenario.title);
  return (
    <div className="handout" role="dialog" aria-modal="true" aria-label={t('handout.dialog')} data-testid="handout"
      lang={lang === 'zh-CN' ? 'zh-CN' : 'en'}>
      <div className="handout-bar">
        <button type="button" className="btn btn-primary" data-testid="handout-print" autoFocus onClick={() => window.print()}>{t('handout.print')}</button>
        <button type="button" className="btn" data-testid="handout-close" onClick={onClose}>{t('handout.close')}</button>
      </div>
      <article className="handout-page">
        <h1>{title}</h1>
        <p className="handout-summary">{textIn(lang, scenario.summary)}</p>
        <figure className="handout-figure">
          {figure ? <img src={figure} alt={t('handout.topology')} data-testid="handout-topology" width={SLIDE.width} height={SLIDE.height} /> : null}
        </figure>
        <h2>{t('handout.steps')}</h2>
        <p className="handout-hint">{t(depth === 'course' ? 'handout.stepsHintCourse' : 'handout.stepsHintFull')}</p>
        <table className="handout-table" data-testid="handout-table">
          <thead>
            <tr>
              <th scope="col">{t('handout.hop')}</th>
              <th scope="col">{t('handout.where')}</th>
              <th scope="col">{t('handout.s')}</th>
              <th scope="col">{t('handout.d')}</th>
              <th scope="col">{t('handout.changed')}</th>
              <th scope="col">{t('handout.narration')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index} className={r.drop ? 'is-drop' : undefined} data-testid="handout-row">
                <td className="num">{r.n}</td>
                <td>{r.where}</td>
                <td className="mono">{r.s.map((x, i) => <div key={i}>{x}</div>)}</td>
                <td className="mono">{r.d.map((x, i) => <div key={i}>{x}</div>)}</td>
                <td>{r.changed}</td>
                <td>{r.narration.map((x, i) => <p key={i}>{x}</p>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="handout-footer">{t('handout.footer', { id: scenario.id, count: rows.length })}</p>
      </article>
    </div>
  );
}
