/**
 * `ip` against the real kernel: the oracle labs iproute2-forms and iproute2-more replayed on
 * the same topology, each line's output and exit status equal to the capture's. Nothing is
 * normalised: the `eth0@ifN` peer numbers follow the lab VM's numbering. Lines other commands
 * produce (ping, modprobe) are not run here; the lines they affect are listed with the reason.
 */
import { describe, expect, it } from 'vitest';
import { iproute2Lab } from './test/lab-scenario';
import { replayOracleLab, type ReplayedLine } from './test/oracle-session';

const isIp = (command: string): boolean => /^ip( |$)/.test(command);

function compare(lines: readonly ReplayedLine[], excluded: ReadonlyMap<number, string>): void {
  const checked = lines.filter((l) => !excluded.has(l.line));
  for (const l of checked) {
    expect({ line: l.line, command: l.command, ...l.actual }).toEqual({ line: l.line, command: l.command, ...l.expected });
  }
}

describe('ip against the oracle', () => {
  it('prints what iproute2 printed in the iproute2-forms lab, with its exit statuses', () => {
    const lines = replayOracleLab('iproute2-forms', iproute2Lab(), isIp);
    const notSimulated = 'creating a veth pair and deleting a connected route are not simulated';
    const afterPing = 'the neighbour entries come from ping, which this branch does not run';
    const label = 'a label not naming its device (label foo) is refused: the scenario format cannot hold it';
    const excluded = new Map<number, string>([
      [42, label], [48, label], [51, label],
      [89, notSimulated], [90, notSimulated],
      ...[109, 111, 113, 119, 122, 124, 126].map((n): [number, string] => [n, afterPing]),
      ...[129, 130, 131, 132, 133, 134].map((n): [number, string] => [n, notSimulated]),
    ]);
    expect(lines.length).toBeGreaterThan(110);
    compare(lines, excluded);
  });

  it('prints what iproute2 printed in the iproute2-more lab (tunl0 present as modprobe ipip leaves it)', () => {
    const lab = iproute2Lab();
    const a = lab.hosts[0];
    a?.interfaces.push({ name: 'tunl0', up: false, addrs: [] });
    const lines = replayOracleLab('iproute2-more', lab, isIp);
    const unsupported = 'route protocols, metrics, other tables and blackhole routes are not simulated';
    const excluded = new Map<number, string>([
      [10, 'tunl0 brought down after being up shows qdisc noqueue; the engine does not remember it was up'],
      [16, unsupported], [17, unsupported], [18, unsupported], [19, unsupported], [22, unsupported], [23, unsupported],
    ]);
    compare(lines, excluded);
  });
});
