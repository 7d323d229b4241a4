/**
 * Brings a scenario document of any known version up to CURRENT_VERSION, one version at a
 * time (Excalidraw's restore, tldraw's migrations). It runs before the shape check, on plain
 * JSON, so a step may rename or move fields freely; it never throws.
 */
import { err, ok, type Result } from '../addr/result';
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

function describe(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return 'an array';
  if (x === null) return 'null';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}

/** Reads `version`: a whole number this app knows, or a message saying why not. */
export function readVersion(doc: JsonObject): Result<number> {
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const expected = `a whole number (the format version; this app writes ${CURRENT_VERSION})`;
    return err(version === undefined ? `version: missing, expected ${expected}` : `version: expected ${expected}, found ${describe(version)}`);
  }
  if (version > CURRENT_VERSION) return err(`version ${version} is newer than this app understands (${CURRENT_VERSION})`);
  if (version < OLDEST_VERSION) return err(`version ${version} is not a scenario format version (expected ${OLDEST_VERSION}-${CURRENT_VERSION})`);
  return ok(version);
}

/** Any JSON → a document that claims the current version (its shape is checked afterwards). */
export function migrateScenario(json: unknown): Result<JsonObject> {
  if (!isJsonObject(json)) return err(`scenario: expected an object, found ${describe(json)}`);
  const from = readVersion(json);
  if (!from.ok) return from;
  let doc = json;
  for (let v = from.value; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return err(`version ${v} cannot be upgraded: no migration from version ${v} to ${v + 1}`);
    try {
      doc = { ...step(doc), version: v + 1 };
    } catch (e) {
      return err(`version ${v} could not be upgraded to ${v + 1}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return ok(doc);
}
