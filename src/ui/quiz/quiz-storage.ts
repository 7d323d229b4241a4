/**
 * The learner's answers, kept on their machine only: localStorage, one record per quiz link.
 * Storage can be missing or full (private windows, a school's locked profile): the quiz still
 * runs, it just forgets on reload.
 */
import { parseProgress, type Progress } from '../../quiz';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadProgress(key: string): Progress {
  try {
    const text = storage()?.getItem(key);
    return text ? parseProgress(JSON.parse(text)) : { answers: {} };
  } catch {
    return { answers: {} };
  }
}

export function saveProgress(key: string, progress: Progress): void {
  try {
    storage()?.setItem(key, JSON.stringify(progress));
  } catch {
    // Full or refused: the answers live on in the page until it closes.
  }
}

export function clearProgress(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
