/**
 * Kathará's lab.conf: `HOST[N]="CD"` puts ethN of HOST on collision domain CD,
 * `HOST[N]="CD/MAC"` also sets its MAC, `HOST[sysctl]="net.KEY=VALUE"` (repeatable) sets a
 * sysctl before the startup file runs. Other keys (image, mem, LAB_*…) mean nothing to a
 * simulation and are listed as notes, never silently dropped.
 */

export interface LabHost {
  readonly id: string;
  /** Interfaces by number: eth0 is [0]. */
  readonly ifaces: Map<number, { cd: string; mac?: string }>;
  /** `HOST[sysctl]` entries, each with its lab.conf line (1-based) for error messages. */
  readonly sysctls: Array<{ key: string; value: number; line: number }>;
}

export interface LabConf {
  /** In order of first mention (Kathará numbers default MACs that way). */
  readonly hosts: LabHost[];
  /** Collision domains in order of first mention. */
  readonly domains: string[];
  /** LAB_DESCRIPTION, LAB_AUTHOR, … */
  readonly meta: Record<string, string>;
  /** Keys read but not simulated, as `lab.conf:LINE: note`. */
  readonly notes: string[];
  /** `# lvs-flow:` lines (a lab lvs-flow exported): links and latencies. */
  readonly directives: Directive[];
}

import { parseDirective, type Directive } from './directives';

export type LabConfResult = { ok: true; conf: LabConf } | { ok: false; error: string };

const HOST_KEY = /^([A-Za-z0-9_.-]+)\[([A-Za-z0-9_]+)\]\s*=\s*(.*)$/;
const META_KEY = /^(LAB_[A-Z_]+)\s*=\s*(.*)$/;
const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

export function parseLabConf(text: string): LabConfResult {
  const hosts = new Map<string, LabHost>();
  const domains: string[] = [];
  const meta: Record<string, string> = {};
  const notes: string[] = [];
  const directives: Directive[] = [];
  const lines = text.split('\n');
  const hostOf = (id: string): LabHost => {
    let h = hosts.get(id);
    if (!h) hosts.set(id, (h = { id, ifaces: new Map(), sysctls: [] }));
    return h;
  };
  for (let i = 0; i < lines.length; i++) {
    const where = `lab.conf:${i + 1}`;
    const line = (lines[i] as string).replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) {
      const d = parseDirective(line);
      if (d) directives.push(d);
      continue;
    }
    const m = META_KEY.exec(line);
    if (m) {
      meta[m[1] as string] = unquote(m[2] as string);
      continue;
    }
    const k = HOST_KEY.exec(line);
    if (!k) return { ok: false, error: `${where}: expected HOST[N]="DOMAIN" or HOST[key]="value", found "${line}"` };
    const [, id, key, rawValue] = k as unknown as [string, string, string, string];
    const value = unquote(rawValue);
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(id)) return { ok: false, error: `${where}: host name "${id}" must start with a letter and hold only letters, digits, "_" or "-" (at most 32)` };
    if (/^\d+$/.test(key)) {
      const n = Number(key);
      if (n > 63) return { ok: false, error: `${where}: interface number ${n} is too large (eth0 to eth63)` };
      const [cd, mac] = value.split('/') as [string, string | undefined];
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(cd)) return { ok: false, error: `${where}: collision domain "${cd}" must be 1-32 letters, digits, "_", "." or "-"` };
      if (mac !== undefined && !MAC_RE.test(mac)) return { ok: false, error: `${where}: "${mac}" is not a MAC address (expected e.g. 02:00:00:00:01:00)` };
      const h = hostOf(id);
      if (h.ifaces.has(n)) return { ok: false, error: `${where}: ${id}[${n}] is set twice` };
      h.ifaces.set(n, { cd, ...(mac !== undefined ? { mac: mac.toLowerCase() } : {}) });
      if (!domains.includes(cd)) domains.push(cd);
      continue;
    }
    if (key === 'sysctl') {
      const s = /^(net\.[A-Za-z0-9_./-]+)\s*=\s*(-?\d+)$/.exec(value);
      if (!s) return { ok: false, error: `${where}: ${id}[sysctl] expects "net.KEY=NUMBER", found "${value}"` };
      hostOf(id).sysctls.push({ key: (s[1] as string).replace(/\//g, '.'), value: Number(s[2]), line: i + 1 });
      continue;
    }
    hostOf(id);
    notes.push(`${where}: ${id}[${key}] is not simulated (ignored)`);
  }
  return { ok: true, conf: { hosts: [...hosts.values()], domains, meta, notes, directives } };
}
