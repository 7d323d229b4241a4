/** `scenarios`, `export <scenario>`, `schema`: the presets and the scenario format. */
import { listPresets, scenarioJsonSchema } from '../../engine';
import { loadScenario } from '../load-scenario';

export function scenariosCommand(): string {
  return listPresets().map((p) => `${p.id}\t${p.title.en}`).join('\n') + '\n';
}

export function exportCommand(positional: string[]): string {
  return JSON.stringify(loadScenario(positional[0]).scenario, null, 2) + '\n';
}

export function schemaCommand(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
