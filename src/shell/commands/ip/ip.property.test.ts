/**
 * Random `ip` command lines never throw: each ends with a status, a non-zero status always
 * comes with a message, and the scenario left behind validates and, built afresh, shows the
 * same addresses, links and routes as the live world (the scenario follows every change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../engine';
import { labConsole } from './test/session';

const WORDS = [
  'ip', 'a', 'addr', 'address', 'add', 'del', 'delete', 'show', 'flush', 'change', 'replace', 'append', 'prepend', 'test',
  'link', 'l', 'set', 'up', 'down', 'route', 'r', 'ro', 'neigh', 'n', 'help', 'dev', 'label', 'brd', 'broadcast', '+', '-',
  'lo', 'eth0', 'eth1', 'eth9', 'if2', 'lo:0', 'eth0:0', 'eth0:*', 'via', 'src', 'default', 'table', 'local', 'main', 'all',
  'proto', 'kernel', 'static', 'scope', 'host', 'link', 'global', 'metric', '0', '100', 'type', 'unicast', 'blackhole',
  'nud', 'stale', 'failed', 'to', 'root', 'match', 'exact', 'peer', 'mtu', '1400', 'name', 'secondary', 'primary',
  '10.0.0.1/24', '10.0.0.2', '10.0.0.100/32', '10.0.0.0/8', '10.0.0.300', '127.0.0.2/8', '192.168.1.0/24', '0x0a.1',
  '10.8', '172.16.0.1/16', '10.9.9.9/255.255.0.0', '2001:db8::1', '-4', '-6', '-0', '-br', '-s', '-f', 'inet', '-V',
  '-j', '-x', '--', '', 'garbage',
];

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((ws) => ['ip', ...ws].join(' ').replace(/ {2,}/g, ' '));

/** Well-formed changes, so that sequences reach real states (secondaries, routes through devices that go down, …). */
const dev = fc.constantFrom('lo', 'eth0', 'eth1');
const host = fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.100', '172.16.0.1', '127.0.0.2', '192.168.1.1');
const prefix = fc.tuple(host, fc.constantFrom(8, 16, 24, 32)).map(([a, l]) => `${a}/${l}`);
const net = fc.constantFrom('default', '10.9.0.0/16', '192.168.5.0/24', '10.0.0.0/24', '172.16.0.0/16');
const change = fc.oneof(
  fc.tuple(prefix, dev, fc.constantFrom('', ' label eth0:0', ' brd +', ' label lo:0')).map(([p, d, x]) => `ip addr add ${p} dev ${d}${x}`),
  fc.tuple(prefix, dev).map(([p, d]) => `ip addr del ${p} dev ${d}`),
  dev.map((d) => `ip addr flush dev ${d}`),
  fc.tuple(dev, fc.constantFrom('up', 'down')).map(([d, s]) => `ip link set ${d} ${s}`),
  fc.tuple(fc.constantFrom('add', 'replace', 'del', 'change', 'append'), net, host, fc.constantFrom('', ' dev eth0', ' dev eth1', ' src 10.0.0.1')).map(([op, n, g, x]) => `ip route ${op} ${n} via ${g}${x}`),
  fc.tuple(fc.constantFrom('add', 'del'), net, dev).map(([op, n, d]) => `ip route ${op} ${n} dev ${d}`),
  fc.constantFrom('ip neigh flush all', 'ip route flush dev eth0', 'ip addr flush dev eth0 label eth0:0'),
);
const line = fc.oneof(words, change);

describe('ip on random command lines', () => {
  it('always ends with a status and a message for a failure, and leaves a scenario that rebuilds the same', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const lab = labConsole();
        for (const l of lines) {
          const r = lab.type(l);
          expect(r.out).not.toContain('internal error');
          expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
          if (r.status !== 0) expect(r.out.length).toBeGreaterThan(0);
        }
        const scenario = lab.console.live.scenario();
        expect(validateScenario(scenario).ok).toBe(true);
        const fresh = labConsole(scenario);
        for (const view of ['ip addr', 'ip route', 'ip route show table local', 'ip link']) expect(fresh.type(view).out).toBe(lab.type(view).out);
      }),
      { numRuns: 60 },
    );
  });
});
