/** Keep <html lang> and the remembered choice in step with the store's language. */
import { useEffect } from 'react';
import { STORAGE_KEY } from '../i18n/i18n';
import { isEmbed } from '../share-ui/embed';
import { useSim } from '../store/useSim';

/** After the next paint: a language switch must be drawn within one frame, and neither of these is seen. */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function useDocumentLang(): void {
  const lang = useSim((s) => s.language);
  useEffect(() => afterPaint(() => {
    // Changing <html lang> restyles the whole page (:lang, font fallback): keep it out of the
    // frame that draws the new texts.
    document.documentElement.lang = lang === 'pseudo' ? 'en' : lang;
    // An embed writes no storage: the language is the link's, not a choice to remember.
    if (lang !== 'pseudo' && !isEmbed(location.search)) {
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        // Private mode or a full quota: the choice just is not remembered.
      }
    }
  }), [lang]);
}
