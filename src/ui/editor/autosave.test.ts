import { describe, expect, it } from 'vitest';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { workingScenario } from '../store/editor-slice';
import { AUTOSAVE_KEY, readAutosave, restoreAutosave } from './autosave';
import { setIn } from './paths';

const storage = (text: string | null) => ({ getItem: (k: string) => (k === AUTOSAVE_KEY ? text : null) });

describe('readAutosave', () => {
  it('ignores a missing, damaged or wrongly shaped entry', () => {
    expect(readAutosave(storage(null))).toBeNull();
    expect(readAutosave(storage('{not json'))).toBeNull();
    expect(readAutosave(storage('{"valid": {"hosts": 1}}'))).toBeNull();
    expect(readAutosave(undefined)).toBeNull();
  });

  it('restores the valid scenario simulating and the invalid working copy in the editor', () => {
    const valid = engine.getPreset('nat-lab');
    const working = setIn(valid, ['hosts', 0, 'routes'], [{ dst: 'default', via: '99.99.99.99' }]);
    const saved = readAutosave(storage(JSON.stringify({ valid, working })));
    expect(saved?.valid).toEqual(valid);
    const store = createSimStore({ engine });
    if (saved) restoreAutosave(store, saved);
    expect(store.getState().scenario).toEqual(valid);
    expect(workingScenario(store.getState())).toEqual(working);
    expect(store.getState().problems.length).toBeGreaterThan(0);
  });
});
