/**
 * The load run's public shapes: many clients through a scenario's director, on the same engine
 * (IPVS, schedulers, connection table, TCP) as every other run, sampled as `ipvsadm -L -n` and
 * `--stats` would show the director at each moment. A worker (or the CLI) starts a run, advances
 * it in slices of simulated time, streams the samples and applies live changes between slices.
 */
import type { IpvsadmOutput } from '../ipvs/ipvsadm/run';
import type { Scenario } from '../scenario/types';

/** One client address's traffic. Rates are requests per second of simulated time. */
export interface LoadClientSpec {
  /** Mean requests per second from this client (a Poisson process of its own). */
  readonly ratePerS: number;
  /**
   * How long the client holds its connection open after the response before it closes it
   * (HTTP keep-alive as the browser does it; the entry stays ESTABLISHED, an ActiveConn, meanwhile).
   * A request that arrives while the connection is held goes on it, not on a new connection.
   */
  readonly keepAliveMs: number;
}

/** A keepalived-like TCP_CHECK on every real server of the service. */
export interface HealthCheckSpec {
  /** Seconds between two checks of one server (keepalived's delay_loop). */
  readonly intervalS: number;
  /** Failed checks in a row before the server is taken out (keepalived's retry). */
  readonly fails: number;
  /** Successful checks in a row before a server taken out is put back. */
  readonly rises: number;
  /** Taken out = weight set to 0 (`inhibit_on_failure`), or the real server removed (`ipvsadm -d`). */
  readonly action: 'weight-0' | 'remove';
  /** A connect not answered within this many seconds fails (keepalived's connect_timeout); default 3, at most intervalS. */
  readonly timeoutS?: number;
}

/** What can change while a run goes on. `server` is a real server's host id (RS1, RS2, …). */
export type LoadChange =
  /** `ipvsadm -e … -w N`: new connections follow the new weight; 0 quiesces the server. */
  | { readonly kind: 'weight'; readonly server: string; readonly weight: number }
  /** `ipvsadm -a`: a real server of the scenario that is not (or no longer) in the service. */
  | { readonly kind: 'add-server'; readonly server: string; readonly weight?: number }
  /** `ipvsadm -d`: its connections follow the kernel's rules for a destination that is gone. */
  | { readonly kind: 'remove-server'; readonly server: string }
  /** The server stops answering (its host drops every frame), until `restore`. */
  | { readonly kind: 'fail'; readonly server: string }
  | { readonly kind: 'restore'; readonly server: string }
  /** Starts, changes or (null) stops the health checker. */
  | { readonly kind: 'health'; readonly health: HealthCheckSpec | null };

/** A change applied when the simulated clock reaches `atMs`. */
export interface TimedLoadChange {
  readonly atMs: number;
  readonly change: LoadChange;
}

export interface LoadOptions {
  /** Distinct client addresses, 1 to 1,000. */
  readonly clients: number;
  /** Stop starting requests after this many (all clients together); at least one of requests and durationMs. */
  readonly requests?: number;
  /** Stop starting requests at this simulated time; the run ends when the last request has ended. */
  readonly durationMs?: number;
  /** Requests per second of all clients together, shared equally (default 100). Ignored for clients given in perClient. */
  readonly ratePerS?: number;
  /** Every client's keep-alive, ms (default 0: close right after the response). */
  readonly keepAliveMs?: number;
  /** Client i's own rate and keep-alive (clients beyond the list use ratePerS and keepAliveMs). */
  readonly perClient?: readonly LoadClientSpec[];
  /** Seeds the engine and the arrivals (default: the scenario's seed, else 1). */
  readonly seed?: number;
  /** The service's scheduler instead of the scenario's (rr, wlc, sh, mh, …). */
  readonly scheduler?: string;
  /** Weights by real server host id instead of the scenario's. */
  readonly weights?: Readonly<Record<string, number>>;
  /** One sample every this many ms of simulated time (default 1000). */
  readonly sampleMs?: number;
  /** Changes at given simulated times (the CLI's --fail/--restore); live ones go through LoadRun.apply. */
  readonly changes?: readonly TimedLoadChange[];
  /** The health checker from the start. */
  readonly health?: HealthCheckSpec;
  /** A request unanswered after this many ms fails and the client closes its connection, as `curl --max-time` (default 10,000). */
  readonly requestTimeoutMs?: number;
  /** The director to load when the scenario has several (default: the first). */
  readonly director?: string;
}

