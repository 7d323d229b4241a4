/**
 * `<scenario>`: a preset id, or a path to a scenario JSON file (the app's export format).
 * `--rules FILE` then replaces the director's IPVS rules with ipvsadm-restore lines.
 */
import { readFileSync } from 'node:fs';
import { getPreset, PRESET_IDS, validateScenario, formatProblem, type Scenario, parseRules, applyRulesToSpecs } from '../engine';
import { importLab } from '../shell';
import { CliError } from './cli-error';
import { isLabDir, readLabDir } from './lab-dir';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`${path}: cannot read ${what} (${code})`);
  }
}

export function loadScenario(arg: string | undefined): { scenario: Scenario; name: string } {
  if (arg === undefined) throw new CliError(`expected a scenario: a preset id (${PRESET_IDS.join(', ')}), a JSON file or a Kathará lab folder`);
  const preset = getPreset(arg);
  if (preset) return { scenario: preset, name: arg };
  if (isLabDir(arg)) {
    const { files, name } = readLabDir(arg);
    const lab = importLab(files, name);
    if (!lab.ok) throw new CliError(`${arg}: ${lab.error}`);
    return { scenario: lab.lab.scenario, name: arg };
  }
  if (!arg.includes('/') && !arg.endsWith('.json')) throw new CliError(`unknown preset "${arg}" (expected one of ${PRESET_IDS.join(', ')}, or a path to a .json file)`);
  const text = readText(arg, 'the scenario file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${arg}: not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').trim()})`);
  }
  const v = validateScenario(json);
  if (!v.ok) throw new CliError(`${arg}: ${formatProblem(v.error)}`);
  return { scenario: v.value, name: arg };
}

/** Replaces the rules of the host that has IPVS (else the first director) with FILE's lines. */
export function withRulesFile(s: Scenario, path: string | undefined): Scenario {
  if (path === undefined) return s;
  const parsed = parseRules(readText(path, 'the rules file'));
  if (!parsed.ok) throw new CliError(`${path}:${parsed.line}: ${parsed.error}`);
  const target = s.hosts.find((h) => h.ipvs) ?? s.hosts.find((h) => h.role === 'director');
  if (!target) throw new CliError(`${path}: the scenario has no director to load rules on`);
  const services = applyRulesToSpecs([], parsed.value);
  return { ...s, hosts: s.hosts.map((h) => (h === target ? { ...h, ipvs: { services } } : h)) };
}
