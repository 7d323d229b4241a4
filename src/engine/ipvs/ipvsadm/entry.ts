/**
 * ipvsadm's struct ipvs_command_entry (IPv4 only), its defaults, and how a command fails.
 */
import type { Ipv4 } from '../../addr/ipv4';
import { IPV4_BROADCAST } from '../../addr/ipv4';
import type { ForwardMethod } from '../types';
import { IPPROTO } from './inet';
import type { Command, OptionName, TunnelType } from './opt-check';

/** What ipvsadm exits with: fail() is 2, tryhelp_exit(-1) and popt errors are 255. */
export interface CommandError {
  readonly ok: false;
  readonly error: string;
  readonly exitCode: number;
  /**
   * popt refused an option after the command (parse_options() prints it and returns -1): a
   * line of `ipvsadm -R` is skipped and the next one runs. Every other refusal exits at once.
   */
  readonly skipsLine?: true;
}

/** `ipvsadm -h` / `ipvsadm -v` (or their long forms) as the first option: usage_exit(), version_exit(). */
export interface CommandInfo {
  readonly ok: true;
  readonly info: 'help' | 'version';
}

/** ipvsadm's struct ipvs_command_entry, IPv4 only. */
export interface CommandEntry {
  cmd: Command;
  options: Set<OptionName>;
  svc: {
    proto: number;
    af: 4 | 6;
    addr: Ipv4;
    port: number;
    fwmark: number;
    sched: string;
    persistent: boolean;
    timeoutS: number;
    netmask: Ipv4;
    onePacket: boolean;
    pe: string;
    /** IP_VS_SVC_F_SCHED1..3 as 1, 2, 4. */
    schedFlags: number;
  };
  dest: {
    addr: Ipv4;
    port: number;
    /** The port written after -r, before -g/-i replace it (null: none written). */
    givenPort: number | null;
    method: ForwardMethod;
    weight: number;
    uThreshold: number;
    lThreshold: number;
    tunType: TunnelType;
  };
  /** --set tcp tcpfin udp, in seconds (0: keep the kernel's value). */
  timeouts?: { tcpS: number; tcpFinS: number; udpS: number };
  /** The -b text, parsed once all options are read (the scheduler may come after it). */
  schedFlagsArg: string;
  /** An option the simulator cannot model, refused once the tool's own checks pass. */
  unsupported: string | null;
}

export const DEF_SCHED = 'wlc';
/** MAX_TIMEOUT: the largest -p and --set value, 31 days in seconds. */
export const MAX_TIMEOUT_S = 86400 * 31;
/** IPVS_SVC_PERSISTENT_TIMEOUT (libipvs.h): 6*60, although ipvsadm(8) says 300. */
export const DEFAULT_PERSISTENCE_S = 360;
export const TRY_HELP = "Try `ipvsadm -h' or 'ipvsadm --help' for more information.";

export const failed = (error: string, exitCode = 2): CommandError => ({ ok: false, error, exitCode });

export function newEntry(cmd: Command): CommandEntry {
  return {
    cmd,
    options: new Set(),
    svc: {
      proto: IPPROTO.ip, af: 4, addr: 0 as Ipv4, port: 0, fwmark: 0, sched: '',
      persistent: false, timeoutS: 0, netmask: IPV4_BROADCAST, onePacket: false, pe: '',
      schedFlags: 0,
    },
    dest: {
      addr: 0 as Ipv4, port: 0, givenPort: null, method: 'gate', weight: 1,
      uThreshold: 0, lThreshold: 0, tunType: 'ipip',
    },
    schedFlagsArg: '',
    unsupported: null,
  };
}

