import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import { PRESETS, getPreset } from '../scenarios/index';
import {
  DEFAULT_GAP_MS, DEFAULT_LATENCY_MS, DEFAULT_SEED, DEFAULT_WEIGHT, NO_MAC, defaultMac, restoreScenario,
} from './restore';
import type { Scenario } from './types';

const minimal: Scenario = {
  version: 1,
  id: 'minimal',
  title: { en: 'm', zh: 'm' },
  summary: { en: 'm', zh: 'm' },
  hosts: [
    {
      id: 'C',
      role: 'client',
      interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.2/24' }] }, { name: 'lo', addrs: [{ cidr: '10.0.0.100/32', label: 'lo:0' }] }],
      apps: [{ kind: 'http-client', target: '10.0.0.1:80', requests: 1 }],
    },
    {
      id: 'D',
      role: 'director',
      interfaces: [{ name: 'eth0', mac: '02:AA:00:00:00:01', addrs: [{ cidr: '10.0.0.1/24' }] }],
      ipvs: { services: [{ proto: 'tcp', vip: '10.0.0.1', port: 80, scheduler: 'rr', persistence: { timeoutS: 300 }, dests: [{ addr: '10.0.0.3', port: 80, method: 'gate' }] }] },
    },
  ],
  segments: [{ id: 'lan', kind: 'switch', ports: [{ host: 'C', if: 'eth0' }, { host: 'D', if: 'eth0' }] }],
};

describe('restoreScenario', () => {
  const r = restoreScenario(minimal);

  it('fills every default', () => {
    expect(r.seed).toBe(DEFAULT_SEED);
    expect(r.lessons).toEqual([]);
    expect(r.segments[0]).toMatchObject({ latencyMs: DEFAULT_LATENCY_MS, name: { en: 'lan', zh: 'lan' } });
    const [c, d] = r.hosts;
    expect(c).toMatchObject({ name: { en: 'C', zh: 'C' }, routes: [], sysctl: {} });
    expect(c?.interfaces[0]).toEqual({ name: 'eth0', mac: '02:00:00:00:01:01', up: true, addrs: [{ cidr: '10.0.0.2/24', label: 'eth0' }] });
    expect(c?.interfaces[1]?.mac).toBe(NO_MAC);
    expect(c?.apps[0]).toEqual({ kind: 'http-client', target: '10.0.0.1:80', requests: 1, startMs: 0, gapMs: DEFAULT_GAP_MS, holdMs: 0 });
    expect(d?.interfaces[0]?.mac).toBe('02:aa:00:00:00:01');
    expect(d?.ipvs?.services[0]).toMatchObject({ fwmark: 0, schedFlags: [], persistence: { timeoutS: 300, netmask: '255.255.255.255' } });
    expect(d?.ipvs?.services[0]?.dests[0]).toEqual({ addr: '10.0.0.3', port: 80, method: 'gate', weight: DEFAULT_WEIGHT, uThreshold: 0, lThreshold: 0 });
    expect(c?.ipvs).toBeUndefined();
    expect(c?.position).toBeUndefined();
  });

  it('is idempotent and shares nothing with its input', () => {
    expect(restoreScenario(r)).toEqual(r);
    const copy = restoreScenario(minimal);
    copy.hosts[0]!.interfaces[0]!.addrs.push({ cidr: '10.0.0.9/24', label: 'eth0' });
    copy.segments[0]!.ports.pop();
    expect(minimal.hosts[0]?.interfaces[0]?.addrs).toHaveLength(1);
    expect(minimal.segments[0]?.ports).toHaveLength(2);
  });

  it('gives every Ethernet interface of every preset a distinct MAC', () => {
    for (const { scenario } of PRESETS) {
      const macs = restoreScenario(scenario).hosts.flatMap((h) => h.interfaces.filter((f) => f.mac !== NO_MAC).map((f) => f.mac));
      expect(new Set(macs).size).toBe(macs.length);
    }
  });

  it('keeps a preset\'s own values', () => {
    const dr = restoreScenario(getPreset('dr-lab')!);
    expect(dr.hosts.find((h) => h.id === 'RS1')?.interfaces[1]?.addrs).toEqual([{ cidr: '10.10.10.100/32', label: 'lo:0' }]);
  });
});

describe('defaultMac', () => {
  it('numbers hosts from 1 and interfaces with lo as 0, in a locally administered MAC', () => {
    expect(defaultMac(0, 1, 'eth0')).toBe('02:00:00:00:01:01');
    expect(defaultMac(299, 2, 'eth1')).toBe('02:00:00:01:2c:02');
    expect(defaultMac(3, 2, 'tunl0')).toBe(NO_MAC);
  });

  it('gives the MACs the simulator gives (build.ts), for every preset', () => {
    for (const { scenario } of PRESETS) {
      const hosts = simulate(scenario, { requests: 0 }).trace.hosts;
      for (const h of restoreScenario(scenario).hosts) {
        for (const f of h.interfaces.filter((x) => x.mac !== NO_MAC)) {
          expect(hosts[h.id]?.interfaces.find((x) => x.name === f.name)?.mac, `${scenario.id} ${h.id} ${f.name}`).toBe(f.mac);
        }
      }
    }
  });
});
