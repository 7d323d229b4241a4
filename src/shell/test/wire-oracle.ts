/**
 * The wire summary of an oracle lab's session, twice: from the kernel's captures (one pcap per
 * collision domain, cut into session lines by session.tsv's start times) and from the engine's
 * trace of the same session (the lab folder through the console, cut at each typed line).
 * Test code: reads the fixtures with Node's fs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIpv4, type FrameEventJson, type IpJson } from '../../engine';
import { ConsoleSession, parseScript, type ScriptLine } from '../session';
import { FIXTURES, kernelTranscript, labFiles } from './oracle-lab';
import { normalizeTranscript } from './normalize';
import { rerunTranscripts } from './real-runs';
import { decodeFrame, readPcap } from './pcap-read';
import { splitProbes, summarizeBlock, summarizeProbes, type WireFrame, type WireIp, type WireLab } from './wire-summary';

/** One session line and its summary. */
export interface WireBlock {
  readonly line: string;
  readonly summary: readonly string[];
}

/** lab.conf's MACs named as tcpdump-e's hops.txt names them: `HOST.ethN`. */
function labMacs(labConf: string): Map<string, string> {
  const macs = new Map<string, string>();
  for (const m of labConf.matchAll(/^([A-Za-z0-9_-]+)\[(\d+)\]="[^"/]+\/([0-9a-fA-F:]+)"/gm)) macs.set((m[3] as string).toLowerCase(), `${m[1]}.eth${m[2]}`);
  return macs;
}

/**
 * Where a real run's files are: the capture itself (`results/<lab>/session.tsv`, `<cd>.pcap`), or
 * a later run of the same lab (`results/<lab>/reruns/session-N.tsv`, `<cd>-N.pcap`).
 */
interface RunFiles {
  readonly dir: string;
  /** '' for the capture, `-N` for rerun N. */
  readonly suffix: string;
}

function runFiles(name: string, rerun?: string): RunFiles {
  const dir = join(FIXTURES, 'results', name);
  return rerun === undefined ? { dir, suffix: '' } : { dir: join(dir, 'reruns'), suffix: `-${rerun}` };
}

/** The numbers N of the lab's reruns that kept their captures (reruns/session-N.tsv). */
export function wireReruns(name: string): string[] {
  const dir = join(FIXTURES, 'results', name, 'reruns');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => /^session-(\d+)\.tsv$/.exec(f)?.[1]).filter((n): n is string => n !== undefined).sort();
}

