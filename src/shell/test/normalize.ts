/**
 * What differs between two runs of the same lab on a real kernel, taken out of a transcript
 * so that ours and the oracle's can be compared byte for byte (the oracle's README lists
 * these): client ports, `ipvsadm -Lnc` timers and line order, and the way the oracle's
 * `bash -c` names itself in its own errors.
 */

/** An `ipvsadm -Lnc` entry line: "%-3s %-6s %-11s %-18s %-18s %s". */
const CONN_LINE = /^(TCP|UDP|SCTP|IP) {1,}\d\d:\d\d {2}/;

/** "10.0.0.10:50176" → "10.0.0.10:PORT" for client ports (ephemeral: 32768 and up), keeping the column width. */
function maskEphemeral(line: string): string {
  return line.replace(/(\d+\.\d+\.\d+\.\d+):(\d{5})\b/g, (m, addr: string, port: string) =>
    Number(port) >= 32768 ? `${addr}:${'P'.repeat(port.length)}` : m);
}

/** -Lnc rows: timers masked, ports masked, sorted (the kernel lists its hash table's order). */
function normalizeConnRows(rows: string[]): string[] {
  return rows.map((r) => maskEphemeral(r.replace(/^(\S+ +)\d\d:\d\d/, '$1mm:ss'))).sort();
}

/**
 * The transcript with run-dependent fields masked.
 * @example normalizeTranscript('TCP 01:53  FIN_WAIT    10.10.10.240:56448 …') // 'TCP mm:ss  FIN_WAIT    10.10.10.240:PPPPP …'
 */
export function normalizeTranscript(text: string): string {
  const out: string[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    out.push(...normalizeConnRows(rows));
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (CONN_LINE.test(line)) {
      rows.push(line);
      continue;
    }
    flush();
    // `bash -c` (the oracle runs each line so) says "/usr/bin/bash: line 1:" where a console says "bash:".
    out.push(line.replace(/^\/usr\/bin\/bash: line 1: /, 'bash: '));
  }
  flush();
  return out.join('\n');
}
