/**
 * Predict the next hop: the quiz's pure part (no React, DOM or storage), over the engine's trace.
 * src/ui/quiz draws it; every question and answer comes from the run, never from a preset.
 */
export { quizHops, defaultAsked, endpointText, type QuizHop, type Endpoint } from './hops';
export { addressBook, type AddressBook, type AddressInfo, type AddressTerm } from './addresses';
export { questionFor, quizContext, ipOf, FIELD_ORDER, EPHEMERAL_PORT_MIN, type FieldId, type Question, type QuizField, type QuizContext, type ForwardMethod } from './questions';
export { hopSetting, misconceptionOf, MISCONCEPTIONS, type Misconception, type MisconceptionCode, type HopKind } from './misconceptions';
export { checkAnswer, scoreOf, type Answer, type FieldResult, type HopResult, type Score } from './check';
export { ruleNotes } from './rule';
export { makeQuiz, lastStepBefore, stepOf, type Quiz, type QuizResult, type UnknownHop } from './quiz';
export { parseProgress, progressKey, type Progress } from './progress';
