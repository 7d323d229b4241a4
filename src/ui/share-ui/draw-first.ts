/**
 * The page's first paint on a plain visit: the first preset's topology before its run is
 * simulated (main.tsx). On a phone the run, and the panels it fills, are half of the first
 * draw (docs/performance-ui.md, issue 13). Anything that would replace the preset right away
 * (a link in the fragment, the autosaved working copy) or draw another view (an embed,
 * presenter mode) keeps the old order, so nothing on screen changes twice.
 */
import { AUTOSAVE_KEY } from '../editor/autosave';
import { isPresent } from '../presenter/present-flag';

export function drawBeforeRun(
  loc: Pick<Location, 'hash' | 'search'>,
  embed: boolean,
  storage: () => Pick<Storage, 'getItem'> | undefined,
): boolean {
  // An embed is a read-only view that never reaches for storage, so the storage is asked last.
  if (embed || loc.hash.length > 1 || isPresent(loc.search)) return false;
  try {
    return !storage()?.getItem(AUTOSAVE_KEY);
  } catch {
    return true;
  }
}

/**
 * Runs `fn` after the next frame is painted: a requestAnimationFrame callback runs just before
 * the frame's style, layout and paint, and a task it posts runs after them. `fn` waits one task
 * more, so that other callbacks of that frame that wait for its paint (a probe timing it, the
 * benches' bench-kit/first-draw.ts) see it before the run starts.
 */
export function afterNextPaint(fn: () => void, raf: (cb: () => void) => unknown = requestAnimationFrame): void {
  raf(() => {
    const ch = new MessageChannel();
    let tasks = 0;
    ch.port1.onmessage = () => {
      if (++tasks < 2) return ch.port2.postMessage(null);
      ch.port1.close();
      fn();
    };
    ch.port2.postMessage(null);
  });
}
