/**
 * Record shapes, made ready before the first packet. V8 keeps a field that has only ever held
 * numbers as an unboxed double once a value leaves the small-integer range, and every copy of
 * such a field then allocates a fresh heap number: IPv4 addresses above 2^30, TCP sequence
 * numbers and timestamps, on every hop. Making each hot record shape once with non-number
 * fields keeps those fields tagged, so a record copied from hop to hop shares its numbers.
 * Values and behaviour are unchanged; only memory and speed are. Each seed must list the same
 * keys in the same order as the records it prepares (repr.ts, route/output.ts, tcp/tcp-stack.ts):
 * shapes.test.ts checks every record a run of every preset builds against them.
 */

/** One seed per hot record shape. */
export interface RecordSeeds {
  /** Ipv4Repr with pid (ipSendLocal, ipRewrite) and without (ipRewrite of a packet that has none). */
  readonly ipv4WithPid: object;
  readonly ipv4: object;
  /** TcpRepr as tcpRepr() and tcpWith() build it, and its timestamps option. */
  readonly tcp: object;
  readonly tcpTimestamps: object;
}

let seeds: RecordSeeds | undefined;

/** The seed records (made once; the world keeps a reference so no bundler drops them as unused). */
export function prepareRecordShapes(): RecordSeeds {
  seeds ??= {
    ipv4WithPid: { src: null, dst: null, ttl: null, id: null, df: null, tos: null, payload: null, pid: null },
    ipv4: { src: null, dst: null, ttl: null, id: null, df: null, tos: null, payload: null },
    tcp: { proto: null, sport: null, dport: null, seq: null, ack: null, flags: null, window: null, data: null, ts: null, mss: null, sackPerm: null, wscale: null },
    tcpTimestamps: { val: null, ecr: null },
  };
  return seeds;
}