/** One real server at a sample, as the director shows it. */
export interface ServerSample {
  /** ActiveConn and InActConn as `ipvsadm -L -n` prints them at that moment. */
  readonly active: number;
  readonly inactive: number;
  /** New connections scheduled to it since the previous sample. */
  readonly conns: number;
  /** Its weight now (0 = quiesced, by hand or by the health checker). */
  readonly weight: number;
  /** Packets and bytes of its connections through the director since the previous sample (`--stats` per server). */
  readonly inPackets: number;
  readonly outPackets: number;
  readonly inBytes: number;
  readonly outBytes: number;
  /** Whether the server is answering (false between fail and restore). */
  readonly up: boolean;
}

/** The service's packets and bytes through the director since the previous sample (`--stats`, the service line). */
export interface DirectorSample {
  readonly inPackets: number;
  readonly outPackets: number;
  readonly inBytes: number;
  readonly outBytes: number;
}

/** Requests since the previous sample: started, and ended ok or failed. */
export interface RequestSample {
  readonly started: number;
  readonly ok: number;
  readonly failed: number;
}

/** How connections ended (cumulative): each connection counts once. */
export interface DisruptionCounts {
  /** Open when its real server failed, was removed or set to weight 0, and answered after that. */
  readonly kept: number;
  /** Ended by a reset (RST from the director or the server, a refused connect, an ICMP error). */
  readonly reset: number;
  /** Never answered: the client gave up (its request timed out, or TCP's retransmissions did). */
  readonly lost: number;
}

export interface LoadSample {
  /** Simulated ms. */
  readonly t: number;
  /** The service's real servers at that moment, by host id, in `ipvsadm -L -n` order (a removed one is absent). */
  readonly servers: Readonly<Record<string, ServerSample>>;
  readonly director: DirectorSample;
  readonly requests: RequestSample;
  readonly disrupted: DisruptionCounts;
}

export interface LoadTotals {
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
  /** Every real server that ever served, by host id: its new connections over the run. */
  readonly servers: Readonly<Record<string, { readonly conns: number }>>;
  /** The service's `--stats` line at the end. */
  readonly director: DirectorSample & { readonly conns: number };
  readonly disrupted: DisruptionCounts;
}

/**
 * A run that goes forward in slices: `advance(untilMs)` runs simulated time up to untilMs (or the
 * run's end) and returns the samples taken on the way; `apply` changes the world at the current
 * simulated time. Deterministic: the same scenario, options and calls give the same samples, however
 * the run is sliced.
 */
export interface LoadRun {
  /** Simulated ms reached so far. */
  readonly nowMs: number;
  /** True once every request has ended (after the last sample). */
  readonly done: boolean;
  /** The real servers of the scenario's service (host ids), whether in the service now or not. */
  readonly servers: readonly string[];
  /** Frame hops simulated so far (for speed figures). */
  readonly hops: number;
  advance(untilMs: number): LoadSample[];
  /** A problem (unknown server, bad weight) as one line, or undefined when applied. */
  apply(change: LoadChange): string | undefined;
  totals(): LoadTotals;
  /** What `ipvsadm <argv>` prints on the director now (e.g. ['-L', '-n', '-c'] for the connection table). */
  ipvsadm(argv: readonly string[]): IpvsadmOutput;
  /**
   * The first `lines` entries of `ipvsadm -L -n -c` now, with its two header lines (no final
   * newline), and how many entries it lists: the same text as that output cut there, without
   * formatting the thousands of lines after them.
   */
  connTableHead(lines: number): { head: string; entries: number };
}

/** Starts a load run (src/engine/load/load-run.ts); nothing runs until the first advance. */
export type StartLoadRun = (scenario: Scenario, options: LoadOptions) => LoadStart;

/** startLoadRun's answer: the run, or why the scenario or options cannot run (one line naming the option). */
export type LoadStart = { readonly ok: true; readonly run: LoadRun } | { readonly ok: false; readonly message: string };
