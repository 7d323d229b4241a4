/**
 * Translation: en.json is the source of truth and its leaf paths are the key type (STYLE 10).
 * `{{param}}` placeholders. The engine emits note keys at run time, so those go through
 * `translateNote`, which renders a missing key as `[[notes.key]]` so a gap shows on screen
 * (and fails the e2e check) instead of hiding behind English. The pseudo-locale renders every
 * key as `[[key]]` so untranslated literals stand out in dev.
 */
import en from './en.json';
import zhCN from './zh-CN.json';

export type Lang = 'en' | 'zh-CN' | 'pseudo';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export const STORAGE_KEY = 'lvs-flow.lang';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;
export type Params = Record<string, string | number>;
type Tree = { [k: string]: string | Tree };

const CATALOGS: Record<Exclude<Lang, 'pseudo'>, Tree> = { en, 'zh-CN': zhCN };

export function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Any key, checked at run time: `[[key]]` when the catalog lacks it. */
export function translateDynamic(lang: Lang, key: string, params?: Params): string {
  if (lang === 'pseudo') return `[[${key}]]`;
  const text = lookup(CATALOGS[lang], key);
  return text === undefined ? `[[${key}]]` : interpolate(text, params);
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return translateDynamic(lang, key, params);
}

export function hasNote(key: string): boolean {
  return lookup(en, `notes.${key}`) !== undefined;
}

export function translateNote(lang: Lang, note: { key: string; params: Params }, params?: Params): string {
  return translateDynamic(lang, `notes.${note.key}`, params ?? note.params);
}

/** A scenario's own bilingual text (a title, a host's name) in `lang`: Chinese for zh-CN, else English. */
export function textIn(lang: Lang, text: { en: string; zh: string }): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}

/** The stored choice, else the browser's language: Chinese if it starts with zh, else English. */
export function detectLang(stored: string | null, navigatorLanguages: readonly string[]): Lang {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const l of navigatorLanguages) {
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** Every leaf path of a catalog, for the parity test and the coverage script. */
export function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`));
}

export const catalogs = CATALOGS;
