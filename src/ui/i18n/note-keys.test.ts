import { describe, expect, it } from 'vitest';
import { NOTE_KEYS } from '../../engine';
import en from './en.json';
import zh from './zh-CN.json';

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((cur, part) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined), catalogue);
}

describe('note catalogues', () => {
  for (const [name, cat] of [['en', en], ['zh-CN', zh]] as const) {
    it(`${name} explains every note key the engine can emit, using only the params it fills`, () => {
      for (const [key, params] of Object.entries(NOTE_KEYS)) {
        const text = lookup(cat.notes, key);
        expect(typeof text, `${name}: notes.${key}`).toBe('string');
        for (const m of String(text).matchAll(/\{\{(\w+)\}\}/g)) expect(params, `${name}: notes.${key} uses {{${m[1]}}}`).toContain(m[1]);
      }
    });
  }
});
