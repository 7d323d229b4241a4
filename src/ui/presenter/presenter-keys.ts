/**
 * What a key does while presenter mode shows. A presentation clicker sends PageDown/PageUp (some
 * send →/← or Space), and its "black screen" button sends B or "." (PowerPoint's keys). L puts
 * the Chinese and English captions side by side (the course is taught in Chinese, many classes
 * read both); F asks for full screen again after a reload, which cannot ask by itself.
 */
export type PresenterCommand = 'next' | 'back' | 'blank' | 'bilingual' | 'fullscreen' | 'leave';

const COMMANDS: Readonly<Record<string, PresenterCommand>> = {
  PageDown: 'next', ArrowRight: 'next', ' ': 'next',
  PageUp: 'back', ArrowLeft: 'back',
  b: 'blank', B: 'blank', '.': 'blank',
  l: 'bilingual', L: 'bilingual',
  f: 'fullscreen', F: 'fullscreen',
  Escape: 'leave',
};

/** The command for a key, or null for a key left to the page (Home, End, …) or held with a modifier. */
export function presenterCommand(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PresenterCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return COMMANDS[e.key] ?? null;
}
