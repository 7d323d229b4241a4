/** The quiz view's own strings (quiz.en.json / quiz.zh-CN.json), loaded with the view. */
import { featureCatalog } from '../i18n/feature-catalog';
import en from './quiz.en.json';
import zhCN from './quiz.zh-CN.json';

export const quizText = featureCatalog(en, zhCN);
export const useQuizT = quizText.useT;
