/**
 * Every user command as one table (STYLE 8): the toolbar's buttons and the keyboard shortcuts
 * both read it, so a key and its button can never drift apart. Labels are i18n keys.
 */
import type { MessageKey } from './i18n/i18n';
import type { SimStore } from './store/types';

export type ActionId =
  | 'first' | 'stepBack' | 'playPause' | 'stepForward' | 'last'
  | 'restart' | 'slower' | 'faster' | 'fit' | 'toggleDepth';

export interface AppAction {
  id: ActionId;
  labelKey: MessageKey;
  /** KeyboardEvent.key values; the first is shown in tooltips. */
  kbd: readonly string[];
  run(store: SimStore, source: 'kbd' | 'toolbar'): void;
}

export const ACTIONS: readonly AppAction[] = [
  { id: 'first', labelKey: 'actions.first', kbd: ['Home'], run: (s) => s.seekFirst() },
  { id: 'stepBack', labelKey: 'actions.stepBack', kbd: ['ArrowLeft'], run: (s) => { s.pause(); s.stepBack(); } },
  { id: 'playPause', labelKey: 'actions.playPause', kbd: [' '], run: (s) => s.togglePlay() },
  { id: 'stepForward', labelKey: 'actions.stepForward', kbd: ['ArrowRight'], run: (s) => { s.pause(); s.stepForward(); } },
  { id: 'last', labelKey: 'actions.last', kbd: ['End'], run: (s) => s.seekLast() },
  { id: 'restart', labelKey: 'actions.restart', kbd: ['r', 'R'], run: (s) => s.restart() },
  { id: 'slower', labelKey: 'actions.slower', kbd: ['-', '_'], run: (s) => s.setSpeed(s.speedIndex - 1) },
  { id: 'faster', labelKey: 'actions.faster', kbd: ['+', '='], run: (s) => s.setSpeed(s.speedIndex + 1) },
  { id: 'fit', labelKey: 'actions.fit', kbd: ['f', 'F'], run: (s) => s.requestFit() },
  { id: 'toggleDepth', labelKey: 'actions.toggleDepth', kbd: ['d', 'D'], run: (s) => s.toggleDepth() },
];

export const actionById = (id: ActionId): AppAction => {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};

/** Keys typed into a field belong to the field, and modified keys to the browser. */
export function actionForKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): AppAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || el?.isContentEditable) return undefined;
  return ACTIONS.find((a) => a.kbd.includes(e.key));
}

/** "Space", "←", … for tooltips. */
export function kbdLabel(a: AppAction): string {
  const k = a.kbd[0] ?? '';
  return ({ ' ': 'Space', ArrowLeft: '←', ArrowRight: '→' } as Record<string, string>)[k] ?? k;
}
