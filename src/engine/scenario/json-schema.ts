/**
 * The scenario format as a JSON Schema (draft-07), derived from schema.ts so the two cannot
 * drift, for the CLI's `schema` command and editors. It states shape, types, enums and ranges;
 * address syntax and cross-references (host ids, segment ports, sysctl names) are described in
 * words because JSON Schema cannot express them: validateScenario remains the authority.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { ScenarioSchema } from './schema';
import { CURRENT_VERSION } from './version';

export function scenarioJsonSchema(): JsonSchema {
  // errorMode 'ignore': the custom address checks (rawCheck) have no JSON Schema form.
  const base = toJsonSchema(ScenarioSchema, { errorMode: 'ignore' });
  // The header keys first, so a reader of `cli schema` sees what the document is before its body.
  return {
    $schema: base.$schema,
    $id: `https://lvs-flow.invalid/scenario.v${CURRENT_VERSION}.schema.json`,
    title: `lvs-flow scenario, format version ${CURRENT_VERSION}`,
    description:
      'A network of hosts (interfaces, addresses, routes, sysctls, IPVS rules, apps) joined by segments. ' +
      'Addresses are text: "10.10.10.11/24" (cidr), "10.10.10.11" (ipv4), "10.10.10.100:80" (target). ' +
      'Every host has lo with 127.0.0.1/8; list lo only to add addresses to it (the VIP on lo:0). ' +
      'The app also checks what this schema cannot: unique host ids, segment ports naming existing interfaces, ' +
      'an interface on at most one segment, known sysctl names and their Linux ranges, on-link gateways.',
    ...base,
  };
}
