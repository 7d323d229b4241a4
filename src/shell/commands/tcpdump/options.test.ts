import { describe, expect, it } from 'vitest';
import { parseTcpdumpArgs } from './options';
import { USAGE_TEXT, VERSION_TEXT } from './usage';

const options = (...args: string[]) => {
  const r = parseTcpdumpArgs(args);
  if (!r.ok) throw new Error(r.stderr);
  return r.options;
};

describe('parseTcpdumpArgs', () => {
  it('reads bundled flags and an attached argument: -nnec3 -ieth0', () => {
    expect(options('-nnec3', '-ieth0')).toEqual({ numeric: true, link: true, quiet: false, verbose: 0, count: 3, iface: 'eth0', filter: '' });
  });

  it('takes options after filter words, as glibc getopt permutes, and none after --', () => {
    expect(options('tcp', 'port', '80', '-n').filter).toBe('tcp port 80');
    expect(options('-n', '--', 'not', '-e').filter).toBe('not -e');
  });

  it('reads --count=N and --interface IF', () => {
    expect(options('--count=2', '--interface', 'eth1')).toMatchObject({ count: 2, iface: 'eth1' });
  });

  it("answers an unknown option with getopt's line and tcpdump's usage, status 1", () => {
    expect(parseTcpdumpArgs(['-k'])).toEqual({ ok: false, stderr: `tcpdump: invalid option -- 'k'\n${USAGE_TEXT}`, status: 1 });
    expect(parseTcpdumpArgs(['--bogus'])).toEqual({ ok: false, stderr: `tcpdump: unrecognized option '--bogus'\n${USAGE_TEXT}`, status: 1 });
  });

  it('prints the version or the usage on stdout for --version and -h, where getopt meets them', () => {
    expect(parseTcpdumpArgs(['--version', '-c', 'x'])).toEqual({ ok: false, stdout: VERSION_TEXT, stderr: '', status: 0 });
    expect(parseTcpdumpArgs(['-h'])).toEqual({ ok: false, stdout: USAGE_TEXT, stderr: '', status: 0 });
  });

  it('refuses what it does not simulate by name, status 2', () => {
    expect(parseTcpdumpArgs(['-w', 'x.pcap'])).toMatchObject({ ok: false, status: 2 });
    expect(parseTcpdumpArgs(['-vv'])).toMatchObject({ ok: false, status: 2 });
  });
});
