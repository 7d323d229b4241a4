/**
 * Random command lines for curl, wget, ping and the web-server commands never throw: each ends
 * with a status, and a failure says something on stderr.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine';
import { ConsoleSession } from '../../session';

const scenario: Scenario = {
  version: 1, id: 'p', title: { en: 'p', zh: 'p' }, summary: { en: 'p', zh: 'p' },
  hosts: [
    { id: 'C', role: 'client', interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.10/24', brd: '10.0.0.255' }] }] },
    { id: 'S', role: 'server', interfaces: [{ name: 'eth0', addrs: [{ cidr: '10.0.0.1/24' }] }], apps: [{ kind: 'http-server', port: 80 }] },
  ],
  segments: [{ id: 'lan', kind: 'switch', ports: [{ host: 'C', if: 'eth0' }, { host: 'S', if: 'eth0' }] }],
};

const word = fc.oneof(
  fc.constantFrom('-s', '-S', '-sS', '-m', '--max-time', '-o', '-I', '-i', '-c', '-W', '-w', '-i', '-q', '-qO-', '-O', '-T', '--', '-', '--no-silent',
    '--connect-timeout', '--sil', '--max', '-x', '-v', '0', '1', '0.2', '-1', 'abc', '3', '8080', '/tmp/x', '/nonexistent/x'),
  fc.constantFrom('http://10.0.0.1/', 'http://10.0.0.99/', '10.0.0.1', '10.0.0.255', 'localhost', 'http://10.0.0.1:8081/', 'ftp://10.0.0.1/',
    'foo://x', 'http://:80/', 'http://10.0.0.1:99999/', 'nosuchhost', '127.0.0.1', 'http://10.0.0.1/missing.html'),
  fc.string({ maxLength: 8 }),
);
const command = fc.constantFrom('curl', 'wget', 'ping', 'service', 'systemctl', 'apache2ctl', '/etc/init.d/nginx', 'python3');

describe('traffic commands on random arguments', () => {
  it('never throw: every line ends with a status, and a failure prints a message', () => {
    fc.assert(fc.property(command, fc.array(word, { maxLength: 6 }), (cmd, args) => {
      const session = ConsoleSession.fromScenario(scenario);
      // Quoted so the shell passes each word as typed.
      const line = [cmd, ...args.map((a) => `'${a.replace(/'/g, '')}'`)].join(' ');
      const r = session.type('C', line);
      expect(Number.isInteger(r.exitCode)).toBe(true);
      expect(r.transcript).not.toContain('internal error');
      const quiet = args.some((a) => /^-[a-zA-Z]*[sq]/.test(a) || /^--(s|q)/.test(a));
      if (r.exitCode !== 0 && !quiet) expect(r.transcript.length).toBeGreaterThan(`root@C:~# ${line}\n`.length);
    }), { numRuns: 150 });
  });
});
