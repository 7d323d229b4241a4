/**
 * Each host's files, as far as labs touch them: ordinary files a command writes (`echo … >
 * /tmp/x`, `/etc/sysctl.conf`), the web root's index.html (which the host's web server serves),
 * /proc/sys, whose files are the kernel's sysctls, and the /proc/net files of proc-net.ts. Paths are absolute or relative to /root,
 * the console's working directory.
 */
import { setWebPage, type LiveWorld } from '../engine';
import { procNetRead } from './proc-net';
import { procSysRead, procSysWrite } from './proc-sys';

export type FsResult = { ok: true; text: string } | { ok: false; error: string };

/** The web root's page, as Debian's Apache and nginx serve it. */
export const WEB_ROOT = '/var/www/html';
export const INDEX_HTML = `${WEB_ROOT}/index.html`;

/** Directories that exist on a Debian 12 host (a write into any other directory fails as bash says). */
const DIRS = new Set(['/', '/etc', '/tmp', '/root', '/var', '/var/www', WEB_ROOT, '/proc', '/proc/net', '/proc/sys', '/proc/sys/net', '/proc/sys/net/ipv4', '/proc/sys/net/ipv4/conf', '/usr', '/home', '/srv', '/opt', '/etc/sysctl.d',
  '/etc/nginx', '/etc/nginx/conf.d', '/etc/nginx/sites-enabled', '/etc/nginx/sites-available']);

export function resolvePath(path: string): string {
  const abs = path.startsWith('/') ? path : `/root/${path}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export class HostFiles {
  private readonly files = new Map<string, string>();

  constructor(private readonly live: LiveWorld, private readonly hostId: string) {}

  /** What `cat PATH` reads; the error is cat's own message. */
  read(path: string): FsResult {
    const p = resolvePath(path);
    if (p.startsWith('/proc/sys/')) return procSysRead(this.live, this.hostId, p);
    const procNet = procNetRead(this.live, this.hostId, p);
    if (procNet) return procNet;
    const text = this.files.get(p);
    if (text !== undefined) return { ok: true, text };
    if (DIRS.has(p)) return { ok: false, error: 'Is a directory' };
    return { ok: false, error: 'No such file or directory' };
  }

  /** `> PATH` (append = `>>`); the error is bash's wording after "bash: PATH: ". */
  write(path: string, text: string, append: boolean): { ok: true } | { ok: false; error: string } {
    const p = resolvePath(path);
    if (p.startsWith('/proc/')) return procSysWrite(this.live, this.hostId, p, text);
    if (DIRS.has(p)) return { ok: false, error: 'Is a directory' };
    if (!DIRS.has(dirOf(p))) return { ok: false, error: 'No such file or directory' };
    const next = append ? (this.files.get(p) ?? '') + text : text;
    this.files.set(p, next);
    if (p === INDEX_HTML) {
      // The host's web servers read index.html at every request: they serve what was just written.
      const host = this.live.host(this.hostId);
      if (host) setWebPage(this.live, host, next);
    }
    return { ok: true };
  }

  exists(path: string): boolean {
    const p = resolvePath(path);
    return this.files.has(p) || DIRS.has(p) || this.kind(p) === 'file';
  }

  /** What `test -f`/`-d` see at a path: a file, a directory, or nothing. */
  kind(path: string): 'file' | 'dir' | undefined {
    const p = resolvePath(path);
    if (this.files.has(p)) return 'file';
    if (DIRS.has(p)) return 'dir';
    if (procNetRead(this.live, this.hostId, p)?.ok) return 'file';
    if (!p.startsWith('/proc/sys/')) return undefined;
    if (procSysRead(this.live, this.hostId, p).ok) return 'file';
    // A device's conf directory exists while the device does (its rp_filter is there).
    return /^\/proc\/sys\/net\/ipv4\/conf\/[^/]+$/.test(p) && procSysRead(this.live, this.hostId, `${p}/rp_filter`).ok ? 'dir' : undefined;
  }

  /** A file's size in bytes (what `test -s` reads); a directory's is not 0, as on ext4; /proc's files say 0. */
  size(path: string): number {
    const kind = this.kind(path);
    if (kind === 'dir') return 4096;
    if (resolvePath(path).startsWith('/proc/')) return 0;
    const r = kind === 'file' ? this.read(path) : undefined;
    return r?.ok ? new TextEncoder().encode(r.text).length : 0;
  }

  /** The files written in directory `dir` (not below it), by path in name order, as a glob lists them. */
  filesIn(dir: string): Array<[path: string, text: string]> {
    const d = resolvePath(dir);
    return [...this.files].filter(([p]) => dirOf(p) === d).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** The page index.html holds, or undefined while it does not exist. */
  page(): string | undefined {
    return this.files.get(INDEX_HTML);
  }
}
