/**
 * The app's side of share links: the store's view ↔ the codec's LinkState. The store speaks
 * 'zh-CN', links speak 'zh'; a link carries the simulated scenario (what is on screen), never
 * an invalid working copy.
 */
import type { Problem } from '../../engine';
import { decodeLink, encodeLink, linkStateFor, type LinkView } from '../../share';
import type { Lang } from '../i18n/i18n';
import type { SimStore } from '../store/types';

export const storeLang = (l: 'en' | 'zh'): Lang => (l === 'zh' ? 'zh-CN' : 'en');
export const linkLang = (l: Lang): 'en' | 'zh' => (l === 'zh-CN' ? 'zh' : 'en');

/** The host loadScenario selects by itself, so a link need not name it. */
function defaultHost(s: SimStore): string | null {
  return s.scenario?.hosts.find((h) => h.role === 'director' || h.role === 'proxy')?.id ?? null;
}

/**
 * The fragment (no '#') for the scenario on screen; step 0 unless `atStep`. Lines typed in the
 * consoles travel with the scenario they were typed over, which the link opens and replays them on.
 */
export function currentFragment(s: SimStore, atStep: boolean): string | null {
  if (!s.scenario) return null;
  const view: LinkView = { step: atStep ? s.cursor : 0, depth: s.depth, lang: linkLang(s.language) };
  if (s.selectedHost !== null && s.selectedHost !== defaultHost(s)) view.selection = { host: s.selectedHost };
  if (s.consoleLines.length > 0) view.lines = s.consoleLines;
  // A quiz opened from a link (or whose hops a teacher chose) stays a quiz link.
  if (s.quiz?.asked) view.quiz = s.quiz.asked;
  return encodeLink(linkStateFor(s.consoleBase ?? s.scenario, view));
}

/**
 * Open a link's fragment in the store: scenario, depth, step (clamped to the trace), selection,
 * language (unless the link leaves it to the reader). Returns the codec's problem when the link
 * cannot be opened, and then changes nothing. A link with console lines replays them once the
 * shell has loaded, then takes its step.
 */
/**
 * Whether the page may write its view over this fragment: it opens, and names the scenario on
 * screen. A fragment typed whose hashchange has not been handled yet (a bad link, or another
 * scenario's) must stay for that handler to open.
 */
export function mayWriteOver(s: SimStore, fragment: string): boolean {
  const r = decodeLink(fragment);
  return r.ok && r.value.scenario.id === s.scenario?.id;
}

export function openLink(store: { getState(): SimStore }, fragment: string): Problem | null {
  const r = decodeLink(fragment);
  if (!r.ok) return r.problem;
  const link = r.value;
  const s = store.getState();
  s.setDepth(link.depth);
  s.loadScenario(link.scenario);
  store.getState().seekTo(link.step);
  const lines = link.lines;
  if (lines) void s.replayConsole(lines).then(() => store.getState().seekTo(link.step));
  const host = link.selection?.host;
  if (host !== undefined && link.scenario.hosts.some((h) => h.id === host)) s.selectHost(host);
  // A short hand-typed link names no language: the page keeps the reader's.
  if (!link.readerLang) s.setLanguage(storeLang(link.lang));
  // A quiz link opens the quiz on its hops (the quiz view checks them against the run).
  s.setQuiz(link.quiz ? { asked: link.quiz } : null);
  return null;
}
