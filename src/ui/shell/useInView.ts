/**
 * Whether an element is on screen (or within `margin` of it), while `watch` is on; always true
 * when it is off. The phone's inspectors sit under the fold: while they are out of view a
 * playing topology need not render them on every hop.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useInView(ref: RefObject<Element | null>, watch: boolean, margin = '200px'): boolean {
  const [inView, setInView] = useState(!watch);
  useEffect(() => {
    const el = ref.current;
    if (!watch || !el || typeof IntersectionObserver !== 'function') {
      setInView(true);
      return;
    }
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, watch, margin]);
  return inView;
}
