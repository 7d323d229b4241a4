/**
 * The editor's own problem codes: a field's text that does not parse, a file that cannot be
 * imported. The UI words them from its catalogues (`problems.<code>`) like the engine's; this
 * table is their English, shown under a translation.
 */
import { phrasebook } from '../../engine';

export const EDITOR_PROBLEMS = {
  'field.required': 'required',
  'field.port-range': 'port {{port}} is not 1-65535',
  'what.ident': '1-32 letters, digits, "-", "_", "." or ":"',
  'what.address-port': 'address:port such as 10.10.10.100:80',
  'import.too-large': 'file too large ({{size}} bytes; a scenario is at most {{max}})',
  'import.not-json': 'not JSON ({{reason}})',
} as const;

export const sayEditor = phrasebook(EDITOR_PROBLEMS);
