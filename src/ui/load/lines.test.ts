import { describe, expect, it } from 'vitest';
import { serverLines, trafficLines } from './lines';
import { sampleAt, serverAt } from './sample-fixture';

// Two-second samples: rates are counts over two.
const POINTS = [
  sampleAt(2000, { RS1: serverAt(10, 1), RS2: serverAt(20, 2) }),
  sampleAt(4000, { RS2: serverAt(30, 2) }),
];

describe('serverLines', () => {
  it('turns new connections per sample into connections per second, one line per server', () => {
    const lines = serverLines(POINTS, ['RS1', 'RS2'], 'new');
    expect(lines.get('RS1')).toEqual([[2000, 5]]);
    expect(lines.get('RS2')).toEqual([[2000, 10], [4000, 15]]);
  });
  it('draws ActiveConn and InActConn as they stood, with no point where a server was removed', () => {
    expect(serverLines(POINTS, ['RS1', 'RS2'], 'active').get('RS1')).toEqual([[2000, 20]]);
    expect(serverLines(POINTS, ['RS1', 'RS2'], 'inactive').get('RS2')).toEqual([[2000, 20], [4000, 30]]);
  });
});

describe('trafficLines', () => {
  it('gives the director\'s packets and the real servers\' summed, per second', () => {
    const t = trafficLines(POINTS, 'packets');
    expect(t.dirIn).toEqual([[2000, 90], [4000, 90]]);
    expect(t.rsOut).toEqual([[2000, 75], [4000, 75]]);
  });
  it('gives bytes when asked', () => {
    expect(trafficLines(POINTS, 'bytes').dirOut[0]).toEqual([2000, 13_500]);
  });
});
