/**
 * Keeps the learner before the hop they are asked about: any step, scrub or play that would
 * show its first frame is taken back to the last step before it. When the course view has no
 * step before it (the run's very first packet), the full view does (the client's ARP, its
 * connect), so the quiz steps there.
 */
import { useEffect } from 'react';
import { lastStepBefore } from '../../quiz';
import { useSimStoreApi } from '../store/useSim';

export function useQuizGuard(first: number | null): void {
  const store = useSimStoreApi();
  useEffect(() => {
    if (first === null) return undefined;
    const hold = () => {
      const s = store.getState();
      const here = s.steps[s.cursor];
      if (here === undefined || here < first) return;
      if (s.playing) s.pause();
      if (lastStepBefore(s.steps, first) < 0 && s.depth === 'course') s.setDepth('full');
      const now = store.getState();
      now.seekTo(Math.max(0, lastStepBefore(now.steps, first)));
    };
    hold();
    return store.subscribe((s, prev) => {
      if (s.cursor !== prev.cursor || s.steps !== prev.steps) hold();
    });
  }, [store, first]);
}
