import { describe, expect, it } from 'vitest';
import { getBuildLab } from '../../labs';
import { solution } from '../../labs/solution';
import { engine } from '../engine-source';
import { createSimStore } from './create-sim-store';

const LAB = getBuildLab('build-dr')!;
const VIP_ON_LO = 'ifconfig lo:0 10.10.10.100 netmask 255.255.255.255 broadcast 10.10.10.100 up';

const make = () => {
  const store = createSimStore({ engine });
  store.getState().loadScenario(LAB.start);
  return store;
};
const addrsOf = (store: ReturnType<typeof make>, host: string) =>
  store.getState().trace?.hosts[host]?.interfaces.flatMap((i) => i.addrs.map((a) => `${i.label ?? i.name} ${a}`)) ?? [];

describe('typeCommand', () => {
  it('changes the scenario on screen as the live world changed: the VIP on lo:0', async () => {
    const store = make();
    const r = await store.getState().typeCommand('RS1', VIP_ON_LO);
    expect(r).toMatchObject({ output: '', exitCode: 0 });
    expect(addrsOf(store, 'RS1')).toContain('lo:0 10.10.10.100/32');
    const lo = store.getState().scenario?.hosts.find((h) => h.id === 'RS1')?.interfaces.find((i) => i.name === 'lo');
    expect(lo?.addrs.some((a) => a.cidr === '10.10.10.100/32')).toBe(true);
    expect(store.getState().consoleLines).toEqual([{ host: 'RS1', line: VIP_ON_LO }]);
    expect(store.getState().consoleBase).toBe(LAB.start);
  });

  it("prints the tool's own output and makes the session's trace the app's, the command's events at its end", async () => {
    const store = make();
    await store.getState().typeCommand('C', 'ifconfig eth0 10.10.10.240 netmask 255.255.255.0 up');
    const r = await store.getState().typeCommand('C', 'ping -c 1 -W 1 10.10.10.99');
    expect(r.output).toContain('1 packets transmitted, 0 received');
    const { trace } = store.getState();
    expect(r.to).toBe(trace?.events.length);
    expect(trace?.events.slice(r.from).some((e) => e.kind === 'frame' && e.arp?.targetIp === '10.10.10.99')).toBe(true);
    expect(trace?.events.at(-1)).toMatchObject({ kind: 'action', action: 'shell-command' });
  });

  it("with play, moves the timeline to the command's first step and plays", async () => {
    const store = make();
    for (const l of solution(LAB)) await store.getState().typeCommand(l.host, l.line);
    const r = await store.getState().typeCommand('C', 'curl -s http://10.10.10.100/', { play: true });
    const s = store.getState();
    expect(r.output).toMatch(/RS[12]/);
    expect(s.steps[s.cursor]).toBeGreaterThanOrEqual(r.from);
    expect(s.steps[s.cursor - 1] ?? -1).toBeLessThan(r.from);
    expect(s.playing).toBe(true);
  });
});

describe('undoCommand', () => {
  it('takes back the last line: its address is gone, the lines before it stay', async () => {
    const store = make();
    await store.getState().typeCommand('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
    await store.getState().typeCommand('RS1', VIP_ON_LO);
    await store.getState().undoCommand();
    expect(addrsOf(store, 'RS1')).toContain('eth0 10.10.10.12/24');
    expect(addrsOf(store, 'RS1')).not.toContain('lo:0 10.10.10.100/32');
    expect(store.getState().consoleLines).toHaveLength(1);
  });

  it('after the only line, shows the machines as they started', async () => {
    const store = make();
    await store.getState().typeCommand('RS1', VIP_ON_LO);
    await store.getState().undoCommand();
    expect(store.getState().consoleLines).toEqual([]);
    expect(store.getState().scenario).toEqual(LAB.start);
  });
});

describe('resetConsole and other scenarios', () => {
  it('resetConsole shows the scenario the session started from', async () => {
    const store = make();
    await store.getState().typeCommand('RS1', VIP_ON_LO);
    store.getState().resetConsole();
    expect(store.getState().scenario).toBe(LAB.start);
    expect(store.getState().consoleLines).toEqual([]);
  });

  it('loading another scenario ends the session; the next line starts a new one over it', async () => {
    const store = make();
    await store.getState().typeCommand('RS1', VIP_ON_LO);
    store.getState().loadScenario('dr-lab');
    expect(store.getState().consoleLines).toEqual([]);
    await store.getState().typeCommand('C', 'true');
    expect(store.getState().consoleBase?.id).toBe('dr-lab');
    expect(store.getState().consoleLines).toEqual([{ host: 'C', line: 'true' }]);
  });
});

describe('replayConsole', () => {
  it('gives the trace and scenario that typing the same lines gave', async () => {
    const typed = make();
    for (const l of solution(LAB)) await typed.getState().typeCommand(l.host, l.line);
    const replayed = make();
    await replayed.getState().replayConsole(solution(LAB));
    expect(replayed.getState().trace).toEqual(typed.getState().trace);
    expect(replayed.getState().scenario).toEqual(typed.getState().scenario);
  });
});

describe('worldAt in a session', () => {
  it('shows each host as it was at the step: no VIP before the command, the VIP after it', async () => {
    const store = make();
    await store.getState().typeCommand('RS1', 'ifconfig eth0 10.10.10.12 netmask 255.255.255.0 up');
    const r = await store.getState().typeCommand('RS1', VIP_ON_LO);
    const at = (i: number) => {
      const w = store.getState().worldAt(i);
      if (!w.ok) throw new Error(w.error);
      return w.view.hosts['RS1']?.interfaces.flatMap((x) => x.addrs) ?? [];
    };
    expect(at(r.from - 1)).not.toContain('10.10.10.100/32');
    expect(at(r.to - 1)).toContain('10.10.10.100/32');
  });
});

describe('completeCommand', () => {
  it('completes on the host after the shell is loaded, aliases typed included', async () => {
    const store = make();
    expect(store.getState().completeCommand('RS1', 'ifconfig lo', 11)).toBeNull();
    await store.getState().typeCommand('RS1', VIP_ON_LO);
    expect(store.getState().completeCommand('RS1', 'ifconfig lo', 11)?.candidates).toEqual(['lo', 'lo:0']);
  });
});

describe('console tabs', () => {
  it('opens a terminal per host once, brings it forward, and closing the active one activates its neighbour', () => {
    const store = make();
    const s = () => store.getState();
    s().openConsole('D');
    s().openConsole('RS1');
    s().openConsole('D');
    expect(s()).toMatchObject({ consoleTabs: ['D', 'RS1'], consoleActive: 'D', consolePanel: true });
    s().closeConsole('D');
    expect(s()).toMatchObject({ consoleTabs: ['RS1'], consoleActive: 'RS1' });
  });
});
