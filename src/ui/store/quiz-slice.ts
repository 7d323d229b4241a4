/**
 * Whether the quiz (predict the next hop, src/ui/quiz) is open, and which hops it asks: a quiz
 * link's, or null for the scenario's course hops. The quiz itself lives in its lazy view.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SimStore } from './types';

export interface QuizOpen {
  /** Hop numbers a quiz link asks; null: the course hops. */
  asked: readonly number[] | null;
}

export interface QuizSlice {
  quiz: QuizOpen | null;
  setQuiz(quiz: QuizOpen | null): void;
}

export function createQuizSlice(set: StoreApi<SimStore>['setState']): QuizSlice {
  return {
    quiz: null,
    setQuiz: (quiz) => set({ quiz }),
  };
}
