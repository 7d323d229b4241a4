import { describe, expect, it } from 'vitest';
import { natScenario, natTrace } from '../test/fixtures/nat-course';
import { buildHostIndex } from '../trace/host-index';
import { visibleSteps } from '../trace/depth';
import { sequenceColumns, sequenceRows } from './sequence-rows';

const hosts = buildHostIndex(natScenario, natTrace);

describe('sequenceColumns', () => {
  it('orders hosts left to right as the topology draws them', () => {
    expect(sequenceColumns(natScenario)).toEqual(['client', 'internet', 'director', 'rs1', 'rs2', 'rs3']);
  });
});

describe('sequenceRows', () => {
  const cols = sequenceColumns(natScenario);
  it('gives one row per frame of the depth, with the slide\'s compact S → D', () => {
    const rows = sequenceRows(natTrace, visibleSteps(natTrace, 'course'), cols, hosts, 'en', 'l3');
    expect(rows[0]).toMatchObject({ from: 0, to: [1], kind: 'ipv4', text: '10.11.12.13 → 11.12.13.14:80 SYN' });
    expect(rows.at(-1)).toMatchObject({ kind: 'drop', text: '✕ ttl-exceeded' });
  });
  it('fans an ARP broadcast out to every receiver and names MAC owners in L2', () => {
    const rows = sequenceRows(natTrace, visibleSteps(natTrace, 'full'), cols, hosts, 'en', 'l2');
    expect(rows.find((r) => r.kind === 'arp')?.to).toEqual([3, 4, 5]);
    expect(rows.find((r) => r.event === 6)?.text).toMatch(/^Director → RS3/);
  });
});
