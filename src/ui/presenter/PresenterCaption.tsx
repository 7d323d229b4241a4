/**
 * The caption under the projected topology: where the frame goes, then the rewrite it carries or,
 * without one, the engine's note (the label shows the rest), in the page's language, or,
 * `bilingual`, in Chinese and English side by side (the course is taught in Chinese, many classes
 * read both), each column marked with its language so a screen reader reads it in the right voice.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../i18n/i18n';
import { useCurrentPacket } from '../packets/useCurrentPacket';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import { captionFor } from './caption';
import { usePresenterT } from './catalog';

const BOTH: readonly Lang[] = ['zh-CN', 'en'];

/** `step`: the counter, beside the caption; `bar`: the keys and buttons, a slim row under it (over the topology they hid a host). */
export function PresenterCaption({ step, bar, bilingual }: { step: ReactNode; bar: ReactNode; bilingual: boolean }) {
  const t = usePresenterT();
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const index = useSim(currentEventIndex);
  const lang = useSim((s) => s.language);
  const packet = useCurrentPacket();
  if (!trace || !hosts) return null;
  return (
    <section className={bilingual ? 'presenter-caption presenter-caption-both' : 'presenter-caption'} aria-label={t('caption')} aria-live="polite" data-testid="presenter-caption">
      {step}
      {(bilingual ? BOTH : [lang]).map((column) => {
        const c = captionFor(column, trace, hosts, index, packet);
        return (
          <div key={column} className="presenter-caption-col" lang={column} data-testid={`presenter-caption-${column}`}>
            {c?.hop ? <p className="presenter-hop">{c.hop}</p> : null}
            {c?.causes.length
              ? c.causes.map((r) => <p key={r.seq} className="presenter-cause"><code>{r.action}</code> {r.text}</p>)
              : <p className="presenter-note">{c?.note}</p>}
          </div>
        );
      })}
      {bar}
    </section>
  );
}
