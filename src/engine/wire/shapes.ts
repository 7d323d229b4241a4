/**
 * Record shapes, made ready before the first packet. V8 keeps a field that has only ever held
 * numbers as an unboxed double once a value leaves the small-integer range, and every copy of
 * such a field then allocates a fresh heap number: IPv4 addresses above 2^30, TCP sequence
 * numbers and timestamps, on every hop. Making each hot record shape once with non-number
 * fields keeps those fields tagged, so a record copied from hop to hop shares its numbers.
 * Values and behaviour are unchanged; only memory and speed are. The literals below must list
 * the same keys in the same order as the records they prepare (repr.ts, route/output.ts).
 */
let seeds: readonly object[] | undefined;

/** The seed records (made once; the world keeps a reference so no bundler drops them as unused). */
export function prepareRecordShapes(): readonly object[] {
  seeds ??= [
    // Ipv4Repr, with and without pid (ipSendLocal, withTtl).
    { src: null, dst: null, ttl: null, id: null, df: null, tos: null, payload: null, pid: null },
    { src: null, dst: null, ttl: null, id: null, df: null, tos: null, payload: null },
    // TcpRepr as tcpRepr() and tcpWith() build it, and the timestamps option.
    { proto: null, sport: null, dport: null, seq: null, ack: null, flags: null, window: null, data: null, ts: null, mss: null, sackPerm: null, wscale: null },
    { val: null, ecr: null },
  ];
  return seeds;
}
