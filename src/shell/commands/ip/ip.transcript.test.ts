/**
 * `ip` against the real kernel: captured oracle labs imported as Kathará starts them and
 * replayed line by line, each `ip` line's output and exit status equal to the capture's.
 * Nothing is normalised: the `eth0@ifN` peer numbers follow the lab VM's numbering. Lines of
 * other commands (ping, modprobe, …) are not run here; the lines they affect are listed with
 * the reason, as are the forms lvs-flow reports as not simulated.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../session';
import { replayOracleLab, startLab, type ReplayedLine } from './test/oracle-session';

const isIp = (command: string): boolean => /^ip( |$)/.test(command);

function compare(lines: readonly ReplayedLine[], excluded: ReadonlyMap<number, string>): void {
  for (const l of lines.filter((x) => !excluded.has(x.line))) {
    expect({ line: l.line, command: l.command, ...l.actual }).toEqual({ line: l.line, command: l.command, ...l.expected });
  }
}

const each = (lines: readonly number[], reason: string): Array<[number, string]> => lines.map((n) => [n, reason]);
const AFTER_PING = 'the neighbour entries come from ping, which is not in this test';

describe('ip against the oracle', () => {
  it('prints what iproute2 printed in the iproute2 lab, with its exit statuses', () => {
    const lines = replayOracleLab('iproute2', isIp);
    expect(lines.length).toBeGreaterThan(60);
    compare(lines, new Map(each([44, 45, 46], AFTER_PING)));
  });

  it('prints what iproute2 printed in the iproute2-forms lab, with its exit statuses', () => {
    const lines = replayOracleLab('iproute2-forms', isIp);
    const label = 'a label not naming its device (label foo) is refused: a scenario cannot hold it';
    const notSimulated = 'creating a veth pair and deleting a connected route are not simulated';
    expect(lines.length).toBeGreaterThan(110);
    compare(lines, new Map([
      ...each([42, 48, 51], label),
      ...each([89, 90, 129, 130, 131, 132, 133, 134], notSimulated),
      ...each([109, 111, 113, 119, 122, 124, 126], AFTER_PING),
    ]));
  });

  it('prints what iproute2 printed in the iproute2-more lab (tunl0 present as modprobe ipip leaves it)', () => {
    const scenario = startLab('iproute2-more').live.scenario();
    scenario.hosts.find((h) => h.id === 'A')?.interfaces.push({ name: 'tunl0', up: false, addrs: [] });
    const lines = replayOracleLab('iproute2-more', isIp, ConsoleSession.fromScenario(scenario));
    const unsupported = 'route protocols, metrics, other tables and blackhole routes are not simulated';
    compare(lines, new Map([
      [10, 'tunl0 brought down after being up shows qdisc noqueue; the engine does not remember it was up'],
      ...each([16, 17, 18, 19, 22, 23], unsupported),
    ]));
  });

  it('prints what iproute2 printed on a host as Kathará starts it (kathara-defaults)', () => {
    compare(replayOracleLab('kathara-defaults', isIp), new Map(each([9], AFTER_PING)));
  });
});
