/**
 * A scenario → a Kathará lab any Kathará user can `kathara lstart`: lab.conf with the MACs the
 * simulation uses, one HOST.startup per host with the ip/sysctl/ipvsadm/web-server lines the
 * scenario implies (explicit wherever it differs from what Kathará sets on every device), the
 * clients' requests as curl lines, and a README. What Kathará cannot express (a link's latency,
 * the timing of a client's requests) rides along as `# lvs-flow:` comments, which Kathará
 * ignores and the importer reads, so importing an export gives back the same frames.
 */
import { restoreScenario, type Scenario } from '../../engine';
import { KATHARA_DEVICE_SYSCTLS, katharaIfaceSysctls } from './kathara-defaults';
import { DIRECTIVE } from './directives';

export type ExportResult = { ok: true; files: Map<string, string> } | { ok: false; error: string };

/** The kernel's value for a sysctl the scenario leaves unset (the engine reads 0 for every modelled one). */
const KERNEL_DEFAULT = 0;

/** Seconds a client's startup file waits before its curls, for the other hosts' startup files to run. */
export const CLIENT_WAIT_S = 5;

/** A page as one `echo -ne` argument: single-quoted, with backslashes and newlines escaped for -e. */
function echoArg(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/'/g, `'\\''`)}'`;
}

function sysctlLines(host: Scenario['hosts'][number], devices: readonly string[]): string[] {
  const kathara: Record<string, number> = { ...KATHARA_DEVICE_SYSCTLS, ...katharaIfaceSysctls(devices) };
  const wanted = host.sysctl ?? {};
  const keys = [...new Set([...Object.keys(kathara), ...Object.keys(wanted)])];
  const out: string[] = [];
  for (const key of keys) {
    if (!(key in wanted) && !/^net\.ipv4\.(ip_forward|conf\.)/.test(key)) continue; // icmp_ratelimit: not simulated
    const want = wanted[key] ?? KERNEL_DEFAULT;
    const has = kathara[key] ?? KERNEL_DEFAULT;
    if (want !== has) out.push(`sysctl -w ${key}=${want}`);
  }
  return out;
}

function ipvsadmLines(host: Scenario['hosts'][number]): string[] {
  const out: string[] = [];
  for (const s of host.ipvs?.services ?? []) {
    const svc = s.fwmark !== undefined ? `-f ${s.fwmark}` : `${s.proto === 'udp' ? '-u' : '-t'} ${s.vip}:${s.port}`;
    const persist = s.persistence ? ` -p ${s.persistence.timeoutS}${s.persistence.netmask !== undefined ? ` -M ${s.persistence.netmask}` : ''}` : '';
    const flags = s.schedFlags?.length ? ` -b ${s.schedFlags.join(',')}` : '';
    out.push(`ipvsadm -A ${svc} -s ${s.scheduler}${persist}${flags}`);
    for (const d of s.dests) {
      const method = d.method === 'masq' ? '-m' : d.method === 'gate' ? '-g' : '-i';
      const thresholds = `${d.uThreshold ? ` -x ${d.uThreshold}` : ''}${d.lThreshold ? ` -y ${d.lThreshold}` : ''}`;
      out.push(`ipvsadm -a ${svc} -r ${d.addr}:${d.port} ${method} -w ${d.weight ?? 1}${thresholds}`);
    }
  }
  return out;
}

/** The host's first configured address, to name it in the page a real Kathará host serves. */
function firstAddress(host: Scenario['hosts'][number]): string {
  const a = host.interfaces.find((i) => i.name !== 'lo' && i.addrs.length > 0)?.addrs[0]?.cidr;
  return a === undefined ? '' : (a.split('/')[0] as string);
}

