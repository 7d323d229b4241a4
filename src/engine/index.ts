/**
 * lvs-flow's engine: the public API for the app, the CLI and tests. Pure TypeScript: it runs
 * unchanged in browsers, workers and Node.
 *
 * @example
 * const s = getPreset('nat-lab');
 * const { trace } = simulate(s!, { requests: 2 });
 * trace.events.filter((e) => e.kind === 'frame').length;
 */
import { attachDirector } from './ipvs/attach';
import type { IpvsadmOutput } from './ipvs/ipvsadm/run';
import { traceToPcapng } from './pcap/trace-pcap';
import { runScenario, type RunOptions, type RunResult, type StopReason } from './sim/run';
import { traceJson } from './sim/to-json';
import type { StreamStats } from './sim/trace';
import type { TraceJson } from './sim/trace-json';
import { worldView } from './sim/view';
import { WorldCursor } from './sim/world-cursor';
import type { WorldView } from './sim/world-view';
import type { Scenario } from './scenario/types';
import type * as CompareModule from './compare';

// The one way in: src/ui, src/cli, src/share and src/shell import the engine only from here
// (eslint.config.js fails a deeper import), so the engine's files can move without them noticing.

// The scenario format: what the app edits, links encode and the CLI reads.
export type {
  Scenario, ScenarioGroup, I18nText, HostRole, HostSpec, IfaceSpec, RouteSpec, SegmentSpec, ServiceSpec, DestSpec, AppSpec,
} from './scenario/types';
// Checking a scenario: the whole check, the shape alone, and the pieces the editor reuses.
export { validateScenario, checkScenario, isVirtualIface, CONF_SYSCTL_VALUES } from './scenario/validate';
export { parseScenarioShape, formatPath, HOST_ID_RE } from './scenario/schema';
export { scenarioJsonSchema } from './scenario/json-schema';
// The course's presets.
export { listPresets, getPreset, PRESETS, PRESET_IDS } from './scenarios';
// Address parsers, for fields typed by hand (errors name the bad text).
export { parseIpv4 } from './addr/ipv4';
export { parseCidr } from './addr/cidr';
export { parseMac } from './addr/mac';
// IPVS rules as ipvsadm-save writes them, and the schedulers a service may name.
export { SCHEDULER_NAMES } from './ipvs/types';
export { parseRules } from './ipvs/ipvsadm/parse-rules';
export { applyRulesToSpecs } from './ipvs/rules-to-specs';
export type { IpvsadmView } from './ipvs/director';
export { formatIpvsProc, type IpvsProcFile } from './ipvs/proc-net';
export type { IpvsadmOutput } from './ipvs/ipvsadm/run';
// A run's results: the contract's JSON trace, the hosts' state, counters, why it stopped.
export type {
  TraceJson, TraceEventJson, FrameEventJson, ActionEventJson, DropEventJson, IpJson, ArpJson, TcpJson, NoteJson, InterfaceJson,
} from './sim/trace-json';
export type { WorldView, HostView, ArpEntryView, RouteView } from './sim/world-view';
export type { StreamStats } from './sim/trace';
export type { RunOptions, StopReason } from './sim/run';
export { restoreScenario } from './scenario/restore';
export { ENGINE_PROBLEMS, say, type ProblemCode } from './problem/codes';
export { expectedPhrase, foundPhrase } from './problem/issue-words';
export { formatEnglish, formatProblem, oneLine, problemLine } from './problem/format';
export { fillTemplate, formatPhrase, phraseAsMessage, phrasebook, phraseOfMessage, problemAt, type ParamValue, type Phrase, type Problem, type Templates } from './problem/phrase';
// Reading a trace: hop tables, the course's view of it, drop reasons and note keys.
export { formatTable, hopColumns, macOwners } from './sim/hop-line';
export { courseHops, formatCourseTable } from './sim/course-hops';
export { FRAME_COLUMNS, formatFramesCsv, formatFramesMarkdown, frameRows, type FrameRow } from './sim/frame-table';
export { DROP_REASONS, type DropReason } from './sim/reasons';
export { NOTE_KEYS } from './notes/keys';
export type { WorldCursor } from './sim/world-cursor';

// Running a scenario.
const HOOKS = { attachDirector };

export interface SimulateResult {
  trace: TraceJson;
  final: WorldView;
  stopReason: StopReason;
  stats: StreamStats;
}

export type SimulateOptions = Pick<RunOptions, 'seed' | 'requests' | 'maxEvents' | 'maxTimeMs'>;

/** Runs a scenario to its end and returns the whole trace and the final state of every host. */
export function simulate(scenario: Scenario, opts: SimulateOptions = {}): SimulateResult {
  const r = runScenario(scenario, opts, HOOKS);
  return { trace: traceJson(scenario.id, r.world, r.trace.events), final: worldView(r.world), stopReason: r.stopReason, stats: r.trace.stats };
}

/** The state of every host right after trace event `step` (re-simulated: runs are deterministic). */
export function worldViewAt(scenario: Scenario, opts: SimulateOptions, step: number): WorldView {
  const r = runScenario(scenario, { ...opts, stopAfterSeq: step }, HOOKS);
  return worldView(r.world);
}

/** A paused run to step through: worldViewAt's worlds, each step forward costing only the distance. */
export function openWorldCursor(scenario: Scenario, opts: SimulateOptions = {}): WorldCursor {
  return new WorldCursor(scenario, opts, HOOKS);
}

