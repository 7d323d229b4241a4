import { describe, expect, it } from 'vitest';
import { featureCatalog } from './feature-catalog';
import { leafKeys } from './i18n';

// Every view's own catalogue pair, wherever it lives under src/ui.
const english = import.meta.glob<{ default: Record<string, unknown> }>('../**/*.en.json', { eager: true });
const chinese = import.meta.glob<{ default: Record<string, unknown> }>('../**/*.zh-CN.json', { eager: true });
type Tree = { [k: string]: string | Tree };

describe('each view\'s own catalogue', () => {
  it('every Chinese catalogue has an English twin', () => {
    for (const zhPath of Object.keys(chinese)) expect(english[zhPath.replace(/\.zh-CN\.json$/, '.en.json')], zhPath).toBeDefined();
  });
  for (const [path, mod] of Object.entries(english)) {
    const zhPath = path.replace(/\.en\.json$/, '.zh-CN.json');
    it(`${path} has a Chinese twin with exactly the same keys and placeholders`, () => {
      const zh = chinese[zhPath]?.default as Tree | undefined;
      expect(zh, `${zhPath} is missing`).toBeDefined();
      const en = mod.default as Tree;
      expect(leafKeys(zh!).sort()).toEqual(leafKeys(en).sort());
      const cat = featureCatalog(en, zh!);
      const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const key of leafKeys(en)) {
        const zhText = cat.translate('zh-CN', key as never);
        expect(zhText.trim(), key).not.toBe('');
        expect(params(zhText), key).toEqual(params(cat.translate('en', key as never)));
      }
    });
  }
});

describe('featureCatalog', () => {
  const cat = featureCatalog({ a: { b: 'Step {{n}}' } }, { a: { b: '第 {{n}} 步' } });
  it('translates into the chosen language with placeholders filled', () => {
    expect(cat.translate('en', 'a.b', { n: 3 })).toBe('Step 3');
    expect(cat.translate('zh-CN', 'a.b', { n: 3 })).toBe('第 3 步');
  });
  it('shows a key the catalogue lacks, and every key in the pseudo-locale', () => {
    expect(featureCatalog({ a: 'x' }, {}).translate('zh-CN', 'a')).toBe('[[a]]');
    expect(cat.translate('pseudo', 'a.b')).toBe('[[a.b]]');
  });
});
