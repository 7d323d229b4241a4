import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, editLine, keySequences, type LineState } from './line-editor';

const type = (data: string, history: readonly string[] = [], from: LineState = EMPTY_LINE) => {
  let s = from;
  const actions: string[] = [];
  for (const seq of keySequences(data)) {
    const r = editLine(s, seq, history);
    s = r.state;
    if (r.action !== 'none') actions.push(r.action);
  }
  return { ...s, actions };
};

describe('keySequences', () => {
  it('splits text, control keys and escape sequences as xterm sends them', () => {
    expect(keySequences('ip a\x1b[D\x7f\r')).toEqual(['ip a', '\x1b[D', '\x7f', '\r']);
    expect(keySequences('\x1bOH\x1b[3~x')).toEqual(['\x1bOH', '\x1b[3~', 'x']);
  });
});

describe('editLine', () => {
  it('inserts at the cursor after moving left, and deletes before it with Backspace', () => {
    expect(type('ifcofig\x1b[D\x1b[D\x1b[Dn')).toMatchObject({ line: 'ifconfig', cursor: 5 });
    expect(type('route\x7f\x7f')).toMatchObject({ line: 'rou', cursor: 3 });
  });

  it('goes to the start and end with Home/End and Ctrl+A/Ctrl+E', () => {
    expect(type('arp -n\x1b[Hx')).toMatchObject({ line: 'xarp -n', cursor: 1 });
    expect(type('arp\x01\x05 -n')).toMatchObject({ line: 'arp -n', cursor: 6 });
  });

  it('walks the history with ↑ and ↓ and comes back to the line being typed', () => {
    const history = ['ip a', 'ipvsadm -Ln'];
    expect(type('cu\x1b[A', history)).toMatchObject({ line: 'ipvsadm -Ln', historyAt: 1 });
    expect(type('cu\x1b[A\x1b[A\x1b[A', history)).toMatchObject({ line: 'ip a', historyAt: 0 });
    expect(type('cu\x1b[A\x1b[B', history)).toMatchObject({ line: 'cu', cursor: 2, historyAt: null });
  });

  it('reports Enter, Tab, Ctrl+C and Ctrl+L to the terminal, leaving the line as it is', () => {
    expect(type('ip\t')).toMatchObject({ line: 'ip', actions: ['tab'] });
    expect(type('ip\x03')).toMatchObject({ line: 'ip', actions: ['interrupt'] });
    expect(type('\x0c')).toMatchObject({ actions: ['clear-screen'] });
    expect(type('ip a\r')).toMatchObject({ line: 'ip a', actions: ['enter'] });
  });

  it('ignores escape sequences it does not know', () => {
    expect(type('ip\x1b[15~')).toMatchObject({ line: 'ip', cursor: 2 });
  });
});
