/**
 * Random lab.conf texts and startup files, made of the lines labs hold and of junk: importing
 * never throws and gives either a lab whose scenario validates and runs, or one error that names
 * where it is (`lab.conf:LINE:`, `HOST.startup:LINE: COMMAND:`, or lab.conf as a whole) — a lab
 * never turns silently into another lab.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, validateScenario } from '../../engine';
import { importLab } from './lab-import';

const HOSTS = ['C', 'D', 'RS1'];
/** Each interface at most once, with a MAC of its own when it has one. */
const cabling = fc.uniqueArray(fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1), fc.constantFrom('lan', 'wan'), fc.boolean()), { minLength: 1, maxLength: 5, selector: ([h, n]) => `${h}/${n}` })
  .map((ifs) => ifs.map(([h, n, cd, mac]) => `${HOSTS[h]}[${n}]="${cd}${mac ? `/02:00:00:00:0${h + 1}:0${n}` : ''}"`));
const otherConfLine = fc.oneof(
  fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom('net.ipv4.ip_forward=0', 'net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.eth1.rp_filter=1')).map(([h, v]) => `${h}[sysctl]="${v}"`),
  fc.constantFrom('LAB_DESCRIPTION="a lab"', 'C[image]="kathara/base"', '# a comment', '# lvs-flow: link lan', '# lvs-flow: latency wan 5', ''),
);
const badConfLine = fc.oneof(
  fc.constantFrom('9x[0]="lan"', 'C[64]="lan"', 'C[0]="a/b"', 'D[1]="lan/01:00:5e:00:00:01"', 'C[0]=""', 'garbage', 'C[sysctl]="net.ipv4.nope=1"', 'X[sysctl]="kernel.x=1"', 'D[sysctl]="net.ipv4.ip_forward=x"'),
  fc.string({ maxLength: 16 }),
);
/** Mostly well-formed lab.conf texts, a third of them with one bad line somewhere. */
const confText = fc.tuple(cabling, fc.array(otherConfLine, { maxLength: 3 }), fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: badConfLine }), fc.nat())
  .map(([ifs, other, bad, at]) => {
    const lines = [...ifs, ...other];
    if (bad !== null) lines.splice(at % (lines.length + 1), 0, bad);
    return lines.join('\n');
  });
const startupLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(
    'ip addr add 10.0.0.1/24 dev eth0', 'ip addr add 10.0.0.2/24 dev eth0', 'ip addr add 10.0.0.100/32 dev eth0 label eth0:0',
    'ifconfig eth0 10.0.0.3 netmask 255.255.255.0 up', 'ifconfig lo:0 10.0.0.100 broadcast 10.0.0.100 netmask 255.255.255.255 up',
    'route add default gw 10.0.0.1', 'ip route add default via 10.0.0.9', 'sysctl -w net.ipv4.conf.all.arp_ignore=1',
    'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce', 'echo 1 > /proc/sys/net/ipv4/ip_forward', 'modprobe ipip', 'ip link set tunl0 up',
    'ipvsadm -A -t 10.0.0.100:80 -s rr', 'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.2 -g', 'ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.3 -m -w 3',
    'service apache2 start', 'service nginx start', 'python3 -m http.server 8080 &', "echo 'hi' > /var/www/html/index.html",
    'curl -s http://10.0.0.100/', 'curl -s https://10.0.0.100/', 'wget -qO- http://10.0.0.100:99999/', 'curl', 'sleep 1',
    '# lvs-flow: requests start=0 gap=100 hold=0', '# lvs-flow: default-page', 'ping -c 1 10.0.0.1',
  ) },
  { weight: 1, arbitrary: fc.constantFrom('ipvsdam -Ln', 'ip addr add 10.0.0.300/24 dev eth0', 'echo "unterminated', 'a | | b', 'for x in 1; do', 'ifconfig eth9 up', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);
const startup = fc.array(startupLine, { maxLength: 8 }).map((ls) => ls.join('\n'));
const lab = fc.record({
  conf: confText,
  startups: fc.dictionary(fc.constantFrom('C', 'D', 'RS1', 'shared', 'X'), startup, { maxKeys: 4 }),
});

/** Where an import error may point: a line of a file and the command there, or lab.conf as a whole. */
const PLACED = /^(lab\.conf:\d+: |[A-Za-z0-9_-]+\.startup:\d+: .+: |lab\.conf: )/;

describe('importing random labs', () => {
  it('never throws and gives a lab that validates and runs, or an error naming its file and line', () => {
    fc.assert(
      fc.property(lab, ({ conf, startups }) => {
        const files = new Map<string, string>([['lab.conf', conf]]);
        for (const [h, text] of Object.entries(startups)) files.set(`${h}.startup`, text);
        const r = importLab(files, 'random');
        if (!r.ok) {
          expect(r.error, [conf, ...Object.entries(startups).map(([h, t]) => `--- ${h}.startup\n${t}`)].join('\n')).toMatch(PLACED);
          expect(r.error).not.toContain('\n');
          return;
        }
        const v = validateScenario(r.lab.scenario);
        expect(v.ok ? 'valid' : v.error).toBe('valid');
        expect(() => simulate(r.lab.scenario)).not.toThrow();
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});
