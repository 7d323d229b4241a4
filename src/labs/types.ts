/**
 * A build lab: machines cabled as the course draws them, with nothing configured, a checklist
 * of the course's steps, and a check that sends traffic and reads what the trace holds.
 */
import type { I18nText, Scenario } from '../engine';
import type { BuildLabId } from './catalog';

/** One command typed on one host: what a lab's progress (and its share link) is made of. */
export interface TypedLine {
  readonly host: string;
  readonly line: string;
}

export interface LabStep {
  /** Stable id, named by the diagnoses that point to the step. */
  readonly id: string;
  readonly title: I18nText;
  /** Why the step is there, in a sentence a learner reads beside the commands. */
  readonly why: I18nText;
  /** The course's commands for the step, host by host, in the order a learner types them. */
  readonly commands: readonly TypedLine[];
}

export interface BuildLab {
  readonly id: BuildLabId;
  readonly title: I18nText;
  readonly summary: I18nText;
  /** Where the lab begins: every host cabled, its web server running, no addresses, rules or sysctls. */
  readonly start: Scenario;
  /** The host the check sends requests from, and the virtual service it asks. */
  readonly client: string;
  readonly vip: string;
  readonly port: number;
  /** The real servers the lab builds: a check passes only when each answered. */
  readonly servers: readonly string[];
  /** The host holding the virtual service. */
  readonly director: string;
  /** The forwarding method the lab teaches, as ipvs-schedule names it. */
  readonly forward: 'gate' | 'masq' | 'ipip';
  readonly steps: readonly LabStep[];
  /** The slide's table of a sysctl's levels (DR: arp_ignore and arp_announce), when it has one. */
  readonly sysctlTable?: readonly SysctlLevel[];
  /** Rows shown beside the checklist: the slide's address table. */
  readonly addresses: ReadonlyArray<{ host: string; iface: string; address: string; note?: I18nText }>;
}

/** One level of a sysctl as the lab's slide explains it; `chosen` marks what the real servers set. */
export interface SysctlLevel {
  readonly key: string;
  readonly value: number;
  readonly meaning: I18nText;
  readonly chosen?: boolean;
}
