import type { BuildLab, TypedLine } from './types';

/** Every command of the lab's checklist, in order: the lab as the course builds it. */
export function solution(lab: BuildLab, skip: readonly string[] = []): TypedLine[] {
  return lab.steps.filter((s) => !skip.includes(s.id)).flatMap((s) => s.commands);
}
