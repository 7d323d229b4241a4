import { describe, expect, it } from 'vitest';
import { getBuildLab } from '../../labs';
import { solution } from '../../labs/solution';
import { engine } from '../engine-source';
import { createSimStore } from '../store/create-sim-store';
import { keySequences } from './line-editor';
import { TerminalSession } from './terminal-session';
import { TestScreen } from './test-screen';

const LAB = getBuildLab('build-dr')!;

function setup(host: string, cols = 80) {
  const store = createSimStore({ engine });
  store.getState().loadScenario(LAB.start);
  const screen = new TestScreen(cols);
  const term = new TerminalSession(screen, host, store);
  term.start();
  /** Lets the shell load and the command run (the terminal waits on promises). */
  const settle = async () => {
    for (let i = 0; i < 600 && (i < 2 || (term.running && !store.getState().playing)); i++) await new Promise((r) => setTimeout(r, 5));
  };
  const keys = async (data: string) => {
    // One key at a time, as typed (a run of text would arrive as a paste).
    for (const seq of keySequences(data)) for (const key of seq.startsWith('\x1b') ? [seq] : [...seq]) term.input(key);
    await settle();
  };
  return { store, term, screen, keys };
}

describe('TerminalSession', () => {
  it('runs a line on Enter and prompts again; the scenario on screen follows', async () => {
    const { store, screen, keys } = setup('RS1');
    await keys('ifconfig lo:0 10.10.10.100 netmask 255.255.255.255 up\r');
    expect(screen.text()).toBe('root@RS1:~# ifconfig lo:0 10.10.10.100 netmask 255.255.255.255 up\nroot@RS1:~#');
    expect(store.getState().trace?.hosts['RS1']?.interfaces.some((i) => i.label === 'lo:0')).toBe(true);
  });

  it('edits in the middle of the line and prints what the command prints', async () => {
    const { screen, keys } = setup('RS1');
    await keys('hstname\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Do\r');
    expect(screen.text()).toBe('root@RS1:~# hostname\nRS1\nroot@RS1:~#');
  });

  it("recalls the host's last line with ↑", async () => {
    const { screen, keys } = setup('RS1');
    await keys('hostname\r\x1b[A');
    expect(screen.text().split('\n').at(-1)).toBe('root@RS1:~# hostname');
  });

  it('completes on Tab and lists the candidates on a second Tab', async () => {
    const { store, screen, keys } = setup('RS1');
    await store.getState().loadConsole();
    await keys('ifconf\t');
    expect(screen.text()).toBe('root@RS1:~# ifconfig');
    await keys('\t\t');
    expect(screen.text()).toBe('root@RS1:~# ifconfig\neth0  lo\nroot@RS1:~# ifconfig');
  });

  it('redraws a line longer than the screen is wide over its rows', async () => {
    const { screen, keys } = setup('C', 20);
    await keys('echo abcdefghijkl\x1b[D\x1b[DX');
    expect(screen.text()).toBe('root@C:~# echo abcde\nfghijXkl');
  });

  it('cancels the line on Ctrl+C and clears the screen on Ctrl+L', async () => {
    const { screen, keys } = setup('C');
    await keys('ip a\x03');
    expect(screen.text()).toBe('root@C:~# ip a^C\nroot@C:~#');
    await keys('ip\x0c');
    expect(screen.text()).toBe('root@C:~# ip');
  });

  it('waits while the traffic plays, and Ctrl+C stops the waiting and prints at once', async () => {
    const { store, term, screen, keys } = setup('C');
    await store.getState().replayConsole(solution(LAB));
    await keys('curl -s http://10.10.10.100/\r');
    expect(store.getState().playing).toBe(true);
    expect(term.running).toBe(true);
    await keys('\x03');
    expect(screen.text()).toMatch(/^root@C:~# curl -s http:\/\/10\.10\.10\.100\/\n\^C\n.*RS[12].*\nroot@C:~#$/s);
    expect(store.getState().cursor).toBe(store.getState().steps.length - 1);
  });
});
