/** Keep <html lang> and the remembered choice in step with the store's language. */
import { useEffect } from 'react';
import { STORAGE_KEY } from '../i18n/i18n';
import { useSim } from '../store/useSim';

export function useDocumentLang(): void {
  const lang = useSim((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = lang === 'pseudo' ? 'en' : lang;
    if (lang !== 'pseudo') {
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        // Private mode or a full quota: the choice just is not remembered.
      }
    }
  }, [lang]);
}
