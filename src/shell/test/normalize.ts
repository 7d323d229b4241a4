/**
 * Two real runs of the same lab differ in a few fields, so transcripts are compared with those
 * fields masked: client (ephemeral) ports, TCP sequence numbers, ICMP ids, ping's times and rtt
 * line, `ipvsadm -Lnc`'s expire timers (and /proc/net/ip_vs_conn's), `--rate` figures (and
 * /proc/net/ip_vs_stats's rates), curl's "after N ms", the peer index in
 * `eth0@ifN`, busybox httpd's Date/Last-Modified/ETag, wget's times and rates, and the order
 * of lines the kernel prints in hash order (`arp -n`, `ip neigh`, `ipvsadm -Lnc`, /proc/net/ip_vs_conn). Everything else must match byte for byte.
 */

const PROMPT = /^root@[A-Za-z0-9_-]+:~# /;

/** A header name as curl prints it: after "< " in -v, in bold (ESC[1m … ESC[0m) with -I/-i on a terminal. */
const ESC = String.fromCharCode(27);
const HEADER = (names: string): RegExp => new RegExp(`^((?:< )?(?:${ESC}\\[1m)?(?:${names})(?:${ESC}\\[0m)?: )`);
const HTTP_DATE = new RegExp(`${HEADER('Date|Last-Modified').source}[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT`);
const ETAG = new RegExp(`${HEADER('ETag').source}"[0-9a-f]+-`);

/** Commands whose body lines come in the kernel's hash order. */
const HASH_ORDER = [/^arp\b/, /^ip (-\S+ )*n(e(i(g(h(b(o(r|ur)?)?)?)?)?)?)?\b/, /^ipvsadm\b.*(-[a-zA-Z]*c|--connection)/, /^cat \/proc\/net\/ip_vs_conn\b/];

/** A /proc/net/ip_vs_conn entry: its client port (hex) when ephemeral, and its seconds left, masked. */
function maskProcConn(line: string): string {
  const m = /^(\S+ +[0-9A-F]{8} )([0-9A-F]{4})( .* )( *\d+)$/.exec(line);
  if (!m) return line;
  const port = parseInt(m[2] as string, 16);
  const ephemeral = port >= 32768 && port <= 60999;
  return `${m[1]}${ephemeral ? 'EPHM' : m[2]}${m[3]}${'S'.padStart((m[4] as string).length)}`;
}

/**
 * /proc/net/ip_vs lists services in the order of the kernel's service hash, whose buckets a
 * per-boot pointer permutes (net-forms-traffic and ipvsadm-forms differ): each service with its
 * servers sorted as one block.
 */
function sortProcServices(body: string[]): string[] {
  const head = body.slice(0, 3);
  const services: string[][] = [];
  for (const l of body.slice(3)) {
    if (l.startsWith('  ->') && services.length > 0) (services[services.length - 1] as string[]).push(l);
    else services.push([l]);
  }
  const tail = services.filter((b) => b.length === 1 && b[0] === '');
  const sorted = services.filter((b) => !(b.length === 1 && b[0] === '')).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  return [...head, ...sorted.flat(), ...tail.flat()];
}

/** /proc/net/ip_vs_stats: the rates (the line after " Conns/s") depend on timing. */
function maskProcStatsRates(body: string[]): string[] {
  return body.map((l, i) => (i > 0 && (body[i - 1] ?? '').startsWith(' Conns/s') ? l.replace(/[0-9A-F]+/g, (d) => 'N'.padStart(d.length)) : l));
}

