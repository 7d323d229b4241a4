/**
 * Random ipvsadm command lines, in random order on one live director: none throws, each
 * prints the tool's own output or message and ends with one of its statuses, and the
 * scenario the table leaves behind still validates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../engine';
import { ConsoleSession } from '../../session';
import lab from './fixtures/ipvsadm-lab.json';

const WORDS = [
  '-A', '-E', '-D', '-C', '-a', '-e', '-d', '-L', '-l', '-n', '-c', '-Z', '-S', '-R', '-h', '-v',
  '-s', '-p', '-M', '-r', '-w', '-x', '-y', '-g', '-m', '-i', '-t', '-u', '-f', '-b', '-Ln', '-Lnc',
  '--stats', '--rate', '--timeout', '--set', '--exact', '--thresholds', '--persistent-conn', '--tun-info',
  '--nosort', '--sort', '--daemon', '--weight=2', '--foo', '-o', '-6', '--tun-type',
  '10.0.0.100:80', '10.0.0.100:81', '10.0.0.100', '10.0.0.2', '10.0.0.3:8080', '10.0.0.255', '224.0.0.5',
  '0', '1', '3', '20', '65536', '2147483648', '-1', 'rr', 'wrr', 'sh', 'mh', 'foo', 'none', 'sh-port',
  'mh-fallback,mh-port', 'flag-1', '255.255.255.0', 'ipip', 'gre', '#', 'x',
];

const argvArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 });

/** Rules that make the random lines meet real services and servers now and then. */
const SETUP = [
  'ipvsadm -A -t 10.0.0.100:80 -s rr',
  'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.2 -g',
  'ipvsadm -A -t 10.0.0.100:81 -s wlc -p 20',
];

describe('ipvsadm with random arguments', () => {
  it('never throws, answers every line with output or the tool\'s message and a status, and keeps the scenario valid', () => {
    fc.assert(
      fc.property(fc.array(argvArb, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, restore) => {
        const session = ConsoleSession.fromScenario(lab as unknown as Scenario);
        for (const l of SETUP) session.type('D', l);
        for (const argv of lines) {
          const line = restore ? `ipvsadm -R <<< "${argv.join(' ')}"` : ['ipvsadm', ...argv].join(' ');
          const r = session.shell.run('D', line);
          expect(r.output).not.toContain('internal error');
          expect([0, 1, 2, 255]).toContain(r.exitCode);
          // Only a refusal or a view prints; a refusal always does.
          if (r.exitCode !== 0) expect(r.output).not.toBe('');
        }
        const v = validateScenario(session.live.scenario());
        expect(v.ok ? 'valid' : v.error).toBe('valid');
      }),
      { numRuns: 60 },
    );
  });
});
