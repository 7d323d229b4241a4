/**
 * The oracle's nettools-kernel lab (ifconfig's kernel semantics, route and sysctl errors,
 * modprobe) typed into the simulated shell: every line this family runs prints what Debian
 * 12 printed, byte for byte once ifconfig's counters are blanked. Lines of other families,
 * and the few forms lvs-flow refuses on purpose, are listed with their reason.
 */
import { describe, expect, it } from 'vitest';
import { blocks, oracleTranscript, runOracleLab } from '../../test/oracle-lab';
import { normalizeOutput } from '../../test/normalize';

/** Commands whose output this test does not compare, and why. */
const NOT_COMPARED: ReadonlyArray<[RegExp, string]> = [
  [/\| grep/, 'grep is not in this family (sysctl -a itself is compared in sysctl.test.ts)'],
  [/# ip /, 'iproute2 is another family'],
  [/# ping /, 'ping is another family'],
  [/# printf /, 'printf is another family'],
  [/# echo \$\?$/, 'each oracle line is its own bash -c, so $? there is always 0'],
  [/# arp/, 'the entries come from the pings above (arp is compared in arp.test.ts)'],
  [/# sysctl (-q )?-p ?\/tmp\/sysctl-kernel.conf/, 'the file comes from printf (sysctl -p is compared in sysctl.test.ts)'],
  [/# ifconfig eth0 mtu 1400$/, 'lvs-flow refuses MTU changes (the engine sends no packet near the MTU)'],
  [/# route add .* metric 5$/, 'lvs-flow refuses route metrics (the scenario model has none)'],
  [/# sysctl -w net\.ipv4\.ip_forward=2$/, 'lvs-flow keeps ip_forward to 0 and 1, the values the scenario model has'],
  [/# sysctl net\.ipv4\.ip_forward net\.ipv4\.conf\.all\.forwarding/, 'reads the 2 refused above'],
  [/# sysctl -w net\.ipv4\.conf\.all\.arp_ignore=9$/, 'lvs-flow keeps arp_ignore to the values the kernel gives a meaning (0-3, 8)'],
];

/**
 * What the oracle's later listings look like without the two forms lvs-flow refused: eth0
 * keeps MTU 1500, and the metric-5 route was never added.
 */
function withoutRefused(command: string, output: string, afterMtu: boolean): string {
  let out = output.replace(/^10\.1\.0\.0 +10\.0\.0\.2 +255\.255\.0\.0 +UG +5 .*\n/m, '');
  if (afterMtu && /# ifconfig/.test(command)) out = out.replace(/^(eth0(:\d+)?: .*)mtu 1400$/gm, '$1mtu 1500');
  return out;
}

describe('nettools-kernel lab, as the oracle ran it', () => {
  const ours = blocks(runOracleLab('nettools-kernel').transcript);
  const theirs = blocks(oracleTranscript('nettools-kernel'));

  it('types the same lines', () => {
    expect(ours.map((b) => b.command)).toEqual(theirs.map((b) => b.command));
  });

  it('prints what Debian 12 printed for every line of this family', () => {
    let afterMtu = false;
    let compared = 0;
    theirs.forEach((t, i) => {
      const o = ours[i];
      if (t.command.endsWith('# ifconfig eth0 mtu 1400')) afterMtu = true;
      if (!o || NOT_COMPARED.some(([re]) => re.test(t.command))) return;
      compared++;
      const expected = normalizeOutput(t.command, withoutRefused(t.command, t.output, afterMtu));
      expect(`${o.command}\n${normalizeOutput(o.command, o.output)}`).toBe(`${t.command}\n${expected}`);
    });
    expect(compared).toBe(85);
  });
});
