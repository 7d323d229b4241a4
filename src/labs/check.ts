/**
 * Check a lab by traffic, not by reading its configuration: replay the learner's commands on the
 * lab's machines, send requests from the client with curl as a learner would, and read the trace.
 */
import type { Scenario } from '../engine';
import { ConsoleSession } from '../shell/session';
import { diagnose, type Diagnosis } from './diagnose';
import { observeRequest, type RequestOutcome } from './observe';
import type { BuildLab, TypedLine } from './types';

export interface CheckReport {
  readonly passed: boolean;
  readonly diagnosis: Diagnosis | undefined;
  readonly outcomes: readonly RequestOutcome[];
  /** Requests each real server answered, in the lab's server order. */
  readonly servedCounts: Readonly<Record<string, number>>;
  /** The scheduler of the virtual service the requests went to, when there is one. */
  readonly scheduler: string | undefined;
}

/** Enough to see rr, wrr and wlc share out over two real servers more than once. */
export const CHECK_REQUESTS = 6;
/** Seconds curl waits: past ARP's three tries and two SYN retransmissions. */
const CURL_MAX_TIME_S = 5;

export function checkLab(lab: BuildLab, typed: readonly TypedLine[], requests = CHECK_REQUESTS): CheckReport {
  const session = ConsoleSession.fromScenario(lab.start);
  for (const t of typed) session.type(t.host, t.line);
  const url = `http://${lab.vip}${lab.port === 80 ? '' : `:${lab.port}`}/`;
  const outcomes: RequestOutcome[] = [];
  for (let i = 0; i < requests; i++) {
    const from = session.live.eventCount;
    const r = session.shell.run(lab.client, `curl -sS --max-time ${CURL_MAX_TIME_S} ${url}`);
    outcomes.push(observeRequest(lab, session.live.eventsJsonSince(from), r.exitCode, r.output));
  }
  const scenario = session.live.scenario();
  const diagnosis = diagnose(lab, outcomes, scenario);
  const servedCounts: Record<string, number> = {};
  for (const s of lab.servers) servedCounts[s] = outcomes.filter((o) => o.servedBy === s).length;
  return { passed: diagnosis === undefined, diagnosis, outcomes, servedCounts, scheduler: schedulerOf(lab, scenario) };
}

function schedulerOf(lab: BuildLab, scenario: Scenario): string | undefined {
  const services = scenario.hosts.find((h) => h.id === lab.director)?.ipvs?.services ?? [];
  return services.find((s) => s.vip === lab.vip && s.port === lab.port)?.scheduler;
}
