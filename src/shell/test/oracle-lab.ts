/**
 * Runs one of the captured oracle labs (fixtures/oracle/labs/<name>) through the simulated
 * console, as the lab VM ran it, and gives both transcripts normalised for comparison.
 * Test code: reads the fixtures with Node's fs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { HostSpec, Scenario, SegmentSpec } from '../../engine';
import { join, relative } from 'node:path';
import { ConsoleSession, parseScript } from '../session';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'oracle');

export function labFiles(name: string): Map<string, string> {
  return filesUnder(join(FIXTURES, 'labs', name));
}

/** Every file under `dir`, by path relative to it. */
export function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export function kernelTranscript(name: string): string {
  return readFileSync(join(FIXTURES, 'results', name, 'transcript.txt'), 'utf8');
}

export interface LabRun {
  readonly session: ConsoleSession;
  readonly startup: string;
  readonly transcript: string;
}

/** lab.conf's HOST[N]="CD/MAC" lines as a scenario: hosts in order of first mention. */
export function labScenario(labConf: string): Scenario {
  const hosts = new Map<string, HostSpec>();
  const segments = new Map<string, SegmentSpec>();
  for (const line of labConf.split('\n')) {
    const m = /^([A-Za-z0-9_-]+)\[(\d+)\]="([^"/]+)(?:\/([0-9a-fA-F:]+))?"/.exec(line.trim());
    if (!m) continue;
    const [, id, n, cd, mac] = m as unknown as [string, string, string, string, string | undefined];
    let h = hosts.get(id);
    if (!h) {
      h = { id, role: 'server', interfaces: [], sysctl: { 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.default.rp_filter': 0, 'net.ipv4.conf.lo.rp_filter': 0 } };
      hosts.set(id, h);
    }
    h.interfaces.push({ name: `eth${n}`, ...(mac ? { mac } : {}), addrs: [] });
    (h.sysctl as Record<string, number>)[`net.ipv4.conf.eth${n}.rp_filter`] = 0;
    let s = segments.get(cd);
    if (!s) segments.set(cd, (s = { id: cd, kind: 'switch', ports: [] }));
    s.ports.push({ host: id, if: `eth${n}` });
  }
  return { version: 1, id: 'oracle-lab', title: { en: 'oracle lab', zh: 'oracle lab' }, summary: { en: 'oracle lab', zh: 'oracle lab' }, hosts: [...hosts.values()], segments: [...segments.values()] };
}

/** Runs the lab's startup files (host order) and its session; returns both transcripts. */
export function runOracleLab(name: string): LabRun {
  const dir = join(FIXTURES, 'labs', name);
  const scenario = labScenario(readFileSync(join(dir, 'lab.conf'), 'utf8'));
  const session = ConsoleSession.fromScenario(scenario);
  let startup = '';
  const files = new Set(readdirSync(dir));
  for (const h of scenario.hosts) {
    if (!files.has(`${h.id}.startup`)) continue;
    for (const line of readFileSync(join(dir, `${h.id}.startup`), 'utf8').split('\n')) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      startup += session.type(h.id, line).transcript;
    }
  }
  const script = parseScript(readFileSync(join(dir, 'session.txt'), 'utf8'), scenario.hosts.map((h) => h.id));
  if (!script.ok) throw new Error(script.error);
  return { session, startup, transcript: session.runScript(script.lines) };
}

export function oracleTranscript(name: string): string {
  return readFileSync(join(FIXTURES, 'results', name, 'transcript.txt'), 'utf8');
}

/** The transcript cut into one block per typed line: the prompt line and what followed. */
export function blocks(transcript: string): Array<{ command: string; output: string }> {
  const out: Array<{ command: string; output: string }> = [];
  for (const part of transcript.split(/^(?=root@[^:]+:~# )/m)) {
    if (part === '') continue;
    const nl = part.indexOf('\n');
    out.push({ command: part.slice(0, nl), output: part.slice(nl + 1) });
  }
  return out;
}
