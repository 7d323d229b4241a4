/**
 * What differs between two real runs of the same lab, replaced by a placeholder so a console
 * transcript can be compared with the oracle's byte for byte otherwise: ping's round trips and
 * its "time Nms" total, curl's measured "after N ms" / "after N milliseconds" (the lab VM's
 * process overhead lands in them), and the speeds and times of curl's progress meter.
 */
export function normalizeTranscript(text: string): string {
  return text
    .replace(/ time=[\d.]+ ms/g, ' time=<rtt> ms')
    .replace(/^rtt min\/avg\/max\/mdev = [\d./]+ ms/gm, 'rtt min/avg/max/mdev = <rtt>')
    .replace(/(packet loss, time )\d+ms/g, '$1<ms>ms')
    .replace(/ after \d+ ms: /g, ' after <ms> ms: ')
    .replace(/ after \d+ milliseconds/g, ' after <ms> milliseconds');
}

/** A transcript as its blocks: each typed line ("root@HOST:~# command") with what it printed. */
export function transcriptBlocks(text: string): Array<{ prompt: string; output: string }> {
  const blocks: Array<{ prompt: string; output: string }> = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (/^root@[^:]+:~# /.test(line)) blocks.push({ prompt: line.trimEnd(), output: '' });
    else if (blocks.length > 0) (blocks[blocks.length - 1] as { output: string }).output += line;
  }
  return blocks;
}
