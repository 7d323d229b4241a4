/**
 * The caption under the projected topology: the step's narration in English and in Chinese side
 * by side (the course is taught in Chinese with English beside it), each column marked with its
 * language so a screen reader reads it in the right voice.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../i18n/i18n';
import { useCurrentPacket } from '../packets/useCurrentPacket';
import { currentEventIndex } from '../store/selectors';
import { useSim } from '../store/useSim';
import { captionFor } from './caption';
import { usePresenterT } from './catalog';

const COLUMNS: readonly Lang[] = ['en', 'zh-CN'];

export function PresenterCaption({ step }: { step: ReactNode }) {
  const t = usePresenterT();
  const trace = useSim((s) => s.trace);
  const hosts = useSim((s) => s.hostIndex);
  const index = useSim(currentEventIndex);
  const packet = useCurrentPacket();
  if (!trace || !hosts) return null;
  return (
    <section className="presenter-caption" aria-label={t('caption')} aria-live="polite" data-testid="presenter-caption">
      {step}
      {COLUMNS.map((lang) => {
        const c = captionFor(lang, trace, hosts, index, packet);
        return (
          <div key={lang} className="presenter-caption-col" lang={lang} data-testid={`presenter-caption-${lang}`}>
            {c?.causes.map((r) => <p key={r.seq} className="presenter-cause"><code>{r.action}</code> {r.text}</p>)}
            <p className="presenter-note">{c?.note}</p>
          </div>
        );
      })}
    </section>
  );
}
