/**
 * Failures the property tests found, shrunk to the smallest scenario that shows them and kept
 * here as fixed cases, so they stay fixed. Each test names what Linux does.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, simulate, validateScenario, type Scenario } from '../engine';
import { runProblems } from './trace-checks';

/** The document as a user would write it, checked by the same validator as the CLI's. */
function scenario(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(formatProblem(v.error));
  return v.value;
}

const doc = (id: string, hosts: unknown[], segments: unknown[] = []): unknown => ({
  version: 1, id, title: { en: id, zh: id }, summary: { en: id, zh: id }, hosts, segments,
});

const ends = (s: Scenario): string[] => simulate(s).trace.events.flatMap((e) =>
  e.kind === 'action' && (e.action === 'request-done' || e.action === 'request-failed') ? [`${e.action} ${String(e.detail.answer)}`] : []);

describe('a client whose server closes without answering', () => {
  // Found by sim.property.test.ts (shrunk): the L7 proxy's upstream refuses (RST), the proxy
  // closes the client's connection (FIN, no data). curl then reports "Empty reply from server"
  // and exits; Nginx would even answer 502 first. The simulated client stayed in CLOSE_WAIT, its
  // request never ended and the run stopped 'idle' (or 'time-limit' with a director's timers).
  const proxyUpstreamRefused = scenario(doc('proxy-upstream-refused', [
    { id: 'C', role: 'client', interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.1/24' }] }], apps: [{ kind: 'http-client', target: '10.0.0.4:8081', requests: 1 }] },
    { id: 'P', role: 'proxy', interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.4/24' }] }], apps: [{ kind: 'l7-proxy', port: 8081, upstreams: ['10.0.0.1:80'] }] },
  ], [{ id: 'lan', kind: 'switch', ports: [{ host: 'C', if: 'eth0' }, { host: 'P', if: 'eth0' }] }]));

  it('ends the request (done or failed) and the run stops done', () => {
    const r = simulate(proxyUpstreamRefused);
    expect(r.stopReason).toBe('done');
    expect(ends(proxyUpstreamRefused)).toHaveLength(1);
    expect(runProblems(proxyUpstreamRefused, r)).toEqual([]);
  });
});

describe('a host reaching one of its own addresses', () => {
  // Found by the property tests' coverage run: a host's connection to its own address goes over
  // lo; Linux keeps the output route on the skb, so ip_rcv_finish makes no input route lookup and
  // fib_validate_source never runs: `curl http://<own address>/` and `curl 127.0.0.1` work.
  // The simulator dropped every SYN as martian-source (own-address) on lo, then timed out.
  const selfServer = (target: string): Scenario => scenario(doc(`curl-${target}`, [
    { id: 'S', role: 'server', interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.1/24' }] }], apps: [{ kind: 'http-server', port: 80 }, { kind: 'http-client', target, requests: 1 }] },
  ]));

  it.each(['10.0.0.1:80', '127.0.0.1:80'])('gets the page from its own server at %s', (target) => {
    const s = selfServer(target);
    expect(ends(s)).toEqual([expect.stringMatching(/^request-done S /)]);
    expect(simulate(s).trace.events.filter((e) => e.kind === 'drop')).toEqual([]);
  });
});
