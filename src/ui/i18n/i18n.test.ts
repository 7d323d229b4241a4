import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import { detectLang, interpolate, leafKeys, textIn, translate, translateDynamic, translateNote } from './i18n';

describe('catalogs', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect(leafKeys(zhCN).sort()).toEqual(leafKeys(en).sort());
  });
  it('every zh-CN string keeps the placeholders of its English original', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(en)) {
      expect(params(translateDynamic('zh-CN', key)), key).toEqual(params(translateDynamic('en', key)));
    }
  });
});

describe('translate', () => {
  it('fills {{param}} placeholders', () => {
    expect(translate('en', 'playback.stepOf', { total: 12 })).toBe('of 12');
  });
  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('a {{b}} c', {})).toBe('a {{b}} c');
  });
  it('renders a note key the catalog lacks as [[notes.key]]', () => {
    expect(translateNote('en', { key: 'no.such.note', params: {} })).toBe('[[notes.no.such.note]]');
  });
  it('renders every key as [[key]] in the pseudo-locale', () => {
    expect(translate('pseudo', 'actions.play')).toBe('[[actions.play]]');
  });
});

describe('textIn', () => {
  const title = { en: 'NAT lab', zh: 'NAT 实验' };
  it('gives the Chinese text in zh-CN', () => {
    expect(textIn('zh-CN', title)).toBe('NAT 实验');
  });
  it('gives the English text in English and in the pseudo-locale', () => {
    expect(textIn('en', title)).toBe('NAT lab');
    expect(textIn('pseudo', title)).toBe('NAT lab');
  });
});

describe('detectLang', () => {
  it('prefers the stored choice', () => {
    expect(detectLang('en', ['zh-CN'])).toBe('en');
  });
  it('picks Chinese for any zh browser language', () => {
    expect(detectLang(null, ['zh-TW', 'en'])).toBe('zh-CN');
  });
  it('falls back to English', () => {
    expect(detectLang('xx', ['fr-FR'])).toBe('en');
  });
});
