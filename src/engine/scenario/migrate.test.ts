import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problem/format';
import type { Result } from '../addr/result';
import type { Problem } from '../problem/phrase';
import { migrateScenario, readVersion } from './migrate';

/** The English line the CLI prints for a refusal; the value itself when accepted. */
const english = <T>(r: Result<T, Problem>): T | string => (r.ok ? r.value : formatProblem(r.error));
import { CURRENT_VERSION } from './version';

describe('migrateScenario', () => {
  it('passes a current-version document through unchanged', () => {
    const doc = { version: 1, id: 'x' };
    expect(migrateScenario(doc)).toEqual({ ok: true, value: doc });
  });

  it('refuses a version newer than this app', () => {
    expect(english(migrateScenario({ version: 7 }))).toBe(`version 7 is newer than this app understands (${CURRENT_VERSION})`);
  });

  it('refuses versions below the first and versions that are not whole numbers', () => {
    expect(english(migrateScenario({ version: 0 }))).toBe('version 0 is not a scenario format version (expected 1-1)');
    expect(english(readVersion({ version: 1.5 }))).toBe('version: expected a whole number (the format version; this app writes 1), found 1.5');
    expect(english(readVersion({}))).toBe('version: missing, expected a whole number (the format version; this app writes 1)');
  });

  it('refuses what is not an object', () => {
    expect(english(migrateScenario('nat-lab'))).toBe('scenario: expected an object, found "nat-lab"');
    expect(english(migrateScenario(undefined))).toBe('scenario: expected an object, found undefined');
  });
});