/** Counters only, no events kept: for long load runs. */
export function simulateStreaming(scenario: Scenario, opts: SimulateOptions = {}): { stats: StreamStats; stopReason: StopReason; simulatedMs: number } {
  const r = runScenario(scenario, { ...opts, retain: false }, HOOKS);
  return { stats: r.trace.stats, stopReason: r.stopReason, simulatedMs: r.world.now };
}

/** What `ipvsadm <argv>` prints on the director (or `hostId`) once the run has ended. */
export function ipvsadmAtEnd(scenario: Scenario, opts: SimulateOptions, argv: readonly string[], hostId?: string): IpvsadmOutput {
  const r = runScenario(scenario, { ...opts, retain: false }, HOOKS);
  const h = (hostId !== undefined ? r.world.hosts.get(hostId) : undefined) ?? r.world.hostList.find((x) => x.director);
  if (!h?.director) return { ok: false, stderr: 'lvs-flow: this scenario has no IPVS director\n', exitCode: 2 };
  return h.director.runIpvsadm(r.world, argv);
}

/** The run as a pcapng capture: one interface per segment, every frame in order. */
export function pcapOf(scenario: Scenario, opts: SimulateOptions = {}): Uint8Array {
  const r = runScenario(scenario, opts, HOOKS);
  return traceToPcapng(scenario.segments.map((s) => s.id), r.trace.events);
}

// Runs side by side: what each measured, and the course's summary slides held against it.
// Loaded on demand, so the app's first page does not carry it.
export type { CompareOptions } from './compare/compare';
export type { CompareRow, CompareMode, DirectorCounts, Measured } from './compare/measure';
export type { PacketHop, Direction as PacketDirection } from './compare/packet-hops';
export type { ClaimCheck, ClaimKey, SlideMode, Verdict } from './compare/claims';
export type CompareApi = typeof CompareModule;
/**
 * A finished run with its world and every event kept: what the compare module measures. It
 * reads the engine through here, so that on the app's first page the engine stays one chunk.
 */
export function runRetained(scenario: Scenario, opts: SimulateOptions = {}): RunResult {
  return runScenario(scenario, { ...opts, retain: true }, HOOKS);
}
/** compareScenarios, measureScenario, hopCounts, checkSlideClaims, SLIDE_CLAIMS. */
export function loadCompare(): Promise<CompareApi> {
  return import('./compare');
}

// Live sessions: a world that keeps running while commands change it (the shell, the console, Kathará labs).
export { LiveWorld, type LiveOptions, type LiveStop } from './live/live-world';
export { attachCapture, type Capture, type CapturedFrame } from './live/capture';
export {
  addAddress, deleteAddress, flushAddresses, replaceLabelAddress, setLinkUp, addRoute, replaceRoute, deleteRoute,
  routeDevice, setSysctl, setHostSysctl, isScenarioSysctl, flushNeighbours, refreshHost, deleteNeighbour, addressesChanged,
  type Errno, type ConfigResult, type AddrChange, type RouteChange,
} from './live/host-config';
export { ipvsOf, applyRule, zeroCounters, setIpvsTimeouts } from './live/ipvs-config';
export { ioctlSetAddress, ioctlSetNetmask, ioctlSetBroadcast, ioctlDownAlias, classfulPrefix, maskPrefix, hasBroadcastFlag } from './live/inet-ioctl';
export { loadModule, KNOWN_MODULES } from './live/modules';
export { startWebServer, startL7Proxy, stopWebServer, setWebPage, isServing } from './live/web-server';
export { httpGet, startHttpGet, responseComplete, type HttpGetOptions, type HttpGetResult, type HttpGetEnd, type PendingHttpGet } from './live/http-get';
export { runPing, startPing, echoData, type PingOptions, type PingRun, type PingEvent, type PendingPing } from './live/ping';
export type { Host, World } from './sim/world';
export type { Iface, IfAddr, IfStats } from './host/iface';
export type { Route } from './route/table';
export { redirectException, type RedirectException } from './route/redirect';
export { selectSource } from './route/source-select';
export { LIVE_EPOCH_S } from './host/apps/lab-http';
export type { Neigh, NudState } from './arp/neigh-table';
export { stateAt as neighStateAt } from './arp/neigh-table';
export { formatIpv4, type Ipv4 } from './addr/ipv4';
export { formatCidr, prefixMask, networkOf, broadcastOf, inPrefix } from './addr/cidr';
export { formatMac, type Mac } from './addr/mac';
export { IpvsDirector } from './ipvs/ipvs-director';
export { ipLength } from './ipvs/ip-length';
export { parseCommand as parseIpvsadmCommand } from './ipvs/ipvsadm/command';
export { portName, portByName } from './ipvs/ipvsadm/services';
export { parseRules as parseIpvsadmRules, type RuleCommand } from './ipvs/ipvsadm/parse-rules';
export {
  readIpvsadm, streamLines as ipvsadmStreamLines, restoreLines as ipvsadmRestoreLines, ipvsadmUsage,
  IPVSADM_VERSION_LINE, type IpvsadmRequest, type ViewRequest as IpvsadmViewRequest,
} from './ipvs/ipvsadm';
// Load runs: many clients through a director, sampled as ipvsadm shows it (the load view's worker, the CLI's load).
export type {
  LoadOptions, LoadClientSpec, HealthCheckSpec, LoadChange, TimedLoadChange, LoadSample, ServerSample, DirectorSample,
  RequestSample, DisruptionCounts, LoadTotals, LoadRun, LoadStart, StartLoadRun,
} from './load/types';
export { startLoadRun } from './load/load-run';
