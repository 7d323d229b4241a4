/** The current language's translator, for components. */
import { useCallback } from 'react';
import { useSim } from '../store/useSim';
import { translate, type MessageKey, type Params } from './i18n';

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useSim((s) => s.language);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
