/**
 * net-tools 2.10 arp (arp.c): the neighbour cache as /proc/net/arp lists it, in the table
 * form (`arp`, `arp -n`, arp_disp_2) or the BSD form (`arp -a`, arp_disp); `-i DEV` and an
 * address filter; `arp -d ADDR` deletes an entry. The kernel lists entries in its hash order,
 * which changes from boot to boot; here they come in interface, then creation order.
 * An entry still resolving (or failed) has no address: "(incomplete)".
 */
import { deleteNeighbour, formatIpv4, formatMac, neighStateAt, type Host, type Mac, type Neigh } from '../../../engine';
import type { CommandContext } from '../../command';
import { inetResolve } from './inet';

const HEADER = 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';

interface Row {
  readonly ip: string;
  readonly mac: string | undefined;
  readonly flags: string;
  readonly dev: string;
}

function rowsOf(host: Host, now: number): Row[] {
  const rows: Row[] = [];
  for (const n of host.neigh.all() as Neigh[]) {
    const dev = host.ifaces.find((i) => i.index === n.ifIndex);
    if (!dev) continue;
    const state = neighStateAt(n, now);
    const complete = n.mac !== null && state !== 'INCOMPLETE' && state !== 'FAILED';
    rows.push({ ip: formatIpv4(n.ip), mac: complete ? formatMac(n.mac as Mac) : undefined, flags: complete ? (state === 'PERMANENT' ? 'CM' : 'C') : '', dev: dev.name });
  }
  return rows;
}

const fixed = (s: string, n: number): string => s.slice(0, n).padEnd(n);

function tableLine(r: Row): string {
  const hw = r.mac === undefined ? `${fixed('', 8)}${fixed('(incomplete)', 20)}` : `${fixed('ether', 8)}${fixed(r.mac, 20)}`;
  return `${fixed(r.ip, 23)}  ${hw}${fixed(r.flags, 6)}${fixed('', 15)} ${r.dev}\n`;
}

function bsdLine(r: Row): string {
  const at = r.mac === undefined ? '<incomplete> ' : `${r.mac} [ether] `;
  return `? (${r.ip}) at ${at}${r.flags.includes('M') ? 'PERM ' : ''}on ${r.dev}\n`;
}

/** Forms the simulation does not model get a plain message instead of arp's usage. */
function unsupported(ctx: CommandContext, what: string): number {
  ctx.err(`arp: lvs-flow does not simulate ${what}; it shows arp [-n] [-a] [-e] [-v] [-i DEV] [ADDR] and deletes with arp -d ADDR\n`);
  return 3;
}

export function arp(ctx: CommandContext): number {
  const host = ctx.live.host(ctx.hostId);
  if (!host) return 1;
  let bsd = false;
  let forceTable = false;
  let del = false;
  let device = '';
  const words: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] as string;
      if (c === 'a') bsd = true;
      else if (c === 'e') forceTable = true;
      else if (c === 'n' || c === 'v') continue;
      else if (c === 'd') del = true;
      else if (c === 'i') {
        device = a.slice(k + 1) || (args[++i] ?? '');
        break;
      } else return unsupported(ctx, `-${c}`);
    }
  }
  if (del) return arpDelete(ctx, host, words[0], device);
  let filter: string | undefined;
  if (words[0] !== undefined) {
    const r = inetResolve(words[0]);
    if (!r.ok) {
      ctx.err(r.error);
      return 255;
    }
    filter = formatIpv4(r.addr);
  }
  const all = rowsOf(host, ctx.live.now);
  const shown = all.filter((r) => (filter === undefined || r.ip === filter) && (device === '' || r.dev === device));
  const table = forceTable || !bsd;
  if (table && shown.length > 0) ctx.out(HEADER);
  for (const r of shown) ctx.out(table ? tableLine(r) : bsdLine(r));
  if (shown.length === 0) {
    if (filter !== undefined && !bsd) ctx.out(`${words[0]} (${filter}) -- no entry\n`);
    else if (filter !== undefined || device !== '') ctx.out(`arp: in ${all.length} entries no match found.\n`);
  }
  return 0;
}

/** arp -d ADDR [-i DEV]: SIOCDARP on the entry's device. */
function arpDelete(ctx: CommandContext, host: Host, word: string | undefined, device: string): number {
  if (word === undefined) {
    ctx.err('arp: need host name\n');
    return 255;
  }
  const r = inetResolve(word);
  if (!r.ok) {
    ctx.err(r.error);
    return 255;
  }
  const dev = device === '' ? undefined : host.ifByName.get(device);
  if (device !== '' && !dev) {
    ctx.err('SIOCDARP(dontpub): No such device\n');
    return 255;
  }
  const d = deleteNeighbour(host, r.addr, dev);
  if (d.ok) return 0;
  // ENXIO for the private entry, then ENOENT for a published one: arp says so on stdout.
  if (d.errno === 'ENOENT') ctx.out(`No ARP entry for ${word}\n`);
  else ctx.err('SIOCDARP(dontpub): Invalid argument\n');
  return 255;
}
