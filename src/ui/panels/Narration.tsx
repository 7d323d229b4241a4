/**
 * What happens at this step, in plain words. A hop that a host rewrote leads with the rewrite
 * (DNAT, SNAT, DR's MAC, encapsulation), because that is the lesson; then the engine's note
 * for the event; in course view, what it stepped over since the previous step.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { textIn } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { useCurrentPacket } from '../packets/useCurrentPacket';
import { currentEventIndex, skippedBefore } from '../store/selectors';
import { useSim } from '../store/useSim';
import { noteText } from '../trace/note-text';
import { REWRITE_ACTIONS } from '../trace/packet-at';

const MAX_SKIPPED = 5;

export function Narration() {
  const t = useT();
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const scenario = useSim((s) => s.scenario);
  const lang = useSim((s) => s.language);
  const index = useSim(currentEventIndex);
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.steps.length);
  const skipped = useSim(useShallow(skippedBefore));
  const packet = useCurrentPacket();
  const [open, setOpen] = useState(false);
  const event = trace?.events[index];
  const rewrites = packet?.causes.filter((c) => REWRITE_ACTIONS.has(c.action)) ?? [];
  const shownSkipped = skipped.filter((i) => !rewrites.some((r) => r.seq === trace?.events[i]?.seq)).slice(-MAX_SKIPPED);

  return (
    <section className="narration" aria-labelledby="narration-title">
      <h2 id="narration-title" className="panel-title">
        {scenario ? textIn(lang, scenario.title) : t('panels.narration')}
        {total > 0 ? <span className="step-count" data-testid="narration-step">{cursor + 1} / {total}</span> : null}
      </h2>
      {scenario ? (
        <button type="button" className={open ? 'scenario-summary' : 'scenario-summary is-clamped'} aria-expanded={open}
          onClick={() => setOpen(!open)}>{textIn(lang, scenario.summary)}</button>
      ) : null}
      {event && trace && hosts ? (
        <div data-testid="narration">
          {rewrites.map((r) => (
            <p key={r.seq} className="cause" data-testid="narration-cause"><code>{r.action}</code>{noteText(lang, r.note, trace, hosts)}</p>
          ))}
          <p className="note" data-testid="narration-note">{noteText(lang, event.note, trace, hosts)}</p>
          {shownSkipped.length > 0 ? (
            <div className="skipped">
              <h3>{t('panels.skipped')}</h3>
              <ul>
                {shownSkipped.map((i) => {
                  const e = trace.events[i];
                  return e ? <li key={i}>{noteText(lang, e.note, trace, hosts)}</li> : null;
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      {scenario?.lessons?.length ? (
        <details className="lessons">
          <summary>{t('panels.lessons')}</summary>
          <ul>{scenario.lessons.map((l, i) => <li key={i}>{textIn(lang, l)}</li>)}</ul>
        </details>
      ) : null}
    </section>
  );
}
