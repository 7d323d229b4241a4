/**
 * `ping` on a running host, as iputils 20221126 runs it with an ICMP datagram socket: the
 * kernel gives the socket its identifier (a counter shared by every namespace, from 1); echo
 * requests carry 56 bytes of data (the send time as a timeval, then bytes 0x10, 0x11, …) and
 * DF; one is sent every interval until the count is reached; replies and ICMP errors quoting a
 * request are collected as they arrive. The run ends as ping's main loop ends it: once replies
 * plus errors reach the count, or when the exit timer set at the last send fires (twice the
 * longest round trip, at least the interval, if anything came back; else the linger time, -W),
 * or at the deadline (-w).
 */
import type { Ipv4 } from '../addr/ipv4';
import { ICMP_ECHO_REQUEST } from '../host/icmp';
import { ipSendLocal } from '../route/output';
import { selectSource } from '../route/source-select';
import { schedule, type Host } from '../sim/world';
import type { IcmpRepr } from '../wire/repr';
import type { LiveWorld } from './live-world';

export interface PingOptions {
  readonly dst: Ipv4;
  /** -c: how many requests; undefined = no limit (then a deadline must end the run). */
  readonly count: number | undefined;
  /** -i, in ms (iputils keeps whole milliseconds). */
  readonly intervalMs: number;
  /** -W, in ms: how long to wait after the last request when nothing came back (10 s by default). */
  readonly lingerMs: number;
  /** -w, in ms: the whole run's limit. */
  readonly deadlineMs?: number | undefined;
  /** -s: bytes of data after the ICMP header (56 by default). */
  readonly dataLen: number;
  /** -t: the requests' TTL (the kernel's default when undefined). */
  readonly ttl?: number | undefined;
  /** -I ADDR: the requests' source address (the route's choice when undefined). */
  readonly src?: Ipv4 | undefined;
}

/** A reply or an ICMP error as ping reads it; `sent` is how many requests had gone out by then (ping's pipe size). */
export type PingEvent =
  | { readonly kind: 'reply'; readonly seq: number; readonly from: Ipv4; readonly ttl: number; readonly bytes: number; readonly rttUs: number; readonly dup: boolean; readonly sent: number }
  | { readonly kind: 'error'; readonly seq: number; readonly from: Ipv4; readonly type: number; readonly code: number; readonly sent: number; readonly gateway?: Ipv4 };

export type PingRun =
  | {
    readonly ok: true;
    readonly events: readonly PingEvent[];
    readonly transmitted: number;
    readonly received: number;
    readonly duplicates: number;
    readonly errors: number;
    /** From the first request to the last, as ping's statistics line reports it. */
    readonly spanMs: number;
    /** Round trips in µs, as ping sums them (for the rtt line). */
    readonly rttsUs: readonly number[];
  }
  /** The connect() probe failed: no route (ENETUNREACH), before anything was sent. */
  | { readonly ok: false; readonly error: 'net-unreachable' };

/** A run with neither a count nor a deadline is stopped after this long (a day of simulated time). */
const RUN_LIMIT_MS = 86_400_000;

/** The request's data: the send time as a little-endian struct timeval (16 bytes), then i & 0xff at offset i. */
export function echoData(nowMs: number, len: number): string {
  const bytes: number[] = [];
  for (let i = 0; i < len; i++) bytes.push(i & 0xff);
  if (len >= 16) {
    const sec = Math.floor(nowMs / 1000);
    const usec = Math.round((nowMs - sec * 1000) * 1000);
    for (let i = 0; i < 4; i++) {
      bytes[i] = (sec >>> (8 * i)) & 0xff;
      bytes[8 + i] = (usec >>> (8 * i)) & 0xff;
    }
    for (let i = 4; i < 8; i++) {
      bytes[i] = 0;
      bytes[8 + i] = 0;
    }
  }
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}

export interface PendingPing {
  /** The run once ping has exited, else undefined. */
  result(): PingRun | undefined;
  /** Ends it now (as an interrupt would), with what it has so far. */
  stop(): void;
}

/**
 * A process woken by its timer runs after the kernel's work due at the same instant (softirqs
 * run before user space): the wake-up steps back behind events queued for now, a few times at
 * most (two processes due together must not keep stepping back behind each other).
 */
