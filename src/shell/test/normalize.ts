/**
 * What differs between two real runs of the same lab, blanked out so a transcript can be
 * compared byte for byte with the oracle's. Each rule names the field and why it varies.
 */

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