/** session.tsv's start times (guest clock, seconds), one per session line, and the last line's end. */
function sessionTimes(run: RunFiles): { starts: number[]; end: number } {
  const rows = readFileSync(join(run.dir, `session${run.suffix}.tsv`), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  return { starts: rows.map((r) => Number(r[0])), end: Number(rows[rows.length - 1]?.[1]) };
}

/**
 * When each line is to run on the engine, in seconds of the guest clock: when it started on
 * the VM, or, if later, just before the VM's first frame from the line's host (under emulation
 * a command can take seconds to start, and what it sends later is cut into the next lines).
 * Neighbour probes are no line's first frame: the kernel sends them on its own.
 */
function paceOf(starts: readonly number[], kernel: readonly (readonly WireFrame[])[], hosts: readonly (string | undefined)[], macs: ReadonlyMap<string, string>): number[] {
  return starts.map((start, i) => {
    const first = kernel[i]?.find((f) => hosts[i] !== undefined && macs.get(f.src)?.startsWith(`${hosts[i]}.`));
    return first ? Math.max(start, first.t - 0.001) : start;
  });
}

/**
 * The engine's session of the lab: its frames per typed line, and what the console printed. Each
 * line runs when it ran on the VM (relative to the first, see paceOf), so what is still in flight
 * when a command returns (a connection's last ACKs) and the timers (ARP, a neighbour's DELAY,
 * TIME_WAIT) fall where the kernel's did, and into the same line: frames before a line's start
 * belong to the line before. What background jobs print in between goes to the transcript.
 */
function engineRun(session: ConsoleSession, lines: readonly ScriptLine[], starts: readonly number[], pace: readonly number[], end: number): { frames: WireFrame[][]; transcript: string } {
  const frames: WireFrame[][] = [];
  const t0 = session.live.now;
  let transcript = '';
  const advanceTo = (t: number): WireFrame[] => {
    const from = session.live.eventCount;
    const ms = t0 + (t - (starts[0] as number)) * 1000 - session.live.now;
    if (ms > 0) transcript += session.runScript([{ line: 0, host: undefined, command: `sleep ${ms / 1000}` }]);
    return framesSince(session, from);
  };
  lines.forEach((l, i) => {
    if (i > 0) (frames[i - 1] as WireFrame[]).push(...advanceTo(starts[i] as number));
    const own = advanceTo(pace[i] as number);
    const from = session.live.eventCount;
    transcript += session.runScript([l]);
    frames.push([...own, ...framesSince(session, from)]);
  });
  // The capture ran until the last line ended.
  (frames[frames.length - 1] as WireFrame[]).push(...advanceTo(end));
  return { frames, transcript };
}

function framesSince(session: ConsoleSession, from: number): WireFrame[] {
  return session.live.eventsJsonSince(from).filter((e): e is FrameEventJson => e.kind === 'frame').map((e) => ({
    t: e.t, domain: e.segment, src: e.eth.src, dst: e.eth.dst, arp: e.arp, packet: e.packet,
    ip: e.ip && wireIp(e.ip),
  }));
}

/** The trace's IP record; its tunnelled packet is `inner` {ip, tcp|udp|icmp} there and one record here. */
function wireIp(ip: IpJson): WireIp {
  const { inner, ...outer } = ip;
  if (!inner) return outer;
  const { src, dst, ttl, id, proto } = inner.ip;
  return { ...outer, inner: { src, dst, ttl, id, proto, tcp: inner.tcp, udp: inner.udp, icmp: inner.icmp } };
}

/** Who holds which address, from the engine's world after the session (the same for both summaries). */
function ownership(session: ConsoleSession): WireLab['owns'] {
  const held = new Set<string>();
  for (const id of session.hostIds()) for (const i of session.live.host(id)?.ifaces ?? []) for (const a of i.addrs) held.add(`${id} ${formatIpv4(a.addr)}`);
  return (host, ip) => held.has(`${host} ${ip}`);
}

/** The kernel's frames per session line: each frame belongs to the last line started before it. */
function kernelFrames(run: RunFiles, starts: readonly number[]): WireFrame[][] {
  const blocks: WireFrame[][] = starts.map(() => []);
  const pcap = new RegExp(`^([^-]+)${run.suffix}\\.pcap$`);
  for (const file of readdirSync(run.dir).filter((f) => pcap.test(f)).sort()) {
    const domain = (pcap.exec(file) as RegExpExecArray)[1] as string;
    for (const rec of readPcap(readFileSync(join(run.dir, file)))) {
      const f = decodeFrame(rec.t, domain, rec.data);
      let i = starts.length - 1;
      while (i > 0 && (starts[i] as number) > rec.t) i--;
      if (f) (blocks[i] as WireFrame[]).push(f);
    }
  }
  return blocks;
}

export interface WireSession {
  /** One block per session line. */
  readonly blocks: WireBlock[];
  /** Neighbour re-validation of the whole session (when it falls varies between real runs). */
  readonly probes: string[];
}

/** The lab's session on the engine, paced as on the VM (or as the later real run `rerun`), beside the kernel's frames of it. */
interface PacedRun {
  readonly session: ConsoleSession;
  readonly lines: readonly string[];
  readonly macs: ReadonlyMap<string, string>;
  readonly kernel: WireFrame[][];
  readonly ours: WireFrame[][];
  readonly transcript: string;
}

function pacedRun(name: string, rerun?: string): PacedRun {
  const files = labFiles(name);
  const r = ConsoleSession.fromLab(files, { name });
  if (!r.ok) throw new Error(r.error);
  const script = parseScript(files.get('session.txt') ?? '', r.session.hostIds());
  if (!script.ok) throw new Error(script.error);
  const run = runFiles(name, rerun);
  const { starts, end } = sessionTimes(run);
  if (starts.length !== script.lines.length) throw new Error(`${name}: session.tsv has ${starts.length} lines, session.txt ${script.lines.length}`);
  const macs = labMacs(files.get('lab.conf') ?? '');
  const kernel = kernelFrames(run, starts);
  const ours = engineRun(r.session, script.lines, starts, paceOf(starts, splitProbes(kernel).blocks, script.lines.map((l) => l.host), macs), end);
  const lines = script.lines.map((l) => (l.host === undefined ? l.command : `${l.host}# ${l.command}`));
  return { session: r.session, lines, macs, kernel, ours: ours.frames, transcript: ours.transcript };
}

/**
 * Both summaries of the lab's session: the kernel's capture and the engine's run paced as it; or,
 * given `rerun`, that later real run's and the engine's paced as that run.
 */
export function wireSummaries(name: string, rerun?: string): { ours: WireSession; kernel: WireSession } {
  const run = pacedRun(name, rerun);
  const lab: WireLab = { macs: run.macs, owns: ownership(run.session) };
  const summary = (frames: WireFrame[][]): WireSession => {
    const split = splitProbes(frames);
    return { blocks: split.blocks.map((f, i) => ({ line: run.lines[i] as string, summary: summarizeBlock(f, lab) })), probes: summarizeProbes(split.probes, lab) };
  };
  return { ours: summary(run.ours), kernel: summary(run.kernel) };
}

/**
 * Both transcripts normalised, split per command block for readable test failures; `reruns`,
 * the same lab's later real runs where they were captured (results/<lab>/reruns), split alike.
 * Ours is the paced run's: what a line shows can depend on the time since the lines before it
 * (a neighbour still in DELAY, an ARP resolution under way), and the VM took up to seconds a line.
 */
export function compareLab(name: string): { ours: string[]; kernel: string[]; reruns: string[][] } {
  const split = (t: string): string[] => normalizeTranscript(t).split(/\n(?=root@)/);
  return {
    ours: split(pacedRun(name).transcript),
    kernel: split(kernelTranscript(name)),
    reruns: rerunTranscripts(join(FIXTURES, 'results', name)).map(split),
  };
}
