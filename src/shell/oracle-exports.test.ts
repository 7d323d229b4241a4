/**
 * Every preset's Kathará export, run once on a real Debian 12 kernel (fixtures/oracle/exports),
 * against the engine: who served each curl and curl's exit status must be the kernel's, in the
 * console run of the same lab folder and in the preset's own run, and the director's tables
 * must read the same. The lab VM runs startup files one host after another, client first, so
 * the client's curls ran from session.txt, after every host was configured (dr-lab keeps them
 * in C.startup too, to show what they do at boot: they fail).
 */
import { describe, expect, it } from 'vitest';
import { getPreset, listPresets } from '../engine';
import { exportLab } from './kathara/lab-export';
import { consoleRun, type CurlOutcome, exportedPresets, exportLabFiles, exportResult, kernelCurls, presetRequests, tableBlocks } from './test/oracle-export';

/** A client's traffic lines in a startup file: what the lab that ran moved to its session. */
const CLIENT_TRAFFIC = /^(curl |wget |sleep |# lvs-flow: requests )/;

function withoutClientTraffic(text: string): string {
  return text.split('\n').filter((l) => !CLIENT_TRAFFIC.test(l)).join('\n');
}

/** Differences from the kernel, each with its reason; a new difference, or a fixed one, fails. */
const KNOWN_BLOCKS: Record<string, readonly string[]> = {};

/** Curls that end otherwise in the engine than on the kernel: the engine's outcomes and why. */
const KNOWN_CURLS: Record<string, { engine: CurlOutcome[]; why: string }> = {};

describe('preset exports on the real kernel', () => {
  for (const preset of exportedPresets()) {
    describe(preset, () => {
      const files = exportLabFiles(preset);

      it("ran the preset's export as it is written now, its client's curls typed at the console", () => {
        const lab = exportLab(getPreset(preset)!);
        if (!lab.ok) throw new Error(lab.error);
        expect([...files.keys()].filter((f) => f !== 'session.txt').sort()).toEqual([...lab.files.keys()].sort());
        // README.md is not run; every other file must be the export's.
        for (const [path, text] of lab.files) if (path !== 'README.md') expect(withoutClientTraffic(files.get(path) ?? ''), path).toBe(withoutClientTraffic(text));
        const exported = lab.files.get('C.startup') ?? '';
        const typed = (files.get('session.txt') ?? '').split('\n').filter((l) => l.startsWith('C# curl')).map((l) => l.split(' ').pop());
        expect(typed).toEqual(exported.split('\n').filter((l) => l.startsWith('curl')).map((l) => l.split(' ').pop()));
      });

      it('serves each curl by the same host with the same exit status in the console as on the kernel', () => {
        const known = KNOWN_CURLS[preset];
        if (!known) {
          expect(consoleRun(preset).curls).toEqual(kernelCurls(preset));
          return;
        }
        expect(consoleRun(preset).curls, known.why).toEqual(known.engine);
        expect(kernelCurls(preset).map((c) => c.servedBy)).toEqual(known.engine.map((c) => c.servedBy));
        expect(kernelCurls(preset)).not.toEqual(known.engine);
      });

      it("serves the preset's own requests as the kernel served the curls", () => {
        const ours = presetRequests(getPreset(preset)!).map((r) => r.servedBy);
        expect(ours).toEqual(kernelCurls(preset).map((c) => c.servedBy));
      });

      it("reads the director's tables as the kernel printed them", () => {
        const kernel = tableBlocks(exportResult(preset, 'transcript.txt'));
        const ours = tableBlocks(consoleRun(preset).transcript);
        expect(ours.length).toBe(kernel.length);
        const differing = kernel.filter((k, i) => k !== ours[i]).map((k) => k.split('\n')[0]);
        expect(differing).toEqual(KNOWN_BLOCKS[preset] ?? []);
      });
    });
  }
});

describe('the exports that ran on the kernel', () => {
  it('are every preset but the L7 proxy, whose nginx the lab VM lacks', () => {
    expect(exportedPresets()).toEqual(listPresets().map((p) => p.id).filter((id) => id !== 'l7-overview').sort());
  });
});

describe('an export whose client curls at boot', () => {
  it('fails those curls in the lab VM, which runs the client\'s startup file before the servers\' (dr-lab)', () => {
    const log = exportResult('dr-lab', 'startup.log');
    expect(log.match(/^root@C:~# curl -s http:\/\/10\.10\.10\.100\/\n\[exit status 7\]$/gm)).toHaveLength(2);
    expect(log.indexOf('root@C:~# curl')).toBeLessThan(log.indexOf('root@D:~#'));
  });
});
