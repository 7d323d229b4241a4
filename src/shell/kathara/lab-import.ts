/**
 * A Kathará lab → a scenario, built as Kathará starts the lab: every host's interfaces up on
 * their collision domains with no address, the sysctls Kathará gives every device, the lab's
 * own `HOST[sysctl]` entries, the files of `HOST/var/www/html/`, then `shared.startup` and each
 * `HOST.startup` run line by line through the shell. A client's `curl`/`wget` lines become its
 * requests, which play when the scenario runs. A line the shell cannot run is an error naming
 * the file, the line and the command: a lab never turns silently into another lab.
 */
import { formatProblem, LiveWorld, setHostSysctl, validateScenario, type HostSpec, type Scenario, type SegmentSpec } from '../../engine';
import { COMMANDS } from '../commands';
import { INDEX_HTML } from '../fs';
import { parseLine } from '../parse';
import { Shell } from '../shell';
import { parseLabConf, type LabConf } from './lab-conf';
import { KATHARA_DEVICE_SYSCTLS, katharaIfaceSysctls } from './kathara-defaults';
import { parseDirective } from './directives';
import { requestOf, type LabRequest } from './requests';

/** A lab's files by path relative to the folder holding lab.conf. */
export type LabFiles = ReadonlyMap<string, string>;

export interface ImportedLab {
  readonly scenario: Scenario;
  /** What was read but not simulated (lab.conf keys, startup lines that failed as they would in Kathará). */
  readonly notes: string[];
  /** session.txt, when the lab has one (`HOST# command` lines). */
  readonly session?: string;
}

export type ImportResult = { ok: true; lab: ImportedLab } | { ok: false; error: string };

