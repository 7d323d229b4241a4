import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { inetAton, isIpv6Literal, parseServiceArg, stringToNumber } from './inet';
import { poptReader, type PoptEvent } from './popt';

describe('inetAton (glibc inet_aton)', () => {
  it.each([
    ['10.10.10.100', '10.10.10.100'],
    ['10.10.2660', '10.10.10.100'], // a.b.c: c fills 16 bits
    ['10.10.10', '10.10.0.10'],
    ['10.658020', '10.10.10.100'], // a.b: b fills 24 bits
    ['168430180', '10.10.10.100'], // one number: all 32 bits
    ['0x0a.0X0a.0xa.0x64', '10.10.10.100'],
    ['012.012.012.0144', '10.10.10.100'], // leading 0: octal
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
  ])('reads %s as %s', (text, dotted) => {
    expect(inetAton(text)).toBe(ip(dotted));
  });

  it.each(['', '1.2.3.4.5', '256.1.1.1', '10.10.10.256', '08.1.1.1', '1.2.3.4x', 'x', '10..1.1', '4294967296', '1.16777216'])(
    'refuses %j',
    (text) => {
      expect(inetAton(text)).toBeNull();
    },
  );
});

describe('stringToNumber (strtol, base 10)', () => {
  it('takes whole decimal numbers in range, with sign and leading zeros', () => {
    expect(stringToNumber('080', 0, 65535)).toBe(80);
    expect(stringToNumber('+7', 0, 10)).toBe(7);
    expect(stringToNumber('-0', 0, 10)).toBe(0);
  });
  it('refuses empty text, trailing junk, out of range and overflow', () => {
    expect(stringToNumber('', 0, 10)).toBeNull();
    expect(stringToNumber('1x', 0, 10)).toBeNull();
    expect(stringToNumber('11', 0, 10)).toBeNull();
    expect(stringToNumber('99999999999999999999', 0, 10)).toBeNull();
  });
});

describe('parseServiceArg (parse_service)', () => {
  it('reads address and port, or address alone', () => {
    expect(parseServiceArg('10.10.10.100:80', 6)).toEqual({ flags: 3, addr: ip('10.10.10.100'), port: 80 });
    expect(parseServiceArg('10.10.10.100', 6)).toEqual({ flags: 1, addr: ip('10.10.10.100'), port: null });
  });
  it('loses the port of a bracketed IPv4 address, as ipvsadm does', () => {
    expect(parseServiceArg('[10.10.10.100]:80', 6)).toEqual({ flags: 1, addr: ip('10.10.10.100'), port: null });
  });
  it('tells IPv6 literals apart', () => {
    expect(parseServiceArg('[::1]:80', 6)).toEqual({ flags: 'ipv6' });
    expect(isIpv6Literal('2001:db8::1')).toBe(true);
    expect(isIpv6Literal('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isIpv6Literal('::ffff:10.1.2.3')).toBe(true);
    expect(isIpv6Literal('10.10.10.100:80')).toBe(false);
    expect(isIpv6Literal('1:2')).toBe(false);
  });
  it('fails on all-digit text, unknown service names and names for the other protocol', () => {
    expect(parseServiceArg('80', 6).flags).toBe(0);
    expect(parseServiceArg('10.10.10.100:nosuch', 6).flags).toBe(0);
    expect(parseServiceArg('10.10.10.100:http', 17).flags).toBe(0);
    expect(parseServiceArg('10.10.10.100:domain', 17)).toMatchObject({ port: 53 });
  });
});

describe('poptReader', () => {
  const all = (argv: string[]): PoptEvent[] => {
    const r = poptReader(argv);
    const out: PoptEvent[] = [];
    for (let e = r.next(); e.kind !== 'end'; e = r.next()) {
      out.push(e);
      if (e.kind === 'error') break;
    }
    return out;
  };
  const ids = (argv: string[]): string[] =>
    all(argv).map((e) => (e.kind === 'opt' ? `${e.id}=${String(e.arg)}` : e.kind === 'error' ? e.message : ''));

  it('splits clusters and takes attached or following arguments', () => {
    expect(ids(['-Lnc'])).toEqual(['list=null', 'numeric=null', 'connection=null']);
    expect(ids(['-w3', '-w=4', '-w', '5', '--weight=6', '--weight', '7'])).toEqual([
      'weight=3', 'weight=4', 'weight=5', 'weight=6', 'weight=7',
    ]);
  });

  it('gives -p its timeout only when the next word is not an option', () => {
    expect(ids(['-p', '-s', 'rr'])).toEqual(['persistent=null', 'scheduler=rr']);
    expect(ids(['-p', '300'])).toEqual(['persistent=300']);
    expect(ids(['-p'])).toEqual(['persistent=null']);
  });

  it('keeps other words aside and stops reading options after --', () => {
    const r = poptReader(['x', '-L', '--', '-n']);
    expect(r.next()).toMatchObject({ kind: 'opt', id: 'list' });
    expect(r.next()).toEqual({ kind: 'end' });
    expect(r.leftovers).toEqual(['x', '-n']);
  });

  it('names the word that held a bad option, as poptBadOption does', () => {
    expect(ids(['-Lz'])).toEqual(['list=null', '-Lz: unknown option']);
    expect(ids(['--lis'])).toEqual(['--lis: unknown option']);
    expect(ids(['-L=1'])).toEqual(['-L=1: option does not take an argument']);
  });
});
