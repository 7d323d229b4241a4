/**
 * A view that loads on demand (presenter, quiz, compare, load view…) keeps its strings beside it,
 * in `<view>.en.json` and `<view>.zh-CN.json`, so they travel in the view's lazy chunk instead of
 * the initial bundle. Same rules as the main catalog: en is the source of the key type, `{{param}}`
 * placeholders, a missing key shows as `[[key]]`, the pseudo-locale shows every key.
 */
import { useCallback } from 'react';
import { useSim } from '../store/useSim';
import { interpolate, lookup, type Lang, type Params } from './i18n';

type Tree = { [k: string]: string | Tree };
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

export interface FeatureCatalog<T extends Tree> {
  translate(lang: Lang, key: Leaves<T>, params?: Params): string;
  /** The current language's translator for this view's components. */
  useT(): (key: Leaves<T>, params?: Params) => string;
}

export function featureCatalog<T extends Tree>(en: T, zhCN: Tree): FeatureCatalog<T> {
  const translate = (lang: Lang, key: Leaves<T>, params?: Params): string => {
    if (lang === 'pseudo') return `[[${key}]]`;
    const text = lookup(lang === 'zh-CN' ? zhCN : en, key);
    return text === undefined ? `[[${key}]]` : interpolate(text, params);
  };
  return {
    translate,
    useT() {
      const lang = useSim((s) => s.language);
      return useCallback((key: Leaves<T>, params?: Params) => translate(lang, key, params), [lang]);
    },
  };
}
