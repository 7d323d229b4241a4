import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '../scenarios/index';
import { scenarioJsonSchema } from './json-schema';

type Schema = Record<string, unknown>;

/**
 * Just enough of JSON Schema (draft-07) to check documents against what scenarioJsonSchema()
 * emits: every keyword it uses, and a failure for any keyword it does not know.
 */
function check(schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path || '/'}: ${why}`);
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  for (const [key, want] of Object.entries(schema)) {
    switch (key) {
      case '$schema': case '$id': case 'title': case 'description': break;
      case 'type':
        if (want === 'integer' ? !Number.isInteger(value) : typeOf(value) !== want) fail(`not ${String(want)}`);
        break;
      case 'const': if (value !== want) fail(`not ${JSON.stringify(want)}`); break;
      case 'enum': if (!(want as unknown[]).includes(value)) fail('not in enum'); break;
      case 'pattern': if (typeof value === 'string' && !new RegExp(want as string, 'u').test(value)) fail('pattern'); break;
      case 'minLength': if (typeof value === 'string' && value.length < (want as number)) fail('too short'); break;
      case 'maxLength': if (typeof value === 'string' && value.length > (want as number)) fail('too long'); break;
      case 'minimum': if (typeof value === 'number' && value < (want as number)) fail('too small'); break;
      case 'maximum': if (typeof value === 'number' && value > (want as number)) fail('too large'); break;
      case 'minItems': if (Array.isArray(value) && value.length < (want as number)) fail('too few'); break;
      case 'maxItems': if (Array.isArray(value) && value.length > (want as number)) fail('too many'); break;
      case 'items': if (Array.isArray(value)) value.forEach((v, i) => errors.push(...check(want as Schema, v, `${path}/${i}`))); break;
      case 'required':
        if (typeOf(value) === 'object') for (const k of want as string[]) if (!(k in (value as object))) fail(`missing ${k}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object') {
          for (const [k, v] of Object.entries(value as object)) {
            const sub = (want as Record<string, Schema>)[k];
            if (sub) errors.push(...check(sub, v, `${path}/${k}`));
          }
        }
        break;
      case 'additionalProperties':
        if (typeOf(value) === 'object') {
          const known = (schema['properties'] ?? {}) as Record<string, Schema>;
          for (const [k, v] of Object.entries(value as object)) {
            if (k in known) continue;
            if (want === false) fail(`unknown ${k}`);
            else if (typeof want === 'object') errors.push(...check(want as Schema, v, `${path}/${k}`));
          }
        }
        break;
      case 'propertyNames':
        if (typeOf(value) === 'object') for (const k of Object.keys(value as object)) errors.push(...check(want as Schema, k, `${path}/${k}`));
        break;
      case 'oneOf': case 'anyOf': {
        const passing = (want as Schema[]).filter((s) => check(s, value, path).length === 0).length;
        if (key === 'oneOf' ? passing !== 1 : passing === 0) fail(`${passing} of ${key} match`);
        break;
      }
      default: fail(`keyword ${key} unknown to this test's checker`);
    }
  }
  return errors;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as Schema;

  it('is a draft-07 object schema with an id and a description', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['type']).toBe('object');
    expect(schema['$id']).toMatch(/scenario\.v1\.schema\.json$/);
    expect(schema['required']).toEqual(expect.arrayContaining(['version', 'id', 'title', 'summary', 'hosts', 'segments']));
  });

  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))('accepts preset %s', (_id, scenario) => {
    expect(check(schema, JSON.parse(JSON.stringify(scenario)))).toEqual([]);
  });

  it('refuses what the shape forbids: a wrong version, an unknown field, a bad enum, a port out of range', () => {
    const s = JSON.parse(JSON.stringify(getPreset('nat-lab'))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    s['version'] = 2;
    s['hosts'][0].colour = 'red';
    s['hosts'][1].role = 'balancer';
    s['hosts'][1].ipvs.services[0].dests[0].port = 70000;
    expect(check(schema, s)).toEqual([
      '/version: not 1',
      '/hosts/0: unknown colour',
      '/hosts/1/role: not in enum',
      '/hosts/1/ipvs/services/0/dests/0/port: too large',
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
