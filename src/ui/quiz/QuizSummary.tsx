/** The end of a quiz: each asked hop, the answer given, the truth, and the rule that made it. */
import { ruleNotes, type HopResult, type Quiz } from '../../quiz';
import { useSim } from '../store/useSim';
import { noteText } from '../trace/note-text';
import { answerLine } from './labels';
import { useQuizT } from './quiz-text';

export function QuizSummary({ quiz, results, onRestart }: { quiz: Quiz; results: readonly HopResult[]; onRestart(): void }) {
  const t = useQuizT();
  const lang = useSim((s) => s.language);
  const hosts = useSim((s) => s.hostIndex);
  const trace = useSim((s) => s.trace);
  if (!hosts || !trace) return null;
  return (
    <section className="quiz-summary" data-testid="quiz-summary" aria-labelledby="quiz-summary-title">
      <h3 id="quiz-summary-title">{t('summary.title')}</h3>
      <p>{t('summary.done')}</p>
      <ol>
        {results.map((r) => {
          const hop = quiz.hops[r.n];
          if (!hop) return null;
          return (
            <li key={r.n} className={r.right ? 'is-right' : 'is-wrong'} data-testid="quiz-summary-row">
              <p><strong>{r.right ? '✓' : '✗'} {hosts.name(hop.from, lang)} → {hosts.name(hop.to, lang)}</strong></p>
              <p>{t('yourAnswer')}: <span className="mono">{answerLine(r.fields.map((f) => ({ id: f.id, value: f.answer })), hosts, lang)}</span></p>
              <p>{t('truth')}: <span className="mono">{answerLine(r.fields.map((f) => ({ id: f.id, value: f.truth })), hosts, lang)}</span></p>
              <p className="muted">{t('rule')}: {ruleNotes(trace, hop).map((n) => noteText(lang, n, trace, hosts)).join(' ')}</p>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" data-testid="quiz-restart" onClick={onRestart}>{t('summary.restart')}</button>
    </section>
  );
}
