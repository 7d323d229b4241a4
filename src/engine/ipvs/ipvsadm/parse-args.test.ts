import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { parseIpvsadmArgs, READ_ONLY } from './parse-args';

const TRY_HELP = "Try `ipvsadm -h' or 'ipvsadm --help' for more information.";
const view = (argv: string[]): string => {
  const r = parseIpvsadmArgs(argv);
  return r.ok ? r.view : `error: ${r.error}`;
};

describe('parseIpvsadmArgs', () => {
  it('reads plain ipvsadm and -L as the list, with or without -n', () => {
    expect(parseIpvsadmArgs([])).toMatchObject({ ok: true, view: 'list', numeric: false });
    expect(parseIpvsadmArgs(['-L', '-n'])).toMatchObject({ ok: true, view: 'list', numeric: true });
    expect(parseIpvsadmArgs(['-l'])).toMatchObject({ ok: true, view: 'list', numeric: false });
    expect(parseIpvsadmArgs(['-Ln'])).toMatchObject({ ok: true, view: 'list', numeric: true });
    expect(parseIpvsadmArgs(['--list', '--numeric'])).toMatchObject({ ok: true, view: 'list', numeric: true });
  });

  it('reads the views: -c, --stats, --rate, -S, --timeout, --daemon', () => {
    expect(view(['-L', '-n', '-c'])).toBe('conns');
    expect(view(['-Lnc'])).toBe('conns');
    expect(view(['-L', '-n', '--stats'])).toBe('stats');
    expect(view(['-L', '-n', '--rate'])).toBe('rate');
    expect(view(['-L', '-n', '--rate', '--stats'])).toBe('stats'); // FMT_STATS is tested first
    expect(view(['-S', '-n'])).toBe('save');
    expect(view(['-S'])).toBe('save');
    expect(view(['-L', '--timeout'])).toBe('timeout');
    expect(view(['-L', '--daemon'])).toBe('daemon');
  });

  it('passes every -L layout flag on', () => {
    expect(parseIpvsadmArgs(['-L', '-n', '--thresholds', '--exact', '--nosort', '--sort'])).toMatchObject({
      view: 'list',
      list: { thresholds: true, exact: true, nosort: true, stats: false, persistentConn: false, tunInfo: false },
    });
    expect(parseIpvsadmArgs(['-L', '--persistent-conn', '--tun-info'])).toMatchObject({
      list: { persistentConn: true, tunInfo: true },
    });
  });

  it('reads a service to list on its own', () => {
    expect(parseIpvsadmArgs(['-L', '-n', '-t', '10.10.10.100:80'])).toMatchObject({
      ok: true, view: 'list', service: { proto: 'tcp', vip: ip('10.10.10.100'), port: 80, fwmark: 0 },
    });
    expect(parseIpvsadmArgs(['-L', '-f', '7'])).toMatchObject({ service: { fwmark: 7 } });
  });

  it.each([
    [['-L', '-n', '-c', '--stats'], 'options conflicts in the list command', 2],
    [['-L', '--timeout', '--persistent-conn'], 'options conflicts in the list command', 2],
    [['-L', '-c', '-t', '10.10.10.100:80'], "The option 'service-address' conflicts with the 'connection' option in the 'list' command", 2],
    [['-L', '-c', '--timeout'], "The option 'timeout' conflicts with the 'connection' option in the 'list' command", 2],
    [['-S', '-n', '-c'], "Illegal 'connection' option with the 'save' command", 2],
    [['-L', '-w', '1'], "Illegal 'weight' option with the 'list' command", 2],
    [['-L', '-n', '-n'], "multiple 'numeric' options specified", 2],
    [['-L', '-L'], "invalid option `-L'", 2],
    [['-L', 'x'], 'unexpected argument x', 2],
    [['-L', '--stat'], '--stat: unknown option', 255],
    [['-L', '-t'], '-t: missing argument', 255],
    [['-n', '-L'], TRY_HELP, 255],
    [['-Z'], READ_ONLY, 2],
    [['-A', '-t', '10.10.10.100:80'], READ_ONLY, 2],
    [['--set', '1', '2', '3'], READ_ONLY, 2],
  ])('refuses %j with the tool\'s message', (argv, error, exitCode) => {
    expect(parseIpvsadmArgs(argv)).toEqual({ ok: false, error, exitCode });
  });
});
