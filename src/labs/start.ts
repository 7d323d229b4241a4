/**
 * A lab's starting machines, taken from the preset that shows the finished lab: the same hosts,
 * cables, MACs and layout, with every address, route, sysctl and IPVS rule taken away, as a
 * lab begins on freshly booted machines. Web servers keep running (the real servers come with
 * one installed); the client's scripted requests go (the check sends its own). Hosts named in
 * `keep` stay as the preset has them: the Internet router of the TUN lab is not the learner's.
 */
import { getPreset, type HostSpec, type I18nText, type Scenario } from '../engine';

export function unconfigured(presetId: string, lab: { id: string; title: I18nText; summary: I18nText }, keep: readonly string[] = []): Scenario {
  const preset = getPreset(presetId);
  if (!preset) throw new Error(`lab ${lab.id}: no preset ${presetId}`);
  return {
    version: 1,
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    group: 'labs',
    hosts: preset.hosts.map((h) => (keep.includes(h.id) ? structuredClone(h) : bareHost(h))),
    segments: structuredClone(preset.segments),
  };
}

function bareHost(h: HostSpec): HostSpec {
  const servers = (h.apps ?? []).filter((a) => a.kind === 'http-server').map((a) => ({ kind: a.kind, port: a.port }));
  return {
    id: h.id,
    role: h.role,
    ...(h.name ? { name: h.name } : {}),
    ...(h.position ? { position: { ...h.position } } : {}),
    // tunl0 exists only once `modprobe ipip` loads the module: a step of the TUN lab.
    interfaces: h.interfaces.filter((i) => i.name !== 'lo' && i.name !== 'tunl0').map((i) => ({ name: i.name, ...(i.mac ? { mac: i.mac } : {}), addrs: [] })),
    ...(servers.length ? { apps: servers } : {}),
  };
}
