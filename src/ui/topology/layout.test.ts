import { describe, expect, it } from 'vitest';
import { natScenario } from '../test/fixtures/nat-course';
import { framePath, layoutScenario, pointAlong } from './layout';

describe('layoutScenario', () => {
  it('puts hosts at their position hints', () => {
    expect(layoutScenario(natScenario).hosts.get('director')).toEqual({ x: 520, y: 300 });
  });
  it('draws a column of real servers on a vertical bus at the segment hint', () => {
    const lan = layoutScenario(natScenario).segments.get('lan');
    expect(lan?.a.x).toBe(700);
    expect(lan?.b.x).toBe(700);
    expect(lan?.attach.get('rs1')).toEqual([{ x: 860, y: 120 }, { x: 700, y: 120 }]);
  });
  it('routes a host whose way to the bar is blocked by another host under that host', () => {
    const s = structuredClone(natScenario);
    s.segments = [{ id: 'lan', kind: 'switch', position: { x: 700, y: 300 }, ports: [{ host: 'client', if: 'eth0' }, { host: 'director', if: 'eth1' }, { host: 'rs1', if: 'eth0' }] }];
    const wire = layoutScenario(s).segments.get('lan')?.attach.get('client');
    expect(wire).toHaveLength(3);
    expect(wire?.[1]?.x).toBe(80);
    expect(wire?.[2]?.x).toBe(700);
  });
});

describe('framePath', () => {
  it('goes host → bus → bus → host across a switch', () => {
    const path = framePath(layoutScenario(natScenario), 'lan', 'director', 'rs1');
    expect(path).toEqual([{ x: 520, y: 300 }, { x: 700, y: 300 }, { x: 700, y: 120 }, { x: 860, y: 120 }]);
  });
  it('goes straight along a link', () => {
    expect(framePath(layoutScenario(natScenario), 'wan-client', 'client', 'internet')).toHaveLength(2);
  });
});

describe('pointAlong', () => {
  it('finds the middle of a polyline by length', () => {
    expect(pointAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 0.5)).toEqual({ x: 10, y: 0 });
  });
});
