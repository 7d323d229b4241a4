/** The header's Quiz button, and the quiz it opens (loaded on first use: the first page carries only this). */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';

const QuizPanel = lazy(() => import('./QuizPanel'));

export function QuizToggle() {
  const t = useT();
  const open = useSim((s) => s.quiz !== null);
  const setQuiz = useSim((s) => s.setQuiz);
  return (
    <button type="button" className="btn" data-testid="quiz-toggle" aria-pressed={open} onClick={() => setQuiz(open ? null : { asked: null })}>
      {t('quiz.toggle')}
    </button>
  );
}

export function QuizHost() {
  const open = useSim((s) => s.quiz !== null);
  return open ? <Suspense fallback={null}><QuizPanel /></Suspense> : null;
}