function maskLine(line: string): string {
  return line
    // ipvsadm -Lnc: "TCP 01:53  FIN_WAIT" → the expire timer masked (its width kept)
    .replace(/^(TCP|UDP|IP )(\s+)\d\d:\d\d(\s)/, '$1$2MM:SS$3')
    // an ephemeral port (32768-60999 on Linux) after an address
    .replace(/(\d+\.\d+\.\d+\.\d+):(3[2-9]\d{3}|[4-5]\d{4}|60\d{3})\b/g, '$1:EPHEMERAL')
    .replace(/\bafter \d+ ms\b/g, 'after N ms')
    .replace(/\bafter \d+ milliseconds\b/g, 'after N milliseconds')
    .replace(/\btime=\d+(\.\d+)? ms\b/g, 'time=T ms')
    .replace(/, time \d+ms$/, ', time Tms')
    .replace(/^rtt min\/avg\/max\/mdev = .*$/, 'rtt min/avg/max/mdev = T')
    .replace(/@if\d+:/g, '@ifN:')
    // busybox httpd's Date and Last-Modified (the wall clock), and its ETag's mtime half
    .replace(HTTP_DATE, '$1DATE')
    .replace(ETAG, '$1"MTIME-')
    // wget's log: local times, the measured rate, the time the transfer took
    .replace(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d-- {2}/, '--DATE--  ')
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \([0-9.]+ [KMG]?B\/s\) - /, 'DATE (RATE) - ')
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR /, 'DATE ERROR ')
    .replace(/(--\.-KB\/s) {4}in [0-9.]+m?s {0,6}(?=\r|$)/g, '$1    in T');
}

interface Block {
  readonly prompt: string;
  readonly body: string[];
}

function blocks(transcript: string): Block[] {
  const out: Block[] = [];
  for (const line of transcript.split('\n')) {
    if (PROMPT.test(line)) out.push({ prompt: line, body: [] });
    else if (out.length > 0) (out[out.length - 1] as Block).body.push(line);
    else out.push({ prompt: '', body: [line] });
  }
  return out;
}

/** `ipvsadm --rate` figures change with timing: masked, column widths kept. */
function maskRates(body: string[]): string[] {
  return body.map((l) => (/^\s*(TCP|UDP|FWM|->)/.test(l) ? l.replace(/\d+/g, (d, i: number) => (i > 20 ? 'N'.padStart(d.length) : d)) : l));
}

export function normalizeTranscript(transcript: string): string {
  return blocks(transcript).map(({ prompt, body }) => {
    const command = prompt.replace(PROMPT, '');
    let lines = body.map(maskLine);
    if (/^ipvsadm\b.*--rate/.test(command)) lines = maskRates(lines);
    if (/^cat \/proc\/net\/ip_vs_conn\b/.test(command)) lines = lines.map(maskProcConn);
    if (/^cat \/proc\/net\/ip_vs_stats\b/.test(command)) lines = maskProcStatsRates(lines);
    if (/^cat \/proc\/net\/ip_vs$/.test(command)) lines = sortProcServices(lines);
    if (HASH_ORDER.some((re) => re.test(command))) {
      const header = lines.filter((l) => /^(Address|IPVS connection|pro expire|Pro FromIP)/.test(l));
      const rest = lines.filter((l) => !header.includes(l) && l !== '').sort();
      lines = [...header, ...rest, ...lines.filter((l) => l === '')];
    }
    return prompt === '' ? lines.join('\n') : [prompt, ...lines].join('\n');
  }).join('\n');
}

/**
 * ifconfig's RX/TX packet and byte counters: they count every frame, and how many ARP
 * probes a neighbour sends depends on how long each console line took on the real machine.
 */
export function blankInterfaceCounters(text: string): string {
  return text.replace(/^( {8}[RT]X packets )\d+ {2}bytes \d+ \([0-9.]+ [KMGTPE]?i?B\)$/gm, '$1N  bytes N (N)');
}

/** Lines of `arp -n` / `arp -a` come in the kernel's hash order, which changes from boot to boot: sort them. */
export function sortArpLines(text: string): string {
  const lines = text.split('\n');
  const header = lines[0]?.startsWith('Address ') ? [lines.shift() as string] : [];
  const last = lines[lines.length - 1] === '' ? [lines.pop() as string] : [];
  return [...header, ...lines.sort(), ...last].join('\n');
}

/** Every rule that applies to one command's output. */
export function normalizeOutput(command: string, output: string): string {
  let out = blankInterfaceCounters(output);
  if (/^root@[^:]+:~# arp\b/.test(command)) out = sortArpLines(out);
  return out;
}

/** A transcript as its blocks: each typed line ("root@HOST:~# command") with what it printed. */
export function transcriptBlocks(text: string): Array<{ prompt: string; output: string }> {
  const out: Array<{ prompt: string; output: string }> = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (/^root@[^:]+:~# /.test(line)) out.push({ prompt: line.trimEnd(), output: '' });
    else if (out.length > 0) (out[out.length - 1] as { output: string }).output += line;
  }
  return out;
}
