/**
 * A host's socket table lists sockets as `ss` would on this simulator: by when their local
 * port was first taken, a listener's connections in the order they came, a socket replaced by
 * one with the same 4-tuple where the old one stood, and a port freed and taken again last.
 */
import { describe, expect, it } from 'vitest';
import type { Ipv4 } from '../addr/ipv4';
import type { TcpSocket } from './tcp-socket';
import { SocketTable } from './socket-table';

const sock = (lport: number, raddr: number, rport: number, name: string): TcpSocket =>
  ({ laddr: 1, lport, raddr, rport, state: 'ESTABLISHED', portSeq: 0, name } as unknown as TcpSocket);
const names = (t: SocketTable) => t.list().map((s) => (s as unknown as { name: string }).name);

describe('SocketTable', () => {
  it('keeps the order a Map of ports would keep, through replacement, removal and reuse', () => {
    const t = new SocketTable();
    const a = sock(80, 10, 1000, 'a');
    t.add(a);
    t.add(sock(40000, 20, 80, 'b'));
    t.add(sock(80, 11, 1000, 'c'));
    t.add(sock(80, 10, 1000, "a'"));
    expect(names(t)).toEqual(["a'", 'c', 'b']);
    t.remove(sock(40000, 20, 80, 'b'));
    t.add(sock(40000, 21, 80, 'd'));
    t.add(sock(40002, 20, 80, 'e'));
    expect(names(t)).toEqual(["a'", 'c', 'd', 'e']);
    expect(t.find(80, 11 as Ipv4, 1000)).toBeDefined();
    expect(t.find(40000, 20 as Ipv4, 80)).toBeUndefined();
    t.remove(sock(80, 10, 1000, 'x'));
    t.remove(sock(80, 11, 1000, 'y'));
    t.add(sock(80, 12, 1000, 'f'));
    expect(names(t)).toEqual(['d', 'e', 'f']);
  });

  it('forgets a listener\'s connection from anywhere among peers that share a port number', () => {
    const t = new SocketTable();
    for (const [raddr, name] of [[10, 'x'], [11, 'y'], [12, 'z']] as const) t.add(sock(80, raddr, 5000, name));
    t.add(sock(80, 13, 6000, 'w'));
    t.remove(sock(80, 10, 5000, 'x'));
    expect(names(t)).toEqual(['y', 'z', 'w']);
    t.remove(sock(80, 12, 5000, 'z'));
    expect(names(t)).toEqual(['y', 'w']);
    expect(t.find(80, 11 as Ipv4, 5000)).toBeDefined();
    expect(t.find(80, 10 as Ipv4, 5000)).toBeUndefined();
  });
});