/** Segment ids are identifiers; a collision domain named otherwise gets a prefix and keeps its name. */
export function segmentIdOf(cd: string): string {
  const id = cd.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(id) ? id.slice(0, 32) : `cd-${id}`.slice(0, 32);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** The lab VM's default MAC for HOST's ethN: 02:00:00:00:<host#>:<N>, host# from 1 in order of first mention. */
export function defaultLabMac(hostNumber: number, n: number): string {
  return `02:00:00:00:${hex2(hostNumber)}:${hex2(n)}`;
}

/** The hosts and segments as Kathará cables them, before any startup line runs. */
function cabledScenario(name: string, conf: LabConf): Scenario {
  // Kathará's own default MACs are random, so a lab's explicit MAC never meets one: a default that
  // equals a MAC the lab names moves on to the next free one (02:00:00:01:…, …).
  const taken = new Set(conf.hosts.flatMap((h) => [...h.ifaces.values()].flatMap((i) => (i.mac !== undefined ? [i.mac] : []))));
  const freeMac = (hostNumber: number, n: number): string => {
    let mac = defaultLabMac(hostNumber, n);
    for (let k = 1; taken.has(mac); k++) mac = `02:00:00:${hex2(k)}:${mac.slice(12)}`;
    taken.add(mac);
    return mac;
  };
  const hosts: HostSpec[] = conf.hosts.map((h, hi) => {
    const nums = [...h.ifaces.keys()].sort((a, b) => a - b);
    return {
      id: h.id,
      role: 'server',
      interfaces: nums.map((n) => ({ name: `eth${n}`, mac: h.ifaces.get(n)?.mac ?? freeMac(hi + 1, n), addrs: [] })),
    };
  });
  const segments: SegmentSpec[] = conf.domains.map((cd) => ({
    id: segmentIdOf(cd),
    kind: 'switch',
    ports: conf.hosts.flatMap((h) => [...h.ifaces.entries()].sort((a, b) => a[0] - b[0]).filter(([, i]) => i.cd === cd).map(([n]) => ({ host: h.id, if: `eth${n}` }))),
    ...(segmentIdOf(cd) !== cd ? { name: { en: cd, zh: cd } } : {}),
  }));
  for (const d of conf.directives) {
    if (d.kind !== 'link' && d.kind !== 'latency') continue;
    const seg = segments.find((x) => x.id === d.segment || x.id === segmentIdOf(d.segment));
    if (!seg) continue;
    if (d.kind === 'link') seg.kind = 'link';
    if (d.kind === 'latency') seg.latencyMs = d.ms;
  }
  const description = conf.meta['LAB_DESCRIPTION'];
  return {
    version: 1,
    id: `lab-${segmentIdOf(name)}`.slice(0, 64),
    title: { en: `Kathará lab ${name}`, zh: `Kathará 实验 ${name}` },
    summary: { en: description ?? `Imported from the Kathará lab ${name}.`, zh: description ?? `从 Kathará 实验 ${name} 导入。` },
    group: 'labs',
    hosts,
    segments,
  };
}

/** Roles for the topology's columns and icons, from what each host ended up doing. */
function guessRoles(s: Scenario, clients: ReadonlySet<string>): void {
  const hasDirector = s.hosts.some((h) => h.ipvs && h.ipvs.services.length > 0);
  for (const h of s.hosts) {
    const serves = (h.apps ?? []).some((a) => a.kind === 'http-server' || a.kind === 'udp-server');
    if (h.ipvs && h.ipvs.services.length > 0) h.role = 'director';
    else if (clients.has(h.id)) h.role = 'client';
    else if (serves) h.role = hasDirector ? 'real-server' : 'server';
    else if (h.interfaces.filter((i) => i.name.startsWith('eth')).length > 1) h.role = 'router';
    else h.role = /^C\d*$/.test(h.id) ? 'client' : 'server';
  }
}

function addRequests(s: Scenario, hostId: string, reqs: readonly LabRequest[]): void {
  const h = s.hosts.find((x) => x.id === hostId);
  if (!h || reqs.length === 0) return;
  const apps = (h.apps ??= []);
  for (const r of reqs) {
    const t = r.timing;
    const same = apps.find((a) => a.kind === 'http-client' && a.target === r.target && (a.startMs ?? 0) === (t?.startMs ?? 0) && (a.gapMs ?? 100) === (t?.gapMs ?? 100) && (a.holdMs ?? 0) === (t?.holdMs ?? 0));
    if (same && same.kind === 'http-client') same.requests += 1;
    else apps.push({ kind: 'http-client', target: r.target, requests: 1, ...(t ? { startMs: t.startMs, gapMs: t.gapMs, holdMs: t.holdMs } : {}) });
  }
}

/** Finds lab.conf (at the root or in one top folder, as a .zip usually has it) and re-roots the paths there. */
export function rootLabFiles(files: LabFiles): { ok: true; files: LabFiles; name: string } | { ok: false; error: string } {
  const confs = [...files.keys()].filter((p) => p === 'lab.conf' || p.endsWith('/lab.conf')).sort((a, b) => a.length - b.length);
  const conf = confs[0];
  if (conf === undefined) return { ok: false, error: 'no lab.conf found (a Kathará lab is a folder holding lab.conf and one HOST.startup per host)' };
  const prefix = conf.slice(0, -'lab.conf'.length);
  const out = new Map<string, string>();
  for (const [p, text] of files) if (p.startsWith(prefix)) out.set(p.slice(prefix.length), text);
  const name = prefix.replace(/\/$/, '').split('/').pop() || 'lab';
  return { ok: true, files: out, name };
}

/** A lab started as Kathará starts it: the live world after every startup file, and its shell. */
export interface StartedLab {
  readonly live: LiveWorld;
  readonly shell: Shell;
  readonly notes: string[];
  /** Each host's `curl`/`wget` startup lines, when collected rather than run. */
  readonly requests: ReadonlyMap<string, LabRequest[]>;
  readonly session?: string;
}

export interface StartOptions {
  /**
   * 'scenario': a client's curl/wget lines become its requests (the scenario plays them);
   * 'console': every line runs as typed, traffic included, as the lab VM runs startup files.
   */
  readonly mode: 'scenario' | 'console';
  readonly name?: string;
  readonly seed?: number;
}

/** Cables the hosts, then runs shared.startup and each HOST.startup through the shell. */
export function startLab(filesIn: LabFiles, opts: StartOptions): { ok: true; lab: StartedLab; name: string } | { ok: false; error: string } {
  const rooted = rootLabFiles(filesIn);
  if (!rooted.ok) return rooted;
  const files = rooted.files;
  const name = opts.name ?? rooted.name;
  const parsed = parseLabConf(files.get('lab.conf') ?? '');
  if (!parsed.ok) return parsed;
  const conf = parsed.conf;
  if (conf.hosts.length === 0) return { ok: false, error: 'lab.conf: no hosts (expected lines such as C[0]="lan")' };
  const notes = [...conf.notes];
  for (const p of files.keys()) {
    const m = /^([^/]+)\.startup$/.exec(p);
    if (m && m[1] !== 'shared' && !conf.hosts.some((h) => h.id === m[1])) notes.push(`${p}: no host ${m[1]} in lab.conf (not run)`);
  }

  const checked = validateScenario(cabledScenario(name, conf));
  if (!checked.ok) return { ok: false, error: `lab.conf: ${formatProblem(checked.error)}` };
  const live = new LiveWorld(checked.value, { retain: opts.mode === 'console', ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const shell = new Shell(live, COMMANDS);
  const requests = new Map<string, LabRequest[]>();

  // Kathará's device sysctls, then the lab's own, before any startup line (unknown keys are an error).
  for (const h of conf.hosts) {
    const devices = [...h.ifaces.keys()].sort((a, b) => a - b).map((n) => `eth${n}`);
    for (const [key, value] of Object.entries({ ...KATHARA_DEVICE_SYSCTLS, ...katharaIfaceSysctls(devices) })) setHostSysctl(live, h.id, key, value);
    for (const s of h.sysctls) {
      const path = `/proc/sys/${s.key.replace(/\./g, '/')}`;
      const w = shell.filesOf(h.id).write(path, `${s.value}\n`, false);
      if (!w.ok) return { ok: false, error: `lab.conf:${s.line}: ${h.id}[sysctl]="${s.key}=${s.value}": ${w.error}` };
    }
  }

  for (const h of conf.hosts) {
    const page = files.get(`${h.id}${INDEX_HTML}`);
    if (page !== undefined) shell.filesOf(h.id).write(INDEX_HTML, page, false);
    for (const file of ['shared.startup', `${h.id}.startup`]) {
      const text = files.get(file);
      if (text === undefined) continue;
      const lines = text.split('\n');
      let timing: LabRequest['timing'];
      for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).replace(/\r$/, '');
        const where = `${file}:${i + 1}`;
        const d = parseDirective(line);
        if (d?.kind === 'requests') timing = { startMs: d.startMs, gapMs: d.gapMs, holdMs: d.holdMs };
        // The next line writes a page for Kathará; lvs-flow keeps the preset's default page.
        if (d?.kind === 'default-page') i++;
        const p = parseLine(line);
        if (!p.ok) return { ok: false, error: `${where}: ${line.trim()}: ${(p.error.split('\n')[0] ?? '').replace(/^bash: /, '') || 'syntax error'}` };
        if (p.list.pipelines.length === 0) continue;
        if (opts.mode === 'scenario') {
          const req = requestOf(p.list);
          if (req.kind === 'request') {
            const list = requests.get(h.id) ?? [];
            list.push(timing ? { ...req.request, timing } : req.request);
            requests.set(h.id, list);
            continue;
          }
          if (req.kind === 'bad') return { ok: false, error: `${where}: ${line.trim()}: ${req.error}` };
        }
        const r = shell.run(h.id, line);
        if (r.exitCode === 127) return { ok: false, error: `${where}: ${line.trim()}: ${r.output.trim().split('\n')[0] ?? 'command not found'}` };
        if (r.exitCode !== 0) notes.push(`${where}: ${line.trim()}: exit status ${r.exitCode}${r.output.trim() ? `: ${r.output.trim().split('\n')[0]}` : ''}`);
      }
    }
  }
  const session = files.get('session.txt');
  return { ok: true, name, lab: { live, shell, notes, requests, ...(session !== undefined ? { session } : {}) } };
}

/** Imports a lab given as files (relative paths → text) as a scenario; `name` titles it (usually the folder's name). */
export function importLab(files: LabFiles, name?: string): ImportResult {
  const started = startLab(files, { mode: 'scenario', ...(name !== undefined ? { name } : {}) });
  if (!started.ok) return started;
  const { live, notes, requests, session } = started.lab;
  const scenario = live.scenario();
  for (const [hostId, reqs] of requests) addRequests(scenario, hostId, reqs);
  guessRoles(scenario, new Set(requests.keys()));
  const final = validateScenario(scenario);
  if (!final.ok) return { ok: false, error: `the lab's startup files leave a configuration lvs-flow cannot load: ${formatProblem(final.error)}` };
  return { ok: true, lab: { scenario: final.value, notes, ...(session !== undefined ? { session } : {}) } };
}
