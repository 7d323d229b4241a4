/**
 * Predict the next hop (loaded on demand). The quiz holds the timeline before each asked hop,
 * asks what it will carry, then steps onto it and shows the truth and the rule. Answers stay
 * in this browser's localStorage, one record per quiz link; the end lists them all.
 */
import { useEffect, useMemo, useState } from 'react';
import { problemAt } from '../../engine';
import { checkAnswer, lastStepBefore, makeQuiz, progressKey, stepOf, type Answer, type Progress, type Question } from '../../quiz';
import { encodeLink, linkStateFor, sayLink } from '../../share';
import { useSim, useSimStoreApi } from '../store/useSim';
import { flagsOf } from './flags';
import { HopPicker } from './HopPicker';
import { HopResultView } from './HopResultView';
import { QuestionForm } from './QuestionForm';
import { QuizSummary } from './QuizSummary';
import { useQuizT } from './quiz-text';
import { clearProgress, loadProgress, saveProgress } from './quiz-storage';
import { useQuizGuard } from './useQuizGuard';
import './quiz.css';

export default function QuizPanel() {
  const t = useQuizT();
  const store = useSimStoreApi();
  const trace = useSim((s) => s.trace);
  const scenario = useSim((s) => s.scenario);
  const asked = useSim((s) => s.quiz?.asked ?? null);
  const setQuiz = useSim((s) => s.setQuiz);
  const setLinkError = useSim((s) => s.setLinkError);
  // A link's hops belong to the link's scenario: another scenario starts on its own course hops.
  const [forTrace, setForTrace] = useState(trace);
  if (trace !== forTrace) {
    setForTrace(trace);
    if (asked) setQuiz({ asked: null });
  }
  const made = useMemo(() => (trace && scenario ? makeQuiz(trace, scenario, asked ?? undefined) : null), [trace, scenario, asked]);
  useEffect(() => {
    if (!made || made.ok) return;
    const { index, hop, count } = made.unknown;
    setLinkError(problemAt(`link.quiz[${index}]`, sayLink('link.unknown-quiz-hop', { hop, count, last: count - 1 })));
    setQuiz({ asked: null });
  }, [made, setLinkError, setQuiz]);
  const quiz = made?.ok ? made.quiz : null;
  const key = useMemo(() => (quiz && scenario ? progressKey(encodeLink(linkStateFor(scenario, { quiz: quiz.asked }))) : null), [quiz, scenario]);
  const [progress, setProgress] = useState<Progress>({ answers: {} });
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (key === null) return;
    setProgress(loadProgress(key));
    setShown(null);
  }, [key]);

  const pending: Question | null = quiz?.questions.find((q) => !(q.hop.n in progress.answers)) ?? null;
  useQuizGuard(pending ? pending.hop.first : null);

  // After an answer, step onto the hop so the packet shows what it really carries.
  useEffect(() => {
    const hop = shown === null ? undefined : quiz?.hops[shown];
    if (!hop) return;
    const s = store.getState();
    s.setDepth('course');
    s.seekTo(stepOf(store.getState().steps, hop.first));
  }, [shown, quiz, store]);

  if (!quiz || !trace || !key) return null;
  const results = quiz.questions.filter((q) => progress.answers[q.hop.n]).map((q) => checkAnswer(trace, q, progress.answers[q.hop.n] ?? {}, quiz.ctx));
  const right = results.filter((r) => r.right).length;

  const answer = (q: Question, a: Answer) => {
    const next = { answers: { ...progress.answers, [q.hop.n]: a } };
    setProgress(next);
    saveProgress(key, next);
    setShown(q.hop.n);
  };
  const goOn = () => {
    setShown(null);
    const s = store.getState();
    if (!pending) return;
    // Play the steps up to the next question's packet, not past it.
    s.setDepth('course');
    const at = lastStepBefore(store.getState().steps, pending.hop.first);
    if (at >= 0) store.getState().seekTo(at);
  };
  const restart = () => {
    clearProgress(key);
    setProgress({ answers: {} });
    setShown(null);
    store.getState().setDepth('course');
    store.getState().seekTo(0);
  };
  const shownResult = shown === null ? undefined : results.find((r) => r.n === shown);

  return (
    <section className="quiz-panel" data-testid="quiz-panel" aria-labelledby="quiz-title">
      <div className="quiz-head">
        <h2 id="quiz-title" className="panel-title">{t('title')}</h2>
        <button type="button" className="btn" data-testid="quiz-close" onClick={() => setQuiz(null)}>{t('close')}</button>
      </div>
      <p className="quiz-score" data-testid="quiz-score">{t('score', { right, answered: results.length, asked: quiz.asked.length })}</p>
      {results.length === 0 && shown === null ? <p className="muted">{t('intro')}</p> : null}
      {shownResult ? (
        <>
          <HopResultView result={shownResult} quiz={quiz} />
          <button type="button" className="btn btn-primary" data-testid="quiz-next" onClick={goOn}>{t(pending ? 'next' : 'finish')}</button>
        </>
      ) : pending ? (
        <QuestionForm key={pending.hop.n} question={pending} ctx={quiz.ctx} flags={flagsOf(trace, pending.hop)}
          index={quiz.questions.indexOf(pending)} total={quiz.questions.length} onAnswer={(a) => answer(pending, a)} />
      ) : (
        <QuizSummary quiz={quiz} results={results} onRestart={restart} />
      )}
      <HopPicker quiz={quiz} />
    </section>
  );
}
