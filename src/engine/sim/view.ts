/** The world at one moment as plain JSON for the inspectors (see world-view.ts). */
import { formatIpv4 } from '../addr/ipv4';
import { formatCidr } from '../addr/cidr';
import { formatMac } from '../addr/mac';
import { stateAt } from '../arp/neigh-table';
import { SCOPE_HOST, SCOPE_LINK } from '../host/iface';
import { COURSE_SYSCTLS, effectiveConf } from '../host/sysctl';
import { interfacesJson } from './to-json';
import type { HostView, RouteView, WorldView } from './world-view';
import type { Host, World } from './world';

function routesView(h: Host): RouteView[] {
  const out: RouteView[] = [];
  for (const r of [...h.routes.main, ...h.routes.local]) {
    out.push({
      dst: r.len === 0 ? 'default' : r.len === 32 ? formatIpv4(r.dst) : formatCidr({ addr: r.dst, len: r.len }),
      dev: r.dev.name,
      proto: r.proto,
      scope: r.scope === SCOPE_HOST ? 'host' : r.scope === SCOPE_LINK ? 'link' : 'global',
      table: r.table,
      ...(r.via !== undefined ? { via: formatIpv4(r.via) } : {}),
      ...(r.src !== undefined ? { src: formatIpv4(r.src) } : {}),
    });
  }
  return out;
}

function sysctlView(h: Host): Record<string, number> {
  const out: Record<string, number> = { 'net.ipv4.ip_forward': h.sysctl.get('net.ipv4.ip_forward') ?? h.sysctl.get('net.ipv4.conf.all.forwarding') ?? 0 };
  for (const key of COURSE_SYSCTLS) {
    if (key === 'forwarding') continue;
    out[`net.ipv4.conf.all.${key}`] = h.sysctl.get(`net.ipv4.conf.all.${key}`) ?? 0;
    for (const i of h.ifaces) out[`net.ipv4.conf.${i.name}.${key}`] = effectiveConf(h.sysctl, i.name, key);
  }
  return out;
}

export function hostView(w: World, h: Host): HostView {
  const view: HostView = {
    id: h.id,
    role: h.role,
    interfaces: interfacesJson(h.ifaces),
    arp: h.neigh.all().map((n) => ({
      ip: formatIpv4(n.ip),
      mac: n.mac === null ? null : formatMac(n.mac),
      state: stateAt(n, w.now),
      dev: h.ifaces[n.ifIndex]?.name ?? '?',
    })),
    routes: routesView(h),
    sysctl: sysctlView(h),
    sockets: h.tcp.sockets.list().map((s) => ({ proto: 'tcp', local: `${formatIpv4(s.laddr)}:${s.lport}`, remote: `${formatIpv4(s.raddr)}:${s.rport}`, state: s.state })),
  };
  if (h.director) view.ipvs = { list: h.director.ipvsadm(w, 'list'), conns: h.director.ipvsadm(w, 'conns'), stats: h.director.ipvsadm(w, 'stats') };
  return view;
}

export function worldView(w: World): WorldView {
  const hosts: WorldView['hosts'] = {};
  for (const h of w.hostList) hosts[h.id] = hostView(w, h);
  return { t: w.now, hosts };
}