function startupOf(s: Scenario, hostIndex: number): { ok: true; text: string } | { ok: false; error: string } {
  const restored = restoreScenario(s);
  const host = s.hosts[hostIndex] as Scenario['hosts'][number];
  const rhost = restored.hosts[hostIndex] as (typeof restored.hosts)[number];
  const lines: string[] = [];
  const devices = host.interfaces.map((i) => i.name).filter((n) => /^eth\d+$/.test(n));
  if (host.interfaces.some((i) => i.name === 'tunl0')) lines.push('modprobe ipip');
  lines.push(...sysctlLines(host, devices));
  for (const i of rhost.interfaces) {
    for (const a of i.addrs) {
      if (i.name === 'lo' && a.cidr === '127.0.0.1/8') continue;
      lines.push(`ip addr add ${a.cidr}${a.brd !== undefined ? ` brd ${a.brd}` : ''} dev ${i.name}${a.label !== i.name ? ` label ${a.label}` : ''}`);
    }
    // Kathará brings every ethN up; tunl0 starts down when the ipip module loads.
    if (i.name === 'tunl0' && i.up) lines.push('ip link set tunl0 up');
    if (i.name !== 'tunl0' && i.name !== 'lo' && !i.up) lines.push(`ip link set ${i.name} down`);
  }
  for (const r of host.routes ?? []) {
    lines.push(`ip route add ${r.dst}${r.via !== undefined ? ` via ${r.via}` : ''}${r.dev !== undefined ? ` dev ${r.dev}` : ''}${r.src !== undefined ? ` src ${r.src}` : ''}`);
  }
  if (host.marks?.length) return { ok: false, error: `host ${host.id} has packet marks (iptables MARK rules), which the lab export does not write yet` };
  lines.push(...ipvsadmLines(host));
  for (const a of rhost.apps ?? []) {
    switch (a.kind) {
      case 'http-server':
        if (a.page !== undefined) lines.push(`echo -ne ${echoArg(a.page)} > /var/www/html/index.html`);
        else lines.push(`${DIRECTIVE} default-page`, `echo ${echoArg(`${host.id} ${firstAddress(host)}`)} > /var/www/html/index.html`);
        lines.push(a.port === 80 ? 'service apache2 start' : `python3 -m http.server ${a.port} --directory /var/www/html &`);
        break;
      case 'http-client': {
        const [addr, port] = a.target.split(':');
        const url = `http://${addr}${port === '80' ? '' : `:${port}`}/`;
        lines.push(`${DIRECTIVE} requests start=${a.startMs} gap=${a.gapMs} hold=${a.holdMs}`);
        // Kathará runs every startup file at once: without a pause the first curls would go out
        // before the director and the real servers are configured (and fail).
        if (a.requests > 0) lines.push(`sleep ${CLIENT_WAIT_S}`);
        for (let k = 0; k < a.requests; k++) lines.push(`curl -s ${url}`);
        break;
      }
      default:
        return { ok: false, error: `host ${host.id} runs a ${a.kind}, which the lab export does not write yet` };
    }
  }
  return { ok: true, text: `${lines.join('\n')}\n` };
}

function labConf(s: Scenario): { ok: true; text: string } | { ok: false; error: string } {
  const restored = restoreScenario(s);
  const lines = [`LAB_DESCRIPTION=${JSON.stringify(s.title.en)}`, `LAB_AUTHOR="lvs-flow"`, ''];
  const segOf = new Map<string, string>();
  for (const seg of restored.segments) for (const p of seg.ports) segOf.set(`${p.host}/${p.if}`, seg.id);
  for (const seg of restored.segments) {
    if (seg.kind === 'link') lines.push(`${DIRECTIVE} link ${seg.id}`);
    if (seg.latencyMs !== 1) lines.push(`${DIRECTIVE} latency ${seg.id} ${seg.latencyMs}`);
  }
  for (const h of restored.hosts) {
    for (const i of h.interfaces) {
      const seg = segOf.get(`${h.id}/${i.name}`);
      if (seg === undefined) continue;
      const n = /^eth(\d+)$/.exec(i.name);
      if (!n) return { ok: false, error: `host ${h.id}'s interface ${i.name} is on segment ${seg}: Kathará names interfaces eth0, eth1, …` };
      lines.push(`${h.id}[${n[1]}]="${seg}/${i.mac}"`);
    }
    lines.push(`${h.id}[image]="kathara/base"`);
  }
  return { ok: true, text: `${lines.join('\n')}\n` };
}

function readme(s: Scenario): string {
  const client = s.hosts.find((h) => h.apps?.some((a) => a.kind === 'http-client'));
  const target = client?.apps?.find((a) => a.kind === 'http-client');
  const test = client && target && target.kind === 'http-client' ? `\n    kathara connect ${client.id}\n    curl -s http://${target.target.replace(/:80$/, '')}/\n` : '';
  return `# ${s.title.en}\n\n${s.summary.en}\n\nExported by lvs-flow. Start it with Kathará:\n\n    kathara lstart\n${test ? `\nThen test the service from ${client?.id}:\n${test}` : ''}
Every host's \`HOST.startup\` holds the commands that configure it. Kathará runs them all at
once, so a client's startup file waits ${CLIENT_WAIT_S} s (\`sleep ${CLIENT_WAIT_S}\`) before its curls, for the director and the real
servers to be configured first. Lines starting with \`# lvs-flow:\`
carry what Kathará itself has no setting for (a link's latency, the pause between a client's requests, the
simulated default page that names the host and the address asked);
Kathará ignores them and lvs-flow reads them back when the lab is imported.
`;
}

/** The lab's files by relative path (lab.conf, HOST.startup, README.md). */
export function exportLab(s: Scenario): ExportResult {
  const files = new Map<string, string>();
  const conf = labConf(s);
  if (!conf.ok) return conf;
  files.set('lab.conf', conf.text);
  for (let i = 0; i < s.hosts.length; i++) {
    const st = startupOf(s, i);
    if (!st.ok) return st;
    files.set(`${(s.hosts[i] as Scenario['hosts'][number]).id}.startup`, st.text);
  }
  files.set('README.md', readme(s));
  return { ok: true, files };
}
