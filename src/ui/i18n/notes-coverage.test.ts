/**
 * Every note key and drop code the engine emits for the presets has words in the catalog, so
 * no learner ever reads `[[notes.…]]`. Runs the real engine (node environment).
 */
import { describe, expect, it } from 'vitest';
import { DROP_REASONS, getPreset, listPresets, simulate } from '../../engine';
import { hasNote, lookup } from './i18n';
import en from './en.json';

describe('note catalog', () => {
  it('covers every note key the presets produce', () => {
    const missing = new Set<string>();
    for (const p of listPresets()) {
      const scenario = getPreset(p.id);
      if (!scenario) continue;
      for (const e of simulate(scenario).trace.events) if (!hasNote(e.note.key)) missing.add(`${e.note.key} (${p.id})`);
    }
    expect([...missing]).toEqual([]);
  });

  it('names every drop reason', () => {
    expect(DROP_REASONS.filter((r) => lookup(en, `reasons.${r}`) === undefined)).toEqual([]);
  });
});
