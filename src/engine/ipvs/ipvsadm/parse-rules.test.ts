import { describe, expect, it } from 'vitest';
import { ip } from '../../addr/ipv4';
import { parseRules, restoreLines, sameService, type RuleCommand } from './parse-rules';

const VIP = ip('10.10.10.100');
const TCP80 = { proto: 'tcp', vip: VIP, port: 80, fwmark: 0 } as const;

/** The commands of a file that must parse. */
function rules(text: string): RuleCommand[] {
  const r = parseRules(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.error}`);
  return r.value;
}
const one = (line: string): RuleCommand | undefined => rules(line)[0];
/** The message of a single line the tool refuses. */
function refusal(line: string): string {
  const r = parseRules(line);
  return r.ok ? '(accepted)' : r.error;
}

describe('parseRules: what ipvsadm-save -n writes', () => {
  it('reads a saved direct-routing table', () => {
    expect(rules('-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1\n')).toEqual([
      { op: 'add-service', line: 1, config: { ...TCP80, scheduler: 'rr', schedFlags: [] } },
      {
        op: 'add-dest', line: 2, service: TCP80,
        config: { addr: ip('10.10.10.12'), port: 80, method: 'gate', weight: 1, uThreshold: 0, lThreshold: 0 },
      },
    ]);
  });

  it('skips #-lines, blank lines, the word ipvsadm and CRs, and numbers lines as in the file', () => {
    const text = '# saved\r\n\r\n  ipvsadm -A -t 10.10.10.100:80 -s rr\r\n\t\n-C\n';
    expect(restoreLines(text)).toEqual([
      { line: 3, argv: ['-A', '-t', '10.10.10.100:80', '-s', 'rr'] },
      { line: 5, argv: ['-C'] },
    ]);
    expect(rules(text).map((c) => c.op)).toEqual(['add-service', 'clear']);
  });

  it('reads --tun-type ipip, which ipvsadm v1.31 writes after every -i', () => {
    const c = one('-a -t 10.10.10.100:80 -r 10.10.20.2:80 -i -w 1 --tun-type ipip');
    expect(c?.op === 'add-dest' && c.config.method).toBe('ipip');
  });
});

describe('parseRules: service options', () => {
  it('defaults the scheduler to wlc', () => {
    expect(one('-A -t 10.10.10.100:80')).toMatchObject({ config: { scheduler: 'wlc' } });
  });

  it('reads -u and -f (a fwmark service is TCP with no address)', () => {
    expect(one('-A -u 10.10.10.100:53 -s rr')).toMatchObject({ config: { proto: 'udp', port: 53 } });
    expect(one('-A -f 7 -s rr')).toMatchObject({ config: { proto: 'tcp', vip: 0, port: 0, fwmark: 7 } });
  });

  it('reads -p with or without a timeout: alone it means 360 s (libipvs), not the 300 s of the man page', () => {
    expect(one('-A -t 10.10.10.100:80 -p')).toMatchObject({ config: { persistenceS: 360 } });
    expect(one('-A -t 10.10.10.100:80 -p -s rr')).toMatchObject({ config: { persistenceS: 360, scheduler: 'rr' } });
    expect(one('-A -t 10.10.10.100:80 -p 600')).toMatchObject({ config: { persistenceS: 600 } });
    expect(one('-A -t 10.10.10.100:80 -p1800')).toMatchObject({ config: { persistenceS: 1800 } });
    expect(one('-A -t 10.10.10.100:80 --persistent=120')).toMatchObject({ config: { persistenceS: 120 } });
  });

  it('lets -p alone make a port-0 service legal', () => {
    expect(one('-A -t 10.10.10.100:0 -s rr -p')).toMatchObject({ config: { port: 0, persistenceS: 360 } });
  });

  it('reads -M as a persistence netmask', () => {
    expect(one('-A -t 10.10.10.100:80 -p 300 -M 255.255.255.0')).toMatchObject({
      config: { persistenceS: 300, persistenceMask: ip('255.255.255.0') },
    });
  });

  it('reads -b flags and names them after the scheduler, as the kernel keeps only bits', () => {
    expect(one('-A -t 10.10.10.100:80 -s sh -b sh-fallback,sh-port')).toMatchObject({
      config: { schedFlags: ['sh-fallback', 'sh-port'] },
    });
    expect(one('-A -t 10.10.10.100:80 -b flag-1 -s sh')).toMatchObject({ config: { schedFlags: ['sh-fallback'] } });
    expect(one('-A -t 10.10.10.100:80 -s rr -b flag-3,flag-2')).toMatchObject({ config: { schedFlags: ['flag-2', 'flag-3'] } });
  });

  it('reads -E as a whole new configuration: no -s means wlc, no -p drops persistence', () => {
    expect(one('-E -t 10.10.10.100:80')).toEqual({
      op: 'edit-service', line: 1, config: { ...TCP80, scheduler: 'wlc', schedFlags: [] },
    });
  });

  it('reads -D and -C', () => {
    expect(one('-D -t 10.10.10.100:80')).toEqual({ op: 'delete-service', line: 1, service: TCP80 });
    expect(one('-C')).toEqual({ op: 'clear', line: 1 });
  });

  it('reads long options, clustered short options and attached arguments as popt does', () => {
    const long = '--add-service --tcp-service=10.10.10.100:80 --scheduler wrr';
    expect(one(long)).toMatchObject({ config: { scheduler: 'wrr' } });
    expect(one('-At 10.10.10.100:80 -srr')).toMatchObject({ config: { scheduler: 'rr' } });
    const server = '--add-server -t 10.10.10.100:80 --real-server 10.10.10.12 --masquerading --weight=2 -x7 -y=3';
    expect(one(server)).toMatchObject({ config: { method: 'masq', weight: 2, uThreshold: 7, lThreshold: 3 } });
  });

  it('reads addresses as inet_aton does and ports from /etc/services names', () => {
    expect(one('-A -t 0x0a.10.10.100:http')).toMatchObject({ config: { vip: VIP, port: 80 } });
    expect(one('-A -t 10.10.10.100:080')).toMatchObject({ config: { port: 80 } });
    expect(one('-A -t 10.658020:80')).toMatchObject({ config: { vip: VIP } });
    expect(one('-A -t 012.10.10.100:80')).toMatchObject({ config: { vip: VIP } });
  });
});

describe('parseRules: real server options', () => {
  it('defaults to -g, weight 1 and the service port', () => {
    expect(one('-a -t 10.10.10.100:80 -r 10.10.10.12')).toMatchObject({
      config: { addr: ip('10.10.10.12'), port: 80, method: 'gate', weight: 1, uThreshold: 0, lThreshold: 0 },
    });
  });

  it('keeps the real server port for -m', () => {
    expect(one('-a -t 10.10.10.100:80 -r 10.10.10.12:8080 -m -w 0')).toMatchObject({
      config: { port: 8080, method: 'masq', weight: 0 },
    });
  });

  it('silently replaces the port of a -g or -i real server with the service port, and says so in warnings', () => {
    const r = parseRules('-a -t 10.10.10.100:80 -r 10.10.10.12:8080 -g\n-e -t 10.10.10.100:80 -r 10.10.10.13:81 -i\n');
    expect(r).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ op: 'add-dest', config: expect.objectContaining({ port: 80 }), requestedPort: 8080 }),
        expect.objectContaining({ op: 'edit-dest', config: expect.objectContaining({ port: 80, method: 'ipip' }), requestedPort: 81 }),
      ],
      warnings: [
        'line 1: -r 10.10.10.12:8080 -g: ipvsadm silently uses the service port, 10.10.10.12:80 (direct routing and tunneling cannot change the port)',
        'line 2: -r 10.10.10.13:81 -i: ipvsadm silently uses the service port, 10.10.10.13:80 (direct routing and tunneling cannot change the port)',
      ],
    });
  });

  it('keeps the written port of a -g real server on a fwmark service', () => {
    expect(parseRules('-a -f 7 -r 10.10.10.12:8080 -g')).toMatchObject({
      ok: true, value: [{ config: { port: 8080 } }], warnings: [],
    });
  });

  it('copies the service port as known when -r is read, so -r before -t leaves port 0', () => {
    expect(one('-a -r 10.10.10.12 -t 10.10.10.100:80 -m')).toMatchObject({ config: { port: 0 } });
  });

  it('reads -e with its full configuration and -d with the address and port', () => {
    expect(one('-e -t 10.10.10.100:80 -r 10.10.10.12 -w 3')).toMatchObject({
      op: 'edit-dest', config: { method: 'gate', weight: 3 },
    });
    expect(one('-d -t 10.10.10.100:80 -r 10.10.10.12:8080')).toEqual({
      op: 'delete-dest', line: 1, service: TCP80, addr: ip('10.10.10.12'), port: 8080,
    });
  });
});

describe('parseRules: what the real tool refuses, in its words', () => {
  it.each([
    // ipvsadm.c fail() messages
    ['-A -t 80', 'illegal virtual server address[:port] specified'],
    ['-A -t 10.10.10.100:65536', 'illegal virtual server address[:port] specified'],
    ['-A -t 10.10.10.256:80', 'illegal virtual server address[:port] specified'],
    ['-A -t web.example:80', 'illegal virtual server address[:port] specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12:x', 'illegal real server address[:port] specified'],
    ['-A -f 0', "invalid fwmark value `0' specified"],
    ['-A -t 10.10.10.100:80 -p 0', "invalid timeout value `0' specified"],
    ['-A -t 10.10.10.100:80 -p 2678401', "invalid timeout value `2678401' specified"],
    ['-A -t 10.10.10.100:80 -M 255.255.256.0', 'illegal virtual server persistent mask specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -w 2147483648', 'illegal weight specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -w -1', 'illegal weight specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -w 1.5', 'illegal weight specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -x 2147483648', 'illegal u_threshold specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -y abc', 'illegal l_threshold specified'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -w 1 -w 2', "multiple 'weight' options specified"],
    ['-A -t 10.10.10.100:80 -f 1', "multiple 'service-address' options specified"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -g -m', "multiple 'forwarding-method' options specified"],
    ['-A -t 10.10.10.100:80 -a', "invalid option `-a'"],
    ['-A -t 10.10.10.100:80 -s rr # web', 'unexpected argument #'],
    ['-A -t 10.10.10.100:80 rr', 'unexpected argument rr'],
    ['-A -s rr', "You need to supply the 'service-address' option for the 'add-service' command"],
    ['-a -t 10.10.10.100:80 -w 1', "You need to supply the 'real-server' option for the 'add-server' command"],
    ['-A -t 10.10.10.100:80 -w 1', "Illegal 'weight' option with the 'add-service' command"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -s rr', "Illegal 'scheduler' option with the 'add-server' command"],
    ['-d -t 10.10.10.100:80 -r 10.10.10.12 -g', "Illegal 'forwarding-method' option with the 'delete-server' command"],
    ['-C -t 10.10.10.100:80', "Illegal 'service-address' option with the 'flush' command"],
    ['-A -t 10.10.10.100:80 -n', "Illegal 'numeric' option with the 'add-service' command"],
    ['-D -t 10.10.10.100:80 -s rr', "Illegal 'scheduler' option with the 'delete-service' command"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -p', "Illegal 'persistent' option with the 'add-server' command"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -M 255.0.0.0', "Illegal 'netmask' option with the 'add-server' command"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -c', "Illegal 'connection' option with the 'add-server' command"],
    ['-e -t 10.10.10.100:80 -w 2', "You need to supply the 'real-server' option for the 'edit-server' command"],
    ['-D', "You need to supply the 'service-address' option for the 'delete-service' command"],
    ['--start-daemon primary', 'illegal start-daemon parameter specified'],
    ['-A -t 10.10.10.100 -s rr', 'Zero port specified for non-persistent service'],
    ['-A -t 10.10.10.100:80 -s rr -b sh-port', "incompatible scheduler flag `sh-port'"],
    ['-A -t 10.10.10.100:80 -b sh-port', "incompatible scheduler flag `sh-port'"],
    ['-A -t 10.10.10.100:80 -s sh -b fallback', "invalid scheduler flag `fallback'"],
    ['-A -t 10.10.10.100:80 -o', 'One-Packet Scheduling is only for UDP virtual services'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -g --tun-type ipip', 'Tunnel options conflict with forward method'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -i --tun-port 6080', "Illegal 'tun-port' option with the 'ipip' tunnel type"],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -i --tun-type vxlan', 'illegal tunnel type specified'],
    ['-A -t 10.10.10.100:80 -6', '-6 used before -f'],
    // popt's errors, printed as "%s: %s" by parse_options()
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -w', '-w: missing argument'],
    ['-A -t 10.10.10.100:80 --bogus', '--bogus: unknown option'],
    ['-A -t 10.10.10.100:80 -sq -Q', '-Q: unknown option'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 --masquerading=1', '--masquerading=1: option does not take an argument'],
    // the first word must be a command: tryhelp_exit()
    ['-t 10.10.10.100:80 -A', "Try `ipvsadm -h' or 'ipvsadm --help' for more information."],
    ['-R', "Try `ipvsadm -h' or 'ipvsadm --help' for more information."],
    // the kernel's refusals, through ipvs_strerror()
    ['-A -t 10.10.10.100:80 -s fifo', 'Scheduler or persistence engine not found'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -y 5', 'Numerical result out of range'],
    ['-a -t 10.10.10.100:80 -r 10.10.10.12 -x 5 -y 6', 'Numerical result out of range'],
    ['-a -t 10.10.10.100:80 -r 224.0.0.1', 'Invalid operation.  Possibly wrong module version, address not unicast, ...'],
    ['-a -t 10.10.10.100:80 -r 0.0.0.0', 'Invalid operation.  Possibly wrong module version, address not unicast, ...'],
  ])('refuses %s', (line, message) => {
    expect(refusal(line)).toBe(message);
  });

  it('names the line it stopped at', () => {
    expect(parseRules('-A -t 10.10.10.100:80 -s rr\n\n-a -t 10.10.10.100:80 -r 10.10.10.12 -w -1\n-C\n')).toEqual({
      ok: false, error: 'illegal weight specified', line: 3,
    });
  });

  it('says plainly what the simulator does not model, once the tool itself would accept the line', () => {
    expect(refusal('-A -u 10.10.10.100:53 -o')).toBe('lvs-flow does not simulate one-packet scheduling (-o)');
    expect(refusal('-A -t 10.10.10.100:5060 --pe sip')).toBe('lvs-flow does not simulate persistence engines (--pe sip)');
    expect(refusal('-A -f 1 -6')).toBe('lvs-flow simulates IPv4 only (-6)');
    expect(refusal('-A -t [2001:db8::1]:80')).toBe('lvs-flow simulates IPv4 only ([2001:db8::1]:80)');
    expect(refusal('-A -t 10.10.10.100:80 -s none')).toBe('lvs-flow does not simulate services without a scheduler (-s none)');
    expect(refusal('-a -t 10.10.10.100:80 -r 10.10.10.12 -i --tun-type gre')).toBe(
      'lvs-flow simulates IP-in-IP tunnels only (--tun-type gre)',
    );
    expect(refusal('-L -n')).toBe('lvs-flow rules take only -A, -E, -D, -a, -e, -d and -C lines');
    expect(refusal('-Z')).toBe('lvs-flow rules take only -A, -E, -D, -a, -e, -d and -C lines');
  });
});

describe('sameService', () => {
  it('finds fwmark services by mark and the others by protocol, address and port', () => {
    expect(sameService(TCP80, { ...TCP80 })).toBe(true);
    expect(sameService(TCP80, { ...TCP80, proto: 'udp' })).toBe(false);
    expect(sameService({ ...TCP80, fwmark: 7 }, { proto: 'tcp', vip: ip('0.0.0.0'), port: 0, fwmark: 7 })).toBe(true);
  });
});

describe('parseRules: SCTP', () => {
  it('refuses SCTP services, which the scenario cannot hold, once the tool accepts the line', () => {
    expect(parseRules('-A --sctp-service 10.10.10.100:80 -s rr\n')).toEqual({
      ok: false, error: 'lvs-flow simulates TCP and UDP services only (--sctp-service)', line: 1,
    });
    expect(parseRules('-A --sctp-service 10.10.10.100:80 -s rr -x 3\n')).toMatchObject({ error: "Illegal 'u-threshold' option with the 'add-service' command" });
  });
});
