import { describe, expect, it } from 'vitest';
import { migrateScenario, readVersion } from './migrate';
import { CURRENT_VERSION } from './version';

describe('migrateScenario', () => {
  it('passes a current-version document through unchanged', () => {
    const doc = { version: 1, id: 'x' };
    expect(migrateScenario(doc)).toEqual({ ok: true, value: doc });
  });

  it('refuses a version newer than this app', () => {
    expect(migrateScenario({ version: 7 })).toEqual({ ok: false, error: `version 7 is newer than this app understands (${CURRENT_VERSION})` });
  });

  it('refuses versions below the first and versions that are not whole numbers', () => {
    expect(migrateScenario({ version: 0 })).toEqual({ ok: false, error: 'version 0 is not a scenario format version (expected 1-1)' });
    expect(readVersion({ version: 1.5 })).toEqual({ ok: false, error: 'version: expected a whole number (the format version; this app writes 1), found 1.5' });
    expect(readVersion({})).toEqual({ ok: false, error: 'version: missing, expected a whole number (the format version; this app writes 1)' });
  });

  it('refuses what is not an object', () => {
    expect(migrateScenario('nat-lab')).toEqual({ ok: false, error: 'scenario: expected an object, found "nat-lab"' });
    expect(migrateScenario(undefined)).toEqual({ ok: false, error: 'scenario: expected an object, found undefined' });
  });
});
