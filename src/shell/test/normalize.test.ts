import { describe, expect, it } from 'vitest';
import { blankInterfaceCounters, normalizeOutput, sortArpLines } from './normalize';

describe('transcript normalisation', () => {
  it('blanks ifconfig counters and keeps every other line', () => {
    const text = 'eth0: flags=4163<UP>  mtu 1500\n        RX packets 41  bytes 3172 (3.0 KiB)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 3  bytes 182 (182.0 B)\n';
    expect(blankInterfaceCounters(text)).toBe('eth0: flags=4163<UP>  mtu 1500\n        RX packets N  bytes N (N)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets N  bytes N (N)\n');
  });

  it('sorts arp lines under their header, so hash order does not matter', () => {
    const a = 'Address  HW\n10.0.0.77 x\n10.0.0.2 y\n';
    const b = 'Address  HW\n10.0.0.2 y\n10.0.0.77 x\n';
    expect(sortArpLines(a)).toBe(sortArpLines(b));
    expect(sortArpLines(a).startsWith('Address  HW\n')).toBe(true);
  });

  it('sorts only arp output', () => {
    expect(normalizeOutput('root@A:~# route -n', 'b\na\n')).toBe('b\na\n');
    expect(normalizeOutput('root@A:~# arp -a', 'b\na\n')).toBe('a\nb\n');
  });
});
