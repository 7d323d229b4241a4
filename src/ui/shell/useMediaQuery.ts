/**
 * Whether a media query matches now, re-rendering when it starts or stops matching. The
 * layout's breakpoints (styles.css) are named here for the few places where script must agree
 * with them: which tools sit in the header's bar, how far a packet's label grows.
 */
import { useCallback, useSyncExternalStore } from 'react';

/** A phone held sideways or a tablet, and narrower: the stacked layout. */
export const NARROW = '(max-width: 1100px)';
/** A phone held upright. */
export const PHONE = '(max-width: 600px)';

const query = (q: string) => (typeof matchMedia === 'function' ? matchMedia(q) : null);

export function useMediaQuery(q: string): boolean {
  const subscribe = useCallback((onChange: () => void) => {
    const list = query(q);
    list?.addEventListener('change', onChange);
    return () => list?.removeEventListener('change', onChange);
  }, [q]);
  return useSyncExternalStore(subscribe, () => query(q)?.matches ?? false, () => false);
}
