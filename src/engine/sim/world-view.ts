/**
 * A read-only picture of every host at one step of a run: what the UI's inspectors show.
 * Plain JSON so it can cross a worker boundary and be snapshotted in tests.
 */
import type { InterfaceJson } from './trace-json';

export interface ArpEntryView {
  ip: string;
  /** null while INCOMPLETE or FAILED. */
  mac: string | null;
  state: 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT';
  dev: string;
}

export interface RouteView {
  /** "10.10.10.0/24" or "default". */
  dst: string;
  via?: string;
  dev: string;
  src?: string;
  proto: 'kernel' | 'static';
  scope: 'link' | 'global' | 'host';
  /** The routing table it lives in: Linux keeps local addresses in "local". */
  table: 'main' | 'local';
}

export interface SocketView {
  proto: 'tcp';
  local: string;
  remote: string;
  state: string;
}

export interface HostView {
  id: string;
  role: string;
  interfaces: InterfaceJson[];
  arp: ArpEntryView[];
  routes: RouteView[];
  /** Effective values of the sysctls the course uses, by Linux name. */
  sysctl: Record<string, number>;
  sockets: SocketView[];
  /** Present on a host with IPVS rules: what ipvsadm prints there at this step. */
  ipvs?: { list: string; conns: string; stats: string };
}

export interface WorldView {
  /** Simulated ms of the step this view shows. */
  t: number;
  hosts: Record<string, HostView>;
}
