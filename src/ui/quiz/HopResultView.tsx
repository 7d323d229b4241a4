/**
 * The truth after an answer: each field right or wrong, the learner's choice beside the
 * simulation's, the known mistake a wrong choice makes, and the rule the trace gives.
 */
import { ruleNotes, type HopResult, type Quiz } from '../../quiz';
import { useSim } from '../store/useSim';
import { noteText } from '../trace/note-text';
import { useQuizT } from './quiz-text';

export function HopResultView({ result, quiz }: { result: HopResult; quiz: Quiz }) {
  const t = useQuizT();
  const lang = useSim((s) => s.language);
  const hosts = useSim((s) => s.hostIndex);
  const trace = useSim((s) => s.trace);
  const hop = quiz.hops[result.n];
  if (!hosts || !trace || !hop) return null;
  const shown = (id: string, v: string | null) => (v === null ? t('noAnswer') : id === 'to' ? hosts.name(v, lang) : v);
  return (
    <div className={result.right ? 'quiz-result is-right' : 'quiz-result is-wrong'} data-testid="quiz-result">
      <p className="quiz-verdict" role="status">{result.right ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}</p>
      <table className="quiz-table">
        <thead><tr><th scope="col"></th><th scope="col">{t('yourAnswer')}</th><th scope="col">{t('truth')}</th></tr></thead>
        <tbody>
          {result.fields.map((f) => (
            <tr key={f.id} className={f.right ? 'is-right' : 'is-wrong'} data-testid={`quiz-row-${f.id}`}>
              <th scope="row">{t(`fields.${f.id}`)}</th>
              <td>{f.right ? '✓ ' : '✗ '}{shown(f.id, f.answer)}</td>
              <td>{shown(f.id, f.truth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.fields.map((f) => f.misconception ? (
        <p key={f.id} className="quiz-misconception" data-testid="quiz-misconception" data-code={f.misconception.code}>
          {t(`misconceptions.${f.misconception.code}`, Object.fromEntries(Object.entries(f.misconception.params)
            .map(([k, v]) => [k, v in trace.hosts ? hosts.name(v, lang) : v])))}
        </p>
      ) : null)}
      <h4>{t('rule')}</h4>
      <ul className="quiz-rule" data-testid="quiz-rule">
        {ruleNotes(trace, hop).map((n, i) => <li key={i}>{noteText(lang, n, trace, hosts)}</li>)}
      </ul>
    </div>
  );
}
