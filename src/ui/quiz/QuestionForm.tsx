/** One question: a choice per field (S, D, the inner header, the receiver), then Check. */
import { useState, type FormEvent } from 'react';
import type { Answer, Question, QuizContext } from '../../quiz';
import { useSim } from '../store/useSim';
import { choiceLabel } from './labels';
import { useQuizT } from './quiz-text';

interface Props {
  question: Question;
  ctx: QuizContext;
  flags: string;
  index: number;
  total: number;
  onAnswer(answer: Answer): void;
}

export function QuestionForm({ question, ctx, flags, index, total, onAnswer }: Props) {
  const t = useQuizT();
  const lang = useSim((s) => s.language);
  const hosts = useSim((s) => s.hostIndex);
  const [answer, setAnswer] = useState<Answer>({});
  if (!hosts) return null;
  const { hop } = question;
  const complete = question.fields.every((f) => answer[f.id] !== undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) onAnswer(answer);
  };
  return (
    <form className="quiz-question" data-testid="quiz-question" onSubmit={submit}>
      <h3>{t('question', { i: index + 1, total })}</h3>
      <p>{t('prompt', { from: hosts.name(hop.from, lang), flags })}</p>
      {hop.via.length > 0 ? <p className="muted">{t('promptVia', { via: hop.via.map((h) => hosts.name(h, lang)).join(', ') })}</p> : null}
      {question.fields.map((f) => (
        <label key={f.id} className="quiz-field">
          <span>{t(`fields.${f.id}`)}</span>
          <select data-testid={`quiz-field-${f.id}`} value={answer[f.id] ?? ''}
            onChange={(e) => setAnswer({ ...answer, [f.id]: e.target.value })}>
            <option value="" disabled>{t('choose')}</option>
            {f.options.map((o) => <option key={o} value={o}>{choiceLabel(f.id, o, ctx, hosts, lang)}</option>)}
          </select>
        </label>
      ))}
      <p className="muted quiz-hint">{t('portHint')}</p>
      <button type="submit" className="btn btn-primary" data-testid="quiz-check" disabled={!complete}>{t('check')}</button>
    </form>
  );
}
