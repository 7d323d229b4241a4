import { describe, expect, it } from 'vitest';
import { normalizeTranscript, transcriptBlocks } from './normalize';

describe('normalizeTranscript', () => {
  it('hides ping round trips and totals and curl\'s measured times, nothing else', () => {
    const real = '64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=50.2 ms\n3 packets transmitted, 3 received, 0% packet loss, time 2032ms\n'
      + 'rtt min/avg/max/mdev = 0.762/17.317/50.222/23.267 ms\ncurl: (7) Failed to connect to 10.0.0.2 port 80 after 379 ms: Couldn\'t connect to server\n'
      + 'curl: (28) Connection timed out after 3000 milliseconds\n';
    expect(normalizeTranscript(real)).toBe('64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=<rtt> ms\n3 packets transmitted, 3 received, 0% packet loss, time <ms>ms\n'
      + 'rtt min/avg/max/mdev = <rtt>\ncurl: (7) Failed to connect to 10.0.0.2 port 80 after <ms> ms: Couldn\'t connect to server\n'
      + 'curl: (28) Connection timed out after <ms> milliseconds\n');
    expect(normalizeTranscript('icmp_seq=1 ttl=63\n')).toBe('icmp_seq=1 ttl=63\n');
  });
});

describe('transcriptBlocks', () => {
  it('splits a transcript at its prompts, keeping each command\'s output', () => {
    expect(transcriptBlocks('root@C:~# hostname\nC\nroot@C:~# true\n')).toEqual([
      { prompt: 'root@C:~# hostname', output: 'C\n' }, { prompt: 'root@C:~# true', output: '' },
    ]);
  });
});