function afterKernel(w: LiveWorld['world'], fn: () => void): () => void {
  let tries = 0;
  const run = (): void => {
    if (tries++ < 16 && w.queue.peekTime() <= w.now) schedule(w, 0, run);
    else {
      tries = 0;
      fn();
    }
  };
  return run;
}

/** Starts a ping on `host` (a command run with `&`): its own timers carry it to its end. */
export function startPing(live: LiveWorld, host: Host, opts: PingOptions): PendingPing | { readonly error: 'net-unreachable' } {
  const w = live.world;
  // ping's connect() probe on a UDP socket: no route (or no source address) is ENETUNREACH.
  const route = host.routes.lookup(opts.dst);
  if (!route || (route.type !== 'local' && selectSource(route, opts.dst, host.ifaces) === undefined)) return { error: 'net-unreachable' };

  const ident = live.nextPingIdent();
  const conn = w.nextConnId++;
  const start = w.now;
  const sentAt = new Map<number, number>();
  const events: PingEvent[] = [];
  const rttsUs: number[] = [];
  const seen = new Set<number>();
  let transmitted = 0;
  let received = 0;
  let duplicates = 0;
  let errors = 0;
  let lastSend = start;
  let tmaxUs = 0;
  let run: PingRun | undefined;

  // main_loop's exit checks, made after each packet ping reads; the exit timer ends it too.
  const exit = (): void => {
    if (run !== undefined) return;
    run = { ok: true, events, transmitted, received, duplicates, errors, spanMs: lastSend - start, rttsUs };
    host.pings.delete(ident);
  };
  const checkExit = (): void => {
    if ((opts.count !== undefined && received + errors >= opts.count) || (opts.deadlineMs !== undefined && errors > 0)) exit();
  };

  host.pings.set(ident, {
    onReply(w2, ip, icmp) {
      const seq = icmp.seqNo ?? 0;
      const sent = sentAt.get(seq);
      if (run !== undefined || sent === undefined) return;
      const rttUs = Math.max(0, Math.round((w2.now - sent) * 1000));
      const dup = seen.has(seq);
      if (dup) duplicates++;
      else {
        seen.add(seq);
        received++;
      }
      rttsUs.push(rttUs);
      if (rttUs > tmaxUs) tmaxUs = rttUs;
      events.push({ kind: 'reply', seq, from: ip.src, ttl: ip.ttl, bytes: 8 + (icmp.data ?? '').length, rttUs, dup, sent: transmitted });
      checkExit();
    },
    onError(_w2, from, type, code, seq, gateway) {
      if (run !== undefined) return;
      errors++;
      events.push({ kind: 'error', seq, from, type, code, sent: transmitted, ...(gateway !== undefined ? { gateway } : {}) });
      checkExit();
    },
  });

  const sendOne = (): void => {
    if (run !== undefined) return;
    const seq = (transmitted + 1) & 0xffff;
    transmitted++;
    lastSend = w.now;
    sentAt.set(seq, w.now);
    const echo: IcmpRepr = { proto: 'icmp', type: ICMP_ECHO_REQUEST, code: 0, ident, seqNo: seq, data: echoData(w.now, opts.dataLen) };
    ipSendLocal(w, host, opts.src ?? 0, opts.dst, echo, conn, true, opts.ttl);
    if (opts.count === undefined || transmitted < opts.count || opts.deadlineMs !== undefined) schedule(w, opts.intervalMs, wake);
    else {
      // schedule_exit, called right after the last request: the wait depends on what came back so far.
      const waitMs = received > 0 ? Math.max((2 * tmaxUs) / 1000, opts.intervalMs) : opts.lingerMs;
      // A zero wait (-W 0) sets no timer at all (setitimer with zero disarms): ping waits for every answer.
      if (waitMs > 0) schedule(w, waitMs, exit);
    }
  };
  const wake = afterKernel(w, sendOne);
  if (opts.deadlineMs !== undefined) schedule(w, opts.deadlineMs, exit);
  sendOne();
  return { result: () => run, stop: exit };
}

/** Runs a whole ping on `host`, advancing the live world until ping would exit. */
export function runPing(live: LiveWorld, host: Host, opts: PingOptions): PingRun {
  const pending = startPing(live, host, opts);
  if ('error' in pending) return { ok: false, error: pending.error };
  live.runUntil(live.now + RUN_LIMIT_MS, () => pending.result() !== undefined);
  pending.stop();
  return pending.result() as PingRun;
}
