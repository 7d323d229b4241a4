import { describe, expect, it } from 'vitest';
import { getPreset, simulate } from '../index';
import { csvField, formatFramesCsv, formatFramesMarkdown, frameRows, mdCell, FRAME_COLUMNS } from './frame-table';
import type { FrameEventJson, NoteJson, TraceEventJson } from './trace-json';

const ARP: FrameEventJson = {
  seq: 2, t: 0, kind: 'frame', segment: 'lan0', from: { host: 'C', if: 'eth0' },
  to: [{ host: 'D', if: 'eth0' }, { host: 'RS1', if: 'eth0' }],
  eth: { src: '02:00:00:00:01:01', dst: 'ff:ff:ff:ff:ff:ff', type: 'arp' },
  arp: { op: 'request', senderIp: '10.0.0.2', senderMac: '02:00:00:00:01:01', targetIp: '10.0.0.1', targetMac: '00:00:00:00:00:00' },
  note: { key: 'frame.arp.request', params: { targetIp: '10.0.0.1' } },
};
const IPIP: FrameEventJson = {
  seq: 17, t: 6, kind: 'frame', segment: 'bj-link', from: { host: 'D', if: 'eth0' }, to: [{ host: 'R', if: 'eth1' }],
  eth: { src: '02:00:00:00:03:01', dst: '02:00:00:00:02:02', type: 'ipv4' },
  ip: {
    src: '11.22.33.44', dst: '33.44.55.66', ttl: 62, proto: 'ipip',
    inner: { ip: { src: '44.55.66.77', dst: '11.22.33.44', ttl: 62, proto: 'tcp' }, tcp: { sport: 42366, dport: 80, seq: 1, ack: 0, flags: ['SYN'], len: 0 } },
  },
  note: { key: 'frame.ipip', params: {} },
};
const ACTION: TraceEventJson = { seq: 3, t: 0, kind: 'action', host: 'D', action: 'route', detail: {}, note: { key: 'x', params: {} } };
const TRACE = { events: [ARP, ACTION, IPIP] };
const noteOf = (n: NoteJson): string => `${n.key}, said "so" | here`;

describe('frameRows', () => {
  it('makes one row per frame and none for host decisions', () => {
    expect(frameRows(TRACE, noteOf).map((r) => r.seq)).toEqual(['2', '17']);
  });

  it('lists every receiver of a broadcast and leaves the IP columns of an ARP frame empty', () => {
    const [arp] = frameRows(TRACE, noteOf);
    expect(arp).toMatchObject({ from: 'C.eth0', to: 'D.eth0 RS1.eth0', eth_type: 'arp', ip_src: '', ip_proto: '', sport: '', flags: '' });
  });

  it('gives IP-in-IP the outer header, the inner addresses and the inner segment\'s ports and flags', () => {
    const [, ipip] = frameRows(TRACE, noteOf);
    expect(ipip).toMatchObject({
      ip_src: '11.22.33.44', ip_dst: '33.44.55.66', ip_ttl: '62', ip_proto: 'ipip',
      inner_src: '44.55.66.77', inner_dst: '11.22.33.44', sport: '42366', dport: '80', flags: 'SYN', len: '0',
    });
  });
});

describe('csvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('SYN ACK')).toBe('SYN ACK');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('formatFramesCsv', () => {
  it('prints the header row, then one line per frame, each with as many fields as the header', () => {
    const lines = formatFramesCsv(TRACE, noteOf).split('\n');
    expect(lines[0]).toBe(FRAME_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[2]).toBe('17,6,bj-link,D.eth0,R.eth1,02:00:00:00:03:01,02:00:00:00:02:02,ipv4,11.22.33.44,33.44.55.66,62,ipip,44.55.66.77,11.22.33.44,42366,80,SYN,0,"frame.ipip, said ""so"" | here"');
  });
});

describe('mdCell', () => {
  it('escapes the pipe and the backslash and turns a line break into <br>', () => {
    expect(mdCell('a | b \\ c\nd')).toBe('a \\| b \\\\ c<br>d');
  });
});

describe('formatFramesMarkdown', () => {
  it('prints a GFM table whose rows have as many cells as the header, numbers right-aligned', () => {
    const lines = formatFramesMarkdown(TRACE, noteOf).trimEnd().split('\n');
    expect(lines[0]).toBe(`| ${FRAME_COLUMNS.join(' | ')} |`);
    expect(lines[1]).toMatch(/^\|---:\|---:\|---\|/);
    expect(lines).toHaveLength(4);
    // Unescaped pipes split cells: every row has the header's count.
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    for (const l of lines) expect(cells(l)).toBe(cells(lines[0] as string));
    expect(lines[3]).toContain('frame.ipip, said "so" \\| here');
  });

  it('has one row per frame of a whole preset run', () => {
    const { trace } = simulate(getPreset('nat-lab')!);
    const frames = trace.events.filter((e) => e.kind === 'frame').length;
    expect(formatFramesMarkdown(trace, noteOf).trimEnd().split('\n')).toHaveLength(frames + 2);
    expect(formatFramesCsv(trace, noteOf).trimEnd().split('\n')).toHaveLength(frames + 1);
  });
});
