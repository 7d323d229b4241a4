import { describe, expect, it } from 'vitest';
import { labConsole } from './test/session';

describe('ip options and objects', () => {
  it('prints its usage for no object (-h is -human, so no object either), ip help and -f help, with status 255', () => {
    const { type } = labConsole();
    for (const line of ['ip', 'ip help', 'ip -h', 'ip -f help addr']) {
      const r = type(line);
      expect(r.status).toBe(255);
      expect(r.out).toMatch(/^Usage: ip \[ OPTIONS \] OBJECT \{ COMMAND \| help \}\n/);
    }
  });

  it('prints its version for -V', () => {
    expect(labConsole().type('ip -V')).toEqual({ out: 'ip utility, iproute2-6.1.0, libbpf 1\n', status: 0 });
  });

  it('refuses an unknown option with 255 and an unknown object with 1', () => {
    const { type } = labConsole();
    expect(type('ip -foo addr')).toEqual({ out: 'Option "-foo" is unknown, try "ip -help".\n', status: 255 });
    expect(type('ip foo')).toEqual({ out: 'Object "foo" is unknown, try "ip help".\n', status: 1 });
    expect(type('ip addr foo')).toEqual({ out: 'Command "foo" is unknown, try "ip address help".\n', status: 255 });
  });

  it('matches objects and commands by prefix in iproute2\'s order', () => {
    const { type } = labConsole();
    expect(type('ip a a 10.0.0.1/24 dev eth0').status).toBe(0);
    expect(type('ip a s eth0').out).toContain('inet 10.0.0.1/24 scope global eth0');
    expect(type('ip l s eth1 down').status).toBe(0);
    expect(type('ip li sh eth1').out).toContain('state DOWN');
    expect(type('ip ro li').out).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 \n');
    expect(type('ip -fam inet a s lo').out).toContain('    inet 127.0.0.1/8 scope host lo\n');
  });

  it('prints one line per address (no link lines) or per device under -o, as iproute2 6.1 does (ip-oneline lab)', () => {
    const { type } = labConsole();
    type('ip addr add 10.0.0.1/24 brd + dev eth0');
    type('ip addr add 10.0.0.100/24 brd + dev eth0 label eth0:0');
    expect(type('ip -o -4 addr show dev eth0').out).toBe(
      '2: eth0    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever\n'
      + '2: eth0    inet 10.0.0.100/24 brd 10.0.0.255 scope global secondary eth0:0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(type('ip -oneline addr show eth1').out).toBe(''); // a device without addresses has no line
    expect(type('ip -o link show lo').out).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n');
    expect(type('ip -4 -o addr show | cut -d" " -f2,7').out).toBe('lo 127.0.0.1/8\neth0 10.0.0.1/24\neth0 10.0.0.100/24\n');
    expect(type('ip -o -br addr show dev eth0').out).toBe(type('ip -br addr show dev eth0').out);
  });

  it('lists the three rules every namespace starts with for ip rule, show and list', () => {
    const { type } = labConsole();
    const rules = { out: '0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n', status: 0 };
    for (const line of ['ip rule', 'ip rule show', 'ip ru list', 'ip -4 rule']) expect(type(line)).toEqual(rules);
  });

  it('takes an alias for its device, as if_nametoindex does (ip addr show lo:0 lists lo)', () => {
    const { type } = labConsole();
    expect(type('ip addr show lo:0')).toEqual(type('ip addr show lo'));
  });

  it('says plainly which objects and options it does not simulate', () => {
    const { type } = labConsole();
    expect(type('ip rule add from 10.0.0.0/24 table 100')).toEqual({ out: 'lvs-flow: ip: changing or filtering policy rules (ip rule) is not simulated\n', status: 1 });
    expect(type('ip tunnel')).toEqual({ out: 'lvs-flow: ip: "ip tunnel" is not simulated\n', status: 1 });
    expect(type('ip -j addr')).toEqual({ out: 'lvs-flow: ip: JSON output (-j) is not simulated\n', status: 1 });
    expect(type('ip addr add 2001:db8::1/64 dev eth0')).toEqual({ out: 'lvs-flow: ip: IPv6 is not simulated\n', status: 1 });
  });

  it('reads argument errors as iproute2 does, with its exit statuses', () => {
    const { type } = labConsole();
    expect(type('ip addr add 10.0.0.300/24 dev eth0')).toEqual({ out: 'Error: any valid prefix is expected rather than "10.0.0.300/24".\n', status: 1 });
    expect(type('ip addr show dev')).toEqual({ out: 'Command line is not complete. Try option "help"\n', status: 255 });
    expect(type('ip addr add 10.0.0.11 dev eth0 extra')).toEqual({ out: 'Error: either "local" is duplicate, or "extra" is a garbage.\n', status: 255 });
  });
});
