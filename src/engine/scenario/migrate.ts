/**
 * Brings a scenario document of any known version up to CURRENT_VERSION, one version at a
 * time (Excalidraw's restore, tldraw's migrations). It runs before the shape check, on plain
 * JSON, so a step may rename or move fields freely; it never throws.
 */
import { err, ok, type Result } from '../addr/result';
import { say } from '../problem/codes';
import { problemAt, type ParamValue, type Problem } from '../problem/phrase';
import { CURRENT_VERSION, OLDEST_VERSION } from './version';

export type JsonObject = Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n document into a version-(n + 1) one. Version 1 is the
 * first format, so there is nothing to migrate yet; the first entry will be `2: (doc) => …`
 * under the key of the version it reads.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: JsonObject) => JsonObject>> = {};

export function isJsonObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): ParamValue {
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return say('what.array');
  if (x === null) return 'null';
  if (typeof x === 'object') return say('what.object');
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}

/** Reads `version`: a whole number this app knows, or the problem saying why not. */
export function readVersion(doc: JsonObject): Result<number, Problem> {
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const expected = say('what.format-version', { version: CURRENT_VERSION });
    return err(problemAt('version', version === undefined ? say('shape.missing', { expected }) : say('shape.expected-found', { expected, found: describe(version) })));
  }
  if (version > CURRENT_VERSION) return err(problemAt(null, say('version.newer', { version, current: CURRENT_VERSION })));
  if (version < OLDEST_VERSION) return err(problemAt(null, say('version.unknown', { version, oldest: OLDEST_VERSION, current: CURRENT_VERSION })));
  return ok(version);
}

/** Any JSON → a document that claims the current version (its shape is checked afterwards). */
export function migrateScenario(json: unknown): Result<JsonObject, Problem> {
  if (!isJsonObject(json)) return err(problemAt('scenario', say('shape.expected-found', { expected: say('what.object'), found: describe(json) })));
  const from = readVersion(json);
  if (!from.ok) return from;
  let doc = json;
  for (let v = from.value; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return err(problemAt(null, say('version.no-migration', { version: v, next: v + 1 })));
    try {
      doc = { ...step(doc), version: v + 1 };
    } catch (e) {
      return err(problemAt(null, say('version.migration-failed', { version: v, next: v + 1, reason: e instanceof Error ? e.message : String(e) })));
    }
  }
  return ok(doc);
}
