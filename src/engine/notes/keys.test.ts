import { describe, expect, it } from 'vitest';
import { getPreset, listPresets, simulate } from '../index';
import { NOTE_KEYS } from './keys';

describe('NOTE_KEYS', () => {
  it('lists every note key and param that the presets emit', () => {
    for (const p of listPresets()) {
      const { trace } = simulate(getPreset(p.id) as NonNullable<ReturnType<typeof getPreset>>, {});
      for (const e of trace.events) {
        const params = (NOTE_KEYS as Record<string, readonly string[]>)[e.note.key];
        expect(params, `${p.id} #${e.seq}: ${e.note.key}`).toBeDefined();
        for (const k of Object.keys(e.note.params)) expect(params, `${p.id} #${e.seq}: ${e.note.key} param ${k}`).toContain(k);
      }
    }
  });
});
