/**
 * Export and import as files. Export is the scenario format, byte for byte what
 * `npm run -s cli -- export <id>` prints. Import reads text as untrusted data: size-capped,
 * parsed, then validated by the store; a bad file changes nothing.
 */
import { problemAt, type Problem, type Scenario } from '../../engine';
import { downloadBlob } from '../export/download';
import { sayEditor } from './editor-problems';

/** Far above any real scenario (a 10-server lab is ~10 KB), far below what would hurt a tab. */
export const MAX_IMPORT_BYTES = 1_000_000;

export const exportText = (s: Scenario): string => `${JSON.stringify(s, null, 2)}\n`;

export function downloadScenario(s: Scenario): void {
  downloadBlob(new Blob([exportText(s)], { type: 'application/json' }), `${s.id}.json`);
}

export type ReadResult = { ok: true; json: unknown } | { ok: false; problem: Problem };

export async function readScenarioFile(file: Blob): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: problemAt(null, sayEditor('import.too-large', { size: file.size, max: MAX_IMPORT_BYTES })) };
  try {
    return { ok: true, json: JSON.parse(await file.text()) as unknown };
  } catch (e) {
    return { ok: false, problem: problemAt(null, sayEditor('import.not-json', { reason: e instanceof Error ? e.message : String(e) })) };
  }
}
