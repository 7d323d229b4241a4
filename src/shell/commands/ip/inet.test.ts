import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../engine';
import { parseAddr, parsePrefix, strtoul } from './inet';

const addr = (text: string, family: Parameters<typeof parseAddr>[1] = 'unspec'): string | undefined => {
  const a = parseAddr(text, family);
  return a === undefined ? undefined : a.family === 'inet' ? formatIpv4(a.addr) : a.family;
};

describe('iproute2 address arguments', () => {
  it('reads octets with strtoul base 0, so hex and octal work and missing octets are zero', () => {
    expect(addr('10.8')).toBe('10.8.0.0');
    expect(addr('0x0a.1.2.3')).toBe('10.1.2.3');
    expect(addr('012.0.0.1')).toBe('10.0.0.1');
    expect(addr('10')).toBe('10.0.0.0');
  });

  it('refuses an octet over 255, a trailing dot, extra octets and words', () => {
    for (const bad of ['10.0.0.300', '10.', '1.2.3.4.5', 'eth0', '', '-1.0.0.0']) expect(addr(bad)).toBeUndefined();
  });

  it('takes a prefix as a length or a contiguous dotted netmask', () => {
    expect(parsePrefix('192.168.1.1/255.255.255.0', 'unspec')?.bitlen).toBe(24);
    expect(parsePrefix('10.0.0.1/0x18', 'unspec')?.bitlen).toBe(24);
    expect(parsePrefix('10.0.0.1/255.0.255.0', 'unspec')).toBeUndefined();
    expect(parsePrefix('10.0.0.1/33', 'unspec')).toBeUndefined();
  });

  it('gives a bare address its full length without marking the length as given', () => {
    expect(parsePrefix('10.0.0.5', 'unspec')).toMatchObject({ bitlen: 32, lenGiven: false });
    expect(parsePrefix('10.0.0.5/32', 'unspec')).toMatchObject({ bitlen: 32, lenGiven: true });
  });

  it('reads default as a zero-length prefix and refuses default/len', () => {
    expect(parsePrefix('default', 'inet')).toMatchObject({ bitlen: 0, lenGiven: true });
    expect(parsePrefix('default/8', 'inet')).toBeUndefined();
  });

  it('treats a word with a colon as IPv6, refused where IPv4 was asked for', () => {
    expect(addr('2001:db8::1')).toBe('inet6');
    expect(addr('2001:db8::1', 'inet')).toBeUndefined();
    expect(addr('10.0.0.1', 'inet6')).toBeUndefined();
  });

  it('stops strtoul at the first non-digit and reports where', () => {
    expect(strtoul(' +17x', 0, 0)).toEqual({ value: 17, end: 4 });
    expect(strtoul('0x', 0, 0)).toEqual({ value: 0, end: 1 });
    expect(strtoul('x', 0, 0)).toEqual({ value: 0, end: 0 });
  });
});
