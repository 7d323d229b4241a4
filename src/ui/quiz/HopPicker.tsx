/**
 * The teacher's side: tick the hops to ask (the course hops come ticked) and copy a quiz link,
 * which carries the scenario and the hop numbers only.
 */
import { useState } from 'react';
import { defaultAsked, type Quiz } from '../../quiz';
import { encodeLink, linkStateFor } from '../../share';
import { copyText } from '../share-ui/clipboard';
import { linkLang } from '../share-ui/link-view';
import { useSim } from '../store/useSim';
import { useQuizT } from './quiz-text';
import { flagsOf } from './flags';

export function HopPicker({ quiz }: { quiz: Quiz }) {
  const t = useQuizT();
  const lang = useSim((s) => s.language);
  const hosts = useSim((s) => s.hostIndex);
  const trace = useSim((s) => s.trace);
  const scenario = useSim((s) => s.scenario);
  const setQuiz = useSim((s) => s.setQuiz);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  if (!hosts || !trace || !scenario) return null;
  const asked = new Set(quiz.asked);
  const choose = (next: number[]) => {
    setCopied(null);
    if (next.length > 0) setQuiz({ asked: next });
  };
  const toggle = (n: number) => choose(asked.has(n) ? quiz.asked.filter((x) => x !== n) : [...quiz.asked, n].sort((a, b) => a - b));
  const link = `${location.origin}${location.pathname}#${encodeLink(linkStateFor(scenario, { lang: linkLang(lang), quiz: quiz.asked }))}`;
  const copy = async () => setCopied((await copyText(link)) ? 'copied' : 'copyFailed');
  return (
    <details className="quiz-teacher" data-testid="quiz-teacher">
      <summary>{t('teacher.title')}</summary>
      <p className="muted">{t('teacher.hint')}</p>
      <div className="quiz-teacher-actions">
        <button type="button" className="btn" onClick={() => choose(defaultAsked(trace, scenario, quiz.hops))}>{t('teacher.course')}</button>
        <button type="button" className="btn" onClick={() => choose(quiz.hops.map((h) => h.n))}>{t('teacher.all')}</button>
      </div>
      <ul className="quiz-hops">
        {quiz.hops.map((h) => (
          <li key={h.n}>
            <label>
              <input type="checkbox" data-testid={`quiz-hop-${h.n}`} checked={asked.has(h.n)} onChange={() => toggle(h.n)} />
              {t('teacher.hop', { n: h.n, from: hosts.name(h.from, lang), to: hosts.name(h.to, lang), flags: flagsOf(trace, h) })}
            </label>
          </li>
        ))}
      </ul>
      <label className="quiz-link">
        <span>{t('teacher.link')}</span>
        <input readOnly value={link} data-testid="quiz-link" onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="btn btn-primary" data-testid="quiz-copy" onClick={() => void copy()}>{t('teacher.copy')}</button>
      {copied ? <span role="status" className="muted"> {t(`teacher.${copied}`)}</span> : null}
    </details>
  );
}
